import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { forUi } from '../../worker/ui-cluster';
import { viewCluster } from './cluster-view';

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
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: kube-system, annotations: { svclab.io/ready: "false" } }
spec: { containers: [{ name: app, image: busybox }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }
`;

// The page reads the worker's slimmer copy: everything below must be derivable from it.
const { cluster } = buildCluster([{ file: 'scene.yaml', text: SCENE }]);
const view = viewCluster(forUi(cluster));
const pod = (prefix: string) => view.pods.find((p) => p.name.startsWith(prefix))!;

describe('viewCluster (through the cluster index, on the slim copy)', () => {
  it('marks what the cluster made for itself as system, by origin, and the user’s pods in kube-system as the user’s', () => {
    expect(pod('coredns-').system).toBe(true);
    expect(pod('ingress-nginx-controller-').system).toBe(true);
    expect(pod('web-').system).toBe(false);
    expect(pod('debug')).toMatchObject({ namespace: 'kube-system', system: false });
    const svc = (id: string) => view.services.find((s) => s.id === id)!;
    expect(svc('Service/kube-system/kube-dns').system).toBe(true);
    expect(svc('Service/default/kubernetes').system).toBe(true);
    expect(svc('Service/default/web').system).toBe(false);
  });

  it('reads readiness, the ingress controller, zones and each Service’s endpoints', () => {
    expect(pod('web-').ready).toBe(true);
    expect(pod('debug').ready).toBe(false);
    expect(pod('ingress-nginx-controller-').ingressController).toBe(true);
    expect(pod('coredns-').ingressController).toBe(false);
    expect(view.nodes.map((n) => [n.name, n.zone])).toEqual([
      ['node-1', 'zone-a'],
      ['node-2', 'zone-a'],
      ['node-3', 'zone-b'],
    ]);
    const web = view.services.find((s) => s.id === 'Service/default/web')!;
    const webPods = view.pods.filter((p) => p.name.startsWith('web-'));
    expect(web.endpoints.map((e) => e.podId).sort()).toEqual(webPods.map((p) => p.id).sort());
    expect(web.endpoints.every((e) => e.ready)).toBe(true);
  });
});
