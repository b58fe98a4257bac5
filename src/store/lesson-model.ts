/**
 * Pure helpers of the lessons slice: finding a lesson by its reference, and what entering a step changes
 * (the step is marked seen, the request bar is filled with the step's request).
 *
 * @example
 * lessonByRef(catalogue, 'user:my-intro'); // the instructor's lesson with id "my-intro"
 */
import type { ChallengeResult, LessonError, LoadedLesson, PredictionResult } from '../engine';
import type { ClusterState } from '../engine';
import { emptyProgress, type LessonProgress } from './lesson-save';
import { formFromV1, type RequestFormState } from './request-form';
import { hasPlaceholder, resolveTarget } from './suggested-target';

/** A built-in lesson's id ("clusterip"), or "user:<id>" for a lesson an instructor loaded from a file. */
export type LessonRef = string;

export const USER_PREFIX = 'user:';
export const userRef = (id: string): LessonRef => `${USER_PREFIX}${id}`;

/** An instructor's file as decoded on this start: the lesson, or what is wrong with it. */
export type UserLessonEntry =
  { name: string; ok: true; lesson: LoadedLesson } | { name: string; ok: false; errors: LessonError[] };

export interface LessonCatalogueState {
  builtin: LoadedLesson[];
  /** Built-in folders that did not decode (shown, never hidden). */
  builtinErrors: { folder: string; errors: LessonError[] }[];
  /** One entry per saved lesson file, in the order they were loaded. */
  user: UserLessonEntry[];
  /** The largest lesson file the engine reads, in bytes. */
  maxBytes: number;
}

/** An answer from the worker for one check or prediction, with the text revision it was asked for. */
export type LessonRun<T> =
  | { status: 'running'; revision: number }
  | { status: 'done'; revision: number; result: T }
  | { status: 'error'; revision: number; error: string };

export type ChallengeRun = LessonRun<ChallengeResult>;
export type PredictionRun = LessonRun<PredictionResult>;

export const challengeKey = (ref: LessonRef, challengeId: string) => `${ref}/${challengeId}`;
export const predictionKey = (ref: LessonRef, step: number) => `${ref}#${step}`;

export function lessonByRef(
  catalogue: LessonCatalogueState | null,
  ref: LessonRef | null,
): LoadedLesson | undefined {
  if (!catalogue || !ref) return undefined;
  if (ref.startsWith(USER_PREFIX)) {
    const id = ref.slice(USER_PREFIX.length);
    for (const u of catalogue.user) if (u.ok && u.lesson.id === id) return u.lesson;
    return undefined;
  }
  return catalogue.builtin.find((l) => l.id === ref);
}

/**
 * A lesson's pages: its steps, then one page for its challenges when it has any. The store's step index
 * counts pages, so a link or a clicker reaches the challenges too.
 */
export const pageCount = (lesson: Pick<LoadedLesson, 'steps' | 'challenges'>) =>
  lesson.steps.length + (lesson.challenges.length > 0 ? 1 : 0);

export const clampStep = (lesson: Pick<LoadedLesson, 'steps' | 'challenges'>, step: number) =>
  Math.max(0, Math.min(pageCount(lesson) - 1, Math.trunc(step) || 0));

/** The request bar's form for a step's request; placeholders are filled when the cluster can answer. */
export function stepRequestForm(
  request: NonNullable<LoadedLesson['steps'][number]['request']>,
  cluster: ClusterState | null,
): RequestFormState | null {
  const form = formFromV1(request);
  if (!form) return null;
  if (cluster && hasPlaceholder(form.request.target))
    return { ...form, request: { ...form.request, target: resolveTarget(form.request.target, cluster) } };
  return form;
}

/**
 * A step's console line as the student will run it: the allocated addresses it names by placeholder
 * (`{lb:ingress-nginx/ingress-nginx-controller}`) filled from the built cluster, as a step's request is;
 * one the cluster cannot answer yet stays as written.
 *
 * @example
 * stepCommand("curl http://{nodeIP:node-1}:30080/", cluster); // "curl http://192.168.49.2:30080/"
 */
export const stepCommand = (command: string, cluster: ClusterState | null): string =>
  cluster && hasPlaceholder(command) ? resolveTarget(command, cluster) : command;

/**
 * The progress after showing page `index`: it is the page to come back to, and a step page has been seen
 * (`steps`: how many steps the lesson has).
 */
export function progressAt(
  progress: LessonProgress | undefined,
  index: number,
  steps: number,
): LessonProgress {
  const p = progress ?? emptyProgress();
  const seen = index >= steps || p.seen.includes(index) ? p.seen : [...p.seen, index].sort((a, b) => a - b);
  return p.step === index && seen === p.seen ? p : { ...p, step: index, seen };
}
