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
