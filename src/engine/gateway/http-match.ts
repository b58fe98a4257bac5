/**
 * How Envoy, as Envoy Gateway configures it, finds the HTTPRoute rule for a request on one Gateway port:
 * every HTTP listener of the Gateway on that port shares one Envoy listener, whose virtual hosts are the
 * hostnames the attached routes serve (hostnames.ts computeHosts). Envoy picks the virtual host by the
 * Host header (port stripped): an exact domain first, then the longest `*.` wildcard, then `*`. Inside
 * it, the routes are in Envoy Gateway's order (internal/gatewayapi/sort.go): path match type (Exact,
 * then RegularExpression, then PathPrefix), longer path value, more header matches (a method match is
 * a `:method` header match there), more exact header matches, more query parameter matches, more exact
 * ones, and last the route's IR name (`httproute/<ns>/<name>/rule/<i>/match/<j>/…`) alphabetically,
 * where the specification says creation time first. Envoy takes the first route that matches.
 *
 * @example
 * const table = routeTable(gatewayModel(cluster), 'default/eg', 80, 'HTTP');
 * selectRoute(table, { host: 'shop.example.com', path: '/api/x', method: 'GET', headers: {} }).matched?.routeKey;
 * // "default/shop"
 */
import { librarySlot } from '../util/library-slot';
import type { GRPCRouteMatch, HTTPRouteMatch, Route } from '../k8s/gateway-api';
import { describeGrpcMatch, grpcEnvoyMatch, type EnvoyMatch } from './grpc-match';
import { hostMatches, wildcardMatches } from './hostnames';
import type { RuleResult } from './routes';
import type { GatewayModel } from './translate';

/** One route entry of an Envoy virtual host: a match of a rule of an HTTPRoute or a GRPCRoute. */
export interface RouteEntry {
  route: Route;
  routeKey: string; // "default/shop"
  ruleIndex: number;
  /** -1: a GRPCRoute rule without matches (it takes every call). */
  matchIndex: number;
  /** The match as Envoy holds it (a GRPCRoute's method match is a path match there: grpc-match.ts). */
  match: EnvoyMatch;
  /** A GRPCRoute's match as written (undefined for an HTTPRoute, or a GRPCRoute rule without matches). */
  grpc?: GRPCRouteMatch;
  rule: RuleResult;
  /** The virtual host's domain: "shop.example.com", "*.example.com" or "*". */
  host: string;
  /** The Gateway listener(s) this entry came through ("http"). */
  listeners: string[];
  /** Envoy Gateway's IR name, its last tie-breaker. */
  irName: string;
}

export interface HttpRequestView {
  host: string; // "shop.example.com" (lower case, no port)
  path: string; // "/api/items?x=1"
  method: string; // "GET"
  headers: Record<string, string>;
}

/** Why a route entry ahead of the chosen one did not take the request. */
export interface SkippedEntry {
  entry: RouteEntry;
  why: 'path' | 'method' | 'header' | 'query';
  /** A header name, or ":path" for a method-only GRPCRoute match. */
  name?: string; // the header or query parameter that failed
}

export interface RouteSelection {
  /** The virtual host Envoy chose, or undefined when no domain matches the Host. */
  vhost?: string;
  /** Every domain the port serves, for the explanation. */
  domains: string[];
  matched?: RouteEntry;
  skipped: SkippedEntry[];
}

const DEFAULT_MATCH: HTTPRouteMatch = { path: { type: 'PathPrefix', value: '/' } };

/**
 * The route entries of a Gateway's HTTP listeners on one port (protocol "HTTP" or "HTTPS"), unsorted.
 *
 * @example
 * routeTable(model, 'default/eg', 80, 'HTTP').map((e) => e.host); // ["shop.example.com", …]
 */
export function routeTable(
  model: GatewayModel,
  gatewayKey: string,
  port: number,
  protocol: string,
): RouteEntry[] {
  const out = new Map<string, RouteEntry>();
  for (const r of model.routes) {
    const route = r.route;
    const routeKey = `${route.metadata.namespace ?? 'default'}/${route.metadata.name ?? ''}`;
    const prefix = route.kind === 'GRPCRoute' ? 'grpcroute' : 'httproute';
    for (const p of r.parents) {
      if (p.gatewayKey !== gatewayKey || !p.accepted) continue;
      for (const a of p.attached) {
        const l = a.listener;
        if (!l.ready || l.listener.port !== port || l.listener.protocol !== protocol) continue;
        for (const host of a.hosts) {
          for (const rule of r.rules) {
            for (const m of matchesOf(route, rule.index)) {
              const irName = `${prefix}/${routeKey}/rule/${rule.index}/match/${m.matchIndex}/${host.replace(/\./g, '_')}`;
              const held = out.get(irName);
              if (held) {
                if (!held.listeners.includes(l.listener.name)) held.listeners.push(l.listener.name);
                continue;
              }
              out.set(irName, {
                route,
                routeKey,
                ruleIndex: rule.index,
                ...m,
                rule,
                host,
                listeners: [l.listener.name],
                irName,
              });
            }
          }
        }
      }
    }
  }
  return [...out.values()];
}

