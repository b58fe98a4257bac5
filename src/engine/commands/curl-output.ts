/**
 * What curl prints for a simulated request: the body (or headers with -i/-I), the `-v` conversation on
 * stderr (`*   Trying 10.96.0.42:80...`, `> GET / HTTP/1.1`, `< HTTP/1.1 200 OK`), curl 8's error lines
 * (`curl: (7) Failed to connect to 10.96.5.3 port 80 after 1 ms: Couldn't connect to server`,
 * `curl: (28) Connection timed out after 5001 milliseconds`, `curl: (6) Could not resolve host: x`), `-w`
 * variables (the `--count N` summary is curl-distribution.ts).
 *
 * @example
 * curlErrorLine(trace, { host: '10.96.5.3', port: 80 }, opts); // "curl: (7) Failed to connect to 10.96.5.3 port 80 after 1 ms: Couldn't connect to server"
 */
import { splitEndpoint } from '../net/packet';
import type { Trace } from '../trace';
import type { CurlOptions } from './curl-args';
import { http2StreamLines, tlsHandshakeLines } from './curl-tls';

export const CURL_VERSION = '8.5.0';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Timeout',
};

export interface CurlTarget {
  host: string; // as typed: "web" or "10.96.0.42"
  port: number; // 80
  path: string; // "/"
  scheme: 'http' | 'https';
  /** `--resolve`'s -v lines; when it pinned the URL's host, `pinned` is the address (no DNS lookup). */
  resolveLines?: string[];
  pinned?: string;
  /** `--connect-to`: where curl connects instead of the URL's host and port (what -v and errors name). */
  connectHost?: string;
  connectPort?: number;
}

/** The host and port curl connects to (lib/urldata.h CURL_CONN_HOST_DISPNAME, conn->port). */
function connection(target: CurlTarget): { host: string; port: number } {
  return { host: target.connectHost ?? target.host, port: target.connectPort ?? target.port };
}

/** curl's exit code for a trace (0 when a response came back). */
export function curlExitCode(t: Trace, o: CurlOptions): number {
  if (t.clientError) return t.clientError.curlExitCode;
  switch (t.outcome) {
    case 'delivered':
      return o.fail && (t.response?.status ?? 0) >= 400 ? 22 : 0;
    case 'dns-failure':
      return 6;
    case 'refused':
    case 'rejected':
    case 'unreachable':
      return 7;
    case 'timeout':
    case 'dropped':
      return 28;
  }
}

/** Simulated milliseconds the attempt took, as curl reports them. */
function elapsedMs(t: Trace, o: CurlOptions): number {
  if (t.outcome === 'timeout' || t.outcome === 'dropped') {
    const limit = o.connectTimeout ?? o.maxTime;
    return limit !== undefined ? Math.round(limit * 1000) + 1 : 127001;
  }
  if (t.outcome === 'unreachable') return 3071;
  return 1;
}

/** The one-line error curl prints (without -s, or with -sS). */
export function curlErrorLine(t: Trace, url: CurlTarget, o: CurlOptions): string | undefined {
  if (t.clientError) return t.clientError.message;
  const target = connection(url);
  if (t.outcome === 'delivered' && curlExitCode(t, o) === 22)
    return `curl: (22) The requested URL returned error: ${t.response!.status}`;
  const ms = elapsedMs(t, o);
  switch (t.outcome) {
    case 'delivered':
      return undefined;
    case 'dns-failure':
      return `curl: (6) Could not resolve host: ${target.host}`;
    case 'timeout':
    case 'dropped':
      if (o.connectTimeout !== undefined || o.maxTime !== undefined)
        return `curl: (28) Connection timed out after ${ms} milliseconds`;
      return `curl: (28) Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Couldn't connect to server`;
    default:
      return `curl: (7) Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Couldn't connect to server`;
  }
}

function httpVersion(o: CurlOptions, t?: Trace): string {
  // Over TLS the server's ALPN choice decides (h2 with Envoy unless --http1.x); cleartext --http2 starts
  // as HTTP/1.1 with an h2c upgrade the simulated apps do not accept.
  if (t?.tls?.alpn === 'h2') return 'HTTP/2';
  return o.protocol === 'HTTP/1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
}

function hostHeader(target: CurlTarget, defaultPort: number): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return target.port === defaultPort ? host : `${host}:${target.port}`;
}

