/**
 * One or two sentences a student can read about a lookup: why a short name resolved (which search
 * suffix), why a headless name returned several addresses, and why a name did not resolve (wrong
 * namespace, a typo, no ready endpoints, dig without +search, a pod that does not use cluster DNS).
 */
import type { ClusterState } from '../cluster/state';
import type { Service } from '../k8s/objects';
import { msg, render } from '../messages';
import { corednsSettings } from './coredns';
import { readyDnsEndpoints } from './dns-endpoints';
import { parseName } from './kubernetes-plugin';
import { fqdn, inZone, labels, type RRType } from './records';
import { ndotsOf, type ResolvConf } from './resolv-conf';
import type { LookupFrom, LookupResult } from './resolver';

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
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;

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

function searchSentence(name: string, result: LookupResult, conf: ResolvConf): string {
  const q = result.queries;
  const answered = q[q.length - 1] ?? fqdn(name);
  if (q.length === 0 || answered === fqdn(name)) {
    if (q.length > 1)
      return `The resolver first tried ${plural(q.length - 1, 'search-suffixed name')} (${name} has fewer than ${ndotsOf(conf)} dots, ndots:${ndotsOf(conf)}), which did not exist, then asked for ${answered} as-is.`;
    return '';
  }
  const suffix = answered.slice(fqdn(name).length - 1, -1).replace(/^\./, '');
  const nth = q.length === 1 ? 'on the first try' : `after ${plural(q.length - 1, 'NXDOMAIN')}`;
  return `${name} has fewer than ${ndotsOf(conf)} dots (ndots:${ndotsOf(conf)}), so the resolver appended the search domains from /etc/resolv.conf; ${answered} answered ${nth} (search suffix ${suffix}).`;
}

function successSentence(cluster: ClusterState, result: LookupResult): string {
  const s = corednsSettings(cluster);
  const last = result.queries[result.queries.length - 1] ?? '';
  const cname = result.answer.find((r) => r.type === 'CNAME');
  const addrs = result.answer.filter((r) => r.type === 'A' || r.type === 'AAAA').map((r) => r.data);
  if (result.source === 'upstream' || !inZone(last, s.clusterZone)) {
    if (result.source === 'cluster-dns' && !inZone(last, s.clusterZone) && !last.endsWith('.arpa.'))
      return `${last} is not a cluster name, so CoreDNS forwarded it to the upstream resolver (forward . /etc/resolv.conf).`;
    return '';
  }
  const r = parseName(last, s.clusterZone);
  if (!r || r === 'apex' || !r.namespace || !r.service) return '';
  if (r.podOrSvc === 'pod')
    return `With "pods insecure" CoreDNS answers any a-b-c-d.<namespace>.pod name with the address written in it (${addrs.join(', ')}).`;
  const svc = cluster.services.find(
    (x) => x.metadata.namespace === r.namespace && x.metadata.name?.toLowerCase() === r.service,
  );
  if (!svc) return '';
  if (cname) {
    const tail = addrs.length ? `, which resolved to ${addrs.join(', ')}` : '';
    return `${svc.metadata.name} is an ExternalName Service: CoreDNS answers with a CNAME to ${cname.data}${tail}; no proxying happens, the client connects to that name's address.`;
  }
  if (r.endpoint)
    return `${last} names one endpoint of Service ${svc.metadata.name}, so DNS returns that pod's address ${addrs.join(', ')}.`;
  if (svc.spec.clusterIP === 'None') {
    const eps = readyDnsEndpoints(cluster, svc);
    const pods = eps.map((e) => e.pod).filter(Boolean);
    return `${svc.metadata.name} is a headless Service (clusterIP: None): CoreDNS returns one A record per ready endpoint, here ${plural(addrs.length, 'pod address')}${pods.length ? ` (${pods.join(', ')})` : ''}, and the client connects to a pod directly, without kube-proxy.`;
  }
  if (addrs.length)
    return `${svc.metadata.name} is a ${svc.spec.type ?? 'ClusterIP'} Service: DNS returns its one ClusterIP ${addrs.join(', ')}, and kube-proxy picks a pod for each connection.`;
  return '';
}

