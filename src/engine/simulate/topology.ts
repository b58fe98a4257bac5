/**
 * The network around kube-proxy: external clients, the simulated cloud load balancer of each LoadBalancer
 * Service, nodes (with zones and InternalIPs) and pods on nodes, plus who owns an IP address and how a
 * packet gets from one place to another. Pure functions over ClusterState; an index per cluster object
 * keeps address look-ups O(1) on 10,000-Service clusters.
 *
 * The pod network is modelled on flannel's VXLAN backend (the default `podSubnet` 10.244.0.0/16 is
 * flannel's default network): each node owns `flannel.1` = the first address of its podCIDR
 * (10.244.1.0) and the `cni0` bridge = the second (10.244.1.1). That decides what MASQUERADE picks.
 *
 * @example
 * ipOwner(cluster, '10.96.0.10'); // { kind: 'cluster-ip', service: <kube-dns>, ... }
 * link(cluster, 'node-1', 'node-2'); // { from: 'node/node-1', to: 'node/node-2', crossZone: true }
 */
import type { ClusterState } from '../cluster/state';
import type { Node, Pod, Service } from '../k8s/objects';
import { formatIp, nthAddress, parseCidr } from '../net/ip';

/** What an address belongs to, as the data plane needs to know it. */
export type IpOwner =
  | { kind: 'pod'; pod: Pod; node: string | undefined }
  | { kind: 'node'; node: NodeInfo }
  /** The simulated cloud load balancer in front of a LoadBalancer Service (lives outside the cluster). */
  | { kind: 'load-balancer'; service: Service }
  /** A virtual address: exists only as kube-proxy rules on every node. */
  | { kind: 'cluster-ip'; service: Service }
  | { kind: 'external-ip'; service: Service }
  /** Nothing in the cluster owns it: the internet (or the client's own network). */
  | { kind: 'outside' };

export interface NodeInfo {
  name: string; // "node-1"
  ip: string; // "192.168.49.2" (InternalIP)
  zone: string | null; // "zone-a" (topology.kubernetes.io/zone)
  podCIDR: string | null; // "10.244.0.0/24"
}

/** A place a packet can be: what the CLI's `--from` and the trace's `location` name. */
export type Place =
  | { kind: 'external'; ip: string }
  | { kind: 'lb'; service: Service; ip: string }
  | { kind: 'node'; node: NodeInfo }
  | { kind: 'pod'; pod: Pod; ip: string; node: string | undefined };

/** One link between two places, as a network hop shows it. */
export interface Link {
  from: string; // "node/node-1"
  to: string; // "node/node-2"
  /** The link crosses a zone boundary (inter-zone traffic costs money in real clouds). */
  crossZone: boolean;
  note: string;
}

interface TopologyIndex {
  nodes: Map<string, NodeInfo>;
  owners: Map<string, IpOwner>;
  pods: Map<string, Pod>; // "ns/name"
}

const indexes = new WeakMap<ClusterState, TopologyIndex>();

/** The InternalIP of a Node, as `status.addresses` gives it. */
export function nodeInternalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** Reads the node facts the data plane needs. @example nodeInfoOf(node).zone // "zone-a" */
export function nodeInfoOf(node: Node): NodeInfo {
  return {
    name: node.metadata.name ?? '',
    ip: nodeInternalIP(node) ?? '',
    zone: node.metadata.labels?.['topology.kubernetes.io/zone'] ?? null,
    podCIDR: node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? null,
  };
}

/** "ns/name" of any namespaced object. */
export function nsName(o: { metadata: { namespace?: string; name?: string } }): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;
}

/** The pod's IP (its node's IP for hostNetwork pods once scheduled). */
export function podIPOf(pod: Pod): string | undefined {
  return pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
}

function buildIndex(cluster: ClusterState): TopologyIndex {
  const nodes = new Map<string, NodeInfo>();
  const owners = new Map<string, IpOwner>();
  const pods = new Map<string, Pod>();
  for (const n of cluster.nodes) {
    const info = nodeInfoOf(n);
    nodes.set(info.name, info);
    if (info.ip) owners.set(info.ip, { kind: 'node', node: info });
  }
  for (const svc of cluster.services) {
    for (const ip of svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])) {
      if (ip !== 'None' && !owners.has(ip)) owners.set(ip, { kind: 'cluster-ip', service: svc });
    }
    for (const ip of svc.spec.externalIPs ?? []) {
      if (!owners.has(ip)) owners.set(ip, { kind: 'external-ip', service: svc });
    }
    if (svc.spec.type === 'LoadBalancer') {
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        if (ing.ip && !owners.has(ing.ip)) owners.set(ing.ip, { kind: 'load-balancer', service: svc });
      }
    }
  }
  for (const pod of cluster.pods) {
    pods.set(nsName(pod), pod);
    const ip = podIPOf(pod);
    // hostNetwork pods share the node's address: the node owns it.
    if (ip && !pod.spec.hostNetwork && !owners.has(ip)) {
      owners.set(ip, { kind: 'pod', pod, node: pod.spec.nodeName });
    }
  }
  return { nodes, owners, pods };
}

