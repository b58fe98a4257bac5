/**
 * kube-proxy iptables mode for one node, as syncProxyRules writes it (pkg/proxy/iptables/proxier.go): the
 * chains every node has (static-chains.ts), then every Service port's rules (service.ts: its captures in
 * the shared chains; service-chains.ts: its KUBE-SVC/SVL/EXT/FW/SEP chains), then KUBE-SERVICES' tail call
 * to KUBE-NODEPORTS (shared-chains.ts). Each port's rules are a fragment, made once for all nodes where
 * they are the same on every node (incremental/scope.ts); an edit regenerates only the edited Services'
 * fragments (incremental/iptables.ts).
 *
 * @example
 * const rules = buildIptablesRules(cluster, 'node-1');
 * rules.nat.byName.get('KUBE-SERVICES')!.rules.at(-1)!.text;
 * // '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS'
 */
import type { ClusterState } from '../../cluster/state';
import type { IPFamily } from '../../net/ip6';
import type { FragmentSet } from '../incremental/fragment-set';
import { fragmentNameMap, type FragmentNames } from '../incremental/lazy-map';
import { fragmentKind, nodeFragments } from '../incremental/scope';
import { createProxyMemo, type ProxyMemo } from '../shared/memo';
import { nodeContext, nodePortIncludesLoopback } from '../shared/node-info';
import { nodeIndependent, serviceMapOf, type ServiceEntry, type ServiceMap } from '../shared/service-map';
import { categorizeEndpoints } from '../shared/topology';
import type { BuildOptions, Chain, IptablesTable, NodeRules } from '../shared/types';
import { ServiceFragment, type ProxyContext } from './service';
import { writeSharedChains } from './shared-chains';
import { staticTables } from './static-chains';

/** Above this many endpoints kube-proxy drops the per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/** What `NodeRules.cache` holds in iptables mode: what an edit's update starts from. */
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

/**
 * The node and proxy settings the rules depend on (`largeClusterMode`: more endpoints than kube-proxy's
 * threshold, counted over the whole Service map).
 *
 * @example
 * contextFor(cluster, 'node-1', false).clusterCIDR; // "10.244.0.0/16"
 */
export function contextFor(
  cluster: ClusterState,
  nodeName: string,
  largeClusterMode: boolean,
  family: IPFamily = 'IPv4',
): ProxyContext {
  const p = cluster.config.proxy;
  const v6 = family === 'IPv6';
  return {
    ...nodeContext(cluster, nodeName, family),
    clusterCIDR: v6 ? (p.clusterCIDRV6 ?? '') : p.clusterCIDR,
    masqueradeAll: p.masqueradeAll,
    // localhost NodePorts exist only on IPv4 (route_localnet); the IPv6 proxier never has them.
    localhostNodePorts: !v6 && p.localhostNodePorts && nodePortIncludesLoopback(p.nodePortAddresses),
    largeClusterMode,
  };
}

/** One fragment per Service port, in the Service's port order; Services in key order. */
export const IPTABLES_FRAGMENTS = fragmentKind<ServiceFragment, ProxyContext>('iptables', {
  make: (e: ServiceEntry, ctx: ProxyContext): ServiceFragment[] =>
    e.ports.map(
      (sp, i) =>
        new ServiceFragment(
          sp,
          categorizeEndpoints(e.endpoints[i]!, sp, ctx.nodeName, ctx.zone),
          ctx,
          e.endpoints[i]!.length,
        ),
    ),
  shareable: nodeIndependent,
  shareKey: (ctx) =>
    `${ctx.family}|${ctx.largeClusterMode}|${ctx.clusterCIDR}|${ctx.masqueradeAll}|${ctx.localhostNodePorts}`,
  sortKey: (e) => e.key,
  headNames: (f) => f.headNames(),
});

const SERVICE_CHAIN = /^KUBE-(SVC|SVL|EXT|FW|SEP)-/;

/** The per-Service chains in the nat table's `byName`, built when first looked up. */
const SERVICE_CHAINS: FragmentNames<ServiceFragment, Chain> = {
  owns: (name) => SERVICE_CHAIN.test(name),
  names: (f) => f.natChains.map((c) => c.name),
  get: (f, name) => f.chain(name),
  all: (f) => f.natChains.map((c): [string, Chain] => [c.name, c]),
};

/**
 * The node's rules from the cache and tables an iptables build or update made.
 *
 * @example
 * rulesOf(cache, 'iptables', tables).nodeIPs; // ["192.168.49.2"]
 */
export function rulesOf(
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
 * All of a node's iptables rules (`family` 'IPv6': the IPv6 proxier's, what ip6tables-save prints).
 *
 * @example
 * buildIptablesRules(cluster, 'node-1').filter.byName.get('KUBE-SERVICES')!.rules.length;
 */
export function buildIptablesRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
  family: IPFamily = 'IPv4',
): NodeRules {
  const memo = options.memo ?? createProxyMemo();
  const services = serviceMapOf(memo, cluster, family);
  const ctx = contextFor(
    cluster,
    nodeName,
    services.totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD,
    family,
  );
  const tables = staticTables(ctx, options);
  const set = nodeFragments(IPTABLES_FRAGMENTS, memo, cluster, services, ctx);
  tables.nat.byName = fragmentNameMap(set, tables.nat.byName, SERVICE_CHAINS);
  const nodePortAddresses = cluster.config.proxy.nodePortAddresses;
  writeSharedChains(set, ctx, nodePortAddresses, tables.nat, tables.filter);
  const cache: IptablesCache = { memo, ctx, options, nodePortAddresses, services, set };
  return rulesOf(cache, cluster.config.proxy.mode, tables);
}
