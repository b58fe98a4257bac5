/**
 * The ingress controller (ingress-nginx) as svclab simulates it. Callers:
 *  - the cluster builder: `ingressSystemObjects`, `applyIngressStatus`, `ingressLints`;
 *  - the data plane: `createIngressState` (in the SimWorld) and `routeIngress` when a packet reaches a
 *    controller pod (`isIngressControllerPod`); `controllerService` for the external address.
 *
 * @example
 * const d = routeIngress(cluster, world.ingress, { host: 'shop.example.com', path: '/', method: 'GET',
 *   scheme: 'http', headers: {}, clientAddress: '203.0.113.10:41234' });
 */
export { ingressSystemObjects, isIngressControllerPod, controllerService } from './system-objects';
export { createIngressState, type IngressState } from './state';
export {
  ingressClassDecision,
  servedIngresses,
  defaultIngressClass,
  admitDefaultIngressClass,
} from './class';
export { applyIngressStatus, publishedAddress } from './status';
export { buildRoutingTable } from './routing-table';
export { matchRequest, hostMatches, pathMatches } from './match';
export {
  routeIngress,
  type IngressDecision,
  type IngressRequest,
  type ProxyDecision,
  type RespondDecision,
  type TlsErrorDecision,
} from './controller';
export { ingressLints } from './lint';
