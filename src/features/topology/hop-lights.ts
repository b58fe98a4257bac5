/**
 * What the graph lights for the followed request at its current hop: the Service whose rules decided
 * where the packet goes, that rule's chip on the deciding kube-proxy, and the pod chosen. They stay lit
 * for the rest of that exchange (the reply comes back through the same conntrack entry), and go out when
 * the next one begins (the request after the DNS lookup).
 *
 * The Service is the owner of the address the packet was sent to before the decision rewrote it (a
 * ClusterIP, a load balancer's or an external IP, or a node's address on a nodePort), read through the
 * cluster's index; the pod is the candidate the decision chose. A Gateway's hop names what Envoy used
 * (its gatewayRef): the Gateway, its listeners, the route rule and the backendRef the weights chose; an
 * ingress controller's hop its ingressRef: the Ingress, the path nginx matched and its Service.
 *
 * @example
 * hopLights(cluster, trace.hops, 3); // { service: "Service/default/web", pod: "pod/default/web-…", proxy: "kube-proxy/node-3" }
 */
import { clusterIndex, nsName, type ClusterState, type Hop } from '../../engine';
import { hopNodeId } from '../../store/graph-ids';

export interface HopLights {
  service: string | null; // "Service/default/web"
  pod: string | null; // "pod/default/web-85d78d4558-9ng6t"
  /** The kube-proxy whose rule decided (its chip for `service` lights). */
  proxy: string | null; // "kube-proxy/node-3"
  /** A Gateway's decision: the Gateway, the listeners that took the request, the route and its rule. */
  gateway?: { id: string; listeners: string[]; route: string | null; rule: number | null };
  /** An ingress controller's decision: the Ingress and the path (its field) nginx matched. */
  ingress?: { id: string; field: string | null };
}

const NONE: HopLights = { service: null, pod: null, proxy: null };

const decides = (h: Hop) =>
  h.rewrite === 'dnat' ||
  h.rewrite === 'dnat+snat' ||
  !!h.gatewayRef ||
  !!h.ingressRef ||
  !!h.candidates?.some((c) => c.chosen);

/** "10.96.0.10:53" → ip and port; "[fd00::a]:80" too; a bare address has port 0. */
function hostPort(addr: string): { ip: string; port: number } {
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(addr);
  if (v6) return { ip: v6[1]!, port: Number(v6[2]) };
  const parts = addr.split(':');
  return parts.length === 2 ? { ip: parts[0]!, port: Number(parts[1]) } : { ip: addr, port: 0 };
}

/** The Service an address (ip:port) reaches, or null. */
function serviceAt(cluster: ClusterState, addr: string): string | null {
  const { ip, port } = hostPort(addr);
  const owner = clusterIndex(cluster).ipOwner(ip);
  if (owner.kind === 'cluster-ip' || owner.kind === 'external-ip' || owner.kind === 'load-balancer')
    return `Service/${nsName(owner.service)}`;
  if (owner.kind === 'node' && port) {
    const s = cluster.services.find((svc) => svc.spec.ports?.some((p) => p.nodePort === port));
    if (s) return `Service/${nsName(s)}`;
  }
  return null;
}

export function hopLights(cluster: ClusterState | null, hops: readonly Hop[], i: number): HopLights {
  if (!cluster || i < 0 || i >= hops.length) return NONE;
  const phase = hops[i]!.phase;
  for (let j = i; j >= 0 && hops[j]!.phase === phase; j--) {
    const h = hops[j]!;
    if (!decides(h)) continue;
    const chosen = h.candidates?.find((c) => c.chosen)?.pod;
    const ref = h.gatewayRef;
    if (ref)
      return {
        service: ref.service ?? null,
        pod: chosen ? `pod/${chosen}` : null,
        proxy: null,
        gateway: {
          id: ref.gateway,
          listeners: ref.listeners,
          route: ref.route ?? null,
          rule: ref.rule ?? null,
        },
      };
    const ing = h.ingressRef;
    if (ing)
      return {
        service: ing.service ?? null,
        pod: chosen ? `pod/${chosen}` : null,
        proxy: null,
        ingress: { id: ing.ingress, field: ing.field ?? null },
      };
    const before = hops[j - 1]?.packet.dst;
    return {
      service: before ? serviceAt(cluster, before) : null,
      pod: chosen ? `pod/${chosen}` : null,
      proxy: h.stage === 'kube-proxy' ? hopNodeId(h.location, h.stage) : null,
    };
  }
  return NONE;
}
