/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go, syncService), for one Service:
 *
 * - ExternalName Services and Services without a selector get nothing from it (hand-written Endpoints
 *   are kept as written);
 * - pods of the Service's namespace matching the selector are candidates; ShouldPodBeInEndpoints drops
 *   terminal pods (Succeeded/Failed), pods without an IP, and terminating pods unless
 *   publishNotReadyAddresses is set;
 * - each service port is resolved per pod with FindPort (a pod that cannot resolve it is skipped for that
 *   port); a headless Service without ports lists addresses without ports;
 * - ready pods (or all, with publishNotReadyAddresses) go to `addresses`, the rest to `notReadyAddresses`;
 * - the subsets are repacked (RepackSubsets): addresses offering the same port set share one subset;
 * - labels: the Service's labels, `endpoints.kubernetes.io/managed-by: endpoint-controller`, and
 *   `service.kubernetes.io/headless: ""` for headless Services; over 1000 addresses the list is truncated
 *   and annotated `endpoints.kubernetes.io/over-capacity: truncated`.
 *
 * - the order is SortSubsets': addresses by their IP as a string (so 10.244.1.10 comes before 10.244.1.9),
 *   then pod UID; ports and subsets by the MD5 of their Go dump (spew-hash.ts).
 *
 * @example
 * endpointsFor(svc, index.select('default', svc.spec.selector), '2026-01-01T00:00:00Z');
 * // { kind: 'Endpoints', subsets: [{ addresses: [{ ip: '10.244.1.2', … }], ports: [{ port: 8080, … }] }] }
 */
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Endpoints,
  Pod,
  Service,
  ServicePort,
} from '../k8s/objects';
import { isPodTerminal } from '../k8s/pod';
import { endpointCandidates, samePorts, type EndpointCandidate } from './endpoint-candidates';
import { byCodeUnits } from '../util/compare';
import { portDump, sortByDumpHash, subsetDump } from './spew-hash';

export const ENDPOINTS_MANAGED_BY_LABEL = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
export const ENDPOINTS_MAX_CAPACITY = 1000;

/** ShouldPodBeInEndpoints (k8s.io/endpointslice/util). */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length ?? 0)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod names this Service as its subdomain and has a hostname. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return (
    !!pod.spec.hostname &&
    pod.spec.subdomain === svc.metadata.name &&
    (pod.metadata.namespace ?? 'default') === (svc.metadata.namespace ?? 'default')
  );
}

/** The Service has a selector the controllers act on (a nil or empty selector means none). */
export function hasSelector(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && Object.keys(svc.spec.selector ?? {}).length > 0;
}

const portKey = (p: EndpointPort): string =>
  `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`;

/**
 * LessEndpointAddress: the IPs compared as strings (bytes.Compare), then a missing targetRef first, then
 * the pods' UIDs.
 */
function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  const byIp = byCodeUnits(a.ip, b.ip);
  if (byIp !== 0 || a.targetRef === b.targetRef) return byIp;
  if (!a.targetRef) return -1;
  if (!b.targetRef) return 1;
  return byCodeUnits(a.targetRef.uid ?? '', b.targetRef.uid ?? '');
}

/**
 * RepackSubsets: map every port to the set of (address, ready) offering it, then group ports whose sets
 * are equal into one subset. Addresses sort by IP then pod UID.
 *
 * @example
 * repackSubsets([{ addresses: [a], ports: [p80] }, { addresses: [a], ports: [p443] }]);
 * // [{ addresses: [a], ports: [p443, p80] }]
 */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const portToAddrs = new Map<
    string,
    { port: EndpointPort | null; addrs: Map<string, [EndpointAddress, boolean]> }
  >();
  const add = (port: EndpointPort | null, addr: EndpointAddress, ready: boolean): void => {
    const k = port ? portKey(port) : '\u0000sentinel';
    let e = portToAddrs.get(k);
    if (!e) portToAddrs.set(k, (e = { port, addrs: new Map() }));
    e.addrs.set(`${addr.ip}\u0000${addr.targetRef?.uid ?? ''}`, [addr, ready]);
  };
  for (const ss of subsets) {
    const ports: (EndpointPort | null)[] = ss.ports?.length ? ss.ports : [null];
    for (const port of ports) {
      for (const a of ss.addresses ?? []) add(port, a, true);
      for (const a of ss.notReadyAddresses ?? []) add(port, a, false);
    }
  }
  const groups = new Map<string, { addrs: [EndpointAddress, boolean][]; ports: EndpointPort[] }>();
  for (const { port, addrs } of portToAddrs.values()) {
    const list = [...addrs.entries()].sort(([a], [b]) => byCodeUnits(a, b));
    const key = list.map(([k, [, r]]) => `${k}\u0000${r}`).join('\u0001');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { addrs: list.map(([, v]) => v), ports: [] }));
    if (port) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready = g.addrs
      .filter(([, r]) => r)
      .map(([a]) => a)
      .sort(lessAddress);
    const notReady = g.addrs
      .filter(([, r]) => !r)
      .map(([a]) => a)
      .sort(lessAddress);
    const ss: EndpointSubset = {};
    if (ready.length) ss.addresses = ready;
    if (notReady.length) ss.notReadyAddresses = notReady;
    if (g.ports.length) ss.ports = sortPorts(g.ports);
    out.push(ss);
  }
  return sortByDumpHash(out, subsetDump);
}

