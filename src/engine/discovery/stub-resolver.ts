/**
 * The two stub resolvers a pod runs, over a transport that carries each try:
 *
 * - glibc's (getaddrinfo: curl, ping). `res_send` tries every nameserver in turn, `attempts` rounds
 *   (resolv.conf `options attempts:2 timeout:5` by default), waiting `timeout << ns` seconds (divided by
 *   the number of servers after the first) on the socket it opened for that server; an ICMP error closes
 *   the socket and moves on. `res_search` walks the search list: NXDOMAIN and NODATA go to the next
 *   suffix, a timeout stops the list (the name is still tried as-is), a refused connection gives up at
 *   once (glibc resolv/res_query.c `__res_context_search`, resolv/res_send.c `send_dg`).
 * - BIND's (nslookup, dig; bin/dig/dighost.c 9.18): the first server gets `tries` tries (resolv.conf
 *   `attempts`, 3 when unset) of `timeout` seconds each (5, or 10 over TCP), every try on a new socket,
 *   the other servers one try each; each failed try prints ";; communications error to …". Only
 *   NXDOMAIN moves the search list on; a lookup no server answered ends the search.
 *
 * @example
 * const r = bindSearch(['db.shop.svc.cluster.local.'], 'A', { servers: ['10.96.0.10'], attempts: 3, timeout: 5, tcp: false }, send);
 * r.asked[r.chosen].exchange.kind; // "answer"
 */
import type { DnsExchange, DnsTransport } from './dns-transport';
import { fqdn, type RRType } from './records';
import type { ResolvConf } from './resolv-conf';
import { msg, type Msg } from '../messages';

export interface StubSettings {
  servers: string[]; // ["10.96.0.10"]
  /** Rounds over the servers (glibc) or tries of the first server (BIND). */
  attempts: number; // 2
  /** Seconds to wait for an answer to one try. */
  timeout: number; // 5
  tcp: boolean;
}

/** One name asked, with what finally came back for it. */
export interface Asked {
  name: string; // "db.shop.svc.cluster.local."
  server: string; // "10.96.0.10"
  exchange: DnsExchange;
}

export interface SearchOutcome {
  /** One entry per name sent, in order. */
  asked: Asked[];
  /** Index in `asked` of the answer the resolver reports; -1 when it sent nothing. */
  chosen: number;
  /** Every try that failed, in order (BIND prints each one). */
  errors: { server: string; error: 'timed out' | 'connection refused' }[];
  /** Simulated seconds spent waiting for answers that never came. */
  seconds: number;
}

const RES_MAXRETRY = 5;
const RES_MAXRETRANS = 30;

