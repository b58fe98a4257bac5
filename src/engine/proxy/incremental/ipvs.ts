/**
 * An edit in IPVS mode: the edited Services' ports are made again; their virtual servers replace the old
 * ones in the ordered list and the key index, and their ipset entries are counted out and in again (an
 * entry leaves a set when the last port adding it goes). Falls back to a full build when anything but the
 * Services changed.
 *
 * @example
 * const next = updateIpvsRules(prev, cluster, ['ns1/svc1']);
 */
import type { ClusterState } from '../../cluster/state';
import {
  buildIpvsRules,
  contextFor,
  eachEntry,
  ipsetFrom,
  IPVS_FRAGMENTS,
  rulesOf,
  settingsOf,
  type IpvsCache,
} from '../ipvs/proxier';
import type { IpsetName } from '../ipvs/ipsets';
import { portEntries, type IpvsFragment } from '../ipvs/service';
import type { BuildOptions, IpvsVirtualServer, NodeRules } from '../shared/types';
import { updateFragments } from './scope';
import { updateServiceMap } from './service-map-update';
import { spliceInOrder } from './splice';

/** Counts the ports' ipset entries in (by 1) or out (by -1); adds the names of the sets that changed to `touched`. */
function countEntries(cache: IpvsCache, frags: IpvsFragment[], by: 1 | -1, touched: Set<IpsetName>): void {
  const change = (name: IpsetName, entry: string): void => {
    let s = cache.sets.get(name)!;
    const own = s.owned();
    if (own !== s) cache.sets.set(name, (s = own));
    if (s.count(entry, by)) touched.add(name);
  };
  for (const f of frags) {
    eachEntry(portEntries(cache.memo, f.sp), change);
    for (const ep of f.loopback) if (cache.loopback.add(f.sp.proto, ep, by)) touched.add('KUBE-LOOP-BACK');
    eachEntry({ entries: f.nodeEntries }, change);
  }
}

/** Replaces the removed ports' servers by the added ones in the key index (a new index if keys collide). */
function reindex(
  cache: IpvsCache,
  byKey: Map<string, IpvsVirtualServer>,
  vss: IpvsVirtualServer[],
  removed: IpvsFragment[],
  added: IpvsFragment[],
): Map<string, IpvsVirtualServer> {
  let clash = cache.dupKeys > 0;
  if (!clash) {
    for (const f of removed) for (const v of f.virtualServers) byKey.delete(v.key);
    for (const f of added)
      for (const v of f.virtualServers) {
        if (byKey.has(v.key)) clash = true;
        byKey.set(v.key, v);
      }
  }
  if (!clash) return byKey;
  const fresh = new Map<string, IpvsVirtualServer>();
  cache.dupKeys = 0;
  for (const v of vss) {
    if (fresh.has(v.key)) cache.dupKeys++;
    fresh.set(v.key, v);
  }
  return fresh;
}

/**
 * Regenerates only the named Services' ports, re-lists the virtual servers and patches their index and the
 * ipsets entry by entry; `prev` is consumed.
 *
 * @example
 * const next = updateIpvsRules(prev, cluster, ['ns1/svc1']);
 */
export function updateIpvsRules(
  prev: NodeRules,
  cluster: ClusterState,
  changedServiceKeys: Iterable<string>,
  options: BuildOptions = {},
): NodeRules {
  const old = prev.cache as IpvsCache | undefined;
  const ctx = contextFor(cluster, prev.node);
  if (!old?.sets || !prev.ipvs || settingsOf(cluster, ctx, options) !== old.settings)
    return buildIpvsRules(cluster, prev.node, { ...options, memo: options.memo ?? prev.cache?.memo });
  const changed = new Set(changedServiceKeys);
  const services = updateServiceMap(old.memo, old.services, cluster, changed);
  const cache: IpvsCache = { ...old, services };
  const changes = updateFragments(IPVS_FRAGMENTS, cache.memo, cluster, cache.set, services, ctx, changed);
  const removed = changes.flatMap((c) => c.old);
  const added = changes.flatMap((c) => c.fresh);
  const touched = new Set<IpsetName>();
  countEntries(cache, removed, -1, touched);
  countEntries(cache, added, 1, touched);
  const ipsets = prev.ipvs.ipsets.map((s) => {
    const name = s.name as IpsetName;
    if (!touched.has(name)) return s;
    return name === 'KUBE-LOOP-BACK' ? cache.loopback.ipset() : ipsetFrom(name, cache.sets.get(name)!);
  });
  const vss = prev.ipvs.virtualServers;
  spliceInOrder(vss, cache.set, changes, (f) => f.virtualServers);
  const byKey = reindex(cache, prev.ipvs.byKey, vss, removed, added);
  return rulesOf(cache, cluster, ipsets, vss, byKey);
}
