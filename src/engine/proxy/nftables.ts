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
import type { ClusterState } from '../cluster/state';
import { endpointsFor, slicesByService, type EndpointInfo } from './endpoint-info';
import { nftListRuleset, nftRuleText } from './nftables-print';
import type { NftChain, NftElement, NftMatch, NftRule, NftSet, NftTable, NftVerdict } from './nftables-types';
import { findNode, nodeIPOf, nodePortMatchAll, zoneOf } from './node-info';
import { servicePortsOf, type ServicePortInfo } from './service-port';
import { hash16Fast } from './sha256-short';
import { categorizeEndpoints } from './topology';
import type { IptablesTable, NodeRules } from './types';

export const NFT_MASQ_MARK = 0x4000;

/** hashAndTruncate: the first 8 base32 characters of sha256(name), then the name. */
function hashed(base: string): string {
  return `${hash16Fast(base).slice(0, 8)}-${base}`;
}

/** servicePortChainNameBase: "ns/name/proto/portName". */
export function nftServiceBase(sp: ServicePortInfo): string {
  const [ns, name] = sp.serviceKey.split('/') as [string, string];
  return hashed(`${ns}/${name}/${sp.proto}/${sp.portName}`);
}

/** servicePortEndpointChainNameBase: "ns/name/proto/portName__ip/port". */
export function nftEndpointBase(sp: ServicePortInfo, ep: EndpointInfo): string {
  const [ns, name] = sp.serviceKey.split('/') as [string, string];
  return hashed(`${ns}/${name}/${sp.proto}/${sp.portName}__${ep.ip}/${ep.port}`);
}

class Builder {
  readonly table: NftTable = {
    family: 'ip',
    name: 'kube-proxy',
    comment: 'rules for kube-proxy',
    objects: [],
    sets: new Map(),
    chains: new Map(),
  };
  chain(name: string, extra: Partial<NftChain> = {}): NftChain {
    let c = this.table.chains.get(name);
    if (!c) {
      c = { name, rules: [], ...extra };
      this.table.chains.set(name, c);
      this.table.objects.push({ chain: c });
    }
    return c;
  }
  set(name: string, kind: 'set' | 'map', type: string, extra: Partial<NftSet> = {}): NftSet {
    const s: NftSet = { name, kind, type, elements: [], byKey: new Map(), ...extra };
    this.table.sets.set(name, s);
    this.table.objects.push({ set: s });
    return s;
  }
  rule(
    chain: string,
    match: NftMatch,
    verdict: NftVerdict,
    opts: { stmt?: NftRule['stmt']; comment?: string; service?: string } = {},
  ): void {
    const r: NftRule = { chain, match, verdict, text: '' };
    if (opts.stmt) r.stmt = opts.stmt;
    if (opts.comment !== undefined) r.comment = opts.comment;
    if (opts.service !== undefined) r.service = opts.service;
    r.text = nftRuleText(r);
    this.chain(chain).rules.push(r);
  }
  element(set: string, key: string, verdict?: string, comment?: string): void {
    const s = this.table.sets.get(set)!;
    const e: NftElement = { key };
    if (comment !== undefined) e.comment = comment;
    if (verdict !== undefined) e.verdict = verdict;
    if (s.byKey.has(key)) return;
    s.elements.push(e);
    s.byKey.set(key, e);
  }
}

const CT_NEW: NftMatch = { ctNew: true };
const CONCAT = 'ipv4_addr . inet_proto . inet_service : verdict';

