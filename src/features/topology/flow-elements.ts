/**
 * The graph panel's elements for React Flow: translation + layout (memoised on the graph's shape by
 * to-flow-graph), the selection's highlight, and structural sharing with the previous elements so only
 * what changed re-renders. There is one graph panel, so the caches live here, outside React's render.
 */
import type { Edge } from '@xyflow/react';
import { instrumentation, type ClusterState } from '../../store';
import type { Highlight } from './highlight';
import { reuseUnchanged, type ReuseCache } from './reuse';
import { toFlowGraph, type FlowGraph, type GraphNode } from './to-flow-graph';

const nodeCache: ReuseCache<GraphNode> = new Map();
const edgeCache: ReuseCache<Edge> = new Map();

/** Translates and lays out the cluster, timed for the bench ("svclab:graph" mark). */
export function graphFor(cluster: ClusterState): FlowGraph {
  return instrumentation.layout(() => toFlowGraph(cluster));
}

/** Lit elements get the "lit" class; with a Service selected, its chip on every kube-proxy lights too. */
export function flowNodes(
  graph: FlowGraph | null,
  lit: Highlight | null,
  selectedService: string | null,
  marks: { at: string | null; drop: string | null; marked?: ReadonlySet<string> } = {
    at: null,
    drop: null,
  },
): GraphNode[] {
  return reuseUnchanged(
    nodeCache,
    graph?.nodes.map((n) => {
      const m =
        selectedService &&
        n.data.kind === 'kube-proxy' &&
        n.data.services.some((s) => s.id === selectedService)
          ? { ...n, data: { ...n.data, selectedService } }
          : n;
      const classes = [
        lit?.nodes.has(n.id) && 'lit',
        marks.at === n.id && 'at-hop',
        marks.drop === n.id && 'dropped-here',
        marks.marked?.has(n.id) && 'lesson-mark',
      ].filter(Boolean);
      return classes.length ? { ...m, className: classes.join(' '), selected: false } : m;
    }) ?? [],
  );
}

/** Rule edges (Service → each node's kube-proxy) show only for the selected Service. */
export function flowEdges(graph: FlowGraph | null, lit: Highlight | null): Edge[] {
  return reuseUnchanged(
    edgeCache,
    graph?.edges
      .filter((e) => e.className !== 'edge-rule' || lit?.edges.has(e.id))
      .map((e) => (lit?.edges.has(e.id) ? { ...e, className: `${e.className} lit`, animated: true } : e)) ??
      [],
  );
}
