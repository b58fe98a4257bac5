import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine';
import { scene } from '../../engine/testing/scene';
import { keyForGraphId } from '../../store/graph-ids';
import { flowEdges, flowNodes } from './flow-elements';
import { highlightFor } from './highlight';
import { hopLights } from './hop-lights';
import { toFlowGraph } from './to-flow-graph';

import gatewayScene from '../../lessons/gateway/scene.yaml?raw';

describe('the Gateway API on the graph', () => {
  const s = scene(gatewayScene);
  const graph = toFlowGraph(s.env.cluster);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const gw = byId.get('Gateway/default/eg')!;
  const route = byId.get('HTTPRoute/default/shop')!;

  it('draws the Gateway with its listener in the load balancers column, its route inside it', () => {
    expect(gw.type).toBe('gateway');
    expect(gw.data.kind === 'gateway' && gw.data.gateway.listeners.map((l) => l.name)).toEqual(['http']);
    const svc = byId.get('Service/default/web-v1')!;
    expect(gw.position.x + gw.width!).toBeLessThan(svc.position.x); // before the Services it leads to
    expect(route.type).toBe('route');
    expect(route.position.x).toBeGreaterThan(gw.position.x);
    expect(route.position.y + route.height!).toBeLessThanOrEqual(gw.position.y + gw.height!);
    expect(graph.edges.map((e) => e.id)).toContain('g:HTTPRoute/default/shop>Service/default/web-v1');
  });

  it("names the Gateway's Envoy pods as its proxy, where they run", () => {
    const envoy = graph.nodes.filter((n) => n.data.kind === 'pod' && n.data.pod.gateway === 'default/eg');
    expect(envoy).toHaveLength(1);
    expect(envoy[0]!.id).toMatch(/^pod\/envoy-gateway-system\/envoy-default-eg-/);
  });

  it('a selected Gateway lights its route, its Envoy pods and its proxy Service; a route its backends', () => {
    const lit = highlightFor(graph, 'Gateway/default/eg');
    expect(lit.nodes).toContain('HTTPRoute/default/shop');
    expect([...lit.nodes].some((id) => id.startsWith('pod/envoy-gateway-system/envoy-default-eg-'))).toBe(
      true,
    );
    expect([...lit.nodes].some((id) => id.startsWith('Service/envoy-gateway-system/envoy-default-eg-'))).toBe(
      true,
    );
    const routeLit = highlightFor(graph, 'HTTPRoute/default/shop');
    expect(routeLit.nodes).toContain('Service/default/web-v1');
    expect(routeLit.edges).toContain('g:HTTPRoute/default/shop>Service/default/web-v1');
  });

  it("the gateway hop lights the listener, the route's rule, the chosen backend and pod", () => {
    const address = s.json('get gateways eg -o json').items[0].status.addresses[0].value as string;
    const trace = s.json<Trace>(
      `curl --from external -H 'Host: shop.example.com' http://${address}/ -o json`,
    );
    const at = trace.hops.findIndex((h) => h.stage === 'gateway');
    const lights = hopLights(s.env.cluster, trace.hops, at);
    expect(lights.gateway).toEqual({
      id: 'Gateway/default/eg',
      listeners: ['http'],
      route: 'HTTPRoute/default/shop',
      rule: 0,
    });
    expect(lights.service).toBe('Service/default/web-v1');
    expect(lights.pod).toBe(`pod/${trace.backend!.pod}`);
    // Before Envoy decides, nothing of the Gateway is lit.
    expect(hopLights(s.env.cluster, trace.hops, at - 2).gateway).toBeUndefined();

    const nodes = new Map(
      flowNodes(graph, null, null, { at: null, drop: null, lights }).map((n) => [n.id, n]),
    );
    const g = nodes.get('Gateway/default/eg')!;
    const r = nodes.get('HTTPRoute/default/shop')!;
    expect(g.data.kind === 'gateway' && g.data.hopListeners).toEqual(['http']);
    expect(r.data.kind === 'route' && r.data.hopRule).toBe(0);
    expect(r.className).toContain('hop-service');
    const edge = flowEdges(graph, null, undefined, lights).find(
      (e) => e.id === 'g:HTTPRoute/default/shop>Service/default/web-v1',
    );
    expect(edge?.className).toContain('hop-route');
  });

  it('a route drawn in two Gateways opens the same object', () => {
    expect(keyForGraphId('HTTPRoute/default/shop#Gateway/default/eg')).toBe('HTTPRoute/default/shop');
  });
});
