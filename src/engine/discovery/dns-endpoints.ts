/**
 * The endpoints CoreDNS sees for a Service. CoreDNS watches EndpointSlices (object/endpoint.go) and keeps
 * only endpoints whose `conditions.ready` is nil or true ("interpret this unknown state as ready"). The
 * EndpointSlice controller sets ready = publishNotReadyAddresses || (serving && !terminating), so with
 * publishNotReadyAddresses every endpoint is published. Selector-less Services with hand-written
 * Endpoints reach CoreDNS through the EndpointSlice mirroring controller; svclab reads the Endpoints
 * object directly when no slice exists.
 */
import { clusterIndex } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Pod, Service } from '../k8s/objects';
import { dashedIP } from './records';

export interface DnsEndpoint {
  ip: string; // "10.244.1.5"
  /** The endpoint's hostname field (pod spec.hostname when its subdomain names the Service). */
  hostname?: string; // "mongo-0"
  pod?: string; // "mongo-0" (targetRef name)
  ready: boolean;
  ports: { name?: string; port: number; protocol: string }[];
}

function podFor(cluster: ClusterState, ns: string, name?: string): Pod | undefined {
  return name ? clusterIndex(cluster).pod(`${ns}/${name}`) : undefined;
}

/** The endpoint hostname the EndpointSlice controller derives: pod hostname when subdomain = Service name. */
function derivedHostname(svc: Service, pod: Pod | undefined): string | undefined {
  if (!pod?.spec.hostname || pod.spec.subdomain !== svc.metadata.name) return undefined;
  return pod.spec.hostname;
}

/**
 * Every endpoint of a Service with its DNS readiness, from its EndpointSlices (or its Endpoints).
 *
 * @example
 * serviceEndpoints(cluster, mongo).filter((e) => e.ready).map((e) => e.ip); // ["10.244.1.7", "10.244.2.4"]
 */
export function serviceEndpoints(cluster: ClusterState, svc: Service): DnsEndpoint[] {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const publishAll = svc.spec.publishNotReadyAddresses === true;
  const ix = clusterIndex(cluster);
  const slices = ix.slicesOf(`${ns}/${name}`).filter((s) => s.addressType !== 'FQDN');
  const out: DnsEndpoint[] = [];
  if (slices.length > 0) {
    for (const s of slices) {
      const ports = (s.ports ?? []).map((p) => ({
        name: p.name,
        port: p.port,
        protocol: p.protocol ?? 'TCP',
      }));
      for (const e of s.endpoints ?? []) {
        const pod = e.targetRef?.kind === 'Pod' ? podFor(cluster, ns, e.targetRef.name) : undefined;
        const ready = publishAll || e.conditions?.ready !== false;
        const hostname = e.hostname ?? derivedHostname(svc, pod);
        for (const ip of e.addresses) out.push({ ip, hostname, pod: e.targetRef?.name, ready, ports });
      }
    }
    return out;
  }
  const eps = ix.endpointsOf(`${ns}/${name}`);
  for (const subset of eps?.subsets ?? []) {
    const ports = (subset.ports ?? []).map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol ?? 'TCP',
    }));
    const add = (ready: boolean) => (a: { ip: string; hostname?: string; targetRef?: { name?: string } }) =>
      out.push({ ip: a.ip, hostname: a.hostname, pod: a.targetRef?.name, ready: ready || publishAll, ports });
    (subset.addresses ?? []).forEach(add(true));
    (subset.notReadyAddresses ?? []).forEach(add(false));
  }
  return out;
}

/**
 * The endpoints CoreDNS answers with (ready, deduplicated by address).
 *
 * @example
 * readyDnsEndpoints(cluster, mongo).length; // 3
 */
export function readyDnsEndpoints(cluster: ClusterState, svc: Service): DnsEndpoint[] {
  const seen = new Set<string>();
  return serviceEndpoints(cluster, svc).filter((e) => {
    if (!e.ready || seen.has(e.ip)) return false;
    seen.add(e.ip);
    return true;
  });
}

/**
 * The endpoint's DNS label: its hostname, else (with `endpoint_pod_names`) its pod name, else its dashed IP.
 *
 * @example
 * endpointLabel({ ip: '10.244.1.5', ready: true, ports: [] }, false); // "10-244-1-5"
 */
export function endpointLabel(e: DnsEndpoint, podNames: boolean): string {
  if (e.hostname) return e.hostname.toLowerCase();
  if (podNames && e.pod) return e.pod.toLowerCase();
  return dashedIP(e.ip);
}