/** setupNFTables: the table's fixed chains, sets and maps. */
function setup(b: Builder, serviceCIDR: string, nodePortIPs: string[] | undefined): void {
  const base = (
    name: string,
    type: 'filter' | 'nat',
    hook: NonNullable<NftChain['base']>['hook'],
    priority: number,
  ) => b.chain(name, { base: { type, hook, priority } });
  base('filter-prerouting-pre-dnat', 'filter', 'prerouting', -110);
  base('filter-output-pre-dnat', 'filter', 'output', -110);
  base('filter-forward', 'filter', 'forward', 0);
  base('filter-input', 'filter', 'input', 0);
  base('filter-output', 'filter', 'output', 0);
  base('nat-prerouting', 'nat', 'prerouting', -100);
  base('nat-output', 'nat', 'output', -100);
  base('nat-postrouting', 'nat', 'postrouting', 100);
  for (const c of [
    'service-endpoints-check',
    'nodeport-endpoints-check',
    'firewall-check',
    'cluster-ips-check',
  ])
    b.chain(c);
  for (const c of ['services', 'masquerading', 'mark-for-masquerade']) b.chain(c);
  b.chain('reject-chain', { comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports' });

  b.set('cluster-ips', 'set', 'ipv4_addr', { comment: 'Active ClusterIPs' });
  if (nodePortIPs) b.set('nodeport-ips', 'set', 'ipv4_addr', { comment: 'IPs that accept NodePort traffic' });
  b.set('service-ips', 'map', CONCAT, { comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' });
  b.set('service-nodeports', 'map', 'inet_proto . inet_service : verdict', { comment: 'NodePort traffic' });
  b.set('no-endpoint-services', 'map', CONCAT, {
    comment: 'vmap to drop or reject packets to services with no endpoints',
  });
  b.set('no-endpoint-nodeports', 'map', 'inet_proto . inet_service : verdict', {
    comment: 'vmap to drop or reject packets to service nodeports with no endpoints',
  });
  b.set('firewall-ips', 'map', CONCAT, {
    comment: 'destinations that are subject to LoadBalancerSourceRanges',
  });
  for (const ip of nodePortIPs ?? []) b.element('nodeport-ips', ip);

  const jump = (chain: string): NftVerdict => ({ kind: 'jump', chain });
  b.rule('filter-prerouting-pre-dnat', CT_NEW, jump('firewall-check'));
  b.rule('filter-output-pre-dnat', CT_NEW, jump('firewall-check'));
  b.rule('filter-forward', CT_NEW, jump('service-endpoints-check'));
  b.rule('filter-forward', CT_NEW, jump('cluster-ips-check'));
  b.rule('filter-input', CT_NEW, jump('nodeport-endpoints-check'));
  b.rule('filter-input', CT_NEW, jump('service-endpoints-check'));
  b.rule('filter-output', CT_NEW, jump('service-endpoints-check'));
  b.rule('filter-output', CT_NEW, jump('cluster-ips-check'));
  b.rule('nat-prerouting', {}, jump('services'));
  b.rule('nat-output', {}, jump('services'));
  b.rule('nat-postrouting', {}, jump('masquerading'));
  b.rule(
    'cluster-ips-check',
    { daddrSet: 'cluster-ips' },
    { kind: 'reject' },
    {
      comment: 'Reject traffic to invalid ports of ClusterIPs',
    },
  );
  b.rule(
    'cluster-ips-check',
    { daddr: { cidrs: [serviceCIDR] } },
    { kind: 'drop' },
    {
      comment: 'Drop traffic to unallocated ClusterIPs',
    },
  );
  b.rule('firewall-check', {}, { kind: 'vmap', key: 'daddr.proto.dport', map: 'firewall-ips' });
  b.rule('mark-for-masquerade', {}, { kind: 'continue' }, { stmt: { markOr: NFT_MASQ_MARK } });
  b.rule('masquerading', { markClear: NFT_MASQ_MARK }, { kind: 'return' });
  b.rule('masquerading', {}, { kind: 'continue' }, { stmt: { markXor: NFT_MASQ_MARK } });
  b.rule('masquerading', {}, { kind: 'masquerade' });
  const np: NftMatch = nodePortIPs ? { daddrSet: 'nodeport-ips' } : { fibDaddrLocalNotLoopback: true };
  b.rule('nodeport-endpoints-check', np, { kind: 'vmap', key: 'proto.dport', map: 'no-endpoint-nodeports' });
  b.rule('reject-chain', {}, { kind: 'reject' });
  b.rule('services', {}, { kind: 'vmap', key: 'daddr.proto.dport', map: 'service-ips' });
  b.rule('services', np, { kind: 'vmap', key: 'proto.dport', map: 'service-nodeports' });
  b.rule(
    'service-endpoints-check',
    {},
    { kind: 'vmap', key: 'daddr.proto.dport', map: 'no-endpoint-services' },
  );
}

interface Ctx {
  nodeName: string;
  nodeIP: string;
  zone: string;
  clusterCIDR: string;
  masqueradeAll: boolean;
}

/** The body of syncProxyRules' per-service-port loop. */
function servicePort(b: Builder, sp: ServicePortInfo, eps: EndpointInfo[], ctx: Ctx): void {
  const cat = categorizeEndpoints(eps, sp, ctx.nodeName, ctx.zone);
  const base = nftServiceBase(sp);
  const clusterChain = `service-${base}`;
  const localChain = `local-${base}`;
  const extChain = `external-${base}`;
  const fwChain = `firewall-${base}`;
  const svc = sp.name;
  const proto = sp.proto;
  const key = (ip: string): string => `${ip} . ${proto} . ${sp.port}`;
  const hasEndpoints = cat.hasAnyEndpoints;
  const usesCluster = cat.cluster.length > 0 && (!sp.internalPolicyLocal || sp.externallyAccessible);
  const usesLocal =
    cat.local.length > 0 && (sp.internalPolicyLocal || (sp.externalPolicyLocal && sp.externallyAccessible));
  const internalChain = sp.internalPolicyLocal ? localChain : clusterChain;
  const hasInternal = hasEndpoints && (!sp.internalPolicyLocal || cat.local.length > 0);
  const externalPolicyChain = sp.externalPolicyLocal ? localChain : clusterChain;
  const hasExternal = hasEndpoints && (!sp.externalPolicyLocal || cat.local.length > 0);
  const usesExt = hasEndpoints && sp.externallyAccessible;
  const usesFW = sp.loadBalancerVIPs.length > 0 && sp.sourceRanges.length > 0;
  const internalVerdict = hasEndpoints ? 'drop' : 'goto reject-chain';
  const externalVerdict = internalVerdict;
  const epBase = new Map(cat.allReachable.map((ep) => [ep, nftEndpointBase(sp, ep)]));

  if (sp.affinityClientIP)
    for (const ep of cat.allReachable)
      b.set(`affinity-${epBase.get(ep)}`, 'set', 'ipv4_addr', {
        flags: ['dynamic', 'timeout'],
        timeout: sp.stickySeconds,
      });
  if (usesCluster) b.chain(clusterChain);
  if (usesLocal) b.chain(localChain);
  if (usesExt) b.chain(extChain);

  b.element('cluster-ips', sp.clusterIP);
  if (hasInternal) b.element('service-ips', key(sp.clusterIP), `goto ${internalChain}`);
  else b.element('no-endpoint-services', key(sp.clusterIP), internalVerdict, svc);
  for (const ip of sp.externalIPs) {
    if (hasEndpoints) b.element('service-ips', key(ip), `goto ${extChain}`);
    if (!hasExternal) b.element('no-endpoint-services', key(ip), externalVerdict, svc);
  }
  if (usesFW) b.chain(fwChain);
  for (const ip of sp.loadBalancerVIPs) {
    if (hasEndpoints) b.element('service-ips', key(ip), `goto ${extChain}`);
    if (usesFW) b.element('firewall-ips', key(ip), `goto ${fwChain}`);
  }
  if (!hasExternal)
    for (const ip of sp.loadBalancerVIPs) b.element('no-endpoint-services', key(ip), externalVerdict, svc);
  if (sp.nodePort !== 0) {
    const npKey = `${proto} . ${sp.nodePort}`;
    if (hasEndpoints) b.element('service-nodeports', npKey, `goto ${extChain}`);
    if (!hasExternal) b.element('no-endpoint-nodeports', npKey, externalVerdict, svc);
  }

  const o = { service: svc };
  const markMasq: NftVerdict = { kind: 'jump', chain: 'mark-for-masquerade' };
  if (hasInternal) {
    const daddr = { cidrs: [sp.clusterIP] };
    if (ctx.masqueradeAll) b.rule(internalChain, { daddr }, markMasq, o);
    else if (ctx.clusterCIDR !== '')
      b.rule(internalChain, { daddr, saddr: { cidrs: [ctx.clusterCIDR], negate: true } }, markMasq, o);
  }
  if (usesExt) {
    if (!sp.externalPolicyLocal) b.rule(extChain, {}, markMasq, o);
    else {
      const toCluster: NftVerdict = { kind: 'goto', chain: clusterChain };
      if (ctx.clusterCIDR !== '')
        b.rule(extChain, { saddr: { cidrs: [ctx.clusterCIDR] } }, toCluster, {
          ...o,
          comment: 'short-circuit pod traffic',
        });
      b.rule(extChain, { fibSaddrLocal: true }, markMasq, { ...o, comment: 'masquerade local traffic' });
      b.rule(extChain, { fibSaddrLocal: true }, toCluster, { ...o, comment: 'short-circuit local traffic' });
    }
    if (hasExternal) b.rule(extChain, {}, { kind: 'goto', chain: externalPolicyChain }, o);
  }
  if (usesFW) {
    const sources = [...sp.sourceRanges];
    if (sp.sourceRanges.some((c) => inRange(ctx.nodeIP, c))) sources.push(...sp.loadBalancerVIPs);
    b.rule(fwChain, { saddr: { cidrs: sources, negate: true } }, { kind: 'drop' }, o);
  }
  const toEndpoints = (chain: string, list: EndpointInfo[]): void => {
    if (sp.affinityClientIP)
      for (const ep of list)
        b.rule(
          chain,
          { saddrSet: `affinity-${epBase.get(ep)}` },
          { kind: 'goto', chain: `endpoint-${epBase.get(ep)}` },
          o,
        );
    b.rule(chain, {}, { kind: 'numgen', targets: list.map((ep) => `endpoint-${epBase.get(ep)}`) }, o);
  };
  if (usesCluster) toEndpoints(clusterChain, cat.cluster);
  if (usesLocal) toEndpoints(localChain, cat.local);
  for (const ep of cat.allReachable) {
    const name = `endpoint-${epBase.get(ep)}`;
    const c = b.chain(name);
    c.endpoint = { ip: ep.ip, port: ep.port };
    if (ep.pod !== undefined) c.endpoint.pod = ep.pod;
    if (ep.nodeName !== undefined) c.endpoint.node = ep.nodeName;
    b.rule(name, { saddr: { cidrs: [ep.ip] } }, markMasq, o);
    if (sp.affinityClientIP)
      b.rule(name, {}, { kind: 'continue' }, { ...o, stmt: { update: `affinity-${epBase.get(ep)}` } });
    b.rule(name, {}, { kind: 'dnat', proto, to: ep.endpoint }, o);
  }
}

function inRange(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const toNum = (s: string): number => s.split('.').reduce((a, p) => (a << 8) + Number(p), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return ip !== '' && (toNum(ip) & mask) >>> 0 === (toNum(net!) & mask) >>> 0;
}

const emptyTable = (name: 'nat' | 'filter'): IptablesTable => ({ name, chains: [], byName: new Map() });

/**
 * All of a node's nftables-mode rules. nodePortAddresses defaults to the node's primary IP in nftables mode
 * (`--nodeport-addresses primary`); 0.0.0.0/0 means every local address.
 *
 * @example
 * buildNftablesRules(cluster, 'node-1').nft!.sets.get('service-ips')!.elements.length;
 */
export function buildNftablesRules(cluster: ClusterState, nodeName: string): NodeRules {
  const node = findNode(cluster, nodeName);
  const p = cluster.config.proxy;
  const ctx: Ctx = {
    nodeName,
    nodeIP: nodeIPOf(node),
    zone: zoneOf(node),
    clusterCIDR: p.clusterCIDR,
    masqueradeAll: p.masqueradeAll,
  };
  const all = p.nodePortAddresses.length > 0 && nodePortMatchAll(p.nodePortAddresses);
  const npIPs = all
    ? undefined
    : p.nodePortAddresses.length === 0
      ? [ctx.nodeIP].filter((ip) => ip !== '')
      : [ctx.nodeIP].filter((ip) => ip !== '' && p.nodePortAddresses.some((c) => inRange(ip, c)));
  const b = new Builder();
  setup(b, cluster.config.serviceSubnet, npIPs);
  const slices = slicesByService(cluster.endpointSlices);
  const ports: ServicePortInfo[] = [];
  for (const svc of cluster.services) ports.push(...servicePortsOf(svc));
  ports.sort((a, x) => (a.name < x.name ? -1 : a.name > x.name ? 1 : 0));
  for (const sp of ports) servicePort(b, sp, endpointsFor(slices.get(sp.serviceKey), sp, nodeName), ctx);
  let text: string | undefined;
  const rules: NodeRules = {
    node: nodeName,
    mode: 'nftables',
    nodeIPs: ctx.nodeIP === '' ? [] : [ctx.nodeIP],
    nat: emptyTable('nat'),
    filter: emptyTable('filter'),
    nft: b.table,
    clusterCIDR: p.clusterCIDR,
    largeClusterMode: false,
  };
  // Printed on first use: a 10,000-Service table is large and most views never print it.
  Object.defineProperty(rules, 'nftText', {
    enumerable: true,
    get: () => (text ??= nftListRuleset(b.table)),
  });
  return rules;
}
