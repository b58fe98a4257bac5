/**
 * Which DNS server, if any, answers at an address a client sends its query to. The pod's nameserver
 * 10.96.0.10 is the kube-dns Service: its packets reach CoreDNS only if that Service has ready
 * endpoints (the CoreDNS pods). The upstream resolver (config.upstreamDNS) answers anyone; cluster
 * addresses are not routable from outside the cluster.
 */
import type { ClusterState } from '../cluster/state';
import type { Service } from '../k8s/objects';
import { readyDnsEndpoints, serviceEndpoints } from './dns-endpoints';
import type { LookupFrom } from './resolver';
import { inCidr, isIPv4 } from '../net/ip';

const PRIVATE = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '100.64.0.0/10',
];

export type DnsServerReach =
  | { kind: 'cluster'; service?: string; endpoints: string[] } // "kube-system/kube-dns", CoreDNS pod IPs
  | { kind: 'upstream' }
  | { kind: 'unreachable'; reason: string };

const COREDNS_LABEL = 'k8s-app';

function isCoreDnsService(svc: Service): boolean {
  return (
    (svc.metadata.namespace === 'kube-system' && svc.metadata.name === 'kube-dns') ||
    svc.spec.selector?.[COREDNS_LABEL] === 'kube-dns'
  );
}

/**
 * Classifies a DNS server address as seen from a client.
 *
 * @example
 * reachDnsServer(cluster, { pod }, '10.96.0.10'); // { kind: "cluster", service: "kube-system/kube-dns", endpoints: ["10.244.0.2", "10.244.0.3"] }
 */
export function reachDnsServer(cluster: ClusterState, from: LookupFrom, ip: string): DnsServerReach {
  if (ip === cluster.config.upstreamDNS) return { kind: 'upstream' };
  if (from.external)
    return { kind: 'unreachable', reason: `${ip} is not reachable from outside the cluster` };
  const svc = cluster.services.find((s) => s.spec.clusterIP === ip || s.spec.clusterIPs?.includes(ip));
  if (svc) {
    const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
    if (!isCoreDnsService(svc))
      return { kind: 'unreachable', reason: `${ip} is Service ${key}, which runs no DNS server` };
    const all = serviceEndpoints(cluster, svc);
    const ready = readyDnsEndpoints(cluster, svc).map((e) => e.ip);
    const built = cluster.endpointSlices.some(
      (s) =>
        s.metadata.namespace === svc.metadata.namespace &&
        s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
    );
    // Until the cluster builder makes kube-dns's EndpointSlice, the CoreDNS pods are assumed to serve.
    if (built && ready.length === 0) {
      return {
        kind: 'unreachable',
        reason: `Service ${key} has no ready endpoints (${all.length ? 'its CoreDNS pods are not ready' : 'no CoreDNS pod matches its selector'}), so kube-proxy has nowhere to send the query`,
      };
    }
    return { kind: 'cluster', service: key, endpoints: ready };
  }
  const coredns = cluster.pods.find(
    (p) => p.status?.podIP === ip && p.metadata.labels?.[COREDNS_LABEL] === 'kube-dns',
  );
  if (coredns) return { kind: 'cluster', endpoints: [ip] };
  // A public resolver (8.8.8.8, 1.1.1.1…) answers like the simulated Internet; private and cluster
  // addresses without a DNS server behind them do not answer at all.
  const local = [cluster.config.serviceSubnet, cluster.config.podSubnet, ...PRIVATE].some((c) =>
    inCidr(ip, c),
  );
  if (isIPv4(ip) && !local) return { kind: 'upstream' };
  return { kind: 'unreachable', reason: `nothing at ${ip} answers DNS on port 53` };
}
