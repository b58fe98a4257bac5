/**
 * The data plane's access to kube-proxy (src/engine/proxy): each node's generated rules, built once per
 * cluster object and node and kept by the simulation world (rules-cache.ts), and the evaluator that walks them. Nothing here decides a
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
import {
  buildNodeRules,
  evaluate,
  updateNodeRules,
  type NodeRules,
  type Rule,
  type ProxyVerdict,
} from '../proxy';
import type { SimWorld } from '../world';
import type { RulesCache } from './rules-cache';
import { clusterChanges, type ClusterChanges } from './rules-diff';

function changesSince(cache: RulesCache, from: ClusterState, to: ClusterState): ClusterChanges {
  const known = cache.diffs.get(to);
  if (known?.from === from) return known.changes;
  const changes = clusterChanges(from, to, cache.prints);
  cache.diffs.set(to, { from, changes });
  return changes;
}

/** A cluster other than the current one asks for rules: it becomes current, the old one previous. */
function advance(cache: RulesCache, cluster: ClusterState, perNode: Map<string, NodeRules>): void {
  if (cache.current?.cluster === cluster) return;
  cache.previous = cache.current;
  cache.current = { cluster, perNode };
}

function make(cache: RulesCache, cluster: ClusterState, node: string): NodeRules {
  const prev = cache.previous && cache.previous.cluster !== cluster ? cache.previous : undefined;
  const old = prev?.perNode.get(node);
  if (prev && old) {
    const changes = changesSince(cache, prev.cluster, cluster);
    // updateNodeRules consumes `old`: the previous cluster must not hand it out again.
    prev.perNode.delete(node);
    if (!changes.full) {
      cache.stats.updated++;
      return updateNodeRules(old, cluster, changes.services, { memo: cache.memo });
    }
  }
  cache.stats.built++;
  return buildNodeRules(cluster, node, { memo: cache.memo });
}

/**
 * The rules kube-proxy on `node` writes for this cluster (kept in `cache`, the world's, per cluster object).
 *
 * @example
 * rulesFor(world.rules, cluster, 'node-1').mode; // "iptables"
 */
export function rulesFor(cache: RulesCache, cluster: ClusterState, node: string): NodeRules {
  let perNode = cache.byCluster.get(cluster);
  if (!perNode) {
    perNode = new Map();
    cache.byCluster.set(cluster, perNode);
  }
  let rules = perNode.get(node);
  if (!rules) {
    advance(cache, cluster, perNode);
    rules = make(cache, cluster, node);
    perNode.set(node, rules);
  }
  return rules;
}

/** kube-proxy's verdict on a connection's first packet arriving at `node`. */
export function kubeProxy(
  cluster: ClusterState,
  world: SimWorld,
  node: string,
  p: Packet,
  hook: 'PREROUTING' | 'OUTPUT',
): ProxyVerdict {
  return evaluate(rulesFor(world.rules, cluster, node), { ...p, hook }, world.proxy, world.rng, world.clock);
}

/** The rule in KUBE-POSTROUTING that performs the masquerade (the SNAT the trace shows). */
export function masqueradeRule(rules: NodeRules): Rule | undefined {
  return rules.nat.byName.get('KUBE-POSTROUTING')?.rules.find((r) => r.target.kind === 'MASQUERADE');
}
