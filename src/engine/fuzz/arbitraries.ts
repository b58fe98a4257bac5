/**
 * fast-check arbitraries for fuzz cases: a base scene from the corpus, up to a few mutations (single
 * value swaps are the most common, as in the probe), and a handful of command templates.
 * Everything is small integers, so fast-check shrinks a failing case to the fewest, smallest choices.
 *
 * @example
 * fc.sample(fuzzCase(corpus), { seed: 1, numRuns: 1 })[0].mutations; // e.g. [{ kind: 'set', doc: 1, node: 14, value: 0 }]
 */
import fc from 'fast-check';
import type { FuzzCase } from './check';
import { TEMPLATES } from './commands';
import type { Mutation } from './mutate';

const n = (max = 1 << 16): fc.Arbitrary<number> => fc.nat({ max });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), doc: n(), node: n(), value: n() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), doc: n(), node: n() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('add' as const), doc: n(), node: n(), key: n(), value: n() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('repeat' as const), doc: n(), node: n(), times: n(40) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('scale' as const), doc: n(), node: n(), factor: n() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dupDoc' as const), doc: n() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropDoc' as const), doc: n() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapDocs' as const), a: n(), b: n() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('line' as const), op: n(), line: n(), at: n(), char: n() }),
  },
);

/** A case over the given corpus of scenes (their YAML texts). */
export function fuzzCase(corpus: readonly string[]): fc.Arbitrary<FuzzCase> {
  return fc.record({
    scene: fc.constantFrom(...corpus),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    templates: fc.uniqueArray(fc.nat({ max: TEMPLATES.length - 1 }), { minLength: 3, maxLength: 8 }),
    pick: n(),
    seed: fc.constantFrom(1, 2, 7),
    lang: fc.constantFrom('en' as const, 'ko' as const),
  });
}
