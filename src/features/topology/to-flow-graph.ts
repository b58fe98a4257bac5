/**
 * The one translator from the engine's world to React Flow's (architecture principle 6). Left to
 * right: the external client, cloud load balancers, Services (virtual addresses: a rule set on every
 * node, never a box packets pass through), then nodes grouped by zone, each with its kube-proxy and its
 * pods. Laid out by dagre (compound graph: zones contain nodes). Node ids are the trace's locations so
 * the packet overlay finds a hop's place directly (see store/graph-ids.ts).
 *
 * @example
 * const { nodes, edges } = toFlowGraph(cluster); // nodes[0].id === 'external'
 */
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { ClusterState, GatewayRouteSummary, GatewaySummary, IngressSummary } from '../../engine';
import { EXTERNAL_ID, kubeProxyId, lbId, zoneId } from '../../store/graph-ids';
import { RANK_GAP, ROUTE_GUTTER } from './route-geometry';
import { viewCluster, type NodeView, type PodView, type ServiceView } from './cluster-view';
import { backendServices, gatewayHeight, routeBoxes, routeEdges, sharedRoutes } from './gateway-boxes';
import type { Ghost } from './ghosts';
import { ingressBackends, ingressEdges, ingressHeight } from './ingress-boxes';
import { podRows, type PodGroupView, type PodRow } from './pod-groups';
import { stabilize } from './stable-layout';
import * as S from './sizes';

export type GraphNodeData =
  | { kind: 'client'; ip: string }
  | { kind: 'lb'; service: string; ips: string[] }
  | { kind: 'service'; service: ServiceView }
  | { kind: 'zone'; zone: string }
  | { kind: 'node'; node: NodeView }
  | {
      kind: 'kube-proxy';
      node: string;
      mode: string;
      /** kube-proxy is not running (its configuration was refused): no rule set at all. */
      down?: boolean;
      /** The Services this node's kube-proxy writes rules for: each Service is a rule set on every node. */
      services: { id: string; name: string }[];
      /** The selected Service, whose rules on this node light up. */
      selectedService?: string;
      /** The Service whose rule on this node decided the followed request's current hop. */
      hopService?: string;
    }
  | { kind: 'pod'; pod: PodView }
  /** A big workload's pods on one node (pod-groups.ts): count, tally, expanded or not. */
  | { kind: 'pod-group'; group: PodGroupView }
  /** An object the API server refused: kept where it was, with its error. */
  | { kind: 'ghost'; ghost: Ghost }
  | {
      kind: 'gateway';
      gateway: GatewaySummary;
      /** The listeners that took the followed request at its current hop. */
      hopListeners?: string[];
    }
  | {
      kind: 'ingress';
      ingress: IngressSummary;
      /** The path (its field) nginx matched for the followed request at its current hop. */
      hopPath?: string;
    }
  | {
      kind: 'route';
      route: GatewayRouteSummary;
      gateway: string; // "Gateway/default/eg"
      /** The rule of this route that matched the followed request at its current hop. */
      hopRule?: number;
    };

export type GraphNode = Node<GraphNodeData>;
export interface FlowGraph {
  nodes: GraphNode[];
  edges: Edge[];
  /** Service id → ids of its endpoint pods (for highlighting). */
  endpointsOf: Map<string, string[]>;
  /** Gateway id → its routes' boxes, Envoy pods, proxy Service and load balancer; route id → its backends. */
  gatewayParts: Map<string, string[]>;
  /** Ingress id → the controller's pods and the Services its paths send to. */
  ingressParts: Map<string, string[]>;
  /** A pod of a collapsed group → the group's box that stands for it. */
  shownAs: Map<string, string>;
  /** Every grouped pod → its group's box. */
  groupOf: Map<string, string>;
}

/**
 * Dagre runs only when the graph's shape changes: the key lists every box with its size and parent
 * and every edge, so an edit that changes a label, an IP or a readiness keeps the previous positions
 * (and the user's sense of where things are) at no cost. When the shape does change (an object added
 * or removed, a pod more on a node), the boxes that were there keep their places (stable-layout.ts);
 * a new scene starts afresh (resetLayoutMemory).
 */
