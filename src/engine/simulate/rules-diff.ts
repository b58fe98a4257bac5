/**
 * What changed between two builds of a cluster, as kube-proxy's rules see it: the Services ("ns/name")
 * whose object or EndpointSlices changed, were added or deleted, or `full` when the proxy configuration or
 * the nodes changed (every rule may depend on those). Pods are not compared: the only rules that follow
 * pods directly (the CNI portmap plugin's hostPort chains) are re-applied on every update, and kube-proxy
 * learns about pods only through EndpointSlices.
 *
 * @example
 * clusterChanges(before, after); // { full: false, services: ["default/web"] }
 */
import { groupSlicesByService } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { EndpointSlice, Service } from '../k8s/objects';

export interface ClusterChanges {
  full: boolean;
  services: string[]; // ["default/web"]
}

/** What `clusterChanges` compares, per cluster state (the caller keeps it: see rules-cache.ts). */
export type ClusterPrints = WeakMap<ClusterState, Prints>;

interface Prints {
  config: string;
  nodes: string;
  services: Map<string, Service | string>;
  slices: Map<string, EndpointSlice[]>;
}

function printsOf(c: ClusterState, prints: ClusterPrints): Prints {
  let p = prints.get(c);
  if (p) return p;
  // kube-proxy ignores slices that name no Service.
  const slices = groupSlicesByService(c.endpointSlices);
  p = {
    config: JSON.stringify(c.config),
    nodes: JSON.stringify(
      c.nodes.map((n) => [n.metadata.name, n.metadata.labels, n.spec, n.status?.addresses]),
    ),
    services: new Map(
      c.services.map((s) => [`${s.metadata.namespace ?? 'default'}/${s.metadata.name ?? ''}`, s]),
    ),
    slices,
  };
  prints.set(c, p);
  return p;
}

/** A Service as the proxy reads it (labels select proxies, annotations and status carry LB facts). */
function serviceText(m: Map<string, Service | string>, key: string): string {
  const v = m.get(key)!;
  if (typeof v === 'string') return v;
  const text = JSON.stringify([v.metadata.labels, v.metadata.annotations, v.spec, v.status]);
  m.set(key, text);
  return text;
}

function sameSlices(a: EndpointSlice[] | undefined, b: EndpointSlice[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  // The endpoint controllers hand unchanged slices over as the same objects (workspace.ts).
  if (a.every((s, i) => s === b[i])) return true;
  const text = (l: EndpointSlice[]) =>
    JSON.stringify(l.map((s) => [s.metadata.name, s.metadata.labels, s.addressType, s.endpoints, s.ports]));
  return text(a) === text(b);
}

/**
 * The changes from `before` to `after`. `prints` keeps what was read of each state for the next call.
 *
 * @example clusterChanges(c, c); // { full: false, services: [] }
 */
export function clusterChanges(
  before: ClusterState,
  after: ClusterState,
  prints: ClusterPrints = new WeakMap(),
): ClusterChanges {
  if (before === after) return { full: false, services: [] };
  const a = printsOf(before, prints);
  const b = printsOf(after, prints);
  if (a.config !== b.config || a.nodes !== b.nodes) return { full: true, services: [] };
  const changed = new Set<string>();
  for (const key of new Set([...a.services.keys(), ...b.services.keys()])) {
    if (!a.services.has(key) || !b.services.has(key)) changed.add(key);
    else if (
      a.services.get(key) !== b.services.get(key) &&
      serviceText(a.services, key) !== serviceText(b.services, key)
    )
      changed.add(key);
  }
  for (const key of new Set([...a.slices.keys(), ...b.slices.keys()]))
    if (!sameSlices(a.slices.get(key), b.slices.get(key))) changed.add(key);
  return { full: false, services: [...changed].sort() };
}
