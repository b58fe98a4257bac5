/**
 * The network around kube-proxy: external clients, the simulated cloud load balancer of each LoadBalancer
 * Service, nodes (with zones and InternalIPs) and pods on nodes, plus who owns an IP address and how a
 * packet gets from one place to another. Pure functions over ClusterState; the cluster's index
 * (cluster/cluster-index.ts) keeps address look-ups O(1) on 10,000-Service clusters.
 *
 * The pod network is modelled on flannel's VXLAN backend (the default `podSubnet` 10.244.0.0/16 is
 * flannel's default network): each node owns `flannel.1` = the first address of its podCIDR
 * (10.244.1.0) and the `cni0` bridge = the second (10.244.1.1). That decides what MASQUERADE picks.
 *
 * @example
 * outgoingInterface(cluster, 'node-1', '10.244.1.5'); // { name: 'flannel.1', address: '10.244.0.0' }
 * link(cluster, 'node-1', 'node-2'); // { from: 'node/node-1', to: 'node/node-2', crossZone: true }
 */
import { clusterIndex, nsName, type NodeInfo } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Pod, Service } from '../k8s/objects';
import { podIPOf } from '../k8s/pod';
import { msg, type Msg } from '../messages';
import { formatIp, nthAddress, parseCidr } from '../net/ip';
import { nthAddressText, parseAnyCidr } from '../net/ip6';

/** A place a packet can be: what the CLI's `--from` and the trace's `location` name. */
export type Place =
  | { kind: 'external'; ip: string }
  | { kind: 'lb'; service: Service; ip: string }
  /** `pod`: a hostNetwork pod on that node (it sends from the node, with its own resolv.conf). */
  | { kind: 'node'; node: NodeInfo; pod?: Pod }
  | { kind: 'pod'; pod: Pod; ip: string; node: string | undefined };

/** One link between two places, as a network hop shows it. */
export interface Link {
  from: string; // "node/node-1"
  to: string; // "node/node-2"
  /** The link crosses a zone boundary (inter-zone traffic costs money in real clouds). */
  crossZone: boolean;
  note: Msg;
}

/** The node-local pod-network addresses flannel gives a node: `flannel.1` (.0) and the `cni0` bridge (.1). */
export function cniAddresses(node: NodeInfo): { tunnel: string; bridge: string } | undefined {
  const c = node.podCIDR ? parseCidr(node.podCIDR) : undefined;
  if (!c) return undefined;
  return { tunnel: formatIp(nthAddress(c, 0)), bridge: formatIp(nthAddress(c, 1)) };
}

/**
 * The same for IPv6 on a dual-stack node: flannel's `flannel-v6.1` takes the IPv6 podCIDR's first address
 * (…::) and `cni0` its second (…::1).
 *
 * @example cniAddresses6(node) // { tunnel: 'fd00:10:244:1::', bridge: 'fd00:10:244:1::1' }
 */
export function cniAddresses6(node: NodeInfo): { tunnel: string; bridge: string } | undefined {
  const c = node.podCIDR6 ? parseAnyCidr(node.podCIDR6) : undefined;
  if (c?.family !== 'IPv6') return undefined;
  return { tunnel: nthAddressText(c, 0n), bridge: nthAddressText(c, 1n) };
}

/**
 * The interface a packet leaves `node` by towards `dstIp`, and that interface's address: what MASQUERADE
 * puts in the source, and what a process on the node sends from. A pod on this node is behind the `cni0`
 * bridge (10.244.N.1); a pod on another node is reached through the VXLAN device `flannel.1` (10.244.N.0);
 * anything else leaves by the node's own interface (its InternalIP). Without a podCIDR: the InternalIP.
 *
 * @example outgoingInterface(cluster, 'node-1', '10.244.1.5') // { name: 'flannel.1', address: '10.244.0.0' }
 */
export function outgoingInterface(
  cluster: ClusterState,
  node: string,
  dstIp: string,
): { name: string; address: string } {
  const ix = clusterIndex(cluster);
  const info = ix.node(node);
  if (!info) return { name: 'eth0', address: dstIp };
  const v6 = dstIp.includes(':');
  const cni = v6 ? cniAddresses6(info) : cniAddresses(info);
  const owner = ix.ipOwner(dstIp);
  if (cni && owner.kind === 'pod')
    return owner.node === node
      ? { name: 'cni0', address: cni.bridge }
      : { name: v6 ? 'flannel-v6.1' : 'flannel.1', address: cni.tunnel };
  return { name: 'eth0', address: v6 ? info.ip6 : info.ip4 };
}

