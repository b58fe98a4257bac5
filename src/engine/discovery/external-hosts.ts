/**
 * The public names a cluster's owner would publish: each Ingress host points at the address of the
 * ingress controller's LoadBalancer (the Ingress's own status when set, else the controller Service
 * `ingress-nginx/ingress-nginx-controller`'s status), and each hostname of an accepted HTTPRoute or
 * GRPCRoute at its Gateway's address (the route's hostnames, else its listeners' — what ExternalDNS's
 * gateway-httproute source publishes). External clients resolve these names; so does CoreDNS when it
 * forwards them. A name both kinds claim lists the Ingress's address first.
 */
import type { ClusterState } from '../cluster/state';
import { gatewaySummary } from '../gateway/summary';
import type { LoadBalancerIngress } from '../k8s/objects';

/** The ingress controller Service ingress-nginx's manifests create. */
export const INGRESS_CONTROLLER_SERVICE = { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' };

function addresses(lb: LoadBalancerIngress[] | undefined): string[] {
  return (lb ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);
}

/**
 * Host name (lower case, no trailing dot) → addresses, from the cluster's Ingresses.
 *
 * @example
 * externalHosts(cluster).get('shop.example.com'); // ["198.51.100.1"]
 */
export function externalHosts(cluster: ClusterState): Map<string, string[]> {
  const controller = cluster.services.find(
    (s) =>
      s.metadata.namespace === INGRESS_CONTROLLER_SERVICE.namespace &&
      s.metadata.name === INGRESS_CONTROLLER_SERVICE.name,
  );
  const controllerIPs = addresses(controller?.status?.loadBalancer?.ingress);
  const out = new Map<string, string[]>();
  for (const ing of cluster.ingresses) {
    const own = addresses(ing.status?.loadBalancer?.ingress);
    const ips = own.length ? own : controllerIPs;
    if (!ips.length) continue;
    for (const rule of ing.spec.rules ?? []) {
      // Wildcard hosts ("*.example.com") are not single names a resolver can look up.
      if (!rule.host || rule.host.startsWith('*')) continue;
      const host = rule.host.toLowerCase();
      out.set(host, [...new Set([...(out.get(host) ?? []), ...ips])]);
    }
  }
  for (const g of gatewaySummary(cluster)) {
    if (!g.address) continue;
    for (const r of g.routes) {
      if (!r.accepted) continue;
      const names = r.hostnames.length
        ? r.hostnames
        : g.listeners.filter((l) => r.listeners.includes(l.name)).flatMap((l) => l.hostname ?? []);
      for (const name of names) {
        if (name.startsWith('*')) continue;
        const host = name.toLowerCase();
        out.set(host, [...new Set([...(out.get(host) ?? []), g.address])]);
      }
    }
  }
  return out;
}
