/**
 * Deep copy of plain JSON data (Kubernetes objects are plain JSON). The engine's lib has no
 * structuredClone (no DOM/Node types), and this is faster for small objects anyway.
 *
 * @example
 * const copy = cloneJSON(pod); copy.metadata.labels.app = 'x'; // pod is unchanged
 */
export function cloneJSON<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneJSON(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out[k] = cloneJSON((v as Record<string, unknown>)[k]);
  }
  return out as T;
}

/**
 * A shallow copy of a plain object, key by key: much cheaper than `{ ...o }` when the copy then gets a
 * new property (V8 cannot extend a spread clone's map cheaply; the scheduler adds `nodeName` to every
 * pod's spec copy).
 *
 * @example
 * const spec = shallowCopy(template.spec); spec.nodeName = 'node-1'; // template.spec is unchanged
 */
export function shallowCopy<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) out[keys[i]!] = (o as Record<string, unknown>)[keys[i]!];
  return out as T;
}
