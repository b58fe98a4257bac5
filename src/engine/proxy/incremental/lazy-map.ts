/**
 * A Map whose entries are partly its own (a node's fixed chains) and partly resolved on demand from shared
 * fragments (the per-Service chains, built on first use): `get`/`has` ask the resolver, iteration asks the
 * enumerator, which builds everything. Code that reads `table.byName` as a Map needs no change.
 *
 * @example
 * const m = new LazyNameMap<Chain>((n) => fragmentChain(n), () => allFragmentChains());
 * m.set('KUBE-SERVICES', services); m.get('KUBE-SVC-XPGD46QRK7WJZT7O'); // built on first use
 */
export class LazyNameMap<V> extends Map<string, V> {
  constructor(
    private readonly resolve: (name: string) => V | undefined,
    private readonly enumerate: () => Iterable<[string, V]>,
  ) {
    super();
  }

  override get(name: string): V | undefined {
    return super.get(name) ?? this.resolve(name);
  }

  override has(name: string): boolean {
    return super.has(name) || this.resolve(name) !== undefined;
  }

  override get size(): number {
    let n = 0;
    for (const _ of this.entries()) n++;
    return n;
  }

  override *entries(): MapIterator<[string, V]> {
    yield* super.entries();
    for (const [k, v] of this.enumerate()) if (!super.has(k)) yield [k, v];
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
