/**
 * kube-proxy IPVS mode for one node (syncProxyRules in pkg/proxy/ipvs/proxier.go): per Service port a
 * virtual server per ClusterIP, externalIP, LoadBalancer IP and NodePort (per node IP), all with the
 * cluster-wide scheduler and real servers of weight 1, persistence (`-p timeout`) for ClientIP affinity
 * (service.ts); the ipsets those ports fill (ipsets.ts, loopback.ts); and the iptables rules that match
 * the ipsets (iptables-rules.ts, writeIptablesRules) for masquerading, NodePorts and
 * loadBalancerSourceRanges. An edit regenerates only the edited Services' ports (incremental/ipvs.ts).
 *
 * @example
 * const rules = buildIpvsRules(cluster, 'node-1');
 * rules.ipvs!.byKey.get('TCP 10.96.0.10:53')!.realServers.length; // 2
 */
import type { ClusterState } from '../../cluster/state';
import type { IPFamily } from '../../net/ip6';
import { EntryCounts } from '../incremental/entry-counts';
import type { FragmentSet } from '../incremental/fragment-set';
import { fragmentKind, nodeFragments } from '../incremental/scope';
import { createProxyMemo, memoized, memoTable, type ProxyMemo } from '../shared/memo';
import { nodeContext } from '../shared/node-info';
import { firstPortName, serviceMapOf, type ServiceEntry, type ServiceMap } from '../shared/service-map';
import { usesLocalEndpoints, type ServicePortInfo } from '../shared/service-port';
import { categorizeEndpoints, type Categorized } from '../shared/topology';
import type { BuildOptions, IpSet, IpvsVirtualServer, NodeRules } from '../shared/types';
import { ipvsTables } from './iptables-rules';
import { IPSET_INFO, ipsetOf, type IpsetName } from './ipsets';
import { LoopbackSet } from './loopback';
import { IpvsFragment, NODE_SETS, portEntries, type IpvsContext, type SharedServers } from './service';

/** What `NodeRules.cache` holds in IPVS mode: what an edit's update starts from. */
export interface IpvsCache {
  memo: ProxyMemo;
  ctx: IpvsContext;
  options: BuildOptions;
  /** Everything besides the Services the rules depend on: a change means a full build. */
  settings: string;
  services: ServiceMap;
  set: FragmentSet<IpvsFragment>;
  /** Every ipset but KUBE-LOOP-BACK, as the ports count their entries. */
  sets: Map<IpsetName, EntryCounts>;
  loopback: LoopbackSet;
  /** How many virtual servers had a key already taken (the later one wins, as in a Map). */
  dupKeys: number;
}

interface SharedPort {
  servers: SharedServers;
  /** The port's endpoints as every node sees them (no Local policy, no topology). */
  cat?: Categorized;
}
/** Per port (a port object lives as long as its Service and endpoints are unchanged): what nodes share. */
const SHARED_PORTS = memoTable<ServicePortInfo, SharedPort>('ipvs shared ports');

/**
 * The node and scheduler the virtual servers depend on.
 *
 * @example
 * contextFor(cluster, 'node-1').scheduler; // "rr"
 */
export function contextFor(cluster: ClusterState, nodeName: string, family: IPFamily = 'IPv4'): IpvsContext {
  const scheduler = cluster.config.proxy.ipvsScheduler;
  return { ...nodeContext(cluster, nodeName, family), scheduler: scheduler === '' ? 'rr' : scheduler };
}

/** The pod network the family's proxier detects local traffic by ("" when the cluster has none of it). */
function clusterCIDROf(cluster: ClusterState, family: IPFamily): string {
  const p = cluster.config.proxy;
  return family === 'IPv4' ? p.clusterCIDR : (p.clusterCIDRV6 ?? '');
}

/**
 * Everything but the Services that the rules depend on, as one string.
 *
 * @example
 * settingsOf(cluster, ctx, {}) === cache.settings; // an edit can be applied incrementally
 */
export function settingsOf(cluster: ClusterState, ctx: IpvsContext, options: BuildOptions): string {
  const p = cluster.config.proxy;
  return JSON.stringify([
    ctx,
    clusterCIDROf(cluster, ctx.family),
    p.masqueradeAll,
    options.randomFully !== false,
  ]);
}

