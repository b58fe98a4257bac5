/**
 * Why kube-proxy on a node left an endpoint out of a load-balancing decision, read off the same
 * categorisation that wrote the rules (topology.ts, upstream CategorizeEndpoints): not ready, terminating
 * while ready endpoints exist, hinted for another zone or node, or not on this node under a Local traffic
 * policy. Also why topology hints were or were not used (topologyModeFromHints' fallbacks). Data only:
 * simulate/ words it as messages.
 *
 * @example
 * const s = explainSelection(eps, sp, 'node-1', 'zone-a', new Set(['10.244.1.5:8080']));
 * s.leftOut[0]?.reason; // { kind: 'otherZone', hinted: ['zone-b'], zone: 'zone-a' }
 */
import type { EndpointInfo } from './endpoint-info';
import { isLocalTo } from './service-map';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './service-port';
import { categorizeEndpoints } from './topology';

export type LeftOutReason =
  /** Neither ready nor serving-and-terminating: never used. */
  | { kind: 'notReady' }
  /** Serving but terminating: used only when no endpoint (of this policy) is ready. */
  | { kind: 'terminating' }
  | { kind: 'otherZone'; hinted: string[]; zone: string }
  | { kind: 'otherNode'; hinted: string[]; node: string }
  /** The Local policy (internal or external traffic) keeps to this node's endpoints. */
  | { kind: 'notLocal'; endpointNode: string | null; node: string };

/** How the topology hints shaped the Cluster set on this node. */
export type TopologyUse =
  | { kind: 'sameZone'; zone: string }
  | { kind: 'sameNode'; node: string }
  /** Every ready endpoint has a zone hint, none names this node's zone: all ready endpoints are used. */
  | { kind: 'noneForZone'; zone: string }
  /** The node has no topology.kubernetes.io/zone label: zone hints cannot apply. */
  | { kind: 'nodeHasNoZone' }
  /** Some ready endpoint carries no zone hint (its node has no zone): hints are ignored. */
  | { kind: 'missingHint'; endpoint: string };

export interface LeftOut {
  ep: EndpointInfo;
  reason: LeftOutReason;
}

export interface Selection {
  /** Which of the port's policies made this decision: the Cluster set or this node's Local set. */
  policy: 'cluster' | 'local';
  /** The Service port the decision was for (its policies, ClusterIP and external addresses). */
  port: ServicePortInfo;
  /**
   * A Local policy applied but this node had no local endpoint, and the Cluster set was used instead
   * (IPVS's syncEndpoint, kubernetes#97081; iptables and nftables drop).
   */
  localFallback?: true;
  /** Only when some ready endpoint carries hints and the Cluster set was used. */
  topology?: TopologyUse;
  leftOut: LeftOut[];
}

function sameSet(eps: EndpointInfo[], chosen: ReadonlySet<string>): boolean {
  return eps.length === chosen.size && eps.every((e) => chosen.has(e.endpoint));
}

function topologyUse(
  eps: EndpointInfo[],
  mode: string,
  nodeName: string,
  zone: string,
): TopologyUse | undefined {
  if (mode === 'PreferSameNode') return { kind: 'sameNode', node: nodeName };
  if (mode === 'PreferSameZone') return { kind: 'sameZone', zone };
  const ready = eps.filter((e) => e.ready);
  if (!ready.some((e) => e.zoneHints.length > 0)) return undefined;
  const missing = ready.find((e) => e.zoneHints.length === 0);
  if (missing) return { kind: 'missingHint', endpoint: missing.endpoint };
  return zone === '' ? { kind: 'nodeHasNoZone' } : { kind: 'noneForZone', zone };
}

function reasonFor(
  ep: EndpointInfo,
  policy: 'cluster' | 'local',
  mode: string,
  nodeName: string,
  zone: string,
): LeftOutReason {
  if (policy === 'local' && !isLocalTo(ep, nodeName))
    return { kind: 'notLocal', endpointNode: ep.nodeName ?? null, node: nodeName };
  if (!ep.ready && !(ep.serving && ep.terminating)) return { kind: 'notReady' };
  if (!ep.ready) return { kind: 'terminating' };
  if (policy === 'cluster' && mode === 'PreferSameNode')
    return { kind: 'otherNode', hinted: ep.nodeHints, node: nodeName };
  if (policy === 'cluster' && mode === 'PreferSameZone')
    return { kind: 'otherZone', hinted: ep.zoneHints, zone };
  // Unreachable for a consistent decision; "not ready" is the safe wording.
  return { kind: 'notReady' };
}

/**
 * The reasons behind a decision on `nodeName` whose candidates were `chosen` ("ip:port"; empty when the
 * packet was dropped for want of endpoints).
 */
export function explainSelection(
  eps: EndpointInfo[],
  sp: ServicePortInfo,
  nodeName: string,
  zone: string,
  chosen: ReadonlySet<string>,
): Selection {
  const cat = categorizeEndpoints(eps, sp, nodeName, zone);
  let policy: 'cluster' | 'local';
  if (!usesClusterEndpoints(sp)) policy = 'local';
  else if (!usesLocalEndpoints(sp)) policy = 'cluster';
  else if (sameSet(cat.cluster, chosen)) policy = 'cluster';
  else if (sameSet(cat.local, chosen)) policy = 'local';
  else policy = chosen.size === 0 && cat.local.length === 0 ? 'local' : 'cluster';
  // A packet dropped while this policy has endpoints was dropped for another reason (a firewall rule).
  if (chosen.size === 0 && (policy === 'cluster' ? cat.cluster : cat.local).length > 0)
    return { policy, port: sp, leftOut: [] };
  const leftOut: LeftOut[] = [];
  for (const ep of eps)
    if (!chosen.has(ep.endpoint))
      leftOut.push({ ep, reason: reasonFor(ep, policy, cat.topologyMode, nodeName, zone) });
  const sel: Selection = { policy, port: sp, leftOut };
  if (
    policy === 'cluster' &&
    usesLocalEndpoints(sp) &&
    cat.local.length === 0 &&
    chosen.size > 0 &&
    sameSet(cat.cluster, chosen)
  )
    sel.localFallback = true;
  if (policy === 'cluster') {
    const use = topologyUse(eps, cat.topologyMode, nodeName, zone);
    if (use) sel.topology = use;
  }
  return sel;
}
