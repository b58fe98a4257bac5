/**
 * Reads of a Node that several parts need (the proxy's node IP, the topology's zones, the scheduler).
 *
 * @example
 * nodeInternalIP(node); // "192.168.49.2"
 * nodeZone(node); // "zone-a"
 */
import { ZONE_LABEL } from './labels';
import type { Node } from './objects';

/**
 * The node's InternalIP as `status.addresses` gives it (kube-proxy's node IP), or undefined.
 *
 * @example
 * nodeInternalIP(node); // "192.168.49.2"
 */
export function nodeInternalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/**
 * The node's IPv6 InternalIP on a dual-stack or IPv6 cluster (what the IPv6 kube-proxy calls its node IP).
 *
 * @example
 * nodeInternalIPv6(node); // "fc00:f853:ccd:e793::2"
 */
export function nodeInternalIPv6(node: Node): string | undefined {
  // An address a student left out is no address (not a crash): the API server reads it as "".
  return node.status?.addresses?.find(
    (a) => a.type === 'InternalIP' && typeof a.address === 'string' && a.address.includes(':'),
  )?.address;
}

/**
 * The node's zone label, or undefined.
 *
 * @example
 * nodeZone(node); // "zone-a"
 */
export function nodeZone(node: Node): string | undefined {
  return node.metadata.labels?.[ZONE_LABEL];
}
