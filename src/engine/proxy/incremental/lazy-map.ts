/**
 * The name maps of a node's tables (`nat.byName`, the nftables table's `chains` and `sets`): entries of
 * their own (the node's fixed chains) and the objects of the node's Service fragments, resolved by name on
 * demand. A fragment builds its chains on first use, so resolving a name registers the names of the
 * fragment it belongs to; a name no lookup has met yet (a KUBE-SEP chain of a Service never walked) makes
 * every fragment register its names once. Iterating builds everything.
 *
 * @example
 * const byName = fragmentNameMap(set, fixedChains, {
 *   owns: (n) => n.startsWith('KUBE-SVC-'), names: (f) => f.chainNames(), get: (f, n) => f.chain(n),
 *   all: (f) => f.chainEntries(),
 * });
 * byName.get('KUBE-SVC-XPGD46QRK7WJZT7O'); // built on first use
 */
import { ComputedMap } from './computed-map';
import type { Fragment, FragmentSet } from './fragment-set';

/** A Map whose own entries come first and the resolver's and enumerator's after them. */
export class LazyNameMap<V> extends ComputedMap<V> {
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

  override *entries(): MapIterator<[string, V]> {
    yield* super.entries();
    for (const [k, v] of this.enumerate()) if (!super.has(k)) yield [k, v];
  }
}

/** How a kind of fragment names the objects a name map resolves. */
export interface FragmentNames<F, V> {
  /** Whether `name` could be a fragment's (the fixed chains never are). */
  owns(name: string): boolean;
  /** Every name the fragment creates (building it if need be), registered on first lookup. */
  names(f: F): Iterable<string>;
  get(f: F, name: string): V | undefined;
  /** The fragment's objects of this map, in creation order. */
  all(f: F): Iterable<[string, V]>;
}

/**
 * A name map over `own` entries and the objects of `set`'s fragments.
 *
 * @example
 * tables.nat.byName = fragmentNameMap(set, tables.nat.byName, IPTABLES_CHAIN_NAMES);
 */
export function fragmentNameMap<F extends Fragment, V>(
  set: FragmentSet<F>,
  own: Map<string, V>,
  spec: FragmentNames<F, V>,
): LazyNameMap<V> {
  const complete = (f: F): void => {
    if (!set.isComplete(f)) set.register(f, spec.names(f), true);
  };
  const resolve = (name: string): V | undefined => {
    if (!spec.owns(name)) return undefined;
    const f = set.lookup(name);
    if (f) {
      complete(f);
      return spec.get(f, name);
    }
    if (set.allComplete) return undefined;
    for (const g of set.fragments()) complete(g);
    set.allComplete = true;
    const g = set.lookup(name);
    return g && spec.get(g, name);
  };
  const m = new LazyNameMap<V>(resolve, function* () {
    for (const f of set.fragments()) yield* spec.all(f);
  });
  for (const [k, v] of own) m.set(k, v);
  return m;
}
