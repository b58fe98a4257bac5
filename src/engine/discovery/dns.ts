/**
 * The cluster DNS server: CoreDNS running kubeadm's Corefile (or the user's). A question inside the
 * kubernetes plugin's zones is answered authoritatively; a name error in a `fallthrough` zone, and every
 * name outside the zones, goes to `forward` (the simulated upstream), capped by `cache`. ExternalName
 * CNAMEs are chased inside the cluster zone or through the upstream (backend_lookup.go), and `loadbalance`
 * shuffles address records with the world's PRNG.
 */
import type { ClusterState } from '../cluster/state';
import type { Rng } from '../util/rng';
import { corednsSettings, type CorednsSettings } from './coredns';
import { kubernetesPlugin } from './kubernetes-plugin';
import { fqdn, inZone, type DnsMessage, type DnsRecord, type RRType } from './records';
import { upstreamQuery } from './upstream';

export interface ServeOptions {
  /** The PRNG `loadbalance` shuffles with (world.rng); without it the order is the plugin's. */
  rng?: Rng;
  /** Settings to use instead of reading the Corefile again. */
  settings?: CorednsSettings;
}

function forward(cluster: ClusterState, s: CorednsSettings, qname: string, qtype: RRType): DnsMessage {
  if (!s.forward)
    return {
      rcode: 'REFUSED',
      authoritative: false,
      answer: [],
      authority: [],
      additional: [],
      via: 'forward',
    };
  const up = upstreamQuery(cluster, qname, qtype, s.cacheTTL || undefined);
  return { ...up, authoritative: false, additional: [], via: 'forward' };
}

/** CoreDNS's loadbalance (round_robin): a random permutation of the A/AAAA records, CNAMEs kept first. */
function shuffle(records: DnsRecord[], rng: Rng): DnsRecord[] {
  const addr = records.filter((r) => r.type === 'A' || r.type === 'AAAA');
  if (addr.length < 2) return records;
  for (let i = addr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [addr[i], addr[j]] = [addr[j]!, addr[i]!];
  }
  return [...records.filter((r) => r.type !== 'A' && r.type !== 'AAAA'), ...addr];
}

function serve(
  cluster: ClusterState,
  s: CorednsSettings,
  qname: string,
  qtype: RRType,
  depth: number,
): DnsMessage {
  const zone = s.zones.find((z) => inZone(qname, z));
  if (!zone) return forward(cluster, s, qname, qtype);
  const r = kubernetesPlugin(cluster, s, qname, qtype);
  if (r.kind === 'cname') {
    const inCluster = inZone(r.target, s.clusterZone);
    const next =
      depth >= 8
        ? undefined
        : inCluster
          ? serve(cluster, s, r.target, qtype, depth + 1)
          : forward(cluster, s, r.target, qtype);
    // The CNAME always answers; the target's records follow when it resolves (handler_test "CNAME External").
    const tail = next && next.rcode === 'NOERROR' ? next.answer : [];
    return {
      rcode: 'NOERROR',
      authoritative: true,
      answer: [...r.records, ...tail],
      authority: [],
      additional: [],
      via: 'kubernetes',
    };
  }
  if (r.rcode === 'NXDOMAIN' && s.fallthrough.some((z) => z === '.' || inZone(qname, z))) {
    return forward(cluster, s, qname, qtype);
  }
  return {
    rcode: r.rcode,
    authoritative: true,
    answer: r.answer,
    authority: r.authority,
    additional: r.additional,
    via: 'kubernetes',
  };
}

/**
 * What CoreDNS answers to one question (no search list: the resolver does that).
 *
 * @example
 * serveDns(cluster, 'mongo-service.mongo.svc.cluster.local', 'A').answer.map((r) => r.data);
 * // ["10.233.75.47", "10.233.71.16", "10.233.102.150"] (order shuffled by loadbalance when rng is given)
 */
export function serveDns(
  cluster: ClusterState,
  qname: string,
  qtype: RRType = 'A',
  opts: ServeOptions = {},
): DnsMessage {
  const s = opts.settings ?? corednsSettings(cluster);
  const msg = serve(cluster, s, fqdn(qname), qtype, 0);
  if (s.loadbalance && opts.rng) return { ...msg, answer: shuffle(msg.answer, opts.rng) };
  return msg;
}
