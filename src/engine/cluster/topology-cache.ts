/**
 * Topology Aware Routing's hints, the older way: a Service annotated `service.kubernetes.io/topology-mode:
 * Auto` (or the deprecated `service.kubernetes.io/topology-aware-hints`, which wins when both are set) has
 * its EndpointSlices hinted by the EndpointSlice controller's topology cache
 * (k8s.io/endpointslice/topologycache), not by trafficDistribution, which the annotation switches off.
 *
 * The cache weighs each zone by the allocatable CPU of its ready nodes (control-plane nodes left out;
 * SetNodes), then gives each zone a share of the Service's ready endpoints in proportion (getAllocations:
 * at least desired / 1.2, so that no endpoint is overloaded by more than 20 %), hints every ready endpoint
 * for its own zone and moves hints from zones with too many to zones with too few (getGivingAndReceivingZones,
 * redistributeHints). It refuses, removes every hint and records a Warning event TopologyAwareHintsDisabled
 * on the Service when a node lacks a zone or CPU, when fewer than two zones have ready nodes, when there are
 * fewer ready endpoints than zones, when the minimums cannot be met, or when an endpoint has no zone.
 * Upstream walks zones in Go map order; svclab walks them by name, so a scene always gives the same hints.
 *
 * @example
 * const ratios = zoneCpuRatios(nodes); // { ratios: Map { "zone-a" => 0.5, "zone-b" => 0.25, … } }
 * addTopologyHints(endpoints, ratios, 'IPv4'); // undefined, or the event that disabled the hints
 */
import { nodeZone } from '../k8s/node';
import type { Node, Service, SliceEndpoint } from '../k8s/objects';
import { byCodeUnits } from '../util/compare';
import { parseQuantity } from '../manifest/validate/quantity';

/** The annotation and its deprecated predecessor (hintsEnabled: the deprecated one first). */
export const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
export const TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';

/** hintsEnabled: the topology annotation set to "Auto" or "auto". */
export function topologyHintsEnabled(svc: Service): boolean {
  const a = (svc.metadata.annotations ?? {}) as Record<string, string>;
  const val = TOPOLOGY_AWARE_HINTS in a ? a[TOPOLOGY_AWARE_HINTS] : a[TOPOLOGY_MODE];
  return val === 'Auto' || val === 'auto';
}

/** An event the controller records on the Service (topologycache.EventBuilder). */
export interface HintsEvent {
  type: 'Warning' | 'Normal';
  reason: string;
  message: string;
}

/** topologycache's event messages (event.go). */
const NO_ZONE_SPECIFIED = 'One or more endpoints do not have a zone specified';
const NO_ALLOCATED_HINTS = 'No hints allocated for zones';
const INSUFFICIENT_NODE_INFO =
  'Insufficient Node information: allocatable CPU or zone not specified on one or more nodes';
const INSUFFICIENT_ENDPOINTS = 'Insufficient number of endpoints';
const MIN_ALLOCATION_EXCEEDS =
  'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold';
export const HINTS_ENABLED = 'Topology Aware Hints has been enabled';

/** overloadThreshold: the most overload any one endpoint should see. */
const OVERLOAD_THRESHOLD = 0.2;

/**
 * A CPU quantity in millicores, rounded up as Quantity.MilliValue() does ("2" → 2000, "1500m" → 1500,
 * "1k" → 1000000); 0 when it is not a quantity or not positive.
 */
export function cpuMillis(q: unknown): number {
  const parsed = typeof q === 'string' || typeof q === 'number' ? parseQuantity(q) : undefined;
  if (!parsed || parsed.nanos <= 0n) return 0;
  const millis = (parsed.nanos + 999_999n) / 1_000_000n;
  return Number(millis);
}

const EXCLUDED = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

/**
 * SetNodes: each zone's share of the allocatable CPU of the ready nodes that are not control planes.
 * Undefined (insufficient node information) when one of them has no zone or no CPU, or when fewer than
 * two zones remain.
 */
export function zoneCpuRatios(nodes: readonly Node[]): Map<string, number> | undefined {
  const byZone = new Map<string, number>();
  let total = 0;
  for (const node of nodes) {
    const labels = node.metadata.labels ?? {};
    if (EXCLUDED.some((l) => l in labels)) continue;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status !== 'True') continue;
    const zone = nodeZone(node);
    const allocatable = (node.status as { allocatable?: Record<string, unknown> } | undefined)?.allocatable;
    const cpu = cpuMillis(allocatable?.cpu);
    if (!zone || cpu === 0) return undefined;
    total += cpu;
    byZone.set(zone, (byZone.get(zone) ?? 0) + cpu);
  }
  if (total === 0 || byZone.size < 2) return undefined;
  const zones = [...byZone.keys()].sort();
  return new Map(zones.map((z) => [z, byZone.get(z)! / total]));
}

