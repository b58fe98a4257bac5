/**
 * What a student asks the data plane to do: "send this request from here to there". The CLI's `curl` and
 * `ping`, the UI's request form and the lessons all build a `Request`; `simulate()` turns it into a Trace.
 *
 * @example
 * const r = request({ from: 'pod/default/client', target: 'http://web/' });
 * r.protocol; // "HTTP/1.1"
 * parseTarget('http://10.96.0.10:8080/healthz'); // { scheme: 'http', host: '10.96.0.10', port: 8080, path: '/healthz' }
 */
import type { ClusterState } from '../cluster/state';
import { clusterIndex } from '../cluster/cluster-index';
import { podIP } from '../k8s/pod';
import type { Place } from './topology';
import { isIPv4, isIPv6 } from '../net/ip';
import { canonicalIp } from '../net/ip6';
import { msg, type Msg } from '../messages';

/**
 * How the bytes travel: the HTTP versions over TCP, plain datagrams, SCTP, an ICMP echo (ping), or a
 * DNS lookup of the target (`nslookup NAME`: only the name lookup's queries, walked like any packet).
 */
export type RequestProtocol = 'HTTP/1.0' | 'HTTP/1.1' | 'HTTP/2' | 'TCP' | 'UDP' | 'SCTP' | 'ICMP' | 'DNS';

export interface Request {
  /** "external", "external:198.51.100.7", "node/node-1", "pod/client" or "pod/default/client". */
  from: string;
  /** "http://web.default.svc.cluster.local:80/path", "web", "10.96.0.10" (a URL, a name or an IP). */
  target: string;
  protocol: RequestProtocol; // "HTTP/1.1"
  method: string; // "GET"
  headers: Record<string, string>; // { Host: "shop.example.com" }
  /** Requests to send (`--count N`). */
  count: number;
  /** Reuse one connection across the requests where the protocol does (HTTP/1.1 keep-alive, HTTP/2). */
  keepalive: boolean;
  /** Give up after this many seconds without an answer (`-m`); undefined = the kernel's SYN retries. */
  timeoutSeconds?: number;
  /** `-k`: accept any TLS certificate. */
  insecure: boolean;
  /** Simulated seconds to wait between requests (`--interval`), e.g. to let ClientIP affinity expire. */
  interval?: number;
  /** Port when the target has none (URL scheme default: 80 http, 443 https; ping ignores it). */
  port?: number;
  /** `curl -4` / `curl -6`: resolve names to addresses of this family only. */
  ipFamily?: 'IPv4' | 'IPv6';
  /**
   * The ALPN protocols a TLS client offers; undefined: curl's default "h2,http/1.1" (`--http1.0` and
   * `--http1.1` offer "http/1.1" only).
   */
  alpn?: string[];
  /** `curl --resolve`: the address the target's name (or connectHost) stands for, without a DNS lookup. */
  resolveTo?: string;
  /** `curl --connect-to`: the host to connect to instead of the URL's (Host header and SNI unchanged). */
  connectHost?: string;
  /** `curl --connect-to`: the port to connect to instead of the URL's. */
  connectPort?: number;
  /**
   * A gRPC call (grpcurl): an HTTP/2 POST to the target's path `/service/method` with exactly the
   * `headers` given (Host is the :authority); the pod answers as a gRPC server (grpc-app.ts) and a proxy
   * answers in gRPC statuses.
   */
  grpc?: boolean;
  /**
   * What each trace keeps. 'full' (the default): every hop with its notes, as the page animates it.
   * 'tally': the requests of a large `--count` that are only counted (curl's table and histogram): each
   * trace keeps the client's first packet and its load-balancing decisions (their candidates), not the
   * other hops, their notes or the DNS lookup's hops. The packets walk the same rules and conntrack
   * either way; only the record of the walk is shorter.
   */
  detail?: 'full' | 'tally';
  /**
   * Keep the name lookup on a trace whose lookup succeeded too (Trace.lookup): telnet prints the name
   * getaddrinfo found (its canonical name, the search list applied), not the one typed.
   */
  keepLookup?: boolean;
}

/**
 * The most requests whose traces are kept whole (the page animates up to this many; a larger `--count`
 * is a table and a histogram, whose requests are sent with `detail: 'tally'`).
 */
export const FULL_TRACE_LIMIT = 500;

/**
 * A request as callers write it: where from and where to, anything else as curl would default it. The
 * page's request bar, a scenario's suggested request, the worker protocol and the CLI all speak it.
 *
 * @example
 * const r: RequestInit = { from: 'external', target: 'http://{lb:default/web}/', protocol: 'HTTP/1.0', count: 20 };
 */
export type RequestInit = Pick<Request, 'from' | 'target'> & Partial<Omit<Request, 'from' | 'target'>>;

