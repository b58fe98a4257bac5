/**
 * A pod's QoS class, as the API server computes it on create and stores in status.qosClass
 * (pkg/apis/core/helper/qos, ComputePodQOS): only cpu and memory count.
 *
 * - pod-level resources (spec.resources), when written, decide alone;
 * - otherwise each container and init container is classed on its own: BestEffort when it requests and
 *   limits neither, Guaranteed when its cpu and memory requests equal their limits and are set, Burstable
 *   otherwise; the pod is Burstable as soon as one container is, or when its containers' classes differ.
 *
 * Requests must already be defaulted from limits (manifest/defaults-resources.ts), as the API server does
 * before it computes the class: `limits: {cpu: 1, memory: 1Gi}` alone is Guaranteed.
 *
 * @example
 * podQOSClass({ containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] }); // "Burstable"
 */
import { parseQuantity } from '../manifest/validate/quantity';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A quantity's value in nano-units; 0 when absent (or not a quantity, which validation refuses). */
const nanos = (list: Obj | undefined, name: string): bigint => {
  const v = list?.[name];
  return typeof v === 'string' || typeof v === 'number' ? (parseQuantity(v)?.nanos ?? 0n) : 0n;
};

/** resourceQOS: the class of one set of resource requirements. */
function requirementsQOS(resources: unknown): QOSClass {
  const requests = isObj(resources) && isObj(resources.requests) ? resources.requests : undefined;
  const limits = isObj(resources) && isObj(resources.limits) ? resources.limits : undefined;
  if (Object.keys(requests ?? {}).length === 0 && Object.keys(limits ?? {}).length === 0) return 'BestEffort';
  let qos: QOSClass | undefined;
  for (const name of ['cpu', 'memory']) {
    const req = nanos(requests, name);
    if (req !== nanos(limits, name)) return 'Burstable';
    const bestEffort = req === 0n;
    if (qos === undefined) qos = bestEffort ? 'BestEffort' : 'Guaranteed';
    else if (bestEffort !== (qos === 'BestEffort')) return 'Burstable';
  }
  return qos ?? 'BestEffort';
}

/** ComputePodQOS for a pod's spec. */
export function podQOSClass(spec: unknown): QOSClass {
  if (!isObj(spec)) return 'BestEffort';
  if (isObj(spec.resources)) return requirementsQOS(spec.resources);
  let pod: QOSClass | undefined;
  for (const key of ['initContainers', 'containers']) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      const qos = requirementsQOS(isObj(c) ? c.resources : undefined);
      if (qos === 'Burstable') return qos;
      if (pod === undefined) pod = qos;
      else if (pod !== qos) return 'Burstable';
    }
  }
  return pod ?? 'BestEffort';
}