interface Allocation {
  minimum: number;
  maximum: number;
  desired: number;
}

/** getAllocations: each zone's minimum and desired number of endpoints, or why there are none. */
function allocations(
  n: number,
  ratios: Map<string, number> | undefined,
): Map<string, Allocation> | { message: string } {
  if (!ratios) return { message: INSUFFICIENT_NODE_INFO };
  if (ratios.size > n) return { message: `${INSUFFICIENT_ENDPOINTS} (${n} endpoints, ${ratios.size} zones)` };
  let remaining = n;
  let minTotal = 0;
  const out = new Map<string, Allocation>();
  for (const [zone, ratio] of ratios) {
    const desired = ratio * n;
    const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
    out.set(zone, { minimum, maximum: 0, desired: Math.max(desired, minimum) });
    minTotal += minimum;
    remaining -= minimum;
    if (remaining < 0) return { message: `${MIN_ALLOCATION_EXCEEDS} (${n} endpoints, ${ratios.size} zones)` };
  }
  for (const a of out.values()) a.maximum = a.minimum + n - minTotal;
  return out;
}

/** getMost: the zone with the most left (the first by name on a tie), or "" when none is above 0. */
function most(zones: Map<string, number>): [string, number] {
  let zone = '';
  let num = 0;
  for (const [z, v] of zones)
    if (v > num) {
      zone = z;
      num = v;
    }
  return [zone, num];
}

const ready = (e: SliceEndpoint): boolean => e.conditions?.ready === true;
const withAddressType = (s: string, addressType: string): string => `${s}, addressType: ${addressType}`;

/**
 * AddHints over one address type's endpoints (in slice order): sets or removes `hints` on each and returns
 * the Warning event when the hints were removed, else undefined (the controller then records the Normal
 * event TopologyAwareHintsEnabled the first time).
 */
export function addTopologyHints(
  endpoints: SliceEndpoint[],
  ratios: Map<string, number> | undefined,
  addressType: 'IPv4' | 'IPv6',
): HintsEvent | undefined {
  const disable = (message: string): HintsEvent => {
    for (const e of endpoints) delete e.hints;
    return {
      type: 'Warning',
      reason: 'TopologyAwareHintsDisabled',
      message: withAddressType(message, addressType),
    };
  };
  const alloc = allocations(endpoints.filter(ready).length, ratios);
  if (!(alloc instanceof Map)) return disable(alloc.message);
  // Step 1: every ready endpoint hinted for its own zone.
  const byZone = new Map<string, number>();
  for (const e of endpoints) {
    if (!ready(e)) {
      delete e.hints;
      continue;
    }
    if (!e.zone) return disable(NO_ZONE_SPECIFIED);
    byZone.set(e.zone, (byZone.get(e.zone) ?? 0) + 1);
    e.hints = { forZones: [{ name: e.zone }] };
  }
  // Step 2: which zones give and which receive (getGivingAndReceivingZones).
  const givingWant = new Map<string, number>();
  const receivingWant = new Map<string, number>();
  for (const [zone, a] of alloc) {
    const have = byZone.get(zone) ?? 0;
    if (have > a.desired) givingWant.set(zone, have - a.desired);
    else if (have < a.desired) receivingWant.set(zone, a.desired - have);
  }
  const giving = new Map<string, number>();
  const receiving = new Map<string, number>();
  for (;;) {
    const [g, toGive] = most(givingWant);
    const [r, toReceive] = most(receivingWant);
    if (g === '' || r === '' || (toGive < 1 && toReceive < 1) || toGive < 0.5 || toReceive < 0.5) break;
    giving.set(g, (giving.get(g) ?? 0) + 1);
    givingWant.set(g, toGive - 1);
    receiving.set(r, (receiving.get(r) ?? 0) + 1);
    receivingWant.set(r, toReceive - 1);
  }
  // Step 3: redistributeHints, endpoint by endpoint in slice order.
  for (const e of endpoints) {
    if (!ready(e)) continue;
    if (giving.size === 0 || receiving.size === 0) break;
    const from = e.zone!;
    const left = giving.get(from) ?? 0;
    if (left <= 0) continue;
    for (const [to, want] of [...receiving].sort(([a], [b]) => byCodeUnits(a, b))) {
      if (want <= 0) continue;
      e.hints = { forZones: [{ name: to }] };
      if (left === 1) giving.delete(from);
      else giving.set(from, left - 1);
      if (want === 1) receiving.delete(to);
      else receiving.set(to, want - 1);
      byZone.set(to, (byZone.get(to) ?? 0) + 1);
      byZone.set(from, (byZone.get(from) ?? 0) - 1);
      break;
    }
  }
  if (byZone.size === 0) return disable(NO_ALLOCATED_HINTS);
  return undefined;
}
