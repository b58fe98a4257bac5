/**
 * The iptables rules kube-proxy's IPVS proxier writes around its ipsets (writeIptablesRules and
 * createAndLinkKubeChain in pkg/proxy/ipvs/proxier.go): masquerade marks for off-cluster traffic to cluster
 * IPs, LB IPs and NodePorts, hairpin masquerade (KUBE-LOOP-BACK), loadBalancerSourceRanges
 * (KUBE-SOURCE-RANGES-FIREWALL) and KUBE-IPVS-FILTER, which rejects new connections to other ports on a VIP.
 * A rule that matches an ipset is written only when that set has entries, as kube-proxy does.
 *
 * @example
 * ipvsTables({ clusterCIDR: '10.244.0.0/16', masqueradeAll: false, randomFully: true }, new Set(['KUBE-CLUSTER-IP']));
 */
import { IPSET_INFO, ipsetName, type IpsetFamily, type IpsetName } from './ipsets';
import { MASQ_MARK } from '../iptables/service';
import { KUBE_FORWARD_ACCEPT } from '../iptables/static-chains';
import { makeRule } from '../shared/rule';
import type { Chain, IptablesTable, Rule, TableName } from '../shared/types';

const comment = (name: IpsetName): string => IPSET_INFO.find((i) => i.name === name)!.comment;

interface Ctx {
  clusterCIDR: string;
  masqueradeAll: boolean;
  randomFully: boolean;
  /** The proxier's family: the IPv6 one writes ip6tables rules over its KUBE-6-… sets. */
  family?: IpsetFamily;
}

/** ipsetWithIptablesChain: [set, table, from chain, to, match flags, protocol]. */
const SET_RULES: [IpsetName, TableName, string, string, string, string][] = [
  ['KUBE-LOOP-BACK', 'nat', 'KUBE-POSTROUTING', 'MASQUERADE', 'dst,dst,src', ''],
  ['KUBE-LOAD-BALANCER', 'nat', 'KUBE-SERVICES', 'KUBE-LOAD-BALANCER', 'dst,dst', ''],
  ['KUBE-LOAD-BALANCER-LOCAL', 'nat', 'KUBE-LOAD-BALANCER', 'RETURN', 'dst,dst', ''],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-TCP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'udp'],
  ['KUBE-NODE-PORT-UDP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'udp'],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst,dst', 'sctp'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst,dst', 'sctp'],
  ['KUBE-LOAD-BALANCER-FW', 'filter', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'dst,dst', ''],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
];

const C = (text: string): string[] => ['-m', 'comment', '--comment', text];

