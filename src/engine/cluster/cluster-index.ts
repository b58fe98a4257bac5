/**
 * The look-ups every part of svclab needs over one ClusterState, computed once per state: EndpointSlices
 * and Endpoints by Service, pods by key and by IP, Services by key, who owns an address (pod, node,
 * ClusterIP, external IP, load-balancer address), each node's IP and zone, whether an object is one the
 * cluster made for itself, and pod readiness. The proxy, DNS, the ingress controller, the data path, the
 * commands and the page's graph all ask here, so that "the slices of a Service" or "a system object"
 * means one thing everywhere.
 *
 * The index belongs to its state: `clusterIndex(state)` builds it on first use and keeps it on the state
 * object itself (a non-enumerable property, so a copy such as the worker's slimmer one for the page gets
 * its own). Each part is built the first time it is asked for. A ClusterState is read-only once built;
 * an index asked for before the build finished would be stale, so the builder's own steps never ask.
 *
 * @example
 * const ix = clusterIndex(cluster);
 * ix.slicesOf('default/web').length; // 1
 * ix.ipOwner('10.96.0.10'); // { kind: 'cluster-ip', service: <kube-dns> }
 * ix.node('node-3')?.zone; // "zone-b"
 * ix.isSystem('Pod/kube-system/coredns-5d78c9869d-abcde'); // true
 */
import { SERVICE_NAME_LABEL } from '../k8s/labels';
import { nodeInternalIP, nodeInternalIPOf, nodeZone } from '../k8s/node';
import type { EndpointSlice, Endpoints, Node, Pod, Service } from '../k8s/objects';
import { isPodReady, podIP, podIPv6 } from '../k8s/pod';
import { canonicalIp } from '../net/ip6';
import type { ClusterState, ObjectKey } from './state';

/** The facts about a node the data plane reads. */
export interface NodeInfo {
  name: string; // "node-1"
  /** The node's first InternalIP (of the cluster's primary family; "" when the node has none). */
  ip: string; // "192.168.49.2"
  zone: string | null; // "zone-a" (topology.kubernetes.io/zone)
  /** The IPv4 InternalIP and podCIDR ("" and null on an IPv6-only node). */
  ip4: string; // "192.168.49.2"
  podCIDR: string | null; // "10.244.0.0/24"
  /** The IPv6 InternalIP and podCIDR of a dual-stack or IPv6 node ("" and null on an IPv4-only one). */
  ip6: string; // "fc00:f853:ccd:e793::2"
  podCIDR6: string | null; // "fd00:10:244:1::/64"
}

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

const OUTSIDE: IpOwner = Object.freeze({ kind: 'outside' });
const NO_SLICES: readonly EndpointSlice[] = Object.freeze([]);

/**
 * "ns/name" of a namespaced object (namespace "default" when unset): the key Services, pods and the
 * Service an EndpointSlice names are looked up by.
 *
 * @example
 * nsName(pod); // "default/web-7c9d8-abcde"
 */
