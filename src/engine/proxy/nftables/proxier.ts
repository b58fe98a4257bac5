/**
 * kube-proxy nftables mode for one node: the `table ip kube-proxy` its nftables proxier writes
 * (pkg/proxy/nftables/proxier.go, checked against TestOverallNFTablesRules in proxier_test.go): the
 * service-ips / service-nodeports verdict maps dispatch to per-Service-port chains
 * `service-<HASH>-<ns>/<name>/<proto>/<port>` (local-, external-, firewall- likewise), which pick an
 * `endpoint-<HASH>-…__<ip>/<port>` chain with `numgen random mod N vmap`; no-endpoint-services /
 * no-endpoint-nodeports drop or reject (via reject-chain); firewall-ips enforce loadBalancerSourceRanges;
 * ClientIP affinity uses one dynamic set with a timeout per endpoint.
 *
 * Objects are listed in the order a fresh kube-proxy creates them [INFERRED: a real node lists them in
 * creation order, which depends on its history].
 *
 * @example
 * const rules = buildNftablesRules(cluster, 'node-1');
 * rules.nftText!.startsWith('table ip kube-proxy {'); // true
 */
import type { ClusterState } from '../../cluster/state';
import { createProxyMemo, memoized, memoTable, type ProxyMemo } from '../shared/memo';
import { createBase, FragmentSet, orderOf, type FragmentBase } from '../incremental/fragment-set';
import { LazyNameMap } from '../incremental/lazy-map';
import { nftListRuleset } from './print';
import { inRange, NftFragment, type NftContext } from './service';
import { Builder, setup } from './setup';
import type { NftChain, NftElement, NftObject, NftSet, NftTable } from './types';
import { findNode, nodeIPOf, nodePortMatchAll, zoneOf } from '../shared/node-info';
import {
  firstPortName,
  nodeIndependent,
  serviceMapOf,
  updateServiceMap,
  type ServiceEntry,
  type ServiceMap,
} from '../shared/service-map';
import { categorizeEndpoints } from '../shared/topology';
import type { BuildOptions, IptablesTable, NodeRules } from '../shared/types';

export { NFT_MASQ_MARK, nftEndpointBase, nftServiceBase } from './service';

const emptyTable = (name: 'nat' | 'filter'): IptablesTable => ({ name, chains: [], byName: new Map() });

/** The sets and maps the Service ports fill (nodeport-ips holds the node's own addresses). */
const FILLED = [
  'cluster-ips',
  'service-ips',
  'service-nodeports',
  'no-endpoint-services',
  'no-endpoint-nodeports',
  'firewall-ips',
];

/** What `NodeRules.cache` holds in nftables mode. */
interface NftCache {
  memo: ProxyMemo;
  ctx: NftContext;
  /** Everything besides the Services that the table depends on: a change means a full build. */
  settings: string;
  services: ServiceMap;
  set: FragmentSet<NftFragment>;
  table: NftTable;
  /** Per filled set: how many elements a later port offered again (dropped, as nft keeps one per key). */
  dups: Map<string, number>;
}

