import { describe, expect, it } from 'vitest';
import { byCodeUnits } from './compare';

describe('byCodeUnits', () => {
  it("sorts as Go's sort.Strings does: upper case before lower, '-' before '.' before digits", () => {
    expect(['b', 'a', 'B', 'a.b', 'a-b', 'a0', 'A'].sort(byCodeUnits)).toEqual([
      'A',
      'B',
      'a',
      'a-b',
      'a.b',
      'a0',
      'b',
    ]);
  });
  it('is 0 only for equal strings', () => {
    expect(byCodeUnits('x', 'x')).toBe(0);
    expect(byCodeUnits('x', 'y')).toBe(-1);
    expect(byCodeUnits('y', 'x')).toBe(1);
  });
});
