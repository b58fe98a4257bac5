/**
 * kube-proxy IPVS mode for one node (pkg/proxy/ipvs/proxier.go): a virtual server per ClusterIP, externalIP,
 * LoadBalancer IP and NodePort (per node IP), all with the cluster-wide scheduler and real servers of weight 1,
 * persistence (`-p timeout`) for ClientIP affinity; the ipsets it fills; and the iptables rules that match
 * those ipsets (writeIptablesRules) for masquerading, NodePorts and loadBalancerSourceRanges. Assembled from
 * per-port fragments (service.ts), so an edit regenerates only the edited Service's ports and patches
 * the virtual-server index and the ipsets.
 *
 * @example
 * const rules = buildIpvsRules(cluster, 'node-1');
 * rules.ipvs!.byKey.get('TCP 10.96.0.10:53')!.realServers.length; // 2
 */
import type { ClusterState } from '../../cluster/state';
import { createProxyMemo, memoized, memoTable, type ProxyMemo } from '../shared/memo';
import { FragmentSet, createBase, orderOf } from '../incremental/fragment-set';
import { ipvsTables } from './iptables-rules';
import { IPSET_INFO, ipsetOf, type IpsetName } from './ipsets';
import { LoopbackSet } from './loopback';
import { IpvsFragment, NODE_SETS, portEntries, type IpvsContext, type SharedServers } from './service';
import { findNode, nodeIPOf, zoneOf } from '../shared/node-info';
import {
  firstPortName,
  serviceMapOf,
  updateServiceMap,
  type ServiceEntry,
  type ServiceMap,
} from '../shared/service-map';
import { usesLocalEndpoints, type ServicePortInfo } from '../shared/service-port';
import { categorizeEndpoints, type Categorized } from '../shared/topology';
import type { BuildOptions, IpSet, IpvsVirtualServer, NodeRules } from '../shared/types';

/** One ipset's members: a Set for lookups, the sorted list `ipset list` prints, and repeats. */
interface SetState {
  members: Set<string>;
  /** Entries more than one port adds: how many times beyond the first. */
  extra: Map<string, number>;
  /** Made on first use (printing, `ipset list`); lookups use `members`. */
  sorted?: string[];
  /** False while the state is shared with the other nodes of a build (copied on this node's first edit). */
  owned: boolean;
}

/** What `NodeRules.cache` holds in IPVS mode. */
interface IpvsCache {
  memo: ProxyMemo;
  ctx: IpvsContext;
  options: BuildOptions;
  /** Everything besides the Services the rules depend on: a change means a full build. */
  settings: string;
  services: ServiceMap;
  set: FragmentSet<IpvsFragment>;
  sets: Map<IpsetName, SetState>;
  loopback: LoopbackSet;
  /** How many virtual servers had a key already taken (the later one wins, as in a Map). */
  dupKeys: number;
}

/** Per port (a port object lives as long as its Service and endpoints are unchanged): what nodes share. */
interface SharedPort {
  servers: SharedServers;
  /** The port's endpoints as every node sees them (no Local policy, no topology). */
  cat?: Categorized;
}
const SHARED_PORTS = memoTable<ServicePortInfo, SharedPort>('ipvs shared ports');

function fragmentsOf(memo: ProxyMemo, e: ServiceEntry, ctx: IpvsContext): IpvsFragment[] {
  const free = e.topologyFree;
  const frags = e.ports.map((sp, i) => {
    const shared = free
      ? memoized(memo, SHARED_PORTS, sp, (): SharedPort => ({ servers: { others: new Map() } }))
      : undefined;
    // Without Local endpoints or topology, the endpoint sets are the same from every node.
    let cat = shared && !usesLocalEndpoints(sp) ? shared.cat : undefined;
    if (!cat) {
      cat = categorizeEndpoints(e.endpoints[i]!, sp, ctx.nodeName, ctx.zone);
      if (shared && !usesLocalEndpoints(sp)) shared.cat = cat;
    }
    return new IpvsFragment(sp, cat, ctx, shared?.servers);
  });
  if (frags.length > 1) frags.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return frags;
}

const ORDERS = memoTable<ServiceMap, string[]>('ipvs service order');

