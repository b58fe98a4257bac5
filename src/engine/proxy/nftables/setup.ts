/**
 * The fixed part of kube-proxy's `table ip kube-proxy` (setupNFTables in pkg/proxy/nftables/proxier.go):
 * base chains hooked at their priorities, the dispatch chains, the masquerade chains, reject-chain, and the
 * sets and verdict maps the Service ports fill (proxier.ts), in the order kube-proxy creates them.
 *
 * @example
 * const b = new Builder(); setup(b, ['10.96.0.0/12'], ['192.168.49.2']);
 * b.table.chains.get('services')!.rules[0]!.text; // "ip daddr . meta l4proto . th dport vmap @service-ips"
 */
import { nftRuleText, type NftFamily } from './print';
import { NFT_MASQ_MARK } from './service';
import type { NftChain, NftElement, NftMatch, NftRule, NftSet, NftTable, NftVerdict } from './types';

export class Builder {
  readonly table: NftTable;
  constructor(family: NftFamily = 'ip') {
    this.table = {
      family,
      name: 'kube-proxy',
      comment: 'rules for kube-proxy',
      objects: [],
      sets: new Map(),
      chains: new Map(),
    };
  }
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
    r.text = nftRuleText(r, this.table.family);
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

/** The address type of the table's sets (setupNFTables' ipvX_addr). */
export function addrType(family: NftFamily): string {
  return family === 'ip' ? 'ipv4_addr' : 'ipv6_addr';
}

/**
 * setupNFTables: the table's fixed chains, sets and maps. `serviceCIDRs` are the Service ranges of the
 * table's family, every ServiceCIDR's (none: no drop rule for unallocated ClusterIPs).
 */
export function setup(b: Builder, serviceCIDRs: string[], nodePortIPs: string[] | undefined): void {
  const addr = addrType(b.table.family);
  const CONCAT = `${addr} . inet_proto . inet_service : verdict`;
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

  b.set('cluster-ips', 'set', addr, { comment: 'Active ClusterIPs' });
  if (nodePortIPs) b.set('nodeport-ips', 'set', addr, { comment: 'IPs that accept NodePort traffic' });
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
  if (serviceCIDRs.length > 0)
    b.rule(
      'cluster-ips-check',
      { daddr: { cidrs: serviceCIDRs } },
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