/** The request line and headers curl sends (what -v shows after `>`). */
export function requestLines(target: CurlTarget, o: CurlOptions, t?: Trace): string[] {
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const defaultPort = target.scheme === 'https' ? 443 : 80;
  const lines = [`${method} ${target.path} ${httpVersion(o, t)}`];
  const given = new Map(Object.entries(o.headers).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  const std: [string, string][] = [
    // An IPv6 literal goes back in brackets, as in the URL.
    ['Host', hostHeader(target, defaultPort)],
    ['User-Agent', `curl/${CURL_VERSION}`],
    ['Accept', '*/*'],
  ];
  for (const [k, v] of std) {
    const g = given.get(k.toLowerCase());
    lines.push(g ? `${g[0]}: ${g[1]}` : `${k}: ${v}`);
    given.delete(k.toLowerCase());
  }
  if (o.protocol === 'HTTP/2' && target.scheme === 'http')
    lines.push(
      'Connection: Upgrade, HTTP2-Settings',
      'Upgrade: h2c',
      'HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA',
    );
  for (const [, [k, v]] of given) lines.push(`${k}: ${v}`);
  if (o.data !== undefined)
    lines.push('Content-Type: application/x-www-form-urlencoded', `Content-Length: ${o.data.length}`);
  return lines;
}

/** The status line and headers of the response. */
export function responseLines(t: Trace, o: CurlOptions): string[] {
  const r = t.response!;
  // HTTP/2 has no reason phrase; lib/http2.c writes "HTTP/2 <status> " with its mandatory space, and
  // header names arrive in lower case.
  const h2 = httpVersion(o, t) === 'HTTP/2';
  const lines = [
    h2 ? `HTTP/2 ${r.status} ` : `${httpVersion(o)} ${r.status} ${REASONS[r.status] ?? ''}`.trimEnd(),
  ];
  for (const [k, v] of Object.entries(r.headers ?? {})) lines.push(`${h2 ? k.toLowerCase() : k}: ${v}`);
  return lines;
}

function destination(t: Trace): { ip: string; port: string; local: string } | undefined {
  const first = t.hops.find((h) => h.phase !== 'dns' && h.stage === 'client' && h.direction !== 'reply');
  if (!first) return undefined;
  const { ip, port } = splitEndpoint(first.packet.dst);
  return { ip, port, local: first.packet.src };
}

/** The URL as curl normalizes it (no default port). */
function urlOf(target: CurlTarget): string {
  return `${target.scheme}://${hostHeader(target, target.scheme === 'https' ? 443 : 80)}${target.path}`;
}

/** `-v` output on stderr for one request. */
export function verboseLines(t: Trace, target: CurlTarget, o: CurlOptions): string[] {
  const out: string[] = [...(target.resolveLines ?? [])];
  const d = destination(t);
  if (!d) {
    out.push(`* Could not resolve host: ${connection(target).host}`, '* Closing connection');
    return out;
  }
  const v6 = d.ip.includes(':');
  const conn = connection(target);
  if (target.pinned === undefined && !/^\d+\.\d+\.\d+\.\d+$/.test(conn.host) && !conn.host.includes(':'))
    out.push(
      `* Host ${conn.host}:${conn.port} was resolved.`,
      `* IPv6: ${v6 ? d.ip : '(none)'}`,
      `* IPv4: ${v6 ? '(none)' : d.ip}`,
    );
  out.push(`*   Trying ${v6 ? `[${d.ip}]` : d.ip}:${d.port}...`);
  if (t.outcome !== 'delivered') {
    if (t.outcome === 'refused' || t.outcome === 'rejected') {
      const { ip: lip, port: lport } = splitEndpoint(d.local);
      out.push(`* connect to ${d.ip} port ${d.port} from ${lip} port ${lport} failed: Connection refused`);
    }
    const err = curlErrorLine(t, target, o);
    if (err) out.push(`* ${err.replace(/^curl: \(\d+\) /, '')}`);
    out.push('* Closing connection');
    return out;
  }
  out.push(`* Connected to ${conn.host} (${d.ip}) port ${d.port}`);
  if (t.tls) out.push(...tlsHandshakeLines(t.tls));
  if (t.clientError) {
    out.push(`* ${t.clientError.message.replace(/^curl: \(\d+\) /, '')}`, '* Closing connection');
    return out;
  }
  const request = requestLines(target, o, t);
  if (httpVersion(o, t) === 'HTTP/2') out.push(...http2StreamLines(urlOf(target), request));
  for (const l of request) out.push(`> ${l}`);
  out.push('> ');
  if (t.response) {
    for (const l of responseLines(t, o)) out.push(`< ${l}`);
    out.push('< ');
  }
  return out;
}

/** Expands curl's `-w` format for one request. */
export function writeOut(format: string, t: Trace, o: CurlOptions): string {
  const d = destination(t);
  const vars: Record<string, string> = {
    http_code: t.response ? String(t.response.status).padStart(3, '0') : '000',
    response_code: t.response ? String(t.response.status) : '0',
    remote_ip: d?.ip ?? '',
    remote_port: d?.port ?? '',
    local_ip: d ? splitEndpoint(d.local).ip : '',
    local_port: d ? splitEndpoint(d.local).port : '',
    exitcode: String(curlExitCode(t, o)),
    http_version: httpVersion(o, t) === 'HTTP/2' ? '2' : o.protocol === 'HTTP/1.0' ? '1' : '1.1',
    size_download: String(t.response?.body.length ?? 0),
  };
  return format
    .replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m)
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}
