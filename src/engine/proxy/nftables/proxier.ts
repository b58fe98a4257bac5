/**
 * kube-proxy nftables mode for one node: the `table ip kube-proxy` its nftables proxier writes
 * (syncProxyRules in pkg/proxy/nftables/proxier.go, checked against TestOverallNFTablesRules in
 * proxier_test.go): the fixed chains, sets and maps (setup.ts), then every Service port's elements and
 * chains (service.ts): the service-ips / service-nodeports verdict maps dispatch to per-Service-port chains
 * `service-<HASH>-<ns>/<name>/<proto>/<port>` (local-, external-, firewall- likewise), which pick an
 * `endpoint-<HASH>-…__<ip>/<port>` chain with `numgen random mod N vmap`; no-endpoint-services /
 * no-endpoint-nodeports drop or reject (via reject-chain); firewall-ips enforce loadBalancerSourceRanges;
 * ClientIP affinity uses one dynamic set with a timeout per endpoint. An edit regenerates only the edited
 * Services' ports (incremental/nftables.ts).
 *
 * Objects are listed in the order a fresh kube-proxy creates them [INFERRED: a real node lists them in
 * creation order, which depends on its history].
 *
 * @example
 * const rules = buildNftablesRules(cluster, 'node-1');
 * rules.nftText!.startsWith('table ip kube-proxy {'); // true
 */
import type { ClusterState } from '../../cluster/state';
import type { FragmentSet } from '../incremental/fragment-set';
import { fragmentNameMap, type FragmentNames } from '../incremental/lazy-map';
import { fragmentKind, nodeFragments } from '../incremental/scope';
import { createProxyMemo, type ProxyMemo } from '../shared/memo';
import { serviceSubnetOf } from '../../cluster/families';
import { familyOfIp, type IPFamily } from '../../net/ip6';
import { nodeContext, nodePortIPs6, nodePortMatchAll, nodePortMatchAll6 } from '../shared/node-info';
import { firstPortName, nodeIndependent, serviceMapOf, type ServiceMap } from '../shared/service-map';
import { categorizeEndpoints } from '../shared/topology';
import type { BuildOptions, IptablesTable, NodeRules } from '../shared/types';
import { nftListRuleset } from './print';
import { inRange, NftFragment, type NftContext } from './service';
import { Builder, setup } from './setup';
import type { NftChain, NftElement, NftObject, NftSet, NftTable } from './types';

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

/** What `NodeRules.cache` holds in nftables mode: what an edit's update starts from. */
export interface NftCache {
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

/** One fragment per Service port, ports and Services in port-name order. */
export const NFTABLES_FRAGMENTS = fragmentKind<NftFragment, NftContext>('nftables', {
  make: (e, ctx) =>
    e.ports
      .map(
        (sp, i) => new NftFragment(sp, categorizeEndpoints(e.endpoints[i]!, sp, ctx.nodeName, ctx.zone), ctx),
      )
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)),
  shareable: nodeIndependent,
  shareKey: (ctx) => `${ctx.family}|${ctx.clusterCIDR}|${ctx.masqueradeAll}`,
  sortKey: firstPortName,
  headNames: (f) => f.headNames(),
});

/**
 * Refills the named shared sets and maps from the fragments, in order, keeping the first element per key
 * as nft does.
 *
 * @example
 * fill(cache, ['service-ips']);
 */
export function fill(cache: NftCache, names: Iterable<string>): void {
  const lists = new Map<string, { set: NftSet; out: NftElement[] }>();
  for (const name of names) {
    const set = cache.table.sets.get(name)!;
    set.byKey = new Map();
    cache.dups.set(name, 0);
    lists.set(name, { set, out: [] });
  }
  if (lists.size === 0) return;
  for (const f of cache.set.fragments())
    for (const { set: name, element } of f.elements) {
      const l = lists.get(name);
      if (!l) continue;
      if (l.set.byKey.has(element.key)) {
        cache.dups.set(name, cache.dups.get(name)! + 1);
        continue;
      }
      l.set.byKey.set(element.key, element);
      l.out.push(element);
    }
  for (const l of lists.values()) l.set.elements = l.out;
}

/**
 * The node and proxy settings the chains depend on.
 *
 * @example
 * contextFor(cluster, 'node-1').masqueradeAll; // false
 */
export function contextFor(cluster: ClusterState, nodeName: string, family: IPFamily = 'IPv4'): NftContext {
  const p = cluster.config.proxy;
  const clusterCIDR = family === 'IPv4' ? p.clusterCIDR : (p.clusterCIDRV6 ?? '');
  return { ...nodeContext(cluster, nodeName, family), clusterCIDR, masqueradeAll: p.masqueradeAll };
}

/**
 * Everything but the Services that the table depends on, as one string.
 *
 * @example
 * settingsOf(cluster, ctx) === cache.settings; // an edit can be applied incrementally
 */
export function settingsOf(cluster: ClusterState, ctx: NftContext): string {
  return JSON.stringify([ctx, serviceCIDRsOf(cluster, ctx.family), cluster.config.proxy.nodePortAddresses]);
}

/**
 * The Service CIDRs of the proxier's family, as kube-proxy's ServiceCIDR informer hands them to
 * OnServiceCIDRsChanged (pkg/proxy/config ServiceCIDRConfig.handleServiceCIDREvent: the spec.cidrs of
 * every ServiceCIDR object, the API server's default `kubernetes` one and the user's, as a set; the
 * nftables proxier keeps its family's, and cluster-ips-check drops traffic to all of them). A state built
 * without the API server's objects (no ServiceCIDR at all) stands for the default one: the cluster's
 * serviceSubnet of that family.
 *
 * @example
 * serviceCIDRsOf(cluster, 'IPv4'); // ["10.96.0.0/12", "10.100.0.0/24"]
 */
