/**
 * Which DNS server, if any, owns an address a query arrives at. Whether a query gets there is the data
 * path's business (kube-proxy's rules DNAT `10.96.0.10:53` to a CoreDNS pod, or drop or reject it); this
 * module only says who answers at the far end: a CoreDNS pod (which answers from its kubernetes plugin
 * and `forward`s the rest), the resolver outside the cluster that nodes use and CoreDNS forwards to
 * (`config.upstreamDNS`, and the well-known public resolvers, answered by svclab's simulated Internet), or
 * nobody.
 *
 * @example
 * dnsServerAt(cluster, '10.244.1.2'); // { kind: "coredns", pod: <kube-system/coredns-…> }
 * dnsServerAt(cluster, '10.96.0.10'); // { kind: "none" }: a ClusterIP is only rules, no server
 */
import { clusterIndex } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import type { Rng } from '../util/rng';
import { serveDns } from './dns';
import type { AnswerSource } from './dns-transport';
import type { DnsMessage, RRType } from './records';
import { upstreamQuery } from './upstream';

export type DnsServer =
  | { kind: 'coredns'; pod: Pod }
  | { kind: 'upstream' }
  /** Nothing serves DNS at that address (`pod`: the pod that owns it, running something else). */
  | { kind: 'none'; pod?: Pod };

// The public resolvers people write into dnsConfig (Google, Cloudflare, Quad9, OpenDNS): svclab's
// simulated Internet answers at these. Any other address outside the cluster runs no DNS server that
// svclab knows of, so queries to it time out, as they do to the documentation address 192.0.2.1 in the
// Kubernetes docs' dnsConfig example ("no servers could be reached").
const PUBLIC_RESOLVERS = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
  '2001:4860:4860::8888',
  '2001:4860:4860::8844',
  '2606:4700:4700::1111',
  '2606:4700:4700::1001',
]);

/**
 * A pod runs CoreDNS when it carries kubeadm's `k8s-app: kube-dns` label or a CoreDNS image.
 *
 * @example isCoreDnsPod(pod); // true for kube-system/coredns-6d4b574f6d-w8vpc
 */
export function isCoreDnsPod(pod: Pod): boolean {
  return (
    pod.metadata.labels?.['k8s-app'] === 'kube-dns' ||
    (pod.spec.containers ?? []).some((c) => /(^|\/)coredns(:|@|$)/.test(c.image ?? ''))
  );
}

/**
 * True for a resolver outside the cluster that answers: the nodes' upstream, or a well-known public
 * resolver (8.8.8.8). svclab does not walk packets outside the cluster; the simulated Internet answers
 * them. Any other outside address is nobody's DNS server.
 *
 * @example isOutsideResolver(cluster, '192.0.2.53'); // true (the nodes' upstream)
 * isOutsideResolver(cluster, '192.0.2.1'); // false: nothing answers there
 */
export function isOutsideResolver(cluster: ClusterState, ip: string): boolean {
  if (ip === cluster.config.upstreamDNS) return true;
  return PUBLIC_RESOLVERS.has(ip) && clusterIndex(cluster).ipOwner(ip).kind === 'outside';
}

/**
 * Who answers DNS at an address a query arrived at (after any NAT).
 *
 * @example dnsServerAt(cluster, '192.0.2.53'); // { kind: "upstream" }
 */
export function dnsServerAt(cluster: ClusterState, ip: string): DnsServer {
  const owner = clusterIndex(cluster).ipOwner(ip);
  if (owner.kind === 'pod')
    return isCoreDnsPod(owner.pod) ? { kind: 'coredns', pod: owner.pod } : { kind: 'none', pod: owner.pod };
  if (owner.kind === 'node') {
    // A hostNetwork CoreDNS pod answers on its node's address.
    const host = cluster.pods.find(
      (p) => p.spec.hostNetwork && p.spec.nodeName === owner.node.name && isCoreDnsPod(p),
    );
    return host ? { kind: 'coredns', pod: host } : { kind: 'none' };
  }
  return isOutsideResolver(cluster, ip) ? { kind: 'upstream' } : { kind: 'none' };
}

/**
 * What a DNS server answers to one question: CoreDNS from the cluster (Corefile, kubernetes plugin,
 * forward), the upstream from the simulated Internet.
 *
 * @example serverAnswer(cluster, { kind: 'upstream' }, 'www.example.com.', 'A').message.answer[0].data; // "192.0.2.<n>"
 */
export function serverAnswer(
  cluster: ClusterState,
  server: Exclude<DnsServer, { kind: 'none' }>,
  name: string,
  type: RRType,
  rng?: Rng,
): { message: DnsMessage; source: AnswerSource } {
  if (server.kind === 'coredns')
    return { message: serveDns(cluster, name, type, rng ? { rng } : {}), source: 'cluster-dns' };
  const up = upstreamQuery(cluster, name, type);
  return {
    message: { ...up, authoritative: false, additional: [], via: 'forward' },
    source: 'upstream',
  };
}
