/**
 * Envoy Gateway's translation of the Gateway API objects, as data: which GatewayClasses it accepts (every
 * class whose controllerName is its own), which Gateways it manages (those of an accepted class), each
 * Gateway's listeners with their conditions, the proxy ports it provisions, and every HTTPRoute and
 * GRPCRoute attached to them (routes in creation order, HTTPRoutes first, as the provider lists them).
 * Pure: the same objects give the same model. The cluster builder calls it twice, on the user's objects
 * (to provision the proxies) and on the built cluster (to write status); the data path reads the second.
 *
 * @example
 * const m = translateGateways(inputsFrom(cluster));
 * m.gateways[0].listeners[0].attachedRoutes; // 1
 */
import type { Namespace, Secret, Service } from '../k8s/objects';
import type { Gateway, GatewayClass, GRPCRoute, HTTPRoute, ReferenceGrant } from '../k8s/gateway-api';
import { CONTROLLER_NAME, type ProxyPort } from './envoy-infra';
import { validateListeners, type ListenerResult } from './listeners';
import { attachRoute, type GatewayEntry, type RouteResult } from './routes';

export interface GatewayInputs {
  gatewayClasses: readonly GatewayClass[];
  gateways: readonly Gateway[];
  httpRoutes: readonly HTTPRoute[];
  grpcRoutes: readonly GRPCRoute[];
  referenceGrants: readonly ReferenceGrant[];
  services: readonly Service[];
  secrets: readonly Secret[];
  namespaces: readonly Namespace[];
}

export interface GatewayResult {
  gateway: Gateway;
  key: string; // "default/eg"
  className: string;
  listeners: ListenerResult[];
  /** Accepted=False UnsupportedAddress: an address type other than IPAddress or Hostname. */
  unsupportedAddress?: string;
  /** The Service ports of its proxy, one per programmed listener port; empty: no proxy is provisioned. */
  proxyPorts: ProxyPort[];
}

export interface GatewayModel {
  /** Names of the GatewayClasses Envoy Gateway accepts. */
  acceptedClasses: Set<string>;
  gateways: GatewayResult[];
  routes: RouteResult[];
}

const keyOf = (o: { metadata: { namespace?: string; name?: string } }): string =>
  `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;

/** processInfraIRListener: one proxy port per programmed listener port, named protocol-port. */
function proxyPortsOf(listeners: ListenerResult[]): ProxyPort[] {
  const out: ProxyPort[] = [];
  for (const l of listeners) {
    if (!l.ready || out.some((p) => p.port === l.listener.port)) continue;
    out.push({
      name: `${l.listener.protocol.toLowerCase()}-${l.listener.port}`,
      port: l.listener.port,
      containerPort: l.containerPort,
    });
  }
  return out;
}

/**
 * Translates the Gateway API objects the way Envoy Gateway does.
 *
 * @example
 * translateGateways(inputs).acceptedClasses.has('eg'); // true when GatewayClass eg names Envoy Gateway
 */
export function translateGateways(inputs: GatewayInputs): GatewayModel {
  const acceptedClasses = new Set(
    inputs.gatewayClasses
      .filter((c) => c.spec?.controllerName === CONTROLLER_NAME)
      .map((c) => c.metadata.name ?? ''),
  );
  const gateways: GatewayResult[] = [];
  for (const gateway of inputs.gateways) {
    const className = gateway.spec?.gatewayClassName ?? '';
    if (!acceptedClasses.has(className)) continue;
    const odd = (gateway.spec.addresses ?? []).find(
      (a) => a.type !== undefined && a.type !== 'IPAddress' && a.type !== 'Hostname',
    );
    const key = keyOf(gateway);
    if (odd) {
      gateways.push({ gateway, key, className, listeners: [], unsupportedAddress: odd.type, proxyPorts: [] });
      continue;
    }
    const listeners = validateListeners(gateway, inputs);
    gateways.push({ gateway, key, className, listeners, proxyPorts: proxyPortsOf(listeners) });
  }
  const byKey = new Map<string, GatewayEntry>(
    gateways.filter((g) => !g.unsupportedAddress).map((g) => [g.key, { key: g.key, listeners: g.listeners }]),
  );
  const routes: RouteResult[] = [];
  for (const r of [...inputs.httpRoutes, ...inputs.grpcRoutes]) {
    const result = attachRoute(r, byKey, inputs);
    if (result.parents.length > 0) routes.push(result);
  }
  return { acceptedClasses, gateways, routes };
}
