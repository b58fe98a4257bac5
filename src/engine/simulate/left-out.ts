/**
 * The inspector's answer to "why not that pod?": for a kube-proxy decision, the Service port's endpoints
 * that were not candidates, each with its reason, and how topology hints shaped the candidates. The
 * reasons come from kube-proxy's own categorisation on that node (proxy/shared/selection.ts); this file
 * only words them. Internal to simulate/.
 *
 * @example
 * decisionDetails(ctx, 'node-1', verdict);
 * // { leftOut: [{ endpoint: '10.244.2.7:8080', pod: 'default/web-…', node: 'node-3', reason: msg('sim.leftOut.otherZone', …) }],
 * //   topology: msg('sim.topology.sameZone', { zone: 'zone-a' }) }
 */
import { msg, type Msg } from '../messages';
import {
  explainDecision,
  type LeftOutReason,
  type ProxyVerdict,
  type Selection,
  type TopologyUse,
} from '../proxy';
import { joinHostPort } from '../net/ip6';
import type { LeftOutCandidate } from '../trace';
import type { Ctx } from './context';

function reasonMsg(r: LeftOutReason): Msg {
  switch (r.kind) {
    case 'notReady':
      return msg('sim.leftOut.notReady', {});
    case 'terminating':
      return msg('sim.leftOut.terminating', {});
    case 'otherZone':
      return msg('sim.leftOut.otherZone', { hinted: r.hinted, zone: r.zone });
    case 'otherNode':
      return msg('sim.leftOut.otherNode', { hinted: r.hinted, node: r.node });
    case 'notLocal':
      return msg('sim.leftOut.notLocal', { endpointNode: r.endpointNode, node: r.node });
  }
}

function topologyMsg(t: TopologyUse): Msg {
  switch (t.kind) {
    case 'sameZone':
      return msg('sim.topology.sameZone', { zone: t.zone });
    case 'sameNode':
      return msg('sim.topology.sameNode', { node: t.node });
    case 'noneForZone':
      return msg('sim.topology.noneForZone', { zone: t.zone });
    case 'nodeHasNoZone':
      return msg('sim.topology.nodeHasNoZone', {});
    case 'missingHint':
      return msg('sim.topology.missingHint', { endpoint: t.endpoint });
  }
}

/**
 * internalTrafficPolicy Local on a decision that did not keep to this node's endpoints, and why:
 * - the packet came to a NodePort, a load balancer address or an external IP, not the ClusterIP. Each
 *   proxier takes the ClusterIP's endpoints by the internal policy and the others' by the external one
 *   (pkg/proxy/topology.go CategorizeEndpoints; ipvs/proxier.go syncService passes InternalPolicyLocal to
 *   syncEndpoint for the ClusterIP's virtual server and ExternalPolicyLocal for the NodePort's);
 * - IPVS mode, the ClusterIP of a Service that is also reachable from outside: the node has no local
 *   endpoint, and syncEndpoint falls back to the Cluster set (kubernetes#97081).
 * Undefined when the internal policy is Cluster or it was applied.
 */
function policyNote(
  sel: Selection,
  node: string,
  pre: { dst: string; dstPort: number },
  then: Msg | null,
): Msg | undefined {
  const dst = pre.dst;
  const sp = sel.port;
  if (!sp.internalPolicyLocal) return undefined;
  if (dst !== sp.clusterIP) {
    const via = sp.loadBalancerVIPs.includes(dst)
      ? 'LoadBalancer'
      : sp.externalIPs.includes(dst)
        ? 'externalIP'
        : 'NodePort';
    return msg('sim.policy.internalNotExternal', {
      node,
      via,
      address: joinHostPort(dst, pre.dstPort),
      external: sp.externalPolicyLocal ? 'Local' : 'Cluster',
      then,
    });
  }
  if (sel.localFallback) return msg('sim.policy.ipvsFallback', { node, then });
  return undefined;
}

/**
 * The left-out endpoints and the topology note of a verdict that balanced (or failed to balance) a Service
 * port; `pre` is the packet before kube-proxy rewrote it (which of the Service's addresses it was sent to).
 */
export function decisionDetails(
  ctx: Ctx,
  node: string,
  v: ProxyVerdict,
  pre: { dst: string; dstPort: number },
): { leftOut?: LeftOutCandidate[]; topology?: Msg } {
  if (!v.service) return {};
  const chosen = new Set((v.candidates ?? []).map((c) => c.endpoint));
  const family = v.packet.dst.includes(':') ? 'IPv6' : 'IPv4';
  const sel = explainDecision(ctx.world.rules.memo, ctx.cluster, node, v.service, chosen, family);
  if (!sel) return {};
  const out: { leftOut?: LeftOutCandidate[]; topology?: Msg } = {};
  if (sel.leftOut.length > 0)
    out.leftOut = sel.leftOut.map(({ ep, reason }) => ({
      endpoint: ep.endpoint,
      ...(ep.pod !== undefined ? { pod: ep.pod } : {}),
      ...(ep.nodeName !== undefined ? { node: ep.nodeName } : {}),
      reason: reasonMsg(reason),
    }));
  const hints = sel.topology ? topologyMsg(sel.topology) : undefined;
  const policy = policyNote(sel, node, pre, hints ?? null);
  if (policy) out.topology = policy;
  else if (hints) out.topology = hints;
  return out;
}

/**
 * Whether kube-proxy on `node` had no endpoint for a verdict only because of a Local traffic policy: its
 * own categorisation (CategorizeEndpoints) used the node's Local set, and an endpoint on another node is
 * usable (ready, or serving and terminating).
 */
export function emptyForLocalPolicy(ctx: Ctx, node: string, v: ProxyVerdict): boolean {
  if (!v.service || (v.candidates ?? []).length > 0) return false;
  const family = v.packet.dst.includes(':') ? 'IPv6' : 'IPv4';
  const sel = explainDecision(ctx.world.rules.memo, ctx.cluster, node, v.service, new Set(), family);
  return (
    sel?.policy === 'local' &&
    sel.leftOut.some(
      ({ ep, reason }) => reason.kind === 'notLocal' && (ep.ready || (ep.serving && ep.terminating)),
    )
  );
}
