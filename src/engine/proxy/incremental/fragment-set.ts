/**
 * The per-Service pieces ("fragments") a node's rules are assembled from, shared between nodes: one build
 * makes a base that every node built from the same cluster references, and each node keeps an overlay with
 * its own differences (Services whose rules depend on the node, and every Service an edit touched). Names
 * of the objects fragments create (chains, sets) resolve to their fragment through the base's registry or
 * the overlay's, so a node never copies the ~100,000 chain names of a large cluster.
 *
 * Fragments must be immutable once created (their lazily built parts included): nodes share them.
 *
 * @example
 * const base = createBase<Frag>(); base.byKey.set('ns1/svc1', [frag]); base.names.set('KUBE-SVC-X', frag);
 * const set = new FragmentSet(base, sortedKeys); set.lookup('KUBE-SVC-X'); // frag
 */

/** What every fragment offers the set: its Service ("ns/name") and where it sorts. */
export interface Fragment {
  key: string;
  sortKey: string;
}

export interface FragmentBase<F extends Fragment> {
  byKey: Map<string, F[]>;
  /** Name → fragment, for fragments of `byKey` (filled at build time and as fragments build lazily). */
  names: Map<string, F>;
  /** Fragments whose lazily built names are all in `names`. */
  complete: WeakSet<F>;
}

export function createBase<F extends Fragment>(): FragmentBase<F> {
  return { byKey: new Map(), names: new Map(), complete: new WeakSet() };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One node's fragments: the shared base plus this node's overlay, and the keys in print order. */
export class FragmentSet<F extends Fragment> {
  /** key → this node's fragments (null: the Service is gone here although the base has it). */
  readonly overlay = new Map<string, F[] | null>();
  readonly names = new Map<string, F>();
  readonly complete = new WeakSet<F>();
  /** Names registered in `names` per overlay fragment (to drop them when the fragment goes). */
  private readonly namesOf = new Map<F, string[]>();
  /** Service keys ordered by their fragments' sortKey (shared with other nodes until this one edits it). */
  order: string[];
  private ownOrder = false;
  /** Every active fragment's lazily built names are registered (reset when fragments are added). */
  allComplete = false;

  constructor(
    readonly base: FragmentBase<F>,
    order: string[],
  ) {
    this.order = order;
  }

  /** The fragments this node uses for Service `key`. */
  get(key: string): F[] | undefined {
    const o = this.overlay.get(key);
    if (o !== undefined) return o ?? undefined;
    return this.base.byKey.get(key);
  }

  private isActive(f: F): boolean {
    return this.get(f.key)?.includes(f) ?? false;
  }

  /** The active fragment that created `name`, if its name is registered. */
  lookup(name: string): F | undefined {
    const own = this.names.get(name);
    if (own && this.isActive(own)) return own;
    const shared = this.base.names.get(name);
    if (shared && !this.overlay.has(shared.key) && this.base.byKey.get(shared.key)?.includes(shared))
      return shared;
    return undefined;
  }

  /** Registers names of `f` (a fragment of this set) where lookups will find them. */
  register(f: F, names: Iterable<string>, complete: boolean): void {
    const inBase = !this.overlay.has(f.key) && this.base.byKey.get(f.key)?.includes(f);
    const reg = inBase ? this.base.names : this.names;
    let list = inBase ? undefined : this.namesOf.get(f);
    if (!inBase && !list) this.namesOf.set(f, (list = []));
    for (const n of names) {
      reg.set(n, f);
      list?.push(n);
    }
    if (complete) (inBase ? this.base.complete : this.complete).add(f);
  }

  isComplete(f: F): boolean {
    return this.complete.has(f) || this.base.complete.has(f);
  }

  /** Every active fragment in print order. */
  *fragments(): Generator<F> {
    for (const key of this.order) for (const f of this.get(key) ?? []) yield f;
  }

  /** Replaces (or with `frags` empty, removes) Service `key`'s fragments on this node. */
  replace(key: string, frags: F[]): void {
    if (!this.ownOrder) {
      this.order = [...this.order];
      this.ownOrder = true;
    }
    const old = this.get(key);
    if (old) {
      for (const f of old) {
        for (const n of this.namesOf.get(f) ?? []) if (this.names.get(n) === f) this.names.delete(n);
        this.namesOf.delete(f);
      }
      const i = this.indexOf(old[0]!.sortKey, key);
      if (i >= 0) this.order.splice(i, 1);
    }
    if (frags.length === 0) {
      if (this.base.byKey.has(key)) this.overlay.set(key, null);
      else this.overlay.delete(key);
      return;
    }
    this.overlay.set(key, frags);
    this.allComplete = false;
    const at = this.insertionPoint(frags[0]!.sortKey, key);
    this.order.splice(at, 0, key);
  }

  /**
   * The first of `pick(fragment)`'s items among the Services that come after `key` in order (where items
   * of `key` go in a list kept in fragment order), or undefined when none follows.
   *
   * @example
   * set.firstAfter('ns1/svc1', (f) => f.virtualServers);
   */
  firstAfter<T>(key: string, pick: (f: F) => readonly T[]): T | undefined {
    const frags = this.get(key);
    let i = frags ? this.indexOf(frags[0]!.sortKey, key) : -1;
    if (i < 0) return undefined;
    for (i++; i < this.order.length; i++)
      for (const f of this.get(this.order[i]!) ?? []) {
        const items = pick(f);
        if (items.length > 0) return items[0];
      }
    return undefined;
  }

  private sortKeyOf(key: string): string {
    return this.get(key)![0]!.sortKey;
  }

  /** First position whose (sortKey, key) is not less than the given one. */
  private insertionPoint(sortKey: string, key: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = this.order[mid]!;
      const c = cmp(this.sortKeyOf(k), sortKey) || cmp(k, key);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(sortKey: string, key: string): number {
    const i = this.insertionPoint(sortKey, key);
    if (this.order[i] === key) return i;
    return this.order.indexOf(key);
  }
}

/**
 * Service keys sorted by their fragments' sortKey (ties by key), as `FragmentSet.order` wants them.
 *
 * @example
 * orderOf(base.byKey); // ["ns1/svc1", "ns2/svc2"]
 */
export function orderOf(byKey: Map<string, readonly { sortKey: string }[]>): string[] {
  const pairs: [string, string][] = [];
  for (const [key, frags] of byKey) if (frags.length > 0) pairs.push([frags[0]!.sortKey, key]);
  pairs.sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return pairs.map((p) => p[1]);
}
