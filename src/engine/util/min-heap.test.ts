import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { createMinHeap } from './min-heap';

describe('min-heap', () => {
  it('pops in key order whatever the push order, peekKey naming the next key', () => {
    const rng = createRng(7);
    const h = createMinHeap<string>();
    const keys = Array.from({ length: 500 }, () => rng.int(100));
    keys.forEach((k, i) => h.push(k, `${k}/${i}`));
    expect(h.size).toBe(500);
    const out: number[] = [];
    while (h.size > 0) {
      const k = h.peekKey()!;
      const item = h.pop()!;
      expect(Number(item.split('/')[0])).toBe(k);
      out.push(k);
    }
    expect(out).toEqual([...keys].sort((a, b) => a - b));
    expect(h.pop()).toBeUndefined();
    expect(h.peekKey()).toBeUndefined();
  });

  it('interleaves pushes and pops', () => {
    const h = createMinHeap<number>();
    h.push(3, 3);
    h.push(1, 1);
    expect(h.pop()).toBe(1);
    h.push(2, 2);
    h.push(0, 0);
    expect([h.pop(), h.pop(), h.pop()]).toEqual([0, 2, 3]);
  });
});
