import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { forUi } from '../../worker/ui-cluster';
import { countEndpoints, viewCluster } from './cluster-view';
import { IP_LINE, POD_H, SERVICE_H } from './sizes';
import { addressLines, toFlowGraph } from './to-flow-graph';

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

  it('tells a terminating pod (deleted, in its grace period) from a ready and a not-ready one, and grows its box for the word', () => {
    const { cluster: c } = buildCluster([
      {
        file: 'scene.yaml',
        text: `apiVersion: v1
kind: Pod
metadata: { name: going, deletionTimestamp: '2026-01-01T00:00:00Z' }
spec: { containers: [{ name: app, image: nginx }] }`,
      },
    ]);
    const going = viewCluster(forUi(c)).pods.find((p) => p.name === 'going')!;
    expect(going.terminating).toBe(true);
    expect(pod('web-').terminating).toBe(false);
    const boxes = toFlowGraph(forUi(c)).nodes;
    expect(boxes.find((n) => n.id === 'pod/default/going')!.height).toBe(POD_H + IP_LINE);
    expect(toFlowGraph(forUi(cluster)).nodes.find((n) => n.id === pod('web-').id)!.height).toBe(POD_H);
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

describe('viewCluster: Gateway API', () => {
  const GW = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: gateway.envoyproxy.io/gatewayclass-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: eg }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, protocol: HTTP, port: 80 }, { name: other, protocol: HTTP, port: 8080, hostname: a.example.com }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop }
spec:
  parentRefs: [{ name: eg, sectionName: http }]
  hostnames: [shop.example.com]
  rules: [{ backendRefs: [{ name: web, port: 80 }] }]
`;
  const built = buildCluster([{ file: 'scene.yaml', text: `${SCENE}---${GW}` }]);
  const v = viewCluster(forUi(built.cluster));

  it('shows each Gateway with its listeners, attached routes, address and proxy pods, from the status', () => {
    expect(v.gateways).toHaveLength(1);
    const g = v.gateways[0]!;
    expect(g.id).toBe('Gateway/default/eg');
    expect(g.programmed).toBe(true);
    expect(g.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(g.listeners.map((l) => [l.name, l.port, l.attachedRoutes, l.programmed])).toEqual([
      ['http', 80, 1, true],
      ['other', 8080, 0, true],
    ]);
    expect(g.routes).toEqual([
      {
        id: 'HTTPRoute/default/shop',
        kind: 'HTTPRoute',
        hostnames: ['shop.example.com'],
        listeners: ['http'],
        accepted: true,
        backends: ['default/web'],
      },
    ]);
    expect(g.proxyPods).toHaveLength(1);
    expect(v.pods.map((p) => p.id)).toContain(g.proxyPods[0]);
    expect(g.proxyService.startsWith('Service/envoy-gateway-system/envoy-default-eg-')).toBe(true);
  });
});

describe('both families on a dual-stack cluster', () => {
  const DUAL = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
---
${SCENE.replace('spec: { selector: { app: web }, ports:', 'spec: { ipFamilyPolicy: PreferDualStack, selector: { app: web }, ports:')}`;
  const { cluster: dual } = buildCluster([{ file: 'scene.yaml', text: DUAL }]);
  const v = viewCluster(forUi(dual));
  const g = toFlowGraph(dual);

  it('reads every address of pods, Services and nodes (primary first), from the slim copy', () => {
    const web = v.pods.find((p) => p.name.startsWith('web-'))!;
    expect(web.ips).toHaveLength(2);
    expect(web.ips[0]).toBe(web.ip);
    expect(web.ips[1]).toMatch(/^fd00:10:244:/);
    const svc = v.services.find((s) => s.id === 'Service/default/web')!;
    expect(svc.clusterIPs).toHaveLength(2);
    expect(svc.clusterIPs[0]).toBe(svc.clusterIP);
    expect(svc.clusterIPs[1]).toMatch(/^fd00:10:96::/);
    expect(v.nodes.every((n) => n.ip6.includes(':'))).toBe(true);
    // A single-stack cluster's boxes have one address each.
    expect(pod('web-').ips).toEqual([pod('web-').ip]);
    expect(view.nodes[0]!.ip6).toBe('');
  });

  it('counts a dual-stack pod once among the endpoints (two addresses, one endpoint), an ownerless address each', () => {
    const svc = v.services.find((s) => s.id === 'Service/default/web')!;
    const pods = v.pods.filter((p) => p.name.startsWith('web-')).length;
    expect(svc.endpoints).toHaveLength(2 * pods);
    expect(countEndpoints(svc.endpoints)).toEqual({ ready: pods, total: pods });
    expect(
      countEndpoints([
        { podId: null, address: '192.0.2.10', ready: true },
        { podId: null, address: '2001:db8::10', ready: false },
        { podId: 'pod/default/a', address: '10.244.0.5', ready: false },
        { podId: 'pod/default/a', address: 'fd00:10:244::5', ready: false },
      ]),
    ).toEqual({ ready: 1, total: 3 });
  });

  it('makes room for the second address: a line more per dual-stack pod, Service and node header', () => {
    const height = (id: string) => g.nodes.find((x) => x.id === id)!.height;
    const podBox = v.pods.find((p) => p.name.startsWith('web-'))!;
    expect(height(podBox.id)).toBe(POD_H + IP_LINE);
    expect(height('Service/default/web')).toBe(SERVICE_H + IP_LINE);
    expect(addressLines(['fd00:10:244:1::5'])).toBe(1);
    expect(addressLines(['2001:db8:1234:5678:9abc:def0:1234:5678'])).toBe(2);
  });
});
