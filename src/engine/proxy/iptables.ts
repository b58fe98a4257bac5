/**
 * kube-proxy iptables mode for one node: the nat and filter tables syncProxyRules writes (plus the jump rules
 * it ensures in the built-in chains), assembled from per-Service fragments (iptables-service.ts) so that an
 * edit to one Service regenerates only that Service's chains (`updateIptablesRules`).
 *
 * @example
 * const rules = buildIptablesRules(cluster, 'node-1');
 * rules.nat.byName.get('KUBE-SERVICES')!.rules.at(-1)!.text;
 * // '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS'
 */
import type { ClusterState } from '../cluster/state';
import { endpointsFor, SERVICE_NAME_LABEL, slicesByService } from './endpoint-info';
import { buildServiceFragment, MASQ_MARK, type ProxyContext, type ServiceFragment } from './iptables-service';
import {
  findNode,
  nodeIPOf,
  nodePortIncludesLoopback,
  nodePortIPs,
  nodePortMatchAll,
  zoneOf,
} from './node-info';
import { indexChain } from './chain-index';
import { makeRule } from './rule';
import { servicePortsOf, usesLocalEndpoints, type ServicePortInfo } from './service-port';
import { categorizeEndpoints } from './topology';
import type { Chain, IptablesTable, NodeRules, Rule, TableName } from './types';

/** Above this many endpoints kube-proxy drops the per-endpoint comments (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

export interface BuildOptions {
  /** iptables supports `MASQUERADE --random-fully` (true on any current node; kube-proxy's unit-test fake says false). */
  randomFully?: boolean;
}

/** What `NodeRules.cache` holds in iptables mode. */
export interface IptablesCache {
  ctx: ProxyContext;
  options: BuildOptions;
  nodePortAddresses: string[];
  /** Service key "ns/name" → its ports' fragments. */
  fragments: Map<string, ServiceFragment[]>;
  /** Service keys in the order their rules are printed. */
  order: string[];
  totalEndpoints: number;
}

function builtin(name: string, rules: Rule[] = []): Chain {
  return { name, builtin: true, rules };
}

function table(name: TableName, chains: Chain[]): IptablesTable {
  return { name, chains, byName: new Map(chains.map((c) => [c.name, c])) };
}

const C = (comment: string): string[] => ['-m', 'comment', '--comment', comment];
const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];

function fragmentsFor(
  ctx: ProxyContext,
  slices: ReturnType<typeof slicesByService>,
  ports: ServicePortInfo[],
): ServiceFragment[] {
  return ports.map((sp) => {
    const eps = endpointsFor(slices.get(sp.serviceKey), sp, ctx.nodeName);
    return buildServiceFragment(sp, categorizeEndpoints(eps, sp, ctx.nodeName, ctx.zone), ctx, eps.length);
  });
}

const endpointTotals = new WeakMap<ClusterState, number>();

/** All Service ports' endpoints in the cluster (what decides kube-proxy's large-cluster mode). */
function countEndpoints(
  cluster: ClusterState,
  portsByService: Map<string, ServicePortInfo[]>,
  slices: ReturnType<typeof slicesByService>,
): number {
  let total = endpointTotals.get(cluster);
  if (total === undefined) {
    total = 0;
    for (const [key, ports] of portsByService)
      for (const sp of ports) total += endpointsFor(slices.get(key), sp, '').length;
    endpointTotals.set(cluster, total);
  }
  return total;
}

