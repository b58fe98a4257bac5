/**
 * What answers on a node's own address besides the pods: kube-proxy's per-Service health check server on
 * each healthCheckNodePort (LoadBalancer Services with externalTrafficPolicy Local). It answers 200 when
 * the node has a local ready endpoint and 503 otherwise, with the JSON body of
 * pkg/proxy/healthcheck/service_health.go; cloud load balancers use it to take nodes out of rotation.
 *
 * @example
 * kubeProxyHealth(cluster, 'node-1', 32000)?.response.status; // 200 or 503
 */
import { clusterIndex } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Service } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { endpointsFor, servicePortsOf } from '../proxy';
import type { HttpResponse } from '../trace';

/** Local ready endpoints of a Service on a node, as kube-proxy's health server counts them. */
export function localReadyEndpoints(cluster: ClusterState, svc: Service, node: string): number {
  const sp = servicePortsOf(svc)[0];
  if (!sp) return 0;
  return endpointsFor(clusterIndex(cluster).slicesOf(sp.serviceKey, 'IPv4'), sp, node).filter(
    (e) => e.isLocal && e.ready,
  ).length;
}

/** The health check server's answer on `port`, when some Service's healthCheckNodePort is `port`. */
export function kubeProxyHealth(
  cluster: ClusterState,
  node: string,
  port: number,
): { response: HttpResponse; note: Msg } | undefined {
  const svc = cluster.services.find(
    (s) =>
      s.spec.type === 'LoadBalancer' &&
      s.spec.externalTrafficPolicy === 'Local' &&
      s.spec.healthCheckNodePort === port,
  );
  if (!svc) return undefined;
  const count = localReadyEndpoints(cluster, svc, node);
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const body = [
    '{',
    '\t"service": {',
    `\t\t"namespace": ${JSON.stringify(ns)},`,
    `\t\t"name": ${JSON.stringify(name)}`,
    '\t},',
    `\t"localEndpoints": ${count},`,
    '\t"serviceProxyHealthy": true',
    '}',
  ].join('\n');
  return {
    response: {
      status: count > 0 ? 200 : 503,
      body,
      headers: {
        'Content-Type': 'application/json',
        'X-Content-Type-Options': 'nosniff',
        'X-Load-Balancing-Endpoint-Weight': String(count),
      },
    },
    note: msg('sim.hop.health', { service: `${ns}/${name}`, port, count }),
  };
}
