/**
 * CoreDNS's kubernetes plugin (coredns/coredns plugin/kubernetes: parse.go, kubernetes.go `findServices`
 * / `findPods`, reverse.go, and plugin/backend_lookup.go for A/SRV/PTR assembly), answering from the
 * ClusterState as the plugin answers from its API watch. Names are matched case-insensitively.
 */
import { clusterIndex } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Service } from '../k8s/objects';
import { isIPv4, isIPv6 } from '../net/ip';
import type { CorednsSettings } from './coredns';
import { endpointLabel, serviceEndpoints } from './dns-endpoints';
import {
  addressFromReverse,
  addressType,
  fqdn,
  inZone,
  ipFromDashed,
  labels,
  type DnsRecord,
  type RRType,
} from './records';

/** One backend item, as CoreDNS's msg.Service: an address (or a CNAME target) with a port and owner name. */
interface Item {
  host: string; // "10.96.0.42" or "db.example.com" (ExternalName)
  port?: number;
  target: string; // "db.shop.svc.cluster.local." or "10-244-1-5.mongo.shop.svc.cluster.local."
}

/** A parsed request below the cluster zone (parse.go). */
export interface ParsedName {
  podOrSvc: string; // "svc" | "pod"
  namespace?: string;
  service?: string;
  endpoint?: string;
  port?: string;
  protocol?: string;
}

/** The SOA serial: the simulated clock's epoch (2026-01-01T00:00:00Z) as CoreDNS uses the last change time. */
export const SOA_SERIAL = 1767225600;

/** The SOA CoreDNS puts in the authority section of its negative answers. */
export function soaRecord(s: CorednsSettings, zone = s.clusterZone): DnsRecord {
  return {
    name: zone,
    ttl: s.ttl,
    type: 'SOA',
    data: `ns.dns.${zone} hostmaster.${zone} ${SOA_SERIAL} 7200 1800 86400 ${s.ttl}`,
  };
}

const strip = (l: string) => (l.startsWith('_') ? l.slice(1) : l);

/** parse.go: `[[_port._proto.|endpoint.]service.]namespace.(svc|pod)`; undefined for invalid requests. */
export function parseName(qname: string, zone: string): ParsedName | undefined | 'apex' {
  const segs = labels(qname).slice(0, labels(qname).length - labels(zone).length);
  if (segs.length === 0) return 'apex';
  const r: ParsedName = { podOrSvc: segs.pop()! };
  if (r.podOrSvc !== 'svc' && r.podOrSvc !== 'pod') return undefined;
  r.namespace = segs.pop();
  r.service = segs.pop();
  if (segs.length === 1) r.endpoint = segs[0];
  else if (segs.length === 2) [r.port, r.protocol] = [strip(segs[0]!), strip(segs[1]!)];
  else if (segs.length > 2) return undefined;
  return r;
}

/** A namespace exists when the API server has it (CoreDNS `namespaceExposed`). */
export function namespaceExists(cluster: ClusterState, ns: string): boolean {
  return (
    cluster.namespaces.some((n) => n.metadata.name === ns) ||
    cluster.services.some((s) => s.metadata.namespace === ns) ||
    cluster.pods.some((p) => p.metadata.namespace === ns)
  );
}

const matches = (want: string | undefined, have: string | undefined) =>
  want === undefined || want === '*' || want === (have ?? '').toLowerCase();

/** findServices: the backend items for a parsed service request; [] when the name does not exist. */
/** Services by lower-case "namespace/name", in the cluster's order: a query reads one entry, not every Service. */
function servicesByName(cluster: ClusterState): Map<string, Service[]> {
  const m = new Map<string, Service[]>();
  for (const svc of cluster.services) {
    const k = `${(svc.metadata.namespace ?? 'default').toLowerCase()}/${(svc.metadata.name ?? '').toLowerCase()}`;
    const list = m.get(k);
    if (list) list.push(svc);
    else m.set(k, [svc]);
  }
  return m;
}

