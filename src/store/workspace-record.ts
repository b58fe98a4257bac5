/**
 * What is kept of a workspace (a named scene) and of the page across reloads, in IndexedDB, and how a
 * record is read back (architecture principle 18). Every record carries its version; reading checks every
 * field (saved-state.ts's rules: a damaged field keeps its default, the rest is kept) and says whether the
 * record should also be kept aside untouched: one from a newer svclab, or one that had nothing readable.
 *
 * The page's record gained `consoleSize` (the console's height as the user left it, console-size.ts) in
 * version 1 without a new version: a record without it (every one saved before) reads as the page's own
 * height, and an older svclab reading one with it ignores the field, as it loses nothing it knew. A new
 * version would only make such an older tab keep every page record aside as one from a newer svclab.
 *
 * @example
 * readWorkspace({ v: 1, id: 'w1', name: null, files: [{ name: 'scene.yaml', text: '…' }], updated: 5 });
 * // { workspace: { id: 'w1', name: null, files: […], activeFile: 'scene.yaml', … }, keepAside: false }
 */
import type { RequestInit } from '../engine';
import { LOCALES, type Locale } from '../i18n/translate';
import type { ScenarioId } from '../scenarios';
import { consoleSizeFrom, type ConsoleSize } from './console-size';
import { emptyLessonSave, savedLessons, type LessonSave } from './lesson-save';
import { mergeSaved } from './saved-state';
import type { SceneFile } from './scene-files';

export const WORKSPACE_VERSION = 1;
export const APP_VERSION = 1;

/** A workspace's scene and request bar: what switching workspaces swaps. */
export interface WorkspaceScene {
  files: SceneFile[];
  activeFile: string;
  scenarioId: ScenarioId | null;
  edited: boolean;
  request: RequestInit;
  lookup: boolean;
}

export interface Workspace extends WorkspaceScene {
  id: string; // "w-lx3k2a-9f"
  /** The name the user gave; null: named after its scenario, or "Untitled". */
  name: string | null;
  /** When it was last saved (ms since the epoch; for the list's order only). */
  updated: number;
  /** The link it was opened from (its fragment's digest), so the same link comes back to it. */
  link?: string;
}

export interface WorkspaceMeta {
  id: string;
  name: string | null;
  scenarioId: ScenarioId | null;
  files: number;
  updated: number;
  /** The digest of the link it was opened from, if any. */
  link?: string;
}

/** The page's own record: the language, the console's height and everything about lessons. */
export interface AppRecord extends LessonSave {
  v: number;
  locale: Locale;
  /** Absent from records saved before it was kept: null, the page's own height. */
  consoleSize: ConsoleSize | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const metaOf = (w: Workspace): WorkspaceMeta => ({
  id: w.id,
  name: w.name,
  scenarioId: w.scenarioId,
  files: w.files.length,
  updated: w.updated,
  ...(w.link ? { link: w.link } : {}),
});

/**
 * A workspace record read back over `fallback` (the page's defaults): null when it has no id. `keepAside`
 * says to keep the raw record as well: a newer version (read as well as this version can), or no files.
 */
export function readWorkspace(
  raw: unknown,
  fallback: WorkspaceScene,
): { workspace: Workspace; keepAside: boolean } | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !raw.id) return null;
  const version = typeof raw.v === 'number' ? raw.v : 0;
  const scene = mergeSaved(raw, { ...fallback });
  const noFiles = scene.files === fallback.files;
  return {
    workspace: {
      ...pickScene(scene),
      id: raw.id,
      name: typeof raw.name === 'string' && raw.name.trim() ? raw.name.slice(0, 100) : null,
      updated: typeof raw.updated === 'number' && Number.isFinite(raw.updated) ? raw.updated : 0,
      ...(typeof raw.link === 'string' ? { link: raw.link } : {}),
    },
    keepAside: version > WORKSPACE_VERSION || noFiles,
  };
}

export const pickScene = (s: WorkspaceScene): WorkspaceScene => ({
  files: s.files,
  activeFile: s.activeFile,
  scenarioId: s.scenarioId,
  edited: s.edited,
  request: s.request,
  lookup: s.lookup,
});

/** The page's record read back: the language and the console's size when they are ones, the lessons field by field. */
export function readApp(raw: unknown, fallbackLocale: Locale): { app: AppRecord; keepAside: boolean } {
  const fields = isRecord(raw) ? raw : {};
  const version = typeof fields.v === 'number' ? fields.v : 0;
  const locale = LOCALES.find((l) => l === fields.locale) ?? fallbackLocale;
  return {
    app: {
      v: APP_VERSION,
      locale,
      consoleSize: consoleSizeFrom(fields.consoleSize),
      ...(fields.lessonsVersion === undefined ? emptyLessonSave() : savedLessons(fields)),
    },
    keepAside: version > APP_VERSION,
  };
}
