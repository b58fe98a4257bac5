/**
 * What the page keeps of lessons across reloads (architecture principle 18): the lesson open and its
 * step, each lesson's progress and working text, the manifests set aside while a lesson is open, and the
 * instructors' lesson files. It is versioned on its own (`lessonsVersion`), beside the store's version,
 * and read field by field: a damaged entry is left out, never the rest with it.
 *
 * Version 1 kept each lesson's text and the manifests set aside as one text; version 2 keeps them as
 * files (scene-files.ts), and reads a version 1 text as the one file "scene.yaml". A save from before
 * lessons existed (store version 2 without these fields) opens with no lesson and no progress, its
 * manifests untouched.
 *
 * @example
 * savedLessons({ lessonsVersion: 1, lessonId: 'clusterip', lessonStepIndex: 2 }).lessonStepIndex; // 2
 */
import { findScenario, type ScenarioId } from '../scenarios';
import { savedRequest } from './request-form';
import { sceneFilesFrom, singleFile, type SceneFile } from './scene-files';
import type { RequestInit } from '../engine';

export const LESSONS_VERSION = 2;

/** One lesson's progress. Steps are by index; predictions by the step's index, as a string key. */
export interface LessonProgress {
  /** The step the student was on (where the lesson opens again). */
  step: number;
  /** Indexes of the steps shown at least once, ascending. */
  seen: number[];
  predictions: Record<string, { chosen: string; right: boolean }>;
  /** Ids of the challenges passed at least once. */
  passed: string[];
  /** Hints shown per challenge id: 1 the nudge, 2 the concept too, 3 the exact field too. */
  hints: Record<string, number>;
}

/** The manifests the student had before opening a lesson, given back when they leave it. */
export interface Sandbox {
  files: SceneFile[];
  scenarioId: ScenarioId | null;
  edited: boolean;
  request?: RequestInit;
  lookup?: boolean;
}

/** A lesson file an instructor loaded: its name and text, decoded again on every start. */
export interface UserLessonSource {
  name: string; // "intro.lesson.yaml"
  text: string;
}

export interface LessonSave {
  lessonsVersion: number;
  /** The lesson open: a built-in id ("clusterip") or "user:<id>" for an instructor's file. */
  lessonId: string | null;
  lessonStepIndex: number;
  lessonProgress: Record<string, LessonProgress>;
  /** Each lesson's working files while another is open (the open one's are the editor's `files`). */
  lessonTexts: Record<string, SceneFile[]>;
  lessonSandbox: Sandbox | null;
  userLessons: UserLessonSource[];
}

export const LESSON_SAVE_KEYS = [
  'lessonsVersion',
  'lessonId',
  'lessonStepIndex',
  'lessonProgress',
  'lessonTexts',
  'lessonSandbox',
  'userLessons',
] as const satisfies readonly (keyof LessonSave)[];

export const emptyLessonSave = (): LessonSave => ({
  lessonsVersion: LESSONS_VERSION,
  lessonId: null,
  lessonStepIndex: 0,
  lessonProgress: {},
  lessonTexts: {},
  lessonSandbox: null,
  userLessons: [],
});

export const emptyProgress = (): LessonProgress => ({
  step: 0,
  seen: [],
  predictions: {},
  passed: [],
  hints: {},
});

type Fields = Record<string, unknown>;

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';

/** The entries of a record whose values pass `keep`, reshaped by it (undefined: left out). */
function entries<T>(v: unknown, keep: (value: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(v)) return out;
  for (const [k, value] of Object.entries(v)) {
    const kept = keep(value);
    if (kept !== undefined) out[k] = kept;
  }
  return out;
}

function progressFrom(v: unknown): LessonProgress | undefined {
  if (!isRecord(v)) return undefined;
  return {
    step: isIndex(v.step) ? v.step : 0,
    seen: Array.isArray(v.seen) ? [...new Set(v.seen.filter(isIndex))].sort((a, b) => a - b) : [],
    predictions: entries(v.predictions, (p) =>
      isRecord(p) && isText(p.chosen) && typeof p.right === 'boolean'
        ? { chosen: p.chosen, right: p.right }
        : undefined,
    ),
    passed: Array.isArray(v.passed) ? [...new Set(v.passed.filter(isText))] : [],
    hints: entries(v.hints, (n) => (isIndex(n) ? Math.min(n, 3) : undefined)),
  };
}

/** A lesson's files, or (version 1) its one text. */
const filesFrom = (v: unknown): SceneFile[] | undefined =>
  isText(v) ? singleFile(v) : (sceneFilesFrom(v) ?? undefined);

function sandboxFrom(v: unknown): Sandbox | null {
  const files = isRecord(v) ? filesFrom(v.files ?? v.text) : undefined;
  if (!isRecord(v) || !files) return null;
  const id = isText(v.scenarioId) && findScenario(v.scenarioId) ? (v.scenarioId as ScenarioId) : null;
  const request = savedRequest(v.request);
  return {
    files,
    scenarioId: id,
    edited: v.edited === true || id === null,
    ...(request ? { request, lookup: v.lookup === true } : {}),
  };
}

function userLessonsFrom(v: unknown): UserLessonSource[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((u) =>
    isRecord(u) && isText(u.name) && isText(u.text) ? [{ name: u.name, text: u.text }] : [],
  );
}

/**
 * The lesson fields of a save, brought to this version: what is well-formed is kept, what is not is
 * replaced by its empty value (a save from before lessons existed has none of them).
 */
export function savedLessons(fields: Fields): LessonSave {
  const empty = emptyLessonSave();
  if (fields.lessonsVersion === undefined) return empty;
  const lessonId = isText(fields.lessonId) && fields.lessonId ? fields.lessonId : null;
  return {
    lessonsVersion: LESSONS_VERSION,
    lessonId,
    lessonStepIndex: lessonId && isIndex(fields.lessonStepIndex) ? fields.lessonStepIndex : 0,
    lessonProgress: entries(fields.lessonProgress, progressFrom),
    lessonTexts: entries(fields.lessonTexts, filesFrom),
    lessonSandbox: sandboxFrom(fields.lessonSandbox),
    userLessons: userLessonsFrom(fields.userLessons),
  };
}

/** The save without its lesson fields (they are read by savedLessons). */
export function withoutLessonFields(fields: Fields): Fields {
  const rest = { ...fields };
  for (const k of LESSON_SAVE_KEYS) delete rest[k];
  return rest;
}
