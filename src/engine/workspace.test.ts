import { describe, expect, it } from 'vitest';
import { buildCluster } from './build';
import { createWorkspace } from './workspace';

const doc = (name: string, replicas: number, port = 8080) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: c, image: nginx, ports: [{ containerPort: ${port} }] }]
---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80, targetPort: ${port} }]
`;

const scene = (edit = false) => [
  { file: 'a.yaml', text: doc('a', 2) },
  { file: 'b.yaml', text: [doc('b', 2), doc('c', 1, edit ? 9090 : 8080)].join('---\n') },
];

const plain = (r: ReturnType<typeof buildCluster>) =>
  JSON.parse(JSON.stringify({ ...r.cluster, origins: [...r.cluster.origins] }));

describe('createWorkspace', () => {
  it('gives the same cluster as a full build, before and after an edit', () => {
    const ws = createWorkspace(3);
    expect(plain(ws.update(scene()))).toEqual(plain(buildCluster(scene(), { seed: 3 })));
    expect(plain(ws.update(scene(true)))).toEqual(plain(buildCluster(scene(true), { seed: 3 })));
  });

  it('re-parses only the edited document and reuses endpoints of untouched Services', () => {
    const ws = createWorkspace(1);
    ws.update(scene());
    const misses = ws.stats.cache.chunkMisses;
    const first = ws.update(scene());
    expect(ws.stats.cache.chunkMisses).toBe(misses); // nothing changed: nothing parsed
    expect(ws.stats.endpointsComputed).toBe(0);
    const edited = ws.update(scene(true));
    expect(ws.stats.cache.chunkMisses - misses).toBe(2); // only c's two edited documents (Deployment, Service)
    // Services a and b are untouched; c's pods changed ports, and kube-dns' pods are untouched.
    expect(ws.stats.endpointsComputed).toBe(1);
    const ep = (r: typeof first, n: string) => r.cluster.endpoints.find((e) => e.metadata.name === n);
    expect(ep(edited, 'a')).toBe(ep(first, 'a')); // the very same object, handed over
    expect(ep(edited, 'c')).not.toBe(ep(first, 'c'));
    expect(ep(edited, 'c')!.subsets![0]!.ports![0]!.port).toBe(9090);
  });

  it('follows a Service moved to another address family on a dual-stack cluster', () => {
    const config = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
---
`;
    const families = (f: string) => [
      {
        file: 'a.yaml',
        text:
          config +
          doc('a', 2).replace(
            'spec:\n  selector: { app: a }',
            `spec:\n  ipFamilies: [${f}]\n  selector: { app: a }`,
          ),
      },
    ];
    const ws = createWorkspace(1);
    ws.update(families('IPv4'));
    const moved = ws.update(families('IPv6'));
    expect(plain(moved)).toEqual(plain(buildCluster(families('IPv6'), { seed: 1 })));
    const slices = moved.cluster.endpointSlices.filter(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'a',
    );
    expect(slices.map((s) => s.addressType)).toEqual(['IPv6']);
  });
});

describe('createWorkspace: topology-mode Auto follows the nodes', () => {
  const node = (name: string, zone: string, cpu: string) => `apiVersion: v1
kind: Node
metadata: { name: ${name}, labels: { topology.kubernetes.io/zone: ${zone} } }
status: { allocatable: { cpu: "${cpu}" } }
`;
  const pod = (name: string, nodeName: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web } }
spec: { nodeName: ${nodeName}, containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }] }
`;
  const svc = `apiVersion: v1
kind: Service
metadata: { name: web, annotations: { service.kubernetes.io/topology-mode: Auto } }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`;
  const files = (cpuB: string) => [
    { file: 'nodes.yaml', text: [node('n-a', 'zone-a', '2'), node('n-b', 'zone-b', cpuB)].join('---\n') },
    { file: 'app.yaml', text: [pod('a1', 'n-a'), pod('b1', 'n-b'), svc].join('---\n') },
  ];
  const hints = (r: ReturnType<typeof buildCluster>) =>
    r.cluster.endpointSlices
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
      .flatMap((s) => (s.endpoints ?? []).map((e) => e.hints?.forZones?.[0]?.name ?? null));

  it('recomputes the hints when only a node’s CPU changes (the Service and its pods are untouched)', () => {
    const ws = createWorkspace(1);
    // 2 and 2 CPUs: one endpoint per zone, each hinted for its own.
    expect(hints(ws.update(files('2')))).toEqual(['zone-a', 'zone-b']);
    // 2 and 8 CPUs: zone-a's minimum is ceil(0.4 / 1.2) = 1, zone-b's ceil(1.6 / 1.2) = 2: 3 > 2, no hints.
    const after = ws.update(files('8'));
    expect(hints(after)).toEqual([null, null]);
    expect(hints(after)).toEqual(hints(buildCluster(files('8'), { seed: 1 })));
  });
});
