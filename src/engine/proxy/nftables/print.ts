/**
 * `nft list ruleset` for kube-proxy's table, as nft (1.x) prints it: a tab-indented table block, objects in
 * creation order separated by blank lines, base chains with `type … hook … priority …; policy accept;`
 * (standard priorities by name where nft names them: dstnat only on prerouting/output-nat… see prio()),
 * marks as 0x%08x, single-element anonymous sets without braces, and set elements wrapped as nft wraps them
 * (two addresses per line; one concatenation per line).
 *
 * @example
 * nftListRuleset(rules.nft!);
 * // "table ip kube-proxy {\n\tcomment \"rules for kube-proxy\"\n\tset cluster-ips {\n…"
 */
import { anyCidrSize, nthAddressText, parseAnyCidr, type AnyCidr } from '../../net/ip6';
import type { NftChain, NftElement, NftRule, NftSet, NftTable } from './types';

/** The table family a rule is written in: it names the address match (`ip daddr` / `ip6 daddr`). */
export type NftFamily = NftTable['family'];

const hex8 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/**
 * An anonymous set's elements as the kernel hands them back to `nft list`: intervals in address order,
 * overlapping and adjacent ones merged, each printed as a prefix where it is one (a single address bare),
 * else as a range. Checked against nft 1.0.6: `{ 10.96.0.0/13, 10.104.0.0/13 }` lists as
 * `{ 10.96.0.0/12 }`, `{ 1.2.3.4/32, 1.2.3.5/32 }` as `{ 1.2.3.4/31 }`.
 */
function listed(cidrs: string[]): string[] {
  const spans: { c: AnyCidr; lo: bigint; hi: bigint }[] = [];
  for (const text of cidrs) {
    const c = parseAnyCidr(text);
    if (!c) return cidrs;
    spans.push({ c, lo: c.base, hi: c.base + anyCidrSize(c) - 1n });
  }
  spans.sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.lo <= last.hi + 1n) {
      if (s.hi > last.hi) last.hi = s.hi;
    } else merged.push({ ...s });
  }
  return merged.map(({ c, lo, hi }) => {
    const at = (v: bigint) => nthAddressText(c, v - c.base);
    const size = hi - lo + 1n;
    if ((size & (size - 1n)) !== 0n || lo % size !== 0n) return `${at(lo)}-${at(hi)}`;
    const prefix = c.bits - (size.toString(2).length - 1);
    return prefix === c.bits ? at(lo) : `${at(lo)}/${prefix}`;
  });
}

function addrs(a: { cidrs: string[]; negate?: boolean }): string {
  const elements = listed(a.cidrs);
  // nft makes a one-element set a plain match; a set keeps its braces even when it merged to one interval.
  const v = a.cidrs.length === 1 ? elements[0]! : `{ ${elements.join(', ')} }`;
  return a.negate ? `!= ${v}` : v;
}

/**
 * The text of one rule, as nft lists it; `family` 'ip6' writes the IPv6 proxier's matches (setupNFTables'
 * ipX and noLocalhost: `ip6 daddr`, `ip6 daddr != ::1`).
 */
export function nftRuleText(r: Omit<NftRule, 'text' | 'chain'>, family: NftFamily = 'ip'): string {
  const m = r.match;
  const ipX = family;
  const parts: string[] = [];
  if (m.fibDaddrLocalNotLoopback)
    parts.push(`fib daddr type local ${ipX} daddr != ${ipX === 'ip' ? '127.0.0.0/8' : '::1'}`);
  if (m.ctNew) parts.push('ct state new');
  if (m.daddrSet) parts.push(`${ipX} daddr @${m.daddrSet}`);
  if (m.daddr) parts.push(`${ipX} daddr ${addrs(m.daddr)}`);
  if (m.dport) parts.push(`${m.dport.proto} dport ${m.dport.port}`);
  if (m.saddr) parts.push(`${ipX} saddr ${addrs(m.saddr)}`);
  if (m.saddrSet) parts.push(`${ipX} saddr @${m.saddrSet}`);
  if (m.fibSaddrLocal) parts.push('fib saddr type local');
  if (m.markClear !== undefined) parts.push(`meta mark & ${hex8(m.markClear)} == ${hex8(0)}`);
  const s = r.stmt;
  if (s && 'markOr' in s) parts.push(`meta mark set meta mark | ${hex8(s.markOr)}`);
  if (s && 'markXor' in s) parts.push(`meta mark set meta mark ^ ${hex8(s.markXor)}`);
  if (s && 'update' in s) parts.push(`update @${s.update} { ${ipX} saddr }`);
  const v = r.verdict;
  switch (v.kind) {
    case 'jump':
    case 'goto':
      parts.push(`${v.kind} ${v.chain}`);
      break;
    case 'vmap':
      parts.push(
        `${v.key === 'daddr.proto.dport' ? `${ipX} daddr . ` : ''}meta l4proto . th dport vmap @${v.map}`,
      );
      break;
    case 'numgen':
      parts.push(
        `numgen random mod ${v.targets.length} vmap { ${v.targets.map((t, i) => `${i} : goto ${t}`).join(', ')} }`,
      );
      break;
    case 'dnat':
      parts.push(`meta l4proto ${v.proto} dnat to ${v.to}`);
      break;
    case 'masquerade':
      parts.push('masquerade fully-random');
      break;
    case 'continue':
      break;
    default:
      parts.push(v.kind);
  }
  if (r.comment !== undefined) parts.push(`comment "${r.comment}"`);
  return parts.join(' ');
}

