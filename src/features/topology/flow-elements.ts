/**
 * The graph panel's elements for React Flow: translation + layout (memoised on the graph's shape by
 * to-flow-graph), the selection's highlight, and structural sharing with the previous elements so only
 * what changed re-renders. There is one graph panel, so the caches live here, outside React's render.
 */
import { MarkerType, type Edge } from '@xyflow/react';
import type { Highlight } from './highlight';
import type { HopLights } from './hop-lights';
import type { RouteLink } from './route';
import { reuseUnchanged, type ReuseCache } from './reuse';
import type { FlowGraph, GraphNode } from './to-flow-graph';

const nodeCache: ReuseCache<GraphNode> = new Map();
const edgeCache: ReuseCache<Edge> = new Map();

export { graphFor } from './graph-layout';

/** The box that stands for a graph id: a collapsed group's box for its pods, else the id itself. */
export const shownId = (graph: FlowGraph | null, id: string): string => graph?.shownAs.get(id) ?? id;

/** Lit elements get the "lit" class; with a Service selected, its chip on every kube-proxy lights too. */
export function flowNodes(
  graph: FlowGraph | null,
  lit: Highlight | null,
  selectedService: string | null,
  marks: {
    at: string | null;
    drop: string | null;
    marked?: ReadonlySet<string>;
    /** What the followed hop lights: the deciding Service, its rule chip, the chosen pod. */
    lights?: HopLights;
  } = {
    at: null,
    drop: null,
  },
): GraphNode[] {
  const lights = marks.lights;
  // A hop at a pod of a collapsed group is at the group's box; the hop's pod lights its group too.
  const at = marks.at && shownId(graph, marks.at);
  const drop = marks.drop && shownId(graph, marks.drop);
  const podGroup = lights?.pod ? graph?.groupOf.get(lights.pod) : undefined;
  return reuseUnchanged(
    nodeCache,
    graph?.nodes.map((n) => {
      const hopService = lights?.proxy === n.id ? (lights.service ?? undefined) : undefined;
      const gw = lights?.gateway;
      const hopRoute = !!gw?.route && gw.route === n.id.split('#', 1)[0] && n.data.kind === 'route';
      const m =
        n.data.kind === 'kube-proxy' &&
        ((selectedService && n.data.services.some((s) => s.id === selectedService)) || hopService)
          ? { ...n, data: { ...n.data, selectedService: selectedService ?? undefined, hopService } }
          : n.data.kind === 'ingress' && lights?.ingress?.id === n.id
            ? { ...n, data: { ...n.data, hopPath: lights.ingress.field ?? undefined } }
            : n.data.kind === 'gateway' && gw?.id === n.id
              ? { ...n, data: { ...n.data, hopListeners: gw.listeners } }
              : n.data.kind === 'route' && hopRoute && n.data.gateway === gw?.id
                ? { ...n, data: { ...n.data, hopRule: gw?.rule ?? undefined } }
                : n;
      const classes = [
        lit?.nodes.has(n.id) && 'lit',
        at === n.id && 'at-hop',
        drop === n.id && 'dropped-here',
        marks.marked?.has(n.id) && 'lesson-mark',
        lights?.service === n.id && 'hop-service',
        gw?.id === n.id && 'hop-service',
        lights?.ingress?.id === n.id && 'hop-service',
        m !== n && m.data.kind === 'route' && 'hop-service',
        (lights?.pod === n.id || podGroup === n.id) && 'hop-pod',
      ].filter(Boolean);
      return classes.length ? { ...m, className: classes.join(' '), selected: false } : m;
    }) ?? [],
  );
}

/** The followed request's route (the links of its current exchange) and a burst's spread. */
export interface RouteMarks {
  links: readonly RouteLink[];
  /** The followed request's current hop, and the exchange it is part of (the lookup or the request). */
  hop: number;
  phase?: 'dns' | 'request';
  /** Every link a request of the burst travels ("from>to"); empty for one request. */
  burst: readonly string[];
}

const ROUTE_COLORS = { done: '#1e40af', now: '#1d4ed8', ahead: '#475569' } as const;

/** Route links sit above the Kubernetes nodes' boxes (z 0) and under every other box (z 1). */
function routeEdges(graph: FlowGraph, route: RouteMarks): Edge[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const out: Edge[] = [];
  // A link to a pod of a collapsed group ends at the group's box (a link within it is none).
  const seen = new Set<string>();
  for (const key of route.burst) {
    const [from = '', to = ''] = key.split('>');
    const source = shownId(graph, from);
    const target = shownId(graph, to);
    const id = `b:${source}>${target}`;
    if (source === target || seen.has(id)) continue;
    seen.add(id);
    if (ids.has(source) && ids.has(target))
      out.push({ id, source, target, type: 'route', className: 'edge-route-burst', zIndex: 1 });
  }
  for (const l of route.links) {
    const source = shownId(graph, l.from);
    const target = shownId(graph, l.to);
    if (l.phase !== route.phase || source === target || !ids.has(source) || !ids.has(target)) continue;
    const state = l.hop < route.hop ? 'done' : l.hop === route.hop ? 'now' : 'ahead';
    out.push({
      id: `route:${l.hop}`,
      source,
      target,
      type: 'route',
      className: `edge-route route-${state}`,
      zIndex: 1,
      markerEnd: { type: MarkerType.ArrowClosed, color: ROUTE_COLORS[state], width: 14, height: 14 },
    });
  }
  return out;
}

/** The link from the route a Gateway's hop matched to the backend Service its weights chose. */
const hopRouteEdge = (e: Edge, lights: HopLights | undefined): boolean =>
  !!lights?.gateway?.route &&
  e.source.split('#', 1)[0] === lights.gateway.route &&
  e.target === lights.service &&
  e.id.startsWith('g:');

/** The link from the Ingress a controller's hop matched to the Service its path sends to. */
const hopIngressEdge = (e: Edge, lights: HopLights | undefined): boolean =>
  !!lights?.ingress && e.source === lights.ingress.id && e.target === lights.service && e.id.startsWith('i:');

/** Rule edges (Service → each node's kube-proxy) show only for the selected Service. */
export function flowEdges(
  graph: FlowGraph | null,
  lit: Highlight | null,
  route: RouteMarks = { links: [], hop: -1, burst: [] },
  lights?: HopLights,
): Edge[] {
  if (!graph) return reuseUnchanged(edgeCache, []);
  return reuseUnchanged(edgeCache, [
    ...graph.edges
      .filter((e) => e.className !== 'edge-rule' || lit?.edges.has(e.id))
      .map((e) =>
        lit?.edges.has(e.id)
          ? { ...e, className: `${e.className} lit`, animated: true }
          : hopRouteEdge(e, lights) || hopIngressEdge(e, lights)
            ? { ...e, className: `${e.className} hop-route` }
            : e,
      ),
    ...routeEdges(graph, route),
  ]);
}
