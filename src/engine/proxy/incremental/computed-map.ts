/**
 * A read-mostly Map whose entries are computed rather than stored (a view over other maps, or names
 * resolved on demand): a subclass overrides `get`, `has` and `entries`, and every other way of reading a Map
 * (size, keys, values, iteration, forEach) follows from `entries`. Code that reads it as a Map needs no
 * change.
 *
 * @example
 * class Doubled extends ComputedMap<number> {
 *   constructor(private readonly src: Map<string, number>) { super(); }
 *   override get(k: string) { const v = this.src.get(k); return v === undefined ? undefined : 2 * v; }
 *   override has(k: string) { return this.src.has(k); }
 *   override *entries(): MapIterator<[string, number]> { for (const [k, v] of this.src) yield [k, 2 * v]; }
 * }
 */
export abstract class ComputedMap<V> extends Map<string, V> {
  // Subclasses override `entries` (and `get`/`has`); the rest reads through it.
  override get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  override *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
