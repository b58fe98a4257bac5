/**
 * Reads a lesson from a folder's files (`lesson.yaml` and the files it names) or from one bundle (the same
 * content with its files inline, YAML or JSON, for a file or a link). Every problem is a value with the
 * file, line, field and what to do: a lesson written by hand must say where it is wrong.
 *
 * @example
 * decodeLessonFolder({ 'lesson.yaml': text, 'scene.yaml': scene });
 * // { ok: true, lesson: { id: 'clusterip', …, files: { 'scene.yaml': '…' } } }
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { duplicateKeyErrors } from '../manifest/duplicate-keys';
import {
  deepFlowBracket,
  depthExceeds,
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  MAX_FLOW_BRACKETS,
} from '../manifest/parse-chunk';
import { utf8Length } from '../manifest/split';
import type { ManifestSource } from '../manifest/parse';
import { msg, type Msg } from '../messages';
import { checkExpression } from './query';
import { LessonSchema, located, PARSE, type Condition, type Lesson, type Run } from './schema';

export interface LessonError {
  file: string; // "lesson.yaml"
  line?: number;
  column?: number;
  field: string; // "challenges[0].checks[1].every.path"
  /** What is wrong and what to write, in both languages (render with the page's or the CLI's language). */
  message: Msg;
}

/** A decoded lesson whose `files` holds the text of every file it names. */
export type LoadedLesson = Lesson & { files: Record<string, string> };

export type DecodeResult = { ok: true; lesson: LoadedLesson } | { ok: false; errors: LessonError[] };

export const LESSON_FILE = 'lesson.yaml';
/** A bundle, a folder's lesson.yaml or a scene file larger than this (UTF-8 bytes) is refused before parsing. */
export const MAX_LESSON_BYTES = 2_000_000;

type Path = readonly (string | number)[];

function fieldOf(path: Path): string {
  return path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    '',
  );
}

/** The line and column of the deepest node on `path` that exists in the document. */
function position(doc: Document, lc: LineCounter, path: Path): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && (isMap(node) || isSeq(node) || isScalar(node)) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return {};
}

function walkCondition(c: Condition, path: Path, out: [string, Path][]): void {
  if (c.path !== undefined) out.push([c.path, [...path, 'path']]);
  if (c.label !== undefined) out.push([c.label, [...path, 'label']]);
  for (const k of ['every', 'some', 'none', 'not'] as const) {
    const inner = c[k];
    if (inner) walkCondition(inner, [...path, k], out);
  }
  for (const k of ['all', 'any'] as const) c[k]?.forEach((x, i) => walkCondition(x, [...path, k, i], out));
}

function refsOf(c: Condition, path: Path, out: [string, Path][]): void {
  for (const k of ['equals', 'oneOf', 'startsWith', 'contains'] as const) {
    const v = c[k] as { ref?: unknown } | undefined;
    if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      typeof v.ref === 'string' &&
      Object.keys(v).length === 1
    )
      out.push([v.ref, [...path, k, 'ref']]);
  }
  for (const k of ['every', 'some', 'none', 'not'] as const) {
    const inner = c[k];
    if (inner) refsOf(inner, [...path, k], out);
  }
  for (const k of ['all', 'any'] as const) c[k]?.forEach((x, i) => refsOf(x, [...path, k, i], out));
}

function runExpressions(runs: readonly Run[], path: Path, out: [string, Path][]): void {
  runs.forEach((r, i) => {
    if (r.forEach !== undefined) out.push([r.forEach, [...path, i, 'forEach']]);
    if (r.value !== undefined) out.push([r.value, [...path, i, 'value']]);
    for (const m of (r.command ?? '').matchAll(/\{\{(.*?)\}\}/g))
      out.push([m[1]!.trim(), [...path, i, 'command']]);
  });
}

/** What the schema cannot say: expressions that do not parse, refs to no value, files that are missing. */
function semanticErrors(lesson: Lesson, files: Record<string, string>): { path: Path; message: Msg }[] {
  const errors: { path: Path; message: Msg }[] = [];
  const exprs: [string, Path][] = [];
  const block = (
    runs: readonly Run[],
    lets: Record<string, string> | undefined,
    base: Path,
    conds: [Condition, Path][],
  ) => {
    runExpressions(runs, [...base, 'run'], exprs);
    for (const [k, v] of Object.entries(lets ?? {})) exprs.push([v, [...base, 'let', k]]);
    const names = new Set([...runs.map((r) => r.name), ...Object.keys(lets ?? {})]);
    const seen = new Set<string>();
    runs.forEach((r, i) => {
      if (seen.has(r.name))
        errors.push({
          path: [...base, 'run', i, 'name'],
          message: msg('lesson.format.duplicateName', { name: r.name }),
        });
      seen.add(r.name);
    });
    for (const [c, p] of conds) {
      walkCondition(c, p, exprs);
      const refs: [string, Path][] = [];
      refsOf(c, p, refs);
      for (const [name, rp] of refs)
        if (!names.has(name))
          errors.push({
            path: rp,
            message: msg('lesson.format.unknownRef', { name, known: [...names] }),
          });
    }
  };
  lesson.challenges.forEach((ch, i) =>
    block(
      ch.run,
      ch.let,
      ['challenges', i],
      ch.checks.map((c, j) => [c, ['challenges', i, 'checks', j]] as [Condition, Path]),
    ),
  );
  lesson.steps.forEach((s, i) => {
    if (s.predict)
      block(
        s.predict.run,
        s.predict.let,
        ['steps', i, 'predict'],
        s.predict.choices.map(
          (c, j) => [c.when, ['steps', i, 'predict', 'choices', j, 'when']] as [Condition, Path],
        ),
      );
  });
  for (const [expr, path] of exprs) {
    const e = checkExpression(expr);
    if (e) errors.push({ path, message: msg('lesson.format.notJmesPath', { error: e }) });
  }
  const named: [string, Path][] = [
    ...lesson.scene.map((f, i) => [f, ['scene', i]] as [string, Path]),
    ...(lesson.solution ?? []).map((f, i) => [f, ['solution', i]] as [string, Path]),
    ...(lesson.examples ?? []).flatMap((e, i) =>
      e.files.map((f, j) => [f, ['examples', i, 'files', j]] as [string, Path]),
    ),
  ];
  for (const [f, path] of named)
    if (files[f] === undefined) errors.push({ path, message: msg('lesson.format.noFile', { file: f }) });
  return errors;
}

