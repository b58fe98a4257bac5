/**
 * How a stub resolver's queries reach a server. The resolver (glibc's for curl and ping, BIND's for
 * nslookup and dig) decides which names to ask, which server, how often and how long to wait; the
 * transport carries one try of one query and says what came back. The data path (simulate/) is the
 * transport: each query is a packet that walks the client node's kube-proxy rules to whatever owns the
 * address it ends at, so DNS can only answer when the rules deliver the query to a DNS server.
 *
 * @example
 * const send: DnsTransport = (q) => ({ kind: 'timeout', why: msg('dns.nobodyThere', { ip: q.server }) });
 * send({ server: '10.96.0.10', name: 'db.shop.svc.cluster.local.', type: 'A', socket: 1, attempt: 1, waitSeconds: 5, tcp: false });
 * // { kind: "timeout", why: "nothing answers at 10.96.0.10" }
 */
import type { DnsMessage, RRType } from './records';
import type { Msg } from '../messages';

/** One try of one query, as the resolver sends it. */
export interface DnsQuery {
  server: string; // "10.96.0.10"
  name: string; // "db.shop.svc.cluster.local."
  type: RRType; // "A"
  /**
   * The client socket it leaves by: the same number means the same source port (glibc retries on the
   * socket it opened for the query), a new number a new socket and port (BIND opens one per try).
   */
  socket: number; // 1
  /** 1 for the first try of this query to this server, 2 for the retry… */
  attempt: number;
  /** How long the client waits for an answer before it gives this try up, in seconds. */
  waitSeconds: number; // 5
  /** Over TCP (dig +tcp) rather than UDP. */
  tcp: boolean;
}

/** Where an answer came from: a CoreDNS pod (its kubernetes plugin or `forward`), or a resolver outside the cluster. */
export type AnswerSource = 'cluster-dns' | 'upstream';

/** What came back for one try. */
export type DnsExchange =
  | { kind: 'answer'; message: DnsMessage; source: AnswerSource }
  /** Nothing came back within `waitSeconds` (the query was dropped, or reached no DNS server). */
  | { kind: 'timeout'; why: Msg }
  /** An ICMP port unreachable (UDP) or a reset (TCP) came back: "connection refused". */
  | { kind: 'refused'; why: Msg };

/** Carries one try of one query. */
export type DnsTransport = (q: DnsQuery) => DnsExchange;