export function nsName(o: { metadata: { namespace?: string; name?: string } }): string {
  return `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;
}

/**
 * The "ns/name" of the Service an EndpointSlice belongs to (its `kubernetes.io/service-name` label in
 * the slice's namespace), or undefined for a slice that names none: the one definition of how a slice
 * is tied to its Service, for the index and for the controllers that read slices mid-build.
 *
 * @example
 * sliceServiceKey(slice); // "default/web"
 */
export function sliceServiceKey(slice: EndpointSlice): string | undefined {
  const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
  return svc === undefined ? undefined : `${slice.metadata.namespace ?? 'default'}/${svc}`;
}

/**
 * Groups slices by sliceServiceKey, keeping their order; with `addressType`, only slices of that type
 * (kube-proxy reads one IP family).
 *
 * @example
 * groupSlicesByService(cluster.endpointSlices).get('default/web')?.length; // 1
 */
export function groupSlicesByService(
  slices: readonly EndpointSlice[],
  addressType?: string,
): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    if (addressType !== undefined && s.addressType !== addressType) continue;
    const key = sliceServiceKey(s);
    if (key === undefined) continue;
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

/** The node's podCIDR of one family (spec.podCIDR is the first of spec.podCIDRs). */
function podCIDROf(node: Node, v6: boolean): string | null {
  const all = [node.spec?.podCIDR, ...(node.spec?.podCIDRs ?? [])];
  return all.find((c): c is string => typeof c === 'string' && c.includes(':') === v6) ?? null;
}

/** Reads the node facts the data plane needs. @example nodeInfoOf(node).zone // "zone-a" */
export function nodeInfoOf(node: Node): NodeInfo {
  return {
    name: node.metadata.name ?? '',
    ip: nodeInternalIP(node) ?? '',
    zone: nodeZone(node) ?? null,
    ip4: nodeInternalIPOf(node, 'IPv4') ?? '',
    podCIDR: podCIDROf(node, false),
    ip6: nodeInternalIPOf(node, 'IPv6') ?? '',
    podCIDR6: podCIDROf(node, true),
  };
}

/** The look-ups over one ClusterState (see the file's comment). Get it with `clusterIndex(state)`. */
export class ClusterIndex {
  private nodesByName?: Map<string, NodeInfo>;
  private owners?: Map<string, IpOwner>;
  private podsByKey?: Map<string, Pod>;
  private servicesByKey?: Map<string, Service>;
  private endpointsByKey?: Map<string, Endpoints>;
  private readonly slicesByType = new Map<string, Map<string, EndpointSlice[]>>();
  private readonly system = new Map<ObjectKey, boolean>();
  private readonly derived = new Map<(cluster: ClusterState) => unknown, unknown>();

  constructor(private readonly cluster: ClusterState) {}

  /**
   * What a pure function computes from this state, computed once: a part of svclab that reads the same
   * derived value on every packet (the parsed Corefile on every DNS query) keeps it here, with the state.
   *
   * @example ix.derive(corednsSettingsOf) // the same object on every call for this state
   */
  derive<T>(compute: (cluster: ClusterState) => T): T {
    if (this.derived.has(compute)) return this.derived.get(compute) as T;
    const value = compute(this.cluster);
    this.derived.set(compute, value);
    return value;
  }

  /** The node named `name`. @example ix.node('node-1')?.ip // "192.168.49.2" */
  node(name: string | undefined): NodeInfo | undefined {
    return name === undefined ? undefined : this.nodeMap().get(name);
  }

  /** Every node, in the cluster's order. */
  nodes(): NodeInfo[] {
    return [...this.nodeMap().values()];
  }

  /** A pod by "ns/name". @example ix.pod('default/client')?.status?.podIP // "10.244.1.4" */
  pod(key: string): Pod | undefined {
    this.podsByKey ??= new Map(this.cluster.pods.map((p) => [nsName(p), p]));
    return this.podsByKey.get(key);
  }

  /**
   * A pod by "ns/name", or by "name" in `defaultNamespace` (how `--from` and `exec` name pods).
   *
   * @example
   * ix.findPod('client')?.metadata.namespace; // "default"
   */
  findPod(ref: string, defaultNamespace = 'default'): Pod | undefined {
    return this.pod(ref.includes('/') ? ref : `${defaultNamespace}/${ref}`);
  }

  /** A Service by "ns/name". @example ix.service('kube-system/kube-dns')?.spec.clusterIP // "10.96.0.10" */
  service(key: string): Service | undefined {
    this.servicesByKey ??= new Map(this.cluster.services.map((s) => [nsName(s), s]));
    return this.servicesByKey.get(key);
  }

  /** The Endpoints object of a Service ("ns/name"), which has the Service's name. */
  endpointsOf(serviceKey: string): Endpoints | undefined {
    this.endpointsByKey ??= new Map(this.cluster.endpoints.map((e) => [nsName(e), e]));
    return this.endpointsByKey.get(serviceKey);
  }

  /**
   * The EndpointSlices of a Service ("ns/name") in creation order; with `addressType` ("IPv4"), only
   * those. Never mutate the returned list.
   *
   * @example
   * ix.slicesOf('default/web', 'IPv4').flatMap((s) => s.endpoints ?? []).length; // 3
   */
  slicesOf(serviceKey: string, addressType?: string): readonly EndpointSlice[] {
    const type = addressType ?? '';
    let groups = this.slicesByType.get(type);
    if (!groups) {
      groups = groupSlicesByService(this.cluster.endpointSlices, addressType);
      this.slicesByType.set(type, groups);
    }
    return groups.get(serviceKey) ?? NO_SLICES;
  }

  /**
   * Who owns an address. Nodes come first, then Services (ClusterIPs, external IPs, load-balancer
   * addresses), then pods; hostNetwork pods share their node's address, so the node owns it.
   *
   * @example
   * ix.ipOwner('203.0.113.10'); // { kind: 'outside' }
   */
  ipOwner(ip: string): IpOwner {
    const owners = this.ownerMap();
    return owners.get(ip) ?? (ip.includes(':') ? owners.get(canonicalIp(ip)) : undefined) ?? OUTSIDE;
  }

  /** The pod that owns `ip` (never a hostNetwork pod: its node owns the address). */
  podByIP(ip: string): Pod | undefined {
    const o = this.ownerMap().get(ip);
    return o?.kind === 'pod' ? o.pod : undefined;
  }

  /**
   * Whether the cluster made the object for itself rather than the user: a system object (kube-dns,
   * CoreDNS, default/kubernetes, ingress-nginx) or one a controller made for a system object (CoreDNS's
   * ReplicaSet and pods, kube-dns's EndpointSlices). A user's object in kube-system is the user's.
   *
   * @example
   * ix.isSystem('Service/kube-system/kube-dns'); // true
   * ix.isSystem('Pod/default/web-7c9d8-abcde'); // false
   */
  isSystem(key: ObjectKey): boolean {
    const known = this.system.get(key);
    if (known !== undefined) return known;
    this.system.set(key, false); // an ownership loop ends here
    const origin = this.cluster.origins.get(key);
    const system =
      origin?.by === 'system' ||
      (origin?.by === 'controller' && origin.owner !== undefined && this.isSystem(origin.owner));
    this.system.set(key, system);
    return system;
  }

  /** IsPodReady (the Ready condition is True). */
  ready(pod: Pod): boolean {
    return isPodReady(pod);
  }

  private nodeMap(): Map<string, NodeInfo> {
    if (!this.nodesByName) {
      this.nodesByName = new Map();
      for (const n of this.cluster.nodes) {
        const info = nodeInfoOf(n);
        this.nodesByName.set(info.name, info);
      }
    }
    return this.nodesByName;
  }

  private ownerMap(): Map<string, IpOwner> {
    if (this.owners) return this.owners;
    const owners = new Map<string, IpOwner>();
    for (const node of this.nodeMap().values()) {
      if (node.ip) owners.set(node.ip, { kind: 'node', node });
      if (node.ip4) owners.set(node.ip4, { kind: 'node', node });
      if (node.ip6) owners.set(node.ip6, { kind: 'node', node });
    }
    for (const svc of this.cluster.services) {
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
    for (const pod of this.cluster.pods) {
      const ip = podIP(pod);
      if (ip && !pod.spec.hostNetwork && !owners.has(ip))
        owners.set(ip, { kind: 'pod', pod, node: pod.spec.nodeName });
      const ip6 = podIPv6(pod);
      if (ip6 && ip6 !== ip && !pod.spec.hostNetwork && !owners.has(ip6))
        owners.set(ip6, { kind: 'pod', pod, node: pod.spec.nodeName });
    }
    this.owners = owners;
    return owners;
  }
}

const INDEX = Symbol('clusterIndex');

/**
 * The index of a cluster state, built on first use and kept on the state (see the file's comment).
 *
 * @example
 * clusterIndex(cluster) === clusterIndex(cluster); // true
 */
export function clusterIndex(cluster: ClusterState): ClusterIndex {
  const held = (cluster as { [INDEX]?: ClusterIndex })[INDEX];
  if (held) return held;
  const index = new ClusterIndex(cluster);
  // Not enumerable: spreads, structured clones and JSON leave it behind, so a copy builds its own.
  if (Object.isExtensible(cluster)) Object.defineProperty(cluster, INDEX, { value: index });
  return index;
}