/** Service keys in port-name order (shared by the nodes of one build). */
function orderFor(memo: ProxyMemo, map: ServiceMap): string[] {
  return memoized(memo, ORDERS, map, () => {
    const keys = new Map<string, { sortKey: string }[]>();
    for (const e of map.entries.values()) keys.set(e.key, [{ sortKey: firstPortName(e) }]);
    return orderOf(keys);
  });
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

function emptyState(): SetState {
  return { members: new Set(), extra: new Map(), owned: true };
}

/** Adds (by 1) or removes (by -1) one occurrence; true when the set's membership changed. */
function bump(s: SetState, entry: string, by: 1 | -1): boolean {
  if (by === 1) {
    if (!s.members.has(entry)) return (void s.members.add(entry), true);
    s.extra.set(entry, (s.extra.get(entry) ?? 0) + 1);
    return false;
  }
  const n = s.extra.get(entry);
  if (n !== undefined) {
    if (n === 1) s.extra.delete(entry);
    else s.extra.set(entry, n - 1);
    return false;
  }
  return s.members.delete(entry);
}

function each(
  entries: Iterable<[IpsetName, string]>,
  bound: string[],
  f: (name: IpsetName, e: string) => void,
) {
  for (const [name, entry] of entries) f(name, entry);
  for (const ip of bound) f('KUBE-IPVS-IPS', ip);
}

const NONE: string[] = [];
const SHARED_SETS = memoTable<ServiceMap, Map<IpsetName, SetState>>('ipvs shared ipsets');

/** The ipsets that are the same on every node, made once per Service map (states not owned by any node). */
function sharedSetsOf(memo: ProxyMemo, map: ServiceMap): Map<IpsetName, SetState> {
  return memoized(memo, SHARED_SETS, map, () => {
    const sets = new Map<IpsetName, SetState>();
    for (const i of IPSET_INFO) if (!NODE_SETS.has(i.name)) sets.set(i.name, emptyState());
    for (const e of map.entries.values())
      for (const sp of e.ports) {
        const pe = portEntries(memo, sp);
        each(pe.entries, pe.bound, (name, entry) => bump(sets.get(name)!, entry, 1));
      }
    for (const s of sets.values()) {
      s.sorted = [...s.members].sort();
      s.owned = false;
    }
    return sets;
  });
}

function sortedOf(s: SetState): string[] {
  return (s.sorted ??= [...s.members].sort());
}

/** An ipset as data; its sorted entries are listed on first use. */
function ipsetFrom(name: IpsetName, s: SetState): IpSet {
  return ipsetOf(name, s.members, () => sortedOf(s));
}

function listServers(set: FragmentSet<IpvsFragment>): IpvsVirtualServer[] {
  const vss: IpvsVirtualServer[] = [];
  for (const key of set.order)
    for (const f of set.get(key) ?? []) for (const v of f.virtualServers) vss.push(v);
  return vss;
}

function rulesOf(
  cache: IpvsCache,
  cluster: ClusterState,
  ipsets: IpSet[],
  vss: IpvsVirtualServer[],
  byKey: Map<string, IpvsVirtualServer>,
): NodeRules {
  const p = cluster.config.proxy;
  const nonEmpty = new Set<string>();
  for (const [name, s] of cache.sets) if (s.members.size > 0) nonEmpty.add(name);
  if (cache.loopback.size > 0) nonEmpty.add('KUBE-LOOP-BACK');
  const { nat, filter } = ipvsTables(
    {
      clusterCIDR: p.clusterCIDR,
      masqueradeAll: p.masqueradeAll,
      randomFully: cache.options.randomFully !== false,
    },
    nonEmpty,
  );
  const ipvsIps = cache.sets.get('KUBE-IPVS-IPS')!;
  return {
    node: cache.ctx.nodeName,
    mode: 'ipvs',
    nodeIPs: cache.ctx.nodeIP === '' ? [] : [cache.ctx.nodeIP],
    nat,
    filter,
    ipvs: { virtualServers: vss, byKey, ipsets },
    // Every Service address is bound to kube-ipvs0: exactly the members of KUBE-IPVS-IPS.
    extraLocalAddresses: sortedOf(ipvsIps),
    extraLocalIndex: ipvsIps.members,
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
  const memo = options.memo ?? createProxyMemo();
  const ctx = contextFor(cluster, nodeName);
  const map = serviceMapOf(memo, cluster);
  const set = new FragmentSet(createBase<IpvsFragment>(), orderFor(memo, map));
  const sets = new Map(sharedSetsOf(memo, map));
  for (const name of NODE_SETS) if (name !== 'KUBE-LOOP-BACK') sets.set(name, emptyState());
  const loopback = new LoopbackSet();
  for (const e of map.entries.values()) {
    const frags = fragmentsOf(memo, e, ctx);
    set.overlay.set(e.key, frags);
    for (const f of frags) {
      for (const ep of f.loopback) loopback.add(f.sp.proto, ep, 1);
      if (f.nodeEntries.length > 0)
        each(f.nodeEntries, NONE, (name, entry) => bump(sets.get(name)!, entry, 1));
    }
  }
  const settings = settingsOf(cluster, ctx, options);
  const cache: IpvsCache = { memo, ctx, options, settings, services: map, set, sets, loopback, dupKeys: 0 };
  const vss = listServers(set);
  const byKey = new Map<string, IpvsVirtualServer>();
  for (const v of vss) {
    if (byKey.has(v.key)) cache.dupKeys++;
    byKey.set(v.key, v);
  }
  const ipsets = IPSET_INFO.map((i) =>
    i.name === 'KUBE-LOOP-BACK' ? loopback.ipset() : ipsetFrom(i.name, sets.get(i.name)!),
  );
  return rulesOf(cache, cluster, ipsets, vss, byKey);
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

const serversOf = (f: IpvsFragment): IpvsVirtualServer[] => f.virtualServers;

/** Replaces the changed Services' virtual servers in the ordered list, in place. */
function spliceServers(
  vss: IpvsVirtualServer[],
  set: FragmentSet<IpvsFragment>,
  changes: [string, IpvsFragment[], IpvsFragment[]][],
): void {
  // Last Service first: whatever follows a Service in the list is then in its final place already.
  const pos = new Map(changes.map(([key]) => [key, set.order.indexOf(key)]));
  const ordered = [...changes].sort((a, b) => pos.get(b[0])! - pos.get(a[0])!);
  for (const [key, olds, news] of ordered) {
    const old = olds.flatMap(serversOf);
    const fresh = news.flatMap(serversOf);
    let at = old.length > 0 ? vss.indexOf(old[0]!) : -1;
    if (at < 0) {
      const next = set.firstAfter(key, serversOf);
      at = next === undefined ? vss.length : vss.indexOf(next);
    }
    vss.splice(at, old.length, ...fresh);
  }
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
  if (!old?.sets || !prev.ipvs || settingsOf(cluster, ctx, options) !== old.settings)
    return buildIpvsRules(cluster, prev.node, { ...options, memo: options.memo ?? prev.cache?.memo });
  const changed = new Set(changedServiceKeys);
  const map = updateServiceMap(old.memo, old.services, cluster, changed);
  const cache: IpvsCache = { ...old, services: map };
  const removed: IpvsFragment[] = [];
  const added: IpvsFragment[] = [];
  const changes: [string, IpvsFragment[], IpvsFragment[]][] = [];
  for (const key of changed) {
    const e = map.entries.get(key);
    const frags = e ? fragmentsOf(cache.memo, e, ctx) : [];
    const olds = cache.set.get(key) ?? [];
    removed.push(...olds);
    added.push(...frags);
    changes.push([key, olds, frags]);
    cache.set.replace(key, frags);
  }
  // ipsets: count entries out and in; an entry appears or disappears when its count crosses zero.
  const touched = new Set<IpsetName>();
  const apply = (frags: IpvsFragment[], by: 1 | -1): void => {
    for (const f of frags) {
      const pe = portEntries(cache.memo, f.sp);
      const change = (name: IpsetName, entry: string): void => {
        let s = cache.sets.get(name)!;
        if (!s.owned) {
          const shared = s;
          s = { members: new Set(shared.members), extra: new Map(shared.extra), owned: true };
          if (shared.sorted) s.sorted = [...shared.sorted];
          cache.sets.set(name, s);
        }
        if (!bump(s, entry, by)) return;
        if (s.sorted) {
          const at = position(s.sorted, entry);
          if (by === 1) s.sorted.splice(at, 0, entry);
          else s.sorted.splice(at, 1);
        }
        touched.add(name);
      };
      each(pe.entries, pe.bound, change);
      for (const ep of f.loopback) if (cache.loopback.add(f.sp.proto, ep, by)) touched.add('KUBE-LOOP-BACK');
      each(f.nodeEntries, NONE, change);
    }
  };
  apply(removed, -1);
  apply(added, 1);
  const ipsets = prev.ipvs.ipsets.map((s) => {
    const name = s.name as IpsetName;
    if (!touched.has(name)) return s;
    return name === 'KUBE-LOOP-BACK' ? cache.loopback.ipset() : ipsetFrom(name, cache.sets.get(name)!);
  });
  // Virtual servers: re-list in order; patch the index unless keys collide (then rebuild it).
  const vss = prev.ipvs.virtualServers;
  spliceServers(vss, cache.set, changes);
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