/** The chains every node has whatever its Services (the aggregate KUBE-SERVICES… are filled by `aggregate`). */
function staticTables(
  ctx: ProxyContext,
  options: BuildOptions,
): { nat: IptablesTable; filter: IptablesTable } {
  const masq = [...C('kubernetes service traffic requiring SNAT'), '-j', 'MASQUERADE'];
  if (options.randomFully !== false) masq.push('--random-fully');
  const nat = table('nat', [
    builtin('PREROUTING', [
      makeRule('PREROUTING', [...C('kubernetes service portals'), '-j', 'KUBE-SERVICES']),
    ]),
    builtin('INPUT'),
    builtin('OUTPUT', [makeRule('OUTPUT', [...C('kubernetes service portals'), '-j', 'KUBE-SERVICES'])]),
    builtin('POSTROUTING', [
      makeRule('POSTROUTING', [...C('kubernetes postrouting rules'), '-j', 'KUBE-POSTROUTING']),
    ]),
    { name: 'KUBE-SERVICES', builtin: false, rules: [] },
    { name: 'KUBE-NODEPORTS', builtin: false, rules: [] },
    {
      name: 'KUBE-POSTROUTING',
      builtin: false,
      rules: [
        makeRule('KUBE-POSTROUTING', [
          '-m',
          'mark',
          '!',
          '--mark',
          `${MASQ_MARK}/${MASQ_MARK}`,
          '-j',
          'RETURN',
        ]),
        // Clear the mark so the packet is not masqueraded again if it re-traverses the stack.
        makeRule('KUBE-POSTROUTING', ['-j', 'MARK', '--xor-mark', MASQ_MARK]),
        makeRule('KUBE-POSTROUTING', masq),
      ],
    },
    {
      name: 'KUBE-MARK-MASQ',
      builtin: false,
      rules: [makeRule('KUBE-MARK-MASQ', ['-j', 'MARK', '--or-mark', MASQ_MARK])],
    },
  ]);
  const forward: Rule[] = [
    makeRule('KUBE-FORWARD', [
      '-m',
      'conntrack',
      '--ctstate',
      'INVALID',
      '-m',
      'nfacct',
      '--nfacct-name',
      'ct_state_invalid_dropped_pkts',
      '-j',
      'DROP',
    ]),
    makeRule('KUBE-FORWARD', [
      ...C('kubernetes forwarding rules'),
      '-m',
      'mark',
      '--mark',
      `${MASQ_MARK}/${MASQ_MARK}`,
      '-j',
      'ACCEPT',
    ]),
    makeRule('KUBE-FORWARD', [
      ...C('kubernetes forwarding conntrack rule'),
      '-m',
      'conntrack',
      '--ctstate',
      'RELATED,ESTABLISHED',
      '-j',
      'ACCEPT',
    ]),
  ];
  const firewall: Chain[] = ctx.localhostNodePorts
    ? [
        {
          name: 'KUBE-FIREWALL',
          builtin: false,
          rules: [
            makeRule('KUBE-FIREWALL', [
              ...C('block incoming localnet connections'),
              '-d',
              '127.0.0.0/8',
              '!',
              '-s',
              '127.0.0.0/8',
              '-m',
              'conntrack',
              '!',
              '--ctstate',
              'RELATED,ESTABLISHED,DNAT',
              '-j',
              'DROP',
            ]),
          ],
        },
      ]
    : [];
  const jump = (from: string, extra: string[], comment: string, to: string): Rule =>
    makeRule(from, [...extra, ...C(comment), '-j', to]);
  // kubelet creates KUBE-FIREWALL and its jumps first; kube-proxy prepends its own jumps before them.
  const kubeletFw = ctx.localhostNodePorts;
  const filter = table('filter', [
    builtin('INPUT', [
      jump('INPUT', NEW, 'kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL'),
      jump('INPUT', [], 'kubernetes health check service ports', 'KUBE-NODEPORTS'),
      jump('INPUT', NEW, 'kubernetes externally-visible service portals', 'KUBE-EXTERNAL-SERVICES'),
      ...(kubeletFw ? [makeRule('INPUT', ['-j', 'KUBE-FIREWALL'])] : []),
    ]),
    builtin('FORWARD', [
      jump('FORWARD', NEW, 'kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL'),
      jump('FORWARD', [], 'kubernetes forwarding rules', 'KUBE-FORWARD'),
      jump('FORWARD', NEW, 'kubernetes service portals', 'KUBE-SERVICES'),
      jump('FORWARD', NEW, 'kubernetes externally-visible service portals', 'KUBE-EXTERNAL-SERVICES'),
    ]),
    builtin('OUTPUT', [
      jump('OUTPUT', NEW, 'kubernetes load balancer firewall', 'KUBE-PROXY-FIREWALL'),
      jump('OUTPUT', NEW, 'kubernetes service portals', 'KUBE-SERVICES'),
      ...(kubeletFw ? [makeRule('OUTPUT', ['-j', 'KUBE-FIREWALL'])] : []),
    ]),
    { name: 'KUBE-SERVICES', builtin: false, rules: [] },
    { name: 'KUBE-EXTERNAL-SERVICES', builtin: false, rules: [] },
    { name: 'KUBE-FORWARD', builtin: false, rules: forward },
    { name: 'KUBE-NODEPORTS', builtin: false, rules: [] },
    { name: 'KUBE-PROXY-FIREWALL', builtin: false, rules: [] },
    ...firewall,
  ]);
  return { nat, filter };
}

/** Replaces a top-level chain with fresh rules (a new Chain object, so stale lookups are dropped). */
function setRules(t: IptablesTable, name: string, rules: Rule[]): void {
  const fresh: Chain = { name, builtin: false, rules };
  t.byName.set(name, fresh);
  const i = t.chains.findIndex((c) => c.name === name);
  if (i >= 0) t.chains[i] = fresh;
}