function fragmentsOf(e: ServiceEntry, ctx: NftContext): NftFragment[] {
  return e.ports
    .map(
      (sp, i) => new NftFragment(sp, categorizeEndpoints(e.endpoints[i]!, sp, ctx.nodeName, ctx.zone), ctx),
    )
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

interface Scope {
  base: FragmentBase<NftFragment>;
  order: string[];
  perNode: ServiceEntry[];
}

const SCOPES = memoTable<ClusterState, Map<string, Scope>>('nftables scopes');
/** Node-independent fragments made by an edit, shared by the nodes updated to the same ClusterState. */
const EDITS = memoTable<ClusterState, Map<string, NftFragment[]>>('nftables edits');

const shareKey = (ctx: NftContext): string => `${ctx.clusterCIDR}|${ctx.masqueradeAll}`;
const neutral = (ctx: NftContext): NftContext => ({ ...ctx, nodeName: '', nodeIP: '', zone: '' });

function scopeFor(memo: ProxyMemo, cluster: ClusterState, map: ServiceMap, ctx: NftContext): Scope {
  const byKey = memoized(memo, SCOPES, cluster, () => new Map<string, Scope>());
  let scope = byKey.get(shareKey(ctx));
  if (scope) return scope;
  const base = createBase<NftFragment>();
  const perNode: ServiceEntry[] = [];
  const sortKeys = new Map<string, { sortKey: string }[]>();
  for (const e of map.entries.values()) {
    sortKeys.set(e.key, [{ sortKey: firstPortName(e) }]);
    if (!nodeIndependent(e)) {
      perNode.push(e);
      continue;
    }
    const frags = fragmentsOf(e, neutral(ctx));
    base.byKey.set(e.key, frags);
    for (const f of frags) for (const n of f.headNames()) base.names.set(n, f);
  }
  scope = { base, order: orderOf(sortKeys), perNode };
  byKey.set(shareKey(ctx), scope);
  return scope;
}

/**
 * Refills the shared sets from the fragments, in order: `fast` sets were patched key by key already (their
 * element lists are only re-listed); the others are rebuilt, keeping the first element per key as nft does.
 */
function fill(cache: NftCache, names: Iterable<string>, fast: Set<string> = new Set()): void {
  const lists = new Map<string, { set: NftSet; out: NftElement[]; rebuild: boolean }>();
  for (const name of names) {
    const set = cache.table.sets.get(name)!;
    const rebuild = !fast.has(name);
    if (rebuild) {
      set.byKey = new Map();
      cache.dups.set(name, 0);
    }
    lists.set(name, { set, out: [], rebuild });
  }
  if (lists.size === 0) return;
  for (const key of cache.set.order)
    for (const f of cache.set.get(key) ?? [])
      for (const c of f.elements) {
        const l = lists.get(c.set);
        if (!l) continue;
        const { set: name, element } = c;
        if (l.rebuild) {
          if (l.set.byKey.has(element.key)) {
            cache.dups.set(name, cache.dups.get(name)! + 1);
            continue;
          }
          l.set.byKey.set(element.key, element);
        }
        l.out.push(element);
      }
  for (const l of lists.values()) l.set.elements = l.out;
}

function contextFor(cluster: ClusterState, nodeName: string): NftContext {
  const node = findNode(cluster, nodeName);
  const p = cluster.config.proxy;
  return {
    nodeName,
    nodeIP: nodeIPOf(node),
    zone: zoneOf(node),
    clusterCIDR: p.clusterCIDR,
    masqueradeAll: p.masqueradeAll,
  };
}

function settingsOf(cluster: ClusterState, ctx: NftContext): string {
  return JSON.stringify([ctx, cluster.config.serviceSubnet, cluster.config.proxy.nodePortAddresses]);
}

const FRAGMENT_CHAIN = /^(service|local|external|firewall|endpoint)-/;

/** The node's table: fixed objects of its own, the Service ports' chains and affinity sets on demand. */
function lazyTable(setup: NftTable, set: FragmentSet<NftFragment>): NftTable {
  const complete = (f: NftFragment): void => {
    if (!set.isComplete(f)) set.register(f, f.names(), true);
  };
  function lookup<V>(name: string, get: (f: NftFragment) => V | undefined): V | undefined {
    const f = set.lookup(name);
    if (f) {
      complete(f);
      return get(f);
    }
    if (set.allComplete) return undefined;
    // A name no lookup has met yet (an endpoint chain of a Service never walked): register every name.
    for (const g of set.fragments()) complete(g);
    set.allComplete = true;
    const g = set.lookup(name);
    return g && get(g);
  }
  const chains = new LazyNameMap<NftChain>(
    (name) => (FRAGMENT_CHAIN.test(name) ? lookup(name, (f) => f.chain(name)) : undefined),
    function* () {
      for (const f of set.fragments())
        for (const o of f.objects) if ('chain' in o) yield [o.chain.name, o.chain];
    },
  );
  const sets = new LazyNameMap<NftSet>(
    (name) => (name.startsWith('affinity-') ? lookup(name, (f) => f.set(name)) : undefined),
    function* () {
      for (const f of set.fragments()) for (const o of f.objects) if ('set' in o) yield [o.set.name, o.set];
    },
  );
  for (const [k, v] of setup.chains) chains.set(k, v);
  for (const [k, v] of setup.sets) sets.set(k, v);
  return {
    family: setup.family,
    name: setup.name,
    comment: setup.comment,
    get objects(): NftObject[] {
      const out = [...setup.objects];
      for (const f of set.fragments()) for (const o of f.objects) out.push(o);
      return out;
    },
    sets,
    chains,
  };
}

function rulesOf(cache: NftCache, cluster: ClusterState): NodeRules {
  const p = cluster.config.proxy;
  let text: string | undefined;
  const rules: NodeRules = {
    node: cache.ctx.nodeName,
    mode: 'nftables',
    nodeIPs: cache.ctx.nodeIP === '' ? [] : [cache.ctx.nodeIP],
    nat: emptyTable('nat'),
    filter: emptyTable('filter'),
    nft: cache.table,
    clusterCIDR: p.clusterCIDR,
    largeClusterMode: false,
    cache,
  };
  // Printed on first use: a 10,000-Service table is large and most views never print it.
  Object.defineProperty(rules, 'nftText', {
    enumerable: true,
    get: () => (text ??= nftListRuleset(cache.table)),
  });
  return rules;
}

/**
 * All of a node's nftables-mode rules. nodePortAddresses defaults to the node's primary IP in nftables mode
 * (`--nodeport-addresses primary`); 0.0.0.0/0 means every local address.
 *
 * @example
 * buildNftablesRules(cluster, 'node-1').nft!.sets.get('service-ips')!.elements.length;
 */
export function buildNftablesRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
): NodeRules {
  const memo = options.memo ?? createProxyMemo();
  const p = cluster.config.proxy;
  const ctx = contextFor(cluster, nodeName);
  const all = p.nodePortAddresses.length > 0 && nodePortMatchAll(p.nodePortAddresses);
  const npIPs = all
    ? undefined
    : p.nodePortAddresses.length === 0
      ? [ctx.nodeIP].filter((ip) => ip !== '')
      : [ctx.nodeIP].filter((ip) => ip !== '' && p.nodePortAddresses.some((c) => inRange(ip, c)));
  const b = new Builder();
  setup(b, cluster.config.serviceSubnet, npIPs);
  const map = serviceMapOf(memo, cluster);
  const scope = scopeFor(memo, cluster, map, ctx);
  const set = new FragmentSet(scope.base, scope.order);
  for (const e of scope.perNode) {
    const frags = fragmentsOf(e, ctx);
    set.overlay.set(e.key, frags);
    for (const f of frags) set.register(f, f.headNames(), false);
  }
  const cache: NftCache = {
    memo,
    ctx,
    settings: settingsOf(cluster, ctx),
    services: map,
    set,
    table: lazyTable(b.table, set),
    dups: new Map(),
  };
  fill(cache, FILLED);
  return rulesOf(cache, cluster);
}

