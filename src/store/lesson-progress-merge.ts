/**
 * Two tabs' lesson progress as one: what either tab has seen, predicted, passed or revealed is kept, so a
 * student who finishes a lesson in one tab finds it finished in the other, and neither tab's save wipes
 * out the other's. The tab's own values win where both have one (its step, its first prediction).
 *
 * Returns `mine` itself when `theirs` adds nothing, so that a tab hearing its own progress back does not
 * save again (no ping-pong between tabs).
 *
 * @example
 * const a = { clusterip: { step: 2, seen: [0, 1, 2], predictions: {}, passed: [], hints: {} } };
 * const b = { clusterip: { step: 3, seen: [3], predictions: {}, passed: ['clusterip-selector'], hints: {} } };
 * mergeProgress(a, b).clusterip; // { step: 2, seen: [0, 1, 2, 3], passed: ['clusterip-selector'], … }
 * mergeProgress(a, a) === a; // true
 */
import type { LessonProgress } from './lesson-save';

type Progress = Record<string, LessonProgress>;

function mergeOne(mine: LessonProgress, theirs: LessonProgress): LessonProgress {
  const seen = [...new Set([...mine.seen, ...theirs.seen])].sort((a, b) => a - b);
  const passed = [...new Set([...mine.passed, ...theirs.passed])];
  const predictions = { ...theirs.predictions, ...mine.predictions };
  const hints = { ...mine.hints };
  for (const [id, n] of Object.entries(theirs.hints)) hints[id] = Math.max(hints[id] ?? 0, n);
  const same =
    seen.length === mine.seen.length &&
    passed.length === mine.passed.length &&
    Object.keys(predictions).length === Object.keys(mine.predictions).length &&
    Object.entries(hints).every(([id, n]) => mine.hints[id] === n);
  return same ? mine : { step: mine.step, seen, predictions, passed, hints };
}

export function mergeProgress(mine: Progress, theirs: Progress): Progress {
  let out: Progress | null = null;
  for (const [id, p] of Object.entries(theirs)) {
    const own = mine[id];
    const merged = own ? mergeOne(own, p) : p;
    if (merged === own) continue;
    out ??= { ...mine };
    out[id] = merged;
  }
  return out ?? mine;
}