function fragmentsOf(e: ServiceEntry, ctx: IpvsContext, memo: ProxyMemo): IpvsFragment[] {
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

/**
 * One fragment per Service port, ports and Services in port-name order. Every port has a part of its own
 * on each node (its NodePort server, KUBE-LOOP-BACK), so no fragment is shared whole: what nodes can share,
 * they share per port (the virtual servers and endpoint sets of SHARED_PORTS).
 */
export const IPVS_FRAGMENTS = fragmentKind<IpvsFragment, IpvsContext>('ipvs', {
  make: fragmentsOf,
  shareable: () => false,
  // The scope (its Service list) is per family: the IPv6 proxier reads the IPv6 Service map.
  shareKey: (ctx) => ctx.family,
  sortKey: firstPortName,
});

/**
 * Calls `f` for every entry a port adds to the ipsets: its entries, then its addresses bound to kube-ipvs0.
 *
 * @example
 * eachEntry(portEntries(memo, sp), (name, entry) => counts.get(name)!.count(entry, 1));
 */
export function eachEntry(
  pe: { entries: Iterable<[IpsetName, string]>; bound?: readonly string[] },
  f: (name: IpsetName, e: string) => void,
): void {
  for (const [name, entry] of pe.entries) f(name, entry);
  for (const ip of pe.bound ?? []) f('KUBE-IPVS-IPS', ip);
}

const SHARED_SETS = memoTable<ServiceMap, Map<IpsetName, EntryCounts>>('ipvs shared ipsets');

/** The ipsets that are the same on every node, made once per Service map (shared, not owned by a node). */
function sharedSetsOf(memo: ProxyMemo, map: ServiceMap): Map<IpsetName, EntryCounts> {
  return memoized(memo, SHARED_SETS, map, () => {
    const sets = new Map<IpsetName, EntryCounts>();
    for (const i of IPSET_INFO) if (!NODE_SETS.has(i.name)) sets.set(i.name, new EntryCounts());
    for (const e of map.entries.values())
      for (const sp of e.ports)
        eachEntry(portEntries(memo, sp), (name, entry) => sets.get(name)!.count(entry, 1));
    for (const s of sets.values()) s.share();
    return sets;
  });
}

/**
 * An ipset as data; its sorted entries are listed on first use.
 *
 * @example
 * ipsetFrom('KUBE-CLUSTER-IP', cache.sets.get('KUBE-CLUSTER-IP')!).entries; // ["10.96.0.10,udp:53", …]
 */
export function ipsetFrom(name: IpsetName, s: EntryCounts, family: IPFamily = 'IPv4'): IpSet {
  return ipsetOf(name, s.members, () => s.list(), family);
}

/**
 * The node's rules from the cache, ipsets and virtual servers an IPVS build or update made.
 *
 * @example
 * rulesOf(cache, cluster, ipsets, vss, byKey).extraLocalAddresses; // the KUBE-IPVS-IPS members
 */
export function rulesOf(
  cache: IpvsCache,
  cluster: ClusterState,
  ipsets: IpSet[],
  vss: IpvsVirtualServer[],
  byKey: Map<string, IpvsVirtualServer>,
): NodeRules {
  const p = cluster.config.proxy;
  const family = cache.ctx.family;
  const clusterCIDR = clusterCIDROf(cluster, family);
  const nonEmpty = new Set<string>();
  for (const [name, s] of cache.sets) if (s.members.size > 0) nonEmpty.add(name);
  if (cache.loopback.size > 0) nonEmpty.add('KUBE-LOOP-BACK');
  const { nat, filter } = ipvsTables(
    {
      clusterCIDR,
      masqueradeAll: p.masqueradeAll,
      randomFully: cache.options.randomFully !== false,
      family,
    },
    nonEmpty,
  );
  const ipvsIps = cache.sets.get('KUBE-IPVS-IPS')!;
  const rules: NodeRules = {
    node: cache.ctx.nodeName,
    mode: 'ipvs',
    nodeIPs: cache.ctx.nodeIP === '' ? [] : [cache.ctx.nodeIP],
    nat,
    filter,
    ipvs: { virtualServers: vss, byKey, ipsets },
    // Every Service address is bound to kube-ipvs0: exactly the members of KUBE-IPVS-IPS.
    extraLocalAddresses: ipvsIps.list(),
    extraLocalIndex: ipvsIps.members,
    clusterCIDR,
    largeClusterMode: false,
    cache,
  };
  if (family === 'IPv6') rules.family = 'IPv6';
  return rules;
}

/**
 * All of a node's IPVS-mode state: virtual servers, ipsets and the iptables rules around them; with
 * `family` 'IPv6' the IPv6 proxier's (NewDualStackProxier: IPv6 virtual servers in the same kernel table,
 * the KUBE-6-… ipsets of family inet6, ip6tables rules over them, from the IPv6 EndpointSlices).
 *
 * @example
 * ipvsadmList(buildIpvsRules(cluster, 'node-1'), createProxyState());
 * buildIpvsRules(cluster, 'node-1', {}, 'IPv6').ipvs!.ipsets[1]!.name; // "KUBE-6-CLUSTER-IP"
 */
export function buildIpvsRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
  family: IPFamily = 'IPv4',
): NodeRules {
  const memo = options.memo ?? createProxyMemo();
  const ctx = contextFor(cluster, nodeName, family);
  const services = serviceMapOf(memo, cluster, family);
  const set = nodeFragments(IPVS_FRAGMENTS, memo, cluster, services, ctx);
  const sets = new Map(sharedSetsOf(memo, services));
  for (const name of NODE_SETS) if (name !== 'KUBE-LOOP-BACK') sets.set(name, new EntryCounts());
  const loopback = new LoopbackSet(family);
  const vss: IpvsVirtualServer[] = [];
  for (const f of set.fragments()) {
    for (const ep of f.loopback) loopback.add(f.sp.proto, ep, 1);
    eachEntry({ entries: f.nodeEntries }, (name, entry) => sets.get(name)!.count(entry, 1));
    for (const v of f.virtualServers) vss.push(v);
  }
  const settings = settingsOf(cluster, ctx, options);
  const cache: IpvsCache = { memo, ctx, options, settings, services, set, sets, loopback, dupKeys: 0 };
  const byKey = new Map<string, IpvsVirtualServer>();
  for (const v of vss) {
    if (byKey.has(v.key)) cache.dupKeys++;
    byKey.set(v.key, v);
  }
  const ipsets = IPSET_INFO.map((i) =>
    i.name === 'KUBE-LOOP-BACK' ? loopback.ipset() : ipsetFrom(i.name, sets.get(i.name)!, family),
  );
  return rulesOf(cache, cluster, ipsets, vss, byKey);
}
