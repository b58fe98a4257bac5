/**
 * Each node's connection-tracking table (netfilter conntrack), as the data plane keeps it between requests.
 * A connection's first packet goes through kube-proxy's rules and the NAT they chose is stored here; later
 * packets of the same flow follow the entry, and replies are un-NATed from it. `conntrackList` prints the
 * table the way `conntrack -L` does.
 *
 * Timeouts are the kernel's (`nf_conntrack_*_timeout_*`) with kube-proxy's overrides: TCP established
 * 86400 s (`conntrack.tcpEstablishedTimeout` 24h) and close-wait 3600 s; SYN_SENT and TIME_WAIT 120 s;
 * UDP 30 s until the flow is a stream; ICMP 30 s.
 *
 * @example
 * const e = ctCreate(world.conntrack, 'node-1', orig, natted, world.clock);
 * ctReplySeen(e, world.clock);
 * conntrackList(world.conntrack, 'node-1', world.clock);
 * // "tcp      6 86400 ESTABLISHED src=10.244.0.5 dst=10.96.0.10 sport=41234 dport=80 src=10.244.1.5 …"
 */
import type { ClusterState } from '../cluster/state';
import type { IpvsConnectionRef } from '../proxy';
import type { Packet } from '../net/packet';
import { reversed } from '../net/packet';
import { createMinHeap, type MinHeap } from '../util/min-heap';

export const CT_TIMEOUT = {
  tcpSynSent: 120,
  tcpEstablished: 86400, // kube-proxy --conntrack-tcp-timeout-established=24h
  tcpTimeWait: 120,
  tcpClose: 10,
  udpUnreplied: 30,
  udpStream: 120,
  icmp: 30,
} as const;

export type TcpState = 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';

export interface ConntrackEntry {
  id: number; // creation order, for stable printing
  node: string; // "node-1"
  /** The tuple as the first packet arrived on this node (before any NAT). */
  orig: Packet;
  /** The tuple a reply must have to belong to this flow (after NAT: from the endpoint to the SNAT address). */
  reply: Packet;
  state?: TcpState; // TCP and SCTP only
  expires: number; // simulated seconds
  seenReply: boolean;
  assured: boolean;
  /** Packets seen in the original direction (UDP becomes a stream after more than one exchange). */
  packets: number;
  /** IPVS: the real-server connection this flow holds, released when it closes. */
  ipvs?: IpvsConnectionRef;
  /** For traces: the Service port and the rule text that decided the NAT. */
  service?: string;
  rule?: string;
  /** The entry's two keys in its node's table (the original tuple, the reply tuple reversed), made once. */
  keys: readonly [string, string];
}

export interface ConntrackTables {
  nextId: number;
  /** Per node: tuple key (either direction) → entry. */
  byNode: Map<string, Map<string, ConntrackEntry>>;
  /**
   * Per node: entries by the expiry they had when it was last set lower (an entry whose timeout was since
   * extended is put back at its new expiry when reached), so expiring looks at the due entries only instead
   * of scanning the table on every packet once the first one is due (10,000 requests leave thousands of
   * TIME_WAIT entries behind).
   */
  expiry: Map<string, MinHeap<ConntrackEntry>>;
  /** Per node: the cluster state kube-proxy last synced to (its stale UDP entries are cleaned then). */
  syncedWith: Map<string, ClusterState>;
  /** Per node: flows whose entry kube-proxy's cleanup deleted, by original tuple, until their next packet. */
  cleared: Map<string, Map<string, ClearedFlow>>;
}

/** A UDP flow whose entry kube-proxy deleted: the endpoint it went to, no longer serving its Service port. */
export interface ClearedFlow {
  endpoint: string; // "10.244.1.2"
  port: number; // 53
  service: string; // "kube-system/kube-dns:dns"
}

export function createConntrack(): ConntrackTables {
  return { nextId: 1, byNode: new Map(), expiry: new Map(), syncedWith: new Map(), cleared: new Map() };
}

/**
 * The flow of packet `p` had its entry deleted by kube-proxy's cleanup on `node`: what it went to (told
 * once, to the packet that starts the flow again).
 *
 * @example ctTakeCleared(ct, 'node-1', retry)?.endpoint // "10.244.1.2"
 */
export function ctTakeCleared(ct: ConntrackTables, node: string, p: Packet): ClearedFlow | undefined {
  const flows = ct.cleared.get(node);
  if (!flows || flows.size === 0) return undefined;
  const k = key(p);
  const flow = flows.get(k);
  if (flow) flows.delete(k);
  return flow;
}

