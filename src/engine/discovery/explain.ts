/**
 * One or two sentences a student can read about a lookup: why a short name resolved (which search
 * suffix), why a headless name returned several addresses, and why a name did not resolve (wrong
 * namespace, a typo, no ready endpoints, dig without +search, a pod that does not use cluster DNS).
 */
import type { ClusterState } from '../cluster/state';
import type { Service } from '../k8s/objects';
import { msg, sentences, type Msg } from '../messages';
import { corednsSettings } from './coredns';
import { readyDnsEndpoints } from './dns-endpoints';
import { parseName } from './kubernetes-plugin';
import { fqdn, inZone, labels, type RRType } from './records';
import { ndotsOf, type ResolvConf } from './resolv-conf';
import type { LookupFrom, LookupResult } from './types';

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const key = (s: Service) => `${s.metadata.namespace ?? 'default'}/${s.metadata.name ?? ''}`;

function findService(cluster: ClusterState, ns: string, name: string): Service | undefined {
  return cluster.services.find((s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.name === name);
}

/** What the user meant: a Service name and a namespace, read from the name as typed. */
function intended(
  name: string,
  podNs: string,
  zone: string,
): { service: string; namespace: string } | undefined {
  const l = labels(name);
  const z = labels(zone);
  const inCluster = inZone(name, zone) && l.length > z.length;
  const rel = inCluster ? l.slice(0, l.length - z.length) : l;
  if (inCluster && rel[rel.length - 1] === 'svc' && rel.length >= 3)
    return { service: rel[rel.length - 3]!, namespace: rel[rel.length - 2]! };
  if (!inCluster && rel.length === 1) return { service: rel[0]!, namespace: podNs };
  if (!inCluster && (rel.length === 2 || (rel.length === 3 && rel[2] === 'svc')))
    return { service: rel[0]!, namespace: rel[1]! };
  return undefined;
}

function searchSentence(name: string, result: LookupResult, conf: ResolvConf): Msg | undefined {
  const q = result.queries;
  const answered = q[q.length - 1] ?? fqdn(name);
  const ndots = ndotsOf(conf);
  if (q.length === 0 || answered === fqdn(name)) {
    if (q.length > 1) return msg('dns.searchThenAsIs', { tried: q.length - 1, name, ndots, answered });
    return undefined;
  }
  const suffix = answered.slice(fqdn(name).length - 1, -1).replace(/^\./, '');
  return msg('dns.searchSuffix', { name, ndots, answered, nxdomains: q.length - 1, suffix });
}

function successSentence(cluster: ClusterState, result: LookupResult): Msg | undefined {
  const s = corednsSettings(cluster);
  const last = result.queries[result.queries.length - 1] ?? '';
  const cname = result.answer.find((r) => r.type === 'CNAME');
  const addresses = result.answer.filter((r) => r.type === 'A' || r.type === 'AAAA').map((r) => r.data);
  if (result.source === 'upstream' || !inZone(last, s.clusterZone)) {
    if (result.source === 'cluster-dns' && !inZone(last, s.clusterZone) && !last.endsWith('.arpa.'))
      return msg('dns.forwarded', { name: last });
    return undefined;
  }
  const r = parseName(last, s.clusterZone);
  if (!r || r === 'apex' || !r.namespace || !r.service) return undefined;
  if (r.podOrSvc === 'pod') return msg('dns.podName', { addresses });
  const svc = cluster.services.find(
    (x) => x.metadata.namespace === r.namespace && x.metadata.name?.toLowerCase() === r.service,
  );
  if (!svc) return undefined;
  const service = svc.metadata.name ?? '';
  if (cname) return msg('dns.externalName', { service, target: cname.data, addresses });
  if (r.endpoint) return msg('dns.endpointName', { name: last, service, addresses });
  if (svc.spec.clusterIP === 'None') {
    const pods = readyDnsEndpoints(cluster, svc).flatMap((e) => (e.pod ? [e.pod] : []));
    return msg('dns.headless', { service, count: addresses.length, pods });
  }
  if (addresses.length)
    return msg('dns.clusterIp', { service, type: svc.spec.type ?? 'ClusterIP', addresses });
  return undefined;
}

function failureSentence(
  cluster: ClusterState,
  from: LookupFrom,
  name: string,
  type: RRType,
  result: LookupResult,
  conf: ResolvConf,
  tool: string,
): Msg {
  if (result.rcode === 'TIMEOUT' || result.rcode === 'CONNREFUSED') {
    const why = result.unreachable ?? msg('dns.noAnswer', {});
    return result.rcode === 'TIMEOUT'
      ? msg('dns.timedOut', { server: result.server, why, seconds: result.seconds })
      : msg('dns.refused', { server: result.server, why });
  }
  const zone = cluster.config.dnsDomain;
  const podNs = from.pod?.metadata.namespace ?? 'default';
  const want = intended(name, podNs, zone);
  const notes: Msg[] = [];
  if (from.external) notes.push(msg('dns.outsideClient', {}));
  else if (conf.effectivePolicy === 'Default' && from.pod)
    notes.push(
      msg('dns.nodeResolverPod', {
        policy: from.pod.spec.dnsPolicy ?? 'ClusterFirst',
        hostNetwork: from.pod.spec.hostNetwork === true,
      }),
    );
  else if (!from.pod && !from.external) notes.push(msg('dns.nodeResolver', {}));
  if (
    tool === 'dig' &&
    !name.endsWith('.') &&
    result.queries.length === 1 &&
    labels(name).length < ndotsOf(conf)
  )
    notes.push(msg('dns.digNoSearch', { name: fqdn(name) }));
  if (!want) return notes.length ? sentences(notes) : msg('dns.noSuchName', { name, rcode: result.rcode });
  const svc = findService(cluster, want.namespace, want.service);
  if (svc) {
    if (svc.spec.clusterIP === 'None' && readyDnsEndpoints(cluster, svc).length === 0)
      notes.push(msg('dns.headlessNoEndpoints', { service: key(svc) }));
    else if (result.rcode === 'NOERROR')
      notes.push(msg('dns.noData', { name: `${want.service}.${want.namespace}.svc.${zone}`, type }));
    return sentences(notes);
  }
  const elsewhere = cluster.services.filter(
    (s) => s.metadata.name === want.service && (s.metadata.namespace ?? 'default') !== want.namespace,
  );
  if (elsewhere.length) {
    const found = elsewhere[0]!.metadata.namespace ?? 'default';
    notes.push(msg('dns.otherNamespace', { service: want.service, namespace: want.namespace, found, zone }));
    return sentences(notes);
  }
  const candidates = cluster.services
    .filter((s) => (s.metadata.namespace ?? 'default') === want.namespace)
    .map((s) => ({ s, d: editDistance(want.service, s.metadata.name ?? '') }))
    .filter((x) => x.d <= Math.max(2, Math.floor(want.service.length / 3)))
    .sort((a, b) => a.d - b.d);
  if (candidates.length) {
    const best = candidates[0]!.s.metadata.name ?? '';
    notes.push(msg('dns.didYouMean', { service: want.service, namespace: want.namespace, best, zone }));
    return sentences(notes);
  }
  notes.push(msg('dns.noService', { service: want.service, namespace: want.namespace, name: fqdn(name) }));
  return sentences(notes);
}

/**
 * The explanation of a lookup result, as a descriptor.
 *
 * @example
 * render(explainLookup(cluster, { pod }, 'db', 'A', result, conf, 'getaddrinfo'), 'en');
 * // "db has fewer than 5 dots (ndots:5), so the resolver appended the search domains …"
 */
export function explainLookup(
  cluster: ClusterState,
  from: LookupFrom,
  name: string,
  type: RRType,
  result: LookupResult,
  conf: ResolvConf,
  tool: string,
): Msg {
  if (result.source === 'hosts')
    return msg('dns.hosts', { name, addresses: result.answer.map((r) => r.data) });
  if (result.rcode === 'NOERROR' && result.answer.length > 0)
    return sentences([searchSentence(name, result, conf), successSentence(cluster, result)]);
  return failureSentence(cluster, from, name, type, result, conf, tool);
}
