/**
 * Ingress status as ingress-nginx publishes it: with `--publish-service=ingress-nginx/ingress-nginx-controller`
 * the controller copies that Service's `status.loadBalancer.ingress` (ip / hostname) into every Ingress it
 * serves. Ingresses of another class get nothing: no controller writes their status.
 */
import type { ClusterState } from '../cluster/state';
import type { LoadBalancerIngress } from '../k8s/objects';
import { admitDefaultIngressClass, ingressClassDecision } from './class';
import { controllerService, isIngressControllerPod } from './system-objects';

/**
 * The address ingress-nginx publishes: the controller Service's load-balancer ingress, once a controller
 * pod runs (the status updater runs in the elected leader pod).
 *
 * @example
 * publishedAddress(cluster); // [{ ip: "198.51.100.1" }]
 */
export function publishedAddress(cluster: ClusterState): LoadBalancerIngress[] {
  const running = cluster.pods.some((p) => isIngressControllerPod(p) && p.status?.phase === 'Running');
  if (!running) return [];
  const lb = controllerService(cluster)?.status?.loadBalancer?.ingress ?? [];
  return lb.filter((i) => i.ip || i.hostname).map((i) => (i.ip ? { ip: i.ip } : { hostname: i.hostname }));
}

/**
 * Fills `status.loadBalancer.ingress` of every served Ingress with the controller's address and clears it
 * on the others (a status written in the YAML is not kept: the API server ignores status on create).
 * First applies the DefaultIngressClass admission (class-less Ingresses get the default class in
 * `spec.ingressClassName`, as the API server writes it on create). Mutates the Ingresses, returns the cluster.
 *
 * @example
 * applyIngressStatus(cluster).ingresses[0].status; // { loadBalancer: { ingress: [{ ip: "198.51.100.1" }] } }
 */
export function applyIngressStatus(cluster: ClusterState): ClusterState {
  admitDefaultIngressClass(cluster);
  const address = publishedAddress(cluster);
  for (const ing of cluster.ingresses) {
    const served = ingressClassDecision(cluster, ing).served;
    ing.status = {
      loadBalancer: served && address.length > 0 ? { ingress: address.map((a) => ({ ...a })) } : {},
    };
  }
  return cluster;
}
