/**
 * The API server's two range allocators, made deterministic: ClusterIPs from the service CIDR
 * (pkg/registry/core/service/ipallocator) and node ports from --service-node-port-range
 * (pkg/registry/core/service/portallocator).
 *
 * Both split their range in two (KEP-3070 for IPs, KEP-3668 for ports): a small lower "static" band that
 * dynamic allocation avoids while the upper band has room, so that users who pick values by hand pick from
 * the lower band without colliding with automatic ones. The band is min(max(16, size/16), 256) addresses
 * for IPs (the first 256 of a /12: 10.96.0.1–10.96.1.0, where kubernetes' .1 and kube-dns' .10 live) and
 * min(max(16, size/32), 128) ports (30000–30085 for the default range).
 *
 * Upstream starts each dynamic allocation at a random offset in the upper band and scans forward. svclab
 * derives the offset from a hash of the world seed and the Service's namespace/name instead, so the same
 * input and seed give the same values and a Service keeps its IP when unrelated documents change; only a
 * collision (another Service already holding that slot) moves it to the next free one.
 *
 * @example
 * const ips = RangeAllocator.forCidr('10.96.0.0/12')!;
 * ips.allocate(parseIp('10.96.0.10')!); // 'ok'
 * formatIp(ips.allocateNext(fnv32a('default/web'))!); // "10.96.x.y", never in the static band
 */
import { cidrSize, parseCidr } from '../net/ip';

export type AllocateResult = 'ok' | 'allocated' | 'not-in-range';

/**
 * An IP range's static band (KEP-3070): min(max(16, size/16), 256) addresses, none when fewer than 16
 * addresses are usable.
 *
 * @example
 * ipStaticBand(2 ** 20, 2 ** 20 - 2); // 256
 */
export const ipStaticBand = (size: number, usable: number): number =>
  usable < 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 16)), 256);

/**
 * The first value `free` accepts in first..last, scanning from a hash-derived start in the upper (dynamic)
 * band, then the lower (static) one; undefined when none is free. Both allocators scan this way.
 *
 * @example
 * scanFree(1, 14, 0, 3, () => true); // 4
 */
export function scanFree(
  first: number,
  last: number,
  offset: number,
  hash: number,
  free: (v: number) => boolean,
): number | undefined {
  const upperStart = first + offset;
  const bands: [number, number][] = [[upperStart, last]];
  if (offset > 0) bands.push([first, upperStart - 1]);
  for (const [lo, hi] of bands) {
    const size = hi - lo + 1;
    if (size <= 0) continue;
    const start = (hash >>> 0) % size;
    for (let i = 0; i < size; i++) {
      const v = lo + ((start + i) % size);
      if (free(v)) return v;
    }
  }
  return undefined;
}

export class RangeAllocator {
  private readonly used = new Set<number>();

  /** first..last inclusive; the dynamic band starts at first + offset. */
  constructor(
    readonly first: number,
    readonly last: number,
    readonly offset: number,
  ) {}

  /**
   * The allocator for a service CIDR: network and broadcast addresses excluded (IPv4).
   *
   * @example
   * RangeAllocator.forCidr('10.96.0.0/12')!.offset; // 256
   */
  static forCidr(cidrText: string): RangeAllocator | undefined {
    const c = parseCidr(cidrText);
    if (!c) return undefined;
    const size = cidrSize(c);
    if (size < 4) return new RangeAllocator(c.base, c.base + size - 1, 0);
    return new RangeAllocator(c.base + 1, c.base + size - 2, ipStaticBand(size, size - 2));
  }

  /**
   * The node-port allocator for min-max.
   *
   * @example
   * RangeAllocator.forPorts(30000, 32767).offset; // 86
   */
  static forPorts(min: number, max: number): RangeAllocator {
    const size = max - min + 1;
    const offset = size < 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
    return new RangeAllocator(min, max, offset);
  }

  has(v: number): boolean {
    return this.used.has(v);
  }

  allocate(v: number): AllocateResult {
    if (v < this.first || v > this.last) return 'not-in-range';
    if (this.used.has(v)) return 'allocated';
    this.used.add(v);
    return 'ok';
  }

  release(v: number): void {
    this.used.delete(v);
  }

  /** A free value, scanning from a hash-derived start in the upper band, then the lower band; undefined when full. */
  allocateNext(hash: number): number | undefined {
    const v = scanFree(this.first, this.last, this.offset, hash, (x) => !this.used.has(x));
    if (v !== undefined) this.used.add(v);
    return v;
  }
}