/** Refills KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES… from the fragments, in Service order. */
function aggregate(cache: IptablesCache, nat: IptablesTable, filter: IptablesTable, eager = false): void {
  const { ctx } = cache;
  const natServices: Rule[] = [];
  const natNodePorts: Rule[] = [];
  const fServices: Rule[] = [];
  const fExternal: Rule[] = [];
  const fNodePorts: Rule[] = [];
  const fFirewall: Rule[] = [];
  const add = (to: Rule[], from: Rule[]): void => {
    for (const r of from) to.push(r);
  };
  for (const key of cache.order)
    for (const f of cache.fragments.get(key) ?? []) {
      add(natServices, f.natServices);
      add(natNodePorts, f.natNodePorts);
      add(fServices, f.filterServices);
      add(fExternal, f.filterExternal);
      add(fNodePorts, f.filterNodePorts);
      add(fFirewall, f.filterFirewall);
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
      for (const name of [
        'KUBE-SERVICES',
        'KUBE-NODEPORTS',
        'KUBE-EXTERNAL-SERVICES',
        'KUBE-PROXY-FIREWALL',
      ]) {
        const c = t.byName.get(name);
        if (c) indexChain(c);
      }
}

function addChains(nat: IptablesTable, frags: ServiceFragment[] | undefined): void {
  for (const f of frags ?? []) for (const c of f.natChains) nat.byName.set(c.name, c);
}

function removeChains(nat: IptablesTable, frags: ServiceFragment[] | undefined): void {
  for (const f of frags ?? []) for (const c of f.natChains) nat.byName.delete(c.name);
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

function portsByServiceOf(cluster: ClusterState): Map<string, ServicePortInfo[]> {
  const out = new Map<string, ServicePortInfo[]>();
  for (const svc of cluster.services) {
    const ports = servicePortsOf(svc);
    if (ports.length > 0) out.set(ports[0]!.serviceKey, ports);
  }
  return out;
}

function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Fragments that do not depend on the node are shared between nodes built from the same ClusterState. */
const shared = new WeakMap<ClusterState, Map<string, ServiceFragment[]>>();

function sharedKey(ports: ServicePortInfo[], ctx: ProxyContext): string | undefined {
  // Node-specific when a port uses Local endpoints, a topology filter, or LB source ranges (node-IP rule).
  for (const sp of ports)
    if (usesLocalEndpoints(sp) || sp.trafficDistribution !== undefined || sp.sourceRanges.length > 0)
      return undefined;
  return `${ports[0]!.serviceKey}|${ctx.largeClusterMode}|${ctx.clusterCIDR}|${ctx.masqueradeAll}|${ctx.localhostNodePorts}`;
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
  const portsByService = portsByServiceOf(cluster);
  const slices = slicesByService(cluster.endpointSlices);
  const totalEndpoints = countEndpoints(cluster, portsByService, slices);
  const ctx = contextFor(cluster, nodeName, totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD);
  let memo = shared.get(cluster);
  if (!memo) shared.set(cluster, (memo = new Map()));
  const fragments = new Map<string, ServiceFragment[]>();
  for (const [key, ports] of portsByService) {
    const sk = sharedKey(ports, ctx);
    let frags = sk === undefined ? undefined : memo.get(sk);
    if (!frags) {
      frags = fragmentsFor(ctx, slices, ports);
      if (sk !== undefined) memo.set(sk, frags);
    }
    fragments.set(key, frags);
  }
  const cache: IptablesCache = {
    ctx,
    options,
    nodePortAddresses: cluster.config.proxy.nodePortAddresses,
    fragments,
    order: sortedKeys(fragments.keys()),
    totalEndpoints,
  };
  const tables = staticTables(ctx, options);
  for (const key of cache.order) addChains(tables.nat, fragments.get(key));
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
 * Regenerates only the named Services' fragments and reassembles the tables; the other Services' chains
 * are reused as they are. Falls back to a full build when the node or the large-cluster mode changed.
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
  if (!old || (options.randomFully ?? true) !== (old.options.randomFully ?? true))
    return buildIptablesRules(cluster, prev.node, options);
  const changed = new Set(changedServiceKeys);
  const names = new Set([...changed].map((k) => k.slice(k.indexOf('/') + 1)));
  const slices = slicesByService(
    cluster.endpointSlices.filter((s) => names.has(s.metadata.labels?.[SERVICE_NAME_LABEL] ?? '')),
  );
  const newPorts = new Map<string, ServicePortInfo[]>();
  for (const svc of cluster.services) {
    const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
    if (changed.has(key)) newPorts.set(key, servicePortsOf(svc));
  }
  let totalEndpoints = old.totalEndpoints;
  for (const key of changed) {
    for (const f of old.fragments.get(key) ?? []) totalEndpoints -= f.endpointCount;
    for (const sp of newPorts.get(key) ?? []) totalEndpoints += endpointsFor(slices.get(key), sp, '').length;
  }
  const ctx = contextFor(cluster, prev.node, totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD);
  if (
    JSON.stringify(ctx) !== JSON.stringify(old.ctx) ||
    cluster.config.proxy.nodePortAddresses !== old.nodePortAddresses
  )
    return buildIptablesRules(cluster, prev.node, options);
  // prev is consumed: its fragment map and tables are updated in place.
  const { nat, filter } = prev;
  const fragments = old.fragments;
  let order = old.order;
  for (const key of changed) {
    const ports = newPorts.get(key) ?? [];
    const had = fragments.has(key);
    removeChains(nat, fragments.get(key));
    if (ports.length === 0) {
      fragments.delete(key);
      if (had) order = order.filter((k) => k !== key);
      continue;
    }
    const frags = fragmentsFor(ctx, slices, ports);
    fragments.set(key, frags);
    addChains(nat, frags);
    if (!had) order = sortedKeys([...order, key]);
  }
  const cache: IptablesCache = { ...old, ctx, options, fragments, order, totalEndpoints };
  aggregate(cache, nat, filter);
  return rulesFromCache(cache, prev.mode, { nat, filter });
}
