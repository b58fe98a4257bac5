/**
 * Derived lesson state, declared once at module level (architecture principle 7): the open lesson and
 * step, what the step points at, the course with each lesson's progress. Selectors that build a new
 * value remember it per input, so components re-render only when their input changed.
 *
 * @example
 * useStore(selectLessonMarks); // ['Service/default/web#spec.selector'] on clusterip's first step
 */
import type { LoadedLesson, Step } from '../engine';
import { clampStep, lessonByRef, userRef, type LessonCatalogueState, type LessonRef } from './lesson-model';
import { emptyProgress, type LessonProgress } from './lesson-save';
import type { Store } from './types';

const NO_MARKS: readonly string[] = [];

export const selectActiveLesson = (s: Store): LoadedLesson | undefined =>
  lessonByRef(s.lessonCatalogue, s.lessonId);

/** The page shown: the saved index kept within the lesson, should the lesson have fewer pages now. */
export const selectLessonPage = (s: Store): number => {
  const lesson = selectActiveLesson(s);
  return lesson ? clampStep(lesson, s.lessonStepIndex) : 0;
};

/** The step shown; undefined on the challenges' page. */
export const selectActiveStep = (s: Store): Step | undefined =>
  selectActiveLesson(s)?.steps[selectLessonPage(s)];

/** What the open step highlights: object keys, each with an optional field ("Service/default/web#spec.selector"). */
export const selectLessonMarks = (s: Store): readonly string[] => selectActiveStep(s)?.highlight ?? NO_MARKS;

/** The console line the open step suggests. */
export const selectStepCommand = (s: Store): string | null => selectActiveStep(s)?.command ?? null;

/** Whether the manifests a scenario would replace were edited (set aside while a lesson is open). */
export const selectSandboxEdited = (s: Store): boolean =>
  s.lessonId ? (s.lessonSandbox?.edited ?? false) : s.edited;

export interface LessonStatus {
  stepsSeen: number;
  steps: number;
  predictionsAnswered: number;
  predictions: number;
  challengesPassed: number;
  challenges: number;
  /** Every challenge passed; a lesson without challenges: every step seen and every prediction answered. */
  done: boolean;
}

/** Where a student stands in a lesson, counting only what the lesson still has. */
export function lessonStatus(lesson: LoadedLesson, progress: LessonProgress | undefined): LessonStatus {
  const p = progress ?? emptyProgress();
  const steps = lesson.steps.length;
  const stepsSeen = p.seen.filter((i) => i < steps).length;
  const predicting = lesson.steps.flatMap((step, i) => (step.predict ? [i] : []));
  const predictionsAnswered = predicting.filter((i) => p.predictions[i] !== undefined).length;
  const challengesPassed = lesson.challenges.filter((c) => p.passed.includes(c.id)).length;
  const challenges = lesson.challenges.length;
  return {
    stepsSeen,
    steps,
    predictionsAnswered,
    predictions: predicting.length,
    challengesPassed,
    challenges,
    done:
      challenges > 0
        ? challengesPassed === challenges
        : stepsSeen === steps && predictionsAnswered === predicting.length,
  };
}

export interface CourseEntry {
  ref: LessonRef;
  lesson: LoadedLesson;
  /** The instructor's file it came from; null for a built-in lesson. */
  file: string | null;
}

const NO_COURSE: readonly CourseEntry[] = [];
const courses = new WeakMap<LessonCatalogueState, CourseEntry[]>();

/** The built-in course in its order, then the instructors' lessons (the same array while the catalogue is). */
export function selectCourse(s: Store): readonly CourseEntry[] {
  const c = s.lessonCatalogue;
  if (!c) return NO_COURSE;
  let entries = courses.get(c);
  if (!entries) {
    entries = [
      ...c.builtin.map((lesson) => ({ ref: lesson.id, lesson, file: null })),
      ...c.user.flatMap((u) => (u.ok ? [{ ref: userRef(u.lesson.id), lesson: u.lesson, file: u.name }] : [])),
    ];
    courses.set(c, entries);
  }
  return entries;
}
