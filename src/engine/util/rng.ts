/**
 * A small seeded PRNG (sfc32 seeded through splitmix32) so that every random choice in the engine
 * is reproducible: the same input and seed give the same output (CLI contract, `--seed`).
 *
 * @example
 * const rng = createRng(1); rng.next(); // 0.6270739405881613 (always, for seed 1)
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** The generator's whole state, to snapshot and restore. */
  state(): [number, number, number, number];
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number, from?: [number, number, number, number]): Rng {
  const init = splitmix32(seed);
  let [a, b, c, d] = from ?? [init(), init(), init(), init()];
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  return {
    next: () => next32() / 4294967296,
    int: (n: number) => Math.floor((next32() / 4294967296) * n),
    state: () => [a, b, c, d],
  };
}
