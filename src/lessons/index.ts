/**
 * The built-in lessons: one folder per lesson (`<id>/lesson.yaml`, its scene, its solution and its
 * example scenes), in the order of `course.yaml`. The files are data; the same decoder reads them as it
 * reads an instructor's folder or bundle, so a built-in lesson has no powers a loaded one lacks.
 */
import { parse } from 'yaml';
import { decodeLessonFolder, msg, type LessonError, type LoadedLesson } from '../engine';
import courseText from './course.yaml?raw';

const raw = import.meta.glob('./*/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** Each folder's files by path relative to the folder. */
function folders(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(raw)) {
    const m = /^\.\/([^/]+)\/(.+)$/.exec(path);
    if (!m) continue;
    const files = out.get(m[1]!) ?? {};
    files[m[2]!] = text;
    out.set(m[1]!, files);
  }
  return out;
}

/** The course order: lesson ids as course.yaml lists them. */
export const COURSE: readonly string[] = (parse(courseText) as { lessons: string[] }).lessons;

export interface BuiltinLessons {
  lessons: LoadedLesson[];
  /** Decoding errors by folder: a built-in lesson that does not decode is a bug the tests catch. */
  errors: { folder: string; errors: LessonError[] }[];
}

let cache: BuiltinLessons | undefined;

/** Every built-in lesson, decoded once, in course order. */
export function builtinLessons(): BuiltinLessons {
  if (cache) return cache;
  const lessons: LoadedLesson[] = [];
  const errors: BuiltinLessons['errors'] = [];
  const all = folders();
  for (const id of COURSE) {
    const files = all.get(id);
    if (!files) {
      errors.push({
        folder: id,
        errors: [{ file: 'course.yaml', field: 'lessons', message: msg('lesson.format.noFolder', { id }) }],
      });
      continue;
    }
    const r = decodeLessonFolder(files);
    if (r.ok) lessons.push(r.lesson);
    else errors.push({ folder: id, errors: r.errors });
  }
  cache = { lessons, errors };
  return cache;
}

/** The challenge with this id, with its lesson. */
export function findChallenge(id: string) {
  for (const lesson of builtinLessons().lessons) {
    const challenge = lesson.challenges.find((c) => c.id === id);
    if (challenge) return { lesson, challenge };
  }
  return undefined;
}

export function findLesson(id: string): LoadedLesson | undefined {
  return builtinLessons().lessons.find((l) => l.id === id);
}
