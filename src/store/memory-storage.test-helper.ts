/**
 * A localStorage in memory for store tests (Vitest runs in Node): installed on globalThis before the
 * store module loads, so a fresh store module reads what the previous one wrote, as after a reload.
 *
 * @example
 * const data = vi.hoisted(() => installMemoryStorage()); // then `await import('./store')`
 */
export function installMemoryStorage(): Map<string, string> {
  const data = new Map<string, string>();
  const local: Storage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
  (globalThis as { localStorage?: Storage }).localStorage = local;
  return data;
}
