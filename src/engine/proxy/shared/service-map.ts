/**
 * kube-proxy's ServicePortMap and EndpointsMap for the whole cluster, computed once per ClusterState and
 * shared by every node (and every proxy mode): each proxied Service's ports and, per port, its endpoints as
 * seen from no node in particular (`isLocal` false; a node's view tests `nodeName`, see `isLocalTo`). An
 * edit derives the next map from the previous one, re-reading only the changed Services.
 *
 * @example
 * const map = serviceMapOf(cluster);
 * map.entries.get('ns1/svc1')!.ports[0]!.name; // "ns1/svc1:p80"
 * map.entries.get('ns1/svc1')!.endpoints[0]!.map((e) => e.endpoint); // ["10.180.0.1:80"]
 */
import type { ClusterState } from '../../cluster/state';
import type { EndpointSlice } from '../../k8s/objects';
import { endpointsFor, SERVICE_NAME_LABEL, slicesByService, type EndpointInfo } from './endpoint-info';
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

function entryOf(ports: ServicePortInfo[], slices: EndpointSlice[] | undefined): ServiceEntry {
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

const SERVICE_MAPS = memoTable<ClusterState, ServiceMap>('service maps');

/**
 * A map that reads through to a base map except for changed keys (null: deleted). Iteration order is not
 * insertion order (callers sort). Chains of overlays are flattened once they grow.
 */
class OverlayMap<V> extends Map<string, V> {
  constructor(
    private readonly base: Map<string, V>,
    private readonly changes: Map<string, V | null>,
  ) {
    super();
  }
  override get(key: string): V | undefined {
    const c = this.changes.get(key);
    return c !== undefined ? (c ?? undefined) : this.changes.has(key) ? undefined : this.base.get(key);
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  override get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }
  override *entries(): MapIterator<[string, V]> {
    for (const [k, v] of this.base) if (!this.changes.has(k)) yield [k, v];
    for (const [k, v] of this.changes) if (v !== null) yield [k, v];
  }
  override *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
  /** How many overlays deep this map reads. */
  depth(): number {
    return 1 + (this.base instanceof OverlayMap ? this.base.depth() : 0);
  }
}

/** `base` with `changes` applied, as an overlay (flattened into a plain Map every 32 levels). */
function overlay<V>(base: Map<string, V>, changes: Map<string, V | null>): Map<string, V> {
  const m = new OverlayMap(base, changes);
  return m.depth() > 32 ? new Map(m) : m;
}

/**
 * The cluster's Service and endpoint map (memoised per ClusterState object in `memo`).
 *
 * @example
 * serviceMapOf(memo, cluster).totalEndpoints; // 100000
 */
export function serviceMapOf(memo: ProxyMemo, cluster: ClusterState): ServiceMap {
  const memoised = memo.table(SERVICE_MAPS);
  let map = memoised.get(cluster);
  if (map) return map;
  const slices = slicesByService(cluster.endpointSlices);
  const entries = new Map<string, ServiceEntry>();
  let totalEndpoints = 0;
  for (const svc of cluster.services) {
    const ports = servicePortsOf(svc);
    if (ports.length === 0) continue;
    const e = entryOf(ports, slices.get(ports[0]!.serviceKey));
    const replaced = entries.get(e.key);
    if (replaced) totalEndpoints -= replaced.endpointCount; // two Services with one key: the last wins
    entries.set(e.key, e);
    totalEndpoints += e.endpointCount;
  }
  map = { entries, totalEndpoints };
  memoised.set(cluster, map);
  return map;
}

/**
 * The map for `cluster`, derived from `prev` (the map of the cluster before the edit): only the Services
 * named in `changed` ("ns/name") are read again; `prev` stays valid (other nodes may still use it).
 *
 * @example
 * const next = updateServiceMap(memo, serviceMapOf(memo, before), after, ['ns1/svc1']);
 */
export function updateServiceMap(
  memo: ProxyMemo,
  prev: ServiceMap,
  cluster: ClusterState,
  changed: Set<string>,
): ServiceMap {
  const memoised = memo.table(SERVICE_MAPS);
  const known = memoised.get(cluster);
  if (known) return known;
  const names = new Set<string>();
  for (const k of changed) names.add(k.slice(k.indexOf('/') + 1));
  const touched: EndpointSlice[] = [];
  for (const s of cluster.endpointSlices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (svc !== undefined && names.has(svc)) touched.push(s);
  }
  const slices = slicesByService(touched);
  // The unchanged entries stay in `prev`'s map: an edit copies nothing (see OverlayMap).
  const changes = new Map<string, ServiceEntry | null>();
  let totalEndpoints = prev.totalEndpoints;
  for (const key of changed) {
    const old = prev.entries.get(key);
    if (old) totalEndpoints -= old.endpointCount;
    changes.set(key, null);
  }
  for (const svc of cluster.services) {
    if (!names.has(svc.metadata.name ?? '')) continue;
    const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
    if (!changed.has(key)) continue;
    const ports = servicePortsOf(svc);
    if (ports.length === 0) continue;
    const e = entryOf(ports, slices.get(key));
    const replaced = changes.get(key);
    if (replaced) totalEndpoints -= replaced.endpointCount; // two Services with one key: the last wins
    changes.set(key, e);
    totalEndpoints += e.endpointCount;
  }
  const map = { entries: overlay(prev.entries, changes), totalEndpoints };
  memoised.set(cluster, map);
  return map;
}
