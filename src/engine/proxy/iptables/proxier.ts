/**
 * kube-proxy iptables mode for one node: the nat and filter tables syncProxyRules writes (plus the jump rules
 * it ensures in the built-in chains), assembled from per-Service fragments (service.ts) so that an
 * edit to one Service regenerates only that Service's chains (`updateIptablesRules`).
 *
 * @example
 * const rules = buildIptablesRules(cluster, 'node-1');
 * rules.nat.byName.get('KUBE-SERVICES')!.rules.at(-1)!.text;
 * // '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS'
 */
import type { ClusterState } from '../../cluster/state';
import { createProxyMemo, memoized, memoTable, type ProxyMemo } from '../shared/memo';
import { createBase, FragmentSet, type FragmentBase } from '../incremental/fragment-set';
import { ServiceFragment, type ProxyContext } from './service';
import { staticTables } from './static-chains';
import { LazyNameMap } from '../incremental/lazy-map';
import {
  findNode,
  nodeIPOf,
  nodePortIncludesLoopback,
  nodePortIPs,
  nodePortMatchAll,
  zoneOf,
} from '../shared/node-info';
import { indexChain } from './chain-index';
import { makeRule } from '../shared/rule';
import {
  nodeIndependent,
  serviceMapOf,
  updateServiceMap,
  type ServiceEntry,
  type ServiceMap,
} from '../shared/service-map';
import { categorizeEndpoints } from '../shared/topology';
import type { BuildOptions, Chain, IptablesTable, NodeRules, Rule, TableName } from '../shared/types';

/** Above this many endpoints kube-proxy drops the per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/** What `NodeRules.cache` holds in iptables mode. */
export interface IptablesCache {
  memo: ProxyMemo;
  ctx: ProxyContext;
  options: BuildOptions;
  nodePortAddresses: string[];
  /** The Service map the rules were generated from. */
  services: ServiceMap;
  /** This node's fragments: the build's shared ones plus its own. */
  set: FragmentSet<ServiceFragment>;
}

/** Replaces a top-level chain with fresh rules (a new Chain object, so stale lookups are dropped). */
function setRules(t: IptablesTable, name: string, rules: Rule[]): void {
  const fresh: Chain = { name, builtin: false, rules };
  t.byName.set(name, fresh);
  const i = t.chains.findIndex((c) => c.name === name);
  if (i >= 0) t.chains[i] = fresh;
}

const C = (comment: string): string[] => ['-m', 'comment', '--comment', comment];
const LONG_CHAINS = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXTERNAL-SERVICES', 'KUBE-PROXY-FIREWALL'];

/** Refills KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES… from the fragments, in Service order. */
function aggregate(cache: IptablesCache, nat: IptablesTable, filter: IptablesTable, eager = false): void {
  const { ctx, set } = cache;
  const natServices: Rule[] = [];
  const natNodePorts: Rule[] = [];
  const fServices: Rule[] = [];
  const fExternal: Rule[] = [];
  const fNodePorts: Rule[] = [];
  const fFirewall: Rule[] = [];
  const add = (to: Rule[], from: Rule[]): void => {
    for (let i = 0; i < from.length; i++) to.push(from[i]!);
  };
  for (const key of set.order)
    for (const f of set.get(key) ?? []) {
      add(natServices, f.natServices);
      if (f.natNodePorts.length > 0) add(natNodePorts, f.natNodePorts);
      if (f.filterServices.length > 0) add(fServices, f.filterServices);
      if (f.filterExternal.length > 0) add(fExternal, f.filterExternal);
      if (f.filterNodePorts.length > 0) add(fNodePorts, f.filterNodePorts);
      if (f.filterFirewall.length > 0) add(fFirewall, f.filterFirewall);
    }
  // The tail call to KUBE-NODEPORTS, which must be the last rule in KUBE-SERVICES.
  const tail = C('kubernetes service nodeports; NOTE: this must be the last rule in this chain');
  if (nodePortMatchAll(cache.nodePortAddresses)) {
    const dest = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    if (!ctx.localhostNodePorts) dest.push('!', '-d', '127.0.0.0/8');
    natServices.push(makeRule('KUBE-SERVICES', [...tail, ...dest, '-j', 'KUBE-NODEPORTS']));
  } else {
    for (const ip of nodePortIPs(ctx.nodeIP, cache.nodePortAddresses)) {
      if (ip.startsWith('127.') && !ctx.localhostNodePorts) continue;
      natServices.push(makeRule('KUBE-SERVICES', [...tail, '-d', ip, '-j', 'KUBE-NODEPORTS']));
    }
  }
  setRules(nat, 'KUBE-SERVICES', natServices);
  setRules(nat, 'KUBE-NODEPORTS', natNodePorts);
  setRules(filter, 'KUBE-SERVICES', fServices);
  setRules(filter, 'KUBE-EXTERNAL-SERVICES', fExternal);
  setRules(filter, 'KUBE-NODEPORTS', fNodePorts);
  setRules(filter, 'KUBE-PROXY-FIREWALL', fFirewall);
  // A full build indexes the long chains now (so the first trace is fast); an edit leaves it to the first walk.
  if (eager)
    for (const t of [nat, filter])
      for (const name of LONG_CHAINS) {
        const c = t.byName.get(name);
        if (c) indexChain(c);
      }
}

