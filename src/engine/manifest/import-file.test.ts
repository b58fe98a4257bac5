import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { scene } from '../testing/scene';
import { readManifestFile } from './import-file';
// What `kubectl get svc,endpointslices,pods -l app=web -o yaml` prints (e2e/open-files.spec.ts opens it too).
import DUMP from './testdata/kubectl-get-dump.yaml?raw';
// An EKS cluster's `kubectl get svc,endpointslices,pods -o yaml`: pods on ip-10-0-…ec2.internal, no Node.
import EKS from './testdata/kubectl-get-dump-eks.yaml?raw';

describe('readManifestFile', () => {
  it('cleans a kubectl get -o yaml List as re-applying it needs', () => {
    const r = readManifestFile(DUMP);
    expect(r.refused).toBeUndefined();
    expect(r.addedNodes).toEqual(['worker-1']);
    expect(r.dump).toBe(true);
    expect(r.objects).toBe(3);
    expect(r.removed).toEqual({
      uid: 2,
      resourceVersion: 2,
      creationTimestamp: 2,
      managedFields: 1,
      lastAppliedConfiguration: 1,
      status: 1,
      clusterIP: 1,
    });
    expect(r.keptPodStatus).toBe(1);
    expect(r.controllerSlices).toBe(1);
    const [first, node] = parseAllDocuments(r.text).map((d) => d.toJS() as unknown);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const list = first as { kind: string; metadata?: unknown; items: Record<string, any>[] };
    // Its pod ran on worker-1, which the dump does not list: the Node is added after it.
    expect(node).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'worker-1' },
      status: { addresses: [{ type: 'InternalIP', address: '192.168.49.3' }] },
    });
    expect(list.kind).toBe('List');
    expect(list.metadata).toBeUndefined();
    // The controller's EndpointSlice is left out: this cluster's controller writes its own.
    expect(list.items.map((o) => o.kind)).toEqual(['Service', 'Pod']);
    const [svc, pod] = list.items;
    expect(svc!.metadata).toEqual({ labels: { app: 'web' }, name: 'web', namespace: 'default' });
    expect(svc!.spec.clusterIP).toBeUndefined();
    expect(svc!.spec.clusterIPs).toBeUndefined();
    expect(svc!.spec.ipFamilies).toEqual(['IPv4']);
    expect(svc!.status).toBeUndefined();
    // What is not the server's stays.
    expect(pod!.metadata.generateName).toBe('web-6d4cf56db6-');
    expect(pod!.metadata.labels['pod-template-hash']).toBe('6d4cf56db6');
    expect(pod!.metadata.managedFields).toBeUndefined();
    expect(pod!.status.podIP).toBe('10.42.1.7');
    // kubectl's style: sequences not indented under their key.
    expect(r.text).toContain('items:\n- apiVersion: v1');
  });

  it('keeps a headless Service headless', () => {
    const r = readManifestFile(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  uid: x\nspec:\n  clusterIP: None\n  clusterIPs: [None]\n  ports: [{port: 5432}]\n',
    );
    expect(r.removed).toEqual({ uid: 1 });
    expect(parse(r.text).spec.clusterIP).toBe('None');
  });

  it('leaves a hand-written file alone, a fixed clusterIP and comments too', () => {
    const text =
      '# mine\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: 10.96.0.50\n';
    expect(readManifestFile(text)).toEqual({
      text,
      dump: false,
      removed: {},
      controllerSlices: 0,
      addedNodes: [],
      keptPodStatus: 0,
      objects: 1,
    });
  });

  it('cleans each document of a multi-document dump and keeps comments', () => {
    const text =
      '# exported\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  resourceVersion: "1"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  resourceVersion: "2"\n';
    const r = readManifestFile(text);
    expect(r.removed).toEqual({ resourceVersion: 2 });
    expect(r.text).toBe(
      '# exported\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n',
    );
  });

  it('leaves out a controller-written EndpointSlice given as a document of its own, keeps a hand-written one', () => {
    const slice = (name: string, managedBy: string) =>
      `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ${name}\n  uid: u-${name}\n  labels:\n    kubernetes.io/service-name: web\n    endpointslice.kubernetes.io/managed-by: ${managedBy}\naddressType: IPv4\nendpoints: []\n`;
    const r = readManifestFile(`${slice('a', 'endpointslice-controller.k8s.io')}---\n${slice('b', 'me')}`);
    expect(r.controllerSlices).toBe(1);
    expect(r.text).not.toContain('name: a');
    expect(
      r.text.startsWith('apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: b\n'),
    ).toBe(true);
  });

  it('opens a file with a typo as it is (the editor shows where)', () => {
    const text = 'kind: Service\nmetadata: [\n';
    const r = readManifestFile(text);
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe(text);
  });

  it('refuses an alias bomb, a deep document and an oversized file with the reader diagnostic', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    expect(readManifestFile(bomb.join('\n')).refused?.code).toBe('yaml.alias-limit');
    expect(readManifestFile(`a: ${'['.repeat(2000)}`).refused?.code).toBe('yaml.too-deep');
    const big = readManifestFile(`a: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
    expect(big.refused?.code).toBe('yaml.source-too-large');
    expect(big.refused?.file).toBeUndefined();
  });
});

describe('a dump whose pods ran on nodes it does not include', () => {
  const r = readManifestFile(EKS);

  it('adds each node once, with its pods’ address and the zone the EndpointSlice gives it', () => {
    expect(r.addedNodes).toEqual(['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-41.ec2.internal']);
    const docs = parseAllDocuments(r.text).map((d) => d.toJS() as Record<string, unknown>);
    expect(docs.slice(1)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'ip-10-0-1-23.ec2.internal',
          labels: { 'topology.kubernetes.io/zone': 'us-east-1a' },
        },
        status: { addresses: [{ type: 'InternalIP', address: '10.0.1.23' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'ip-10-0-2-41.ec2.internal',
          labels: { 'topology.kubernetes.io/zone': 'us-east-1b' },
        },
        status: { addresses: [{ type: 'InternalIP', address: '10.0.2.41' }] },
      },
    ]);
    // The file says why they are there.
    expect(r.text).toContain(
      '# Added by svclab: 2 pods of this dump ran on ip-10-0-1-23.ec2.internal, which the dump does not include.',
    );
  });

  it('builds the dump’s cluster: its nodes, its pods on them, a request answered', () => {
    const s = scene(r.text);
    expect(s.run('get nodes -o wide').stdout).toMatch(
      /^ip-10-0-1-23\.ec2\.internal\s+Ready.*10\.0\.1\.23[\s\S]*^ip-10-0-2-41\.ec2\.internal\s+Ready.*10\.0\.2\.41/m,
    );
    // svclab's default nodes are not there: the scene has the dump's.
    expect(s.run('get nodes').stdout).not.toContain('node-1');
    const pods = s.run('get pods -o wide').stdout;
    expect(pods).toMatch(
      /^shop-7b9c6d5f4-k2m8p\s+1\/1\s+Running.*10\.0\.1\.45\s+ip-10-0-1-23\.ec2\.internal/m,
    );
    expect(pods).toMatch(
      /^shop-7b9c6d5f4-q7w4z\s+1\/1\s+Running.*10\.0\.2\.17\s+ip-10-0-2-41\.ec2\.internal/m,
    );
    expect(s.run('get endpointslices').stdout).toMatch(
      /^shop-\w+\s+IPv4\s+80\s+10\.0\.1\.45,10\.0\.2\.17\s/m,
    );
    const curl = s.run('exec client -- curl -s http://shop');
    expect(curl.exitCode).toBe(0);
    expect(curl.stdout).toMatch(/You've hit shop-7b9c6d5f4-(k2m8p|q7w4z)/);
  });

  it('adds nothing for a node the dump lists, nor for a pod without a status (it never ran)', () => {
    const withNode = `${EKS}---
apiVersion: v1
kind: Node
metadata:
  name: ip-10-0-1-23.ec2.internal
  uid: 9d1e2f3a-0000-4000-8000-00000000c001
status:
  addresses:
  - type: InternalIP
    address: 10.0.1.23
`;
    expect(readManifestFile(withNode).addedNodes).toEqual(['ip-10-0-2-41.ec2.internal']);
    const pending = `apiVersion: v1
kind: Pod
metadata:
  name: pinned
  uid: 1
spec:
  nodeName: nowhere
  containers: [{ name: c, image: nginx }]
`;
    expect(readManifestFile(pending).addedNodes).toEqual([]);
    // A hand-written file (no server-set metadata) is left as it is, whatever its pods name.
    expect(readManifestFile(pending.replace('  uid: 1\n', '')).addedNodes).toEqual([]);
  });
});
