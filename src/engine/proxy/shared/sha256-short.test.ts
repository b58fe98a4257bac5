import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/rng';
import { hash16Fast } from './sha256-short';

const reference = (s: string): string => base32.encode(sha256(utf8ToBytes(s))).slice(0, 16);

describe('hash16Fast', () => {
  it('matches @noble/hashes + @scure/base on the reference examples and edge lengths', () => {
    expect(hash16Fast('ns1/svc1:p80tcp')).toBe('XPGD46QRK7WJZT7O');
    expect(hash16Fast('ns1/svc1:p80tcp10.180.0.1:80')).toBe('SXIVWICOYRO3J4NJ');
    for (const len of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 200])
      expect(hash16Fast('x'.repeat(len))).toBe(reference('x'.repeat(len)));
    expect(hash16Fast('ns/서비스:ποrttcp')).toBe(reference('ns/서비스:ποrttcp'));
  });
  it('matches on 2000 random strings', () => {
    const rng = createRng(42);
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: rng.int(90) }, () => String.fromCharCode(32 + rng.int(95))).join('');
      expect(hash16Fast(s)).toBe(reference(s));
    }
  });
});
