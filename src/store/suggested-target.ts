/**
 * A scenario's suggested request names addresses the cluster allocates (a load balancer IP, a node IP,
 * a nodePort) by placeholder, and they are filled from the built cluster, never guessed:
 *
 *   {lb:NS/NAME}         the Service's first load balancer ingress IP (or hostname)
 *   {clusterIP:NS/NAME}  the Service's ClusterIP
 *   {nodePort:NS/NAME}   the Service's first nodePort
 *   {nodeIP:NODE}        the node's InternalIP
 *
 * @example
 * resolveTarget('http://{lb:default/web}/', cluster); // "http://198.51.100.1/"
 */
import type { ClusterState } from '../engine';

const PLACEHOLDER = /\{(lb|clusterIP|nodePort|nodeIP):([^}]+)\}/g;

export const hasPlaceholder = (to: string) => /\{(lb|clusterIP|nodePort|nodeIP):[^}]+\}/.test(to);

/** The target with every placeholder the cluster can answer filled in; unanswerable ones stay as written. */
export function resolveTarget(to: string, cluster: ClusterState): string {
  return to.replace(PLACEHOLDER, (whole, kind: string, ref: string) => {
    if (kind === 'nodeIP') {
      const node = cluster.nodes.find((n) => n.metadata.name === ref);
      return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? whole;
    }
    const [ns, name] = ref.includes('/') ? ref.split('/', 2) : ['default', ref];
    const svc = cluster.services.find(
      (s) => s.metadata.name === name && (s.metadata.namespace ?? 'default') === ns,
    );
    if (!svc) return whole;
    if (kind === 'clusterIP')
      return svc.spec.clusterIP && svc.spec.clusterIP !== 'None' ? svc.spec.clusterIP : whole;
    if (kind === 'nodePort') return String(svc.spec.ports?.find((p) => p.nodePort)?.nodePort ?? whole);
    const ingress = svc.status?.loadBalancer?.ingress?.[0];
    return ingress?.ip ?? ingress?.hostname ?? whole;
  });
}
