/**
 * IPv6 addresses and CIDRs as 128-bit bigints, and the family-neutral CIDR parsing kubeadm, the API
 * server and kube-proxy share (Go's net.ParseCIDR through k8s.io/utils/net's ParseCIDRSloppy): a CIDR
 * may carry host bits (`10.96.0.1/12` is the network 10.96.0.0/12), IPv4 octets may have leading zeros,
 * and an address prints as Go prints it (RFC 5952: lower case, the longest run of two or more zero
 * groups as `::`, the first such run on a tie).
 *
 * @example
 * formatIp6(parseIp6('FD00:10:96:0:0:0:0:a')!); // "fd00:10:96::a"
 * parseAnyCidr('fd00:10:96::1/112')!.text; // "fd00:10:96::/112"
 */
import { formatIp, inCidr, maskOf, parseIp } from './ip';

export type IPFamily = 'IPv4' | 'IPv6';

const MAX128 = (1n << 128n) - 1n;

/** Parses an IPv6 address (with an optional dotted IPv4 tail, no zone); undefined when it is not one. */
export function parseIp6(text: string): bigint | undefined {
  if (!text.includes(':') || /[^0-9a-fA-F:.]/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): number[] | undefined => {
    if (s === '') return [];
    const parts = s.split(':');
    const out: number[] = [];
    for (const [i, p] of parts.entries()) {
      if (p.includes('.')) {
        // An embedded IPv4 address may only be the last part.
        const v4 = i === parts.length - 1 ? parseIp(p) : undefined;
        if (v4 === undefined) return undefined;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 2 && head.length > 0 && halves[0]!.includes('.')) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const groups = [...head, ...Array<number>(8 - count).fill(0), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IPv6 address as Go's net.IP.String prints it (RFC 5952). */
export function formatIp6(v: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((v >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

/** A CIDR of either family; `base` and `size` are bigints so one type holds both. */
export interface AnyCidr {
  family: IPFamily;
  base: bigint; // network address
  prefix: number;
  bits: 32 | 128;
  text: string; // the network as Go prints it: "fd00:10:96::/112"
}

/** Go's ParseIPSloppy for IPv4: leading zeros are decimal, not octal. */
function parseIp4Sloppy(text: string): number | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  return parseIp(
    text
      .split('.')
      .map((o) => String(Number(o)))
      .join('.'),
  );
}

/**
 * Parses "address/prefix" of either family as net.ParseCIDR does: host bits are dropped, surrounding
 * whitespace is not accepted (kubeadm splits on "," without trimming). Undefined when it is not a CIDR.
 *
 * @example
 * parseAnyCidr('10.96.0.1/12')!.text; // "10.96.0.0/12"
 * parseAnyCidr(' fd00::/112'); // undefined
 */
export function parseAnyCidr(text: string): AnyCidr | undefined {
  const m = /^([^/]+)\/(\d+)$/.exec(text);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const v4 = parseIp4Sloppy(m[1]!);
  if (v4 !== undefined) {
    if (prefix > 32) return undefined;
    const base = (v4 & maskOf(prefix)) >>> 0;
    return { family: 'IPv4', base: BigInt(base), prefix, bits: 32, text: `${formatIp(base)}/${prefix}` };
  }
  const v6 = parseIp6(m[1]!);
  if (v6 === undefined || prefix > 128) return undefined;
  const base = v6 & mask6(prefix);
  return { family: 'IPv6', base, prefix, bits: 128, text: `${formatIp6(base)}/${prefix}` };
}

/** The network mask of an IPv6 prefix length. */
export function mask6(prefix: number): bigint {
  return prefix === 0 ? 0n : (MAX128 << BigInt(128 - prefix)) & MAX128;
}

/** The number of addresses in the CIDR, 2^(bits-prefix). */
export function anyCidrSize(c: AnyCidr): bigint {
  return 1n << BigInt(c.bits - c.prefix);
}

/** The n-th address of the CIDR as text (0 = the network address). */
export function nthAddressText(c: AnyCidr, n: bigint): string {
  const v = c.base + n;
  return c.family === 'IPv4' ? formatIp(Number(v)) : formatIp6(v);
}

/** The family of an address, or undefined when it is neither. */
export function familyOfIp(text: string): IPFamily | undefined {
  if (parseIp(text) !== undefined) return 'IPv4';
  return parseIp6(text) !== undefined ? 'IPv6' : undefined;
}

/** True when the address (either family) lies in the CIDR. */
export function anyCidrContains(c: AnyCidr, ipText: string): boolean {
  if (c.family === 'IPv4') {
    const v = parseIp(ipText);
    return v !== undefined && (v & maskOf(c.prefix)) >>> 0 === Number(c.base);
  }
  const v = parseIp6(ipText);
  return v !== undefined && (v & mask6(c.prefix)) === c.base;
}

/** An address in its canonical text (IPv6 compressed, lower case); the text itself when it is neither family. */
export function canonicalIp(text: string): string {
  const v6 = text.includes(':') ? parseIp6(text) : undefined;
  return v6 === undefined ? text : formatIp6(v6);
}

/**
 * host:port as net.JoinHostPort writes it: an IPv6 address in brackets.
 *
 * @example
 * joinHostPort('fd00:10:96::a', 53); // "[fd00:10:96::a]:53"
 */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * True when the address lies in the CIDR (either family; a bare address is a /32 or /128), as the kernel
 * matches `-s`/`-d` and nftables `ip daddr`/`ip6 daddr`. The families never match each other.
 *
 * @example
 * ipInCidr('fd00:10:244:1::5', 'fd00:10:244::/56'); // true
 * ipInCidr('10.244.1.5', 'fd00:10:244::/56'); // false
 */
export function ipInCidr(ipText: string, cidrText: string): boolean {
  if (!ipText.includes(':') && !cidrText.includes(':'))
    return inCidr(ipText, cidrText.includes('/') ? cidrText : `${cidrText}/32`);
  const c = parseAnyCidr(cidrText.includes('/') ? cidrText : `${cidrText}/128`);
  return c !== undefined && anyCidrContains(c, ipText);
}
