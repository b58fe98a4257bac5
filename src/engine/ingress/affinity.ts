/**
 * Cookie session affinity (`nginx.ingress.kubernetes.io/affinity: cookie`), as ingress-nginx's sticky
 * balancers do it (rootfs/etc/nginx/lua/balancer/sticky*.lua, annotations/sessionaffinity):
 *  - the cookie (default name INGRESSCOOKIE) holds "<key>|<backend key>", where the backend key is
 *    md5(md5(upstream) .. upstream) and the key maps to an endpoint;
 *  - mode "balanced" (default): the key is random and consistent-hashed onto the endpoints; svclab makes
 *    the key deterministic and remembers which endpoint it maps to, remapping it only when that endpoint
 *    is gone (as the hash ring would), without a new cookie;
 *  - mode "persistent": the key is md5(upstream .. "ip:port") of the endpoint itself; when that endpoint is
 *    gone a new one is picked and a new cookie set;
 *  - a cookie is only set on locations of Ingresses that asked for affinity (the upstream's "locations");
 *    Path defaults to the location's path, HttpOnly always, Secure on HTTPS or by annotation.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Ingress } from '../k8s/objects';
import { CATCH_ALL, type RoutingTable } from './routing-table';
import { upstreamName } from './upstream';

const A = 'nginx.ingress.kubernetes.io/';

export interface CookieAffinity {
  mode: 'balanced' | 'persistent';
  name: string; // "INGRESSCOOKIE"
  path?: string;
  maxAge?: string;
  expires?: string;
  domain?: string;
  sameSite?: string;
  secure: boolean;
  changeOnFailure: boolean;
  /** host ("_" for rules without host) → location paths on which the cookie is set. */
  locations: Map<string, string[]>;
}

export const hex = (s: string): string => bytesToHex(md5(utf8ToBytes(s)));

/** sticky.lua sync(): `ngx.md5(ngx.md5(backend.name) .. backend.name)`. */
export function backendKey(upstream: string): string {
  return hex(hex(upstream) + upstream);
}

const SECONDS = /(^0|-?[1-9]\d*$)/; // sessionaffinity affinityCookieExpiresRegex

/**
 * The affinity an upstream gets from the Ingresses that route to it: the first Ingress with an
 * `affinity` annotation sets the type and mode, each later cookie Ingress overwrites the cookie settings
 * (controller.go getBackendServers). Undefined when the upstream has no cookie affinity.
 *
 * @example
 * upstreamAffinity(table, 'default-web-80')?.name; // "INGRESSCOOKIE"
 */
export function upstreamAffinity(table: RoutingTable, upstream: string): CookieAffinity | undefined {
  let type = '';
  let mode = '';
  let cookie: CookieAffinity | undefined;
  const locations = new Map<string, string[]>();
  for (const ing of table.ingresses) {
    const ann = ing.metadata.annotations ?? {};
    (ing.spec?.rules ?? []).forEach((rule) => {
      for (const p of rule.http?.paths ?? []) {
        if (!p.backend?.service) continue;
        if (upstreamName(ing.metadata.namespace ?? 'default', p.backend.service) !== upstream) continue;
        if (type === '') type = ann[`${A}affinity`] ?? '';
        if (mode === '') mode = ann[`${A}affinity-mode`] ?? '';
        if (ann[`${A}affinity`] !== 'cookie') continue;
        cookie = parseCookie(ing, locations);
        const host = rule.host || CATCH_ALL;
        locations.set(host, [...(locations.get(host) ?? []), p.path ?? '']);
      }
    });
  }
  if (type !== 'cookie' || !cookie) return undefined;
  return { ...cookie, mode: mode === 'persistent' ? 'persistent' : 'balanced' };
}

function parseCookie(ing: Ingress, locations: Map<string, string[]>): CookieAffinity {
  const ann = ing.metadata.annotations ?? {};
  const get = (k: string) => ann[`${A}session-cookie-${k}`];
  const seconds = (v: string | undefined) => (v !== undefined && SECONDS.test(v) ? v : undefined);
  const name = get('name');
  return {
    mode: 'balanced',
    name: name && name !== '' ? name : 'INGRESSCOOKIE',
    ...(get('path') ? { path: get('path') } : {}),
    ...(seconds(get('max-age')) ? { maxAge: seconds(get('max-age')) } : {}),
    ...(seconds(get('expires')) ? { expires: seconds(get('expires')) } : {}),
    ...(get('domain') ? { domain: get('domain') } : {}),
    ...(get('samesite') ? { sameSite: get('samesite') } : {}),
    secure: get('secure') === 'true',
    changeOnFailure: get('change-on-failure') === 'true',
    locations,
  };
}

/** The value of cookie `name` in a Cookie header ("a=1; INGRESSCOOKIE=x|y"). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const WEEK = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * nginx's ngx_http_cookie_time (what `ngx.cookie_time` returns): two-digit years up to 2037.
 *
 * @example
 * cookieTime(1767225600 + 172800); // "Sat, 03-Jan-26 00:00:00 GMT"
 */
export function cookieTime(epochSeconds: number): string {
  // A Date built from a given instant is deterministic (only `new Date()`, the wall clock, is banned).
  const t = new Date(epochSeconds * 1000);
  const y = t.getUTCFullYear();
  const year = y > 2037 ? String(y) : pad(y % 100);
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  return `${WEEK[t.getUTCDay()]}, ${pad(t.getUTCDate())}-${MONTHS[t.getUTCMonth()]}-${year} ${time} GMT`;
}

/**
 * The Set-Cookie header lua-resty-cookie bakes: name=value; Expires; Max-Age; Domain; Path; Secure;
 * HttpOnly; SameSite.
 *
 * @example
 * setCookieHeader(aff, 'k|b', { path: '/', https: false, epochSeconds: 0 }); // "INGRESSCOOKIE=k|b; Path=/; HttpOnly"
 */
export function setCookieHeader(
  aff: CookieAffinity,
  value: string,
  opts: { path: string; https: boolean; epochSeconds: number },
): string {
  let out = `${aff.name}=${value}`;
  if (aff.expires) out += `; Expires=${cookieTime(opts.epochSeconds + Number(aff.expires))}`;
  if (aff.maxAge) out += `; Max-Age=${Number(aff.maxAge)}`;
  if (aff.domain) out += `; Domain=${aff.domain}`;
  out += `; Path=${aff.path ?? opts.path}`;
  // Secure is only sent to Lua when the annotation is true (omitempty); otherwise it follows $https.
  if (aff.secure || opts.https) out += '; Secure';
  out += '; HttpOnly';
  if (aff.sameSite) out += `; SameSite=${aff.sameSite}`;
  return out;
}

/**
 * sticky.lua should_set_cookie: the request host (or "_" on the catch-all server, or the host with its
 * first label replaced by "*") lists the location's path.
 */
export function shouldSetCookie(
  aff: CookieAffinity,
  host: string,
  catchAll: boolean,
  locationPath: string,
): boolean {
  const h = catchAll ? CATCH_ALL : host;
  const locs = aff.locations.get(h) ?? aff.locations.get(h.replace(/^[^.]+\./, '*.'));
  return (locs ?? []).includes(locationPath);
}
