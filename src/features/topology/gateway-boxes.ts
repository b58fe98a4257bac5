/**
 * The Gateway API on the graph: each Gateway Envoy Gateway manages is a box in the load balancers'
 * column (it is what the cloud load balancer's address leads to), with a row per listener and, inside
 * it, a box per attached route; each route links to the Services its backendRefs name. The Gateway's
 * Envoy pods and its LoadBalancer Service are drawn where they are, as any pod and Service, because the
 * packets go through them. Read from the engine's gatewaySummary (never re-derived here).
 *
 * @example
 * gatewayHeight(view.gateways[0]); // 56 + 1 × 24 + 1 × (54 + 6) + 8
 */
import type { Edge } from '@xyflow/react';
import type { GatewayRouteSummary, GatewaySummary } from '../../engine';
import * as S from './sizes';

/** Room for a Gateway's header, its listener rows and its route boxes. */
export function gatewayHeight(g: GatewaySummary): number {
  return (
    S.GATEWAY_HEADER +
    g.listeners.length * S.LISTENER_H +
    g.routes.length * (S.ROUTE_H + S.GAP) +
    S.NODE_PAD -
    (g.routes.length ? S.GAP : 0)
  );
}

/**
 * A route's graph id: its object key, unless it attaches to several Gateways, where each Gateway's box
 * holds its own copy ("HTTPRoute/default/shop#Gateway/default/eg"; keyForGraphId drops the suffix).
 */
export function routeNodeId(route: GatewayRouteSummary, gateway: GatewaySummary, shared: boolean): string {
  return shared ? `${route.id}#${gateway.id}` : route.id;
}

/** Routes that more than one Gateway lists. */
export function sharedRoutes(gateways: readonly GatewaySummary[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const g of gateways)
    for (const r of g.routes) {
      if (seen.has(r.id)) shared.add(r.id);
      seen.add(r.id);
    }
  return shared;
}

/** The route boxes inside a Gateway box at (x, y), top-left corners in graph units. */
export function routeBoxes(
  g: GatewaySummary,
  box: { x: number; y: number },
  shared: ReadonlySet<string>,
): { id: string; route: GatewayRouteSummary; x: number; y: number; width: number; height: number }[] {
  const top = box.y + S.GATEWAY_HEADER + g.listeners.length * S.LISTENER_H;
  return g.routes.map((route, i) => ({
    id: routeNodeId(route, g, shared.has(route.id)),
    route,
    x: box.x + S.NODE_PAD,
    y: top + i * (S.ROUTE_H + S.GAP),
    width: S.GATEWAY_W - 2 * S.NODE_PAD,
    height: S.ROUTE_H,
  }));
}

/** The Service ids a route's backendRefs name ("default/web-v1" → "Service/default/web-v1"). */
export const backendServices = (route: GatewayRouteSummary): string[] =>
  route.backends.map((b) => `Service/${b}`);

/** A link from a route box to each backend Service the graph shows. */
export function routeEdges(routeId: string, route: GatewayRouteSummary, shown: ReadonlySet<string>): Edge[] {
  return backendServices(route)
    .filter((s) => shown.has(s))
    .map((s) => ({
      id: `g:${routeId}>${s}`,
      source: routeId,
      target: s,
      className: route.accepted ? 'edge-gateway-route' : 'edge-gateway-route refused',
    }));
}
