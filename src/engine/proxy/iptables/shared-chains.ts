/**
 * The chains every Service port writes into (nat KUBE-SERVICES and KUBE-NODEPORTS; filter KUBE-SERVICES,
 * KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS and KUBE-PROXY-FIREWALL), filled in Service order from the ports'
 * fragments, and KUBE-SERVICES' last rule: the tail call to KUBE-NODEPORTS ("Finally, tail-call to the
 * nodePorts chain" in syncProxyRules).
 *
 * @example
 * writeSharedChains(set, ctx, nodePortAddresses, nat, filter);
 * nat.byName.get('KUBE-SERVICES')!.rules.at(-1)!.text; // "-A KUBE-SERVICES -m comment --comment … -j KUBE-NODEPORTS"
 */
import type { FragmentSet } from '../incremental/fragment-set';
import { nodePortIPs, nodePortIPs6, nodePortMatchAll, nodePortMatchAll6 } from '../shared/node-info';
import { makeRule } from '../shared/rule';
import type { Chain, IptablesTable, Rule, TableName } from '../shared/types';
import { indexChain } from './chain-index';
import type { ProxyContext, ServiceFragment } from './service';

/** The fragment fields that hold a port's rules in the shared chains. */
export type SharedChainField =
  'natServices' | 'natNodePorts' | 'filterServices' | 'filterExternal' | 'filterNodePorts' | 'filterFirewall';

/** Each shared chain: its table, its name and the fragment field with a port's rules in it. */
export const SHARED_CHAINS: readonly (readonly [TableName, string, SharedChainField])[] = [
  ['nat', 'KUBE-SERVICES', 'natServices'],
  ['nat', 'KUBE-NODEPORTS', 'natNodePorts'],
  ['filter', 'KUBE-SERVICES', 'filterServices'],
  ['filter', 'KUBE-EXTERNAL-SERVICES', 'filterExternal'],
  ['filter', 'KUBE-NODEPORTS', 'filterNodePorts'],
  ['filter', 'KUBE-PROXY-FIREWALL', 'filterFirewall'],
];

/**
 * Replaces a top-level chain with fresh rules (a new Chain object, so stale lookups are dropped).
 *
 * @example
 * setRules(nat, 'KUBE-NODEPORTS', []);
 */
export function setRules(t: IptablesTable, name: string, rules: Rule[]): void {
  const fresh: Chain = { name, builtin: false, rules };
  t.byName.set(name, fresh);
  const i = t.chains.findIndex((c) => c.name === name);
  if (i >= 0) t.chains[i] = fresh;
}

const C = (comment: string): string[] => ['-m', 'comment', '--comment', comment];

/** The last rules of KUBE-SERVICES: to KUBE-NODEPORTS for local destinations (or the NodePort addresses). */
function nodePortsTailCall(ctx: ProxyContext, nodePortAddresses: readonly string[]): Rule[] {
  const tail = C('kubernetes service nodeports; NOTE: this must be the last rule in this chain');
  const v6 = ctx.family === 'IPv6';
  if (v6 ? nodePortMatchAll6(nodePortAddresses) : nodePortMatchAll(nodePortAddresses)) {
    const dest = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    // "For IPv6 they never work": localhost NodePorts are blocked on IPv6 whatever the setting.
    if (v6) dest.push('!', '-d', '::1/128');
    else if (!ctx.localhostNodePorts) dest.push('!', '-d', '127.0.0.0/8');
    return [makeRule('KUBE-SERVICES', [...tail, ...dest, '-j', 'KUBE-NODEPORTS'], undefined, ctx.family)];
  }
  const out: Rule[] = [];
  const ips = v6 ? nodePortIPs6(ctx.nodeIP, nodePortAddresses) : nodePortIPs(ctx.nodeIP, nodePortAddresses);
  for (const ip of ips) {
    if (ip.startsWith('127.') && !ctx.localhostNodePorts) continue;
    out.push(makeRule('KUBE-SERVICES', [...tail, '-d', ip, '-j', 'KUBE-NODEPORTS']));
  }
  return out;
}

/**
 * Fills the shared chains from the node's fragments, in Service order, and indexes the long ones (so the
 * first trace after a build is fast; an edit keeps the lookup in step: chain-index.ts spliceIndex).
 *
 * @example
 * writeSharedChains(set, ctx, cluster.config.proxy.nodePortAddresses, tables.nat, tables.filter);
 */
export function writeSharedChains(
  fragments: FragmentSet<ServiceFragment>,
  ctx: ProxyContext,
  nodePortAddresses: readonly string[],
  nat: IptablesTable,
  filter: IptablesTable,
): void {
  const lists = SHARED_CHAINS.map((): Rule[] => []);
  for (const f of fragments.fragments())
    for (let i = 0; i < SHARED_CHAINS.length; i++) {
      const from = f[SHARED_CHAINS[i]![2]];
      const to = lists[i]!;
      for (let j = 0; j < from.length; j++) to.push(from[j]!);
    }
  lists[0]!.push(...nodePortsTailCall(ctx, nodePortAddresses));
  SHARED_CHAINS.forEach(([table, name], i) => {
    const t = table === 'nat' ? nat : filter;
    setRules(t, name, lists[i]!);
    indexChain(t.byName.get(name)!);
  });
}
