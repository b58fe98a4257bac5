/**
 * The graph's translation and layout (to-flow-graph, with dagre), apart from React Flow: its own small
 * chunk, so the first layout can run as soon as the engine's first answer is in, while React Flow's
 * chunk (d3 and the renderer, 280 KB) is still loading and compiling (issue 17, cold load). Laid out
 * ahead, the graph panel's first render finds the layout in to-flow-graph's cache and only translates:
 * dagre's first run (41–48 ms on two busy cores, the "svclab:graph" mark's layoutMs) moves off the
 * path from the answer to the first graph whenever the answer arrives first.
 *
 * @example
 * void import('./graph-layout').then((m) => m.layOutAhead());
 */
import { selectCluster, useStore, instrumentation, type ClusterState, type Store } from '../../store';
import { refusedObjects, type Ghost } from './ghosts';
import { resetLayoutMemory, toFlowGraph, type FlowGraph } from './to-flow-graph';

let lastScene: string | null = null;
let laidOut = false;

/** The scene a graph belongs to: its boxes keep their places within it, another starts afresh. */
export const sceneKeyOf = (s: Store) => `${s.workspaceId}|${s.scenarioId ?? 'custom'}|${s.lessonId ?? ''}`;

/** The objects the graph draws as refused (ghosts): none while the text does not parse. */
export const ghostsOf = (broken: boolean, ghosts: readonly Ghost[]) => (broken ? [] : ghosts);

/**
 * Translates and lays out the cluster, timed for the bench ("svclab:graph" mark). Within one scene,
 * boxes keep their places across edits; another scene is laid out afresh.
 */
export function graphFor(
  cluster: ClusterState,
  ghosts: readonly Ghost[] = [],
  scene = '',
  expanded: ReadonlySet<string> = new Set(),
): FlowGraph {
  if (scene !== lastScene) resetLayoutMemory();
  lastScene = scene;
  laidOut = true;
  return instrumentation.layout(() => toFlowGraph(cluster, ghosts, expanded));
}

/**
 * Lays out the first cluster the store receives, with what the graph panel will ask for (its scene, its
 * ghosts, every pod group folded), unless the panel has laid out a graph already. Runs inside the
 * store's update that brings the cluster, before React renders it; a failure here is left for the
 * panel's own layout to meet and show.
 */
export function layOutAhead(): void {
  const tryNow = (s: Store): boolean => {
    if (laidOut) return true;
    const cluster = selectCluster(s);
    if (!cluster) return false;
    try {
      graphFor(cluster, ghostsOf(s.broken, refusedObjects(s.diagnostics)), sceneKeyOf(s), new Set());
    } catch {
      // The panel lays it out again and its error boundary says what failed.
    }
    return true;
  };
  if (tryNow(useStore.getState())) return;
  const stop = useStore.subscribe((s) => {
    if (tryNow(s)) stop();
  });
}
