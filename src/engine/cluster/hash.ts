/**
 * The hashes and random names Kubernetes controllers use, made deterministic: FNV-1a 32 (Go's hash/fnv,
 * used by `ComputeHash` for `pod-template-hash`), `rand.SafeEncodeString`, and the 5-character suffixes
 * the API server's name generator appends to `generateName` (`utilrand.String(5)`), drawn here from a
 * seeded PRNG instead of crypto randomness so that the same input and seed give the same names.
 *
 * @example
 * safeEncodeString(String(fnv32a('abc'))); // "6c4dd8b6bc"-like: digits map onto the safe alphabet
 * randomSuffix(rngFor(1, 'pods:default/web-7c9d8b5f4')); // 5 chars from "bcdfghjklmnpqrstvwxz2456789"
 */
import type { Rng } from '../util/rng';

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits without vowels or 0/1/3, "to avoid bad words". */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bit, over the UTF-8 bytes of the text (Go's fnv.New32a). */
export function fnv32a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    // UTF-8 encode by hand: the engine's lib (ES2023, no DOM) has no TextEncoder.
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), 0x01000193);
    } else if (c < 0x10000) {
      h = Math.imul(h ^ (0xe0 | (c >> 12)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), 0x01000193);
    } else {
      h = Math.imul(h ^ (0xf0 | (c >> 18)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((c >> 12) & 63)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), 0x01000193);
    }
    h = Math.imul(h ^ (0x80 | (c & 63)), 0x01000193);
  }
  return h >>> 0;
}

const FNV_PRIME = 0x01000193;

/**
 * fnv32a(JSON.stringify(text), h) without building the quoted string: the pod-template hash walks every
 * string of a template. Control characters and lone surrogates (which JSON.stringify escapes as \uXXXX)
 * take the slow path.
 *
 * @example
 * fnv32aJSONString('a"b') === fnv32a('"a\\"b"'); // true
 */
export function fnv32aJSONString(text: string, seed: number): number {
  let h = Math.imul(seed ^ 0x22, FNV_PRIME);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20) return fnv32a(JSON.stringify(text), seed);
      if (c === 0x22 || c === 0x5c) h = Math.imul(h ^ 0x5c, FNV_PRIME);
      h = Math.imul(h ^ c, FNV_PRIME);
    } else if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | (c & 63)), FNV_PRIME);
    } else if (c >= 0xd800 && c < 0xe000) {
      // Surrogates: pairs are 4 UTF-8 bytes, lone ones JSON.stringify escapes; both are rare in a template.
      return fnv32a(JSON.stringify(text), seed);
    } else {
      h = Math.imul(h ^ (0xe0 | (c >> 12)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), FNV_PRIME);
      h = Math.imul(h ^ (0x80 | (c & 63)), FNV_PRIME);
    }
  }
  return Math.imul(h ^ 0x22, FNV_PRIME) >>> 0;
}

/** rand.SafeEncodeString: every byte b becomes SAFE_ALPHABET[b % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

const SAFE_CODES = Array.from(SAFE_ALPHABET, (c) => c.charCodeAt(0));

/** utilrand.String(n): n characters from SAFE_ALPHABET, from the given PRNG. */
export function randomSuffix(rng: Rng, n = 5): string {
  // The usual n = 5 (a name per pod) as one string allocation.
  if (n === 5)
    return String.fromCharCode(
      SAFE_CODES[rng.int(27)]!,
      SAFE_CODES[rng.int(27)]!,
      SAFE_CODES[rng.int(27)]!,
      SAFE_CODES[rng.int(27)]!,
      SAFE_CODES[rng.int(27)]!,
    );
  let out = '';
  for (let i = 0; i < n; i++) out += SAFE_ALPHABET[rng.int(SAFE_ALPHABET.length)];
  return out;
}

/**
 * A PRNG private to one named thing, so that its random choices do not shift when unrelated objects
 * change: splitmix32 seeded from the world seed and an FNV-1a hash of the key. Cheaper to make than
 * createRng (a build makes one per pod and per object UID), with the same Rng interface.
 */
export function rngFor(seed: number, key: string): Rng {
  return new SplitMix((fnv32a(key) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
}

class SplitMix implements Rng {
  constructor(private s: number) {}

  private next32(): number {
    this.s = (this.s + 0x9e3779b9) >>> 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }

  next(): number {
    return this.next32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor((this.next32() / 4294967296) * n);
  }

  state(): [number, number, number, number] {
    return [this.s, 0, 0, 0];
  }
}

/** splitmix32 finaliser: one well-mixed 32-bit value per input. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const VARIANT_CODES = Array.from('89ab', (c) => c.charCodeAt(0));
const DASH = 45;
/** Scratch buffer for one UID's 36 character codes (a build makes one UID per object: one string each). */
const uidCodes = new Array<number>(36).fill(0);

/** Writes hex digits `from`..`to`-1 (most significant first) of v at `at`. */
function putHex(v: number, from: number, to: number, at: number): void {
  for (let i = from; i < to; i++) uidCodes[at + i - from] = HEX_CODES[(v >>> (28 - 4 * i)) & 15]!;
}

/**
 * A deterministic RFC 4122 version-4-shaped UID for an object key ("Pod/default/web-abcde"), from the
 * world seed and an FNV-1a hash of the key (a build makes one per object, so it avoids allocating a PRNG
 * and builds the text from character codes in one allocation).
 *
 * @example
 * uidFor(1, 'Service/default/web'); // "1c3f5a…-….-4…-[89ab]…-…" (always the same for this seed and key)
 */
export function uidFor(seed: number, key: string): string {
  return uidForHash(seed, fnv32a(key));
}

/**
 * uidFor from the key's FNV-1a hash: fnv32a(prefix + name) = fnv32a(name, fnv32a(prefix)), so a
 * controller making many objects hashes the common prefix once.
 *
 * @example
 * uidForHash(1, fnv32a('web-abcde', fnv32a('Pod/default/'))) === uidFor(1, 'Pod/default/web-abcde'); // true
 */
export function uidForHash(seed: number, keyHash: number): string {
  const h = (keyHash ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  const a = mix32(h);
  const b = mix32(a ^ h);
  const c = mix32(b ^ h);
  const d = mix32(c ^ h);
  // aaaaaaaa-bbbb-4bbb-Vccc-ccccdddddddd: b's 5th digit gives way to the version, c's 1st to the variant.
  putHex(a, 0, 8, 0);
  uidCodes[8] = DASH;
  putHex(b, 0, 4, 9);
  uidCodes[13] = DASH;
  uidCodes[14] = 52; // "4"
  putHex(b, 5, 8, 15);
  uidCodes[18] = DASH;
  uidCodes[19] = VARIANT_CODES[c >>> 30]!;
  putHex(c, 1, 4, 20);
  uidCodes[23] = DASH;
  putHex(c, 4, 8, 24);
  putHex(d, 0, 8, 28);
  return String.fromCharCode.apply(null, uidCodes);
}
