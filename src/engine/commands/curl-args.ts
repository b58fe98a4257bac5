/**
 * curl's command line as svclab understands it: the flags students use with Services (-H, -X, -v, -s, -S,
 * -i, -I, -k, -m, -o, -w, -d, --http1.0/1.1/2, --connect-timeout) plus svclab's own `--from`, `--count N`,
 * `--keepalive` and `--interval SECONDS` (simulated seconds between requests). Short flags combine as in
 * curl (`-sSv`), values attach or follow (`-XPOST`, `-X POST`, `--max-time=5`).
 *
 * @example
 * parseCurlArgs(['-sv', '-H', 'Host: shop.example.com', 'http://10.96.0.42/']).options.verbose; // true
 */
import { isIPv6 } from '../net/ip';
import type { RequestProtocol } from '../simulate/request';
import { msg, type Msg } from '../messages';

/** The most requests one `--count` may ask for: 10,000 simulated requests take seconds, not minutes. */
export const MAX_COUNT = 10000;
/** The most requests one curl sends over all its URLs: two experiments of MAX_COUNT side by side. */
export const MAX_TOTAL = 2 * MAX_COUNT;

export interface CurlOptions {
  url: string;
  from?: string;
  /**
   * Every URL given, in order (curl fetches each in turn; with `--count N`, N requests each, and svclab
   * prints their distributions side by side). `url` is the first.
   */
  urls: string[];
  headers: Record<string, string>;
  method?: string;
  verbose: boolean;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  insecure: boolean;
  /** -f: HTTP errors (>= 400) make curl fail with exit 22. */
  fail: boolean;
  protocol: RequestProtocol;
  maxTime?: number;
  connectTimeout?: number;
  output?: string;
  writeOut?: string;
  data?: string;
  count?: number;
  keepalive: boolean;
  interval: number;
  /** -4 / -6: resolve names to addresses of this family only. */
  ipFamily?: 'IPv4' | 'IPv6';
  /** What curl offers in TLS ALPN: "h2,http/1.1", or "http/1.1" after --http1.0/--http1.1. */
  alpn: string[];
  /** `--resolve [+]HOST:PORT:ADDR[,ADDR]…` entries, as given, in order. */
  resolve: string[];
  /** `--connect-to HOST1:PORT1:HOST2:PORT2` entries, as given, in order. */
  connectTo: string[];
}

const WITH_VALUE: Record<string, string> = {
  '-H': 'header',
  '--header': 'header',
  '-X': 'request',
  '--request': 'request',
  '-m': 'max-time',
  '--max-time': 'max-time',
  '--connect-timeout': 'connect-timeout',
  '-o': 'output',
  '--output': 'output',
  '-w': 'write-out',
  '--write-out': 'write-out',
  '-d': 'data',
  '--data': 'data',
  '--data-raw': 'data',
  '-A': 'user-agent',
  '--user-agent': 'user-agent',
  '--count': 'count',
  '--interval': 'interval',
  '--from': 'from',
  '--resolve': 'resolve',
  '--connect-to': 'connect-to',
};

const BOOLEAN: Record<string, string> = {
  '-v': 'verbose',
  '--verbose': 'verbose',
  '-s': 'silent',
  '--silent': 'silent',
  '-S': 'show-error',
  '--show-error': 'show-error',
  '-i': 'include',
  '--include': 'include',
  '-I': 'head',
  '--head': 'head',
  '-k': 'insecure',
  '--insecure': 'insecure',
  '-L': 'location',
  '--location': 'location',
  '-f': 'fail',
  '--fail': 'fail',
  '-4': 'ipv4',
  '--ipv4': 'ipv4',
  '-6': 'ipv6',
  '--ipv6': 'ipv6',
  '--http1.0': 'http1.0',
  '-0': 'http1.0',
  '--http1.1': 'http1.1',
  '--http2': 'http2',
  '--http2-prior-knowledge': 'http2',
  '--keepalive': 'keepalive',
  '--no-keepalive': 'no-keepalive',
};

function positiveNumber(name: string, v: string): number | string {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : `option ${name}: expected a proper numerical parameter`;
}

