/**
 * The facts about a node that kube-proxy's rules depend on: its IP (InternalIP), its zone label, and which
 * addresses NodePorts are served on (`nodePortAddresses`, kube-proxy's NodePortAddresses helper).
 *
 * @example
 * nodeIPOf(node); // "192.168.49.2"
 * nodePortMatchAll([]); // true
 */
import type { ClusterState } from '../../cluster/state';
import { ZONE_LABEL } from '../../k8s/labels';
import type { Node } from '../../k8s/objects';
import { nodeInternalIPOf } from '../../k8s/node';
import { inCidr, parseCidr } from '../../net/ip';
import { anyCidrContains, parseAnyCidr, type IPFamily } from '../../net/ip6';

/** What every mode's rules know of the node they are written for. */
export interface NodeContext {
  nodeName: string; // "node-1"
  nodeIP: string; // "192.168.49.2" ("" when the node has no InternalIP)
  zone: string; // "zone-a" ("" when the node has no zone label)
  /** The family of the proxier the rules are for (a dual-stack node runs one of each). */
  family: IPFamily; // "IPv4"
}

/**
 * The node's name, IP and zone, as kube-proxy on it knows them.
 *
 * @example
 * nodeContext(cluster, 'node-1'); // { nodeName: "node-1", nodeIP: "192.168.49.2", zone: "" }
 */
export function nodeContext(cluster: ClusterState, nodeName: string, family: IPFamily = 'IPv4'): NodeContext {
  const node = findNode(cluster, nodeName);
  return { nodeName, nodeIP: nodeIPOf(node, family), zone: zoneOf(node), family };
}

export function findNode(cluster: ClusterState, nodeName: string): Node | undefined {
  return cluster.nodes.find((n) => n.metadata.name === nodeName);
}

/** The node's InternalIP (kube-proxy's nodeIP) of `family` (IPv4: the first InternalIP), or "" when none. */
export function nodeIPOf(node: Node | undefined, family: IPFamily = 'IPv4'): string {
  if (!node) return '';
  // The same reading as the kubelet's (k8s/node.ts), which also survives an entry without its address.
  return nodeInternalIPOf(node, family) ?? '';
}

export function zoneOf(node: Node | undefined): string {
  return node?.metadata.labels?.[ZONE_LABEL] ?? '';
}

/** No IPv4 entry or a 0.0.0.0/0 entry: NodePorts answer on every local address (IPv6 entries are the IPv6 proxier's). */
export function nodePortMatchAll(nodePortAddresses: readonly string[]): boolean {
  // NewNodePortAddresses keeps the CIDRs of the proxier's family; none left means every address.
  const own = nodePortAddresses.filter((c) => c === 'primary' || parseCidr(c) !== undefined);
  return own.length === 0 || own.some((c) => parseCidr(c)?.prefix === 0);
}

/** ContainsIPv4Loopback: localhost NodePorts are only possible when 127.0.0.1 is one of the addresses. */
export function nodePortIncludesLoopback(nodePortAddresses: readonly string[]): boolean {
  return nodePortAddresses.length === 0 || nodePortAddresses.some((c) => inCidr('127.0.0.1', c));
}

/** The node's addresses that NodePorts answer on, when not all of them (`--nodeport-addresses`). */
export function nodePortIPs(nodeIP: string, nodePortAddresses: readonly string[]): string[] {
  const candidates = [nodeIP, '127.0.0.1'].filter((ip) => ip !== '');
  return candidates.filter((ip) => nodePortAddresses.some((c) => inCidr(ip, c)));
}

/** No IPv6 entry or a ::/0 entry: the IPv6 proxier's NodePorts answer on every local address. */
export function nodePortMatchAll6(nodePortAddresses: readonly string[]): boolean {
  const own = nodePortAddresses.filter((c) => c === 'primary' || parseAnyCidr(c)?.family === 'IPv6');
  return own.length === 0 || own.some((c) => parseAnyCidr(c)?.prefix === 0);
}

/** The node's IPv6 address when an IPv6 `nodePortAddresses` entry holds it (::1 never: no localhost NodePorts on IPv6). */
export function nodePortIPs6(nodeIP: string, nodePortAddresses: readonly string[]): string[] {
  if (nodeIP === '') return [];
  return nodePortAddresses.some((c) => {
    if (c === 'primary') return true;
    const cidr = parseAnyCidr(c);
    return cidr?.family === 'IPv6' && anyCidrContains(cidr, nodeIP);
  })
    ? [nodeIP]
    : [];
}