/**
 * A request with the defaults curl uses (HTTP/1.1 GET, one request, new connection).
 *
 * @example request({ from: 'external', target: 'http://198.51.100.1/' }).method // "GET"
 */
export function request(r: RequestInit): Request {
  return {
    protocol: 'HTTP/1.1',
    method: 'GET',
    headers: {},
    count: 1,
    keepalive: false,
    insecure: false,
    ...r,
  };
}

export interface Target {
  scheme: 'http' | 'https' | 'none'; // "none": a bare name or IP (ping, UDP)
  host: string; // "web.default" or "10.96.0.10"
  port: number | undefined; // 8080 (undefined: the scheme's default)
  path: string; // "/"
}

/**
 * Parses a curl-style target: `http://host[:port]/path`, `https://…`, `host:port/path` (curl assumes http),
 * or a bare host. Returns undefined for syntax curl rejects.
 *
 * @example parseTarget('web:8080') // { scheme: 'http', host: 'web', port: 8080, path: '/' }
 * @example parseTarget('http://[fd00:10:96::a]:80/') // { scheme: 'http', host: 'fd00:10:96::a', port: 80, path: '/' }
 */
export function parseTarget(text: string): Target | undefined {
  const m =
    /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[0-9a-fA-F:.]+\]|[^/:?#\s[\]]+)(?::(\d{1,5}))?([/?#][^\s]*)?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  // An IPv6 literal is written in brackets in a URL ("http://[fd00:10:96::a]:80/"); the host is the address.
  const bracketed = m[2]!.startsWith('[');
  if (bracketed && !isIPv6(m[2]!.slice(1, -1))) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = m[3] === undefined ? undefined : Number(m[3]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  let path = m[4] ?? '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const host = bracketed ? canonicalIp(m[2]!.slice(1, -1)) : m[2]!.toLowerCase();
  return { scheme, host, port, path };
}

/** The destination port for a target: explicit, else the scheme's (80/443). */
export function targetPort(t: Target, fallback?: number): number {
  return t.port ?? fallback ?? (t.scheme === 'https' ? 443 : 80);
}

/** `notFound`: the source is well-formed but names no pod or node (kubectl's NotFound, exit 1, not a usage error). */
export type FromResult =
  { place: Place } | { error: string; notFound: true } | { error: Msg; notFound?: undefined };

/**
 * Resolves `--from` into a place in the topology.
 *
 * @example resolveFrom(cluster, 'external') // { place: { kind: 'external', ip: '203.0.113.10' } }
 */
export function resolveFrom(cluster: ClusterState, from: string): FromResult {
  if (from === 'external') return { place: { kind: 'external', ip: cluster.config.externalClientIP } };
  if (from.startsWith('external:')) {
    const ip = from.slice('external:'.length);
    if (!isIPv4(ip) && !isIPv6(ip)) return { error: msg('usage.externalAddress', { ip }) };
    return { place: { kind: 'external', ip } };
  }
  if (from.startsWith('node/')) {
    const node = clusterIndex(cluster).node(from.slice('node/'.length));
    if (!node) return { error: `nodes "${from.slice('node/'.length)}" not found`, notFound: true };
    return { place: { kind: 'node', node } };
  }
  if (from.startsWith('pod/')) {
    const ref = from.slice('pod/'.length);
    const pod = clusterIndex(cluster).findPod(ref);
    if (!pod) return { error: `pods "${ref.split('/').pop() ?? ref}" not found`, notFound: true };
    return podPlace(cluster, pod);
  }
  return { error: msg('usage.unknownSource', { from }) };
}

/** A pod as a place; hostNetwork pods send from their node. */
export function podPlace(cluster: ClusterState, pod: Parameters<typeof podIP>[0]): FromResult {
  const name = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
  const ip = podIP(pod);
  if (!ip || !pod.spec.nodeName) return { error: msg('usage.podNotRunning', { pod: name }) };
  if (pod.spec.hostNetwork) {
    const node = clusterIndex(cluster).node(pod.spec.nodeName);
    if (node) return { place: { kind: 'node', node, pod } };
  }
  return { place: { kind: 'pod', pod, ip, node: pod.spec.nodeName } };
}

/** The wire protocol a request protocol uses. */
export function wireProtocol(p: RequestProtocol): 'TCP' | 'UDP' | 'SCTP' | 'ICMP' {
  if (p === 'DNS') return 'UDP';
  if (p === 'UDP' || p === 'SCTP' || p === 'ICMP') return p;
  return 'TCP';
}

/** Whether requests after the first reuse the first one's connection. HTTP/1.0 closes after each response. */
export function reusesConnection(r: Request): boolean {
  return r.keepalive && (r.protocol === 'HTTP/1.1' || r.protocol === 'HTTP/2');
}
