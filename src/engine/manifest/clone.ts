/**
 * A deep copy of a JSON value (what YAML parsing gives), so callers may change the objects they get
 * without corrupting a cache that shares them.
 *
 * @example
 * cloneJson({ a: [1] }); // { a: [1] } (a new object)
 */
export function cloneJson<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneJson(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const c = cloneJson((v as Record<string, unknown>)[k]);
    // The yaml package keeps a `__proto__` key as an own property; assigning it would set the prototype.
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: c, writable: true, enumerable: true, configurable: true });
    else out[k] = c;
  }
  return out as T;
}
