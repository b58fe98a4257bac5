/**
 * IPv4 addresses and CIDRs as numbers, for allocation (ClusterIPs, pod IPs, LB IPs) and for the rule
 * matches kube-proxy writes (`-d 10.96.0.10/32`, `! -s 10.244.0.0/16`).
 *
 * @example
 * const c = parseCidr('10.96.0.0/12')!; formatIp(nthAddress(c, 10)); // "10.96.0.10"
 */

/** An IPv4 address as an unsigned 32-bit number. */
export type Ip4 = number;

export interface Cidr {
  base: Ip4; // network address
  prefix: number; // 0..32
  text: string; // "10.96.0.0/12"
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Parses a dotted-quad IPv4 address; undefined when it is not one (no leading zeros, as Go's netip). */
export function parseIp(text: string): Ip4 | undefined {
  if (!IPV4.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0;
}

export function formatIp(ip: Ip4): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

export function isIPv4(text: string): boolean {
  return parseIp(text) !== undefined;
}

/** A loose IPv6 syntax check (RFC 4291 text forms, with an optional embedded IPv4 tail). */
export function isIPv6(text: string): boolean {
  if (!text.includes(':') || /[^0-9a-fA-F:.]/.test(text)) return false;
  const doubles = text.split('::').length - 1;
  if (doubles > 1) return false;
  let groups = text.split(':');
  const last = groups[groups.length - 1] ?? '';
  let extra = 0;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  const filled = groups.filter((g) => g !== '');
  if (filled.some((g) => g.length > 4)) return false;
  const count = filled.length + extra;
  return doubles === 1 ? count < 8 : count === 8 && groups.every((g) => g !== '');
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses "a.b.c.d/n" (IPv4 only); undefined when it is not a valid CIDR. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const ip = parseIp(m[1]!);
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > 32) return undefined;
  const base = (ip & maskOf(prefix)) >>> 0;
  return { base, prefix, text: `${formatIp(base)}/${prefix}` };
}

export function cidrContains(cidr: Cidr, ip: Ip4): boolean {
  return (ip & maskOf(cidr.prefix)) >>> 0 === cidr.base;
}

/** The number of addresses in the CIDR (2^(32-prefix)). */
export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** The n-th address of the CIDR (0 = network address). */
export function nthAddress(cidr: Cidr, n: number): Ip4 {
  return (cidr.base + n) >>> 0;
}

/** True when the text is an IPv4 address inside the CIDR given as text. */
export function inCidr(ipText: string, cidrText: string): boolean {
  const ip = parseIp(ipText);
  const c = parseCidr(cidrText);
  return ip !== undefined && c !== undefined && cidrContains(c, ip);
}
