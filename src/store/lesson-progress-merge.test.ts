import { describe, expect, it } from 'vitest';
import { emptyProgress, type LessonProgress } from './lesson-save';
import { mergeProgress } from './lesson-progress-merge';

const p = (over: Partial<LessonProgress>): LessonProgress => ({ ...emptyProgress(), ...over });

describe('mergeProgress', () => {
  it('keeps what either tab did: steps seen, challenges passed, the most hints shown', () => {
    const mine = { clusterip: p({ step: 2, seen: [0, 1, 2], hints: { a: 1, b: 3 } }) };
    const theirs = {
      clusterip: p({ step: 3, seen: [1, 3], passed: ['clusterip-selector'], hints: { a: 2, b: 1 } }),
      ports: p({ step: 1, seen: [0, 1] }),
    };
    const merged = mergeProgress(mine, theirs);
    expect(merged.clusterip).toEqual(
      p({ step: 2, seen: [0, 1, 2, 3], passed: ['clusterip-selector'], hints: { a: 2, b: 3 } }),
    );
    expect(merged.ports).toEqual(theirs.ports);
  });

  it('keeps this tab’s own answer to a prediction and its place in the lesson', () => {
    const mine = { dns: p({ step: 4, predictions: { '1': { chosen: 'a', right: false } } }) };
    const theirs = {
      dns: p({
        step: 0,
        predictions: { '1': { chosen: 'b', right: true }, '2': { chosen: 'c', right: true } },
      }),
    };
    const merged = mergeProgress(mine, theirs).dns!;
    expect(merged.step).toBe(4);
    expect(merged.predictions).toEqual({
      '1': { chosen: 'a', right: false },
      '2': { chosen: 'c', right: true },
    });
  });

  it('returns the same object when the other tab adds nothing (no save ping-pong)', () => {
    const mine = { clusterip: p({ seen: [0, 1], passed: ['x'], hints: { x: 2 } }) };
    expect(mergeProgress(mine, mine)).toBe(mine);
    expect(mergeProgress(mine, { clusterip: p({ seen: [1], hints: { x: 1 } }) })).toBe(mine);
    expect(mergeProgress(mine, {})).toBe(mine);
  });
});
