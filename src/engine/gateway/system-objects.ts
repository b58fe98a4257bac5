/**
 * The objects Envoy Gateway adds to the cluster: its controller when the scene uses the Gateway API, and
 * a proxy Deployment and LoadBalancer Service for each Gateway it manages that has a listener it can
 * program (Envoy Gateway skips the infrastructure of a Gateway without one). Computed from the user's
 * objects before allocation, so the proxies get ClusterIPs, load balancer addresses and pods like any
 * other Service and Deployment. A user object with the same name replaces ours.
 *
 * @example
 * gatewaySystemObjects(config, [gatewayClass, gateway]).map((o) => `${o.kind}/${o.metadata.name}`);
 * // ["Namespace/envoy-gateway-system", "Deployment/envoy-gateway", "Service/envoy-gateway",
 * //  "Deployment/envoy-default-eg-e41e7b31", "Service/envoy-default-eg-e41e7b31"]
 */
import type { ClusterConfig } from '../cluster/state';
import type { KubeObject, Namespace, Secret, Service } from '../k8s/objects';
import type { Gateway, GatewayClass, GRPCRoute, HTTPRoute, ReferenceGrant } from '../k8s/gateway-api';
import { controllerObjects, proxyDeployment, proxyService } from './envoy-infra';
import { translateGateways } from './translate';

const GATEWAY_KINDS = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant']);

const ofKind = <T extends KubeObject>(objects: readonly KubeObject[], kind: string): T[] =>
  objects.filter((o) => o.kind === kind) as T[];

/**
 * Envoy Gateway's system objects for the scene (none when it has no Gateway API object).
 *
 * @example
 * gatewaySystemObjects(DEFAULT_CONFIG, []); // []
 */
export function gatewaySystemObjects(config: ClusterConfig, user: readonly KubeObject[]): KubeObject[] {
  void config; // the chart and the proxies do not depend on cluster settings
  if (!user.some((o) => GATEWAY_KINDS.has(o.kind))) return [];
  const model = translateGateways({
    gatewayClasses: ofKind<GatewayClass>(user, 'GatewayClass'),
    gateways: ofKind<Gateway>(user, 'Gateway'),
    httpRoutes: ofKind<HTTPRoute>(user, 'HTTPRoute'),
    grpcRoutes: ofKind<GRPCRoute>(user, 'GRPCRoute'),
    referenceGrants: ofKind<ReferenceGrant>(user, 'ReferenceGrant'),
    services: ofKind<Service>(user, 'Service'),
    secrets: ofKind<Secret>(user, 'Secret'),
    namespaces: ofKind<Namespace>(user, 'Namespace'),
  });
  const out: KubeObject[] = [...controllerObjects()];
  for (const g of model.gateways) {
    if (g.proxyPorts.length === 0) continue;
    const ns = g.gateway.metadata.namespace ?? 'default';
    const name = g.gateway.metadata.name ?? '';
    out.push(proxyDeployment(ns, name, g.proxyPorts));
    const svc = proxyService(ns, name, g.proxyPorts);
    // spec.addresses of type IPAddress become the Service's externalIPs (ResourceRender.Service).
    const ips = (g.gateway.spec.addresses ?? [])
      .filter((a) => (a.type ?? 'IPAddress') === 'IPAddress' && a.value)
      .map((a) => a.value!);
    if (ips.length > 0) svc.spec.externalIPs = ips;
    out.push(svc);
  }
  return out;
}
