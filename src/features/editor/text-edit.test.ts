import { describe, expect, it } from 'vitest';
import { minimalEdit } from './text-edit';

const apply = (before: string, after: string) => {
  const e = minimalEdit(before, after);
  return e ? before.slice(0, e.start) + e.text + before.slice(e.end) : before;
};

describe('minimalEdit', () => {
  it('replaces only what changed', () => {
    expect(minimalEdit('replicas: 3\nimage: x\n', 'replicas: 5\nimage: x\n')).toEqual({
      start: 10,
      end: 11,
      text: '5',
    });
  });

  it('says nothing for the same text', () => {
    expect(minimalEdit('a', 'a')).toBeNull();
  });

  it('rebuilds the new text for insertions, deletions and repeated characters', () => {
    const cases: [string, string][] = [
      ['', 'kind: Pod\n'],
      ['kind: Pod\n', ''],
      ['aaaa', 'aa'],
      ['aa', 'aaaa'],
      ['labels:\n  app: web\n', 'labels:\n  app: web\n  tier: front\n'],
      ['x: 1\n', 'y: 1\nx: 1\n'],
      ['이름: 서비스😀\n', '이름: 서비스😁\n'],
      ['😀', '😀😀'],
    ];
    for (const [a, b] of cases) expect(apply(a, b)).toBe(b);
  });

  it('never splits a surrogate pair', () => {
    const e = minimalEdit('a😀b', 'a😁b')!;
    expect(e.text).toBe('😁');
  });
});