function noteExpiry(ct: ConntrackTables, e: ConntrackEntry): void {
  let h = ct.expiry.get(e.node);
  if (!h) {
    h = createMinHeap();
    ct.expiry.set(e.node, h);
  }
  h.push(e.expires, e);
}

function key(p: Packet): string {
  return `${p.protocol}|${p.src}|${p.srcPort}|${p.dst}|${p.dstPort}`;
}

function table(ct: ConntrackTables, node: string): Map<string, ConntrackEntry> {
  let t = ct.byNode.get(node);
  if (!t) {
    t = new Map();
    ct.byNode.set(node, t);
  }
  return t;
}

function remove(ct: ConntrackTables, e: ConntrackEntry): void {
  const t = table(ct, e.node);
  t.delete(e.keys[0]);
  t.delete(e.keys[1]);
}

/**
 * Drops expired entries on one node and returns them (the caller releases their IPVS connections).
 *
 * @example ctExpire(ct, 'node-1', 500).length // entries whose timeout ran out by t=500 s
 */
export function ctExpire(ct: ConntrackTables, node: string, now: number): ConntrackEntry[] {
  const h = ct.expiry.get(node);
  const gone: ConntrackEntry[] = [];
  while (h && (h.peekKey() ?? Infinity) <= now) {
    const e = h.pop()!;
    // Killed or already expired (an entry can be queued more than once): nothing to do.
    if (table(ct, node).get(e.keys[0]) !== e) continue;
    if (e.expires <= now) {
      remove(ct, e);
      gone.push(e);
    } else h.push(e.expires, e); // refreshed since it was queued
  }
  return gone.sort((a, b) => a.id - b.id);
}

/**
 * Finds the entry a packet belongs to on `node`: `original` when it travels like the first packet did,
 * `reply` when it is the answer (its tuple is the entry's reply tuple). Expired entries do not match.
 *
 * @example ctLookup(ct, 'node-1', pkt, now)?.direction // "original"
 */
export function ctLookup(
  ct: ConntrackTables,
  node: string,
  p: Packet,
  now: number,
): { entry: ConntrackEntry; direction: 'original' | 'reply' } | undefined {
  const t = table(ct, node);
  const k = key(p);
  const e = t.get(k);
  if (!e || e.expires <= now) return undefined;
  const direction = e.keys[0] === k ? 'original' : 'reply';
  return { entry: e, direction };
}

/**
 * Records a new flow on `node`: `orig` as it arrived, `translated` as it left after DNAT/SNAT.
 *
 * @example ctCreate(ct, 'node-1', pkt, { ...pkt, dst: '10.244.1.5', dstPort: 8080 }, 0).state // "SYN_SENT"
 */
export function ctCreate(
  ct: ConntrackTables,
  node: string,
  orig: Packet,
  translated: Packet,
  now: number,
  extra: Pick<ConntrackEntry, 'ipvs' | 'service' | 'rule'> = {},
): ConntrackEntry {
  const tcpish = orig.protocol === 'TCP' || orig.protocol === 'SCTP';
  const reply = reversed(translated);
  const entry: ConntrackEntry = {
    id: ct.nextId++,
    node,
    orig: { ...orig },
    reply,
    expires:
      now +
      (tcpish ? CT_TIMEOUT.tcpSynSent : orig.protocol === 'UDP' ? CT_TIMEOUT.udpUnreplied : CT_TIMEOUT.icmp),
    seenReply: false,
    assured: false,
    packets: 1,
    ...(tcpish ? { state: 'SYN_SENT' as const } : {}),
    ...extra,
    keys: [key(orig), key(translated)],
  };
  noteExpiry(ct, entry);
  const t = table(ct, node);
  t.set(entry.keys[0], entry);
  t.set(entry.keys[1], entry);
  return entry;
}

/**
 * Forgets an entry now, e.g. when a new SYN reuses the tuple of a connection in TIME_WAIT or CLOSE (the
 * kernel kills the old entry and treats the packet as a new connection).
 */
export function ctKill(ct: ConntrackTables, e: ConntrackEntry): void {
  remove(ct, e);
}

