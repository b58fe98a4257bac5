/**
 * The ClusterIP allocator of one family across every ServiceCIDR (MetaAllocator,
 * pkg/registry/core/service/ipallocator/cidrallocator.go): a range per CIDR, each with its own static band
 * (range-allocator.ts), and one set of allocated addresses shared by all of them, as the IPAddress objects
 * are shared (overlapping ServiceCIDRs never hand out one address twice).
 *
 * A requested address is allocated when some ready range contains it (ErrMismatchedNetwork otherwise). A
 * dynamic one comes from the first range with room: the cluster's own range first, then the scene's
 * ServiceCIDRs in creation order. Upstream walks its allocators in Go map order, which is random; svclab
 * fixes that order so that a scene always gives the same addresses. A range is ready for the Services
 * created while some ServiceCIDR of that CIDR is ready and not being deleted (syncAllocators: an allocator
 * is ready when at least one of its ServiceCIDRs is): each such ServiceCIDR gives a window of creation
 * slots, from its creation (`after`; -1 for the cluster's own) to its deletion (`until`; none: Infinity).
 *
 * @example
 * const pool = new ClusterIPPool([familyRange('10.96.0.0/28', -1)!, familyRange('10.96.0.0/24', 3)!]);
 * pool.allocate('10.96.0.100', 5); // 'ok': inside the /24, which exists before slot 5
 */
import { formatIp, parseIp } from '../net/ip';
import { anyCidrSize, formatIp6, parseAnyCidr, parseIp6 } from '../net/ip6';
import { ipStaticBand, RangeAllocator, scanFree, type AllocateResult } from './range-allocator';

export interface FamilyRange {
  cidr: string;
  first: number;
  last: number;
  /** The static band's size: dynamic allocation starts at first + offset. */
  offset: number;
  /** The address as a number of this range's scale; -1 for an address of the family outside it. */
  parse(ip: string): number | undefined;
  format(n: number): string;
  /** Ready for Services created inside one of these windows of slots: after < slot < until. */
  windows: { after: number; until: number }[];
}

/**
 * One ServiceCIDR's range: IPv4 without its network and broadcast addresses; IPv6 (at most 2^20
 * addresses, the API server's cap) as offsets from its network address, without the network address.
 */
export function familyRange(cidr: string, after: number, until = Infinity): FamilyRange | undefined {
  const v4 = RangeAllocator.forCidr(cidr);
  if (v4) {
    return {
      cidr,
      first: v4.first,
      last: v4.last,
      offset: v4.offset,
      parse: (ip) => {
        const n = parseIp(ip);
        if (n !== undefined) return n;
        return parseIp6(ip) !== undefined ? -1 : undefined;
      },
      format: formatIp,
      windows: [{ after, until }],
    };
  }
  const c = parseAnyCidr(cidr);
  if (!c || c.family !== 'IPv6') return undefined;
  const size = Number(anyCidrSize(c) > 1n << 20n ? 1n << 20n : anyCidrSize(c));
  const offset = ipStaticBand(size, size - 1);
  return {
    cidr,
    first: 1,
    last: size - 1,
    offset,
    parse: (ip) => {
      const v = parseIp6(ip);
      if (v === undefined) return parseIp(ip) !== undefined ? -1 : undefined;
      return v >= c.base && v - c.base < BigInt(size) ? Number(v - c.base) : -1;
    },
    format: (n) => formatIp6(c.base + BigInt(n)),
    windows: [{ after, until }],
  };
}

export class ClusterIPPool {
  /** Allocated addresses, in canonical form. */
  private readonly used = new Set<string>();

  constructor(readonly ranges: readonly FamilyRange[]) {}

  /** The ranges ready for a Service created at slot `at`. */
  private ready(at: number): FamilyRange[] {
    // A Service of no slot (`Infinity`) is made after everything: open windows only.
    return this.ranges.filter((r) =>
      r.windows.some((w) => w.after < at && (at < w.until || w.until === Infinity)),
    );
  }

  /** The canonical form of an address inside a ready range, or undefined. */
  private inRange(ip: string, at: number): string | undefined {
    for (const r of this.ready(at)) {
      const n = r.parse(ip);
      if (n !== undefined && n >= r.first && n <= r.last) return r.format(n);
    }
    return undefined;
  }

  allocate(ip: string, at: number): AllocateResult {
    const key = this.inRange(ip, at);
    if (key === undefined) return 'not-in-range';
    if (this.used.has(key)) return 'allocated';
    this.used.add(key);
    return 'ok';
  }

  release(ip: string): void {
    for (const r of this.ranges) {
      const n = r.parse(ip);
      if (n !== undefined && n >= 0) this.used.delete(r.format(n));
    }
  }

  /**
   * A free address scanning each ready range from a hash-derived start, its upper band then its lower
   * one (RangeAllocator.allocateNext's order); undefined when every ready range is full.
   */
  allocateNext(hash: number, at: number): string | undefined {
    for (const r of this.ready(at)) {
      const n = scanFree(r.first, r.last, r.offset, hash, (v) => !this.used.has(r.format(v)));
      if (n === undefined) continue;
      const ip = r.format(n);
      this.used.add(ip);
      return ip;
    }
    return undefined;
  }
}
