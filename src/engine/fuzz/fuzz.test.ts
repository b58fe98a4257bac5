/**
 * The short fuzz run of `npm test` (issue 17): a fixed seed and a few dozen cases over the scenario
 * scenes, every property of check.ts. `npm run fuzz` runs the long one (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../scenarios';
import { fuzzCase } from './arbitraries';
import { runCase } from './check';

const corpus = scenarios.map((s) => s.yaml);

describe('fuzzing the pipeline (short run)', { timeout: 120_000 }, () => {
  it('never throws, never answers "internal error", and the readers and incremental builds agree', () => {
    fc.assert(
      fc.property(fuzzCase(corpus), (c) => {
        const { findings, text } = runCase(c);
        if (findings.length > 0)
          throw new Error(
            `${findings.map((f) => `${f.property} ${f.command ?? ''}\n${f.detail}`).join('\n\n')}\n--- scene ---\n${text}`,
          );
      }),
      { seed: 2026, numRuns: 40, endOnFailure: true },
    );
  });

  it('is deterministic: the same seed gives the same cases', () => {
    const a = fc.sample(fuzzCase(corpus), { seed: 7, numRuns: 5 });
    const b = fc.sample(fuzzCase(corpus), { seed: 7, numRuns: 5 });
    expect(a).toEqual(b);
  });
});
