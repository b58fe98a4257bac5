import { describe, expect, it } from 'vitest';
import { dedupedStorage } from './persist-storage';

function memoryStorage(): Storage & { writes: number } {
  const m = new Map<string, string>();
  return {
    writes: 0,
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem(k, v) {
      this.writes++;
      m.set(k, v);
    },
  };
}

describe('dedupedStorage', () => {
  it('writes only when a persisted field changes', () => {
    const mem = memoryStorage();
    const s = dedupedStorage<{ text: string; n: number }>(() => mem)!;
    const text = 'apiVersion: v1\n';
    s.setItem('k', { state: { text, n: 1 }, version: 1 });
    s.setItem('k', { state: { text, n: 1 }, version: 1 }); // a playhead tick: same fields
    expect(mem.writes).toBe(1);
    s.setItem('k', { state: { text, n: 2 }, version: 1 });
    expect(mem.writes).toBe(2);
    expect(JSON.parse(mem.getItem('k')!)).toEqual({ state: { text, n: 2 }, version: 1 });
  });
});
