import { describe, expect, it } from 'vitest';
import { emptyCluster } from '../cluster/state';
import type { EndpointSlice, Endpoints, Pod, Service } from '../k8s/objects';
import { createWorld } from '../world';
import { getCommand } from './get';
import { formatEndpoints, tabulate } from './get-printers';
import type { CommandEnv } from './types';

const T0 = '2026-01-01T00:00:00Z';
const meta = (name: string, namespace = 'default') => ({ name, namespace, creationTimestamp: T0 });

function env(json = false): CommandEnv {
  const cluster = emptyCluster();
  const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name),
    spec,
    ...(status ? { status } : {}),
  });
  cluster.services = [
    svc('web', {
      type: 'NodePort',
      clusterIP: '10.96.12.34',
      selector: { app: 'web' },
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
    }),
    svc('lb', {
      type: 'LoadBalancer',
      clusterIP: '10.96.7.7',
      ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }],
    }),
    svc('db', {
      type: 'ClusterIP',
      clusterIP: 'None',
      selector: { app: 'db' },
      ports: [{ port: 5432, protocol: 'TCP' }],
    }),
    svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
  ];
  const addr = (ip: string) => ({ ip });
  const ep: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('web'),
    subsets: [
      {
        addresses: ['10.244.0.2', '10.244.1.2', '10.244.2.2', '10.244.0.3', '10.244.1.3'].map(addr),
        notReadyAddresses: [addr('10.244.2.9')],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ],
  };
  cluster.endpoints = [ep, { apiVersion: 'v1', kind: 'Endpoints', metadata: meta('db') }];
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta('web-abcde'),
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.0.2'] }, { addresses: ['10.244.1.2'] }],
    ports: [{ port: 8080, protocol: 'TCP' }],
  };
  cluster.endpointSlices = [slice, { ...slice, metadata: meta('db-fghij'), endpoints: [], ports: [] }];
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta('web-1'), labels: { app: 'web' } },
    spec: { nodeName: 'node-1', containers: [{ name: 'web' }] },
    status: {
      phase: 'Running',
      podIP: '10.244.0.2',
      containerStatuses: [{ name: 'web', ready: true, state: { running: { startedAt: T0 } } }],
    } as Pod['status'],
  };
  cluster.pods = [pod, { ...pod, metadata: { ...meta('other', 'kube-system') } }];
  const world = createWorld(1);
  world.clock = 125;
  return { cluster, world, diagnostics: [], json, lang: 'en' };
}

