/**
 * The lessons' calls into the engine worker: the course, an instructor's file, a challenge checked and a
 * prediction judged. Checks and predictions run on the editor's text as it is when the student asks
 * (the worker builds it afresh with the page's seed), and their answers are kept with the revision they
 * were for, so the panel can say when the scene changed since.
 *
 * @example
 * await checkLessonChallenge('clusterip-selector'); // challengeRuns['clusterip/clusterip-selector'] is done
 */
import type { LessonError, Msg } from '../engine';
import { engineClient } from './engine-sync';
import {
  challengeKey,
  lessonByRef,
  predictionKey,
  userRef,
  type LessonRef,
  type UserLessonEntry,
} from './lesson-model';
import { emptyProgress, type LessonProgress, type UserLessonSource } from './lesson-save';
import { toSources } from './scene-files';
import { useStore } from './store';

const NOT_STARTED = 'engine not started';

/** Changes one lesson's progress. */
function updateProgress(ref: LessonRef, change: (p: LessonProgress) => LessonProgress) {
  useStore.setState((s) => ({
    lessonProgress: { ...s.lessonProgress, [ref]: change(s.lessonProgress[ref] ?? emptyProgress()) },
  }));
}

/** The worker could not answer; the store builds the descriptor itself (it imports no engine code). */
const engineError = (error: string): Msg => ({ id: 'lesson.format.engineError', params: { error } });

async function decodeSources(sources: readonly UserLessonSource[]): Promise<UserLessonEntry[]> {
  const c = engineClient();
  const out: UserLessonEntry[] = [];
  for (const { name, text } of sources) {
    const r = c ? await c.decodeLesson(name, text) : { ok: false as const, error: NOT_STARTED };
    if (!r.ok)
      out.push({ name, ok: false, errors: [{ file: name, field: '', message: engineError(r.error) }] });
    else if (r.value.ok) out.push({ name, ok: true, lesson: r.value.lesson });
    else out.push({ name, ok: false, errors: r.value.errors });
  }
  return out;
}

/** Resolves once the worker has answered its first build: the graph comes before the course. */
function engineStarted(): Promise<void> {
  return new Promise((resolve) => {
    if (useStore.getState().engineStatus !== 'starting') return resolve();
    const stop = useStore.subscribe((s) => {
      if (s.engineStatus === 'starting') return;
      stop();
      resolve();
    });
  });
}

/**
 * Asks the worker for the built-in course and decodes the instructors' saved files again, after the
 * first build (the worker answers in order, and the student waits for the graph first).
 */
export async function loadLessonCatalogue(): Promise<void> {
  await engineStarted();
  const c = engineClient();
  if (!c) return;
  const answer = await c.lessons();
  if (!answer.ok) {
    useStore.setState({ lessonCatalogueError: answer.error });
    return;
  }
  const user = await decodeSources(useStore.getState().userLessons);
  useStore.setState({
    lessonCatalogueError: null,
    lessonCatalogue: {
      builtin: answer.value.lessons,
      builtinErrors: answer.value.errors,
      user,
      maxBytes: answer.value.maxBytes,
    },
  });
}

/**
 * Adds an instructor's lesson (a bundle, YAML or JSON, from a file or a link) to the lessons kept across
 * reloads: its reference, or its errors (file, line, field). A lesson with the name or the id of one
 * loaded before replaces it (the student's progress and text in it stay).
 */
export async function addUserLesson(
  name: string,
  text: string,
): Promise<{ ok: true; ref: LessonRef } | { ok: false; errors: LessonError[] }> {
  const [entry] = await decodeSources([{ name, text }]);
  if (!entry || !entry.ok) return { ok: false, errors: entry && !entry.ok ? entry.errors : [] };
  const id = entry.lesson.id;
  useStore.setState((s) => {
    const catalogue = s.lessonCatalogue ?? { builtin: [], builtinErrors: [], user: [], maxBytes: Infinity };
    const replaced = new Set(
      catalogue.user.filter((u) => u.name === name || (u.ok && u.lesson.id === id)).map((u) => u.name),
    );
    return {
      userLessons: [...s.userLessons.filter((u) => !replaced.has(u.name)), { name, text }],
      lessonCatalogue: {
        ...catalogue,
        user: [...catalogue.user.filter((u) => !replaced.has(u.name)), entry],
      },
    };
  });
  return { ok: true, ref: userRef(id) };
}

/**
 * Loads an instructor's lesson file: kept across reloads and opened, or its errors (file, line, field)
 * shown.
 */
export async function loadLessonFile(name: string, text: string): Promise<boolean> {
  const r = await addUserLesson(name, text);
  useStore.setState({ lessonFileErrors: r.ok ? null : { name, errors: r.errors } });
  return r.ok && useStore.getState().openLesson(r.ref);
}

/** Checks a challenge of the open lesson on the editor's text. */
export async function checkLessonChallenge(challengeId: string): Promise<void> {
  const s = useStore.getState();
  const ref = s.lessonId;
  const challenge = lessonByRef(s.lessonCatalogue, ref)?.challenges.find((c) => c.id === challengeId);
  if (!ref || !challenge) return;
  const key = challengeKey(ref, challengeId);
  const { revision, files, seed } = s;
  useStore.setState((now) => ({
    challengeRuns: { ...now.challengeRuns, [key]: { status: 'running', revision } },
  }));
  const c = engineClient();
  const answer = c
    ? await c.checkChallenge(challenge, toSources(files), seed)
    : { ok: false as const, error: NOT_STARTED };
  useStore.setState((now) => ({
    challengeRuns: {
      ...now.challengeRuns,
      [key]: answer.ok
        ? { status: 'done', revision, result: answer.value }
        : { status: 'error', revision, error: answer.error },
    },
  }));
  if (answer.ok && answer.value.passed)
    updateProgress(ref, (p) =>
      p.passed.includes(challengeId) ? p : { ...p, passed: [...p.passed, challengeId] },
    );
}

/**
 * The student's prediction for the open step: the step's request is sent (the packets play) and the
 * engine judges the choice by what the cluster does.
 */
export async function answerPrediction(chosen: string, send: () => Promise<void>): Promise<void> {
  const s = useStore.getState();
  const ref = s.lessonId;
  const index = s.lessonStepIndex;
  const step = lessonByRef(s.lessonCatalogue, ref)?.steps[index];
  if (!ref || !step?.predict) return;
  const key = predictionKey(ref, index);
  const { revision, files, seed } = s;
  useStore.setState((now) => ({
    predictionRuns: { ...now.predictionRuns, [key]: { status: 'running', revision } },
  }));
  const c = engineClient();
  const [answer] = await Promise.all([
    c
      ? c.judgePrediction(step.predict, chosen, toSources(files), seed)
      : Promise.resolve({ ok: false as const, error: NOT_STARTED }),
    step.request ? send() : Promise.resolve(),
  ]);
  useStore.setState((now) => ({
    predictionRuns: {
      ...now.predictionRuns,
      [key]: answer.ok
        ? { status: 'done', revision, result: answer.value }
        : { status: 'error', revision, error: answer.error },
    },
  }));
  if (answer.ok)
    updateProgress(ref, (p) => ({
      ...p,
      predictions: { ...p.predictions, [index]: { chosen, right: answer.value.right } },
    }));
}