function option(conf: Pick<ResolvConf, 'options'>, name: string): number | undefined {
  const op = [...conf.options].reverse().find((o) => o.startsWith(`${name}:`));
  if (!op) return undefined;
  const n = Number.parseInt(op.slice(name.length + 1), 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * glibc's attempts and timeout from resolv.conf's options (defaults 2 and 5; capped at 5 and 30).
 *
 * @example glibcSettings({ options: ['ndots:5'] }, ['10.96.0.10']) // { servers: ["10.96.0.10"], attempts: 2, timeout: 5, tcp: false }
 */
export function glibcSettings(conf: Pick<ResolvConf, 'options'>, servers: string[]): StubSettings {
  return {
    servers,
    attempts: Math.min(option(conf, 'attempts') ?? 2, RES_MAXRETRY),
    timeout: Math.min(option(conf, 'timeout') ?? 5, RES_MAXRETRANS),
    tcp: false,
  };
}

/**
 * BIND's tries and timeout: the command line's, else resolv.conf's (`attempts`, 3 when unset or 0;
 * `timeout`, else 5 s over UDP and 10 s over TCP).
 *
 * @example bindSettings({ options: [] }, ['10.96.0.10'], {}) // { servers: ["10.96.0.10"], attempts: 3, timeout: 5, tcp: false }
 */
export function bindSettings(
  conf: Pick<ResolvConf, 'options'>,
  servers: string[],
  flags: { tries?: number; timeout?: number; tcp?: boolean },
): StubSettings {
  const tcp = flags.tcp === true;
  const conf0 = option(conf, 'timeout');
  return {
    servers,
    attempts: Math.max(1, flags.tries ?? (option(conf, 'attempts') || 3)),
    timeout: Math.max(1, flags.timeout ?? (conf0 || (tcp ? 10 : 5))),
    tcp,
  };
}

interface Sender {
  send: DnsTransport;
  out: SearchOutcome;
  nextSocket: number;
}

function failure(errors: { error: string }[], why: Msg | undefined): DnsExchange {
  if (!why) why = msg('dns.noAnswer', {});
  return errors.some((e) => e.error === 'timed out') ? { kind: 'timeout', why } : { kind: 'refused', why };
}

/** glibc res_send for one name: rounds over the servers, one socket per server kept across rounds. */
function glibcSend(s: Sender, name: string, type: RRType, st: StubSettings): Asked {
  const sockets = new Map<number, number>();
  const mine: { error: string }[] = [];
  let why: Msg | undefined;
  let servfail: Asked | undefined;
  for (let round = 1; round <= st.attempts; round++) {
    for (let ns = 0; ns < st.servers.length; ns++) {
      const server = st.servers[ns]!;
      const wait = Math.max(1, Math.floor((st.timeout * 2 ** ns) / (ns > 0 ? st.servers.length : 1)));
      const socket = sockets.get(ns) ?? ++s.nextSocket;
      sockets.set(ns, socket);
      const ex = s.send({ server, name, type, socket, attempt: round, waitSeconds: wait, tcp: false });
      if (ex.kind === 'answer') {
        // SERVFAIL, NOTIMP and REFUSED answers make res_send try the next server (send_dg's next_ns).
        if (ex.message.rcode !== 'SERVFAIL' && ex.message.rcode !== 'REFUSED')
          return { name, server, exchange: ex };
        servfail = { name, server, exchange: ex };
        continue;
      }
      why = ex.why;
      const error = ex.kind === 'timeout' ? 'timed out' : 'connection refused';
      mine.push({ error });
      s.out.errors.push({ server, error });
      if (ex.kind === 'timeout') s.out.seconds += wait;
      else sockets.delete(ns); // an ICMP error closes the socket; the next try opens a new one
    }
  }
  return servfail ?? { name, server: st.servers[0] ?? '', exchange: failure(mine, why) };
}

/** BIND's tries for one name: `attempts` on the first server, then one on each of the others. */
function bindSend(s: Sender, name: string, type: RRType, st: StubSettings): Asked {
  const mine: { error: string }[] = [];
  let why: Msg | undefined;
  for (let ns = 0; ns < st.servers.length; ns++) {
    const server = st.servers[ns]!;
    const tries = ns === 0 ? st.attempts : 1;
    for (let attempt = 1; attempt <= tries; attempt++) {
      const socket = ++s.nextSocket;
      const ex = s.send({ server, name, type, socket, attempt, waitSeconds: st.timeout, tcp: st.tcp });
      if (ex.kind === 'answer') return { name, server, exchange: ex };
      why = ex.why;
      const error = ex.kind === 'timeout' ? 'timed out' : 'connection refused';
      mine.push({ error });
      s.out.errors.push({ server, error });
      if (ex.kind === 'timeout') s.out.seconds += st.timeout;
    }
  }
  return { name, server: st.servers[0] ?? '', exchange: failure(mine, why) };
}

const answered = (a: Asked) =>
  a.exchange.kind === 'answer' &&
  a.exchange.message.rcode === 'NOERROR' &&
  a.exchange.message.answer.length > 0;
const rcodeOf = (a: Asked) => (a.exchange.kind === 'answer' ? a.exchange.message.rcode : undefined);

function sender(send: DnsTransport): Sender {
  return { send, out: { asked: [], chosen: -1, errors: [], seconds: 0 }, nextSocket: 0 };
}

/**
 * glibc's res_search: the name as-is first when it has at least `ndots` dots (or ends in a dot), else
 * the search list first and the name as-is last.
 *
 * @example
 * glibcSearch('db', ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], 5, 'A', settings, send).asked.map((a) => a.name);
 * // ["db.shop.svc.cluster.local."] when the first suffix answers
 */
export function glibcSearch(
  name: string,
  searches: string[],
  ndots: number,
  type: RRType,
  st: StubSettings,
  send: DnsTransport,
): SearchOutcome {
  const s = sender(send);
  const { out } = s;
  const ask = (q: string): Asked => {
    const a = glibcSend(s, fqdn(q), type, st);
    out.asked.push(a);
    return a;
  };
  const finish = (i: number) => ({ ...out, chosen: i });
  if (st.attempts === 0 || st.servers.length === 0) return out;
  const trailing = name.endsWith('.');
  const dots = name.split('.').length - 1;
  let saved = -1;
  if (dots >= ndots || trailing) {
    const a = ask(name);
    if (answered(a) || trailing) return finish(out.asked.length - 1);
    saved = out.asked.length - 1;
  }
  let nodata = -1;
  for (const domain of searches) {
    const a = ask(`${name}.${domain.replace(/^\./, '')}`);
    const i = out.asked.length - 1;
    if (answered(a)) return finish(i);
    if (a.exchange.kind === 'refused') return finish(i); // ECONNREFUSED: res_search gives up at once
    const rc = rcodeOf(a);
    if (rc === 'NOERROR') nodata = nodata < 0 ? i : nodata;
    else if (rc !== 'NXDOMAIN' && rc !== 'SERVFAIL') break; // a timeout or a refusal ends the list
  }
  if (saved < 0) {
    const a = ask(name);
    if (answered(a)) return finish(out.asked.length - 1);
  }
  // No answer: report the as-is query's error if it went first, else NODATA if any, else the last one.
  return finish(saved >= 0 ? saved : nodata >= 0 ? nodata : out.asked.length - 1);
}

/**
 * BIND's search (nslookup, `dig +search`; plain dig passes one name): the next name only after NXDOMAIN.
 *
 * @example
 * bindSearch(['db.'], 'A', settings, send).chosen; // 0
 */
export function bindSearch(
  candidates: string[],
  type: RRType,
  st: StubSettings,
  send: DnsTransport,
): SearchOutcome {
  const s = sender(send);
  for (const q of candidates) {
    const a = bindSend(s, q, type, st);
    s.out.asked.push(a);
    if (rcodeOf(a) !== 'NXDOMAIN') break;
  }
  return { ...s.out, chosen: s.out.asked.length - 1 };
}