function truncate(subsets: EndpointSubset[]): boolean {
  let total = 0;
  for (const s of subsets) total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  if (total <= ENDPOINTS_MAX_CAPACITY) return false;
  // Upstream keeps ready addresses first, spread over subsets in proportion to their size.
  let budget = ENDPOINTS_MAX_CAPACITY;
  for (const s of subsets) {
    const keepReady = Math.min(s.addresses?.length ?? 0, budget);
    if (s.addresses) s.addresses = s.addresses.slice(0, keepReady);
    budget -= keepReady;
  }
  for (const s of subsets) {
    const keep = Math.min(s.notReadyAddresses?.length ?? 0, budget);
    if (s.notReadyAddresses) s.notReadyAddresses = s.notReadyAddresses.slice(0, keep);
    budget -= keep;
  }
  return true;
}

/**
 * The Endpoints object the controller writes for a Service with a selector, given the pods the selector
 * matches (in creation order).
 *
 * @example
 * endpointsFor(svc, pods, '2026-01-01T00:00:00Z').subsets?.[0]?.addresses?.map((a) => a.ip); // ["10.244.0.2"]
 */
export function endpointsFor(svc: Service, pods: Pod[], triggerTime: string): Endpoints {
  return endpointsFromCandidates(svc, endpointCandidates(svc, pods), triggerTime);
}

const endpointPort = (sp: ServicePort, port: number): EndpointPort => {
  const p: EndpointPort = sp.name !== undefined ? { name: sp.name, port } : { port };
  p.protocol = sp.protocol ?? 'TCP';
  if (sp.appProtocol) p.appProtocol = sp.appProtocol;
  return p;
};

/** The address of a candidate in Endpoints (shares the candidate's targetRef). */
function addressOf(c: EndpointCandidate): EndpointAddress {
  const a: EndpointAddress = { ip: c.ip };
  if (c.hostname !== undefined) a.hostname = c.hostname;
  if (c.nodeName !== undefined) a.nodeName = c.nodeName;
  a.targetRef = c.targetRef;
  return a;
}

/**
 * RepackSubsets for the usual case, where every pod resolved every port alike: one subset with all the
 * ports, addresses sorted by IP then pod UID. Undefined when the general repack is needed (pods that
 * resolve ports differently, or two addresses with the same IP and UID).
 */
function singleSubset(
  svc: Service,
  cands: EndpointCandidate[],
  readyOf: (c: EndpointCandidate) => boolean,
): EndpointSubset[] | undefined {
  if (!samePorts(cands)) return undefined;
  const resolved = cands[0]!.ports;
  const svcPorts = svc.spec.ports ?? [];
  if (resolved.some((p) => p === undefined)) return undefined;
  const ports = svcPorts.map((sp, i) => endpointPort(sp, resolved[i]!));
  const keyed = [...cands].sort(
    (a, b) => byCodeUnits(a.ip, b.ip) || byCodeUnits(a.targetRef.uid!, b.targetRef.uid!),
  );
  for (let i = 1; i < keyed.length; i++)
    if (keyed[i]!.ip === keyed[i - 1]!.ip && keyed[i]!.targetRef.uid === keyed[i - 1]!.targetRef.uid)
      return undefined;
  const addresses: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const c of keyed) (readyOf(c) ? addresses : notReady).push(addressOf(c));
  const ss: EndpointSubset = {};
  if (addresses.length) ss.addresses = addresses;
  if (notReady.length) ss.notReadyAddresses = notReady;
  if (ports.length) ss.ports = sortPorts(ports);
  return [ss];
}

/** portsByHash. */
const sortPorts = (ports: EndpointPort[]): EndpointPort[] => sortByDumpHash(ports, portDump);

/**
 * The Endpoints object from the Service's endpoint candidates (see endpoint-candidates.ts).
 *
 * @example
 * endpointsFromCandidates(svc, endpointCandidates(svc, pods), t).subsets?.length; // 1
 */
export function endpointsFromCandidates(
  svc: Service,
  candidates: EndpointCandidate[],
  triggerTime: string,
): Endpoints {
  const tolerate = svc.spec.publishNotReadyAddresses === true;
  const headless = svc.spec.clusterIP === 'None';
  const svcPorts = svc.spec.ports ?? [];
  const cands = tolerate ? candidates : candidates.filter((c) => !c.terminating);
  const readyOf = (c: EndpointCandidate): boolean => tolerate || c.serving;
  let subsets: EndpointSubset[];
  if (cands.length === 0 || (svcPorts.length === 0 && !headless)) subsets = [];
  else subsets = singleSubset(svc, cands, readyOf) ?? repackSubsets(rawSubsets(svc, cands, readyOf));
  const labels: Record<string, string> = { ...svc.metadata.labels };
  if (headless) labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  labels[ENDPOINTS_MANAGED_BY_LABEL] = ENDPOINTS_CONTROLLER_NAME;
  const annotations: Record<string, string> = { [LAST_CHANGE_TRIGGER_TIME]: triggerTime };
  if (truncate(subsets)) annotations[OVER_CAPACITY] = 'truncated';
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata.name ?? '',
      namespace: svc.metadata.namespace ?? 'default',
      labels,
      annotations,
    },
    ...(subsets.length ? { subsets } : {}),
  };
}

/** One subset per (pod, resolved port), as syncService builds them before repacking. */
function rawSubsets(
  svc: Service,
  cands: EndpointCandidate[],
  readyOf: (c: EndpointCandidate) => boolean,
): EndpointSubset[] {
  const raw: EndpointSubset[] = [];
  const svcPorts = svc.spec.ports ?? [];
  for (const c of cands) {
    const epa = addressOf(c);
    const put = (ports?: EndpointPort[]): void => {
      const ss: EndpointSubset = readyOf(c) ? { addresses: [epa] } : { notReadyAddresses: [epa] };
      if (ports) ss.ports = ports;
      raw.push(ss);
    };
    if (svcPorts.length === 0) {
      put();
      continue;
    }
    svcPorts.forEach((sp, i) => {
      const n = c.ports[i];
      if (n !== undefined) put([endpointPort(sp, n)]);
    });
  }
  return raw;
}
