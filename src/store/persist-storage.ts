/**
 * (Unused since workspaces live in IndexedDB, store/workspace-sync.ts; kept until the lead removes it.)
 * localStorage for the persist middleware that writes only when a persisted field changed. The
 * middleware calls setItem after every store update, and the playhead updates every animation frame:
 * without this, each frame would serialise the whole YAML and write it to disk.
 *
 * @example
 * createJSONStorage(() => localStorage) // writes every call; dedupedStorage() writes on change only
 */
import { createJSONStorage, type PersistStorage, type StorageValue } from 'zustand/middleware';

const sameFields = (a: object, b: object) => {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

export function dedupedStorage<S extends object>(
  getStorage: () => Storage = () => localStorage,
): PersistStorage<S> | undefined {
  const inner = createJSONStorage<S>(getStorage);
  if (!inner) return undefined;
  let last: StorageValue<S> | null = null;
  return {
    getItem: inner.getItem,
    removeItem: (name) => {
      last = null;
      return inner.removeItem(name);
    },
    setItem: (name, value) => {
      if (last && last.version === value.version && sameFields(last.state, value.state)) return;
      last = value;
      return inner.setItem(name, value);
    },
  };
}
