/**
 * The EndpointSlice controller (k8s.io/endpointslice reconciler + utils.go podToEndpoint) for one Service
 * with a selector, and the EndpointSlice mirroring controller for hand-written Endpoints of Services
 * without one. kube-proxy reads only EndpointSlices, so both matter for where packets go.
 *
 * Controller rules:
 * - candidates are the selected pods with ShouldPodBeInEndpoints(pod, includeTerminating = true): terminal
 *   and IP-less pods are dropped, terminating pods stay (with terminating: true);
 * - conditions: serving = pod Ready; terminating = deletionTimestamp set;
 *   ready = publishNotReadyAddresses || (serving && !terminating);
 * - ports are resolved per pod with FindPort; pods are grouped by their resolved port set, one slice (or
 *   more, 100 endpoints each: maxEndpointsPerSlice) per group; a Service with no matching pods gets one
 *   empty placeholder slice;
 * - every endpoint carries targetRef, nodeName and the node's zone; hostname when the pod's
 *   hostname/subdomain name this Service;
 * - slice names are generateName `<service>-` + 5 characters (seeded); labels are the Service's labels
 *   plus `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by:
 *   endpointslice-controller.k8s.io` and, for headless Services, `service.kubernetes.io/headless`;
 *   the Service is the controlling owner;
 * - trafficDistribution PreferClose / PreferSameZone hints each ready endpoint for its zone (PreferSameNode
 *   also for its node), endpoint by endpoint (trafficdist.go).
 *
 * @example
 * endpointSlicesFor(svc, pods, zoneOf, 1, '2026-01-01T00:00:00Z')[0].endpoints[0].conditions;
 * // { ready: true, serving: true, terminating: false }
 */
import { SERVICE_NAME_LABEL } from '../k8s/labels';
import type {
  EndpointConditions,
  EndpointPort,
  EndpointSlice,
  Endpoints,
  Pod,
  Service,
  SliceEndpoint,
} from '../k8s/objects';
import {
  candidatesOfFamily,
  endpointCandidates,
  serviceFamilies,
  type EndpointCandidate,
} from './endpoint-candidates';
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME } from './endpoints';
import { randomSuffix, rngFor } from './hash';
import { ownerRef } from './workloads';
import { addTopologyHints, topologyHintsEnabled } from './topology-cache';

export const SLICE_MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
/** Endpoints with this label set to "true" are not mirrored. */
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** Names slices `<base>-xxxxx`, deterministic per owner and seed, unique within the build. */
export class SliceNamer {
  constructor(
    private readonly seed: number,
    private readonly taken = new Set<string>(),
  ) {}

  /** Marks a reused slice's name as taken (incremental builds). */
  reserve(slice: EndpointSlice): void {
    this.taken.add(`${slice.metadata.namespace ?? 'default'}/${slice.metadata.name ?? ''}`);
  }

  name(ns: string, base: string): string {
    const prefix = `${base}-`.slice(0, 58);
    const rng = rngFor(this.seed, `slice:${ns}/${base}`);
    let name = prefix + randomSuffix(rng);
    while (this.taken.has(`${ns}/${name}`)) name = prefix + randomSuffix(rng);
    this.taken.add(`${ns}/${name}`);
    return name;
  }
}

function sliceLabels(
  svc: Service,
  managedBy: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const labels: Record<string, string> = { ...extra };
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {}))
    if (k !== SERVICE_NAME_LABEL && k !== SLICE_MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = v;
  labels[SERVICE_NAME_LABEL] = svc.metadata.name ?? '';
  labels[SLICE_MANAGED_BY_LABEL] = managedBy;
  if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
  return labels;
}

function newSlice(
  svc: Service,
  name: string,
  ports: EndpointPort[],
  endpoints: SliceEndpoint[],
  seed: number,
  triggerTime: string,
  addressType: 'IPv4' | 'IPv6',
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace ?? 'default',
      labels: sliceLabels(svc, SLICE_CONTROLLER_NAME),
      annotations: { [LAST_CHANGE_TRIGGER_TIME]: triggerTime },
      ownerReferences: [ownerRef(svc, seed)],
    },
    addressType,
    endpoints,
    ports,
  };
}

