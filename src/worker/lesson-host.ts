/**
 * The lesson calls of the engine host: the built-in course, an instructor's bundle, a challenge checked
 * and a prediction judged. A check or a judgement builds the scene it is given afresh with the page's
 * seed, as `svclab -f … lesson check` does: it answers for exactly the text the student sees when they
 * press Check, whatever build of the editor is still on its way.
 *
 * @example
 * checkLessonChallenge(challenge, [{ file: 'scene.yaml', text }], 1).passed; // true when the scene behaves
 */
import {
  buildCluster,
  checkChallenge,
  decodeLessonBundle,
  judgePrediction,
  MAX_LESSON_BYTES,
  type Challenge,
  type ChallengeResult,
  type DecodeResult,
  type LoadedLesson,
  type ManifestSource,
  type Prediction,
  type PredictionResult,
} from '../engine';
import { builtinLessons } from '../lessons';
import type { LessonCatalogue } from './protocol';

/** The lesson as the page needs it: the scene's files only (no solution or example scenes). */
export function forPage(lesson: LoadedLesson): LoadedLesson {
  const files: Record<string, string> = {};
  for (const f of lesson.scene) files[f] = lesson.files[f] ?? '';
  const { solution: _solution, examples: _examples, ...rest } = lesson;
  return { ...rest, files };
}

/** The built-in course in course order, and the folders that did not decode (a bug the tests catch). */
export function lessonCatalogue(): LessonCatalogue {
  const { lessons, errors } = builtinLessons();
  return { lessons: lessons.map(forPage), errors, maxBytes: MAX_LESSON_BYTES };
}

/** An instructor's bundle (YAML or JSON), decoded with its errors' file, line and field. */
export function decodeLessonFile(name: string, text: string): DecodeResult {
  const r = decodeLessonBundle(name, text);
  return r.ok ? { ok: true, lesson: forPage(r.lesson) } : r;
}

export function checkLessonChallenge(
  challenge: Challenge,
  sources: ManifestSource[],
  seed: number,
): ChallengeResult {
  return checkChallenge(challenge, buildCluster(sources, { seed }), { seed });
}

export function judgeLessonPrediction(
  prediction: Prediction,
  chosen: string,
  sources: ManifestSource[],
  seed: number,
): PredictionResult {
  return judgePrediction(prediction, chosen, buildCluster(sources, { seed }), { seed });
}