function failureSentence(
  cluster: ClusterState,
  from: LookupFrom,
  name: string,
  type: RRType,
  result: LookupResult,
  conf: ResolvConf,
  tool: string,
): string {
  if (result.rcode === 'TIMEOUT' || result.rcode === 'CONNREFUSED') {
    const why = result.unreachable ?? '';
    const m =
      result.rcode === 'TIMEOUT'
        ? msg('dns.timedOut', { server: result.server, why, seconds: result.seconds })
        : msg('dns.refused', { server: result.server, why });
    // Explanations are still strings; i18n's Msg carriers will take the descriptor as it is.
    return render(m, 'en');
  }
  const zone = cluster.config.dnsDomain;
  const podNs = from.pod?.metadata.namespace ?? 'default';
  const want = intended(name, podNs, zone);
  const notes: string[] = [];
  if (from.external)
    notes.push(
      'Cluster names only resolve inside the cluster: an outside client asks the Internet DNS, which has no cluster.local zone.',
    );
  else if (conf.effectivePolicy === 'Default' && from.pod)
    notes.push(
      `This pod uses the node's resolver (dnsPolicy ${from.pod.spec.dnsPolicy ?? 'ClusterFirst'}${from.pod.spec.hostNetwork ? ' with hostNetwork' : ''}), which knows nothing of cluster names.`,
    );
  else if (!from.pod && !from.external)
    notes.push(
      'A node resolves through its own resolver, not CoreDNS, so cluster names do not resolve there.',
    );
  if (
    tool === 'dig' &&
    !name.endsWith('.') &&
    result.queries.length === 1 &&
    labels(name).length < ndotsOf(conf)
  )
    notes.push(`dig does not use the search list unless you add +search: it asked for ${fqdn(name)} only.`);
  if (!want) return notes.join(' ') || `${name} does not exist (${result.rcode}).`;
  const svc = findService(cluster, want.namespace, want.service);
  if (svc) {
    if (svc.spec.clusterIP === 'None' && readyDnsEndpoints(cluster, svc).length === 0)
      notes.push(
        `Service ${key(svc)} is headless and has no ready endpoints, so CoreDNS answers NXDOMAIN: a headless name only carries the addresses of ready pods.`,
      );
    else if (result.rcode === 'NOERROR')
      notes.push(
        `${want.service}.${want.namespace}.svc.${zone} exists but has no ${type} record (NOERROR with no data).`,
      );
    return notes.join(' ');
  }
  const elsewhere = cluster.services.filter(
    (s) => s.metadata.name === want.service && (s.metadata.namespace ?? 'default') !== want.namespace,
  );
  if (elsewhere.length) {
    const ns = elsewhere[0]!.metadata.namespace ?? 'default';
    notes.push(
      `There is no Service ${want.service} in namespace ${want.namespace} (a short name only searches the pod's own namespace); Service ${want.service} exists in namespace ${ns}: use ${want.service}.${ns} or ${want.service}.${ns}.svc.${zone}.`,
    );
    return notes.join(' ');
  }
  const candidates = cluster.services
    .filter((s) => (s.metadata.namespace ?? 'default') === want.namespace)
    .map((s) => ({ s, d: editDistance(want.service, s.metadata.name ?? '') }))
    .filter((x) => x.d <= Math.max(2, Math.floor(want.service.length / 3)))
    .sort((a, b) => a.d - b.d);
  if (candidates.length) {
    const best = candidates[0]!.s.metadata.name;
    notes.push(
      `No Service named ${want.service} exists in namespace ${want.namespace}. Did you mean ${best} (${best}.${want.namespace}.svc.${zone})?`,
    );
    return notes.join(' ');
  }
  notes.push(
    `No Service named ${want.service} exists in namespace ${want.namespace}, and the upstream resolver does not know ${fqdn(name)} either.`,
  );
  return notes.join(' ');
}

/**
 * The explanation of a lookup result.
 *
 * @example
 * explainLookup(cluster, { pod }, 'db', 'A', result, conf, 'getaddrinfo');
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
): string {
  if (result.source === 'hosts')
    return `${name} resolved from /etc/hosts (${result.answer.map((r) => r.data).join(', ')}), which kubelet writes with the pod's own hostname and hostAliases; DNS was not asked.`;
  if (result.rcode === 'NOERROR' && result.answer.length > 0) {
    return [searchSentence(name, result, conf), successSentence(cluster, result)].filter(Boolean).join(' ');
  }
  return failureSentence(cluster, from, name, type, result, conf, tool);
}