const elementsIn = (name: string) => (f: NftFragment) =>
  f.elements.filter((c) => c.set === name).map((c) => c.element);

/** Replaces the changed Services' elements of one set in place (its keys are patched already). */
function spliceElements(
  cache: NftCache,
  name: string,
  changes: [string, NftFragment[], NftFragment[]][],
): void {
  const elements = cache.table.sets.get(name)!.elements;
  const of = elementsIn(name);
  // Last Service first: whatever follows a Service in the list is then in its final place already.
  const pos = new Map(changes.map(([key]) => [key, cache.set.order.indexOf(key)]));
  const ordered = [...changes].sort((a, b) => pos.get(b[0])! - pos.get(a[0])!);
  for (const [key, olds, news] of ordered) {
    const old = olds.flatMap(of);
    const fresh = news.flatMap(of);
    if (old.length === 0 && fresh.length === 0) continue;
    let at = old.length > 0 ? elements.indexOf(old[0]!) : -1;
    if (at < 0) {
      const next = cache.set.firstAfter(key, of);
      at = next === undefined ? elements.length : elements.indexOf(next);
    }
    elements.splice(at, old.length, ...fresh);
  }
}

/**
 * Regenerates only the named Services' ports and patches the verdict maps and sets; falls back to a full
 * build when anything else the table depends on changed. `prev` is consumed.
 *
 * @example
 * const next = updateNftablesRules(prev, cluster, ['ns1/svc1']);
 */
export function updateNftablesRules(
  prev: NodeRules,
  cluster: ClusterState,
  changedServiceKeys: Iterable<string>,
  options: BuildOptions = {},
): NodeRules {
  const old = prev.cache as NftCache | undefined;
  const ctx = contextFor(cluster, prev.node);
  if (!old?.dups || settingsOf(cluster, ctx) !== old.settings)
    return buildNftablesRules(cluster, prev.node, { ...options, memo: options.memo ?? prev.cache?.memo });
  const changed = new Set(changedServiceKeys);
  const map = updateServiceMap(old.memo, old.services, cluster, changed);
  const memo = memoized(old.memo, EDITS, cluster, () => new Map<string, NftFragment[]>());
  const cache: NftCache = { ...old, services: map };
  const touched = new Set<string>();
  const removed: NftFragment[] = [];
  const added: NftFragment[] = [];
  const changes: [string, NftFragment[], NftFragment[]][] = [];
  for (const key of changed) {
    const e = map.entries.get(key);
    let frags: NftFragment[] = [];
    if (e && nodeIndependent(e)) {
      const mk = `${key}|${shareKey(ctx)}`;
      frags = memo.get(mk) ?? fragmentsOf(e, neutral(ctx));
      memo.set(mk, frags);
    } else if (e) frags = fragmentsOf(e, ctx);
    const olds = cache.set.get(key) ?? [];
    removed.push(...olds);
    added.push(...frags);
    changes.push([key, olds, frags]);
    cache.set.replace(key, frags);
    for (const f of frags) cache.set.register(f, f.headNames(), false);
  }
  for (const f of [...removed, ...added]) for (const c of f.elements) touched.add(c.set);
  // Patch each touched set's keys; a set that had or would get a duplicate key is rebuilt instead.
  const fast = new Set<string>();
  for (const name of touched) {
    if (cache.dups.get(name) !== 0) continue;
    const byKey = cache.table.sets.get(name)!.byKey;
    for (const f of removed) for (const c of f.elements) if (c.set === name) byKey.delete(c.element.key);
    let clash = false;
    for (const f of added)
      for (const c of f.elements)
        if (c.set === name) {
          if (byKey.has(c.element.key)) clash = true;
          else byKey.set(c.element.key, c.element);
        }
    if (!clash) fast.add(name);
  }
  for (const name of fast) spliceElements(cache, name, changes);
  fill(
    cache,
    [...touched].filter((n) => !fast.has(n)),
  );
  return rulesOf(cache, cluster);
}
