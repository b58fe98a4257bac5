/**
 * The ingress-nginx controller's data path for one HTTP request that reached a controller pod:
 * TLS handshake (by SNI) → server by Host → location by path → HTTPS redirect → upstream endpoints
 * from EndpointSlices → balancer (round-robin, or the sticky cookie) → proxied request with
 * X-Forwarded-* headers. It connects to the pod directly; the Service's ClusterIP is not used.
 */
import type { ClusterState } from '../cluster/state';
import type { Candidate, TlsView } from '../trace';
import { backendKey, hex, readCookie, setCookieHeader, shouldSetCookie, upstreamAffinity } from './affinity';
import { forwardedHeaders, header } from './headers';
import { describeLocation, matchRequest, normalizeHost, type RouteMatch } from './match';
import { HTML_HEADERS, NOT_FOUND_BODY, PERMANENT_REDIRECT_BODY, UNAVAILABLE_BODY } from './responses';
import { CATCH_ALL, buildRoutingTable, ingressKey } from './routing-table';
import type { IngressState } from './state';
import { certificateConfiguredFor, tlsHandshake, tlsHosts, type ServerCertificate } from './tls';
import { resolveUpstream, type UpstreamEndpoint } from './upstream';
import { msg, type Msg } from '../messages';

/** 2026-01-01T00:00:00Z: the wall-clock time of simulated second 0 (cookie Expires dates). */
export const SCENE_EPOCH = 1767225600;

export interface IngressRequest {
  host?: string; // the Host header: "shop.example.com" (may carry ":port")
  path: string; // "/api/items?x=1"
  method: string; // "GET"
  scheme: 'http' | 'https';
  headers: Record<string, string>;
  /** The client address as the controller sees it (after any SNAT on the way): "203.0.113.10:41234". */
  clientAddress: string;
  /** TLS server name the client sent (curl sends the URL's host name, none for an IP address). */
  sni?: string;
  /** curl -k */
  insecure?: boolean;
  /** What the client offers in TLS ALPN (curl: h2,http/1.1; http/1.1 only after --http1.x). */
  alpn?: string[];
  /** Simulated seconds (world.clock), for cookie Expires. */
  now?: number;
}

export interface TlsInfo {
  certificate: string; // "default/shop-tls" or "Kubernetes Ingress Controller Fake Certificate"
  /** The handshake as curl saw it (-v, the trace's tls). */
  view: TlsView;
}

export interface ProxyDecision {
  kind: 'proxy';
  ingress: string; // "default/shop"
  rule: string; // "shop.example.com /api (Prefix) → api:80"
  /** Where in the Ingress the matched path is: "spec.rules[0].http.paths[1]" or "spec.defaultBackend". */
  field?: string;
  service: string; // "default/api"
  servicePort: number; // 80
  upstream: string; // "default-api-80"
  endpoint: { ip: string; port: number; pod: string | null };
  candidates: Candidate[];
  requestHeaders: Record<string, string>;
  /** Headers the controller adds to the backend's response (Set-Cookie, Strict-Transport-Security). */
  responseHeaders: Record<string, string>;
  setCookie?: string;
  tls?: TlsInfo;
  note: Msg;
}

export interface RespondDecision {
  kind: 'respond';
  status: number;
  body: string;
  headers: Record<string, string>;
  ingress?: string;
  rule?: string;
  field?: string;
  service?: string;
  tls?: TlsInfo;
  note: Msg;
}

/** The TLS handshake failed; curl prints `message` and exits with `curlExitCode`. */
export interface TlsErrorDecision {
  kind: 'tls-error';
  curlExitCode: number; // 60
  message: string; // "curl: (60) SSL certificate problem: self-signed certificate"
  certificate: string;
  tls: TlsView;
  note: Msg;
}

export type IngressDecision = ProxyDecision | RespondDecision | TlsErrorDecision;

const ANN = 'nginx.ingress.kubernetes.io/';
const HSTS = 'max-age=31536000; includeSubDomains'; // hsts, hsts-max-age 31536000, hsts-include-subdomains

function ruleText(m: RouteMatch): string {
  const host = m.server.host === CATCH_ALL ? '*' : m.server.host;
  const l = m.location;
  if (!l.backend) return `${host} ${describeLocation(l)} → default backend`;
  const port = l.backend.port?.number ?? l.backend.port?.name ?? '';
  const where = l.isDefaultBackend ? 'defaultBackend' : describeLocation(l);
  return `${host} ${where} → ${l.backend.name}:${port}`;
}

