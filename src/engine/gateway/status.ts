/**
 * The status Envoy Gateway writes once the cluster is built (its provider's status updater): accepted
 * GatewayClasses get `Accepted` ("Valid GatewayClass"); each Gateway it manages gets its listeners'
 * status (supportedKinds, attachedRoutes, conditions), `Accepted` derived from the listeners, its
 * addresses from the proxy Service's load balancer and `Programmed` from the proxy Deployment's available
 * replicas; each route gets one `status.parents[]` entry per managed parent. Objects no controller
 * serves keep what the API server gave them (a Gateway's `Pending` defaults). Every condition carries the
 * object's generation; the write happens at the object's creation instant.
 *
 * @example
 * applyGatewayStatus(cluster);
 * cluster.gateways[0].status?.conditions?.map((c) => `${c.type}=${c.status}`); // ["Accepted=True", "Programmed=True"]
 */
import type { ClusterState } from '../cluster/state';
import type { Condition, Gateway, GatewayStatusAddress, Route } from '../k8s/gateway-api';
import { mergeInto, setCondition, stamp, type CondInit } from './conditions';
import { CONTROLLER_NAME, EG_NAMESPACE, proxyName } from './envoy-infra';
import { translateGateways, type GatewayInputs, type GatewayModel, type GatewayResult } from './translate';

const MODEL = Symbol('gatewayModel');

/** The translation's inputs from a built cluster. */
export function inputsFrom(cluster: ClusterState): GatewayInputs {
  return {
    gatewayClasses: cluster.gatewayClasses,
    gateways: cluster.gateways,
    httpRoutes: cluster.httpRoutes,
    grpcRoutes: cluster.grpcRoutes,
    referenceGrants: cluster.referenceGrants,
    services: cluster.services,
    secrets: cluster.secrets,
    namespaces: cluster.namespaces,
  };
}

/**
 * Envoy Gateway's model of a built cluster, computed once and kept on the state (not enumerable, like
 * the cluster index), so the status writer and every request read the same one.
 *
 * @example
 * gatewayModel(cluster) === gatewayModel(cluster); // true
 */
export function gatewayModel(cluster: ClusterState): GatewayModel {
  const held = (cluster as { [MODEL]?: GatewayModel })[MODEL];
  if (held) return held;
  const model = translateGateways(inputsFrom(cluster));
  if (Object.isExtensible(cluster)) Object.defineProperty(cluster, MODEL, { value: model });
  return model;
}

const generationOf = (o: { metadata: { generation?: unknown } }): number =>
  typeof o.metadata.generation === 'number' ? o.metadata.generation : 1;

function addressesOf(cluster: ClusterState, g: GatewayResult): GatewayStatusAddress[] {
  const svc = cluster.services.find(
    (s) =>
      s.metadata.namespace === EG_NAMESPACE &&
      s.metadata.name === proxyName(g.gateway.metadata.namespace ?? 'default', g.gateway.metadata.name ?? ''),
  );
  if (!svc) return [];
  if ((g.gateway.spec.addresses ?? []).length > 0)
    return (svc.spec.externalIPs ?? []).map((value) => ({ type: 'IPAddress', value }));
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  return [
    ...ingress.filter((i) => i.ip).map((i) => ({ type: 'IPAddress', value: i.ip! })),
    ...ingress.filter((i) => !i.ip && i.hostname).map((i) => ({ type: 'Hostname', value: i.hostname! })),
  ];
}

function programmed(cluster: ClusterState, g: GatewayResult, addresses: GatewayStatusAddress[]): CondInit {
  if ((g.gateway.spec.addresses ?? []).some((a) => a.type === 'Hostname'))
    return {
      type: 'Programmed',
      status: 'False',
      reason: 'AddressNotUsable',
      message: 'One or more Gateway addresses cannot be used',
    };
  if (addresses.length === 0)
    return {
      type: 'Programmed',
      status: 'False',
      reason: 'AddressNotAssigned',
      message: 'No addresses have been assigned to the Gateway',
    };
  const name = proxyName(g.gateway.metadata.namespace ?? 'default', g.gateway.metadata.name ?? '');
  const d = cluster.deployments.find(
    (x) => x.metadata.namespace === EG_NAMESPACE && x.metadata.name === name,
  );
  const st = (d?.status ?? {}) as { availableReplicas?: number; replicas?: number };
  if ((st.availableReplicas ?? 0) > 0)
    return {
      type: 'Programmed',
      status: 'True',
      reason: 'Programmed',
      message: `Address assigned to the Gateway, ${st.availableReplicas}/${st.replicas ?? 0} envoy replicas available`,
    };
  return {
    type: 'Programmed',
    status: 'False',
    reason: 'NoResources',
    message: 'Envoy replicas unavailable',
  };
}

