import { describe, expect, it } from 'vitest';
import { fitMiddle } from './fit-text';

/** One unit a Latin character, two a Hangul syllable (as wide as they are drawn, roughly). */
const w = (s: string) => [...s].reduce((n, c) => n + (/[\uac00-\ud7a3]/.test(c) ? 2 : 1), 0);

describe('fitMiddle', () => {
  it('leaves text that fits as it is', () => {
    expect(fitMiddle('node-1', 6, w)).toBe('node-1');
    expect(fitMiddle('네트워크 node-3', 15, w)).toBe('네트워크 node-3');
  });
  it('keeps the last word whole and cuts the start in the middle', () => {
    expect(fitMiddle('kube-proxy node-3', 12, w)).toBe('kube-…node-3');
    expect(fitMiddle('네트워크 node-3', 12, w)).toBe('네트…node-3');
    expect(fitMiddle('coredns-6d555dcc4f-987kl', 14, w)).toBe('coredns…-987kl');
  });
  it('never exceeds the room', () => {
    for (const text of ['kube-proxy node-3', '네트워크 node-3', 'web-85d78d4f8c-4wc5n', 'ingress-nginx'])
      for (let max = 3; max < 30; max++) expect(w(fitMiddle(text, max, w))).toBeLessThanOrEqual(max);
  });
  it('splits evenly when even the last word does not fit with two characters before it', () => {
    expect(fitMiddle('kube-proxy node-3', 7, w)).toBe('kub…e-3');
    expect(fitMiddle('abcdefghij', 5, w)).toBe('ab…ij');
  });
  it('tells apart the places of one list that differ only at the end', () => {
    const a = fitMiddle('kube-proxy node-1', 11, w);
    const b = fitMiddle('kube-proxy node-2', 11, w);
    expect(a).not.toBe(b);
  });
});
