/**
 * Whether one iptables rule's matches hold for a packet, exactly as netfilter evaluates them: every match
 * must hold; `!` negates; `-m statistic --mode random` draws from the seeded Rng; `-m recent` reads and
 * writes the node's xt_recent lists (keyed by source address, timestamps in simulated seconds).
 *
 * @example
 * ruleMatches(rule, packetCtx, env); // true when all of the rule's matches hold
 */
import { ip4InCidr } from '../../net/ip';
import { ipInCidr } from '../../net/ip6';
import type { Rng } from '../../util/rng';
import type { RuleMatch } from '../shared/types';

/** The packet as netfilter sees it during the walk (dst changes on DNAT). */
export interface WalkPacket {
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
  protocol: string; // "tcp" | "udp" | "sctp" | "icmp"
  mark: number;
  /**
   * conntrack's state of the walked packet: always a connection's first packet (NEW), DNATed once a
   * DNAT rule rewrote it (`-m conntrack --ctstate DNAT`).
   */
  dnat: boolean;
}

/** Whether the packet is in one of conntrack `states` (the walk sees first packets: NEW, maybe DNAT). */
function inAnyState(states: readonly string[], pkt: WalkPacket): boolean {
  for (const s of states) if (s === 'NEW' || (s === 'DNAT' && pkt.dnat)) return true;
  return false;
}

export interface MatchEnv {
  isLocal: (ip: string) => boolean;
  rng: Rng;
  now: number;
  /** This node's xt_recent lists: list name → source IP → last seen. */
  recent: Map<string, Map<string, number>>;
  /** The packet entered through the pod bridge (`-m physdev --physdev-is-in`). */
  fromBridge?: (ip: string) => boolean;
  /** ipset membership test (IPVS mode). */
  inSet?: (name: string, flags: string, pkt: WalkPacket) => boolean;
  /** Set when a `-m recent --rcheck` matched: which list. */
  recentHit?: string;
  /**
   * Set when a match read or wrote state beyond the packet and the rules (a `-m statistic` draw, a
   * `-m recent` list): such a walk cannot be remembered (walk-memo.ts).
   */
  stateful?: boolean;
}

function inAddr(cidrText: string, ip: string): boolean {
  if (ip.includes(':') || cidrText.includes(':')) return ipInCidr(ip, cidrText);
  return ip4InCidr(ip, cidrText);
}

/** Evaluates the matches of a rule in the order iptables does; side effects (recent --set) only when all hold. */
export function ruleMatches(m: RuleMatch, pkt: WalkPacket, env: MatchEnv): boolean {
  if (m.protocol !== undefined && m.protocol !== pkt.protocol) return false;
  if (m.dport !== undefined && m.dport !== pkt.dstPort) return false;
  if (m.dports !== undefined && !m.dports.includes(pkt.dstPort)) return false;
  if (m.dst !== undefined && inAddr(m.dst.cidr, pkt.dst) === !!m.dst.negate) return false;
  if (m.src !== undefined && inAddr(m.src.cidr, pkt.src) === !!m.src.negate) return false;
  if (m.srcType !== undefined && env.isLocal(pkt.src) === !!m.srcType.negate) return false;
  if (m.dstType !== undefined && env.isLocal(pkt.dst) === !!m.dstType.negate) return false;
  if (m.mark !== undefined && ((pkt.mark & m.mark.mask) >>> 0 === m.mark.value) === !!m.mark.negate)
    return false;
  if (m.ctstate !== undefined && inAnyState(m.ctstate.states, pkt) === !!m.ctstate.negate) return false;
  if (m.physdevIsIn !== undefined && (env.fromBridge?.(pkt.src) ?? false) === !!m.physdevIsIn.negate)
    return false;
  if (m.set !== undefined && (env.inSet?.(m.set.name, m.set.flags, pkt) ?? false) === !!m.set.negate)
    return false;
  if (m.recent !== undefined && m.recent.op === 'rcheck') {
    env.stateful = true;
    const list = env.recent.get(m.recent.name);
    const seen = list?.get(pkt.src);
    const fresh =
      seen !== undefined && (m.recent.seconds === undefined || env.now - seen <= m.recent.seconds);
    if (m.recent.reap && list && m.recent.seconds !== undefined)
      for (const [ip, t] of list) if (env.now - t > m.recent.seconds) list.delete(ip);
    if (!fresh) return false;
    env.recentHit = m.recent.name;
  }
  // The statistic match draws only when everything before it held, as the kernel evaluates matches in order.
  if (m.probability !== undefined) {
    env.stateful = true;
    if (!(env.rng.next() < m.probability)) return false;
  }
  if (m.recent !== undefined && m.recent.op === 'set') {
    env.stateful = true;
    let list = env.recent.get(m.recent.name);
    if (!list) env.recent.set(m.recent.name, (list = new Map()));
    list.set(pkt.src, env.now);
  }
  return true;
}
