/**
 * Structural sharing for React Flow: an element whose content did not change keeps its previous object,
 * so React Flow skips it (its node components are memoised by identity). After an edit that touches one
 * Service, only that Service's box and edges re-render instead of the whole graph.
 *
 * @example
 * const cache = new Map();
 * const a = reuseUnchanged(cache, [{ id: 'x', v: 1 }]);
 * reuseUnchanged(cache, [{ id: 'x', v: 1 }])[0] === a[0]; // true
 */
export type ReuseCache<T> = Map<string, { sig: string; item: T }>;

export function reuseUnchanged<T extends { id: string }>(cache: ReuseCache<T>, next: readonly T[]): T[] {
  const seen = new Set<string>();
  const out = next.map((item) => {
    seen.add(item.id);
    const sig = JSON.stringify(item);
    const old = cache.get(item.id);
    if (old && old.sig === sig) return old.item;
    cache.set(item.id, { sig, item });
    return item;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}
