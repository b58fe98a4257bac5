/**
 * What the cluster core lets the parts above it install: an add-on brings the objects every cluster of
 * its kind has (kubeadm's CoreDNS and the API server's `default/kubernetes`; ingress-nginx when the scene
 * has Ingresses) and may write status once the controllers ran. The composition root (engine/build.ts)
 * passes the add-ons in, so that cluster/ knows nothing of DNS or Ingress.
 *
 * @example
 * const dns: ClusterAddOn = { name: 'dns', systemObjects: (config, user, nodes) => dnsSystemObjects(config, user, nodes) };
 */
import type { KubeObject, Node } from '../k8s/objects';
import type { ClusterConfig, ClusterState } from './state';

export interface ClusterAddOn {
  name: string; // "dns"
  /**
   * Its objects, created before all user objects, in this order (a user object with the same key
   * replaces one). Reads the configuration, the user's objects (the latest of each key) and the nodes.
   */
  systemObjects(config: ClusterConfig, userObjects: KubeObject[], nodes: Node[]): KubeObject[];
  /** What its controllers write once pods, Endpoints and EndpointSlices exist (before the lints run). */
  afterControllers?(cluster: ClusterState): void;
}
