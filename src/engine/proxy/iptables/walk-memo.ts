/**
 * Remembered walks. A walk through a top-level chain (nat PREROUTING, filter FORWARD, nat POSTROUTING …)
 * that met no `-m statistic` draw and no `-m recent` list is a function of the rules and the packet's
 * addresses, port, protocol, mark and conntrack state alone (kube-proxy's rules never match the source
 * port). The first such walk records what it did (the rules that matched, the rewrites, the verdict) on the
 * node's rules, and the same packet later replays that record instead of evaluating the same rules again:
 * the packets of a `curl --count` still take the path the rules give, but the node a request is forwarded
 * through, and the filter and POSTROUTING chains after a Service's DNAT, are evaluated once per destination.
 * A walk that drew a random number or read an affinity list is never recorded: each request walks it anew.
 *
 * The record lives on the NodeRules it was made from (the simulation world's rules cache); `updateNodeRules`
 * drops it, since an edit changes the rules in place. Keys are nested maps of the strings the packet
 * already holds, so looking a walk up allocates nothing.
 *
 * @example
 * const hit = recalled(rules, 'nat', 'POSTROUTING', pkt); // a WalkMemoEntry once a stateless walk was recorded
 * if (!hit) remember(rules, 'nat', 'POSTROUTING', pkt, entry);
 */
import type { NodeRules, TableName, WalkMemoEntry, WalksBySource } from '../shared/types';
import type { WalkPacket } from './match';

/** The most records a node's rules keep (clients × destinations); past that the record starts again. */
const WALKS_MAX = 20_000;

const PROTOCOLS: Record<string, number> = { tcp: 0, udp: 1, sctp: 2, icmp: 3 };

/** Port, protocol, conntrack state and mark in one number (53 bits: mark 32, port 16, protocol 3, DNAT 1). */
function rest(p: WalkPacket): number {
  const proto = PROTOCOLS[p.protocol] ?? 7;
  return ((p.mark >>> 0) * 65536 + p.dstPort) * 16 + proto * 2 + (p.dnat ? 1 : 0);
}

function byChain(rules: NodeRules, table: TableName, chain: string): WalksBySource | undefined {
  return rules.walks?.[table].get(chain);
}

/** The record of a stateless walk of `table`/`chain` by this packet, if one was made. */
export function recalled(
  rules: NodeRules,
  table: TableName,
  chain: string,
  p: WalkPacket,
): WalkMemoEntry | undefined {
  return byChain(rules, table, chain)?.get(p.src)?.get(p.dst)?.get(rest(p));
}

/** Keeps a stateless walk's record (`p` as it entered the chain). */
export function remember(
  rules: NodeRules,
  table: TableName,
  chain: string,
  p: WalkPacket,
  entry: WalkMemoEntry,
): void {
  let walks = rules.walks;
  if (!walks || walks.size >= WALKS_MAX) walks = rules.walks = { nat: new Map(), filter: new Map(), size: 0 };
  let bySrc = walks[table].get(chain);
  if (!bySrc) walks[table].set(chain, (bySrc = new Map()));
  let byDst = bySrc.get(p.src);
  if (!byDst) bySrc.set(p.src, (byDst = new Map()));
  let byRest = byDst.get(p.dst);
  if (!byRest) byDst.set(p.dst, (byRest = new Map()));
  byRest.set(rest(p), entry);
  walks.size++;
}
