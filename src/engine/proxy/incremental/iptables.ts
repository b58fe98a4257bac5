/**
 * An edit in iptables mode: the edited Services' fragments are made again and their rules replace the old
 * ones in the shared chains, in place; the other Services' fragments and chains stay as they were. Falls
 * back to a full build when the node, the proxy settings or the large-cluster mode changed.
 *
 * @example
 * const next = updateIptablesRules(prev, cluster, ['ns1/svc1']);
 */
import type { ClusterState } from '../../cluster/state';
import {
  buildIptablesRules,
  contextFor,
  IPTABLES_FRAGMENTS,
  LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
  rulesOf,
  type IptablesCache,
} from '../iptables/proxier';
import type { ServiceFragment } from '../iptables/service';
import { SHARED_CHAINS, setRules } from '../iptables/shared-chains';
import type { BuildOptions, Chain, IptablesTable, NodeRules, Rule } from '../shared/types';
import { spliceIndex } from '../iptables/chain-index';
import { updateFragments, type FragmentChange } from './scope';
import { updateServiceMap } from './service-map-update';

/** The Service key of a Service port's rule ("ns/name:port" → "ns/name"). */
const keyOfRule = (r: Rule): string => {
  const s = r.service!;
  const i = s.indexOf(':');
  return i < 0 ? s : s.slice(0, i);
};

/**
 * Replaces one Service's rules in a shared chain, in place: where its old rules were, or where its key
 * sorts among the other Services' rules (the chain's Service rules are in key order; rules without a
 * Service, such as KUBE-SERVICES' final jump to KUBE-NODEPORTS, come last).
 */
function spliceService(chain: Chain, key: string, old: Rule[], fresh: Rule[]): void {
  const rules = chain.rules;
  let at = old.length > 0 ? rules.indexOf(old[0]!) : -1;
  if (at < 0) {
    let hi = rules.length;
    while (hi > 0 && rules[hi - 1]!.service === undefined) hi--;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyOfRule(rules[mid]!) < key) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
  }
  const removed = rules.splice(at, old.length, ...fresh);
  // The chain's lookup follows the splice rather than being made again for the whole chain.
  if (chain.index) spliceIndex(chain.index, at, removed, fresh);
}

/** Patches the shared chains for the Services whose fragments changed. */
function patchSharedChains(
  nat: IptablesTable,
  filter: IptablesTable,
  changes: readonly FragmentChange<ServiceFragment>[],
): void {
  for (const [table, name, field] of SHARED_CHAINS) {
    const t = table === 'nat' ? nat : filter;
    const chain = t.byName.get(name)!;
    let touched = false;
    for (const { key, old, fresh } of changes) {
      const gone = old.flatMap((f) => f[field]);
      const added = fresh.flatMap((f) => f[field]);
      if (gone.length === 0 && added.length === 0) continue;
      spliceService(chain, key, gone, added);
      touched = true;
    }
    // A new Chain object (nothing else kept on the old one applies), with the lookup kept in step.
    if (!touched) continue;
    setRules(t, name, chain.rules);
    if (chain.index) t.byName.get(name)!.index = chain.index;
  }
}

/**
 * Regenerates only the named Services' fragments and patches the shared chains; `prev` is consumed.
 *
 * @example
 * const next = updateIptablesRules(prev, cluster, ['ns1/svc1']);
 */
export function updateIptablesRules(
  prev: NodeRules,
  cluster: ClusterState,
  changedServiceKeys: Iterable<string>,
  options: BuildOptions = {},
): NodeRules {
  const old = prev.cache as IptablesCache | undefined;
  const rebuild = (): NodeRules =>
    buildIptablesRules(cluster, prev.node, { ...options, memo: options.memo ?? prev.cache?.memo });
  if (!old?.set || (options.randomFully ?? true) !== (old.options.randomFully ?? true)) return rebuild();
  const changed = new Set(changedServiceKeys);
  const services = updateServiceMap(old.memo, old.services, cluster, changed);
  const ctx = contextFor(cluster, prev.node, services.totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD);
  if (
    JSON.stringify(ctx) !== JSON.stringify(old.ctx) ||
    cluster.config.proxy.nodePortAddresses !== old.nodePortAddresses
  )
    return rebuild();
  // prev is consumed: its fragment set and tables are updated in place.
  const changes = updateFragments(IPTABLES_FRAGMENTS, old.memo, cluster, old.set, services, ctx, changed);
  patchSharedChains(prev.nat, prev.filter, changes);
  return rulesOf({ ...old, ctx, options, services }, prev.mode, prev);
}