/** The part of dagre's graph the cache reads (its generic types say `unknown` for labels). */
interface LayoutGraph {
  nodes(): string[];
  node(id: string): unknown;
  parent(id: string): unknown;
  edges(): { v: string; w: string }[];
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
let cached: { key: string; boxes: Map<string, Box> } | null = null;

/** Forgets the last layout: the next scene is laid out from scratch (another scenario or lesson). */
export function resetLayoutMemory(): void {
  cached = null;
}

function layoutOnce(g: LayoutGraph, lbs: ReadonlySet<string>): void {
  const parts: string[] = [];
  for (const id of g.nodes()) {
    const n = g.node(id) as Partial<Box>;
    parts.push(`${id}|${n.width ?? ''}|${n.height ?? ''}|${String(g.parent(id) ?? '')}`);
  }
  for (const e of g.edges()) parts.push(`${e.v}>${e.w}`);
  const key = parts.join('\n');
  if (cached?.key === key) {
    for (const [id, box] of cached.boxes) Object.assign(g.node(id) as Box, box);
    return;
  }
  dagre.layout(g as Parameters<typeof dagre.layout>[0]);
  const fresh = new Map<string, Box>();
  const parents = new Map<string, string>();
  for (const id of g.nodes()) {
    const { x, y, width, height } = g.node(id) as Box;
    fresh.set(id, { x, y, width, height });
    const parent = g.parent(id);
    if (typeof parent === 'string') parents.set(id, parent);
  }
  const boxes = stabilize(fresh, parents, cached?.boxes ?? null, { rankGap: RANK_GAP, gap: NODE_GAP });
  belowTheFront(boxes, parents, lbs);
  for (const [id, box] of boxes) Object.assign(g.node(id) as Box, box);
  cached = { key, boxes };
}

/**
 * The load balancers go below every other box left of the nodes (the Services, Gateways, Ingresses and
 * refused objects), keeping their order: a load balancer is the one box a request reaches from the nodes
 * and leaves for the nodes (NodePort targets, an ipMode Proxy address, the replies), and a link to or
 * from it runs level at its height (route-geometry.ts linkCurve) across the columns between, where
 * nothing else then stands. Only ever moved down, so a box the user saw stays unless it must move.
 */
function belowTheFront(
  boxes: Map<string, Box>,
  parents: ReadonlyMap<string, string>,
  lbs: ReadonlySet<string>,
) {
  const zones = new Set(parents.values());
  const nodesLeft = Math.min(
    ...[...zones].flatMap((z) => {
      const b = boxes.get(z);
      return b ? [b.x - b.width / 2] : [];
    }),
  );
  let bottom = -Infinity;
  for (const [id, b] of boxes)
    if (
      !lbs.has(id) &&
      id !== EXTERNAL_ID &&
      !parents.has(id) &&
      !zones.has(id) &&
      b.x + b.width / 2 < nodesLeft
    )
      bottom = Math.max(bottom, b.y + b.height / 2);
  if (!Number.isFinite(bottom)) return;
  const ids = [...lbs].filter((id) => boxes.has(id)).sort((a, b) => boxes.get(a)!.y - boxes.get(b)!.y);
  let top = bottom + NODE_GAP;
  for (const id of ids) {
    const b = boxes.get(id)!;
    const t = Math.max(top, b.y - b.height / 2);
    boxes.set(id, { ...b, y: t + b.height / 2 });
    top = t + b.height + NODE_GAP;
  }
}

/** Lines a box's addresses take when each wraps at IP_LINE_CHARS (a long IPv6 address wraps, never clips). */
export function addressLines(addrs: readonly string[]): number {
  return addrs.reduce((n, a) => n + Math.max(1, Math.ceil(a.length / S.IP_LINE_CHARS)), 0);
}

/**
 * A pod's box: its first address on the title's next line, every further one (IPv6) below it, then its
 * state in words when it is not ready or terminating.
 */
export const podHeight = (p: PodView): number =>
  S.POD_H + (addressLines(p.ips.slice(1)) + (p.ready && !p.terminating ? 0 : 1)) * S.IP_LINE;

/** A Service's box: one line per cluster IP (a dual-stack Service has two). */
export const serviceHeight = (s: ServiceView): number =>
  S.SERVICE_H + Math.max(0, addressLines(s.clusterIPs) - 1) * S.IP_LINE;

/** A node's header: its name and IPv4 address, then its IPv6 address on a dual-stack cluster. */
const nodeHeader = (n: NodeView): number => S.NODE_HEADER + (n.ip6 ? addressLines([n.ip6]) * S.IP_LINE : 0);

const rowHeight = (r: PodRow): number => (r.kind === 'pod' ? podHeight(r.pod) : S.GROUP_H);

const nodeHeight = (n: NodeView, rows: readonly PodRow[]) =>
  nodeHeader(n) + S.PROXY_H + S.GAP + rows.reduce((h, r) => h + rowHeight(r) + S.GAP, 0) + S.NODE_PAD - S.GAP;

const NODE_GAP = 16 + S.ZONE_LABEL;

/**
 * @param expanded the ids of the pod groups the user opened (pod-groups.ts); every other big workload's
 * pods on a node are one box.
 */
export function toFlowGraph(
  cluster: ClusterState,
  ghosts: readonly Ghost[] = [],
  expanded: ReadonlySet<string> = new Set(),
): FlowGraph {
  const view = viewCluster(cluster);
  const { rows, shownAs, groupOf } = podRows(view, expanded);
  const rowsOf = (n: NodeView) => rows.get(n.name) ?? [];
  const g = new dagre.graphlib.Graph({ compound: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));

  const lbs = view.services.filter((s) => s.type === 'LoadBalancer');
  // The API server's own Service (default/kubernetes) is noise in a lesson about workloads.
  const shown = view.services.filter(
    (s) => s.id !== 'Service/default/kubernetes' && (!s.system || s.endpoints.length > 0),
  );
  g.setNode(EXTERNAL_ID, { width: S.CLIENT_W, height: S.CLIENT_H });
  for (const s of lbs) {
    g.setNode(lbId(s.namespace, s.name), { width: S.CLIENT_W, height: S.CLIENT_H });
    g.setEdge(EXTERNAL_ID, lbId(s.namespace, s.name));
  }
  // The Services' column: the load balancers' too (below the Services: belowTheFront), unless Gateways
  // or Ingresses stand between the client and the Services, in the load balancers' column.
  const front =
    lbs.length && (view.gateways.length || view.ingresses.length)
      ? lbId(lbs[0]!.namespace, lbs[0]!.name)
      : EXTERNAL_ID;
  for (const s of shown) {
    g.setNode(s.id, { width: S.SERVICE_W, height: serviceHeight(s) });
    g.setEdge(front, s.id);
  }
  // A Gateway sits in the load balancers' column and leads to the Services its routes name.
  const shownIds = new Set(shown.map((s) => s.id));
  for (const gw of view.gateways) {
    g.setNode(gw.id, { width: S.GATEWAY_W, height: gatewayHeight(gw) });
    g.setEdge(EXTERNAL_ID, gw.id);
    for (const s of new Set(gw.routes.flatMap(backendServices))) if (shownIds.has(s)) g.setEdge(gw.id, s);
  }
  // An Ingress too: the rule set the controller reads, leading to the Services its paths name.
  for (const ing of view.ingresses) {
    g.setNode(ing.id, { width: S.GATEWAY_W, height: ingressHeight(ing) });
    g.setEdge(EXTERNAL_ID, ing.id);
    for (const s of ingressBackends(ing)) if (shownIds.has(s)) g.setEdge(ing.id, s);
  }
  // A refused object stays on the graph in the Services' column (where a refused Service was).
  const ghostsShown = ghosts.filter((x) => !g.hasNode(x.id));
  for (const x of ghostsShown) {
    g.setNode(x.id, { width: S.SERVICE_W, height: S.SERVICE_H });
    g.setEdge(front, x.id);
  }
  for (const z of view.zones) g.setNode(zoneId(z || '-'), { paddingTop: S.ZONE_HEADER });
  for (const n of view.nodes) {
    g.setNode(n.id, { width: S.NODE_W, height: nodeHeight(n, rowsOf(n)) });
    g.setParent(n.id, zoneId(n.zone || '-'));
  }
  const nodeOfPod = new Map(view.pods.map((p) => [p.id, `node/${p.node}`]));
  for (const s of shown) {
    const targets = new Set(s.endpoints.map((e) => e.podId && nodeOfPod.get(e.podId)).filter(Boolean));
    for (const t of targets) if (g.hasNode(t!)) g.setEdge(s.id, t!);
  }
  // A node no Service points at (no endpoints on it) would otherwise sit in the first column beside the
  // client; a layout-only edge keeps every node in the nodes' column.
  const entry = shown[0]?.id ?? (lbs.length ? lbId(lbs[0]!.namespace, lbs[0]!.name) : EXTERNAL_ID);
  for (const n of view.nodes) if (!g.inEdges(n.id)?.length) g.setEdge(entry, n.id);
  layoutOnce(g, new Set(lbs.map((s) => lbId(s.namespace, s.name))));

  const nodes: GraphNode[] = [];
  const edges: Edge[] = [];
  const topLeft = (id: string) => {
    const p = g.node(id);
    return { x: p.x - p.width / 2, y: p.y - p.height / 2, width: p.width, height: p.height };
  };
  const place = (
    id: string,
    data: GraphNodeData,
    box: { x: number; y: number; width: number; height: number },
    zIndex = 0,
  ): void => {
    nodes.push({
      id,
      type: data.kind,
      data,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // Its size as React Flow would measure it (the boxes are fixed-size): a box that only changes its
      // classes (the followed hop, a selection) then keeps its measured handles, so the links drawn to it
      // are not taken off the page and put back (which dropped keyboard focus from a link while playing).
      measured: { width: box.width, height: box.height },
      zIndex,
      draggable: false,
      connectable: false,
    });
  };

  for (const z of view.zones) {
    const id = zoneId(z || '-');
    if (!g.hasNode(id)) continue;
    // Room for the zone's label above its first node (dagre's compound padding does not leave it), and
    // on the right for the followed request's links that loop within the nodes' column.
    const box = topLeft(id);
    place(
      id,
      { kind: 'zone', zone: z },
      {
        ...box,
        y: box.y - S.ZONE_LABEL,
        height: box.height + S.ZONE_LABEL,
        width: box.width + ROUTE_GUTTER,
      },
      -1,
    );
  }
  // The followed request's route is drawn at z 1 over the Kubernetes nodes' boxes (z 0) and under
  // every other box (z 1, later in the DOM), so it never covers a name.
  place(EXTERNAL_ID, { kind: 'client', ip: cluster.config.externalClientIP }, topLeft(EXTERNAL_ID), 1);
  for (const s of lbs) {
    const id = lbId(s.namespace, s.name);
    place(id, { kind: 'lb', service: s.id, ips: s.externalIPs }, topLeft(id), 1);
    edges.push({ id: `e:${EXTERNAL_ID}>${id}`, source: EXTERNAL_ID, target: id, className: 'edge-wire' });
  }
  // Every Service with a virtual IP is programmed on every node (user Services first).
  const servicesWithRules = view.services
    .filter((s) => s.clusterIP && s.clusterIP !== 'None' && s.id !== 'Service/default/kubernetes')
    .sort((a, b) => Number(a.system) - Number(b.system))
    .map((s) => ({ id: s.id, name: s.name }));
  for (const n of view.nodes) {
    const box = topLeft(n.id);
    place(n.id, { kind: 'node', node: n }, box);
    const inner = { x: box.x + S.NODE_PAD, width: S.POD_W };
    const proxyY = box.y + nodeHeader(n);
    place(
      kubeProxyId(n.name),
      view.proxyDown
        ? { kind: 'kube-proxy', node: n.name, mode: view.proxyMode, down: true, services: [] }
        : { kind: 'kube-proxy', node: n.name, mode: view.proxyMode, services: servicesWithRules },
      { ...inner, y: proxyY, height: S.PROXY_H },
      1,
    );
    let y = proxyY + S.PROXY_H + S.GAP;
    for (const r of rowsOf(n)) {
      const height = rowHeight(r);
      if (r.kind === 'pod') place(r.pod.id, { kind: 'pod', pod: r.pod }, { ...inner, y, height }, 1);
      else {
        place(r.group.id, { kind: 'pod-group', group: r.group }, { ...inner, y, height }, 1);
        // A button that opens and folds the group (Enter or a click, TopologyPanel).
        Object.assign(nodes[nodes.length - 1]!, {
          ariaRole: 'button',
          domAttributes: { 'aria-expanded': r.group.expanded },
        });
      }
      y += height + S.GAP;
    }
    for (const s of lbs) {
      const id = lbId(s.namespace, s.name);
      edges.push({ id: `e:${id}>${n.id}`, source: id, target: n.id, className: 'edge-wire' });
    }
  }
  for (const x of ghostsShown) place(x.id, { kind: 'ghost', ghost: x }, topLeft(x.id), 1);
  const gatewayParts = new Map<string, string[]>();
  const shared = sharedRoutes(view.gateways);
  for (const gw of view.gateways) {
    const box = topLeft(gw.id);
    place(gw.id, { kind: 'gateway', gateway: gw }, box);
    const parts: string[] = [...gw.proxyPods, gw.proxyService];
    const proxyLb = lbs.find((s) => s.id === gw.proxyService);
    if (proxyLb) parts.push(lbId(proxyLb.namespace, proxyLb.name));
    for (const r of routeBoxes(gw, box, shared)) {
      place(r.id, { kind: 'route', route: r.route, gateway: gw.id }, r, 1);
      parts.push(r.id);
      gatewayParts.set(r.id, backendServices(r.route));
      edges.push(...routeEdges(r.id, r.route, shownIds));
    }
    gatewayParts.set(gw.id, parts);
  }
  const ingressParts = new Map<string, string[]>();
  for (const ing of view.ingresses) {
    place(ing.id, { kind: 'ingress', ingress: ing }, topLeft(ing.id), 1);
    edges.push(...ingressEdges(ing, shownIds));
    ingressParts.set(ing.id, [
      ...(ing.served ? view.ingressControllers : []),
      ...ingressBackends(ing).filter((x) => shownIds.has(x)),
    ]);
  }
  const endpointsOf = new Map<string, string[]>();
  for (const s of shown) {
    place(s.id, { kind: 'service', service: s }, topLeft(s.id), 1);
    // An endpoint in a collapsed group links to the group's box (once, ready if any of its pods is).
    const shown = (p: string) => shownAs.get(p) ?? p;
    const pods = s.endpoints.map((e) => e.podId).filter((p): p is string => !!p && nodeOfPod.has(p));
    endpointsOf.set(s.id, [...new Set(pods.map(shown))]);
    const readyTo = new Set(s.endpoints.filter((e) => e.ready && e.podId).map((e) => shown(e.podId!)));
    for (const p of new Set(pods.map(shown))) {
      const ready = readyTo.has(p);
      edges.push({
        id: `e:${s.id}>${p}`,
        source: s.id,
        target: p,
        className: ready ? 'edge-endpoint' : 'edge-endpoint not-ready',
      });
    }
    if (s.clusterIP && s.clusterIP !== 'None')
      for (const n of view.nodes)
        edges.push({
          id: `r:${s.id}>${n.name}`,
          source: s.id,
          target: kubeProxyId(n.name),
          className: 'edge-rule',
        });
  }
  return { nodes, edges, endpointsOf, gatewayParts, ingressParts, shownAs, groupOf };
}
