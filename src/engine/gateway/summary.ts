/**
 * What the page's graph shows of the Gateway API, read from the objects and the status Envoy Gateway
 * wrote (never re-derived): each Gateway Envoy Gateway manages, its address, its listeners with their
 * attached routes, the pods and the Service of its proxy; each route with the listeners it attached to.
 * Ids are the trace's locations and the graph's object keys, so hops through the Envoy pod land on it.
 *
 * @example
 * gatewaySummary(cluster)[0];
 * // { id: "Gateway/default/eg", address: "198.51.100.2", listeners: [{ name: "http", port: 80, … }],
 * //   proxyPods: ["pod/envoy-gateway-system/envoy-default-eg-e41e7b31-…"], routes: [{ id: "HTTPRoute/default/shop", … }] }
 */
import type { ClusterState } from '../cluster/state';
import type { Condition, Route } from '../k8s/gateway-api';
import { CONTROLLER_NAME, EG_NAMESPACE, owningGateway, proxyName } from './envoy-infra';

export interface GatewayListenerSummary {
  name: string; // "http"
  port: number; // 80
  protocol: string; // "HTTP"
  hostname: string | null; // "*.example.com"
  programmed: boolean;
  attachedRoutes: number;
}

export interface GatewayRouteSummary {
  id: string; // "HTTPRoute/default/shop"
  kind: string; // "HTTPRoute"
  hostnames: string[];
  /** The listeners of this Gateway the route attached to. */
  listeners: string[];
  accepted: boolean;
  /** "default/web-v1" for each backendRef (any rule), in order, without repeats. */
  backends: string[];
}

export interface GatewaySummary {
  id: string; // "Gateway/default/eg"
  namespace: string;
  name: string;
  className: string;
  address: string | null;
  programmed: boolean;
  listeners: GatewayListenerSummary[];
  routes: GatewayRouteSummary[];
  /** The proxy's pods, as trace locations ("pod/envoy-gateway-system/envoy-default-eg-…"). */
  proxyPods: string[];
  /** The proxy's LoadBalancer Service ("Service/envoy-gateway-system/envoy-default-eg-e41e7b31"). */
  proxyService: string;
}

const isTrue = (conds: readonly Condition[] | undefined, type: string): boolean =>
  (conds ?? []).some((c) => c.type === type && c.status === 'True');

/**
 * The Gateways Envoy Gateway manages, for the graph, read from the objects and the status the controller
 * wrote (the page's slim copy of the cluster has no Secrets or Namespaces to translate again).
 *
 * @example
 * gatewaySummary(cluster).map((g) => g.listeners.length); // [1]
 */
export function gatewaySummary(cluster: ClusterState): GatewaySummary[] {
  const classes = new Set(
    cluster.gatewayClasses
      .filter((c) => c.spec?.controllerName === CONTROLLER_NAME)
      .map((c) => c.metadata.name ?? ''),
  );
  const routes: Route[] = [...cluster.httpRoutes, ...cluster.grpcRoutes];
  return cluster.gateways
    .filter((g) => classes.has(g.spec?.gatewayClassName ?? ''))
    .map((g) => {
      const ns = g.metadata.namespace ?? 'default';
      const name = g.metadata.name ?? '';
      const key = `${ns}/${name}`;
      const listenerStatus = new Map((g.status?.listeners ?? []).map((l) => [l.name, l]));
      const attached: GatewayRouteSummary[] = [];
      for (const r of routes) {
        const rns = r.metadata.namespace ?? 'default';
        const parents = (r.status?.parents ?? []).filter(
          (p) =>
            p.controllerName === CONTROLLER_NAME &&
            (p.parentRef.kind ?? 'Gateway') === 'Gateway' &&
            `${p.parentRef.namespace ?? rns}/${p.parentRef.name}` === key,
        );
        if (parents.length === 0) continue;
        const all = (g.spec.listeners ?? []).map((l) => l.name);
        attached.push({
          id: `${r.kind}/${rns}/${r.metadata.name ?? ''}`,
          kind: r.kind,
          hostnames: r.spec.hostnames ?? [],
          listeners: [
            ...new Set(parents.flatMap((p) => (p.parentRef.sectionName ? [p.parentRef.sectionName] : all))),
          ],
          accepted: parents.some((p) => isTrue(p.conditions, 'Accepted')),
          backends: [
            ...new Set(
              (r.spec.rules ?? []).flatMap((rule) =>
                (rule.backendRefs ?? []).map((b) => `${b.namespace ?? rns}/${b.name}`),
              ),
            ),
          ],
        });
      }
      return {
        id: `Gateway/${key}`,
        namespace: ns,
        name,
        className: g.spec.gatewayClassName,
        address: g.status?.addresses?.[0]?.value ?? null,
        programmed: isTrue(g.status?.conditions, 'Programmed'),
        listeners: (g.spec.listeners ?? []).map((l) => ({
          name: l.name,
          port: l.port,
          protocol: l.protocol,
          hostname: l.hostname ?? null,
          programmed: isTrue(listenerStatus.get(l.name)?.conditions, 'Programmed'),
          attachedRoutes: listenerStatus.get(l.name)?.attachedRoutes ?? 0,
        })),
        routes: attached,
        proxyPods: cluster.pods
          .filter((p) => p.metadata.namespace === EG_NAMESPACE && owningGateway(p) === key)
          .map((p) => `pod/${EG_NAMESPACE}/${p.metadata.name ?? ''}`),
        proxyService: `Service/${EG_NAMESPACE}/${proxyName(ns, name)}`,
      };
    });
}