type SharedChainField =
  'natServices' | 'natNodePorts' | 'filterServices' | 'filterExternal' | 'filterNodePorts' | 'filterFirewall';

const SHARED_CHAINS: [TableName, string, SharedChainField][] = [
  ['nat', 'KUBE-SERVICES', 'natServices'],
  ['nat', 'KUBE-NODEPORTS', 'natNodePorts'],
  ['filter', 'KUBE-SERVICES', 'filterServices'],
  ['filter', 'KUBE-EXTERNAL-SERVICES', 'filterExternal'],
  ['filter', 'KUBE-NODEPORTS', 'filterNodePorts'],
  ['filter', 'KUBE-PROXY-FIREWALL', 'filterFirewall'],
];

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
function spliceService(rules: Rule[], key: string, old: Rule[], fresh: Rule[]): void {
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
  rules.splice(at, old.length, ...fresh);
}

/** Patches the shared chains for the Services whose fragments changed (old → new, per key). */
function patchSharedChains(
  nat: IptablesTable,
  filter: IptablesTable,
  changes: [string, ServiceFragment[], ServiceFragment[]][],
): void {
  for (const [table, name, field] of SHARED_CHAINS) {
    const t = table === 'nat' ? nat : filter;
    const rules = t.byName.get(name)!.rules;
    let touched = false;
    for (const [key, olds, news] of changes) {
      const old = olds.flatMap((f) => f[field]);
      const fresh = news.flatMap((f) => f[field]);
      if (old.length === 0 && fresh.length === 0) continue;
      spliceService(rules, key, old, fresh);
      touched = true;
    }
    // A new Chain object: its lookup index is rebuilt on the next walk.
    if (touched) setRules(t, name, rules);
  }
}

function contextFor(cluster: ClusterState, nodeName: string, largeClusterMode: boolean): ProxyContext {
  const node = findNode(cluster, nodeName);
  const p = cluster.config.proxy;
  return {
    nodeName,
    nodeIP: nodeIPOf(node),
    zone: zoneOf(node),
    clusterCIDR: p.clusterCIDR,
    masqueradeAll: p.masqueradeAll,
    localhostNodePorts: p.localhostNodePorts && nodePortIncludesLoopback(p.nodePortAddresses),
    largeClusterMode,
  };
}

function fragmentsOf(e: ServiceEntry, ctx: ProxyContext): ServiceFragment[] {
  return e.ports.map(
    (sp, i) =>
      new ServiceFragment(
        sp,
        categorizeEndpoints(e.endpoints[i]!, sp, ctx.nodeName, ctx.zone),
        ctx,
        e.endpoints[i]!.length,
      ),
  );
}

/** What nodes built from one ClusterState share: the node-independent Services' fragments. */
interface Scope {
  base: FragmentBase<ServiceFragment>;
  order: string[];
  /** Services whose fragments each node makes for itself. */
  perNode: ServiceEntry[];
}

const SCOPES = memoTable<ClusterState, Map<string, Scope>>('iptables scopes');
/** Node-independent fragments made by an edit, shared by the nodes updated to the same ClusterState. */
const EDITS = memoTable<ClusterState, Map<string, ServiceFragment[]>>('iptables edits');

/** The part of the context node-independent fragments depend on. */
function shareKey(ctx: ProxyContext): string {
  return `${ctx.largeClusterMode}|${ctx.clusterCIDR}|${ctx.masqueradeAll}|${ctx.localhostNodePorts}`;
}

function neutral(ctx: ProxyContext): ProxyContext {
  return { ...ctx, nodeName: '', nodeIP: '', zone: '' };
}

function scopeFor(memo: ProxyMemo, cluster: ClusterState, map: ServiceMap, ctx: ProxyContext): Scope {
  const byKey = memoized(memo, SCOPES, cluster, () => new Map<string, Scope>());
  const sk = shareKey(ctx);
  let scope = byKey.get(sk);
  if (scope) return scope;
  const shared = neutral(ctx);
  const base = createBase<ServiceFragment>();
  const perNode: ServiceEntry[] = [];
  const keys: string[] = [];
  for (const e of map.entries.values()) {
    keys.push(e.key);
    if (!nodeIndependent(e)) {
      perNode.push(e);
      continue;
    }
    const frags = fragmentsOf(e, shared);
    base.byKey.set(e.key, frags);
    for (const f of frags) for (const n of f.headNames()) base.names.set(n, f);
  }
  scope = { base, order: keys.sort(), perNode }; // default sort: UTF-16 order, as `<` compares
  byKey.set(sk, scope);
  return scope;
}

