/**
 * The data plane's access to kube-proxy (helper C1's src/engine/proxy): each node's generated rules,
 * built once per cluster object and node, and the evaluator that walks them. Nothing here decides a
 * route: every NAT, DROP and REJECT comes from `evaluate` over the very rules `iptables-save` prints.
 *
 * An edit makes a new ClusterState. Its rules are then made from the previous cluster's rules with
 * `updateNodeRules` (only the Services whose spec or EndpointSlices changed, were added or deleted are
 * regenerated, as kube-proxy's own partial syncs do) unless the proxy configuration or the nodes changed,
 * which needs a full build. The previous cluster's rules are consumed by the update and dropped from the
 * cache (asking for them again rebuilds them).
 *
 * @example
 * const v = kubeProxy(cluster, world, 'node-1', pkt, 'PREROUTING'); v.action; // "dnat"
 */
import type { ClusterState } from '../cluster/state';
import type { Packet } from '../net/packet';
import { buildNodeRules, evaluate, updateNodeRules } from '../proxy';
import type { NodeRules, ProxyVerdict, Rule } from '../proxy/shared/types';
import type { SimWorld } from '../world';
import { clusterChanges, type ClusterChanges } from './rules-diff';

const cache = new WeakMap<ClusterState, Map<string, NodeRules>>();
interface Generation {
  cluster: ClusterState;
  perNode: Map<string, NodeRules>;
}
/** The cluster whose rules were asked for last, and the one before it (what its rules are updated from). */
let current: Generation | undefined;
let previous: Generation | undefined;
const diffs = new WeakMap<ClusterState, { from: ClusterState; changes: ClusterChanges }>();

/** How the rules were made (for tests and the bench). */
export const rulesStats = { built: 0, updated: 0 };

function changesSince(from: ClusterState, to: ClusterState): ClusterChanges {
  const known = diffs.get(to);
  if (known?.from === from) return known.changes;
  const changes = clusterChanges(from, to);
  diffs.set(to, { from, changes });
  return changes;
}

/** A cluster other than the current one asks for rules: it becomes current, the old one previous. */
function advance(cluster: ClusterState, perNode: Map<string, NodeRules>): void {
  if (current?.cluster === cluster) return;
  previous = current;
  current = { cluster, perNode };
}

function make(cluster: ClusterState, node: string): NodeRules {
  const prev = previous && previous.cluster !== cluster ? previous : undefined;
  const old = prev?.perNode.get(node);
  if (prev && old) {
    const changes = changesSince(prev.cluster, cluster);
    // updateNodeRules consumes `old`: the previous cluster must not hand it out again.
    prev.perNode.delete(node);
    if (!changes.full) {
      rulesStats.updated++;
      return updateNodeRules(old, cluster, changes.services);
    }
  }
  rulesStats.built++;
  return buildNodeRules(cluster, node);
}

/** The rules kube-proxy on `node` writes for this cluster (memoised per cluster object). */
export function rulesFor(cluster: ClusterState, node: string): NodeRules {
  let perNode = cache.get(cluster);
  if (!perNode) {
    perNode = new Map();
    cache.set(cluster, perNode);
  }
  let rules = perNode.get(node);
  if (!rules) {
    advance(cluster, perNode);
    rules = make(cluster, node);
    perNode.set(node, rules);
  }
  return rules;
}

/** Hands rules generated elsewhere (e.g. incrementally by the worker) to the data plane. */
export function primeRules(cluster: ClusterState, rules: NodeRules[]): void {
  const perNode = new Map(rules.map((r) => [r.node, r]));
  cache.set(cluster, perNode);
  advance(cluster, perNode);
}

/** kube-proxy's verdict on a connection's first packet arriving at `node`. */
export function kubeProxy(
  cluster: ClusterState,
  world: SimWorld,
  node: string,
  p: Packet,
  hook: 'PREROUTING' | 'OUTPUT',
): ProxyVerdict {
  return evaluate(rulesFor(cluster, node), { ...p, hook }, world.proxy, world.rng, world.clock);
}

/** The rule in KUBE-POSTROUTING that performs the masquerade (the SNAT the trace shows). */
export function masqueradeRule(rules: NodeRules): Rule | undefined {
  return rules.nat.byName.get('KUBE-POSTROUTING')?.rules.find((r) => r.target.kind === 'MASQUERADE');
}
