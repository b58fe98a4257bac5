/**
 * CategorizeEndpoints (pkg/proxy/topology.go): which endpoints the Cluster and Local policy chains use on a
 * node. Ready endpoints first; when there are none, serving-and-terminating ones, independently for Cluster
 * and for Local. Topology hints (trafficDistribution) narrow the Cluster set when every ready endpoint has
 * hints and one of them names this node or zone; otherwise every ready endpoint is used.
 *
 * @example
 * const c = categorizeEndpoints(eps, sp, 'node-1', 'zone-a');
 * c.cluster.length; c.local.length; c.hasAnyEndpoints;
 */
import type { EndpointInfo } from './endpoint-info';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './service-port';
import { isLocalTo } from './service-map';

export interface Categorized {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  /** Union of cluster and local: the endpoints this node writes KUBE-SEP chains for. */
  allReachable: EndpointInfo[];
  /** Any ready, or serving+terminating, endpoint anywhere in the cluster. */
  hasAnyEndpoints: boolean;
  /** "PreferSameNode" | "PreferSameZone" | "" — the topology filter that applied to the Cluster set. */
  topologyMode: string;
}

function topologyModeFromHints(eps: EndpointInfo[], nodeName: string, zone: string): string {
  let hasForNode = false;
  let allNodeHints = true;
  let hasForZone = false;
  let allZoneHints = true;
  for (const ep of eps) {
    if (!ep.ready) continue;
    if (ep.nodeHints.length === 0) allNodeHints = false;
    else if (ep.nodeHints.includes(nodeName)) hasForNode = true;
    if (ep.zoneHints.length === 0) allZoneHints = false;
    else if (zone !== '' && ep.zoneHints.includes(zone)) hasForZone = true;
  }
  if (allNodeHints && hasForNode) return 'PreferSameNode';
  if (allZoneHints && hasForZone) return 'PreferSameZone';
  return '';
}

function availableForTopology(ep: EndpointInfo, mode: string, nodeName: string, zone: string): boolean {
  if (mode === 'PreferSameNode') return ep.nodeHints.includes(nodeName);
  if (mode === 'PreferSameZone') return ep.zoneHints.includes(zone);
  return true;
}

/** Splits a Service port's endpoints into the Cluster and Local sets this node uses. */
export function categorizeEndpoints(
  eps: EndpointInfo[],
  sp: ServicePortInfo,
  nodeName: string,
  zone = '',
): Categorized {
  let cluster: EndpointInfo[] = [];
  let local: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  let topologyMode = '';
  if (usesClusterEndpoints(sp)) {
    topologyMode = eps.length > 0 ? topologyModeFromHints(eps, nodeName, zone) : '';
    cluster = eps.filter((ep) => ep.ready && availableForTopology(ep, topologyMode, nodeName, zone));
    // No ready endpoint for this topology means none anywhere (the mode would have been ''), so the
    // serving-terminating fallback ignores topology, as upstream does.
    if (cluster.length === 0) cluster = eps.filter((ep) => ep.serving && ep.terminating);
    if (cluster.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(sp))
    return { cluster, local, allReachable: cluster, hasAnyEndpoints, topologyMode };

  let localReady = false;
  let localServingTerminating = false;
  for (const ep of eps) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (isLocalTo(ep, nodeName)) localReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (isLocalTo(ep, nodeName)) localServingTerminating = true;
    }
  }
  if (localReady) local = eps.filter((ep) => ep.ready && isLocalTo(ep, nodeName));
  else if (localServingTerminating)
    local = eps.filter((ep) => ep.serving && ep.terminating && isLocalTo(ep, nodeName));
  if (!usesClusterEndpoints(sp))
    return { cluster, local, allReachable: local, hasAnyEndpoints, topologyMode };

  const merged = new Map<string, EndpointInfo>();
  for (const ep of cluster) merged.set(ep.endpoint, ep);
  for (const ep of local) merged.set(ep.endpoint, ep);
  return { cluster, local, allReachable: [...merged.values()], hasAnyEndpoints, topologyMode };
}
