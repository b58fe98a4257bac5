/**
 * The followed request's links pass over no box but the two they join (route-geometry.ts linkCurve and
 * the layout's place for the load balancers, to-flow-graph.ts): every scenario with a LoadBalancer and
 * the ipMode Proxy scene (KEP-1860: in-cluster traffic to the address goes out to the load balancer and
 * back in through a NodePort), each request's links and a burst's, in graph units as laid out.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine/build';
import { request } from '../../engine/simulate/request';
import { simulateMany } from '../../engine/simulate/simulate';
import { createWorld } from '../../engine/world';
import { scenarios } from '../../scenarios';
import { resolveTarget } from '../../store/suggested-target';
import { routeOf } from './route';
import { linkCurve, pointOn, portOf, type Point, type Rect } from './route-geometry';
import { resetLayoutMemory, toFlowGraph, type FlowGraph } from './to-flow-graph';

const PROXY_MODE = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - { name: web, image: registry.k8s.io/e2e-test-images/agnhost:2.52, args: ['netexec', '--http-port=8080'] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
status:
  loadBalancer:
    ingress: [{ ip: 203.0.113.50, ipMode: Proxy }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-1, containers: [{ name: c, image: curlimages/curl }] }
`;

const inside = (o: Rect, i: Rect) =>
  o.x <= i.x && o.y <= i.y && o.x + o.width >= i.x + i.width && o.y + o.height >= i.y + i.height;

/** "from > to: box" for every link of the traces that enters a box other than its ends (or their node). */
function linksOverBoxes(graph: FlowGraph, links: { from: string; to: string }[]): string[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rect = (id: string): Rect => {
    const n = byId.get(id)!;
    return { ...n.position, width: n.width!, height: n.height! };
  };
  const out = new Set<string>();
  for (const l of links) {
    const from = graph.shownAs.get(l.from) ?? l.from;
    const to = graph.shownAs.get(l.to) ?? l.to;
    if (from === to || !byId.has(from) || !byId.has(to)) continue;
    const ends = [rect(from), rect(to)];
    const curve = linkCurve(portOf(ends[0]!, byId.get(from)!.type), portOf(ends[1]!, byId.get(to)!.type));
    for (let i = 0; i <= 200; i++) {
      const p: Point = pointOn(curve, i / 200);
      for (const n of graph.nodes) {
        if (n.type === 'zone' || n.id === from || n.id === to) continue;
        const r = rect(n.id);
        if (ends.some((e) => inside(r, e))) continue;
        if (p.x > r.x + 1 && p.x < r.x + r.width - 1 && p.y > r.y + 1 && p.y < r.y + r.height - 1)
          out.add(`${from} > ${to}: ${n.id}`);
      }
    }
  }
  return [...out];
}

function check(yaml: string, init: { from: string; target: string; count?: number }) {
  resetLayoutMemory();
  const { cluster } = buildCluster([{ file: 'scene.yaml', text: yaml }], { seed: 1 });
  const target = resolveTarget(init.target, cluster);
  const traces = simulateMany(
    cluster,
    createWorld(1),
    request({ ...init, target, count: Math.min(init.count ?? 1, 10) }),
  );
  const graph = toFlowGraph(cluster);
  return { graph, traces, over: linksOverBoxes(graph, traces.flatMap(routeOf)) };
}

describe('route links pass over no box but their ends', () => {
  it('ipMode Proxy: out from the node to the load balancer, back in through a NodePort, and the reply', () => {
    const { graph, traces, over } = check(PROXY_MODE, {
      from: 'pod/default/client',
      target: 'http://203.0.113.50',
    });
    const links = routeOf(traces[0]).map((l) => `${l.from}>${l.to}`);
    expect(links).toContain('node/node-1>lb/default/web');
    expect(links.some((l) => /^lb\/default\/web>kube-proxy\//.test(l))).toBe(true);
    expect(over).toEqual([]);
    // The load balancer's box is in the Services' column, below them.
    const box = (id: string) => graph.nodes.find((n) => n.id === id)!;
    const lb = box('lb/default/web');
    const web = box('Service/default/web');
    expect(lb.position.x).toBeGreaterThanOrEqual(web.position.x);
    expect(lb.position.x + lb.width!).toBeLessThanOrEqual(web.position.x + web.width!);
    const services = graph.nodes.filter((n) => n.type === 'service');
    for (const s of services) expect(lb.position.y).toBeGreaterThan(s.position.y + s.height!);
  });

  for (const s of scenarios.filter((x) => /type: LoadBalancer/.test(x.yaml)))
    it(`${s.id}: its suggested request's links (a burst's too)`, () => {
      const { graph, over } = check(s.yaml, s.request);
      expect(graph.nodes.some((n) => n.type === 'lb')).toBe(true);
      expect(over).toEqual([]);
    });
});
