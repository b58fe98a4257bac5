import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { clusterIndex, groupSlicesByService, nsName, sliceServiceKey } from './cluster-index';

const SCENE = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  externalIPs: [192.0.2.200]
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Namespace
metadata: { name: kube-system }
---
apiVersion: v1
kind: Pod
metadata: { name: mine, namespace: kube-system, annotations: { svclab.io/ready: "false" } }
spec: { containers: [{ name: app, image: busybox }] }
---
apiVersion: v1
kind: Service
metadata: { name: manual }
spec: { ports: [{ port: 80 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: manual-v6, labels: { kubernetes.io/service-name: manual } }
addressType: IPv6
endpoints: [{ addresses: ["fd00::1"] }]
ports: [{ port: 80 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: manual-v4, labels: { kubernetes.io/service-name: manual } }
addressType: IPv4
endpoints: [{ addresses: ["192.0.2.7"] }]
ports: [{ port: 80 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: orphan }
addressType: IPv4
endpoints: [{ addresses: ["192.0.2.8"] }]
`;

const { cluster } = buildCluster([{ file: 'scene.yaml', text: SCENE }], { seed: 1 });
const ix = clusterIndex(cluster);
const web = cluster.services.find((s) => s.metadata.name === 'web')!;
const webPods = cluster.pods.filter((p) => p.metadata.labels?.app === 'web');

describe('clusterIndex', () => {
  it('is built once per state and stays off the copies', () => {
    expect(clusterIndex(cluster)).toBe(ix);
    expect(Object.keys(cluster)).not.toContain('index');
    expect(clusterIndex({ ...cluster })).not.toBe(ix);
    expect(JSON.stringify(Object.keys({ ...cluster }))).toBe(JSON.stringify(Object.keys(cluster)));
  });

  it('finds a Service’s slices by its kubernetes.io/service-name label, by address type on request', () => {
    expect(ix.slicesOf('default/web').map((s) => s.metadata.labels?.['kubernetes.io/service-name'])).toEqual([
      'web',
    ]);
    expect(ix.slicesOf('default/manual').map((s) => s.metadata.name)).toEqual(['manual-v6', 'manual-v4']);
    expect(ix.slicesOf('default/manual', 'IPv4').map((s) => s.metadata.name)).toEqual(['manual-v4']);
    expect(ix.slicesOf('default/nothing')).toEqual([]);
    const orphan = cluster.endpointSlices.find((s) => s.metadata.name === 'orphan')!;
    expect(sliceServiceKey(orphan)).toBeUndefined();
    expect([...groupSlicesByService(cluster.endpointSlices, 'IPv6').keys()]).toEqual(['default/manual']);
  });

  it('looks up pods, Services, Endpoints and nodes by key', () => {
    const pod = webPods[0]!;
    expect(ix.pod(nsName(pod))).toBe(pod);
    expect(ix.findPod(pod.metadata.name!)).toBe(pod);
    expect(ix.findPod('mine', 'kube-system')?.metadata.name).toBe('mine');
    expect(ix.findPod('mine')).toBeUndefined();
    expect(ix.service('default/web')).toBe(web);
    expect(ix.endpointsOf('default/web')?.metadata.name).toBe('web');
    expect(ix.nodes().map((n) => [n.name, n.zone])).toEqual([
      ['node-1', 'zone-a'],
      ['node-2', 'zone-a'],
      ['node-3', 'zone-b'],
    ]);
    expect(ix.node('node-2')?.ip).toBe('192.168.49.3');
    expect(ix.node('node-9')).toBeUndefined();
  });

  it('says who owns each address', () => {
    const pod = webPods[0]!;
    expect(ix.ipOwner(pod.status!.podIP!)).toEqual({ kind: 'pod', pod, node: pod.spec.nodeName });
    expect(ix.podByIP(pod.status!.podIP!)).toBe(pod);
    expect(ix.ipOwner(web.spec.clusterIP!)).toEqual({ kind: 'cluster-ip', service: web });
    expect(ix.ipOwner('192.0.2.200')).toEqual({ kind: 'external-ip', service: web });
    const lb = web.status!.loadBalancer!.ingress![0]!.ip!;
    expect(ix.ipOwner(lb)).toEqual({ kind: 'load-balancer', service: web });
    expect(ix.ipOwner('192.168.49.2')).toMatchObject({ kind: 'node', node: { name: 'node-1' } });
    expect(ix.podByIP('192.168.49.2')).toBeUndefined();
    expect(ix.ipOwner('203.0.113.99')).toEqual({ kind: 'outside' });
  });

  it('tells system objects from the user’s by origin, not by namespace', () => {
    const coredns = cluster.pods.find((p) => p.metadata.name?.startsWith('coredns-'))!;
    expect(ix.isSystem('Service/kube-system/kube-dns')).toBe(true);
    expect(ix.isSystem('Service/default/kubernetes')).toBe(true);
    expect(ix.isSystem(`Pod/kube-system/${coredns.metadata.name}`)).toBe(true);
    const dnsSlice = ix.slicesOf('kube-system/kube-dns')[0]!;
    expect(ix.isSystem(`EndpointSlice/kube-system/${dnsSlice.metadata.name}`)).toBe(true);
    expect(ix.isSystem('Pod/kube-system/mine')).toBe(false);
    expect(ix.isSystem('Service/default/web')).toBe(false);
    expect(ix.isSystem(`Pod/default/${webPods[0]!.metadata.name}`)).toBe(false);
    expect(ix.isSystem('Pod/default/nothing')).toBe(false);
  });

  it('reads readiness from the Ready condition', () => {
    expect(webPods.map((p) => ix.ready(p))).toEqual([true, true]);
    expect(ix.ready(ix.findPod('mine', 'kube-system')!)).toBe(false);
  });
});
