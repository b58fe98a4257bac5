import { en } from './testing/render';
import { describe, expect, it } from 'vitest';
import { buildCluster } from './build';
import { objectKey } from './cluster/state';

const scene = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/ipvs-scheduler: lc
spec:
  type: NodePort
  selector: { app: web }
  ports:
    - port: 80
      targetPort: http
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: clash
spec:
  type: NodePort
  selector: { app: web }
  ports:
    - port: 80
      nodePort: 30080
---
apiVersion: v1
kind: Service
metadata:
  name: typo
spec:
  selector: { app: wbe }
  ports:
    - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: lost
  namespace: nowhere
spec:
  containers: [{ name: c, image: busybox }]
`;

describe('buildCluster', () => {
  const { cluster, diagnostics } = buildCluster([{ file: 'scene.yaml', text: scene }], { seed: 1 });

  it('adds the system objects and the default nodes', () => {
    expect(cluster.nodes.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    const svc = (n: string) => cluster.services.find((s) => s.metadata.name === n);
    expect(svc('kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
    expect(svc('kube-dns')?.spec.clusterIP).toBe('10.96.0.10');
    expect(cluster.origins.get('Service/kube-system/kube-dns')?.by).toBe('system');
  });

  it('runs Deployment → ReplicaSet → Pods, placed after their owner in creation order', () => {
    const web = cluster.pods.filter((p) => p.metadata.labels?.app === 'web');
    expect(web).toHaveLength(3);
    expect(new Set(web.map((p) => p.spec.nodeName)).size).toBe(3);
    const rs = cluster.replicaSets.find((r) => r.metadata.name?.startsWith('web-'))!;
    const o = (k: string) => cluster.origins.get(k)!;
    expect(o(objectKey(rs))).toMatchObject({ by: 'controller', owner: 'Deployment/default/web' });
    expect(o(objectKey(web[0]!))).toMatchObject({ by: 'controller', owner: objectKey(rs) });
    expect(o('Deployment/default/web')).toMatchObject({
      by: 'user',
      file: 'scene.yaml',
      docIndex: 0,
      startLine: 1,
    });
    expect(o(objectKey(rs)).order).toBe(o('Deployment/default/web').order + 1);
    expect(o('Service/default/web').order).toBeGreaterThan(o(objectKey(web[2]!)).order);
    const d = cluster.deployments.find((x) => x.metadata.name === 'web') as unknown as {
      status: { readyReplicas: number };
    };
    expect(d.status.readyReplicas).toBe(3);
  });

  it('allocates and rejects with API errors located in the YAML', () => {
    const web = cluster.services.find((s) => s.metadata.name === 'web')!;
    expect(web.spec.ports![0]!.nodePort).toBe(30080);
    expect(cluster.services.some((s) => s.metadata.name === 'clash')).toBe(false);
    const clash = diagnostics.find((d) => d.code === 'service.nodePort.allocated')!;
    expect(clash).toMatchObject({
      severity: 'error',
      source: 'api',
      name: 'clash',
      field: 'spec.ports[0].nodePort',
      message: 'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
      line: 43,
      file: 'scene.yaml',
    });
    const ns = diagnostics.find((d) => d.code === 'namespace.notFound')!;
    expect(ns).toMatchObject({ severity: 'error', name: 'lost', message: 'namespaces "nowhere" not found' });
    expect(cluster.pods.some((p) => p.metadata.name === 'lost')).toBe(false);
  });

  it('derives Endpoints and EndpointSlices for the Service', () => {
    const ep = cluster.endpoints.find((e) => e.metadata.name === 'web')!;
    expect(ep.subsets![0]!.addresses).toHaveLength(3);
    expect(ep.subsets![0]!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const slices = cluster.endpointSlices.filter(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web',
    );
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints!.every((e) => e.conditions?.ready && e.zone)).toBe(true);
    expect(cluster.origins.get(objectKey(slices[0]!))).toMatchObject({
      by: 'controller',
      owner: 'Service/default/web',
    });
    const typo = cluster.endpointSlices.find(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'typo',
    )!;
    expect(typo.endpoints).toEqual([]);
  });

  it('lints the selector typo and the ipvs-scheduler annotation at their lines', () => {
    const typo = diagnostics.find((d) => d.code === 'service.selector.noMatch')!;
    expect(typo).toMatchObject({ severity: 'warning', source: 'lint', line: 50, field: 'spec.selector' });
    expect(en(typo.message)).toMatch(
      /^selector app=wbe matches no pod in namespace default; the nearest pods \(web-\w+-\w{5}, web-\w+-\w{5}, web-\w+-\w{5}\) have app=web instead of app=wbe$/,
    );
    const ipvs = diagnostics.find((d) => d.code === 'service.ipvsScheduler.annotation')!;
    expect(ipvs).toMatchObject({ line: 25, severity: 'warning' });
  });

  it('is deterministic for a seed', () => {
    const again = buildCluster([{ file: 'scene.yaml', text: scene }], { seed: 1 }).cluster;
    expect(again.pods.map((p) => [p.metadata.name, p.status?.podIP])).toEqual(
      cluster.pods.map((p) => [p.metadata.name, p.status?.podIP]),
    );
    expect(again.services.map((s) => s.spec.clusterIP)).toEqual(
      cluster.services.map((s) => s.spec.clusterIP),
    );
  });
});