/**
 * The controller's slices for one Service with a selector.
 *
 * @example
 * endpointSlicesFor(svc, [], zoneOf, namer, 1, t); // one placeholder slice, endpoints [] and ports []
 */
export function endpointSlicesFor(
  svc: Service,
  pods: Pod[],
  zoneOf: (nodeName: string) => string | undefined,
  namer: SliceNamer,
  seed: number,
  triggerTime: string,
): EndpointSlice[] {
  const cands = endpointCandidates(svc, pods);
  const families = serviceFamilies(svc);
  return families.flatMap((fam) =>
    slicesFromCandidates(
      svc,
      candidatesOfFamily(cands, fam),
      zoneOf,
      namer,
      seed,
      triggerTime,
      fam === 'IPv6' ? 'IPv6' : 'IPv4',
    ),
  );
}

/** The endpoint conditions, one frozen object per combination (a build has one endpoint per pod). */
const CONDITIONS = new Map<number, EndpointConditions>();
for (let i = 0; i < 8; i++)
  CONDITIONS.set(
    i,
    Object.freeze({ ready: (i & 4) !== 0, serving: (i & 2) !== 0, terminating: (i & 1) !== 0 }),
  );
const conditionsOf = (ready: boolean, serving: boolean, terminating: boolean): EndpointConditions =>
  CONDITIONS.get((ready ? 4 : 0) | (serving ? 2 : 0) | (terminating ? 1 : 0))!;

/**
 * The controller's slices from the Service's endpoint candidates (see endpoint-candidates.ts): pods are
 * grouped by their resolved port set, 100 endpoints per slice.
 *
 * @example
 * slicesFromCandidates(svc, endpointCandidates(svc, pods), zoneOf, namer, 1, t).length; // 1
 */