describe('get', () => {
  it('prints services like kubectl', () => {
    expect(getCommand(['svc'], env()).stdout).toBe(
      [
        'NAME   TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)         AGE',
        'db     ClusterIP      None          <none>        5432/TCP        2m5s',
        'ext    ExternalName   <none>        example.com   <none>          2m5s',
        'lb     LoadBalancer   10.96.7.7     <pending>     443:31443/TCP   2m5s',
        'web    NodePort       10.96.12.34   <none>        80:30080/TCP    2m5s',
        '',
      ].join('\n'),
    );
    expect(getCommand(['services', 'web', '-o', 'wide'], env()).stdout.split('\n')[1]).toBe(
      'web    NodePort   10.96.12.34   <none>        80:30080/TCP   2m5s   app=web',
    );
  });

  it('prints endpoints with "+ N more..." and endpoint slices with <unset>', () => {
    const out = getCommand(['ep,endpointslices'], env()).stdout;
    expect(out).toContain(
      'endpoints/web   10.244.0.2:8080,10.244.1.2:8080,10.244.2.2:8080 + 2 more...   2m5s\n',
    );
    expect(out).toContain('endpoints/db    <none>');
    expect(out).toContain(
      '\n\nNAME                                       ADDRESSTYPE   PORTS     ENDPOINTS               AGE\n',
    );
    expect(out).toContain(
      'endpointslice.discovery.k8s.io/db-fghij    IPv4          <unset>   <unset>                 2m5s\n',
    );
    expect(out).toContain(
      'endpointslice.discovery.k8s.io/web-abcde   IPv4          8080      10.244.0.2,10.244.1.2   2m5s\n',
    );
  });

  it('prints pods -o wide and -A with a NAMESPACE column', () => {
    expect(getCommand(['po', '-o', 'wide'], env()).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'web-1   1/1     Running   0          2m5s   10.244.0.2   node-1   <none>           <none>\n',
    );
    expect(getCommand(['pods', '-A'], env()).stdout.split('\n')[0]).toBe(
      'NAMESPACE     NAME    READY   STATUS    RESTARTS   AGE',
    );
  });

  it('json is always a v1 List; yaml of one object is the object; errors and usage', () => {
    const j = JSON.parse(getCommand(['svc', 'web'], env(true)).stdout);
    expect(j.apiVersion).toBe('v1');
    expect(j.kind).toBe('List');
    expect(j.items.map((i: Service) => i.metadata.name)).toEqual(['web']);
    expect(JSON.parse(getCommand(['svc', '-o', 'json'], env()).stdout).items).toHaveLength(4);
    const y = getCommand(['svc', 'web', '-o', 'yaml'], env()).stdout;
    expect(
      y.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: "2026-01-01T00:00:00Z"\n'),
    ).toBe(true);
    expect(y).toContain('ports:\n  - nodePort: 30080\n');
    const nf = getCommand(['svc', 'nope'], env());
    expect([nf.exitCode, nf.stderr]).toEqual([
      1,
      'Error from server (NotFound): services "nope" not found\n',
    ]);
    const none = getCommand(['pods', '-n', 'x'], env());
    expect([none.exitCode, none.stdout, none.stderr]).toEqual([
      0,
      '',
      'No resources found in x namespace.\n',
    ]);
    expect(getCommand(['widgets'], env()).stderr).toBe(
      'error: the server doesn\'t have a resource type "widgets"\n',
    );
    expect(getCommand([], env()).exitCode).toBe(2);
  });

  it('gets TYPE/NAME objects, types mixed, each run of one type as one table (ResourceTypeOrNameArgs)', () => {
    const get = (...args: string[]) => getCommand(args, env());
    // One TYPE/NAME prints as `TYPE NAME` does, without a kind/ prefix.
    expect(get('svc/web')).toEqual(get('svc', 'web'));
    expect(get('svc/web').stdout.split('\n')[1]).toMatch(/^web {4}NodePort {3}10\.96\.12\.34 /);
    // Two of one type: one table, in the order asked.
    expect(
      get('svc/web', 'services/db')
        .stdout.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['NAME', 'web', 'db', '']);
    // Two kinds found: kind/name, a blank line between the tables.
    const mixed = get('svc/web', 'po/web-1');
    expect(mixed.exitCode).toBe(0);
    expect(mixed.stdout).toBe(
      [
        'NAME          TYPE       CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE',
        'service/web   NodePort   10.96.12.34   <none>        80:30080/TCP   2m5s',
        '',
        'NAME        READY   STATUS    RESTARTS   AGE',
        'pod/web-1   1/1     Running   0          2m5s',
        '',
      ].join('\n'),
    );
    // The kind prefix follows what was found (multipleGVKsRequested), and NotFound goes to stderr.
    const missing = get('svc/web', 'pod/client');
    expect([missing.exitCode, missing.stdout.split('\n')[1]!.split(' ')[0], missing.stderr]).toEqual([
      1,
      'web',
      'Error from server (NotFound): pods "client" not found\n',
    ]);
    // TYPE,TYPE NAME is TYPE/NAME for each type (normalizeMultipleResourcesArgs).
    expect(get('svc,po', 'web').stderr).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(get('svc,po', 'web').stdout.startsWith('NAME   TYPE')).toBe(true);
  });

  it('TYPE/NAME with -o yaml, json, name, wide and -n', () => {
    const get = (...args: string[]) => getCommand(args, env());
    expect(get('svc/web', '-o', 'yaml').stdout.startsWith('apiVersion: v1\nkind: Service\n')).toBe(true);
    const two = get('svc/web', 'pod/web-1', '-o', 'yaml').stdout;
    expect(two.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n')).toBe(true);
    expect(two).toContain('\n- apiVersion: v1\n  kind: Pod\n');
    // One named object that is not there: the error alone, no empty List.
    expect([get('svc/nope', '-o', 'yaml').stdout, get('svc/nope', '-o', 'yaml').exitCode]).toEqual(['', 1]);
    const j = JSON.parse(get('svc/web', '-o', 'json').stdout);
    expect([j.kind, j.items.map((i: Service) => i.metadata.name)]).toEqual(['List', ['web']]);
    expect(get('pod/web-1', 'svc/db', '-o', 'name').stdout).toBe('pod/web-1\nservice/db\n');
    expect(get('svc/web', '-o', 'wide').stdout.split('\n')[1]).toMatch(/ app=web$/);
    expect(get('pod/other').stderr).toBe('Error from server (NotFound): pods "other" not found\n');
    expect(get('pod/other', '-n', 'kube-system').stdout.split('\n')[1]).toMatch(/^other /);
    // What -o name prints (kind.group/name) is a TYPE/NAME kubectl takes back, as are plural.group forms.
    expect(get('endpointslice.discovery.k8s.io/web-abcde', '-o', 'name').stdout).toBe(
      'endpointslice.discovery.k8s.io/web-abcde\n',
    );
    expect(get('pods', 'web-1', '-o', 'name').stdout).toBe('pod/web-1\n');
  });

  it('refuses what kubectl refuses around TYPE/NAME, with its words', () => {
    const get = (...args: string[]) => getCommand(args, env());
    const err = (...args: string[]) => {
      const r = get(...args);
      return [r.exitCode, r.stdout, r.stderr];
    };
    expect(err('svc', 'svc/web')).toEqual([
      1,
      '',
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    ]);
    expect(err('svc/web/x')).toEqual([
      1,
      '',
      'error: arguments in resource/name form may not have more than one slash\n',
    ]);
    expect(err('svc/')).toEqual([
      1,
      '',
      'error: arguments in resource/name form must have a single resource and name\n',
    ]);
    expect(err('svc,po/web')).toEqual([
      1,
      '',
      'error: arguments in resource/name form must have a single resource and name\n',
    ]);
    expect(err('svc/web', 'deploy/web', 'widget/x')).toEqual([
      1,
      '',
      'error: the server doesn\'t have a resource type "widget"\n',
    ]);
    expect(err('svc/web', '-A')).toEqual([
      1,
      '',
      'error: a resource cannot be retrieved by name across all namespaces\n',
    ]);
    expect(err('svc/web', '-l', 'app=web')).toEqual([
      1,
      '',
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
    ]);
    expect(err('svc', 'web', '-l', 'app=web')).toEqual([
      1,
      '',
      'error: name cannot be provided when a selector is specified\n',
    ]);
  });

  // kubectl's -l is a string flag: given twice, the last value is the selector (not both together).
  it('takes the last -l when the selector is given twice, as kubectl', () => {
    const names = (...args: string[]) => getCommand(['pods', '-o', 'name', ...args], env()).stdout;
    expect(names('-l', 'app=web')).toBe('pod/web-1\n');
    expect(names('-l', 'tier=db', '-l', 'app=web')).toBe('pod/web-1\n');
    expect(names('-l', 'app=web', '-l', 'tier=db')).toBe('');
  });

  it('prints shared sub-objects in full, never as YAML aliases', () => {
    const e = env();
    const shared = [{ name: 'web', image: 'nginx' }];
    e.cluster.pods.forEach((p) => (p.spec.containers = shared));
    const y = getCommand(['pods', '-A', '-o', 'yaml'], e).stdout;
    expect(y).not.toMatch(/[&*]a\d/);
    expect(y.match(/image: nginx/g)).toHaveLength(2);
  });

  it('tabulates like tabwriter (padding 3, min width 6) and formats endpoints', () => {
    expect(
      tabulate([
        ['NAME', 'IP', 'AGE'],
        ['a', '', '1s'],
      ]),
    ).toBe('NAME   IP    AGE\na            1s\n');
    expect(
      formatEndpoints({
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: {},
        subsets: [{ notReadyAddresses: [{ ip: '1.2.3.4' }], ports: [{ port: 1 }] }],
      }),
    ).toBe('');
  });
});
