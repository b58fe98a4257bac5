/**
 * The Service map after an edit, derived from the map before it: only the changed Services are read
 * again, and the unchanged entries are not copied (the new map reads through to the old one).
 *
 * @example
 * const next = updateServiceMap(memo, serviceMapOf(memo, before), after, new Set(['ns1/svc1']));
 * next.entries.get('ns1/svc1'); // read again; every other entry is the one `before` had
 */
import type { ClusterState } from '../../cluster/state';
import type { EndpointSlice } from '../../k8s/objects';
import { SERVICE_NAME_LABEL } from '../../k8s/labels';
import { slicesByService } from '../shared/endpoint-info';
import type { ProxyMemo } from '../shared/memo';
import { SERVICE_MAPS, serviceEntryOf, type ServiceEntry, type ServiceMap } from '../shared/service-map';
import { servicePortsOf } from '../shared/service-port';
import { ComputedMap } from './computed-map';

/**
 * A map that reads through to a base map except for changed keys (null: deleted). Iteration order is not
 * insertion order (callers sort).
 */
class OverlayMap<V> extends ComputedMap<V> {
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
  override *entries(): MapIterator<[string, V]> {
    for (const [k, v] of this.base) if (!this.changes.has(k)) yield [k, v];
    for (const [k, v] of this.changes) if (v !== null) yield [k, v];
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
 * The map for `cluster`, derived from `prev` (the map of the cluster before the edit): only the Services
 * named in `changed` ("ns/name") are read again; `prev` stays valid (other nodes may still use it).
 *
 * @example
 * const next = updateServiceMap(memo, serviceMapOf(memo, before), after, new Set(['ns1/svc1']));
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
    const e = serviceEntryOf(ports, slices.get(key));
    const replaced = changes.get(key);
    if (replaced) totalEndpoints -= replaced.endpointCount; // two Services with one key: the last wins
    changes.set(key, e);
    totalEndpoints += e.endpointCount;
  }
  const map = { entries: overlay(prev.entries, changes), totalEndpoints };
  memoised.set(cluster, map);
  return map;
}
