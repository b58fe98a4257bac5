/**
 * Hostname rules of the Gateway API as Envoy Gateway applies them (internal/gatewayapi/helpers.go):
 * a wildcard `*.example.com` matches one or more labels in front of `.example.com` (so `a.b.example.com`
 * too, and not `example.com` itself); the hostnames a route serves on a listener are the intersection of
 * the route's and the listener's; a route hostname that another listener on the same port names exactly
 * belongs to that listener.
 *
 * @example
 * wildcardMatches('*.example.com', 'shop.example.com'); // true
 * computeHosts(['shop.example.com'], listener('*.example.com'), []); // ["shop.example.com"]
 */

/**
 * wildcardHostnameMatchesHostname: whether a wildcard pattern covers a hostname (or a narrower wildcard).
 *
 * @example
 * wildcardMatches('*.com', '*.example.com'); // true
 */
export function wildcardMatches(wildcard: string, hostname: string): boolean {
  const suffix = wildcard.replace(/^\*/, '');
  if (!hostname.startsWith('*')) return hostname.endsWith(suffix) && hostname.length > suffix.length;
  const hostSuffix = hostname.replace(/^\*/, '');
  return hostSuffix.endsWith(suffix) && hostSuffix.length > suffix.length;
}

interface ListenerLike {
  hostname?: string;
  port: number;
}

/**
 * computeHosts: the hostnames a route serves through one listener, sorted ("*" for any). Empty when the
 * route's hostnames and the listener's do not intersect.
 *
 * @example
 * computeHosts([], { hostname: 'a.example.com', port: 80 }, []); // ["a.example.com"]
 */
export function computeHosts(
  routeHostnames: readonly string[],
  listener: ListenerLike,
  siblings: readonly ListenerLike[],
): string[] {
  const lh = listener.hostname ?? '';
  if (routeHostnames.length === 0) return [lh || '*'];
  const set = new Set<string>();
  for (const rh of routeHostnames) {
    if (lh === '' || lh === rh) set.add(rh);
    else if (lh.startsWith('*') && rh.startsWith('*')) {
      if (wildcardMatches(rh, lh)) set.add(lh);
      if (wildcardMatches(lh, rh)) set.add(rh);
    } else if (lh.startsWith('*')) {
      if (wildcardMatches(lh, rh)) set.add(rh);
    } else if (rh.startsWith('*')) {
      if (wildcardMatches(rh, lh)) set.add(lh);
    }
  }
  for (const other of siblings) {
    if (other === listener || other.port !== listener.port || !other.hostname) continue;
    set.delete(other.hostname);
  }
  return [...set].sort();
}

/**
 * Whether a request's host (no port, lower case) matches a served hostname ("*" matches all).
 *
 * @example
 * hostMatches('*.example.com', 'a.example.com'); // true
 */
export function hostMatches(served: string, host: string): boolean {
  if (served === '*') return true;
  if (served.startsWith('*')) return wildcardMatches(served, host);
  return served === host;
}
