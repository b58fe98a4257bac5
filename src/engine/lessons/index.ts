/**
 * Lessons and challenges (lessons.md): the format, its decoder, the checker and the validator. Everything
 * here runs commands through the console's interpreter and judges their results; nothing reads YAML text.
 *
 * @example
 * const r = decodeLessonFolder(files);
 * if (r.ok) checkChallenge(r.lesson.challenges[0]!, buildCluster(sources)).passed;
 */
export { checkChallenge, judgePrediction, blockingErrors } from './check';
export type { ChallengeResult, CheckResult, PredictionResult, Built } from './check';
export {
  decodeLessonFolder,
  decodeLessonBundle,
  toBundle,
  sourcesOf,
  LESSON_FILE,
  MAX_LESSON_BYTES,
} from './decode';
export type { LessonError, LoadedLesson, DecodeResult } from './decode';
export { validateLesson } from './validate';
export type { LessonValidation, ValidationFinding } from './validate';
export { LessonSchema, LESSON_FORMAT } from './schema';
export type { Lesson, Challenge, Check, Condition, Step, Prediction, Text, Run } from './schema';
