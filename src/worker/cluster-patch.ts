/**
 * What changed in the page's slim cluster from one build to the next (issue 17, "send only what
 * changed"): the worker keeps the model it last sent and answers the next build with a patch against
 * it; the page applies the patch to the model it holds. A field of the model is a list (pods,
 * Services, EndpointSlices …: the items that differ, by index, and the new length), a Map (origins:
 * entries set and keys deleted) or a value replaced whole (config, faults). Items that did not change
 * keep their identity in the page, so what is memoised on them stays valid.
 *
 * Pure and generic over plain data (what structured clone carries: objects, arrays, Maps, Sets,
 * primitives); it knows nothing of Kubernetes.
 *
 * @example
 * const patch = diffModel(before, after); // { lists: { pods: { length: 3, items: [[2, pod]] } }, … }
 * applyModel(before, patch); // deep-equals `after`; before.pods[0] === result.pods[0]
 */

type Model = object;

export interface ModelPatch {
  /** Lists: their new length and the items that differ from the old list's, by index. */
  lists: Record<string, { length: number; items: [number, unknown][] }>;
  /** Maps: entries added or changed, and keys removed. */
  maps: Record<string, { set: [unknown, unknown][]; del: unknown[] }>;
  /** Other fields, replaced whole. */
  set: Record<string, unknown>;
  /** Fields no longer present. */
  del: string[];
}

/** Deep equality of plain data, as structured clone would carry it (key order does not matter). */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !same(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  if (b instanceof Map || b instanceof Set) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(rb, k) || !same(ra[k], rb[k])) return false;
  return true;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Whether `after`'s keys are `before`'s that it kept, in their order, then its new ones. */
function sameOrder(before: Map<unknown, unknown>, after: Map<unknown, unknown>): boolean {
  const keys = after.keys();
  for (const k of before.keys()) {
    if (!after.has(k)) continue;
    if (keys.next().value !== k) return false;
  }
  for (let r = keys.next(); !r.done; r = keys.next()) if (before.has(r.value)) return false;
  return true;
}

/** The patch that turns `prev` into `next` (both plain records of lists, Maps and values). */
export function diffModel(prev: Model, next: Model): ModelPatch {
  const patch: ModelPatch = { lists: {}, maps: {}, set: {}, del: [] };
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  for (const k of Object.keys(p)) if (!own(n, k)) patch.del.push(k);
  for (const [k, after] of Object.entries(n)) {
    const before = own(p, k) ? p[k] : undefined;
    if (before === after && own(p, k)) continue;
    if (Array.isArray(after) && Array.isArray(before)) {
      const items: [number, unknown][] = [];
      for (let i = 0; i < after.length; i++)
        if (i >= before.length || !same(before[i], after[i])) items.push([i, after[i]]);
      if (items.length || before.length !== after.length) patch.lists[k] = { length: after.length, items };
    } else if (after instanceof Map && before instanceof Map) {
      const set: [unknown, unknown][] = [];
      const del: unknown[] = [];
      for (const key of before.keys()) if (!after.has(key)) del.push(key);
      for (const [key, v] of after) if (!before.has(key) || !same(before.get(key), v)) set.push([key, v]);
      // Applied, the kept keys stay in their order and new ones follow: a Map in another order is sent whole.
      if (!sameOrder(before, after)) patch.set[k] = after;
      else if (set.length || del.length) patch.maps[k] = { set, del };
    } else if (!own(p, k) || !same(before, after)) {
      patch.set[k] = after;
    }
  }
  return patch;
}

/**
 * `prev` with `patch` applied: a new record whose unchanged fields, items and entries are `prev`'s
 * own; `prev` itself when the patch changes nothing (what is memoised on the model stays valid).
 */
export function applyModel<T extends Model>(prev: T, patch: ModelPatch): T {
  if (emptyPatch(patch)) return prev;
  const out: Record<string, unknown> = { ...(prev as Record<string, unknown>) };
  for (const k of patch.del) delete out[k];
  for (const [k, { length, items }] of Object.entries(patch.lists)) {
    const list = (out[k] as unknown[]).slice(0, length);
    for (const [i, item] of items) list[i] = item;
    out[k] = list;
  }
  for (const [k, { set, del }] of Object.entries(patch.maps)) {
    const map = new Map(out[k] as Map<unknown, unknown>);
    for (const key of del) map.delete(key);
    for (const [key, v] of set) map.set(key, v);
    out[k] = map;
  }
  for (const [k, v] of Object.entries(patch.set)) out[k] = v;
  return out as T;
}

/** Whether the patch changes nothing. */
export const emptyPatch = (p: ModelPatch): boolean =>
  !p.del.length && !Object.keys(p.lists).length && !Object.keys(p.maps).length && !Object.keys(p.set).length;
