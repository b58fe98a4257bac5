/**
 * Resource quantities as the API server stores and prints them. A quantity is decoded into a
 * resource.Quantity and encoded back with its canonical String() (apimachinery/pkg/api/resource), so
 * `cpu: 0.5` reads back `cpu: 500m`, `memory: 0.5Gi` as `512Mi`, `cpu: 2000m` as `"2"` and a YAML number
 * `cpu: 1` as the string `"1"`. Written here for a pod spec's resource lists (Pods and pod templates):
 * the containers', init and ephemeral containers' requests and limits, the pod-level resources and the
 * overhead. A value that is not a quantity is left as written, for validation to refuse.
 *
 * @example
 * const spec = { containers: [{ name: 'c', resources: { requests: { cpu: '0.5', memory: 1073741824 } } }] };
 * canonicalPodQuantities(spec); spec.containers[0].resources.requests; // { cpu: '500m', memory: '1Gi' }
 */
import { parseQuantity, quantityString } from './validate/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rewrites each quantity of a ResourceList in place. */
function canonicalList(list: unknown): void {
  if (!isObj(list)) return;
  for (const [name, v] of Object.entries(list)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const q = parseQuantity(v);
    if (q) list[name] = quantityString(q);
  }
}

function canonicalRequirements(r: unknown): void {
  if (!isObj(r)) return;
  canonicalList(r.limits);
  canonicalList(r.requests);
}

/** A pod spec's quantities in canonical form, in place. */
export function canonicalPodQuantities(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers'])
    for (const c of Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [])
      if (isObj(c)) canonicalRequirements(c.resources);
  canonicalRequirements(spec.resources);
  canonicalList(spec.overhead);
}
