/**
 * What the store keeps across reloads, and how an older save is carried forward (architecture
 * principle 18: what users make is migrated, never silently dropped). Version 1 saved the request bar
 * as `{ from, to, protocol: 'keepalive' | 'dns' | …, count }`; version 2 saves the engine's request
 * (`{ from, target, protocol: 'HTTP/1.1', keepalive, count }`) and whether Send looks the name up;
 * version 3 saves the scene as files (`files: [{ name, text }]`, `activeFile`) where 1 and 2 had one
 * `text`, read as the one file "scene.yaml".
 *
 * Every field is checked before it reaches the page: a save that is damaged or hand-edited (an unknown
 * locale, a null request, a text that is not a string) keeps the default for that field only.
 *
 * @example
 * migrateSaved({ text, request: { from: 'external', to: 'http://web', protocol: 'http2', count: 3 } }, 1);
 * // { files: [{ name: 'scene.yaml', text }], request: { from: 'external', target: 'http://web', count: 3, protocol: 'HTTP/2', keepalive: true }, lookup: false }
 */
import { LOCALES, type Locale } from '../i18n/translate';
import { findScenario } from '../scenarios';
import { savedLessons } from './lesson-save';
import { formFromV1, savedRequest } from './request-form';
import { sceneFilesFrom, singleFile } from './scene-files';

export const SAVED_VERSION = 3;

type SavedFields = Record<string, unknown>;

const asFields = (saved: unknown): SavedFields =>
  typeof saved === 'object' && saved !== null && !Array.isArray(saved) ? (saved as SavedFields) : {};

/** Brings a save of an older (or newer) version to this version's shape, keeping everything it can. */
export function migrateSaved(saved: unknown, version: number): SavedFields {
  let fields = asFields(saved);
  if (version === 1) {
    const { request, ...rest } = fields;
    const form = formFromV1(request);
    fields = form ? { ...rest, ...form } : rest;
  }
  if (version < 3 && fields.files === undefined && typeof fields.text === 'string') {
    const { text, ...rest } = fields;
    fields = { ...rest, files: singleFile(text) };
  }
  return fields;
}

/** The scene fields of a save, each checked; absent when the save has no scene to give. */
function savedScene(fields: SavedFields) {
  const files =
    sceneFilesFrom(fields.files) ?? (typeof fields.text === 'string' ? singleFile(fields.text) : null);
  if (!files) return {};
  const scenario =
    typeof fields.scenarioId === 'string' ? (findScenario(fields.scenarioId)?.id ?? null) : null;
  const active = files.find((f) => f.name === fields.activeFile) ?? files[0]!;
  return {
    files,
    activeFile: active.name,
    scenarioId: scenario,
    // A scene from no scenario is the user's own, whatever the save says.
    edited: scenario === null || fields.edited === true,
  };
}

/**
 * The store after loading a save: the saved fields over the defaults, each only when it is well-formed
 * (a request that is not a request leaves the default request and lookup in place). The lessons'
 * fields are read by lesson-save.ts, which has its own version; a lesson that was open opens again
 * beside the graph.
 */
export function mergeSaved<S extends object>(saved: unknown, current: S): S {
  const fields = asFields(saved);
  const request = savedRequest(fields.request);
  const locale = LOCALES.find((l) => l === fields.locale) as Locale | undefined;
  const lessons = fields.lessonsVersion === undefined ? null : savedLessons(fields);
  return {
    ...current,
    ...savedScene(fields),
    ...(locale ? { locale } : {}),
    ...(request ? { request, lookup: fields.lookup === true } : {}),
    ...lessons,
    ...(lessons?.lessonId ? { sidePanel: 'lesson' } : {}),
  };
}
