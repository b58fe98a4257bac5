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
  return nodeInternalIPOf(node, 'IPv6');
}

/**
 * The node's first InternalIP of one family (what that family's kube-proxy calls its node IP), or undefined.
 *
 * @example
 * nodeInternalIPOf(node, 'IPv4'); // "192.168.49.2", also when the node lists its IPv6 address first
 */
export function nodeInternalIPOf(node: Node, family: 'IPv4' | 'IPv6'): string | undefined {
  const v6 = family === 'IPv6';
  // An address a student left out is no address (not a crash): the API server reads it as "".
  return node.status?.addresses?.find(
    (a) => a.type === 'InternalIP' && typeof a.address === 'string' && a.address.includes(':') === v6,
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
