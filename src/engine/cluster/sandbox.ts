/**
 * A pod's sandbox as the container runtime and the CNI plugin see it: its container id, and the event the
 * kubelet records when the CNI plugin cannot set up its network. svclab's pod network is flannel's
 * (VXLAN, the `cbr0` network of kube-flannel.yml) over host-local IPAM, which hands out each node's
 * podCIDR from .1 to the last address before the broadcast, skipping the gateway (.1, cni0).
 *
 * @example
 * sandboxID(pod).length; // 64
 * ipExhaustedEvent(pod, '10.244.1.0/24');
 * // 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f…":
 * //  plugin type="flannel" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254'
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Pod } from '../k8s/objects';
import { cidrSize, formatIp, nthAddress, parseCidr } from '../net/ip';

/**
 * The pod sandbox's container id (64 hex), deterministic per pod.
 *
 * @example sandboxID(pod).length; // 64
 */
export function sandboxID(pod: Pod): string {
  const m = pod.metadata;
  return bytesToHex(
    sha256(utf8ToBytes(`sandbox/${m.namespace ?? 'default'}/${m.name ?? ''}/${m.uid ?? ''}`)),
  );
}

/**
 * host-local's range for a subnet without rangeStart/rangeEnd (allocator/range.go Canonicalize): from the
 * first address after the network to the last before the broadcast, as RangeSet.String prints it.
 *
 * @example hostLocalRange('10.244.1.0/24'); // "10.244.1.1-10.244.1.254"
 */
export function hostLocalRange(podCIDR: string): string {
  const c = parseCidr(podCIDR);
  if (!c) return podCIDR;
  return `${formatIp(nthAddress(c, 1))}-${formatIp(nthAddress(c, cidrSize(c) - 2))}`;
}

/**
 * The FailedCreatePodSandBox event's message when the node's pod range has no address left (kubelet →
 * containerd → libcni → flannel → host-local's allocator), as a flannel cluster on containerd 2 shows it.
 */
export function ipExhaustedEvent(pod: Pod, podCIDR: string): string {
  return (
    `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox ` +
    `"${sandboxID(pod)}": plugin type="flannel" failed (add): failed to allocate for range 0: ` +
    `no IP addresses available in range set: ${hostLocalRange(podCIDR)}`
  );
}
