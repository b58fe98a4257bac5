/**
 * What the simulation remembers about kube-proxy's rules between requests and edits, owned by the
 * simulation world (`world.rules`), never by a module: every node's rules per cluster state, the two
 * latest cluster states (an edit's rules are updated from the previous state's, as kube-proxy's partial
 * syncs do), the changes found between states, and the proxy's memo of values the nodes of one state share.
 *
 * @example
 * const world = createWorld(1);
 * rulesFor(world.rules, cluster, 'node-1'); // built once, then reused by every request on this cluster
 * world.rules.stats; // { built: 1, updated: 0 }
 */
import type { ClusterState } from '../cluster/state';
import { createProxyMemo, type ProxyMemo, type NodeRules } from '../proxy';
import type { ClusterChanges, ClusterPrints } from './rules-diff';

/** One cluster state and the rules of the nodes asked for so far. */
export interface RulesGeneration {
  cluster: ClusterState;
  perNode: Map<string, NodeRules>;
}

export interface RulesCache {
  /** Per cluster state: node → its rules. */
  readonly byCluster: WeakMap<ClusterState, Map<string, NodeRules>>;
  /** The cluster whose rules were asked for last, and the one before it (what its rules are updated from). */
  current?: RulesGeneration;
  previous?: RulesGeneration;
  /** The changes found between two states (keyed by the later one). */
  readonly diffs: WeakMap<ClusterState, { from: ClusterState; changes: ClusterChanges }>;
  /** What `clusterChanges` compares, per cluster state. */
  readonly prints: ClusterPrints;
  /** Values the nodes of one cluster state share while their rules are made. */
  readonly memo: ProxyMemo;
  /** How the rules were made (for tests and the bench). */
  readonly stats: { built: number; updated: number };
}

/**
 * An empty cache (a new world's).
 *
 * @example
 * createRulesCache().stats; // { built: 0, updated: 0 }
 */
export function createRulesCache(): RulesCache {
  return {
    byCluster: new WeakMap(),
    diffs: new WeakMap(),
    prints: new WeakMap(),
    memo: createProxyMemo(),
    stats: { built: 0, updated: 0 },
  };
}