/** ssl-redirect defaults to true (config SSLRedirect), force-ssl-redirect to false (lua_ingress redirect_to_https). */
function redirects(m: RouteMatch, certs: Map<string, ServerCertificate>, req: IngressRequest): boolean {
  if (req.scheme !== 'http') return false;
  const ann = m.location.ingress?.metadata.annotations ?? {};
  if (ann[`${ANN}force-ssl-redirect`] === 'true') return true;
  if (ann[`${ANN}ssl-redirect`] === 'false') return false;
  return certificateConfiguredFor(certs, req.host);
}

/**
 * Routes one request through ingress-nginx and says what the controller does with it.
 *
 * @example
 * const d = routeIngress(cluster, state, { host: 'shop.example.com', path: '/', method: 'GET', scheme: 'http',
 *   headers: {}, clientAddress: '203.0.113.10:41234' });
 * d.kind === 'proxy' && d.endpoint; // { ip: '10.244.1.5', port: 8080, pod: 'default/web-0' }
 */
export function routeIngress(
  cluster: ClusterState,
  state: IngressState,
  req: IngressRequest,
): IngressDecision {
  const table = buildRoutingTable(cluster);
  const certs = tlsHosts(cluster, table);
  let tls: TlsInfo | undefined;
  let tlsNote: Msg | null = null;
  if (req.scheme === 'https') {
    const hs = tlsHandshake(certs, req.sni, {
      insecure: req.insecure ?? false,
      ...(req.alpn ? { alpn: req.alpn } : {}),
    });
    if (hs.curlError)
      return {
        kind: 'tls-error',
        ...hs.curlError,
        certificate: hs.certificate.name,
        tls: hs.view,
        note: hs.note,
      };
    tls = { certificate: hs.certificate.name, view: hs.view };
    tlsNote = hs.note;
  }
  const m = matchRequest(table, req.host, req.path);
  const rule = ruleText(m);
  const ingress = m.location.ingress ? ingressKey(m.location.ingress) : undefined;
  const field = ingress ? m.location.field : undefined;
  const base = {
    ...(ingress ? { ingress } : {}),
    rule,
    ...(field ? { field } : {}),
    ...(tls ? { tls } : {}),
  };
  const hostName = normalizeHost(req.host) || CATCH_ALL;
  const note = (then: Msg): Msg => msg('ingress.note', { tls: tlsNote, match: m.note, then });

  if (redirects(m, certs, req)) {
    // lua_ingress.lua rewrite(): https:// + redirect_host() ($best_http_host without its port) +
    // $request_uri, whose trailing '/' is dropped unless preserve-trailing-slash is "true".
    const ann = m.location.ingress?.metadata.annotations ?? {};
    const uri = req.path || '/';
    const keepSlash = ann[`${ANN}preserve-trailing-slash`] === 'true';
    const location = `https://${(req.host ?? hostName).split(':')[0]}${!keepSlash && uri.endsWith('/') ? uri.slice(0, -1) : uri}`;
    return {
      kind: 'respond',
      status: 308,
      body: PERMANENT_REDIRECT_BODY,
      headers: { ...HTML_HEADERS, Location: location },
      ...base,
      note: msg('ingress.note', {
        tls: null,
        match: m.note,
        then: msg('ingress.redirect', { host: hostName }),
      }),
    };
  }
  // lua_ingress.lua header() tests `certificate_configured_for_current_request` without calling it (a
  // function is always true), so every HTTPS response carries HSTS (hsts defaults to true).
  const responseHeaders: Record<string, string> =
    req.scheme === 'https' ? { 'Strict-Transport-Security': HSTS } : {};
  const backend = m.location.backend;
  if (!backend || !m.location.ingress) {
    return {
      kind: 'respond',
      status: 404,
      body: NOT_FOUND_BODY,
      headers: { ...HTML_HEADERS, ...responseHeaders },
      ...base,
      note: note(msg('ingress.defaultBackend', {})),
    };
  }
  const ns = m.location.ingress.metadata.namespace ?? 'default';
  const up = resolveUpstream(cluster, ns, backend);
  if (up.endpoints.length === 0) {
    return {
      kind: 'respond',
      status: 503,
      body: UNAVAILABLE_BODY,
      headers: { ...HTML_HEADERS, ...responseHeaders },
      ...base,
      service: up.service,
      note: note(
        msg('ingress.emptyUpstream', {
          problem: up.problem ?? msg('ingress.upstream.noEndpoints', { service: up.service }),
          upstream: up.name,
        }),
      ),
    };
  }

  const pick = balance(table, state, up.name, up.endpoints, req, m);
  if (pick.setCookie) responseHeaders['Set-Cookie'] = pick.setCookie;
  state.requests += 1;
  const requestHeaders = forwardedHeaders({
    ...(req.host !== undefined ? { host: req.host } : {}),
    serverHost: m.server.host,
    scheme: req.scheme,
    serverPort: req.scheme === 'https' ? 443 : 80,
    clientAddress: req.clientAddress,
    headers: req.headers,
    requestNumber: state.requests,
  });
  const chosen = pick.endpoint;
  return {
    kind: 'proxy',
    ingress: ingress!,
    rule,
    ...(field ? { field } : {}),
    service: up.service,
    servicePort: up.servicePort!.port,
    upstream: up.name,
    endpoint: { ip: chosen.ip, port: chosen.port, pod: chosen.pod ?? null },
    candidates: up.endpoints.map((e) => ({
      endpoint: `${e.ip}:${e.port}`,
      ...(e.pod ? { pod: e.pod } : {}),
      ...(e.node ? { node: e.node } : {}),
      chosen: e === chosen,
    })),
    requestHeaders,
    responseHeaders,
    ...(pick.setCookie ? { setCookie: pick.setCookie } : {}),
    ...(tls ? { tls } : {}),
    note: note(
      msg('ingress.proxies', {
        pick: pick.note,
        service: up.service,
        endpoint: `${chosen.ip}:${chosen.port}`,
      }),
    ),
  };
}