const FRAGMENT_CHAIN = /^KUBE-(SVC|SVL|EXT|FW|SEP)-/;

/** The nat table's chain map: fixed chains of its own, per-Service chains from the fragments on demand. */
function lazyChains(set: FragmentSet<ServiceFragment>, own: Map<string, Chain>): LazyNameMap<Chain> {
  const complete = (f: ServiceFragment): void => {
    if (!set.isComplete(f))
      set.register(
        f,
        f.natChains.map((c) => c.name),
        true,
      );
  };
  const resolve = (name: string): Chain | undefined => {
    if (!FRAGMENT_CHAIN.test(name)) return undefined;
    const f = set.lookup(name);
    if (f) {
      complete(f);
      return f.chain(name);
    }
    if (set.allComplete) return undefined;
    // A name no lookup has met yet (a KUBE-SEP of a chain never walked): register every fragment's names.
    for (const g of set.fragments()) complete(g);
    set.allComplete = true;
    return set.lookup(name)?.chain(name);
  };
  const m = new LazyNameMap<Chain>(resolve, function* () {
    for (const f of set.fragments()) for (const c of f.natChains) yield [c.name, c];
  });
  for (const [k, v] of own) m.set(k, v);
  return m;
}

/**
 * All of a node's iptables rules.
 *
 * @example
 * buildIptablesRules(cluster, 'node-1').filter.byName.get('KUBE-SERVICES')!.rules.length;
 */
export function buildIptablesRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
): NodeRules {
  const memo = options.memo ?? createProxyMemo();
  const map = serviceMapOf(memo, cluster);
  const ctx = contextFor(cluster, nodeName, map.totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD);
  const scope = scopeFor(memo, cluster, map, ctx);
  const set = new FragmentSet(scope.base, scope.order);
  for (const e of scope.perNode) {
    const frags = fragmentsOf(e, ctx);
    set.overlay.set(e.key, frags);
    for (const f of frags) set.register(f, f.headNames(), false);
  }
  const cache: IptablesCache = {
    memo,
    ctx,
    options,
    nodePortAddresses: cluster.config.proxy.nodePortAddresses,
    services: map,
    set,
  };
  const tables = staticTables(ctx, options);
  tables.nat.byName = lazyChains(set, tables.nat.byName);
  aggregate(cache, tables.nat, tables.filter, true);
  return rulesFromCache(cache, cluster.config.proxy.mode, tables);
}

function rulesFromCache(
  cache: IptablesCache,
  mode: NodeRules['mode'],
  tables: { nat: IptablesTable; filter: IptablesTable },
): NodeRules {
  return {
    node: cache.ctx.nodeName,
    mode,
    nodeIPs: cache.ctx.nodeIP === '' ? [] : [cache.ctx.nodeIP],
    nat: tables.nat,
    filter: tables.filter,
    largeClusterMode: cache.ctx.largeClusterMode,
    cache,
  };
}

/**
 * Regenerates only the named Services' fragments and reassembles the shared chains; the other Services'
 * fragments are reused as they are. Falls back to a full build when the node, the proxy settings or the
 * large-cluster mode changed.
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
  const map = updateServiceMap(old.memo, old.services, cluster, changed);
  const ctx = contextFor(cluster, prev.node, map.totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD);
  if (
    JSON.stringify(ctx) !== JSON.stringify(old.ctx) ||
    cluster.config.proxy.nodePortAddresses !== old.nodePortAddresses
  )
    return rebuild();
  const memo = memoized(old.memo, EDITS, cluster, () => new Map<string, ServiceFragment[]>());
  // prev is consumed: its fragment set and tables are updated in place.
  const { set } = old;
  const sk = shareKey(ctx);
  const changes: [string, ServiceFragment[], ServiceFragment[]][] = [];
  for (const key of changed) {
    const e = map.entries.get(key);
    let frags: ServiceFragment[] = [];
    if (e && nodeIndependent(e)) {
      const mk = `${key}|${sk}`;
      frags = memo.get(mk) ?? fragmentsOf(e, neutral(ctx));
      memo.set(mk, frags);
    } else if (e) frags = fragmentsOf(e, ctx);
    changes.push([key, set.get(key) ?? [], frags]);
    set.replace(key, frags);
    for (const f of frags) set.register(f, f.headNames(), false);
  }
  const cache: IptablesCache = { ...old, ctx, options, services: map };
  patchSharedChains(prev.nat, prev.filter, changes);
  return rulesFromCache(cache, prev.mode, { nat: prev.nat, filter: prev.filter });
}
