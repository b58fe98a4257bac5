/**
 * A stub resolver in a pod, on a node or outside the cluster: /etc/hosts (for getaddrinfo), then the
 * search list of /etc/resolv.conf expanded as glibc's res_search does (a name with fewer dots than
 * `ndots` is tried with each search suffix first, then as-is; NXDOMAIN and NODATA move on to the next
 * candidate), then the server the nameserver line names. nslookup and `dig +search` follow BIND's rule
 * instead: only NXDOMAIN moves on. Plain dig sends the name as typed.
 */
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import type { Rng } from '../util/rng';
import { corednsSettings } from './coredns';
import { serveDns } from './dns';
import { explainLookup } from './explain';
import { hostsLookup } from './hosts-file';
import { addressType, fqdn, type DnsRecord, type Rcode, type RRType } from './records';
import { ndotsOf, nodeResolvConf, podResolvConf, type ResolvConf } from './resolv-conf';
import { reachDnsServer } from './dns-server';
import { upstreamQuery } from './upstream';

export interface LookupFrom {
  pod?: Pod;
  node?: string; // "node-1"
  external?: boolean;
}

export interface LookupOptions {
  /** world.rng, for CoreDNS's loadbalance shuffle. */
  rng?: Rng;
  /** getaddrinfo (curl, ping: /etc/hosts, glibc search), nslookup, or dig (no search unless `search`). */
  tool?: 'getaddrinfo' | 'nslookup' | 'dig';
  /** dig +search. */
  search?: boolean;
  /** A server named on the command line (`nslookup NAME SERVER`, `dig @SERVER`). */
  server?: string;
}

export interface LookupResult {
  /** NOERROR/NXDOMAIN/… of the final answer, or TIMEOUT when no server answered. */
  rcode: Rcode | 'TIMEOUT';
  /** The names sent, in order, up to the one that answered (CLI contract). */
  queries: string[];
  /** Each query's own rcode, in the same order. */
  tried: { name: string; rcode: Rcode | 'TIMEOUT' }[];
  answer: DnsRecord[];
  additional: DnsRecord[];
  authority: DnsRecord[];
  server: string; // "10.96.0.10"
  authoritative: boolean;
  /** Where the answer came from: /etc/hosts, the cluster DNS, or the upstream (node/Internet) resolver. */
  source: 'hosts' | 'cluster-dns' | 'upstream' | 'none';
  /** Why the server could not be reached, when rcode is TIMEOUT. */
  unreachable?: string;
  explanation: string;
}

/** The resolver configuration a client uses. */
export function resolverConfig(cluster: ClusterState, from: LookupFrom): ResolvConf {
  if (from.pod) return podResolvConf(cluster, from.pod);
  if (from.external) {
    return {
      nameservers: [cluster.config.upstreamDNS],
      searches: [],
      options: [],
      effectivePolicy: 'Default',
      notes: [],
    };
  }
  return nodeResolvConf(cluster);
}

/**
 * The names a resolver tries, in order (glibc res_search).
 *
 * @example
 * searchCandidates('db', ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], 5);
 * // ["db.shop.svc.cluster.local.", "db.svc.cluster.local.", "db.cluster.local.", "db."]
 */
export function searchCandidates(name: string, searches: string[], ndots: number): string[] {
  if (name.endsWith('.')) return [fqdn(name)];
  const dots = name.split('.').length - 1;
  const expanded = searches.map((s) => fqdn(`${name}.${s}`));
  return dots >= ndots ? [fqdn(name), ...expanded] : [...expanded, fqdn(name)];
}

/**
 * Resolves a name the way the client's resolver would, showing every name it tried.
 *
 * @example
 * lookup(cluster, { pod: web }, 'db').queries;
 * // ["db.shop.svc.cluster.local."] (found on the first search suffix)
 */
export function lookup(
  cluster: ClusterState,
  from: LookupFrom,
  name: string,
  type: RRType = 'A',
  opts: LookupOptions = {},
): LookupResult {
  const tool = opts.tool ?? 'getaddrinfo';
  const conf = resolverConfig(cluster, from);
  const server = opts.server ?? conf.nameservers[0] ?? '127.0.0.1';
  const base = { server, additional: [] as DnsRecord[], authority: [] as DnsRecord[] };

  if (tool === 'getaddrinfo' && from.pod && (type === 'A' || type === 'AAAA')) {
    const ips = hostsLookup(cluster, from.pod, name).filter((ip) => addressType(ip) === type);
    if (ips.length) {
      const r: LookupResult = {
        ...base,
        rcode: 'NOERROR',
        queries: [],
        tried: [],
        answer: ips.map((ip) => ({ name: fqdn(name), ttl: 0, type, data: ip })),
        authoritative: false,
        source: 'hosts',
        explanation: '',
      };
      return { ...r, explanation: explainLookup(cluster, from, name, type, r, conf, tool) };
    }
  }

  const useSearch = tool !== 'dig' || opts.search === true;
  const candidates = useSearch ? searchCandidates(name, conf.searches, ndotsOf(conf)) : [fqdn(name)];
  const reach = reachDnsServer(cluster, from, server);
  const tried: LookupResult['tried'] = [];
  let final: LookupResult | undefined;
  let nodata: LookupResult | undefined;
  for (const q of candidates) {
    if (reach.kind === 'unreachable') {
      tried.push({ name: q, rcode: 'TIMEOUT' });
      final = {
        ...base,
        rcode: 'TIMEOUT',
        queries: [q],
        tried: [...tried],
        answer: [],
        authoritative: false,
        source: 'none',
        unreachable: reach.reason,
        explanation: '',
      };
      break;
    }
    const msg =
      reach.kind === 'cluster'
        ? serveDns(cluster, q, type, { rng: opts.rng, settings: corednsSettings(cluster) })
        : { ...upstreamQuery(cluster, q, type), additional: [], authoritative: false };
    tried.push({ name: q, rcode: msg.rcode });
    const r: LookupResult = {
      ...base,
      rcode: msg.rcode,
      queries: tried.map((t) => t.name),
      tried: [...tried],
      answer: msg.answer,
      additional: msg.additional,
      authority: msg.authority,
      authoritative: msg.authoritative,
      source: reach.kind === 'cluster' ? 'cluster-dns' : 'upstream',
      explanation: '',
    };
    if (msg.rcode === 'NOERROR' && msg.answer.length > 0) {
      final = r;
      break;
    }
    if (msg.rcode === 'NOERROR') {
      nodata ??= r;
      // BIND's nslookup/dig stop at a NOERROR answer; glibc keeps searching and reports NODATA at the end.
      if (tool !== 'getaddrinfo') {
        final = r;
        break;
      }
    } else if (msg.rcode !== 'NXDOMAIN') {
      final = r;
      break;
    }
    final = r;
  }
  let result = final!;
  if (result.rcode === 'NXDOMAIN' && nodata)
    result = { ...nodata, queries: result.queries, tried: result.tried };
  return { ...result, explanation: explainLookup(cluster, from, name, type, result, conf, tool) };
}
