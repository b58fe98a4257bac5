/**
 * The simulation's mutable state between requests: the simulated clock, the seeded PRNG, and (added by
 * the data plane) conntrack tables, IPVS scheduler state, `-m recent` lists and cookie jars.
 * A fresh world is made from the seed; the same manifests, seed and requests give the same results.
 */
import { createRng, type Rng } from './util/rng';

export interface SimWorld {
  seed: number; // 1
  /** Simulated seconds since the scene started. */
  clock: number;
  rng: Rng;
}

export function createWorld(seed = 1): SimWorld {
  return { seed, clock: 0, rng: createRng(seed) };
}
