/**
 * The data plane's access to kube-proxy (helper C1's src/engine/proxy): each node's generated rules,
 * built once per cluster object and node, and the evaluator that walks them. Nothing here decides a
 * route: every NAT, DROP and REJECT comes from `evaluate` over the very rules `iptables-save` prints.
 *
 * @example
 * const v = kubeProxy(cluster, world, 'node-1', pkt, 'PREROUTING'); v.action; // "dnat"
 */
import type { ClusterState } from '../cluster/state';
import type { Packet } from '../net/packet';
import { buildNodeRules, evaluate } from '../proxy';
import type { NodeRules, ProxyVerdict, Rule } from '../proxy/types';
import type { SimWorld } from '../world';

const cache = new WeakMap<ClusterState, Map<string, NodeRules>>();

/** The rules kube-proxy on `node` writes for this cluster (memoised per cluster object). */
export function rulesFor(cluster: ClusterState, node: string): NodeRules {
  let perNode = cache.get(cluster);
  if (!perNode) {
    perNode = new Map();
    cache.set(cluster, perNode);
  }
  let rules = perNode.get(node);
  if (!rules) {
    rules = buildNodeRules(cluster, node);
    perNode.set(node, rules);
  }
  return rules;
}

/** Hands rules generated elsewhere (e.g. incrementally by the worker) to the data plane. */
export function primeRules(cluster: ClusterState, rules: NodeRules[]): void {
  cache.set(cluster, new Map(rules.map((r) => [r.node, r])));
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
