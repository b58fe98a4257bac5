/**
 * curl's `--resolve [+]HOST:PORT:ADDR[,ADDR]…` (and `-HOST:PORT` removals) as lib/hostip.c
 * Curl_loadhostpairs reads them (curl 8.5.0): entries go into the DNS cache before the transfer, keyed by
 * host name (case-insensitive) and port, `*` for any host; a later entry for the same key replaces an
 * earlier one; addresses may be in [brackets]; anything it cannot parse fails the transfer with
 * `curl: (49) Couldn't parse CURLOPT_RESOLVE entry '…'`. A request whose URL host and port are in the
 * cache connects to the first cached address without asking DNS; the Host header and the TLS SNI stay the
 * URL's name — which is how a student reaches a Gateway or Ingress host that no DNS server knows.
 *
 * @example
 * pinnedAddress(['shop.example.com:443:192.0.2.14'], 'shop.example.com', 443);
 * // { address: "192.0.2.14", verbose: ["* Added shop.example.com:443:192.0.2.14 to DNS cache", "* Hostname shop.example.com was found in DNS cache"] }
 */
import { isIPv4, isIPv6 } from '../net/ip';

interface CacheEntry {
  host: string; // lower case, "*" for any
  port: number;
  addresses: string[];
}

export type Pinned =
  | { error: string; address?: undefined; verbose: string[] }
  | { address: string | undefined; verbose: string[] };

/** Curl_loadhostpairs for one entry: the cache entry, or undefined when curl cannot parse it. */
function parseEntry(entry: string, verbose: string[]): CacheEntry | undefined {
  const text = entry.startsWith('+') ? entry.slice(1) : entry;
  const hostEnd = text.indexOf(':');
  if (hostEnd < 0) return undefined;
  const host = text.slice(0, hostEnd);
  const portMatch = /^(\d+)(.*)$/s.exec(text.slice(hostEnd + 1));
  if (!portMatch || Number(portMatch[1]) > 65535 || !portMatch[2]!.startsWith(':')) return undefined;
  const addresses: string[] = [];
  for (const raw of portMatch[2]!.slice(1).split(',')) {
    let a = raw;
    if (a.startsWith('[')) {
      if (!a.endsWith(']')) return undefined;
      a = a.slice(1, -1);
    }
    if (a === '') continue;
    if (a.length >= 64) return undefined;
    if (!isIPv4(a) && !isIPv6(a)) {
      verbose.push(`* Resolve address '${a}' found illegal`);
      return undefined;
    }
    addresses.push(a);
  }
  if (addresses.length === 0) return undefined;
  verbose.push(
    `* Added ${host}:${Number(portMatch[1])}:${portMatch[2]!.slice(1)} to DNS cache${entry.startsWith('+') ? ' (non-permanent)' : ''}`,
  );
  if (host === '*') verbose.push(`* RESOLVE *:${Number(portMatch[1])} using wildcard`);
  return { host: host.toLowerCase(), port: Number(portMatch[1]), addresses };
}

/**
 * The address `--resolve` pins for the URL's host and port (undefined: none, DNS decides), curl's error
 * for an entry it cannot parse, and the -v lines the entries print.
 *
 * @example pinnedAddress(['shop:443'], 'shop', 443); // { error: "curl: (49) Couldn't parse CURLOPT_RESOLVE entry 'shop:443'", … }
 */
export function pinnedAddress(
  entries: readonly string[],
  host: string,
  port: number,
  family?: 'IPv4' | 'IPv6',
): Pinned {
  const verbose: string[] = [];
  const cache = new Map<string, CacheEntry>();
  for (const entry of entries) {
    if (entry.startsWith('-')) {
      const m = /^-([^:]+):(\d*)/.exec(entry);
      if (!m || Number(m[2] || 0) > 65535) {
        verbose.push(`* Bad syntax CURLOPT_RESOLVE removal entry '${entry}'`);
        continue;
      }
      cache.delete(`${m[1]!.toLowerCase()}:${Number(m[2] || 0)}`);
      continue;
    }
    const e = parseEntry(entry, verbose);
    if (!e) return { error: `curl: (49) Couldn't parse CURLOPT_RESOLVE entry '${entry}'`, verbose };
    const key = `${e.host}:${e.port}`;
    if (cache.has(key)) verbose.push(`* RESOLVE ${e.host}:${e.port} - old addresses discarded`);
    cache.delete(key);
    cache.set(key, e);
  }
  const hit = cache.get(`${host.toLowerCase()}:${port}`) ?? cache.get(`*:${port}`);
  if (!hit) return { address: undefined, verbose };
  verbose.push(`* Hostname ${host} was found in DNS cache`);
  const ofFamily = hit.addresses.filter((a) => !family || (family === 'IPv6' ? isIPv6(a) : isIPv4(a)));
  return { address: ofFamily[0] ?? hit.addresses[0], verbose };
}