const STD_PRIOS: [number, string, string[]][] = [
  [-300, 'raw', []],
  [-150, 'mangle', []],
  // nft names dstnat/srcnat only on the hooks where NAT at that priority exists.
  [-100, 'dstnat', ['prerouting']],
  [0, 'filter', []],
  [50, 'security', []],
  [100, 'srcnat', ['postrouting']],
];

/** A base chain's priority as nft prints it: "dstnat", "dstnat - 10", "filter", or the number. */
export function prio(priority: number, hook: string): string {
  for (const [value, name, hooks] of STD_PRIOS) {
    if (hooks.length > 0 && !hooks.includes(hook)) continue;
    const off = priority - value;
    if (off === 0) return name;
    if (Math.abs(off) <= 10) return `${name} ${off < 0 ? '-' : '+'} ${Math.abs(off)}`;
  }
  return String(priority);
}

/** nft's time format: 10800 → "3h", 90 → "1m30s". */
export function nftTime(seconds: number): string {
  let s = seconds;
  let out = '';
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (s >= size) {
      out += `${Math.floor(s / size)}${unit}`;
      s %= size;
    }
  }
  if (s > 0 || out === '') out += `${s}s`;
  return out;
}

const WRAP = ',\n\t\t\t     ';

function elementText(e: NftElement): string {
  return `${e.key}${e.comment !== undefined ? ` comment "${e.comment}"` : ''}${e.verdict !== undefined ? ` : ${e.verdict}` : ''}`;
}

function setLines(s: NftSet, extra: NftElement[]): string[] {
  const lines = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.type}`];
  // nft gives a set updated from the packet path (`update @set`, flag dynamic) a size when the ruleset
  // names none, and lists it: kube-proxy's affinity sets print `size 65535` (checked against the kernel).
  if (s.flags?.includes('dynamic')) lines.push('\t\tsize 65535');
  if (s.flags) lines.push(`\t\tflags ${s.flags.join(',')}`);
  if (s.timeout !== undefined) lines.push(`\t\ttimeout ${nftTime(s.timeout)}`);
  if (s.comment !== undefined) lines.push(`\t\tcomment "${s.comment}"`);
  const els = [...s.elements, ...extra];
  if (els.length > 0) {
    // nft wraps IPv4 addresses two to a line, IPv6 addresses and concatenations one to a line.
    const perLine = s.type === 'ipv4_addr' ? 2 : 1;
    let text = '';
    els.forEach((e, i) => {
      if (i > 0) text += i % perLine === 0 ? WRAP : ', ';
      text += elementText(e);
    });
    lines.push(`\t\telements = { ${text} }`);
  }
  lines.push('\t}');
  return lines;
}

function chainLines(c: NftChain): string[] {
  const lines = [`\tchain ${c.name} {`];
  if (c.base)
    lines.push(
      `\t\ttype ${c.base.type} hook ${c.base.hook} priority ${prio(c.base.priority, c.base.hook)}; policy accept;`,
    );
  if (c.comment !== undefined) lines.push(`\t\tcomment "${c.comment}"`);
  for (const r of c.rules) lines.push(`\t\t${r.text}`);
  lines.push('\t}');
  return lines;
}

/**
 * The table as `nft list ruleset` prints it (a dual-stack node's ruleset is its `ip` table then its `ip6`
 * table, one after the other: nft puts no blank line between tables). `dynamic` adds elements the packet path put in dynamic sets
 * (affinity sets: "10.0.0.2 timeout 3h expires 2h59m50s").
 */
export function nftListRuleset(t: NftTable, dynamic: Map<string, NftElement[]> = new Map()): string {
  const blocks: string[] = [];
  for (const o of t.objects) {
    if ('set' in o) blocks.push(setLines(o.set, dynamic.get(o.set.name) ?? []).join('\n'));
    else blocks.push(chainLines(o.chain).join('\n'));
  }
  return `table ${t.family} ${t.name} {\n\tcomment "${t.comment}"\n${blocks.join('\n\n')}\n}\n`;
}
