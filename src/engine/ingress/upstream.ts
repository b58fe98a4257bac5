/**
 * From an Ingress backend to the pod endpoints ingress-nginx proxies to. The controller does not use the
 * Service's ClusterIP (unless `nginx.ingress.kubernetes.io/service-upstream: "true"`): it reads the
 * Service's EndpointSlices itself and balances over the pod addresses (internal/ingress/controller/
 * controller.go serviceEndpoints, endpointslices.go getEndpointsFromSlices).
 */
import { clusterIndex } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { IngressServiceBackend, Service, ServicePort } from '../k8s/objects';
import { msg, type Msg } from '../messages';

export interface UpstreamEndpoint {
  ip: string; // "10.244.1.5"
  port: number; // 8080
  pod?: string; // "default/web-7c9d8-abcde"
  node?: string; // "node-1"
}

export interface Upstream {
  /** ingress-nginx's upstream name: "<namespace>-<service>-<port number or name>". */
  name: string; // "default-web-80"
  service: string; // "default/web"
  svc?: Service;
  /** The Service port the backend resolved to; undefined when none matched. */
  servicePort?: ServicePort;
  /** Ready endpoints, in EndpointSlice order, without duplicates. */
  endpoints: UpstreamEndpoint[];
  /** Why there are no endpoints, when there are none. */
  problem?: Msg;
}

/**
 * ingress-nginx's upstream name for a backend.
 *
 * @example
 * upstreamName('default', { name: 'web', port: { number: 80 } }); // "default-web-80"
 */
export function upstreamName(namespace: string, b: IngressServiceBackend): string {
  if (b.port?.number && b.port.number > 0) return `${namespace}-${b.name}-${b.port.number}`;
  if (b.port?.name) return `${namespace}-${b.name}-${b.port.name}`;
  return `${namespace}-INVALID`;
}

/**
 * The Service port an Ingress backend port selects. Upstream compares the backend port (as a string)
 * with each Service port's number, its targetPort and its name, and takes the first that matches.
 *
 * @example
 * resolveServicePort(svc, { name: 'web', port: { name: 'http' } }); // { name: 'http', port: 80, targetPort: 8080 }
 */
export function resolveServicePort(svc: Service, b: IngressServiceBackend): ServicePort | undefined {
  const want = b.port?.number && b.port.number > 0 ? String(b.port.number) : (b.port?.name ?? '');
  return (svc.spec.ports ?? []).find(
    (p) =>
      String(p.port) === want ||
      String(p.targetPort ?? p.port) === want ||
      (p.name !== undefined && p.name !== '' && p.name === want),
  );
}

/**
 * The endpoints ingress-nginx would configure for a backend of an Ingress in `namespace`.
 *
 * @example
 * resolveUpstream(cluster, 'default', { name: 'web', port: { number: 80 } }).endpoints;
 * // [{ ip: '10.244.1.5', port: 8080, pod: 'default/web-0', node: 'node-1' }, …]
 */
export function resolveUpstream(
  cluster: ClusterState,
  namespace: string,
  b: IngressServiceBackend,
): Upstream {
  const name = upstreamName(namespace, b);
  const service = `${namespace}/${b.name}`;
  const ix = clusterIndex(cluster);
  const svc = ix.service(`${namespace}/${b.name}`);
  if (!svc) return { name, service, endpoints: [], problem: msg('ingress.upstream.notFound', { service }) };
  if (svc.spec.type === 'ExternalName') {
    return {
      name,
      service,
      svc,
      endpoints: [],
      problem: msg('ingress.upstream.externalName', { service }),
    };
  }
  const port = resolveServicePort(svc, b);
  if (!port) {
    const want = b.port?.number ?? b.port?.name ?? '';
    return {
      name,
      service,
      svc,
      endpoints: [],
      problem: msg('ingress.upstream.noPort', { service, port: String(want) }),
    };
  }
  const endpoints: UpstreamEndpoint[] = [];
  const seen = new Set<string>();
  const slices = ix.slicesOf(`${namespace}/${b.name}`);
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue;
    let ports: number[] = [];
    if ((slice.ports ?? []).length === 0) {
      if (typeof port.targetPort === 'number') ports = [port.targetPort];
    } else {
      for (const ep of slice.ports ?? []) {
        if ((ep.protocol ?? 'TCP') !== 'TCP') continue;
        let target = 0;
        if (!port.name) target = ep.port;
        else if (port.name === (ep.name ?? '')) target = ep.port;
        // No port name matched: a numeric targetPort is used as is (ingress-nginx#7390).
        if (target === 0 && typeof port.targetPort === 'number') target = port.targetPort;
        if (target !== 0) ports.push(target);
      }
    }
    for (const ep of slice.endpoints ?? []) {
      // Only an explicit ready=false excludes an endpoint (nil counts as ready).
      if (ep.conditions?.ready === false) continue;
      for (const p of ports) {
        for (const ip of ep.addresses) {
          const key = `${ip}:${p}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const ref = ep.targetRef;
          endpoints.push({
            ip,
            port: p,
            ...(ref?.kind === 'Pod' && ref.name ? { pod: `${ref.namespace ?? namespace}/${ref.name}` } : {}),
            ...(ep.nodeName ? { node: ep.nodeName } : {}),
          });
        }
      }
    }
  }
  return {
    name,
    service,
    svc,
    servicePort: port,
    endpoints,
    ...(endpoints.length === 0 ? { problem: msg('ingress.upstream.noEndpoints', { service }) } : {}),
  };
}
