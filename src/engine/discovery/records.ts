/**
 * DNS resource records and messages as svclab passes them around: the CLI contract's
 * `{ name, ttl, type, data }` with `data` in the zone-file presentation dig prints
 * (`0 100 80 web.default.svc.cluster.local.` for SRV, `"1.1.0"` for TXT).
 */
import { isIPv4, isIPv6 } from '../net/ip';

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'SOA' | 'NS' | 'ANY';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

export interface DnsRecord {
  name: string; // "db.default.svc.cluster.local."
  ttl: number; // 30
  type: Exclude<RRType, 'ANY'>;
  data: string; // "10.96.0.42"
}

/** One DNS response as a server sends it. */
export interface DnsMessage {
  rcode: Rcode;
  /** The aa flag: CoreDNS is authoritative for the cluster zone; forwarded answers are not. */
  authoritative: boolean;
  answer: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  /** Which part of the server produced the answer. */
  via: 'kubernetes' | 'forward' | 'hosts';
}

export const RR_TYPES: readonly RRType[] = ['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'SOA', 'NS', 'ANY'];

/** Parses a query type as dig accepts it (case-insensitive); undefined when unknown. */
export function parseRRType(text: string): RRType | undefined {
  const t = text.toUpperCase();
  return (RR_TYPES as readonly string[]).includes(t) ? (t as RRType) : undefined;
}

/**
 * A lower-case, fully qualified name with its trailing dot (DNS names compare case-insensitively).
 *
 * @example
 * fqdn('DB.Shop.svc.cluster.local'); // "db.shop.svc.cluster.local."
 */
export function fqdn(name: string): string {
  const n = name.toLowerCase();
  return n.endsWith('.') ? n : `${n}.`;
}

/** The labels of a name, without the root. */
export function labels(name: string): string[] {
  return fqdn(name).split('.').filter(Boolean);
}

/** True when `name` is `zone` or below it. */
export function inZone(name: string, zone: string): boolean {
  const n = fqdn(name);
  const z = fqdn(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

/** Expands an IPv6 address to its 8 groups of 4 hex digits. */
export function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => g.padStart(4, '0'));
}

/**
 * The reverse-lookup name of an address.
 *
 * @example
 * reverseName('10.96.0.1'); // "1.0.96.10.in-addr.arpa."
 */
export function reverseName(ip: string): string {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  const nibbles = expandIPv6(ip).join('').split('').reverse();
  return `${nibbles.join('.')}.ip6.arpa.`;
}

/**
 * The address a reverse name stands for, or undefined (CoreDNS `dnsutil.ExtractAddressFromReverse`).
 *
 * @example
 * addressFromReverse('1.0.96.10.in-addr.arpa.'); // "10.96.0.1"
 */
export function addressFromReverse(name: string): string | undefined {
  const l = labels(name);
  if (l.length === 6 && l[4] === 'in-addr' && l[5] === 'arpa') {
    const ip = l.slice(0, 4).reverse().join('.');
    return isIPv4(ip) ? ip : undefined;
  }
  if (
    l.length === 34 &&
    l[32] === 'ip6' &&
    l[33] === 'arpa' &&
    l.slice(0, 32).every((x) => /^[0-9a-f]$/.test(x))
  ) {
    const hex = l.slice(0, 32).reverse().join('');
    const groups = hex.match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, ''));
    return compressIPv6(groups);
  }
  return undefined;
}

function compressIPv6(groups: string[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen && j - i > 1) [best, bestLen] = [i, j - i];
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/**
 * CoreDNS's name for an endpoint without a hostname: its address with '.' and ':' replaced by '-'.
 *
 * @example
 * dashedIP('10.244.1.5'); // "10-244-1-5"; dashedIP('5678:abcd::1'); // "5678-abcd--1"
 */
export function dashedIP(ip: string): string {
  return ip.replace(/[.:]/g, '-');
}

/** The address a pod-record label stands for (`10-244-1-5` → `10.244.1.5`), or undefined. */
export function ipFromDashed(label: string): string | undefined {
  const v4 = label.replaceAll('-', '.');
  if (isIPv4(v4)) return v4;
  const v6 = label.replaceAll('-', ':');
  return isIPv6(v6) ? v6 : undefined;
}

/** The record type an address answers to. */
export function addressType(ip: string): 'A' | 'AAAA' {
  return isIPv6(ip) ? 'AAAA' : 'A';
}

/** Advances from column `col` to `to` the way BIND's master-file printer does: tabs, or one space when past. */
function indent(col: number, to: number): [string, number] {
  if (col >= to) return [' ', col + 1];
  let out = '';
  while (col < to) {
    out += '\t';
    col = (Math.floor(col / 8) + 1) * 8;
  }
  return [out, col];
}

/**
 * One record as dig prints it: columns at 24 (TTL), 32 (class), 40 (type) and 48 (data), reached with
 * tabs, or a single space once a field runs past its column.
 *
 * @example
 * formatRecord({ name: 'google.com.', ttl: 300, type: 'A', data: '142.250.80.46' });
 * // "google.com.\t\t300\tIN\tA\t142.250.80.46"
 */
export function formatRecord(r: DnsRecord): string {
  return formatColumns(r.name, [
    [String(r.ttl), 24],
    ['IN', 32],
    [r.type, 40],
    [r.data, 48],
  ]);
}

/**
 * A first field followed by fields placed at columns, BIND style (used for records and dig's question line).
 *
 * @example
 * formatColumns(';google.com.', [['IN', 32], ['A', 40]]); // ";google.com.\t\t\tIN\tA"
 */
export function formatColumns(first: string, fields: [string, number][]): string {
  let out = first;
  let col = first.length;
  for (const [text, to] of fields) {
    const [gap, c] = indent(col, to);
    out += gap + text;
    col = c + text.length;
  }
  return out;
}