/** UpdateGatewayStatusAccepted: Accepted from the listeners' Accepted conditions. */
function acceptedFromListeners(g: GatewayResult): CondInit {
  const bad = g.listeners
    .filter((l) => !l.conditions.some((c) => c.type === 'Accepted' && c.status === 'True'))
    .map((l) => l.listener.name)
    .sort();
  if (bad.length === 0)
    return {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: 'The Gateway has been scheduled by Envoy Gateway',
    };
  if (bad.length < g.listeners.length)
    return {
      type: 'Accepted',
      status: 'True',
      reason: 'ListenersNotValid',
      message: `Listeners not valid: ${bad.join(', ')}`,
    };
  return {
    type: 'Accepted',
    status: 'False',
    reason: 'ListenersNotValid',
    message: `No listeners are valid: ${bad.join(', ')}`,
  };
}

function writeGateway(cluster: ClusterState, g: GatewayResult): void {
  const gw: Gateway = g.gateway;
  const gen = generationOf(gw);
  const time = gw.metadata.creationTimestamp ?? '';
  const status = (gw.status ??= {});
  if (g.unsupportedAddress) {
    const c: CondInit[] = [];
    setCondition(c, {
      type: 'Accepted',
      status: 'False',
      reason: 'UnsupportedAddress',
      message: `Gateway has an address with an unsupported type: ${g.unsupportedAddress}`,
    });
    status.conditions = mergeInto(status.conditions, stamp(c, gen, time));
    return;
  }
  status.listeners = g.listeners.map((l) => ({
    name: l.listener.name,
    supportedKinds: l.supportedKinds.map((k) => ({ group: k.group, kind: k.kind })),
    attachedRoutes: l.attachedRoutes,
    conditions: stamp(l.conditions, gen, time),
  }));
  const addresses = addressesOf(cluster, g);
  const conds: CondInit[] = [acceptedFromListeners(g), programmed(cluster, g, addresses)];
  status.conditions = mergeInto(status.conditions, stamp(conds, gen, time));
  if (addresses.length > 0) status.addresses = addresses.slice(0, 16);
  else delete status.addresses;
}

function writeRoute(route: Route, parents: GatewayModel['routes'][number]['parents']): void {
  const gen = generationOf(route);
  const time = route.metadata.creationTimestamp ?? '';
  route.status = {
    parents: parents.map((p) => ({
      conditions: stamp(p.conditions, gen, time) as Condition[],
      controllerName: CONTROLLER_NAME,
      parentRef: { ...p.parentRef },
    })),
  };
}

/**
 * Writes the status of every Gateway API object Envoy Gateway serves. Mutates the objects.
 *
 * @example
 * applyGatewayStatus(cluster).gatewayClasses[0].status?.conditions?.[0].message; // "Valid GatewayClass"
 */
export function applyGatewayStatus(cluster: ClusterState): ClusterState {
  const model = gatewayModel(cluster);
  for (const c of cluster.gatewayClasses) {
    if (!model.acceptedClasses.has(c.metadata.name ?? '')) continue;
    const written = stamp(
      [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Valid GatewayClass' }],
      generationOf(c),
      c.metadata.creationTimestamp ?? '',
    );
    c.status = { ...(c.status ?? {}), conditions: mergeInto(c.status?.conditions, written) };
  }
  for (const g of model.gateways) writeGateway(cluster, g);
  for (const r of model.routes) writeRoute(r.route, r.parents);
  return cluster;
}