/**
 * Reads a lesson file under the manifest reader's limits (issue 17): its size in UTF-8 bytes, flow brackets
 * left open before the parser runs (deep `[[[…` overflows the parser's stack), duplicate keys found in one
 * pass (the yaml package's own check is quadratic), then, on the value, the alias and depth limits.
 */
function parseText(
  file: string,
  text: string,
): { doc: Document; lc: LineCounter } | { errors: LessonError[] } {
  if (text.length * 3 > MAX_LESSON_BYTES && utf8Length(text) > MAX_LESSON_BYTES)
    return {
      errors: [{ file, field: '', message: msg('lesson.format.tooLarge', { limit: MAX_LESSON_BYTES }) }],
    };
  const deep = deepFlowBracket(text, MAX_FLOW_BRACKETS);
  if (deep)
    return {
      errors: [{ file, ...deep, field: '', message: msg('lesson.format.tooDeep', { limit: MAX_DEPTH }) }],
    };
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const errors = doc.errors.length > 0 ? doc.errors : duplicateKeyErrors(doc);
  if (errors.length > 0)
    return {
      errors: errors.slice(0, 5).map((e) => {
        const p = lc.linePos(e.pos[0]);
        return {
          file,
          line: p.line,
          column: p.col,
          field: '',
          message: msg('lesson.format.yaml', { error: e.message.split('\n')[0] ?? e.message }),
        };
      }),
    };
  return { doc, lc };
}

function decode(file: string, text: string, files: Record<string, string> | undefined): DecodeResult {
  const parsed = parseText(file, text);
  if ('errors' in parsed) return { ok: false, errors: parsed.errors };
  const { doc, lc } = parsed;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const message = /alias/i.test(error)
      ? msg('lesson.format.aliasLimit', { limit: MAX_ALIAS_COUNT })
      : msg('lesson.format.yaml', { error });
    return { ok: false, errors: [{ file, field: '', message }] };
  }
  if (depthExceeds(data, MAX_DEPTH))
    return {
      ok: false,
      errors: [{ file, field: '', message: msg('lesson.format.tooDeep', { limit: MAX_DEPTH }) }],
    };
  const at = (path: Path, message: Msg): LessonError => ({
    file,
    ...position(doc, lc, path),
    field: fieldOf(path),
    message,
  });
  const r = LessonSchema.safeParse(data, PARSE);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues
        .flatMap(located)
        .slice(0, 20)
        .map(([path, message]) => at(path as Path, message)),
    };
  const all = { ...(files ?? {}), ...(r.data.files ?? {}) };
  const semantic = semanticErrors(r.data, all);
  if (semantic.length > 0)
    return { ok: false, errors: semantic.slice(0, 20).map((e) => at(e.path, e.message)) };
  return { ok: true, lesson: { ...r.data, files: all } };
}

/**
 * A lesson folder: `lesson.yaml` and the files it names, by path relative to the folder.
 *
 * @example decodeLessonFolder({ 'lesson.yaml': '…', 'scene.yaml': '…' }).ok // true
 */
export function decodeLessonFolder(files: Record<string, string>): DecodeResult {
  const text = files[LESSON_FILE];
  if (text === undefined)
    return {
      ok: false,
      errors: [{ file: LESSON_FILE, field: '', message: msg('lesson.format.needLessonYaml', {}) }],
    };
  const others = Object.fromEntries(Object.entries(files).filter(([k]) => k !== LESSON_FILE));
  return decode(LESSON_FILE, text, others);
}

/**
 * A lesson bundle: the lesson with `files:` inline, as YAML or JSON (JSON is YAML).
 *
 * @example decodeLessonBundle('intro.lesson.yaml', text).ok // true
 */
export function decodeLessonBundle(name: string, text: string): DecodeResult {
  return decode(name, text, undefined);
}

/**
 * The bundle of a lesson: the same data with every file it names inline, ready for a file or a link.
 *
 * @example decodeLessonBundle('x.json', JSON.stringify(toBundle(lesson))).ok // true
 */
export function toBundle(lesson: LoadedLesson): Lesson {
  const named = new Set([
    ...lesson.scene,
    ...(lesson.solution ?? []),
    ...(lesson.examples ?? []).flatMap((e) => e.files),
  ]);
  const files = Object.fromEntries(Object.entries(lesson.files).filter(([k]) => named.has(k)));
  return { ...lesson, files };
}

/** Files of the lesson as manifest sources, applied in the order given. */
export function sourcesOf(lesson: LoadedLesson, names: readonly string[]): ManifestSource[] {
  return names.map((file) => ({ file, text: lesson.files[file] ?? '' }));
}
