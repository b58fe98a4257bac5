/**
 * A lookup over a long chain (KUBE-SERVICES holds a rule per Service IP and port) so a walk visits only the
 * rules that could match a packet, in chain order. The index only skips rules whose exact destination
 * address/port/protocol cannot match; every visited rule is still evaluated in full.
 *
 * @example
 * candidateRules(chain, '10.96.0.10', 53, 'udp'); // [4, 5, 1200] (sorted rule indexes)
 */
import type { Chain, ChainIndex, Rule } from '../shared/types';

/** Chains shorter than this are simply scanned. */
const INDEX_MIN_RULES = 24;

/** The most destinations whose merged rule list a chain keeps. */
const MERGED_MAX = 20_000;

function isExactIp(cidr: string): string | undefined {
  if (!cidr.includes('/')) return cidr;
  return cidr.endsWith('/32') ? cidr.slice(0, -3) : undefined;
}

/** The bucket a rule is filed under ("ip|port|proto", ip "*" for port-only rules), or undefined: generic. */
function bucketOf(r: Rule): string | undefined {
  const fast = (r as { destKey?: () => string | undefined }).destKey;
  if (fast) return fast.call(r);
  const m = r.match;
  if (m.dport === undefined || m.protocol === undefined) return undefined;
  const exact = m.dst && !m.dst.negate ? isExactIp(m.dst.cidr) : undefined;
  return `${exact ?? '*'}|${m.dport}|${m.protocol}`;
}

function buildIndex(chain: Chain): ChainIndex {
  const byDest = new Map<string, number[]>();
  const generic: number[] = [];
  chain.rules.forEach((r, i) => {
    const key = bucketOf(r);
    if (key === undefined) return void generic.push(i);
    const list = byDest.get(key);
    if (list) list.push(i);
    else byDest.set(key, [i]);
  });
  return { byDest, generic };
}

/** Drops the positions in [at, end) from a sorted list and moves the ones after by `delta`, in place. */
function shift(list: number[], at: number, end: number, delta: number): void {
  if (list.length === 0 || list[list.length - 1]! < at) return; // all before the splice: unmoved
  let w = 0;
  for (let r = 0; r < list.length; r++) {
    const x = list[r]!;
    if (x < at) list[w++] = x;
    else if (x >= end) list[w++] = x + delta;
  }
  list.length = w;
}

/** Where `pos` is, or would go, in a sorted list of positions. */
function lowerBound(list: number[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Puts `pos` into a sorted list of positions. */
function insertSorted(list: number[], pos: number): void {
  list.splice(lowerBound(list, pos), 0, pos);
}

function ipOfBucket(key: string): string {
  return key.slice(0, key.indexOf('|'));
}

/** The address set's count for `ip` goes up or down by one bucket (when the set is made). */
function countIp(idx: ChainIndex, key: string, by: 1 | -1): void {
  if (!idx.ips) return;
  const ip = ipOfBucket(key);
  const n = (idx.ips.get(ip) ?? 0) + by;
  if (n > 0) idx.ips.set(ip, n);
  else idx.ips.delete(ip);
}

/**
 * spliceIndex when as many rules come in as go out (a Service's spec edited: its KUBE-SERVICES rules are
 * made again, as many as before): no other rule moves, so only the buckets of the rules replaced change,
 * and only the answers that read them are dropped — not every bucket of a 10,000-Service chain walked to
 * move positions that do not move.
 */
function replaceInPlace(idx: ChainIndex, at: number, removed: readonly Rule[], added: readonly Rule[]): void {
  let everyAnswer = false;
  const answers: string[] = [];
  removed.forEach((r, i) => {
    const key = bucketOf(r);
    const list = key === undefined ? idx.generic : idx.byDest.get(key);
    if (list === undefined) return;
    const p = lowerBound(list, at + i);
    if (list[p] === at + i) list.splice(p, 1);
    if (key === undefined || ipOfBucket(key) === '*') everyAnswer = true;
    else answers.push(key);
    if (key !== undefined && list.length === 0) {
      idx.byDest.delete(key);
      countIp(idx, key, -1);
    }
  });
  added.forEach((r, i) => {
    const key = bucketOf(r);
    if (key === undefined || ipOfBucket(key) === '*') everyAnswer = true;
    else answers.push(key);
    if (key === undefined) return void insertSorted(idx.generic, at + i);
    const list = idx.byDest.get(key);
    if (list) return void insertSorted(list, at + i);
    idx.byDest.set(key, [at + i]);
    countIp(idx, key, 1);
  });
  // candidateRules' answer for "ip|port|proto" reads that bucket, the port-only one and the generic
  // rules: a changed exact bucket drops its own answer, any other change every answer.
  if (everyAnswer) idx.merged?.clear();
  else for (const key of answers) idx.merged?.delete(key);
}

/**
 * Keeps a chain's lookup in step with `rules.splice(at, removed.length, ...added)` (an edit replacing one
 * Service's rules in KUBE-SERVICES), so the first trace after the edit does not index the whole chain
 * again: the removed rules leave their buckets, every later position moves by the difference, the added
 * rules join theirs. The per-destination answers are dropped (made again on first use).
 *
 * @example
 * const removed = chain.rules.splice(at, old.length, ...fresh);
 * if (chain.index) spliceIndex(chain.index, at, removed, fresh);
 */
export function spliceIndex(
  idx: ChainIndex,
  at: number,
  removed: readonly Rule[],
  added: readonly Rule[],
): void {
  if (added.length === removed.length) return void replaceInPlace(idx, at, removed, added);
  const end = at + removed.length;
  const delta = added.length - removed.length;
  const emptied = new Set<string>();
  for (const r of removed) {
    const key = bucketOf(r);
    if (key !== undefined) emptied.add(key);
  }
  for (const [key, list] of idx.byDest) {
    shift(list, at, end, delta);
    if (list.length > 0) emptied.delete(key);
  }
  shift(idx.generic, at, end, delta);
  for (const key of emptied) {
    if (idx.byDest.get(key)?.length !== 0) continue;
    idx.byDest.delete(key);
    const ip = ipOfBucket(key);
    const n = idx.ips?.get(ip);
    if (n !== undefined) {
      if (n > 1) idx.ips!.set(ip, n - 1);
      else idx.ips!.delete(ip);
    }
  }
  added.forEach((r, i) => {
    const key = bucketOf(r);
    if (key === undefined) return void insertSorted(idx.generic, at + i);
    const list = idx.byDest.get(key);
    if (list) return void insertSorted(list, at + i);
    idx.byDest.set(key, [at + i]);
    if (idx.ips) {
      const ip = ipOfBucket(key);
      idx.ips.set(ip, (idx.ips.get(ip) ?? 0) + 1);
    }
  });
  idx.merged?.clear();
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
  if (!idx.ips) {
    idx.ips = new Map();
    for (const key of idx.byDest.keys()) {
      const at = ipOfBucket(key);
      idx.ips.set(at, (idx.ips.get(at) ?? 0) + 1);
    }
  }
  return idx.ips.has(ip);
}