function findServices(cluster: ClusterState, s: CorednsSettings, r: ParsedName): Item[] {
  const items: Item[] = [];
  const named =
    r.namespace === undefined || r.service === undefined
      ? []
      : (clusterIndex(cluster).derive(servicesByName).get(`${r.namespace}/${r.service}`) ?? []);
  for (const svc of named) {
    const base = `${r.service}.${r.namespace}.svc.${s.clusterZone}`;
    if (svc.spec.type === 'ExternalName') {
      // A name below an ExternalName Service is not the Service (handler_test: endpoint.external → NXDOMAIN).
      if (r.endpoint !== undefined || !svc.spec.externalName) continue;
      items.push({ host: svc.spec.externalName, target: base });
      continue;
    }
    const headless = svc.spec.clusterIP === 'None';
    if (headless || r.endpoint !== undefined) {
      const seen = new Set<string>();
      for (const e of serviceEndpoints(cluster, svc)) {
        if (!e.ready || seen.has(e.ip)) continue;
        seen.add(e.ip);
        const label = endpointLabel(e, s.endpointPodNames);
        if (r.endpoint !== undefined && label !== r.endpoint) continue;
        const ports = e.ports.length ? e.ports : [{ name: undefined, port: undefined, protocol: undefined }];
        for (const p of ports) {
          if (!matches(r.port, p.name) || !matches(r.protocol, p.protocol)) continue;
          items.push({ host: e.ip, port: p.port, target: `${label}.${base}` });
        }
      }
      continue;
    }
    const ips = svc.spec.clusterIPs?.length
      ? svc.spec.clusterIPs
      : svc.spec.clusterIP
        ? [svc.spec.clusterIP]
        : [];
    for (const ip of ips) {
      for (const p of svc.spec.ports ?? []) {
        if (!matches(r.port, p.name) || !matches(r.protocol, p.protocol ?? 'TCP')) continue;
        items.push({ host: ip, port: p.port, target: base });
      }
    }
  }
  return items;
}

/** findPods: `a-b-c-d.ns.pod.zone` per the `pods` mode. */
function findPods(cluster: ClusterState, s: CorednsSettings, r: ParsedName): Item[] | 'nodata' {
  if (s.pods === 'disabled' || !r.namespace || !namespaceExists(cluster, r.namespace)) return [];
  if (!r.service) return 'nodata';
  if (r.endpoint !== undefined || r.port !== undefined) return [];
  const ip = ipFromDashed(r.service);
  if (!ip) return [];
  const target = `${r.service}.${r.namespace}.pod.${s.clusterZone}`;
  if (s.pods === 'insecure') return [{ host: ip, target }];
  const ok = cluster.pods.some(
    (p) => p.status?.podIP === ip && (p.metadata.namespace ?? 'default') === r.namespace,
  );
  return ok ? [{ host: ip, target }] : [];
}

/** The result of the plugin: a message, or a miss that may fall through to the next plugin. */
export type PluginResult =
  | {
      kind: 'answer';
      rcode: 'NOERROR' | 'NXDOMAIN';
      answer: DnsRecord[];
      additional: DnsRecord[];
      authority: DnsRecord[];
    }
  | { kind: 'cname'; records: DnsRecord[]; target: string };

function nameError(s: CorednsSettings, zone: string): PluginResult {
  return { kind: 'answer', rcode: 'NXDOMAIN', answer: [], additional: [], authority: [soaRecord(s, zone)] };
}
function noData(s: CorednsSettings, zone: string): PluginResult {
  return { kind: 'answer', rcode: 'NOERROR', answer: [], additional: [], authority: [soaRecord(s, zone)] };
}
function answer(s: CorednsSettings, zone: string, ans: DnsRecord[], extra: DnsRecord[] = []): PluginResult {
  if (ans.length === 0) return noData(s, zone);
  return { kind: 'answer', rcode: 'NOERROR', answer: ans, additional: extra, authority: [] };
}

/** The kube-dns Service's ClusterIP(s), for `ns.dns.<zone>`. */
function dnsServiceIPs(cluster: ClusterState): string[] {
  const svc = cluster.services.find(
    (x) => x.metadata.namespace === 'kube-system' && x.metadata.name === 'kube-dns',
  );
  return svc?.spec.clusterIP && svc.spec.clusterIP !== 'None' ? [svc.spec.clusterIP] : [];
}

function reverse(cluster: ClusterState, s: CorednsSettings, ip: string): string[] {
  const bySvc = cluster.services.find((x: Service) => (x.spec.clusterIPs ?? [x.spec.clusterIP]).includes(ip));
  if (bySvc) return [`${bySvc.metadata.name}.${bySvc.metadata.namespace ?? 'default'}.svc.${s.clusterZone}`];
  const out: string[] = [];
  for (const svc of cluster.services) {
    for (const e of serviceEndpoints(cluster, svc)) {
      if (e.ready && e.ip === ip) {
        const name = `${endpointLabel(e, s.endpointPodNames)}.${svc.metadata.name}.${svc.metadata.namespace ?? 'default'}.svc.${s.clusterZone}`;
        if (!out.includes(name)) out.push(name);
      }
    }
  }
  return out;
}

/**
 * The kubernetes plugin's answer for one question inside its zones, or a name error the server may let
 * fall through (`fallthrough in-addr.arpa ip6.arpa`). A CNAME (ExternalName) comes back as `cname` so
 * the server can chase the target internally or through the upstream, as backend_lookup.go does.
 *
 * @example
 * kubernetesPlugin(cluster, settings, 'db.shop.svc.cluster.local.', 'A');
 * // { kind: "answer", rcode: "NOERROR", answer: [{ name: "db.shop.svc.cluster.local.", ttl: 30, type: "A", data: "10.96.0.42" }], … }
 */
