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
import { cidrSize, formatIp, nthAddress, parseCidr } from '../net/ip';

export class PodIPAM {
  private readonly used = new Set<string>();
  private readonly cursor = new Map<string, number>();
  private readonly cidrs = new Map<string, ReturnType<typeof parseCidr>>();

  /** Marks an IP as taken (a pod's given status.podIP). */
  reserve(ip: string): void {
    this.used.add(ip);
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
      const ip = formatIp(nthAddress(c, n));
      if (this.used.has(ip)) continue;
      this.used.add(ip);
      this.cursor.set(c.text, n + 1);
      return ip;
    }
    return undefined;
  }
}