export function serviceCIDRsOf(cluster: ClusterState, family: IPFamily): string[] {
  const objects = cluster.serviceCIDRs ?? [];
  if (objects.length === 0) return [serviceSubnetOf(cluster.config, family) ?? ''].filter(Boolean);
  const out = new Set<string>();
  for (const o of objects)
    for (const c of o.spec?.cidrs ?? []) if (familyOfIp(c.split('/')[0]!) === family) out.add(c);
  return [...out];
}

const SERVICE_CHAIN = /^(service|local|external|firewall|endpoint)-/;

/** The fragments' chains in the table's `chains` map, built when first looked up. */
const SERVICE_CHAINS: FragmentNames<NftFragment, NftChain> = {
  owns: (name) => SERVICE_CHAIN.test(name),
  names: (f) => f.names(),
  get: (f, name) => f.chain(name),
  *all(f) {
    for (const o of f.objects) if ('chain' in o) yield [o.chain.name, o.chain];
  },
};

/** The fragments' affinity sets in the table's `sets` map, built when first looked up. */
const AFFINITY_SETS: FragmentNames<NftFragment, NftSet> = {
  owns: (name) => name.startsWith('affinity-'),
  names: (f) => f.names(),
  get: (f, name) => f.set(name),
  *all(f) {
    for (const o of f.objects) if ('set' in o) yield [o.set.name, o.set];
  },
};

/** The node's table: fixed objects of its own, the Service ports' chains and affinity sets on demand. */
function lazyTable(setup: NftTable, set: FragmentSet<NftFragment>): NftTable {
  return {
    family: setup.family,
    name: setup.name,
    comment: setup.comment,
    get objects(): NftObject[] {
      const out = [...setup.objects];
      for (const f of set.fragments()) for (const o of f.objects) out.push(o);
      return out;
    },
    sets: fragmentNameMap(set, setup.sets, AFFINITY_SETS),
    chains: fragmentNameMap(set, setup.chains, SERVICE_CHAINS),
  };
}

/**
 * The node's rules from the cache an nftables build or update made (`nftText` printed on first use).
 *
 * @example
 * rulesOf(cache, cluster).nft === cache.table; // true
 */
export function rulesOf(cache: NftCache, _cluster: ClusterState): NodeRules {
  let text: string | undefined;
  const rules: NodeRules = {
    node: cache.ctx.nodeName,
    mode: 'nftables',
    nodeIPs: cache.ctx.nodeIP === '' ? [] : [cache.ctx.nodeIP],
    nat: emptyTable('nat'),
    filter: emptyTable('filter'),
    nft: cache.table,
    clusterCIDR: cache.ctx.clusterCIDR,
    largeClusterMode: false,
    cache,
  };
  if (cache.ctx.family === 'IPv6') rules.family = 'IPv6';
  // Printed on first use: a 10,000-Service table is large and most views never print it.
  Object.defineProperty(rules, 'nftText', {
    enumerable: true,
    get: () => (text ??= nftListRuleset(cache.table)),
  });
  return rules;
}

/** The node addresses in nodeport-ips, or undefined when NodePorts answer on every local address. */
function nodePortIPsOf(cluster: ClusterState, ctx: NftContext): string[] | undefined {
  const npa = cluster.config.proxy.nodePortAddresses;
  // Empty is `--nodeport-addresses primary` in nftables mode: the node's IP of the proxier's family. A node
  // without an address of that family gives the proxier no CIDR of its family, and NewNodePortAddresses
  // then matches every local address (pkg/proxy/util/nodeport_addresses.go: the family's zero CIDR).
  if (npa.length === 0) return ctx.nodeIP === '' ? undefined : [ctx.nodeIP];
  if (ctx.family === 'IPv6') return nodePortMatchAll6(npa) ? undefined : nodePortIPs6(ctx.nodeIP, npa);
  if (nodePortMatchAll(npa)) return undefined;
  return [ctx.nodeIP].filter((ip) => ip !== '' && npa.some((c) => inRange(ip, c)));
}

/**
 * All of a node's nftables-mode rules: the IPv4 proxier's `table ip kube-proxy`, or with `family` 'IPv6'
 * the IPv6 proxier's `table ip6 kube-proxy` (ipv6_addr sets, `ip6 daddr`, `dnat to [IPv6]:port`, from the
 * IPv6 EndpointSlices, the cluster's IPv6 Service range and clusterCIDR). nodePortAddresses defaults to the
 * node's primary IP in nftables mode (`--nodeport-addresses primary`); 0.0.0.0/0 (::/0) means every local
 * address.
 *
 * @example
 * buildNftablesRules(cluster, 'node-1').nft!.sets.get('service-ips')!.elements.length;
 * buildNftablesRules(cluster, 'node-1', {}, 'IPv6').nftText!.startsWith('table ip6 kube-proxy {'); // true
 */
export function buildNftablesRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
  family: IPFamily = 'IPv4',
): NodeRules {
  const memo = options.memo ?? createProxyMemo();
  const ctx = contextFor(cluster, nodeName, family);
  const b = new Builder(family === 'IPv4' ? 'ip' : 'ip6');
  setup(b, serviceCIDRsOf(cluster, family), nodePortIPsOf(cluster, ctx));
  const services = serviceMapOf(memo, cluster, family);
  const set = nodeFragments(NFTABLES_FRAGMENTS, memo, cluster, services, ctx);
  const cache: NftCache = {
    memo,
    ctx,
    settings: settingsOf(cluster, ctx),
    services,
    set,
    table: lazyTable(b.table, set),
    dups: new Map(),
  };
  fill(cache, FILLED);
  return rulesOf(cache, cluster);
}
