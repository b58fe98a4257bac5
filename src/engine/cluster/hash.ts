/**
 * The hashes and random names Kubernetes controllers use, made deterministic: FNV-1a 32 (Go's hash/fnv,
 * used by `ComputeHash` for `pod-template-hash`), `rand.SafeEncodeString`, and the 5-character suffixes
 * the API server's name generator appends to `generateName` (`utilrand.String(5)`), drawn here from a
 * seeded PRNG instead of crypto randomness so that the same input and seed give the same names.
 *
 * @example
 * safeEncodeString(String(fnv32a('abc'))); // "6c4dd8b6bc"-like: digits map onto the safe alphabet
 * randomSuffix(createRng(1)); // 5 chars from "bcdfghjklmnpqrstvwxz2456789"
 */
import { createRng, type Rng } from '../util/rng';

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits without vowels or 0/1/3, "to avoid bad words". */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bit, over the UTF-8 bytes of the text (Go's fnv.New32a). */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  const step = (b: number): void => {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  };
  for (const ch of text) {
    // UTF-8 encode by hand: the engine's lib (ES2023, no DOM) has no TextEncoder.
    const c = ch.codePointAt(0)!;
    if (c < 0x80) step(c);
    else if (c < 0x800) {
      step(0xc0 | (c >> 6));
      step(0x80 | (c & 63));
    } else if (c < 0x10000) {
      step(0xe0 | (c >> 12));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    } else {
      step(0xf0 | (c >> 18));
      step(0x80 | ((c >> 12) & 63));
      step(0x80 | ((c >> 6) & 63));
      step(0x80 | (c & 63));
    }
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: every byte b becomes SAFE_ALPHABET[b % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** utilrand.String(n): n characters from SAFE_ALPHABET, from the given PRNG. */
export function randomSuffix(rng: Rng, n = 5): string {
  let out = '';
  for (let i = 0; i < n; i++) out += SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)];
  return out;
}

/** A PRNG private to one named thing, so that its random choices do not shift when unrelated objects change. */
export function rngFor(seed: number, key: string): Rng {
  return createRng((fnv32a(key) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}

/** A deterministic RFC 4122 version-4-shaped UID for an object key ("Pod/default/web-abcde"). */
export function uidFor(seed: number, key: string): string {
  const rng = rngFor(seed, `uid:${key}`);
  const hex = (n: number): string =>
    Array.from({ length: n }, () => '0123456789abcdef'[rng.int(16)]).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
}
