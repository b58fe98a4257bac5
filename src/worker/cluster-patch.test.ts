/**
 * The model patch (issue 17, "send only what changed"): over many random pairs of models, a patch that
 * has crossed structured clone, applied to the old model, gives the new one exactly (Map order
 * included), and every item that did not change keeps its identity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyModel, diffModel, emptyPatch, same } from './cluster-patch';

type Json = unknown;
const item = fc.jsonValue({ maxDepth: 3 });

/** An edit of a list: keep, replace, insert before or delete each item, and maybe append. */
const edited = <T>(list: T[], value: fc.Arbitrary<T>) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom('keep', 'keep', 'keep', 'set', 'insert', 'delete'), value), {
        minLength: list.length,
        maxLength: list.length,
      }),
      fc.array(value, { maxLength: 3 }),
    )
    .map(([ops, tail]) => {
      const out: T[] = [];
      list.forEach((x, i) => {
        const [op, v] = ops[i]!;
        if (op === 'keep') out.push(x);
        else if (op === 'set') out.push(v);
        else if (op === 'insert') out.push(v, x);
      });
      return [...out, ...tail];
    });

/** A model like the page's cluster: lists, a Map, plain values, a field that may come and go. */
const model = fc.record({
  pods: fc.array(item, { maxLength: 12 }),
  services: fc.array(item, { maxLength: 6 }),
  origins: fc
    .uniqueArray(fc.tuple(fc.string({ maxLength: 4 }), item), { selector: ([k]) => k, maxLength: 8 })
    .map((entries) => new Map(entries)),
  config: item,
  faults: fc.option(item, { nil: undefined }),
});

type Model = {
  pods: Json[];
  services: Json[];
  origins: Map<string, Json>;
  config: Json;
  faults?: Json;
};

const pair = model.chain((before: Model) =>
  fc
    .record({
      pods: edited(before.pods, item),
      services: fc.oneof(fc.constant(before.services), edited(before.services, item)),
      origins: edited([...before.origins], fc.tuple(fc.string({ maxLength: 4 }), item)).map(
        (entries) => new Map(entries),
      ),
      config: fc.oneof(fc.constant(before.config), item),
      faults: fc.option(item, { nil: undefined }),
      dropFaults: fc.boolean(),
    })
    .map(({ dropFaults, ...after }): [Model, Model] => {
      const next: Model = { ...after };
      if (dropFaults) delete next.faults;
      return [before, next];
    }),
);

describe('model patches', () => {
  it('turn the model sent before into the new one, as a whole transfer would', () => {
    fc.assert(
      fc.property(pair, ([before, after]) => {
        const patch = structuredClone(diffModel(before, after));
        const applied = applyModel(structuredClone(before), patch);
        const whole = structuredClone(after);
        expect(applied).toEqual(whole);
        expect(same(applied, whole)).toBe(true);
        expect(Object.keys(applied).sort()).toEqual(Object.keys(whole).sort());
        expect([...applied.origins.keys()]).toEqual([...whole.origins.keys()]);
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('keep the identity of every item that did not change, and send none of them', () => {
    fc.assert(
      fc.property(pair, ([before, after]) => {
        const patch = diffModel(before, after);
        const applied = applyModel(before, patch);
        after.pods.forEach((p, i) => {
          if (i < before.pods.length && same(before.pods[i], p)) {
            expect(applied.pods[i]).toBe(before.pods[i]);
            expect(patch.lists.pods?.items.some(([j]) => j === i) ?? false).toBe(false);
          }
        });
        if (same(before, after)) {
          expect(emptyPatch(patch)).toBe(true);
          expect(applied).toBe(before);
        }
        for (const k of ['pods', 'services'] as const)
          if (same(before[k], after[k])) expect(applied[k]).toBe(before[k]);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('tell values apart as structured clone keeps them', () => {
    expect(same({ a: undefined }, {})).toBe(false);
    expect(same([1, [2, { b: 3 }]], [1, [2, { b: 3 }]])).toBe(true);
    expect(same({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(same(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false);
    expect(same(new Set([1]), new Set([1]))).toBe(true);
    expect(same([1], { 0: 1, length: 1 })).toBe(false);
    expect(same(NaN, NaN)).toBe(true);
    expect(same(0, -0)).toBe(false);
  });
});