/** A rule's matches as Envoy entries: an HTTPRoute rule's (default PathPrefix /), a GRPCRoute rule's. */
function matchesOf(
  route: Route,
  ruleIndex: number,
): { match: EnvoyMatch; matchIndex: number; grpc?: GRPCRouteMatch }[] {
  if (route.kind === 'GRPCRoute') {
    const list = route.spec.rules?.[ruleIndex]?.matches ?? [];
    // processGRPCRouteRule: no matches, one IR route (index -1) that matches every call.
    if (list.length === 0) return [{ match: {}, matchIndex: -1 }];
    return list.map((grpc, matchIndex) => ({ match: grpcEnvoyMatch(grpc), matchIndex, grpc }));
  }
  const matches = route.spec.rules?.[ruleIndex]?.matches;
  const list = matches && matches.length > 0 ? matches : [DEFAULT_MATCH];
  return list.map((match, matchIndex) => ({ match, matchIndex }));
}

/** Envoy's virtual host choice: exact, then the longest suffix wildcard, then "*". */
function chooseDomain(domains: readonly string[], host: string): string | undefined {
  if (domains.includes(host)) return host;
  const wild = domains
    .filter((d) => d.startsWith('*.') && wildcardMatches(d, host))
    .sort((a, b) => b.length - a.length);
  if (wild[0]) return wild[0];
  return domains.find((d) => d === '*' && hostMatches(d, host));
}

const pathType = (m: EnvoyMatch): number =>
  m.path?.type === 'Exact' ? 3 : m.path?.type === 'RegularExpression' ? 2 : 1;
/** sort.go pathMatchCount: a "/" prefix (or no path match) counts 0, as it matches every path. */
const pathLength = (m: EnvoyMatch): number => {
  const v = m.path?.value ?? '/';
  return (m.path?.type ?? 'PathPrefix') === 'PathPrefix' && v === '/' ? 0 : v.length;
};
/** A method match is a `:method` header match, a method-only GRPCRoute match a `:path` suffix one. */
const headerCount = (m: EnvoyMatch): number =>
  (m.headers?.length ?? 0) + (m.method ? 1 : 0) + (m.pathSuffix !== undefined ? 1 : 0);
const exactHeaders = (m: EnvoyMatch): number =>
  (m.headers ?? []).filter((h) => (h.type ?? 'Exact') === 'Exact').length + (m.method ? 1 : 0);
const queryCount = (m: HTTPRouteMatch): number => m.queryParams?.length ?? 0;
const exactQueries = (m: HTTPRouteMatch): number =>
  (m.queryParams ?? []).filter((q) => (q.type ?? 'Exact') === 'Exact').length;

/**
 * Envoy Gateway's route order (highest precedence first).
 *
 * @example
 * sortEntries(entries)[0].match.path?.type; // "Exact" when one entry matches a path exactly
 */
export function sortEntries(entries: readonly RouteEntry[]): RouteEntry[] {
  const keys = (e: RouteEntry): number[] => [
    pathType(e.match),
    pathLength(e.match),
    headerCount(e.match),
    exactHeaders(e.match),
    queryCount(e.match),
    exactQueries(e.match),
  ];
  return [...entries].sort((a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return a.irName < b.irName ? -1 : a.irName > b.irName ? 1 : 0;
  });
}

/** RE2 (@bufbuild/re2), loaded apart (util/library-slot.ts): engine/libraries.ts provides it. */
export const re2Library = librarySlot<{ compile(pattern: string): { matches(value: string): boolean } }>(
  're2',
);