/** A later packet in the original direction (keep-alive request, another UDP datagram) refreshes the entry. */
export function ctRefresh(entry: ConntrackEntry, now: number): void {
  entry.packets++;
  if (entry.state === 'ESTABLISHED') entry.expires = now + CT_TIMEOUT.tcpEstablished;
  else if (entry.orig.protocol === 'UDP')
    entry.expires = now + (entry.assured ? CT_TIMEOUT.udpStream : CT_TIMEOUT.udpUnreplied);
  else if (entry.orig.protocol === 'ICMP') entry.expires = now + CT_TIMEOUT.icmp;
}

/**
 * The reply came back: TCP completes its handshake (ESTABLISHED, ASSURED); UDP that has exchanged more
 * than one datagram each way becomes a stream (ASSURED, 120 s), a single exchange keeps 30 s.
 */
export function ctReplySeen(entry: ConntrackEntry, now: number): void {
  const wasReplied = entry.seenReply;
  entry.seenReply = true;
  if (entry.state) {
    entry.state = 'ESTABLISHED';
    entry.assured = true;
    entry.expires = now + CT_TIMEOUT.tcpEstablished;
  } else if (entry.orig.protocol === 'UDP') {
    if (wasReplied && entry.packets > 1) entry.assured = true;
    entry.expires = now + (entry.assured ? CT_TIMEOUT.udpStream : CT_TIMEOUT.udpUnreplied);
  } else {
    entry.expires = now + CT_TIMEOUT.icmp;
  }
}

/** The connection closed (FIN/ACK exchange): TCP lingers in TIME_WAIT for 120 s. */
export function ctClose(ct: ConntrackTables, entry: ConntrackEntry, now: number): void {
  if (entry.state) {
    entry.state = 'TIME_WAIT';
    entry.expires = now + CT_TIMEOUT.tcpTimeWait;
    noteExpiry(ct, entry); // sooner than an ESTABLISHED entry's 24 h
  }
}

/** The connection was reset (the pod refused it): TCP goes to CLOSE for 10 s. */
export function ctReset(ct: ConntrackTables, entry: ConntrackEntry, now: number): void {
  if (entry.state) {
    entry.state = 'CLOSE';
    entry.expires = now + CT_TIMEOUT.tcpClose;
    noteExpiry(ct, entry);
  }
}

/** Every live entry on a node, oldest first. */
export function ctEntries(ct: ConntrackTables, node: string, now: number): ConntrackEntry[] {
  return [...new Set(table(ct, node).values())].filter((e) => e.expires > now).sort((a, b) => a.id - b.id);
}

const PROTO_NUM = { TCP: 6, UDP: 17, SCTP: 132, ICMP: 1 } as const;

function tuple(p: Packet, icmpType: number): string {
  if (p.protocol === 'ICMP') return `src=${p.src} dst=${p.dst} type=${icmpType} code=0 id=${p.srcPort}`;
  return `src=${p.src} dst=${p.dst} sport=${p.srcPort} dport=${p.dstPort}`;
}

/**
 * One entry as `conntrack -L` prints it (the kernel's `%-8s %u %ld` header, then the two tuples).
 *
 * @example
 * formatEntry(e, 3);
 * // "tcp      6 86397 ESTABLISHED src=10.244.0.5 dst=10.96.0.10 sport=41234 dport=80 src=10.244.1.5 dst=10.244.0.5 sport=8080 dport=41234 [ASSURED] mark=0 use=1"
 */
export function formatEntry(e: ConntrackEntry, now: number): string {
  const proto = e.orig.protocol;
  const head = `${proto.toLowerCase().padEnd(8)} ${PROTO_NUM[proto]} ${Math.max(0, Math.floor(e.expires - now))}`;
  const parts = [head];
  if (e.state) parts.push(e.state);
  parts.push(tuple(e.orig, 8));
  if (!e.seenReply) parts.push('[UNREPLIED]');
  parts.push(tuple(e.reply, 0));
  if (e.assured) parts.push('[ASSURED]');
  parts.push('mark=0', 'use=1');
  return parts.join(' ');
}

/**
 * The node's table as `conntrack -L` prints it: one line per flow (stdout), then the summary line the
 * tool writes to stderr.
 *
 * @example conntrackList(ct, 'node-1', 10).summary // "conntrack v1.4.8 (conntrack-tools): 2 flow entries have been shown."
 */
export function conntrackList(
  ct: ConntrackTables,
  node: string,
  now: number,
): { lines: string[]; summary: string } {
  const lines = ctEntries(ct, node, now).map((e) => formatEntry(e, now));
  return {
    lines,
    summary: `conntrack v1.4.8 (conntrack-tools): ${lines.length} flow entries have been shown.`,
  };
}