/** The source address MASQUERADE picks on `node` for a packet to `dstIp`. @example masqueradeAddress(c, 'node-1', '10.244.1.5') // "10.244.0.0" */
export function masqueradeAddress(cluster: ClusterState, node: string, dstIp: string): string {
  return outgoingInterface(cluster, node, dstIp).address;
}

/** The `location` string a trace hop uses for a place. */
export function locationOf(place: Place): string {
  switch (place.kind) {
    case 'external':
      return 'external';
    case 'lb':
      return `lb/${nsName(place.service)}`;
    case 'node':
      return `node/${place.node.name}`;
    case 'pod':
      return `pod/${nsName(place.pod)}`;
  }
}

/** The node a place sits on (undefined for external clients and the cloud LB). */
export function nodeOfPlace(place: Place): string | undefined {
  if (place.kind === 'node') return place.node.name;
  if (place.kind === 'pod') return place.node;
  return undefined;
}

/** An outside client's IPv6 address when the request goes to an IPv6 address (documentation prefix, RFC 3849). */
export const EXTERNAL_CLIENT_IPV6 = '2001:db8::10';

/**
 * The address a place sends from to `dst`: a pod's address of dst's family (its IPv6 one from
 * `status.podIPs`), undefined when it has none; a node's by the route (outgoingInterface); an outside
 * client's own, or EXTERNAL_CLIENT_IPV6 towards an IPv6 address.
 *
 * @example sourceAddress(cluster, podPlace, 'fd00:10:96::a') // "fd00:10:244:1::5"
 */
export function sourceAddress(cluster: ClusterState, place: Place, dst: string): string | undefined {
  const v6 = dst.includes(':');
  switch (place.kind) {
    case 'external':
    case 'lb':
      return v6 === place.ip.includes(':') ? place.ip : v6 ? EXTERNAL_CLIENT_IPV6 : undefined;
    case 'pod':
      // A hostNetwork-less pod sends from its own address of dst's family (its podIPs entry).
      return place.ip.includes(':') === v6 ? place.ip : podIPOf(place.pod, v6 ? 'IPv6' : 'IPv4');
    case 'node':
      if (dst.startsWith('127.')) return '127.0.0.1';
      if (dst === '::1') return '::1';
      return outgoingInterface(cluster, place.node.name, dst).address || undefined;
  }
}

/** The IP address a place sends from. */
export function addressOf(place: Place): string {
  switch (place.kind) {
    case 'external':
    case 'lb':
    case 'pod':
      return place.ip;
    case 'node':
      return place.node.ip;
  }
}

/**
 * The link between two nodes (or a node and itself). Crossing zones is flagged: real clouds bill it.
 * flannel tunnels only pod-network traffic through VXLAN (its routes cover the other nodes' podCIDRs);
 * a packet for another node's own address (`via: 'nodes'`) goes over the node network as it is.
 *
 * @example link(cluster, 'node-1', 'node-3') // { from: 'node/node-1', to: 'node/node-3', crossZone: true, note: '…' }
 */
export function link(
  cluster: ClusterState,
  fromNode: string,
  toNode: string,
  via: 'overlay' | 'nodes' = 'overlay',
): Link {
  const ix = clusterIndex(cluster);
  const a = ix.node(fromNode);
  const b = ix.node(toNode);
  const crossZone = !!a?.zone && !!b?.zone && a.zone !== b.zone;
  return {
    from: `node/${fromNode}`,
    to: `node/${toNode}`,
    crossZone,
    note:
      fromNode === toNode
        ? msg('net.sameNode', { node: fromNode })
        : via === 'nodes'
          ? msg('net.nodeNetwork', { from: fromNode, to: toNode, ip: b?.ip ?? '?', crossZone })
          : msg('net.overlay', {
              from: fromNode,
              fromZone: a?.zone ?? null,
              to: toNode,
              toZone: b?.zone ?? null,
              crossZone,
            }),
  };
}

/** The link from outside (a client or the cloud LB) to a node over the provider network. */
export function linkFromOutside(cluster: ClusterState, from: Place, toNode: string): Link {
  const n = clusterIndex(cluster).node(toNode);
  // The simulated cloud LB is regional (no zone of its own), so its hops carry no cross-zone flag.
  return {
    from: locationOf(from),
    to: `node/${toNode}`,
    crossZone: false,
    note: msg('net.provider', { from: locationOf(from), to: toNode, ip: n?.ip ?? '?' }),
  };
}

/** A LoadBalancer Service's ingress IPs as the simulated cloud gave them. */
export function loadBalancerIPs(svc: Service): string[] {
  return (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
}
