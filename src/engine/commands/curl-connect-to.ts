/**
 * curl's `--connect-to HOST1:PORT1:HOST2:PORT2` as curl 8.5.0 reads it (lib/url.c parse_connect_to_slist,
 * parse_connect_to_string, parse_connect_to_host_port): the entries are tried in order; an entry applies
 * when HOST1 is empty or is the URL's host (case-insensitively, an IPv6 address in brackets) and PORT1 is
 * empty or the URL's port; its HOST2 and PORT2 (either may be empty) say where to connect instead. The
 * first entry that yields a host or a port wins. The request itself is unchanged: the Host header, the TLS
 * SNI and the certificate check still use the URL's host; a `--resolve` entry for HOST2:PORT2 applies. A
 * PORT2 that is not a number from 0 to 65535 stops curl: `curl: (49) No valid port number in connect to
 * host string (…)`.
 *
 * @example
 * connectTo(['shop.example.com:443:192.0.2.14:8443'], 'shop.example.com', 443);
 * // { host: "192.0.2.14", port: 8443, verbose: ["* Connecting to hostname: 192.0.2.14", "* Connecting to port: 8443"] }
 */
import { isIPv6 } from '../net/ip';

export type ConnectTo =
  | { error: string; verbose: string[] }
  | { host?: string; port?: number; verbose: string[]; error?: undefined };

/** strtol(s, &end, 10) consuming the whole string: the number, or undefined when something is left. */
function wholeNumber(s: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** parse_connect_to_host_port: "HOST2:PORT2" (either part may be empty; HOST2 may be [IPv6]). */
function hostPort(
  text: string,
  verbose: string[],
): { host: string; port: number } | { error: string } | undefined {
  if (text === '') return undefined;
  // host: [start, end); the port is looked for from `scan` on (after the bracket of an IPv6 address).
  let start = 0;
  let scan = 0;
  let bracketEnd = -1;
  if (text.startsWith('[')) {
    start = 1;
    let i = 1;
    while (i < text.length && /[0-9a-fA-F:.]/.test(text[i]!)) i++;
    if (text[i] === '%') {
      if (!text.startsWith('%25', i)) verbose.push('* Please URL encode % as %25, see RFC 6874.');
      i++;
      while (i < text.length && /[A-Za-z0-9._~-]/.test(text[i]!)) i++;
    }
    if (text[i] === ']') {
      bracketEnd = i;
      i++;
    } else verbose.push('* Invalid IPv6 address format');
    scan = i;
  }
  const colon = text.indexOf(':', scan);
  const end = bracketEnd >= 0 ? bracketEnd : colon >= 0 ? colon : text.length;
  let port = -1;
  if (colon >= 0) {
    const digits = text.slice(colon + 1);
    if (digits !== '') {
      const n = wholeNumber(digits);
      if (n === undefined || n < 0 || n > 65535)
        return { error: `curl: (49) No valid port number in connect to host string (${digits})` };
      port = n;
    }
  }
  return { host: text.slice(start, end), port };
}

/**
 * Where curl connects for a URL's host and port, after its `--connect-to` entries (none: the URL's).
 *
 * @example connectTo([':80::8080'], 'web', 80).port; // 8080
 */
export function connectTo(entries: readonly string[], urlHost: string, urlPort: number): ConnectTo {
  const verbose: string[] = [];
  const name = isIPv6(urlHost) ? `[${urlHost}]` : urlHost;
  for (const entry of entries) {
    let rest: string;
    if (entry.startsWith(':')) rest = entry.slice(1);
    else {
      // strncasecompare over the name's length, then a ':' must follow.
      if (entry.slice(0, name.length).toLowerCase() !== name.toLowerCase() || entry[name.length] !== ':')
        continue;
      rest = entry.slice(name.length + 1);
    }
    if (rest.startsWith(':')) rest = rest.slice(1);
    else {
      const next = rest.indexOf(':');
      if (next < 0) continue;
      const p = /^[ \t\n\v\f\r]*[+-]?\d+/.exec(rest)?.[0];
      if (p === undefined || p.length !== next || Number(p) !== urlPort) continue;
      rest = rest.slice(next + 1);
    }
    const hp = hostPort(rest, verbose);
    if (hp && 'error' in hp) return { error: hp.error, verbose };
    const host = hp?.host ? hp.host : undefined;
    const port = hp && hp.port >= 0 ? hp.port : undefined;
    if (host !== undefined) verbose.push(`* Connecting to hostname: ${host}`);
    if (port !== undefined) verbose.push(`* Connecting to port: ${port}`);
    // The first entry that names a host or a port ends the search.
    if (host !== undefined || port !== undefined)
      return {
        verbose,
        // url.c: a connect-to host equal to the URL's host is dropped again (it changes nothing).
        ...(host !== undefined && host.toLowerCase() !== urlHost.toLowerCase() ? { host } : {}),
        ...(port !== undefined ? { port } : {}),
      };
  }
  return { verbose };
}
