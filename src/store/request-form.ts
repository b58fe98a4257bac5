/**
 * The request bar's form and the engine's request, mapped in this one place. The store holds the engine's
 * own `RequestInit` (from, target, protocol, keepalive, count) plus whether Send looks the target's name
 * up instead; the bar's protocol menu offers a few (protocol, keep-alive) pairs and the DNS lookup.
 *
 * @example
 * choiceOf({ from: 'external', target: 'http://web', protocol: 'HTTP/1.1', keepalive: true }, false); // "keepalive"
 * withChoice({ from: 'external', target: 'http://web' }, 'http2'); // { request: { …, protocol: 'HTTP/2', keepalive: true }, lookup: false }
 */
import type { Request, RequestInit } from '../engine';
import { MAX_SIM_COUNT } from '../worker/protocol';

/** What the bar's protocol menu offers, in its order (each has a label `request.proto.<choice>`). */
export type RequestChoice = 'http1.0' | 'http1.1' | 'keepalive' | 'http2' | 'ping' | 'dns';
export const REQUEST_CHOICES: readonly RequestChoice[] = [
  'http1.0',
  'http1.1',
  'keepalive',
  'http2',
  'ping',
  'dns',
];

/** What each choice but the lookup sends. HTTP/2 multiplexes its requests over one connection. */
const SENDS: Record<Exclude<RequestChoice, 'dns'>, Pick<Request, 'protocol' | 'keepalive'>> = {
  'http1.0': { protocol: 'HTTP/1.0', keepalive: false },
  'http1.1': { protocol: 'HTTP/1.1', keepalive: false },
  keepalive: { protocol: 'HTTP/1.1', keepalive: true },
  http2: { protocol: 'HTTP/2', keepalive: true },
  ping: { protocol: 'ICMP', keepalive: false },
};

/** Requests one Send may ask for. */
export const MIN_COUNT = 1;
export const MAX_COUNT = MAX_SIM_COUNT;

/** The form's state: the request, and whether Send looks up the target's name instead of sending. */
export interface RequestFormState {
  request: RequestInit;
  lookup: boolean;
}

/**
 * The form for a suggested request (a scenario's, a lesson's): the count the bar shows is always there.
 *
 * @example formFor({ request: { from: 'external', target: 'http://web' } }).request.count // 1
 */
export function formFor(s: { request: RequestInit; lookup?: boolean }): RequestFormState {
  return { request: { ...s.request, count: clampCount(s.request.count ?? 1) }, lookup: s.lookup ?? false };
}

/**
 * The menu entry that shows this request, or null when none does (a protocol the menu does not offer,
 * such as a lesson's UDP request: the bar then shows the protocol as it is).
 */
export function choiceOf(request: RequestInit, lookup: boolean): RequestChoice | null {
  if (lookup) return 'dns';
  const protocol = request.protocol ?? 'HTTP/1.1';
  const keepalive = request.keepalive ?? false;
  // HTTP/1.0 closes after every response whatever keep-alive says (the engine's reusesConnection).
  if (protocol === 'HTTP/1.0') return 'http1.0';
  if (protocol === 'ICMP') return 'ping';
  for (const [choice, sends] of Object.entries(SENDS))
    if (sends.protocol === protocol && sends.keepalive === keepalive) return choice as RequestChoice;
  return null;
}

/** The form after the user picks a menu entry: the lookup keeps the request as it was. */
export function withChoice(request: RequestInit, choice: RequestChoice): RequestFormState {
  if (choice === 'dns') return { request, lookup: true };
  return { request: { ...request, ...SENDS[choice] }, lookup: false };
}

/** A count the engine accepts: a whole number from 1 to 500 (anything else typed becomes 1). */
export function clampCount(n: number): number {
  return Math.max(MIN_COUNT, Math.min(MAX_COUNT, Math.round(n) || MIN_COUNT));
}

const PROTOCOLS = new Set<string>(['HTTP/1.0', 'HTTP/1.1', 'HTTP/2', 'TCP', 'UDP', 'SCTP', 'ICMP']);
const CHOICES = new Set<string>(REQUEST_CHOICES);

/**
 * The form saved by an older svclab (store version 1: `{ from, to, protocol: 'keepalive', count }`), or
 * null when what was saved is not that shape.
 *
 * @example formFromV1({ from: 'external', to: 'http://web', protocol: 'dns', count: 1 })?.lookup // true
 */
export function formFromV1(saved: unknown): RequestFormState | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const { from, to, protocol, count } = saved as Record<string, unknown>;
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const choice =
    typeof protocol === 'string' && CHOICES.has(protocol) ? (protocol as RequestChoice) : 'http1.1';
  const request = { from, target: to, count: clampCount(typeof count === 'number' ? count : 1) };
  return withChoice(request, choice);
}

/**
 * The saved request when it has the shape of a RequestInit (a hand-edited or damaged localStorage
 * must not reach the engine), keeping only the fields the form edits.
 */
export function savedRequest(saved: unknown): RequestInit | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const { from, target, protocol, keepalive, count, insecure } = saved as Record<string, unknown>;
  if (typeof from !== 'string' || typeof target !== 'string') return null;
  return {
    from,
    target,
    ...(typeof protocol === 'string' && PROTOCOLS.has(protocol)
      ? { protocol: protocol as Request['protocol'] }
      : {}),
    ...(typeof keepalive === 'boolean' ? { keepalive } : {}),
    // curl -k, as a scene's suggested request to a self-signed certificate carries it.
    ...(insecure === true ? { insecure } : {}),
    count: clampCount(typeof count === 'number' ? count : 1),
  };
}