export function kubernetesPlugin(
  cluster: ClusterState,
  s: CorednsSettings,
  qnameIn: string,
  qtype: RRType,
): PluginResult {
  const qname = fqdn(qnameIn);
  const zone =
    s.zones.filter((z) => inZone(qname, z)).sort((a, b) => b.length - a.length)[0] ?? s.clusterZone;
  const ttl = s.ttl;

  if (zone !== s.clusterZone) {
    // Reverse zones: PTR from Service ClusterIPs, then from ready endpoints (reverse.go).
    const ip = addressFromReverse(qname);
    if (!ip) return labels(qname).length === labels(zone).length ? noData(s, zone) : nameError(s, zone);
    const names = reverse(cluster, s, ip);
    if (names.length === 0) return nameError(s, zone);
    if (qtype !== 'PTR') return noData(s, zone);
    return answer(
      s,
      zone,
      names.map((n) => ({ name: qname, ttl, type: 'PTR', data: fqdn(n) })),
    );
  }

  if (qname === `dns-version.${zone}`) {
    if (qtype !== 'TXT') return nameError(s, zone);
    return answer(s, zone, [{ name: qname, ttl: 28800, type: 'TXT', data: '"1.1.0"' }]);
  }
  if (qname === `ns.dns.${zone}`) {
    const ips = dnsServiceIPs(cluster).filter((ip) => addressType(ip) === qtype);
    return answer(
      s,
      zone,
      ips.map((ip) => ({ name: qname, ttl, type: addressType(ip), data: ip })),
    );
  }

  const r = parseName(qname, zone);
  if (r === 'apex') {
    if (qtype === 'SOA') return answer(s, zone, [soaRecord(s, zone)]);
    if (qtype === 'NS') {
      const ns = `ns.dns.${zone}`;
      const extra = dnsServiceIPs(cluster).map((ip): DnsRecord => ({
        name: ns,
        ttl,
        type: addressType(ip),
        data: ip,
      }));
      return answer(s, zone, [{ name: zone, ttl, type: 'NS', data: ns }], extra);
    }
    return noData(s, zone);
  }
  if (!r) return nameError(s, zone);

  let items: Item[];
  if (!r.namespace) return noData(s, zone); // "svc.cluster.local." / "pod.cluster.local." exist
  if (r.podOrSvc === 'pod') {
    const found = findPods(cluster, s, r);
    if (found === 'nodata') return noData(s, zone);
    items = found;
  } else {
    if (!namespaceExists(cluster, r.namespace)) return nameError(s, zone);
    if (!r.service) return noData(s, zone); // the namespace exists
    items = findServices(cluster, s, r);
  }
  if (items.length === 0) return nameError(s, zone);
  return assemble(s, zone, qname, qtype, items);
}

/** backend_lookup.go: turn items into records of the asked type. */
function assemble(
  s: CorednsSettings,
  zone: string,
  qname: string,
  qtype: RRType,
  items: Item[],
): PluginResult {
  const ttl = s.ttl;
  const isAddr = (h: string) => isIPv4(h) || isIPv6(h);
  const cname = items.find((i) => !isAddr(i.host));
  if (cname && qtype !== 'SRV' && qtype !== 'TXT') {
    const record: DnsRecord = { name: qname, ttl, type: 'CNAME', data: fqdn(cname.host) };
    if (qtype === 'CNAME' || fqdn(cname.host) === qname) return answer(s, zone, [record]);
    return { kind: 'cname', records: [record], target: fqdn(cname.host) };
  }
  if (qtype === 'A' || qtype === 'AAAA' || qtype === 'ANY') {
    const want = qtype === 'ANY' ? 'A' : qtype;
    const seen = new Set<string>();
    const recs: DnsRecord[] = [];
    for (const i of items) {
      if (addressType(i.host) !== want || seen.has(i.host)) continue;
      seen.add(i.host);
      recs.push({ name: qname, ttl, type: want, data: i.host });
    }
    return answer(s, zone, recs);
  }
  if (qtype === 'SRV') {
    // weight = floor(100 / items) at priority 0; SRV deduplicated on (target, port), extras on (target, address).
    const weight = Math.max(1, Math.floor(100 / items.length));
    const dup = new Set<string>();
    const ans: DnsRecord[] = [];
    const extra: DnsRecord[] = [];
    for (const i of items) {
      if (i.port === undefined) continue;
      const target = fqdn(i.target);
      const k1 = `${target}|${i.port}`;
      if (!dup.has(k1)) {
        dup.add(k1);
        ans.push({ name: qname, ttl, type: 'SRV', data: `0 ${weight} ${i.port} ${target}` });
      }
      const k2 = `${target}|${i.host}`;
      if (!dup.has(k2) && isAddr(i.host)) {
        dup.add(k2);
        extra.push({ name: target, ttl, type: addressType(i.host), data: i.host });
      }
    }
    return answer(s, zone, ans, extra);
  }
  // TXT, PTR, NS, SOA, CNAME on an address name: the name exists without data of that type.
  return noData(s, zone);
}
