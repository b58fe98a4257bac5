import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { forUi } from '../../worker/ui-cluster';
import { objectFacts } from './object-facts';

// A dual-stack cluster: the inspector shows both families of every address, as the page receives them.
const SCENE = `
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  ipFamilyPolicy: RequireDualStack
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: 80 }]
---
apiVersion: v1
kind: Pod
metadata: { name: sick, labels: { app: web }, annotations: { svclab.io/ready: "false" } }
spec: { containers: [{ name: web, image: nginx }] }
`;

const cluster = forUi(buildCluster([{ file: 'scene.yaml', text: SCENE }]).cluster!);
const values = (key: string, label: string) =>
  objectFacts(cluster, key)?.facts.find((f) => f.label === label)?.values ?? [];

describe('objectFacts', () => {
  it('gives a pod both of its addresses, its node and its readiness', () => {
    const pod = cluster.pods.find((p) => p.metadata.name?.startsWith('web-'))!;
    const facts = objectFacts(cluster, `Pod/default/${pod.metadata.name}`)!;
    expect(facts).toMatchObject({ kind: 'Pod', namespace: 'default', name: pod.metadata.name });
    const ips = values(`Pod/default/${pod.metadata.name}`, 'object.ips');
    expect(ips).toHaveLength(2);
    expect(ips[0]).toMatch(/^10\.244\./);
    expect(ips[1]).toMatch(/^fd00:10:244:/);
    expect(values(`Pod/default/${pod.metadata.name}`, 'object.node')).toEqual([pod.spec.nodeName]);
    expect(values(`Pod/default/${pod.metadata.name}`, 'object.ready')).toEqual(['True']);
    expect(values('Pod/default/sick', 'object.ready')).toEqual(['False']);
  });

  it('gives a Service its cluster IPs of both families, ports and endpoints ready or not', () => {
    const ips = values('Service/default/web', 'object.clusterIPs');
    expect(ips).toHaveLength(2);
    expect(ips[1]).toMatch(/^fd00:10:96::/);
    expect(values('Service/default/web', 'object.type')).toEqual(['NodePort']);
    expect(values('Service/default/web', 'object.ports')[0]).toMatch(/^http 80:3\d{4}→80\/TCP$/);
    // Two ready pods in each family's slice; the sick pod listed apart.
    expect(values('Service/default/web', 'object.endpoints')).toHaveLength(4);
    const sick = cluster.pods.find((p) => p.metadata.name === 'sick')!;
    expect(values('Service/default/web', 'object.notReady')).toContain(sick.status!.podIP);
  });

  it('gives a node its addresses and a kube-proxy box its mode', () => {
    const addresses = values('Node//node-1', 'object.addresses');
    expect(addresses.length).toBeGreaterThan(0);
    expect(values('kube-proxy/node-1', 'object.proxyMode')).toEqual([cluster.config.proxy.mode]);
  });

  it('answers null for what is not in the cluster, and a bare card for other kinds', () => {
    expect(objectFacts(cluster, 'Pod/default/nope')).toBeNull();
    expect(objectFacts(cluster, 'Service/other/web')).toBeNull();
    expect(objectFacts(cluster, 'kube-proxy/node-9')).toBeNull();
    expect(objectFacts(cluster, 'external')).toBeNull();
    // An Ingress has its own card (its paths); one the cluster does not have, none.
    expect(objectFacts(cluster, 'Ingress/default/web')).toBeNull();
    expect(objectFacts(cluster, 'HTTPRoute/default/web')).toEqual({
      kind: 'HTTPRoute',
      namespace: 'default',
      name: 'web',
      facts: [],
    });
  });
});
