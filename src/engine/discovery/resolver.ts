/**
 * A stub resolver in a pod, on a node or outside the cluster: /etc/hosts (for getaddrinfo), then the
 * search list of /etc/resolv.conf, then the nameservers, as glibc (getaddrinfo: curl, ping) or BIND
 * (nslookup, dig) run them (stub-resolver.ts). Every query goes out through a transport: the data path,
 * where it walks the client node's kube-proxy rules to a CoreDNS pod or to nothing, so a lookup answers
 * only when the rules deliver it. Plain dig sends the name as typed.
 */
import type { ClusterState } from '../cluster/state';
import { msg } from '../messages';
import { explainLookup } from './explain';
import { hostsLookup } from './hosts-file';
import { addressType, fqdn, type RRType } from './records';
import { ndotsOf, nodeResolvConf, podResolvConf, type ResolvConf } from './resolv-conf';
import { bindSearch, bindSettings, glibcSearch, glibcSettings, type SearchOutcome } from './stub-resolver';
import type { LookupFrom, LookupOptions, LookupRcode, LookupResult } from './types';

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

function rcodeOf(a: SearchOutcome['asked'][number]): LookupRcode {
  if (a.exchange.kind === 'answer') return a.exchange.message.rcode;
  return a.exchange.kind === 'timeout' ? 'TIMEOUT' : 'CONNREFUSED';
}

function empty(servers: string[]) {
  return {
    answer: [],
    additional: [],
    authority: [],
    server: servers[0] ?? '',
    authoritative: false,
    source: 'none' as const,
  };
}

function fromSearch(out: SearchOutcome, servers: string[]): Omit<LookupResult, 'explanation'> {
  const tried = out.asked.map((a) => ({ name: a.name, rcode: rcodeOf(a) }));
  const base = {
    queries: tried.map((t) => t.name),
    tried,
    commErrors: out.errors,
    seconds: out.seconds,
  };
  const chosen = out.asked[out.chosen];
  if (!chosen) {
    // glibc with `options attempts:0` sends nothing and fails as if refused (res_send's ECONNREFUSED).
    const why = msg('dns.noAttempts', {});
    return { ...empty(servers), ...base, rcode: 'CONNREFUSED', unreachable: why };
  }
  if (chosen.exchange.kind !== 'answer') {
    return {
      ...empty([chosen.server]),
      ...base,
      rcode: chosen.exchange.kind === 'refused' ? 'CONNREFUSED' : 'TIMEOUT',
      unreachable: chosen.exchange.why,
    };
  }
  const m = chosen.exchange.message;
  return {
    ...base,
    rcode: m.rcode,
    answer: m.answer,
    additional: m.additional,
    authority: m.authority,
    server: chosen.server,
    authoritative: m.authoritative,
    source: chosen.exchange.source,
  };
}

/**
 * Resolves a name the way the client's resolver would, sending each query through the transport.
 *
 * @example
 * lookup(cluster, { pod: web }, 'db', 'A', { transport }).queries;
 * // ["db.shop.svc.cluster.local."] (found on the first search suffix)
 */
export function lookup(
  cluster: ClusterState,
  from: LookupFrom,
  name: string,
  type: RRType,
  opts: LookupOptions,
): LookupResult {
  const tool = opts.tool ?? 'getaddrinfo';
  const conf = resolverConfig(cluster, from);
  // glibc and BIND both ask 127.0.0.1 when resolv.conf names no server.
  const servers = opts.server ? [opts.server] : conf.nameservers.length ? conf.nameservers : ['127.0.0.1'];
  const explain = (r: Omit<LookupResult, 'explanation'>): LookupResult => {
    const full = { ...r, explanation: msg('dns.noAnswer', {}) };
    return { ...full, explanation: explainLookup(cluster, from, name, type, full, conf, tool) };
  };

  if (tool === 'getaddrinfo' && from.pod && (type === 'A' || type === 'AAAA')) {
    const ips = hostsLookup(cluster, from.pod, name).filter((ip) => addressType(ip) === type);
    if (ips.length) {
      return explain({
        rcode: 'NOERROR',
        queries: [],
        tried: [],
        answer: ips.map((ip) => ({ name: fqdn(name), ttl: 0, type, data: ip })),
        additional: [],
        authority: [],
        server: servers[0]!,
        authoritative: false,
        source: 'hosts',
        commErrors: [],
        seconds: 0,
      });
    }
  }

  if (tool === 'getaddrinfo') {
    const st = glibcSettings(conf, servers);
    return explain(
      fromSearch(glibcSearch(name, conf.searches, ndotsOf(conf), type, st, opts.transport), servers),
    );
  }
  const useSearch = tool !== 'dig' || opts.search === true;
  const candidates = useSearch ? searchCandidates(name, conf.searches, ndotsOf(conf)) : [fqdn(name)];
  const st = bindSettings(conf, servers, { tries: opts.tries, timeout: opts.timeout, tcp: opts.tcp });
  return explain(fromSearch(bindSearch(candidates, type, st, opts.transport), servers));
}
