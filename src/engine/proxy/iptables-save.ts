/**
 * `iptables-save` output for a node's rules: `*filter` then `*nat`, each with its `:CHAIN` lines, its `-A`
 * lines grouped by chain, and `COMMIT`. Chains come in the order kube-proxy's own tests print them
 * (KUBE-NODEPORTS, KUBE-SERVICES, then the rest alphabetically), after the built-in chains.
 *
 * @example
 * iptablesSave(buildNodeRules(cluster, 'node-1'));
 * // "*filter\n:INPUT ACCEPT [0:0]\n…\n-A KUBE-SERVICES -m comment --comment \"ns6/svc6:p80 has no endpoints\" … -j REJECT\nCOMMIT\n*nat\n…"
 */
import type { Chain, IptablesTable, NodeRules } from './types';

export interface SaveOptions {
  /** Print the built-in chains and kube-proxy's jump rules in them (a real node shows them). Default true. */
  builtins?: boolean;
}

const FIRST = ['KUBE-NODEPORTS', 'KUBE-SERVICES'];

/** Chains in print order: built-ins as created, KUBE-NODEPORTS, KUBE-SERVICES, then alphabetical. */
export function chainPrintOrder(t: IptablesTable, options: SaveOptions = {}): Chain[] {
  const builtins = options.builtins === false ? [] : t.chains.filter((c) => c.builtin);
  const first = FIRST.map((n) => t.byName.get(n)).filter((c): c is Chain => c !== undefined);
  const rest = [...t.byName.values()]
    .filter((c) => !c.builtin && !FIRST.includes(c.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...first, ...rest];
}

function saveTable(t: IptablesTable, options: SaveOptions): string[] {
  const chains = chainPrintOrder(t, options);
  const lines = [`*${t.name}`];
  for (const c of chains) lines.push(c.builtin ? `:${c.name} ACCEPT [0:0]` : `:${c.name} - [0:0]`);
  for (const c of chains) for (const r of c.rules) lines.push(r.text);
  lines.push('COMMIT');
  return lines;
}

/** The node's filter and nat tables as iptables-save prints them. */
export function iptablesSave(rules: NodeRules, options: SaveOptions = {}): string {
  return [...saveTable(rules.filter, options), ...saveTable(rules.nat, options)].join('\n') + '\n';
}
