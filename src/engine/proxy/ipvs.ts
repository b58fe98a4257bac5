/**
 * kube-proxy IPVS mode for one node (pkg/proxy/ipvs/proxier.go): a virtual server per ClusterIP, externalIP,
 * LoadBalancer IP and NodePort (per node IP), all with the cluster-wide scheduler and real servers of weight 1,
 * persistence (`-p timeout`) for ClientIP affinity; the ipsets it fills; and the iptables rules that match
 * those ipsets (writeIptablesRules) for masquerading, NodePorts and loadBalancerSourceRanges. Assembled from
 * per-port fragments (ipvs-service.ts), so an edit regenerates only the edited Service's ports and patches
 * the virtual-server index and the ipsets.
 *
 * @example
 * const rules = buildIpvsRules(cluster, 'node-1');
 * rules.ipvs!.byKey.get('TCP 10.96.0.10:53')!.realServers.length; // 2
 */
import type { ClusterState } from '../cluster/state';
import { FragmentSet, createBase, orderOf } from './fragment-set';
import type { BuildOptions } from './iptables';
import { ipvsTables } from './ipvs-iptables';
import { IPSET_INFO, setIpsetIndex, type IpsetName } from './ipvs-ipsets';
import { IpvsFragment, type IpvsContext, type SharedServers } from './ipvs-service';
import { findNode, nodeIPOf, zoneOf } from './node-info';
import {
  firstPortName,
  serviceMapOf,
  updateServiceMap,
  type ServiceEntry,
  type ServiceMap,
} from './service-map';
import { categorizeEndpoints } from './topology';
import type { IpSet, IpvsVirtualServer, NodeRules } from './types';

/** What `NodeRules.cache` holds in IPVS mode. */
interface IpvsCache {
  ctx: IpvsContext;
  options: BuildOptions;
  /** Everything besides the Services the rules depend on: a change means a full build. */
  settings: string;
  services: ServiceMap;
  set: FragmentSet<IpvsFragment>;
  /** Per ipset: entry → how many ports add it (a set lists it once). */
  counts: Map<IpsetName, Map<string, number>>;
  /** How many virtual servers had a key already taken (the later one wins, as in a Map). */
  dupKeys: number;
}

/** Virtual servers shared by the nodes of one ClusterState (see ipvs-service.ts). */
const sharedServers = new WeakMap<ClusterState, SharedServers>();

/** No topology: the port's endpoint sets are the same from every node. */
function topologyFree(e: ServiceEntry): boolean {
  for (const sp of e.ports) if (sp.trafficDistribution !== undefined) return false;
  for (const eps of e.endpoints)
    for (const ep of eps) if (ep.zoneHints.length > 0 || ep.nodeHints.length > 0) return false;
  return true;
}

function fragmentsOf(cluster: ClusterState, e: ServiceEntry, ctx: IpvsContext): IpvsFragment[] {
  let shared = sharedServers.get(cluster);
  if (!shared) sharedServers.set(cluster, (shared = new Map()));
  const s = topologyFree(e) ? shared : undefined;
  return e.ports
    .map(
      (sp, i) =>
        new IpvsFragment(sp, categorizeEndpoints(e.endpoints[i]!, sp, ctx.nodeName, ctx.zone), ctx, s),
    )
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

const orders = new WeakMap<ServiceMap, string[]>();

/** Service keys in port-name order (shared by the nodes of one build). */
function orderFor(map: ServiceMap): string[] {
  let order = orders.get(map);
  if (!order) {
    const keys = new Map<string, { sortKey: string }[]>();
    for (const e of map.entries.values()) keys.set(e.key, [{ sortKey: firstPortName(e) }]);
    orders.set(map, (order = orderOf(keys)));
  }
  return order;
}

function contextFor(cluster: ClusterState, nodeName: string): IpvsContext {
  const node = findNode(cluster, nodeName);
  const scheduler = cluster.config.proxy.ipvsScheduler;
  return {
    nodeName,
    nodeIP: nodeIPOf(node),
    zone: zoneOf(node),
    scheduler: scheduler === '' ? 'rr' : scheduler,
  };
}

function settingsOf(cluster: ClusterState, ctx: IpvsContext, options: BuildOptions): string {
  const p = cluster.config.proxy;
  return JSON.stringify([ctx, p.clusterCIDR, p.masqueradeAll, options.randomFully !== false]);
}

const bySortOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function ipsetOf(name: IpsetName, entries: string[], counts: Map<string, number>): IpSet {
  const info = IPSET_INFO.find((i) => i.name === name)!;
  const s: IpSet = { name, type: info.type, comment: info.comment, entries };
  setIpsetIndex(s, counts);
  return s;
}

/** The virtual servers in order, and the index by key (a later server with the same key wins). */
function listServers(cache: IpvsCache): { vss: IpvsVirtualServer[]; byKey: Map<string, IpvsVirtualServer> } {
  const vss: IpvsVirtualServer[] = [];
  for (const key of cache.set.order) for (const f of cache.set.get(key) ?? []) vss.push(...f.virtualServers);
  return { vss, byKey: new Map() };
}

function rulesOf(
  cache: IpvsCache,
  cluster: ClusterState,
  ipsets: IpSet[],
  vss: IpvsVirtualServer[],
  byKey: Map<string, IpvsVirtualServer>,
): NodeRules {
  const p = cluster.config.proxy;
  const nonEmpty = new Set(ipsets.filter((s) => s.entries.length > 0).map((s) => s.name));
  const { nat, filter } = ipvsTables(
    {
      clusterCIDR: p.clusterCIDR,
      masqueradeAll: p.masqueradeAll,
      randomFully: cache.options.randomFully !== false,
    },
    nonEmpty,
  );
  return {
    node: cache.ctx.nodeName,
    mode: 'ipvs',
    nodeIPs: cache.ctx.nodeIP === '' ? [] : [cache.ctx.nodeIP],
    nat,
    filter,
    ipvs: { virtualServers: vss, byKey, ipsets },
    // Every Service address is bound to kube-ipvs0: exactly the members of KUBE-IPVS-IPS.
    extraLocalAddresses: ipsets.find((s) => s.name === 'KUBE-IPVS-IPS')!.entries,
    clusterCIDR: p.clusterCIDR,
    largeClusterMode: false,
    cache,
  };
}

/**
 * All of a node's IPVS-mode state: virtual servers, ipsets and the iptables rules around them.
 *
 * @example
 * ipvsadmList(buildIpvsRules(cluster, 'node-1'), createProxyState());
 */
export function buildIpvsRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
): NodeRules {
  const ctx = contextFor(cluster, nodeName);
  const map = serviceMapOf(cluster);
  const set = new FragmentSet(createBase<IpvsFragment>(), orderFor(map));
  for (const e of map.entries.values()) set.overlay.set(e.key, fragmentsOf(cluster, e, ctx));
  const counts = new Map<IpsetName, Map<string, number>>(IPSET_INFO.map((i) => [i.name, new Map()]));
  const cache: IpvsCache = {
    ctx,
    options,
    settings: settingsOf(cluster, ctx, options),
    services: map,
    set,
    counts,
    dupKeys: 0,
  };
  const { vss, byKey } = listServers(cache);
  for (const v of vss) {
    if (byKey.has(v.key)) cache.dupKeys++;
    byKey.set(v.key, v);
  }
  for (const key of set.order)
    for (const f of set.get(key)!) {
      for (const [name, entry] of f.entries) bump(counts.get(name)!, entry, 1);
      for (const ip of f.bound) bump(counts.get('KUBE-IPVS-IPS')!, ip, 1);
    }
  const ipsets = IPSET_INFO.map((i) => {
    const c = counts.get(i.name)!;
    return ipsetOf(i.name, [...c.keys()].sort(bySortOrder), c);
  });
  return rulesOf(cache, cluster, ipsets, vss, byKey);
}

