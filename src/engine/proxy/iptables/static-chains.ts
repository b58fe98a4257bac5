/**
 * The chains every kube-proxy iptables node has whatever its Services: the built-in chains' jumps, the
 * masquerade machinery (KUBE-MARK-MASQ, KUBE-POSTROUTING), KUBE-FORWARD, kubelet's KUBE-FIREWALL, and the
 * empty shared chains (KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES, KUBE-PROXY-FIREWALL) that
 * proxier.ts fills from the Services' fragments.
 *
 * @example
 * staticTables(ctx, {}).nat.byName.get('KUBE-MARK-MASQ')!.rules[0]!.text; // "-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000"
 */
import { MASQ_MARK, type ProxyContext } from './service';
import { makeRule } from '../shared/rule';
import type { BuildOptions, Chain, IptablesTable, Rule, TableName } from '../shared/types';

function builtin(name: string, rules: Rule[] = []): Chain {
  return { name, builtin: true, rules };
}

function table(name: TableName, chains: Chain[]): IptablesTable {
  return { name, chains, byName: new Map(chains.map((c) => [c.name, c])) };
}

const C = (comment: string): string[] => ['-m', 'comment', '--comment', comment];

/**
 * The KUBE-FORWARD accept rules both the iptables and the IPVS proxier write: masquerade-marked traffic
 * (so NodePort traffic is forwarded even when the FORWARD policy is DROP), then the rest of its connection.
 */
export const KUBE_FORWARD_ACCEPT: readonly string[][] = [
  [...C('kubernetes forwarding rules'), '-m', 'mark', '--mark', `${MASQ_MARK}/${MASQ_MARK}`, '-j', 'ACCEPT'],
  [
    ...C('kubernetes forwarding conntrack rule'),
    '-m',
    'conntrack',
    '--ctstate',
    'RELATED,ESTABLISHED',
    '-j',
    'ACCEPT',
  ],
];
const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];

/** The chains every node has whatever its Services (the aggregate KUBE-SERVICES… are filled by `aggregate`). */
export function staticTables(
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
    ...KUBE_FORWARD_ACCEPT.map((args) => makeRule('KUBE-FORWARD', args)),
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
