/**
 * kube-proxy's ServicePortMap and EndpointsMap for the whole cluster, computed once per ClusterState and
 * shared by every node (and every proxy mode): each proxied Service's ports and, per port, its endpoints as
 * seen from no node in particular (`isLocal` false; a node's view tests `nodeName`, see `isLocalTo`). An
 * edit derives the next map from the previous one (incremental/service-map-update.ts).
 *
 * @example
 * const map = serviceMapOf(cluster);
 * map.entries.get('ns1/svc1')!.ports[0]!.name; // "ns1/svc1:p80"
 * map.entries.get('ns1/svc1')!.endpoints[0]!.map((e) => e.endpoint); // ["10.180.0.1:80"]
 */
import type { ClusterState } from '../../cluster/state';
import type { EndpointSlice } from '../../k8s/objects';
import type { IPFamily } from '../../net/ip6';
import { endpointsFor, slicesByService, type EndpointInfo } from './endpoint-info';
import { memoTable, type ProxyMemo } from './memo';
import { servicePortsOf, usesLocalEndpoints, type ServicePortInfo } from './service-port';

export interface ServiceEntry {
  key: string; // "ns1/svc1"
  ports: ServicePortInfo[];
  /** Per port (same index as `ports`), sorted by "ip:port"; `isLocal` is false: use `isLocalTo`. */
  endpoints: EndpointInfo[][];
  /** All endpoints of all ports, usable or not (kube-proxy's large-cluster count). */
  endpointCount: number;
  /** No trafficDistribution and no endpoint hints: every node sees the same endpoint sets. */
  topologyFree: boolean;
}

export interface ServiceMap {
  /** Proxied Services only (headless and ExternalName ones have no entry). */
  entries: Map<string, ServiceEntry>;
  totalEndpoints: number;
}

/** Whether an endpoint runs on `nodeName` (what `isLocal` means on that node). */
export function isLocalTo(ep: EndpointInfo, nodeName: string): boolean {
  return ep.isLocal || (ep.nodeName !== undefined && ep.nodeName === nodeName);
}

/**
 * Whether a Service's rules are the same on every node: not when a port uses Local endpoints, topology
 * (trafficDistribution or endpoint hints), or LB source ranges (the firewall rules test the node's IP).
 */
export function nodeIndependent(e: ServiceEntry): boolean {
  if (!e.topologyFree) return false;
  for (const sp of e.ports) if (usesLocalEndpoints(sp) || sp.sourceRanges.length > 0) return false;
  return true;
}

/** The entry's sort position among all Service ports by name (IPVS and nftables modes sort by it). */
export function firstPortName(e: ServiceEntry): string {
  let min = e.ports[0]!.name;
  for (const sp of e.ports) if (sp.name < min) min = sp.name;
  return min;
}

/**
 * One Service's entry: its ports and, per port, its endpoints (`slices`: the Service's EndpointSlices).
 *
 * @example
 * serviceEntryOf(servicePortsOf(svc), slices).endpoints[0]!.length; // 3
 */
export function serviceEntryOf(ports: ServicePortInfo[], slices: EndpointSlice[] | undefined): ServiceEntry {
  const endpoints = ports.map((sp) => endpointsFor(slices, sp, ''));
  let endpointCount = 0;
  let topologyFree = true;
  for (const sp of ports) if (sp.trafficDistribution !== undefined) topologyFree = false;
  for (const eps of endpoints) {
    endpointCount += eps.length;
    for (const ep of eps) if (ep.zoneHints.length > 0 || ep.nodeHints.length > 0) topologyFree = false;
  }
  return { key: ports[0]!.serviceKey, ports, endpoints, endpointCount, topologyFree };
}

/** The Service map of each cluster state (an edit's is made by incremental/service-map-update.ts). */
export const SERVICE_MAPS = memoTable<ClusterState, ServiceMap>('service maps');
/** The IPv6 proxier's Service map of each dual-stack cluster state (always made whole: scenes are small). */
export const SERVICE_MAPS_V6 = memoTable<ClusterState, ServiceMap>('IPv6 service maps');

/**
 * The cluster's Service and endpoint map (memoised per ClusterState object in `memo`).
 *
 * @example
 * serviceMapOf(memo, cluster).totalEndpoints; // 100000
 * serviceMapOf(memo, dualStack, 'IPv6').entries.get('default/web')!.ports[0]!.clusterIP; // "fd00:10:96::a"
 */
export function serviceMapOf(memo: ProxyMemo, cluster: ClusterState, family: IPFamily = 'IPv4'): ServiceMap {
  const memoised = memo.table(family === 'IPv4' ? SERVICE_MAPS : SERVICE_MAPS_V6);
  let map = memoised.get(cluster);
  if (map) return map;
  const slices = slicesByService(cluster.endpointSlices, family);
  const entries = new Map<string, ServiceEntry>();
  let totalEndpoints = 0;
  for (const svc of cluster.services) {
    const ports = servicePortsOf(svc, family);
    if (ports.length === 0) continue;
    const e = serviceEntryOf(ports, slices.get(ports[0]!.serviceKey));
    const replaced = entries.get(e.key);
    if (replaced) totalEndpoints -= replaced.endpointCount; // two Services with one key: the last wins
    entries.set(e.key, e);
    totalEndpoints += e.endpointCount;
  }
  map = { entries, totalEndpoints };
  memoised.set(cluster, map);
  return map;
}
