/**
 * What the store keeps in localStorage, and how an older save is carried forward (architecture
 * principle 18: what users make is migrated, never silently dropped). Version 1 saved the request bar
 * as `{ from, to, protocol: 'keepalive' | 'dns' | …, count }`; version 2 saves the engine's request
 * (`{ from, target, protocol: 'HTTP/1.1', keepalive, count }`) and whether Send looks the name up.
 *
 * @example
 * migrateSaved({ text, request: { from: 'external', to: 'http://web', protocol: 'http2', count: 3 } }, 1);
 * // { text, request: { from: 'external', target: 'http://web', count: 3, protocol: 'HTTP/2', keepalive: true }, lookup: false }
 */
import { savedLessons, withoutLessonFields } from './lesson-save';
import { formFromV1, savedRequest } from './request-form';

export const SAVED_VERSION = 2;

type SavedFields = Record<string, unknown>;

const asFields = (saved: unknown): SavedFields =>
  typeof saved === 'object' && saved !== null && !Array.isArray(saved) ? (saved as SavedFields) : {};

/** Brings a save of an older (or newer) version to this version's shape, keeping everything it can. */
export function migrateSaved(saved: unknown, version: number): SavedFields {
  const fields = asFields(saved);
  if (version !== 1) return fields;
  const { request, ...rest } = fields;
  const form = formFromV1(request);
  return form ? { ...rest, ...form } : rest;
}

/**
 * The store after loading a save: the saved fields over the defaults, except a request that is not a
 * request (a damaged or hand-edited save), which leaves the default request and lookup in place. The
 * lessons' fields are read by lesson-save.ts, which has its own version; a lesson that was open opens
 * again beside the graph.
 */
export function mergeSaved<S extends object>(saved: unknown, current: S): S {
  const fields = asFields(saved);
  const { request, lookup, ...rest } = withoutLessonFields(fields);
  const valid = savedRequest(request);
  const lessons = fields.lessonsVersion === undefined ? null : savedLessons(fields);
  return {
    ...current,
    ...rest,
    ...(valid ? { request: valid, lookup: lookup === true } : {}),
    ...lessons,
    ...(lessons?.lessonId ? { sidePanel: 'lesson' } : {}),
  };
}
