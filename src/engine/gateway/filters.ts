/**
 * HTTPRoute filters as Envoy applies them for Envoy Gateway: header modifiers on the request towards the
 * backend and on the response towards the client (`set` replaces, `add` appends one more value, `remove`
 * drops every value; names match case-insensitively), URLRewrite (Host and path), and RequestRedirect
 * (the Location the specification derives: scheme, host, port, path, status 302 unless set). Headers are
 * kept as the contract's "what the backend saw" shape: a name received more than once is one entry whose
 * value is an array, in order.
 *
 * @example
 * applyHeaderModifier({ Accept: '*\/*' }, { set: [{ name: 'X-Env', value: 'canary' }] });
 * // { Accept: "*\/*", "X-Env": "canary" }
 */
import type { HeaderModifier, HTTPRouteMatch, PathModifier } from '../k8s/gateway-api';
import { prefixMatches } from './http-match';

/** Headers as a backend or a client sees them: repeated names become one array, in order. */
export type HeaderMap = Record<string, string | string[]>;

function keyOf(headers: HeaderMap, name: string): string | undefined {
  const want = name.toLowerCase();
  return Object.keys(headers).find((k) => k.toLowerCase() === want);
}

/**
 * The headers after one RequestHeaderModifier or ResponseHeaderModifier.
 *
 * @example
 * applyHeaderModifier({ 'X-A': '1' }, { add: [{ name: 'x-a', value: '2' }] }); // { "X-A": ["1", "2"] }
 */
export function applyHeaderModifier(headers: HeaderMap, mod: HeaderModifier): HeaderMap {
  const out: HeaderMap = { ...headers };
  for (const h of mod.set ?? []) {
    const k = keyOf(out, h.name);
    if (k !== undefined) delete out[k];
    out[h.name] = h.value;
  }
  for (const h of mod.add ?? []) {
    const k = keyOf(out, h.name);
    if (k === undefined) out[h.name] = h.value;
    else {
      const v = out[k]!;
      out[k] = [...(Array.isArray(v) ? v : [v]), h.value];
    }
  }
  for (const name of mod.remove ?? []) {
    const k = keyOf(out, name);
    if (k !== undefined) delete out[k];
  }
  return out;
}

/** The part of a path a PathPrefix match consumed, replaced ("/foo" → "/bar": "/foo/x" → "/bar/x"). */
function replacePrefix(path: string, matched: string, replacement: string): string {
  const prefix = matched !== '/' && matched.endsWith('/') ? matched.slice(0, -1) : matched;
  const rest = prefix === '/' ? path.slice(1) : path.slice(prefix.length);
  const restNoSlash = rest.startsWith('/') ? rest.slice(1) : rest;
  const base = replacement.endsWith('/') ? replacement.slice(0, -1) : replacement;
  if (restNoSlash === '') return base === '' ? '/' : replacement === '/' ? '/' : base;
  return `${base}/${restNoSlash}`;
}

/**
 * A path after a path modifier: the query string is kept. ReplacePrefixMatch needs the rule's
 * PathPrefix match (the API server refuses it otherwise).
 *
 * @example
 * rewritePath('/api/orders?x=1', { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' }, match); // "/v2/orders?x=1"
 */
export function rewritePath(pathWithQuery: string, mod: PathModifier, match: HTTPRouteMatch): string {
  const q = pathWithQuery.indexOf('?');
  const path = q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
  const query = q < 0 ? '' : pathWithQuery.slice(q);
  if (mod.type === 'ReplaceFullPath') return `${mod.replaceFullPath ?? '/'}${query}`;
  const prefix = match.path?.value ?? '/';
  if ((match.path?.type ?? 'PathPrefix') !== 'PathPrefix' || !prefixMatches(prefix, path))
    return pathWithQuery;
  return `${replacePrefix(path, prefix, mod.replacePrefixMatch ?? '/')}${query}`;
}

export interface RedirectInput {
  scheme: 'http' | 'https';
  host: string; // the request's host, without port
  listenerPort: number;
  path: string; // with query
}

/**
 * The Location of a RequestRedirect: each part the filter leaves out comes from the request, the port
 * from the redirect scheme's well-known port (or the listener's when no scheme is set), and a well-known
 * port is left out of the URL.
 *
 * @example
 * redirectLocation({ scheme: 'https' }, { scheme: 'http', host: 'a.example.com', listenerPort: 80, path: '/x' }, match);
 * // "https://a.example.com/x"
 */
export function redirectLocation(
  r: { scheme?: string; hostname?: string; port?: number; path?: PathModifier },
  req: RedirectInput,
  match: HTTPRouteMatch,
): string {
  const scheme = r.scheme ?? req.scheme;
  const host = r.hostname ?? req.host;
  const port = r.port ?? (r.scheme ? (r.scheme === 'https' ? 443 : 80) : req.listenerPort);
  const wellKnown = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  const path = r.path ? rewritePath(req.path, r.path, match) : req.path;
  return `${scheme}://${host}${wellKnown ? '' : `:${port}`}${path}`;
}

/**
 * One header's value as the contract prints it, flattened for a simple string map (the app's response).
 *
 * @example
 * flatHeaders({ A: ['1', '2'] }); // { A: "1,2" }
 */
export function flatHeaders(h: HeaderMap): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
}
