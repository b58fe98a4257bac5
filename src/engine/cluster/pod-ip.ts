/**
 * Pod IP allocation from each node's podCIDR, the way host-local IPAM (used by the bridge, flannel and
 * kindnet CNIs) hands them out: the network address (.0) and the gateway on the node's bridge (.1, cni0)
 * are never given to a pod, nor the broadcast address; pods get .2, .3, … in the order they start. Other
 * CNIs differ (Calico carves /26 blocks per node, Cilium's cluster-pool picks from its own pool, AWS VPC CNI
 * gives VPC addresses), which is why a pod IP says nothing stable about a pod. IPs that pods already have
 * (a given `status.podIP`) are reserved first so they are never handed out twice.
 *
 * @example
 * const ipam = new PodIPAM(); ipam.next('10.244.1.0/24'); // "10.244.1.2"
 */
import { cidrSize, nthAddress, parseCidr, parseIp, type Ip4 } from '../net/ip';
import { anyCidrSize, formatIp6, parseAnyCidr, parseIp6 } from '../net/ip6';

const DIGITS = Array.from({ length: 256 }, (_, i) => Array.from(String(i), (c) => c.charCodeAt(0)));
const ipCodes: number[] = [];

/** formatIp in one string allocation (a build formats one address per pod). */
function formatPodIp(ip: Ip4): string {
  ipCodes.length = 0;
  for (let shift = 24; shift >= 0; shift -= 8) {
    if (shift !== 24) ipCodes.push(46); // "."
    for (const c of DIGITS[(ip >>> shift) & 255]!) ipCodes.push(c);
  }
  return String.fromCharCode.apply(null, ipCodes);
}

export class PodIPAM {
  /** Addresses taken, as numbers (no string per pod to hash). */
  private readonly used = new Set<number>();
  private readonly cursor = new Map<string, number>();
  private readonly cidrs = new Map<string, ReturnType<typeof parseCidr>>();

  /** IPv6 addresses taken, and the cursor and range of each IPv6 podCIDR. */
  private readonly used6 = new Set<bigint>();
  private readonly cursor6 = new Map<string, bigint>();

  /** Marks an IP of either family as taken (a pod's given status.podIP / podIPs). */
  reserve(ip: string): void {
    const n = parseIp(ip);
    if (n !== undefined) this.used.add(n);
    else {
      const v6 = ip.includes(':') ? parseIp6(ip) : undefined;
      if (v6 !== undefined) this.used6.add(v6);
    }
  }

  /**
   * The next free pod IP in a podCIDR of either family.
   *
   * @example
   * ipam.nextIn('fd00:10:244:1::/64'); // "fd00:10:244:1::2"
   */
  nextIn(podCIDR: string): string | undefined {
    return podCIDR.includes(':') ? this.next6(podCIDR) : this.next(podCIDR);
  }

  /**
   * The next free IPv6 pod IP in the node's IPv6 podCIDR: host-local's IPv6 range starts after the
   * gateway (::1) and has no broadcast address to skip.
   *
   * @example
   * ipam.next6('fd00:10:244:1::/64'); // "fd00:10:244:1::2"
   */
  next6(podCIDR: string): string | undefined {
    const c = parseAnyCidr(podCIDR);
    if (!c || c.family !== 'IPv6') return undefined;
    const last = anyCidrSize(c) - 1n;
    for (let n = this.cursor6.get(c.text) ?? 2n; n <= last; n++) {
      const ip = c.base + n;
      if (this.used6.has(ip)) continue;
      this.used6.add(ip);
      this.cursor6.set(c.text, n + 1n);
      return formatIp6(ip);
    }
    return undefined;
  }

  /**
   * The next free pod IP in the node's podCIDR, or undefined when the range is exhausted.
   *
   * @example
   * ipam.next('10.244.0.0/24'); // "10.244.0.2", then "10.244.0.3", …
   */
  next(podCIDR: string): string | undefined {
    let c = this.cidrs.get(podCIDR);
    if (c === undefined && !this.cidrs.has(podCIDR)) this.cidrs.set(podCIDR, (c = parseCidr(podCIDR)));
    if (!c) return undefined;
    const last = cidrSize(c) - 2; // skip the broadcast address
    for (let n = this.cursor.get(c.text) ?? 2; n <= last; n++) {
      const ip = nthAddress(c, n);
      if (this.used.has(ip)) continue;
      this.used.add(ip);
      this.cursor.set(c.text, n + 1);
      return formatPodIp(ip);
    }
    return undefined;
  }
}
