/**
 * Host and path matching, as the Kubernetes Ingress spec defines it (kubernetes/website ingress.md, the
 * "Examples" and "Hostname wildcards" tables; reference §6):
 *  - hosts: exact (case-insensitive, port stripped), or `*.suffix` covering exactly one DNS label
 *    (ingress-nginx turns `*.foo.com` into the server_name regex `~^(?<subdomain>[\w-]+)\.foo\.com$`);
 *    no match → the catch-all server (rules without a host, and the controller's default backend);
 *  - Exact: the whole path, case-sensitive; Prefix: element by element on `/`, a trailing slash on
 *    either side ignored; ImplementationSpecific: treated as Prefix here (matching is up to the class);
 *  - the longest matching path wins; at equal length Exact beats Prefix.
 */
import { CATCH_ALL, type Location, type RoutingTable, type Server } from './routing-table';
import { msg, type Msg } from '../messages';

export type HostMatch = 'exact' | 'wildcard' | 'catch-all';

export interface RouteMatch {
  server: Server;
  hostMatch: HostMatch;
  location: Location;
  /** Every location of the server that matched the path, best first. */
  matching: Location[];
  /** Why this location, as a sentence. */
  note: Msg;
}

/** "Foo.Example.com:8080." → "foo.example.com" (nginx compares host names case-insensitively). */
export function normalizeHost(host: string | undefined): string {
  let h = (host ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h; // IPv6 literal: never a rule host
  const colon = h.lastIndexOf(':');
  if (colon >= 0) h = h.slice(0, colon);
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/**
 * Whether a rule host matches a request host. A wildcard covers exactly one DNS label.
 *
 * @example
 * hostMatches('*.foo.com', 'bar.foo.com'); // true
 * hostMatches('*.foo.com', 'baz.bar.foo.com'); // false
 * hostMatches('*.foo.com', 'foo.com'); // false
 */
export function hostMatches(ruleHost: string, requestHost: string): boolean {
  const rule = ruleHost.toLowerCase();
  const host = normalizeHost(requestHost);
  if (!rule.startsWith('*.')) return rule === host;
  const suffix = rule.slice(1); // ".foo.com"
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return /^[\w-]+$/.test(label);
}

/** A Prefix path without its trailing slash: "/aaa/bbb/" → "/aaa/bbb", "/" → "". */
function prefixBase(path: string): string {
  return path.replace(/\/+$/, '');
}

/**
 * Whether a location's path matches a request path (the query string is not part of it).
 *
 * @example
 * pathMatches('/aaa/bbb', 'Prefix', '/aaa/bbb/ccc'); // true
 * pathMatches('/aaa/bbb', 'Prefix', '/aaa/bbbxyz'); // false
 * pathMatches('/foo', 'Exact', '/foo/'); // false
 */
export function pathMatches(path: string, pathType: Location['pathType'], requestPath: string): boolean {
  if (pathType === 'Exact') return requestPath === path;
  const base = prefixBase(path);
  return requestPath === base || requestPath.startsWith(`${base}/`);
}

/** The length that decides "longest path": the path as matched (Prefix without trailing slash). */
function matchLength(l: Location): number {
  return l.pathType === 'Exact' ? l.path.length : prefixBase(l.path).length;
}

/**
 * The server ingress-nginx picks for a Host header: an exact host first, then a one-label wildcard,
 * else the catch-all server.
 *
 * @example
 * selectServer(table, 'bar.foo.com'); // { server: <*.foo.com>, hostMatch: 'wildcard' }
 */
export function selectServer(
  table: RoutingTable,
  host: string | undefined,
): { server: Server; hostMatch: HostMatch } {
  const h = normalizeHost(host);
  const exact = table.servers.get(h);
  if (exact && h !== CATCH_ALL && !h.startsWith('*.')) return { server: exact, hostMatch: 'exact' };
  // Regex server names are tried in config order; ingress-nginx sorts servers by host name.
  const wildcards = [...table.servers.values()]
    .filter((s) => s.host.startsWith('*.'))
    .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  const wild = wildcards.find((s) => hostMatches(s.host, h));
  if (wild) return { server: wild, hostMatch: 'wildcard' };
  return { server: table.servers.get(CATCH_ALL)!, hostMatch: 'catch-all' };
}

/** "/foo (Prefix)" */
export function describeLocation(l: Location): string {
  return `${l.path} (${l.pathType})`;
}

/**
 * Routes a request: picks the server by Host header, then the best location by path.
 *
 * @example
 * matchRequest(table, 'foo.bar.com', '/foo/x').location.path; // "/foo"
 */
export function matchRequest(table: RoutingTable, host: string | undefined, requestPath: string): RouteMatch {
  const { server, hostMatch } = selectServer(table, host);
  const path = requestPath.split('?')[0] || '/';
  const matching = server.locations
    .filter((l) => pathMatches(l.path, l.pathType, path))
    .map((l, i) => ({ l, i }))
    .sort(
      (a, b) =>
        matchLength(b.l) - matchLength(a.l) ||
        Number(b.l.pathType === 'Exact') - Number(a.l.pathType === 'Exact') ||
        a.i - b.i,
    )
    .map((x) => x.l);
  // Every server has a root "/" Prefix location, so something always matches.
  const location = matching[0]!;
  const hostWhy =
    hostMatch === 'catch-all'
      ? msg('ingress.host.catchAll', { host: normalizeHost(host) })
      : hostMatch === 'wildcard'
        ? msg('ingress.host.wildcard', { host: normalizeHost(host), server: server.host })
        : msg('ingress.host.exact', { server: server.host });
  let pathWhy: Msg;
  let beatenWhy: Msg | null = null;
  if (location.isDefaultBackend) {
    pathWhy = location.backend
      ? msg('ingress.path.ingressDefault', { path })
      : msg('ingress.path.controllerDefault', { path });
  } else {
    pathWhy = msg('ingress.path.matches', { location: describeLocation(location), path });
    const beaten = matching.filter((l) => l !== location && !l.isDefaultBackend);
    if (beaten.length > 0) {
      const sameLength = beaten.some((l) => matchLength(l) === matchLength(location));
      beatenWhy = msg('ingress.path.beats', { others: beaten.map(describeLocation), sameLength });
    }
  }
  const note = msg('ingress.match', {
    host: hostWhy,
    path: pathWhy,
    beaten: beatenWhy,
    implementationSpecific: !location.isDefaultBackend && location.pathType === 'ImplementationSpecific',
  });
  return { server, hostMatch, location, matching, note };
}