interface Pick {
  endpoint: UpstreamEndpoint;
  setCookie?: string;
  note: Msg;
}

function roundRobin(state: IngressState, upstream: string, endpoints: UpstreamEndpoint[]): UpstreamEndpoint {
  const i = (state.roundRobin.get(upstream) ?? 0) % endpoints.length;
  state.roundRobin.set(upstream, i + 1);
  return endpoints[i]!;
}

function balance(
  table: ReturnType<typeof buildRoutingTable>,
  state: IngressState,
  upstream: string,
  endpoints: UpstreamEndpoint[],
  req: IngressRequest,
  m: RouteMatch,
): Pick {
  const aff = upstreamAffinity(table, upstream);
  if (!aff) {
    const e = roundRobin(state, upstream, endpoints);
    return {
      endpoint: e,
      note: msg('ingress.pick.roundRobin', { endpoint: `${e.ip}:${e.port}` }),
    };
  }
  const addr = (e: UpstreamEndpoint) => `${e.ip}:${e.port}`;
  const raw = readCookie(header(req.headers, 'Cookie'), aff.name);
  const key = raw?.split('|')[0];
  if (key) {
    if (aff.mode === 'persistent') {
      const e = endpoints.find((x) => hex(upstream + addr(x)) === key);
      if (e)
        return {
          endpoint: e,
          note: msg('ingress.pick.cookiePersistent', { cookie: aff.name, endpoint: addr(e) }),
        };
    } else {
      const routeKey = `${upstream}|${key}`;
      const known = state.cookieRoutes.get(routeKey);
      const e = endpoints.find((x) => addr(x) === known);
      if (e)
        return {
          endpoint: e,
          note: msg('ingress.pick.cookieSticks', { cookie: aff.name, endpoint: addr(e) }),
        };
      // The hash ring maps any key onto some endpoint: the session moves without a new cookie.
      const moved = endpoints[parseInt(key.slice(0, 8), 16) % endpoints.length || 0] ?? endpoints[0]!;
      state.cookieRoutes.set(routeKey, addr(moved));
      return {
        endpoint: moved,
        note: msg('ingress.pick.cookieMoved', {
          cookie: aff.name,
          old: known ?? null,
          endpoint: addr(moved),
        }),
      };
    }
  }
  // New session: pick an endpoint (round-robin stands in for sticky_balanced's random key) and a key.
  const e = roundRobin(state, upstream, endpoints);
  state.sessions += 1;
  const newKey = aff.mode === 'persistent' ? hex(upstream + addr(e)) : hex(`${upstream}#${state.sessions}`);
  if (aff.mode === 'balanced') state.cookieRoutes.set(`${upstream}|${newKey}`, addr(e));
  const set = shouldSetCookie(aff, normalizeHost(req.host), m.server.host === CATCH_ALL, m.location.path);
  const cookie = set
    ? setCookieHeader(aff, `${newKey}|${backendKey(upstream)}`, {
        path: m.location.path,
        https: req.scheme === 'https',
        epochSeconds: SCENE_EPOCH + Math.floor(req.now ?? 0),
      })
    : undefined;
  return {
    endpoint: e,
    ...(cookie ? { setCookie: cookie } : {}),
    note: msg('ingress.pick.cookieNew', {
      mode: aff.mode,
      cookie: aff.name,
      endpoint: addr(e),
      sets: cookie !== undefined,
    }),
  };
}