function index(cluster: ClusterState): TopologyIndex {
  let ix = indexes.get(cluster);
  if (!ix) {
    ix = buildIndex(cluster);
    indexes.set(cluster, ix);
  }
  return ix;
}

/** The node named `name`, or undefined. @example nodeInfo(cluster, 'node-1')?.ip // "192.168.49.2" */
export function nodeInfo(cluster: ClusterState, name: string | undefined): NodeInfo | undefined {
  return name === undefined ? undefined : index(cluster).nodes.get(name);
}

/** All nodes in the cluster's order. */
export function allNodes(cluster: ClusterState): NodeInfo[] {
  return [...index(cluster).nodes.values()];
}

/** Finds a pod by "ns/name" or by "name" in `defaultNamespace`. */
export function findPod(cluster: ClusterState, ref: string, defaultNamespace = 'default'): Pod | undefined {
  const key = ref.includes('/') ? ref : `${defaultNamespace}/${ref}`;
  return index(cluster).pods.get(key);
}

/** Who owns an address. @example ipOwner(cluster, '203.0.113.10') // { kind: 'outside' } */
export function ipOwner(cluster: ClusterState, ip: string): IpOwner {
  return index(cluster).owners.get(ip) ?? { kind: 'outside' };
}

/** The node-local pod-network addresses flannel gives a node: `flannel.1` (.0) and the `cni0` bridge (.1). */
export function cniAddresses(node: NodeInfo): { tunnel: string; bridge: string } | undefined {
  const c = node.podCIDR ? parseCidr(node.podCIDR) : undefined;
  if (!c) return undefined;
  return { tunnel: formatIp(nthAddress(c, 0)), bridge: formatIp(nthAddress(c, 1)) };
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
  const info = nodeInfo(cluster, node);
  if (!info) return { name: 'eth0', address: dstIp };
  const cni = cniAddresses(info);
  const owner = ipOwner(cluster, dstIp);
  if (cni && owner.kind === 'pod')
    return owner.node === node
      ? { name: 'cni0', address: cni.bridge }
      : { name: 'flannel.1', address: cni.tunnel };
  return { name: 'eth0', address: info.ip };
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
 *
 * @example link(cluster, 'node-1', 'node-3') // { from: 'node/node-1', to: 'node/node-3', crossZone: true, note: '…' }
 */
export function link(cluster: ClusterState, fromNode: string, toNode: string): Link {
  const a = nodeInfo(cluster, fromNode);
  const b = nodeInfo(cluster, toNode);
  const crossZone = !!a?.zone && !!b?.zone && a.zone !== b.zone;
  const where = (n: NodeInfo | undefined, name: string) => (n?.zone ? `${name} (${n.zone})` : name);
  const how =
    fromNode === toNode
      ? `stays on ${fromNode}`
      : `${where(a, fromNode)} → ${where(b, toNode)} through the VXLAN overlay (flannel.1)`;
  return {
    from: `node/${fromNode}`,
    to: `node/${toNode}`,
    crossZone,
    note: crossZone ? `${how}; crosses zones, which real clouds bill as inter-zone traffic` : how,
  };
}

/** The link from outside (a client or the cloud LB) to a node over the provider network. */
export function linkFromOutside(cluster: ClusterState, from: Place, toNode: string): Link {
  const n = nodeInfo(cluster, toNode);
  // The simulated cloud LB is regional (no zone of its own), so its hops carry no cross-zone flag.
  return {
    from: locationOf(from),
    to: `node/${toNode}`,
    crossZone: false,
    note: `${locationOf(from)} → ${toNode} (${n?.ip ?? '?'}) over the provider network`,
  };
}

/** A LoadBalancer Service's ingress IPs as the simulated cloud gave them. */
export function loadBalancerIPs(svc: Service): string[] {
  return (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
}
