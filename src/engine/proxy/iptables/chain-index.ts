/**
 * A lookup over a long chain (KUBE-SERVICES holds a rule per Service IP and port) so a walk visits only the
 * rules that could match a packet, in chain order. The index only skips rules whose exact destination
 * address/port/protocol cannot match; every visited rule is still evaluated in full.
 *
 * @example
 * candidateRules(chain, '10.96.0.10', 53, 'udp'); // [4, 5, 1200] (sorted rule indexes)
 */
import type { Chain, ChainIndex } from '../shared/types';

/** Chains shorter than this are simply scanned. */
const INDEX_MIN_RULES = 24;

/** The most destinations whose merged rule list a chain keeps. */
const MERGED_MAX = 20_000;

function isExactIp(cidr: string): string | undefined {
  if (!cidr.includes('/')) return cidr;
  return cidr.endsWith('/32') ? cidr.slice(0, -3) : undefined;
}

function buildIndex(chain: Chain): ChainIndex {
  const byDest = new Map<string, number[]>();
  const generic: number[] = [];
  chain.rules.forEach((r, i) => {
    const fast = (r as { destKey?: () => string | undefined }).destKey;
    if (fast) {
      const key = fast.call(r);
      if (key === undefined) return void generic.push(i);
      const list = byDest.get(key);
      if (list) list.push(i);
      else byDest.set(key, [i]);
      return;
    }
    const m = r.match;
    if (m.dport === undefined || m.protocol === undefined) return void generic.push(i);
    const exact = m.dst && !m.dst.negate ? isExactIp(m.dst.cidr) : undefined;
    const key = `${exact ?? '*'}|${m.dport}|${m.protocol}`;
    const list = byDest.get(key);
    if (list) list.push(i);
    else byDest.set(key, [i]);
  });
  return { byDest, generic };
}

function mergeSorted(lists: number[][]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return nonEmpty.flat().sort((a, b) => a - b);
}

/**
 * Builds a long chain's lookup now (from the rules' tokens, without parsing them), so the first trace after
 * a rebuild does not pay for it.
 *
 * @example
 * indexChain(nat.byName.get('KUBE-SERVICES')!);
 */
export function indexChain(chain: Chain): void {
  if (chain.rules.length >= INDEX_MIN_RULES) chain.index ??= buildIndex(chain);
}

/**
 * The indexes of the rules in `chain` that could match a packet to dst:dport/proto, in order; undefined
 * for a short chain: walk every rule.
 */
export function candidateRules(
  chain: Chain,
  dst: string,
  dport: number,
  proto: string,
): number[] | undefined {
  if (chain.rules.length < INDEX_MIN_RULES) return undefined;
  const idx = (chain.index ??= buildIndex(chain));
  const key = `${dst}|${dport}|${proto}`;
  const merged = (idx.merged ??= new Map());
  let rules = merged.get(key);
  if (rules === undefined) {
    // Kept per destination asked (Service ports and pod addresses: a few thousand at most; past that the
    // memo starts again rather than grow with every address a fuzzer invents).
    if (merged.size >= MERGED_MAX) merged.clear();
    rules = mergeSorted([
      idx.byDest.get(key) ?? [],
      idx.byDest.get(`*|${dport}|${proto}`) ?? [],
      idx.generic,
    ]);
    merged.set(key, rules);
  }
  return rules;
}

/** True when some rule in the chain captures this exact address (any port): "a Service IP". */
export function chainMentionsIp(chain: Chain, ip: string): boolean {
  const idx = (chain.index ??= buildIndex(chain));
  // Asked for every packet no rule captured (a reply, a pod IP): one set, not a scan of every key.
  idx.ips ??= new Set([...idx.byDest.keys()].map((key) => key.slice(0, key.indexOf('|'))));
  return idx.ips.has(ip);
}
