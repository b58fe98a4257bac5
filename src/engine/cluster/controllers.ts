/**
 * Runs the endpoint controllers over a cluster whose Services are allocated and whose pods are running:
 * Endpoints + EndpointSlices for every Service with a selector, mirrored slices for hand-written Endpoints
 * of selector-less Services, and the user's own EndpointSlices kept as written (the controller only ever
 * touches slices it manages). A hand-written Endpoints object for a Service that has a selector is
 * replaced by the controller's, as in a real cluster.
 *
 * @example
 * const { endpoints, endpointSlices } = runEndpointControllers(input);
 */
import { nodeZone } from '../k8s/node';
import type { EndpointSlice, Endpoints, Node, Pod, Service } from '../k8s/objects';
import { nsName } from './cluster-index';
import { candidatesOfFamily, endpointCandidates, serviceFamilies } from './endpoint-candidates';
import { endpointsFromCandidates, hasSelector } from './endpoints';
import { mirrorEndpoints, SliceNamer, slicesFromCandidates } from './endpoint-slice';
import { PodIndex } from './pod-index';
import { zoneCpuRatios } from './topology-cache';

export interface ControllerInput {
  services: Service[];
  pods: Pod[];
  nodes: Node[];
  /** Endpoints and EndpointSlices from the YAML (and system objects), in creation order. */
  givenEndpoints: Endpoints[];
  givenSlices: EndpointSlice[];
  seed: number;
  triggerTime: string; // "2026-01-01T00:00:00Z"
  /** Reuse hook for incremental builds: return cached output for a Service, or undefined to compute. */
  reuse?: (
    svc: Service,
    pods: Pod[],
    nodes: Node[],
  ) => { endpoints: Endpoints; slices: EndpointSlice[] } | undefined;
}

export interface ControllerOutput {
  endpoints: Endpoints[];
  endpointSlices: EndpointSlice[];
  /** Per Service key "ns/name", what the controllers made for it (for incremental reuse). */
  made: Map<string, { endpoints: Endpoints; slices: EndpointSlice[]; pods: Pod[] }>;
  /** Hand-written Endpoints that the controller replaced (for a lint). */
  replaced: Endpoints[];
  /** The pod index the controllers used (shared with the lints). */
  index: PodIndex;
}

/**
 * Derives Endpoints and EndpointSlices.
 *
 * @example
 * runEndpointControllers({ services, pods, nodes, givenEndpoints: [], givenSlices: [], seed: 1, triggerTime: t })
 *   .endpointSlices.length; // ≥ one per Service with a selector
 */
export function runEndpointControllers(input: ControllerInput): ControllerOutput {
  const index = new PodIndex(input.pods);
  const zones = new Map(input.nodes.map((n) => [n.metadata.name ?? '', nodeZone(n)]));
  const zoneOf = (n: string): string | undefined => zones.get(n);
  // The topology cache's zone weights (SetNodes), computed once for the Services that ask for hints.
  let ratios: { value: Map<string, number> | undefined } | undefined;
  const zoneRatios = (): Map<string, number> | undefined =>
    (ratios ??= { value: zoneCpuRatios(input.nodes) }).value;
  const namer = new SliceNamer(input.seed, new Set(input.givenSlices.map(nsName)));
  const byKey = new Map(input.services.map((s) => [nsName(s), s]));
  const endpoints: Endpoints[] = [];
  const endpointSlices: EndpointSlice[] = [...input.givenSlices];
  const made: ControllerOutput['made'] = new Map();
  const replaced: Endpoints[] = [];
  const managed = new Set<string>();
  for (const svc of input.services) {
    if (!hasSelector(svc)) continue;
    const key = nsName(svc);
    managed.add(key);
    const pods = index.select(svc.metadata.namespace ?? 'default', svc.spec.selector!);
    let out = input.reuse?.(svc, pods, input.nodes);
    if (out) for (const s of out.slices) namer.reserve(s);
    else {
      // Both controllers read the same per-pod facts: computed once, targetRefs shared.
      const cands = endpointCandidates(svc, pods);
      // Endpoints holds the Service's primary family; the EndpointSlice controller writes slices per family.
      const families = serviceFamilies(svc);
      out = {
        endpoints: endpointsFromCandidates(svc, candidatesOfFamily(cands, families[0]!), input.triggerTime),
        slices: families.flatMap((fam) =>
          slicesFromCandidates(
            svc,
            candidatesOfFamily(cands, fam),
            zoneOf,
            namer,
            input.seed,
            input.triggerTime,
            fam === 'IPv6' ? 'IPv6' : 'IPv4',
            zoneRatios,
          ),
        ),
      };
    }
    endpoints.push(out.endpoints);
    endpointSlices.push(...out.slices);
    made.set(key, { endpoints: out.endpoints, slices: out.slices, pods });
  }
  for (const ep of input.givenEndpoints) {
    const key = nsName(ep);
    if (managed.has(key)) {
      replaced.push(ep);
      continue;
    }
    endpoints.push(ep);
    const svc = byKey.get(key);
    // Mirroring needs the Service (selector-less) to exist; ExternalName Services are not mirrored either,
    // nor Endpoints labelled skip-mirror (the API server's own default/kubernetes: mirrorEndpoints).
    if (svc && svc.spec.type !== 'ExternalName')
      endpointSlices.push(...mirrorEndpoints(ep, svc, namer, input.seed, input.triggerTime));
  }
  return { endpoints, endpointSlices, made, replaced, index };
}
