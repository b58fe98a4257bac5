/**
 * What to light up for a selection: a Service lights its endpoint pods, its rules on each node's
 * kube-proxy and its load balancer; a Gateway its routes, its Envoy pods, their Service and load
 * balancer; a route the Services it sends to; an Ingress its controller pods and backend Services; any
 * other element lights itself.
 */
import { graphIdForKey, kubeProxyId } from '../../store/graph-ids';
import type { FlowGraph } from './to-flow-graph';

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

export function highlightFor(graph: FlowGraph, selected: string | null): Highlight {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!selected) return { nodes, edges };
  const id = graphIdForKey(selected);
  nodes.add(id);
  const endpoints = graph.endpointsOf.get(id);
  if (endpoints) {
    for (const p of endpoints) nodes.add(p);
    for (const e of graph.edges) {
      if (e.source !== id) continue;
      edges.add(e.id);
      nodes.add(e.target);
    }
    const [, ns, name] = id.split('/');
    nodes.add(`lb/${ns}/${name}`);
  }
  const parts = graph.gatewayParts.get(id);
  if (parts) {
    for (const p of parts) nodes.add(p);
    for (const e of graph.edges) if (e.source === id || parts.includes(e.source)) edges.add(e.id);
  }
  // An Ingress lights the controller's pods that read it, its links and the Services they lead to.
  const ingress = graph.ingressParts.get(id);
  if (ingress) {
    for (const p of ingress) nodes.add(p);
    for (const e of graph.edges) if (e.source === id) edges.add(e.id);
  }
  if (id.startsWith('node/')) nodes.add(kubeProxyId(id.slice(5)));
  // A pod in a collapsed group lights the group's box.
  for (const n of [...nodes]) {
    const box = graph.shownAs.get(n);
    if (box) nodes.add(box);
  }
  return { nodes, edges };
}

/** The graph ids a lesson step marks ("Service/default/web#spec.selector" marks the Service's box). */
export function lessonMarksFor(marks: readonly string[]): ReadonlySet<string> {
  return new Set(marks.map((m) => graphIdForKey(m.split('#', 1)[0]!)));
}