/** `nonEmpty` holds the sets' IPv4 names (IpsetName) whatever the family; the rules name the family's sets. */
export function ipvsTables(ctx: Ctx, nonEmpty: Set<string>): { nat: IptablesTable; filter: IptablesTable } {
  const family = ctx.family ?? 'IPv4';
  const SET = (name: IpsetName, flags: string): string[] => [
    '-m',
    'set',
    '--match-set',
    ipsetName(name, family),
    flags,
  ];
  const rules = new Map<string, Rule[]>();
  const push = (table: TableName, chain: string, args: string[]): void => {
    const key = `${table} ${chain}`;
    if (!rules.has(key)) rules.set(key, []);
    rules.get(key)!.push(makeRule(chain, args, undefined, family));
  };
  // Dismiss connections to localhost early in the service chain.
  push('nat', 'KUBE-SERVICES', ['-s', family === 'IPv6' ? '::1/128' : '127.0.0.0/8', '-j', 'RETURN']);
  for (const [set, table, from, to, flags, proto] of SET_RULES) {
    if (!nonEmpty.has(set)) continue;
    push(table, from, [...(proto ? ['-p', proto] : []), ...C(comment(set)), ...SET(set, flags), '-j', to]);
  }
  if (nonEmpty.has('KUBE-CLUSTER-IP')) {
    const head = [
      ...C(comment('KUBE-CLUSTER-IP')),
      '-m',
      'set',
      '--match-set',
      ipsetName('KUBE-CLUSTER-IP', family),
    ];
    if (ctx.masqueradeAll) push('nat', 'KUBE-SERVICES', [...head, 'dst,dst', '-j', 'KUBE-MARK-MASQ']);
    else if (ctx.clusterCIDR !== '')
      push('nat', 'KUBE-SERVICES', [...head, 'dst,dst', '!', '-s', ctx.clusterCIDR, '-j', 'KUBE-MARK-MASQ']);
    else push('nat', 'KUBE-SERVICES', [...head, 'src,dst', '-j', 'KUBE-MARK-MASQ']);
  }
  for (const set of ['KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL'] as const) {
    if (!nonEmpty.has(set)) continue;
    const args = [...C(comment(set)), ...SET(set, 'dst,dst')];
    if (set === 'KUBE-EXTERNAL-IP') push('nat', 'KUBE-SERVICES', [...args, '-j', 'KUBE-MARK-MASQ']);
    // Accept traffic from off the machine (not from a pod bridge, not from this host) …
    push('nat', 'KUBE-SERVICES', [
      ...args,
      '-m',
      'physdev',
      '!',
      '--physdev-is-in',
      '-m',
      'addrtype',
      '!',
      '--src-type',
      'LOCAL',
      '-j',
      'ACCEPT',
    ]);
    // … and traffic to external IPs that happen to be local addresses.
    push('nat', 'KUBE-SERVICES', [...args, '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'ACCEPT']);
  }
  push('nat', 'KUBE-SERVICES', ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODE-PORT']);
  push('nat', 'KUBE-LOAD-BALANCER', ['-j', 'KUBE-MARK-MASQ']);
  push('filter', 'KUBE-SOURCE-RANGES-FIREWALL', ['-j', 'DROP']);
  for (const set of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER'] as const)
    if (nonEmpty.has(set)) push('nat', 'KUBE-SERVICES', [...SET(set, 'dst,dst'), '-j', 'ACCEPT']);
  for (const args of KUBE_FORWARD_ACCEPT) push('filter', 'KUBE-FORWARD', args);
  push('filter', 'KUBE-NODE-PORT', [
    ...C(comment('KUBE-HEALTH-CHECK-NODE-PORT')),
    ...SET('KUBE-HEALTH-CHECK-NODE-PORT', 'dst'),
    '-j',
    'ACCEPT',
  ]);
  for (const [set, flags] of [
    ['KUBE-LOAD-BALANCER', 'dst,dst'],
    ['KUBE-CLUSTER-IP', 'dst,dst'],
    ['KUBE-EXTERNAL-IP', 'dst,dst'],
    ['KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'],
    ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst'],
  ] as const)
    push('filter', 'KUBE-IPVS-FILTER', [...SET(set, flags), '-j', 'RETURN']);
  // Block access to other ports of the host through a VIP (kubernetes#72236).
  push('filter', 'KUBE-IPVS-FILTER', [
    '-m',
    'conntrack',
    '--ctstate',
    'NEW',
    ...SET('KUBE-IPVS-IPS', 'dst'),
    '-j',
    'REJECT',
  ]);
  push('nat', 'KUBE-POSTROUTING', ['-m', 'mark', '!', '--mark', `${MASQ_MARK}/${MASQ_MARK}`, '-j', 'RETURN']);
  push('nat', 'KUBE-POSTROUTING', ['-j', 'MARK', '--xor-mark', MASQ_MARK]);
  push('nat', 'KUBE-POSTROUTING', [
    ...C('kubernetes service traffic requiring SNAT'),
    '-j',
    'MASQUERADE',
    ...(ctx.randomFully ? ['--random-fully'] : []),
  ]);
  push('nat', 'KUBE-MARK-MASQ', ['-j', 'MARK', '--or-mark', MASQ_MARK]);

  const jump = (from: string, text: string, to: string): Rule =>
    makeRule(from, [...C(text), '-j', to], undefined, family);
  const chain = (table: TableName, name: string, builtin = false, extra: Rule[] = []): Chain => ({
    name,
    builtin,
    rules: [...extra, ...(rules.get(`${table} ${name}`) ?? [])],
  });
  const table = (name: TableName, chains: Chain[]): IptablesTable => ({
    name,
    chains,
    byName: new Map(chains.map((c) => [c.name, c])),
  });
  const nat = table('nat', [
    chain('nat', 'PREROUTING', true, [jump('PREROUTING', 'kubernetes service portals', 'KUBE-SERVICES')]),
    chain('nat', 'INPUT', true),
    chain('nat', 'OUTPUT', true, [jump('OUTPUT', 'kubernetes service portals', 'KUBE-SERVICES')]),
    chain('nat', 'POSTROUTING', true, [
      jump('POSTROUTING', 'kubernetes postrouting rules', 'KUBE-POSTROUTING'),
    ]),
    chain('nat', 'KUBE-SERVICES'),
    chain('nat', 'KUBE-POSTROUTING'),
    chain('nat', 'KUBE-NODE-PORT'),
    chain('nat', 'KUBE-LOAD-BALANCER'),
    chain('nat', 'KUBE-MARK-MASQ'),
  ]);
  const filter = table('filter', [
    chain('filter', 'INPUT', true, [
      jump('INPUT', 'kubernetes ipvs access filter', 'KUBE-IPVS-FILTER'),
      jump('INPUT', 'kube-proxy firewall rules', 'KUBE-PROXY-FIREWALL'),
      jump('INPUT', 'kubernetes health check rules', 'KUBE-NODE-PORT'),
    ]),
    chain('filter', 'FORWARD', true, [
      jump('FORWARD', 'kube-proxy firewall rules', 'KUBE-PROXY-FIREWALL'),
      jump('FORWARD', 'kubernetes forwarding rules', 'KUBE-FORWARD'),
    ]),
    chain('filter', 'OUTPUT', true, [
      jump('OUTPUT', 'kubernetes ipvs access filter', 'KUBE-IPVS-OUT-FILTER'),
    ]),
    chain('filter', 'KUBE-FORWARD'),
    chain('filter', 'KUBE-NODE-PORT'),
    chain('filter', 'KUBE-PROXY-FIREWALL'),
    chain('filter', 'KUBE-SOURCE-RANGES-FIREWALL'),
    chain('filter', 'KUBE-IPVS-FILTER'),
    chain('filter', 'KUBE-IPVS-OUT-FILTER'),
  ]);
  return { nat, filter };
}
