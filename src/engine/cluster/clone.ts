/**
 * Deep copy of plain JSON data (Kubernetes objects are plain JSON). The engine's lib has no
 * structuredClone (no DOM/Node types), and this is faster for small objects anyway.
 *
 * @example
 * const copy = cloneJSON(pod); copy.metadata.labels.app = 'x'; // pod is unchanged
 */
export function cloneJSON<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJSON) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = cloneJSON((v as Record<string, unknown>)[k]);
    return out as T;
  }
  return v;
}
