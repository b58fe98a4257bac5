import { describe, expect, it } from 'vitest';
import { emptyCluster, type ClusterState } from '../../engine/cluster/state';
import type { EndpointSlice, Node, Pod, Service } from '../../engine/k8s/objects';
import { toFlowGraph } from './to-flow-graph';

const node = (name: string, zone: string, ip: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const pod = (name: string, nodeName: string, ip: string, ready = true): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { nodeName, containers: [{ name: 'c', image: 'x' }] },
  status: { podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

function cluster(): ClusterState {
  const c = emptyCluster();
  c.nodes = [node('node-1', 'zone-a', '10.0.0.11'), node('node-2', 'zone-b', '10.0.0.12')];
  c.pods = [pod('web-1', 'node-1', '10.244.1.5'), pod('web-2', 'node-2', '10.244.2.5', false)];
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.96.0.20',
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    },
    status: { loadBalancer: { ingress: [{ ip: '198.51.100.1' }] } },
  };
  c.services = [svc];
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    endpoints: [
      {
        addresses: ['10.244.1.5'],
        conditions: { ready: true },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1' },
      },
      {
        addresses: ['10.244.2.5'],
        conditions: { ready: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2' },
      },
    ],
  };
  c.endpointSlices = [slice];
  return c;
}

describe('toFlowGraph', () => {
  const g = toFlowGraph(cluster());
  const byId = new Map(g.nodes.map((n) => [n.id, n]));

  it('draws clients, the load balancer, the Service, zones, nodes, kube-proxies and pods with trace-location ids', () => {
    expect([...byId.keys()].sort()).toEqual([
      'Service/default/web',
      'external',
      'kube-proxy/node-1',
      'kube-proxy/node-2',
      'lb/default/web',
      'node/node-1',
      'node/node-2',
      'pod/default/web-1',
      'pod/default/web-2',
      'zone/zone-a',
      'zone/zone-b',
    ]);
  });

  it('lays out left to right: client, Services with the load balancer below them, then nodes', () => {
    const box = (id: string) => byId.get(id)!;
    const x = (id: string) => box(id).position.x;
    expect(x('external')).toBeLessThan(x('Service/default/web'));
    // In the Services' column, under the Service: the links between it and the nodes pass no Service.
    expect(x('lb/default/web')).toBeGreaterThanOrEqual(x('Service/default/web'));
    expect(x('lb/default/web') + box('lb/default/web').width!).toBeLessThanOrEqual(
      x('Service/default/web') + box('Service/default/web').width!,
    );
    expect(box('lb/default/web').position.y).toBeGreaterThan(
      box('Service/default/web').position.y + box('Service/default/web').height!,
    );
    expect(x('Service/default/web')).toBeLessThan(x('node/node-1'));
  });

  it('puts each pod inside its node box and each node inside its zone', () => {
    const inside = (a: string, b: string) => {
      const p = byId.get(a)!;
      const q = byId.get(b)!;
      return (
        p.position.x >= q.position.x &&
        p.position.y >= q.position.y &&
        p.position.x + p.width! <= q.position.x + q.width! &&
        p.position.y + p.height! <= q.position.y + q.height!
      );
    };
    expect(inside('pod/default/web-1', 'node/node-1')).toBe(true);
    expect(inside('kube-proxy/node-2', 'node/node-2')).toBe(true);
    expect(inside('node/node-1', 'zone/zone-a')).toBe(true);
    expect(inside('node/node-2', 'zone/zone-b')).toBe(true);
  });

  it('links a Service to its endpoints (not-ready marked) and to the rules on every node', () => {
    const classes = Object.fromEntries(g.edges.map((e) => [e.id, e.className]));
    expect(classes['e:Service/default/web>pod/default/web-1']).toBe('edge-endpoint');
    expect(classes['e:Service/default/web>pod/default/web-2']).toBe('edge-endpoint not-ready');
    expect(classes['r:Service/default/web>node-1']).toBe('edge-rule');
    expect(classes['r:Service/default/web>node-2']).toBe('edge-rule');
    expect(g.endpointsOf.get('Service/default/web')).toEqual(['pod/default/web-1', 'pod/default/web-2']);
    const svc = byId.get('Service/default/web')!.data;
    expect(svc.kind === 'service' && svc.service.ports).toEqual(['80:30080→8080/TCP']);
  });
});

describe('layout and reuse across edits', () => {
  it('keeps positions when only labels change, and reuses unchanged elements', async () => {
    const { reuseUnchanged } = await import('./reuse');
    const a = cluster();
    const b = cluster();
    b.pods[0]!.status!.podIP = '10.244.1.99';
    const ga = toFlowGraph(a);
    const gb = toFlowGraph(b);
    const pos = (g: typeof ga, id: string) => g.nodes.find((n) => n.id === id)!.position;
    expect(pos(gb, 'node/node-2')).toEqual(pos(ga, 'node/node-2'));
    const cache = new Map();
    const first = reuseUnchanged(cache, ga.nodes);
    const second = reuseUnchanged(cache, gb.nodes);
    const same = second.filter((n, i) => n === first[i]).map((n) => n.id);
    expect(second.find((n) => n.id === 'pod/default/web-1')).not.toBe(
      first.find((n) => n.id === 'pod/default/web-1'),
    );
    expect(same).toContain('pod/default/web-2');
    expect(same).not.toContain('pod/default/web-1');
  });
});
