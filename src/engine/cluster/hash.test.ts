import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { fnv32a, randomSuffix, rngFor, safeEncodeString, uidFor, uidForHash } from './hash';

// Values of the original string-building implementation (kept when it was made faster).
const UID_1_WEB = 'b6fb21af-9b03-41ed-97f5-5d3bdfe972f6';
const UID_7_E = '3f1345c1-a4ce-4f15-aa29-1468c82b2fdb';
const SUFFIX_1 = 'l6wwl';

describe('hashes and names', () => {
  it('fnv32a matches Go hash/fnv New32a', () => {
    // Reference values of FNV-1a 32 (also in Go's hash/fnv tests): "" → 0x811c9dc5, "a" → 0xe40c292c.
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
    // UTF-8 bytes, as Go hashes a string's bytes: 'é' is C3 A9.
    expect(fnv32a('😀')).toBe(
      [0xf0, 0x9f, 0x98, 0x80].reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5),
    );
    expect(fnv32a('é')).toBe(Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0);
  });
  it('SafeEncodeString maps digits onto the safe alphabet as pod-template-hash does', () => {
    // '0' is byte 48, 48 % 27 = 21 → '4'; '9' is 57 % 27 = 3 → 'f'.
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  it('random suffixes come from the safe alphabet and the seed', () => {
    const a = randomSuffix(createRng(7));
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(randomSuffix(createRng(7))).toBe(a);
    expect(randomSuffix(rngFor(1, 'a'))).toBe(randomSuffix(rngFor(1, 'a')));
    expect(randomSuffix(rngFor(1, 'a'))).not.toBe(randomSuffix(rngFor(2, 'a')));
    expect(uidFor(1, 'Pod/default/x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(uidFor(1, 'Pod/default/x')).not.toBe(uidFor(2, 'Pod/default/x'));
    // Pinned: the UIDs of a seed are part of the CLI's deterministic output.
    expect(uidFor(1, 'Service/default/web')).toBe(UID_1_WEB);
    expect(uidFor(7, 'Pod/default/é')).toBe(UID_7_E);
    expect(uidForHash(7, fnv32a('é', fnv32a('Pod/default/')))).toBe(UID_7_E);
    expect(randomSuffix(rngFor(1, 'pods:default/web-abc'))).toBe(SUFFIX_1);
  });
});