/** Parses curl's arguments (without the program name); an error string for bad usage. */
export function parseCurlArgs(args: string[]): { options: CurlOptions } | { error: string | Msg } {
  const o: CurlOptions = {
    url: '',
    urls: [],
    headers: {},
    verbose: false,
    silent: false,
    showError: false,
    include: false,
    head: false,
    insecure: false,
    fail: false,
    protocol: 'HTTP/1.1',
    keepalive: false,
    interval: 0,
    alpn: ['h2', 'http/1.1'],
    resolve: [],
    connectTo: [],
  };
  const urls: string[] = [];
  const setValue = (key: string, name: string, v: string): string | Msg | undefined => {
    switch (key) {
      case 'header': {
        const i = v.indexOf(':');
        if (i <= 0) return `option ${name}: header "${v}" has no colon`;
        o.headers[v.slice(0, i).trim()] = v.slice(i + 1).trim();
        return undefined;
      }
      case 'request':
        o.method = v.toUpperCase();
        return undefined;
      case 'max-time':
      case 'connect-timeout':
      case 'interval': {
        const n = positiveNumber(name, v);
        if (typeof n === 'string') return n;
        if (key === 'max-time') o.maxTime = n;
        else if (key === 'connect-timeout') o.connectTimeout = n;
        else o.interval = n;
        return undefined;
      }
      case 'count': {
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isInteger(n) || n < 1)
          return msg('usage.countValue', { option: name, max: MAX_COUNT, value: v });
        if (n > MAX_COUNT) return msg('usage.countLimit', { option: name, max: MAX_COUNT, value: v });
        o.count = n;
        return undefined;
      }
      case 'output':
        o.output = v;
        return undefined;
      case 'write-out':
        o.writeOut = v;
        return undefined;
      case 'data':
        o.data = v;
        return undefined;
      case 'user-agent':
        o.headers['User-Agent'] = v;
        return undefined;
      case 'from':
        o.from = v;
        return undefined;
      case 'resolve':
        o.resolve.push(v);
        return undefined;
      case 'connect-to':
        o.connectTo.push(v);
        return undefined;
    }
    return undefined;
  };
  const setFlag = (key: string): void => {
    if (key === 'verbose') o.verbose = true;
    else if (key === 'silent') o.silent = true;
    else if (key === 'show-error') o.showError = true;
    else if (key === 'include') o.include = true;
    else if (key === 'head') o.head = true;
    else if (key === 'insecure') o.insecure = true;
    else if (key === 'fail') o.fail = true;
    else if (key === 'http1.0' || key === 'http1.1') {
      // lib/vtls/vtls.c alpn_get_spec: HTTP/1.x offers "http/1.1" only.
      o.protocol = key === 'http1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
      o.alpn = ['http/1.1'];
    } else if (key === 'http2') {
      o.protocol = 'HTTP/2';
      o.alpn = ['h2', 'http/1.1'];
    } else if (key === 'keepalive') o.keepalive = true;
    else if (key === 'ipv4') o.ipFamily = 'IPv4';
    else if (key === 'ipv6') o.ipFamily = 'IPv6';
    else if (key === 'no-keepalive') o.keepalive = false;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (WITH_VALUE[name]) {
        const v = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { error: `option ${name}: requires parameter` };
        const err = setValue(WITH_VALUE[name]!, name, v);
        if (err) return { error: err };
      } else if (BOOLEAN[name]) setFlag(BOOLEAN[name]!);
      else return { error: `option ${a}: is unknown` };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const name = `-${a[j]}`;
        if (WITH_VALUE[name]) {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined) return { error: `option ${name}: requires parameter` };
          const err = setValue(WITH_VALUE[name]!, name, v);
          if (err) return { error: err };
          break;
        } else if (BOOLEAN[name]) setFlag(BOOLEAN[name]!);
        else return { error: `option ${name}: is unknown` };
      }
    } else urls.push(a);
  }
  if (urls.length === 0) return { error: 'no URL specified' };
  o.url = urls[0]!;
  o.urls = urls;
  if ((o.count ?? 1) * urls.length > MAX_TOTAL)
    return { error: msg('usage.curlTooMany', { max: MAX_TOTAL, count: o.count ?? 1, urls: urls.length }) };
  return { options: o };
}

/**
 * curl 8's complaint about a URL svclab cannot send (`curl: (3) URL rejected: …`, `curl: (1) Protocol …`),
 * or undefined when the URL is one svclab understands.
 *
 * @example urlError('http://') // "curl: (3) URL rejected: No host part in the URL"
 */
export function urlError(url: string): string | undefined {
  const t = url.trim();
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(t)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
    return `curl: (1) Protocol "${scheme}" not supported (svclab simulates http:// and https://)`;
  const rest = scheme !== undefined ? t.slice(scheme.length + 3) : t;
  const authority = /^[^/?#]*/.exec(rest)?.[0] ?? '';
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  if (hostPort === '' || hostPort.startsWith(':')) return 'curl: (3) URL rejected: No host part in the URL';
  if (hostPort.startsWith('[')) {
    if (!/^\[[0-9a-fA-F:.]+\](:\d*)?$/.test(hostPort) || !isIPv6(hostPort.slice(1, hostPort.indexOf(']'))))
      return 'curl: (3) URL rejected: Bad IPv6 address';
    const port6 = /\]:(\d*)$/.exec(hostPort)?.[1];
    if (port6 !== undefined && port6 !== '' && Number(port6) > 65535)
      return 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535';
    return undefined;
  }
  const port = /:([^:]*)$/.exec(hostPort)?.[1];
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535))
    return 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535';
  if (/[^a-zA-Z0-9.:_-]/.test(hostPort)) return 'curl: (3) URL rejected: Bad hostname';
  // curl 8's parser refuses blanks and control characters anywhere in a URL.
  if ([...t].some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f))
    return 'curl: (3) URL rejected: Malformed input to a URL function';
  return undefined;
}
