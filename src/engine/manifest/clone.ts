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
    setOwn(out, k, cloneJson((v as Record<string, unknown>)[k]));
  }
  return out as T;
}

/**
 * `out[k] = v`, except that a `__proto__` key (the yaml package keeps one as an own property; a Secret's
 * data key may be one) stays an own property instead of replacing the object's prototype.
 *
 * @example
 * const o = {}; setOwn(o, '__proto__', 1); Object.keys(o); // ["__proto__"]
 */
export function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  else out[k] = v;
}
