/**
 * A deep copy of a JSON value (what YAML parsing gives), so callers may change the objects they get
 * without corrupting a cache that shares them.
 *
 * @example
 * cloneJson({ a: [1] }); // { a: [1] } (a new object)
 */
export function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = cloneJson((v as Record<string, unknown>)[k]);
  return out as T;
}