export function slicesFromCandidates(
  svc: Service,
  cands: EndpointCandidate[],
  zoneOf: (nodeName: string) => string | undefined,
  namer: SliceNamer,
  seed: number,
  triggerTime: string,
  addressType: 'IPv4' | 'IPv6' = 'IPv4',
  zoneRatios?: () => Map<string, number> | undefined,
): EndpointSlice[] {
  const svcPorts = svc.spec.ports ?? [];
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: SliceEndpoint[] }>();
  // Pods whose resolution is the same array (pods of one template) share the group without a key.
  let lastResolved: (number | undefined)[] | undefined;
  let lastGroup: { ports: EndpointPort[]; endpoints: SliceEndpoint[] } | undefined;
  const all: SliceEndpoint[] = [];
  for (const c of cands) {
    let g = c.ports === lastResolved ? lastGroup : undefined;
    if (!g) {
      const ports: EndpointPort[] = [];
      svcPorts.forEach((sp, i) => {
        const n = c.ports[i];
        if (n === undefined) return;
        const p: EndpointPort = { name: sp.name ?? '', port: n, protocol: sp.protocol ?? 'TCP' };
        if (sp.appProtocol) p.appProtocol = sp.appProtocol;
        ports.push(p);
      });
      const key = ports.map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`).join(',');
      g = groups.get(key);
      if (!g) groups.set(key, (g = { ports, endpoints: [] }));
      lastResolved = c.ports;
      lastGroup = g;
    }
    const ready = publishNotReady || (c.serving && !c.terminating);
    const ep: SliceEndpoint = c.hostname
      ? {
          addresses: [c.ip],
          conditions: conditionsOf(ready, c.serving, c.terminating),
          hostname: c.hostname,
          targetRef: c.targetRef,
        }
      : {
          addresses: [c.ip],
          conditions: conditionsOf(ready, c.serving, c.terminating),
          targetRef: c.targetRef,
        };
    if (c.nodeName) {
      ep.nodeName = c.nodeName;
      const zone = zoneOf(c.nodeName);
      if (zone) ep.zone = zone;
    }
    g.endpoints.push(ep);
    all.push(ep);
  }
  // The topology annotation takes the hints over from trafficDistribution (reconciler: canUseTrafficDistribution).
  if (topologyHintsEnabled(svc)) addTopologyHints(all, zoneRatios?.(), addressType);
  else applyHints(svc, all);
  const ns = svc.metadata.namespace ?? 'default';
  const base = svc.metadata.name ?? '';
  const slices: EndpointSlice[] = [];
  for (const g of groups.values())
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
      slices.push(
        newSlice(
          svc,
          namer.name(ns, base),
          g.ports,
          g.endpoints.length <= MAX_ENDPOINTS_PER_SLICE
            ? g.endpoints
            : g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
          seed,
          triggerTime,
          addressType,
        ),
      );
  // reconcileByAddressType: a placeholder slice for each of the Service's address types with no endpoints.
  if (slices.length === 0)
    slices.push(newSlice(svc, namer.name(ns, base), [], [], seed, triggerTime, addressType));
  return slices;
}

/**
 * trafficdist's preferCloseHeuristic (k8s.io/endpointslice/trafficdist): each ready endpoint on its own
 * gets a hint for its zone when it has one and, for PreferSameNode, for its node when it has one. Unready
 * endpoints get none (kube-proxy ignores them for topology anyway); an endpoint without a zone does not
 * take the other endpoints' hints away (kube-proxy then falls back to every endpoint, see
 * proxy/shared/topology.ts). Any other value, or none, means no hints.
 */
function applyHints(svc: Service, endpoints: SliceEndpoint[]): void {
  const td = svc.spec.trafficDistribution;
  if (td !== 'PreferClose' && td !== 'PreferSameZone' && td !== 'PreferSameNode') return;
  for (const e of endpoints) {
    if (e.conditions?.ready !== true) continue;
    const hints: NonNullable<SliceEndpoint['hints']> = {};
    if (e.zone) hints.forZones = [{ name: e.zone }];
    if (td === 'PreferSameNode' && e.nodeName) hints.forNodes = [{ name: e.nodeName }];
    if (hints.forZones || hints.forNodes) e.hints = hints;
  }
}

/**
 * The mirroring controller: one slice per subset of a hand-written Endpoints object whose Service has no
 * selector (ready = listed under `addresses`), labelled managed-by endpointslicemirroring-controller.k8s.io
 * and owned by the Endpoints object.
 *
 * @example
 * mirrorEndpoints(ep, svc, namer, 1, t)[0].endpoints[0]; // { addresses: ["10.0.0.5"], conditions: { ready: true } }
 */
export function mirrorEndpoints(
  ep: Endpoints,
  svc: Service,
  namer: SliceNamer,
  seed: number,
  triggerTime: string,
): EndpointSlice[] {
  if (ep.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true') return [];
  const ns = ep.metadata.namespace ?? 'default';
  const out: EndpointSlice[] = [];
  for (const ss of ep.subsets ?? []) {
    const toEp =
      (ready: boolean) =>
      (a: NonNullable<typeof ss.addresses>[number]): SliceEndpoint => ({
        addresses: [a.ip],
        conditions: { ready },
        ...(a.hostname ? { hostname: a.hostname } : {}),
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        ...(a.targetRef ? { targetRef: a.targetRef } : {}),
      });
    const all = [...(ss.addresses ?? []).map(toEp(true)), ...(ss.notReadyAddresses ?? []).map(toEp(false))];
    const labels: Record<string, string> = { ...ep.metadata.labels };
    labels[SERVICE_NAME_LABEL] = svc.metadata.name ?? '';
    labels[SLICE_MANAGED_BY_LABEL] = MIRRORING_CONTROLLER_NAME;
    // The mirroring controller writes the addresses of each family into slices of that addressType.
    for (const addressType of ['IPv4', 'IPv6'] as const) {
      const endpoints = all.filter((e) => (e.addresses[0] ?? '').includes(':') === (addressType === 'IPv6'));
      if (endpoints.length === 0) continue;
      out.push({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: namer.name(ns, ep.metadata.name ?? ''),
          generateName: `${ep.metadata.name}-`,
          namespace: ns,
          labels,
          annotations: { [LAST_CHANGE_TRIGGER_TIME]: triggerTime },
          ownerReferences: [ownerRef(ep, seed)],
        },
        addressType,
        endpoints,
        ports: (ss.ports ?? []).map((p) => ({
          name: p.name ?? '',
          port: p.port,
          protocol: p.protocol ?? 'TCP',
          ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
        })),
      });
    }
  }
  return out;
}
