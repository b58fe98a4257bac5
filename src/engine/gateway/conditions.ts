/**
 * Status conditions as the Gateway controller writes them (metav1.Condition): one per type, in the
 * order they were first set; setting a type again updates it in place (Envoy Gateway's
 * status.MergeConditions). `observedGeneration` is the object's generation, `lastTransitionTime` the
 * simulated instant the controller wrote it.
 *
 * @example
 * const list: Condition[] = [];
 * setCondition(list, { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route is accepted' });
 * setCondition(list, { type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners', message: '…' });
 * list.length; // 1
 */
import type { Condition } from '../k8s/gateway-api';

/** A condition before the writer stamps it (generation and time come from the object and the clock). */
export interface CondInit {
  type: string; // "Programmed"
  status: 'True' | 'False' | 'Unknown';
  reason: string; // "Programmed"
  message: string;
}

/** Sets (or updates in place) one condition type. */
export function setCondition(list: CondInit[], c: CondInit): void {
  const i = list.findIndex((x) => x.type === c.type);
  if (i >= 0) list[i] = c;
  else list.push(c);
}

/** True when the list has `type` with `status`. */
export function hasCondition(list: readonly CondInit[], type: string, status: CondInit['status']): boolean {
  return list.some((c) => c.type === type && c.status === status);
}

/**
 * The conditions as stored: the fields in the order the API server returns them.
 *
 * @example
 * stamp([{ type: 'Accepted', status: 'True', reason: 'Accepted', message: 'ok' }], 1, '2026-01-01T00:00:00Z')[0].observedGeneration; // 1
 */
export function stamp(list: readonly CondInit[], generation: number, time: string): Condition[] {
  return list.map((c) => ({
    lastTransitionTime: time,
    message: c.message,
    observedGeneration: generation,
    reason: c.reason,
    status: c.status,
    type: c.type,
  }));
}

/**
 * Merges written conditions into existing ones (the CRD's `Pending` defaults): same types update in
 * place, new types are appended.
 *
 * @example
 * mergeInto(pendingDefaults, written).map((c) => c.type); // ["Accepted", "Programmed"]
 */
export function mergeInto(
  existing: readonly Condition[] | undefined,
  written: readonly Condition[],
): Condition[] {
  const out = [...(existing ?? [])];
  for (const c of written) {
    const i = out.findIndex((x) => x.type === c.type);
    if (i >= 0) out[i] = c;
    else out.push(c);
  }
  return out;
}
