/**
 * Resource quantities as the API server stores and prints them. A quantity is decoded into a
 * resource.Quantity and encoded back with its canonical String() (apimachinery/pkg/api/resource), so
 * `cpu: 0.5` reads back `cpu: 500m`, `memory: 0.5Gi` as `512Mi`, `cpu: 2000m` as `"2"` and a YAML number
 * `cpu: 1` as the string `"1"`. Written here for every resource.Quantity field of the kinds svclab
 * knows: a pod spec's (containers', init and ephemeral containers' requests and limits, the pod-level
 * resources, the overhead, the downward API's divisors, an emptyDir's sizeLimit, a generic ephemeral
 * volume's claim template), a StatefulSet's volumeClaimTemplates, a Node's capacity and allocatable, a
 * HorizontalPodAutoscaler's metric targets and tolerances. A value that is not a quantity is left as
 * written, for validation to refuse.
 *
 * @example
 * const spec = { containers: [{ name: 'c', resources: { requests: { cpu: '0.5', memory: 1073741824 } } }] };
 * canonicalPodQuantities(spec); spec.containers[0].resources.requests; // { cpu: '500m', memory: '1073741824' }
 */
import { parseQuantity, quantityString } from './validate/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Rewrites one quantity field of an object in place, when it holds a quantity. */
function canonicalField(o: Obj, key: string): void {
  const v = o[key];
  if (typeof v !== 'string' && typeof v !== 'number') return;
  const q = parseQuantity(v);
  if (q) o[key] = quantityString(q);
}

/** Rewrites each quantity of a ResourceList in place. */
function canonicalList(list: unknown): void {
  if (!isObj(list)) return;
  for (const name of Object.keys(list)) canonicalField(list, name);
}

function canonicalRequirements(r: unknown): void {
  if (!isObj(r)) return;
  canonicalList(r.limits);
  canonicalList(r.requests);
}

/**
 * A ResourceFieldSelector's divisor: a resource.Quantity that is not a pointer, so one left out is
 * the zero Quantity, stored and printed as `divisor: "0"`.
 */
function canonicalFieldRef(ref: unknown): void {
  if (!isObj(ref)) return;
  if (ref.divisor === undefined || ref.divisor === null) ref.divisor = '0';
  else canonicalField(ref, 'divisor');
}

function canonicalDownwardItems(src: unknown): void {
  if (isObj(src)) for (const item of objects(src.items)) canonicalFieldRef(item.resourceFieldRef);
}

/** A PersistentVolumeClaim's spec and status (a StatefulSet's claim templates, an ephemeral volume's). */
function canonicalClaim(claim: unknown): void {
  if (!isObj(claim)) return;
  if (isObj(claim.spec)) canonicalRequirements(claim.spec.resources);
  if (isObj(claim.status)) {
    canonicalList(claim.status.capacity);
    canonicalList(claim.status.allocatedResources);
  }
}

/** A pod spec's quantities in canonical form, in place. */
export function canonicalPodQuantities(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers'])
    for (const c of objects(spec[key])) {
      canonicalRequirements(c.resources);
      for (const env of objects(c.env))
        if (isObj(env.valueFrom)) canonicalFieldRef(env.valueFrom.resourceFieldRef);
    }
  canonicalRequirements(spec.resources);
  canonicalList(spec.overhead);
  for (const v of objects(spec.volumes)) {
    if (isObj(v.emptyDir)) canonicalField(v.emptyDir, 'sizeLimit');
    if (isObj(v.ephemeral)) canonicalClaim(v.ephemeral.volumeClaimTemplate);
    canonicalDownwardItems(v.downwardAPI);
    if (isObj(v.projected))
      for (const s of objects(v.projected.sources)) canonicalDownwardItems(s.downwardAPI);
  }
}

/** A StatefulSet's volumeClaimTemplates (PersistentVolumeClaims), in place. */
export function canonicalClaimTemplates(spec: unknown): void {
  if (isObj(spec)) for (const claim of objects(spec.volumeClaimTemplates)) canonicalClaim(claim);
}

/** A Node's status.capacity and status.allocatable, in place. */
export function canonicalNodeQuantities(node: Obj): void {
  if (!isObj(node.status)) return;
  canonicalList(node.status.capacity);
  canonicalList(node.status.allocatable);
}

const METRIC_SOURCES = ['resource', 'containerResource', 'pods', 'object', 'external'];

/**
 * A HorizontalPodAutoscaler's (autoscaling/v2) quantities in place: each metric's target value and
 * averageValue, the scaling rules' tolerance, and the current values of a status written with it.
 */
export function canonicalHpaQuantities(hpa: Obj): void {
  const spec = isObj(hpa.spec) ? hpa.spec : {};
  for (const m of objects(spec.metrics))
    for (const source of METRIC_SOURCES) {
      const target = isObj(m[source]) ? (m[source] as Obj).target : undefined;
      if (!isObj(target)) continue;
      canonicalField(target, 'value');
      canonicalField(target, 'averageValue');
    }
  if (isObj(spec.behavior))
    for (const rules of [spec.behavior.scaleUp, spec.behavior.scaleDown])
      if (isObj(rules)) canonicalField(rules, 'tolerance');
  const status = isObj(hpa.status) ? hpa.status : {};
  for (const m of objects(status.currentMetrics))
    for (const source of METRIC_SOURCES) {
      const current = isObj(m[source]) ? (m[source] as Obj).current : undefined;
      if (!isObj(current)) continue;
      canonicalField(current, 'value');
      canonicalField(current, 'averageValue');
    }
}
