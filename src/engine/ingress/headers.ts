/**
 * The request headers ingress-nginx sets towards the backend (nginx.tmpl, location block) with its
 * defaults `use-forwarded-headers: false`, `compute-full-forwarded-for: false`,
 * `generate-request-id: true`, `proxy-add-original-uri-header: false`:
 *   Host / X-Forwarded-Host = $best_http_host, X-Request-ID = the client's or a generated id,
 *   X-Real-IP = X-Forwarded-For = $remote_addr (the client address as the controller sees it: an incoming
 *   X-Forwarded-For is not trusted, it moves to X-Original-Forwarded-For), X-Forwarded-Port = the port the
 *   controller received on, X-Forwarded-Proto = X-Forwarded-Scheme = X-Scheme = http|https.
 */
import { hex } from './affinity';

/** Case-insensitive header lookup. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** "203.0.113.10:41234" → "203.0.113.10" (nginx's $remote_addr has no port). */
export function addressOnly(address: string): string {
  const m = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  return m ? m[1]! : address.replace(/^\[(.*)\](:\d+)?$/, '$1');
}

/**
 * A deterministic stand-in for nginx's `$request_id` (32 random hex digits).
 *
 * @example
 * requestId(1); // 32 hex digits, the same for the same request number
 */
export function requestId(n: number): string {
  return hex(`svclab-request-${n}`);
}

/**
 * The headers the controller adds or replaces on the proxied request.
 *
 * @example
 * forwardedHeaders({ host: 'shop.example.com', scheme: 'http', serverPort: 80, clientAddress: '203.0.113.10',
 *   headers: {}, requestNumber: 1 })['X-Forwarded-For']; // "203.0.113.10"
 */
export function forwardedHeaders(req: {
  host?: string;
  serverHost: string;
  scheme: 'http' | 'https';
  serverPort: number;
  clientAddress: string;
  headers: Record<string, string>;
  requestNumber: number;
}): Record<string, string> {
  const remote = addressOnly(req.clientAddress);
  // $best_http_host: the Host header as sent (with its port), else the server name.
  const bestHost = req.host ?? req.serverHost;
  const out: Record<string, string> = {
    Host: bestHost,
    'X-Request-ID': header(req.headers, 'X-Request-ID') || requestId(req.requestNumber),
    'X-Real-IP': remote,
    'X-Forwarded-For': remote,
    'X-Forwarded-Host': bestHost,
    'X-Forwarded-Port': String(req.serverPort),
    'X-Forwarded-Proto': req.scheme,
    'X-Forwarded-Scheme': req.scheme,
    'X-Scheme': req.scheme,
  };
  // nginx drops a proxy_set_header whose value is empty.
  const xff = header(req.headers, 'X-Forwarded-For');
  if (xff) out['X-Original-Forwarded-For'] = xff;
  const xfh = header(req.headers, 'X-Forwarded-Host');
  if (xfh) out['X-Original-Forwarded-Host'] = xfh;
  return out;
}