function bump(counts: Map<string, number>, entry: string, by: 1 | -1): number {
  const n = (counts.get(entry) ?? 0) + by;
  if (n === 0) counts.delete(entry);
  else counts.set(entry, n);
  return n;
}

/** Where `entry` is or would go in the sorted list. */
function position(sorted: string[], entry: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < entry) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Regenerates only the named Services' ports, re-lists the virtual servers and patches their index and the
 * ipsets entry by entry; falls back to a full build when anything else changed. `prev` is consumed.
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
  if (!old?.counts || !prev.ipvs || settingsOf(cluster, ctx, options) !== old.settings)
    return buildIpvsRules(cluster, prev.node, options);
  const changed = new Set(changedServiceKeys);
  const map = updateServiceMap(old.services, cluster, changed);
  const cache: IpvsCache = { ...old, services: map };
  const removed: IpvsFragment[] = [];
  const added: IpvsFragment[] = [];
  for (const key of changed) {
    const e = map.entries.get(key);
    const frags = e ? fragmentsOf(cluster, e, ctx) : [];
    removed.push(...(cache.set.get(key) ?? []));
    added.push(...frags);
    cache.set.replace(key, frags);
  }
  // ipsets: count entries out and in; an entry appears or disappears when its count crosses zero.
  const lists = new Map(prev.ipvs.ipsets.map((s) => [s.name as IpsetName, s.entries]));
  const touched = new Set<IpsetName>();
  const each = (frags: IpvsFragment[], by: 1 | -1): void => {
    for (const f of frags) {
      const all: [IpsetName, string][] = [
        ...f.entries,
        ...f.bound.map((ip): [IpsetName, string] => ['KUBE-IPVS-IPS', ip]),
      ];
      for (const [name, entry] of all) {
        const n = bump(cache.counts.get(name)!, entry, by);
        if ((by === 1 && n !== 1) || (by === -1 && n !== 0)) continue;
        const sorted = lists.get(name)!;
        const at = position(sorted, entry);
        if (by === 1) sorted.splice(at, 0, entry);
        else sorted.splice(at, 1);
        touched.add(name);
      }
    }
  };
  each(removed, -1);
  each(added, 1);
  const ipsets = prev.ipvs.ipsets.map((s) =>
    touched.has(s.name as IpsetName)
      ? ipsetOf(s.name as IpsetName, s.entries, cache.counts.get(s.name as IpsetName)!)
      : s,
  );
  // Virtual servers: re-list in order; patch the index unless keys collide (then rebuild it).
  const { vss } = listServers(cache);
  let byKey = prev.ipvs.byKey;
  let clash = cache.dupKeys > 0;
  if (!clash) {
    for (const f of removed) for (const v of f.virtualServers) byKey.delete(v.key);
    for (const f of added)
      for (const v of f.virtualServers) {
        if (byKey.has(v.key)) clash = true;
        byKey.set(v.key, v);
      }
  }
  if (clash) {
    byKey = new Map();
    cache.dupKeys = 0;
    for (const v of vss) {
      if (byKey.has(v.key)) cache.dupKeys++;
      byKey.set(v.key, v);
    }
  }
  return rulesOf(cache, cluster, ipsets, vss, byKey);
}
