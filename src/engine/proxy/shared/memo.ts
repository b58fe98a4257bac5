/**
 * What rule generation remembers between calls (the Service map of a cluster state, the fragments nodes
 * share, the ipsets every node has alike), held by a memo its caller owns and passes in: the simulation
 * world keeps one for all nodes (simulate/rules.ts), a test or a benchmark makes its own. A module only
 * declares a table (a typed name); the entries live in the memo, so nothing outlives its owner and two
 * worlds never see each other's state. Entries are keyed weakly by the objects they derive from.
 *
 * @example
 * const SERVICE_MAPS = memoTable<ClusterState, ServiceMap>('service maps');
 * const memo = createProxyMemo();
 * memoized(memo, SERVICE_MAPS, cluster, () => computeMap(cluster)); // computed once per cluster object
 */

/** A typed name for one kind of memoised value: entries of type `V` derived from objects of type `K`. */
export interface MemoTable<K extends object, V> {
  readonly name: string; // "service maps"
  /** Type-level only: ties the table to its key and value types. */
  readonly types?: (key: K) => V;
}

/** The tables of one owner (a simulation world, a test, one benchmark run). */
export interface ProxyMemo {
  /** The weak map behind `table` (made on first use). */
  table<K extends object, V>(table: MemoTable<K, V>): WeakMap<K, V>;
}

/**
 * Declares a table; call once at module level (the declaration holds no entries).
 *
 * @example
 * const ORDERS = memoTable<ServiceMap, string[]>('ipvs service order');
 */
export function memoTable<K extends object, V>(name: string): MemoTable<K, V> {
  return { name };
}

/**
 * An empty memo.
 *
 * @example
 * buildNodeRules(cluster, 'node-1', { memo: createProxyMemo() });
 */
export function createProxyMemo(): ProxyMemo {
  const tables = new Map<MemoTable<object, unknown>, WeakMap<object, unknown>>();
  return {
    table<K extends object, V>(table: MemoTable<K, V>): WeakMap<K, V> {
      let m = tables.get(table as MemoTable<object, unknown>);
      if (!m) tables.set(table as MemoTable<object, unknown>, (m = new WeakMap()));
      return m as WeakMap<K, V>;
    },
  };
}

/**
 * The memoised value for `key`, made by `make` on first use.
 *
 * @example
 * memoized(memo, SERVICE_MAPS, cluster, () => computeMap(cluster));
 */
export function memoized<K extends object, V>(
  memo: ProxyMemo,
  table: MemoTable<K, V>,
  key: K,
  make: () => V,
): V {
  const m = memo.table(table);
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = make()));
  return v;
}