const regexCache = new Map<string, { matches(value: string): boolean } | null>();
/** RE2 full match (Envoy's safe_regex), a pattern RE2 cannot compile matches nothing. */
function fullMatch(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    const re2 = re2Library.use();
    try {
      re = re2.compile(pattern);
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re !== null && re.matches(value);
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** The first value of each query parameter (Envoy matches the first occurrence). */
function queryParams(path: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = path.indexOf('?');
  if (q < 0) return out;
  for (const part of path.slice(q + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const dec = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const name = dec(rawName);
    if (!out.has(name)) out.set(name, dec(rawValue));
  }
  return out;
}

/** Whether a PathPrefix value matches: whole path segments ("/api" matches "/api" and "/api/x", not "/apix"). */
export function prefixMatches(prefix: string, path: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === p || path.startsWith(`${p}/`);
}

/**
 * Why one match does not take the request, or null when it does.
 *
 * @example
 * mismatch({ path: { type: 'Exact', value: '/a' } }, { host: 'x', path: '/b', method: 'GET', headers: {} }); // { why: "path" }
 */
export function mismatch(m: EnvoyMatch, req: HttpRequestView): Omit<SkippedEntry, 'entry'> | null {
  const q = req.path.indexOf('?');
  const path = q < 0 ? req.path : req.path.slice(0, q);
  const type = m.path?.type ?? 'PathPrefix';
  const value = m.path?.value ?? '/';
  const pathOk =
    type === 'Exact'
      ? path === value
      : type === 'RegularExpression'
        ? fullMatch(value, path)
        : prefixMatches(value, path);
  if (!pathOk) return { why: 'path' };
  if (m.pathSuffix !== undefined && !req.path.endsWith(m.pathSuffix)) return { why: 'header', name: ':path' };
  if (m.method && m.method !== req.method) return { why: 'method' };
  const seenHeaders = new Set<string>();
  for (const h of m.headers ?? []) {
    const key = h.name.toLowerCase();
    if (seenHeaders.has(key)) continue; // the specification: only the first match of a name counts
    seenHeaders.add(key);
    const v = headerValue(req.headers, h.name);
    const ok = v !== undefined && ((h.type ?? 'Exact') === 'Exact' ? v === h.value : fullMatch(h.value, v));
    if (!ok) return { why: 'header', name: h.name };
  }
  const params = queryParams(req.path);
  for (const qp of m.queryParams ?? []) {
    const v = params.get(qp.name);
    const ok =
      v !== undefined && ((qp.type ?? 'Exact') === 'Exact' ? v === qp.value : fullMatch(qp.value, v));
    if (!ok) return { why: 'query', name: qp.name };
  }
  return null;
}

/**
 * Envoy's decision for one request: the virtual host, then the first route entry in precedence order that
 * matches, with the entries before it and why each did not match.
 *
 * @example
 * selectRoute(table, { host: 'a.example.com', path: '/', method: 'GET', headers: {} }).vhost; // "*.example.com"
 */
export function selectRoute(table: readonly RouteEntry[], req: HttpRequestView): RouteSelection {
  const domains = [...new Set(table.map((e) => e.host))].sort();
  const vhost = chooseDomain(domains, req.host);
  if (vhost === undefined) return { domains, skipped: [] };
  const skipped: SkippedEntry[] = [];
  for (const entry of sortEntries(table.filter((e) => e.host === vhost))) {
    const miss = mismatch(entry.match, req);
    if (!miss) return { vhost, domains, matched: entry, skipped };
    skipped.push({ entry, ...miss });
  }
  return { vhost, domains, skipped };
}

/**
 * A route entry's match as the user wrote it: an HTTPRoute's (describeMatch) or a GRPCRoute's.
 *
 * @example
 * describeEntry(entry); // "method echo.Echo/Ping" for a GRPCRoute entry
 */
export function describeEntry(e: RouteEntry): string {
  return e.route.kind === 'GRPCRoute' ? describeGrpcMatch(e.grpc) : describeMatch(e.match);
}

/**
 * A match as a line a student reads beside the YAML: "PathPrefix /api, GET, header version=2, query a=b".
 *
 * @example
 * describeMatch({ path: { type: 'Exact', value: '/' }, method: 'GET' }); // "Exact /, method GET"
 */
export function describeMatch(m: HTTPRouteMatch): string {
  const parts = [`${m.path?.type ?? 'PathPrefix'} ${m.path?.value ?? '/'}`];
  if (m.method) parts.push(`method ${m.method}`);
  for (const h of m.headers ?? [])
    parts.push(`header ${h.name}${(h.type ?? 'Exact') === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of m.queryParams ?? [])
    parts.push(`query ${q.name}${(q.type ?? 'Exact') === 'Exact' ? '=' : '~'}${q.value}`);
  return parts.join(', ');
}
