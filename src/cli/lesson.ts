/**
 * `svclab lesson …` (lessons.md): list and show the built-in lessons, validate an instructor's lesson
 * folder or bundle, check a scene against a challenge, and print the format's JSON Schema.
 *
 *   svclab lesson list [-o json]
 *   svclab lesson show ID [-o json]
 *   svclab lesson validate DIR|FILE
 *   svclab -f scene.yaml lesson check CHALLENGE [--lesson DIR|FILE] [-o json]
 *   svclab lesson schema
 *
 * Text is English unless the global `--lang ko` is given. Exit: 0 passed/valid, 1 not, 2 usage error or unknown challenge.
 *
 * @example
 * await lessonCommand(['check', 'clusterip-selector'], { sources, seed: 1, io }); // 0 when the scene passes
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import {
  buildCluster,
  checkChallenge,
  decodeLessonBundle,
  decodeLessonFolder,
  LessonSchema,
  MAX_LESSON_BYTES,
  validateLesson,
  type DecodeResult,
  type LessonError,
  type LoadedLesson,
  msg,
  render,
  type Lang,
  type Msg,
  type ManifestSource,
} from '../engine';
import { builtinLessons, findChallenge, findLesson } from '../lessons';

export interface LessonIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = `usage: svclab lesson list [-o json]
       svclab lesson show ID [-o json]
       svclab lesson validate DIR|FILE
       svclab -f scene.yaml lesson check CHALLENGE [--lesson DIR|FILE] [-o json]
       svclab lesson schema
`;

interface Options {
  json: boolean;
  lang: Lang;
  lesson?: string;
  words: string[];
}

function options(args: string[], lang: Lang): Options | string | Msg {
  const o: Options = { json: false, lang, words: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '-o' || a === '--output') && args[i + 1] === 'json') {
      o.json = true;
      i++;
    } else if (a === '-ojson' || a === '-o=json' || a === '--output=json') o.json = true;
    else if (a === '--lesson' || a.startsWith('--lesson=')) {
      const v = a === '--lesson' ? args[++i] : a.slice('--lesson='.length);
      if (!v) return msg('usage.lessonFlag', {});
      o.lesson = v;
    } else if (a.startsWith('-')) return `unknown flag: ${a}`;
    else o.words.push(a);
  }
  return o;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** Reads a lesson folder (lesson.yaml and every file under it) or a bundle file from disk. */
export function readLesson(path: string): DecodeResult {
  let st;
  try {
    st = statSync(path);
  } catch {
    return { ok: false, errors: [{ file: path, field: '', message: msg('lesson.format.noSuchFile', {}) }] };
  }
  if (!st.isDirectory()) {
    if (st.size > MAX_LESSON_BYTES)
      return {
        ok: false,
        errors: [
          { file: path, field: '', message: msg('lesson.format.tooLarge', { limit: MAX_LESSON_BYTES }) },
        ],
      };
    return decodeLessonBundle(path, readFileSync(path, 'utf8'));
  }
  const files: Record<string, string> = {};
  let total = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > 4) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && /\.(ya?ml|json)$/.test(entry.name)) {
        total += statSync(full).size;
        if (total > MAX_LESSON_BYTES) return;
        files[relative(path, full).split(sep).join('/')] = readFileSync(full, 'utf8');
      }
    }
  };
  walk(path, 0);
  if (total > MAX_LESSON_BYTES)
    return {
      ok: false,
      errors: [
        { file: path, field: '', message: msg('lesson.format.folderTooLarge', { limit: MAX_LESSON_BYTES }) },
      ],
    };
  return decodeLessonFolder(files);
}

function formatErrors(errors: LessonError[], lang: Lang): string {
  return errors
    .map(
      (e) =>
        `${e.file}${e.line ? `:${e.line}` : ''}${e.column ? `:${e.column}` : ''}: ${e.field ? `${e.field}: ` : ''}${render(e.message, lang)}\n`,
    )
    .join('');
}

function list(o: Options, io: LessonIo): number {
  const lessons = builtinLessons().lessons;
  if (o.json) {
    io.stdout(
      json({
        lessons: lessons.map((l) => ({
          id: l.id,
          title: l.title,
          concepts: l.concepts,
          challenges: l.challenges.map((c) => ({ id: c.id, title: c.title })),
        })),
      }),
    );
    return 0;
  }
  const rows = lessons.map((l) => [l.id, l.title[o.lang], l.challenges.map((c) => c.id).join(',') || '-']);
  const w0 = Math.max(2, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(5, ...rows.map((r) => r[1]!.length));
  io.stdout(
    [['ID', 'TITLE', 'CHALLENGES'], ...rows]
      .map((r) => `${r[0]!.padEnd(w0)}   ${r[1]!.padEnd(w1)}   ${r[2]}`.trimEnd())
      .join('\n') + '\n',
  );
  return 0;
}

function show(o: Options, io: LessonIo): number {
  const id = o.words[1];
  if (!id) return usage(msg('usage.lessonId', {}), io, o.lang);
  const lesson = findLesson(id);
  if (!lesson) {
    io.stderr(`svclab lesson: ${render(msg('usage.noLesson', { id }), o.lang)}\n`);
    return 2;
  }
  const scene = { files: lesson.scene.map((name) => ({ name, text: lesson.files[name] ?? '' })) };
  if (o.json) {
    const { files: _files, examples: _examples, solution: _solution, ...rest } = lesson;
    io.stdout(json({ ...rest, scene }));
    return 0;
  }
  const L = o.lang;
  const out: string[] = [`${lesson.title[L]} (${lesson.id})`, '', lesson.summary[L], ''];
  lesson.steps.forEach((s, i) => {
    out.push(`${i + 1}. ${s.text[L]}`);
    if (s.request)
      out.push(`   request: ${s.request.from} → ${s.request.to} (${s.request.protocol} ×${s.request.count})`);
    if (s.command) out.push(`   console: ${s.command}`);
    if (s.predict) {
      out.push(`   ? ${s.predict.question[L]}`);
      for (const c of s.predict.choices) out.push(`     - ${c.text[L]}`);
    }
  });
  for (const c of lesson.challenges) out.push('', `challenge ${c.id}: ${c.title[L]}`, `  ${c.goal[L]}`);
  out.push('', `scene: ${lesson.scene.join(', ')} (svclab lesson show ${lesson.id} -o json prints them)`);
  io.stdout(out.join('\n') + '\n');
  return 0;
}

function validate(o: Options, io: LessonIo, seed: number): number {
  const path = o.words[1];
  if (!path) return usage(msg('usage.lessonPath', {}), io, o.lang);
  const r = readLesson(path);
  if (!r.ok) {
    io.stderr(formatErrors(r.errors, o.lang));
    return 1;
  }
  const v = validateLesson(r.lesson, { seed });
  const r2 = (m: Msg) => render(m, o.lang);
  for (const f of v.findings) {
    io.stdout(`${f.ok ? 'ok  ' : 'FAIL'} ${r2(f.what)}\n`);
    for (const d of f.details) io.stdout(`       ${r2(d)}\n`);
  }
  io.stdout(v.ok ? `lesson ${r.lesson.id} is valid\n` : `lesson ${r.lesson.id} is not valid\n`);
  return v.ok ? 0 : 1;
}

function check(o: Options, io: LessonIo, sources: ManifestSource[], seed: number): number {
  const id = o.words[1];
  if (!id) return usage(msg('usage.challengeId', {}), io, o.lang);
  let challenge;
  if (o.lesson) {
    const r = readLesson(o.lesson);
    if (!r.ok) {
      io.stderr(formatErrors(r.errors, o.lang));
      return 2;
    }
    challenge = r.lesson.challenges.find((c) => c.id === id);
  } else challenge = findChallenge(id)?.challenge;
  if (!challenge) {
    const known = o.lesson ? [] : builtinLessons().lessons.flatMap((l) => l.challenges.map((c) => c.id));
    io.stderr(
      `svclab lesson: ${render(msg('usage.noChallenge', { id, known: known.join(', ') }), o.lang)}\n`,
    );
    return 2;
  }
  const result = checkChallenge(challenge, buildCluster(sources, { seed }), { seed });
  const r = (m: Msg) => render(m, o.lang);
  if (o.json) {
    io.stdout(
      json({
        challenge: result.challenge,
        passed: result.passed,
        checks: result.checks.map((c) => ({
          description: r(c.description),
          passed: c.passed,
          detail: r(c.detail),
        })),
      }),
    );
  } else {
    const out = [`${challenge.title[o.lang]} (${challenge.id})`];
    for (const c of result.checks)
      out.push(`  ${c.passed ? 'pass' : 'FAIL'}  ${r(c.description)}`, `        ${r(c.detail)}`);
    const failed = result.checks.filter((c) => !c.passed).length;
    out.push(r(msg('lesson.cli.result', { passed: result.passed, failed, total: result.checks.length })));
    io.stdout(out.join('\n') + '\n');
  }
  return result.passed ? 0 : 1;
}

function usage(reason: string | Msg, io: LessonIo, lang: Lang): number {
  const line = typeof reason === 'string' ? reason : render(reason, lang);
  io.stderr(`svclab lesson: ${line}\n${USAGE}${render(msg('usage.seeHelp', {}), lang)}\n`);
  return 2;
}

/**
 * Runs `lesson …` (args exclude the word `lesson`). Manifests are only read by `check`.
 *
 * @example await lessonCommand(['list', '-o', 'json'], ctx) // 0
 */
export function lessonCommand(
  args: string[],
  ctx: {
    io: LessonIo;
    seed: number;
    lang: Lang;
    sources: () => ManifestSource[] | { error: Msg; usage?: true };
  },
): number {
  const o = options(args, ctx.lang);
  if (typeof o !== 'object' || !('words' in o)) return usage(o, ctx.io, ctx.lang);
  const { io } = ctx;
  const bad = builtinLessons().errors;
  if (bad.length > 0)
    io.stderr(
      bad
        .map((b) => `svclab: built-in lesson ${b.folder} does not decode:\n${formatErrors(b.errors, 'en')}`)
        .join(''),
    );
  switch (o.words[0]) {
    case 'list':
      return list(o, io);
    case 'show':
      return show(o, io);
    case 'validate':
      return validate(o, io, ctx.seed);
    case 'schema':
      io.stdout(json(z.toJSONSchema(LessonSchema, { unrepresentable: 'any', io: 'input' })));
      return 0;
    case 'check': {
      const s = ctx.sources();
      if ('error' in s) {
        // As for every other command: a file that is not there is a usage error (exit 2).
        const help = s.usage ? `${render(msg('usage.seeHelp', {}), ctx.lang)}\n` : '';
        io.stderr(`svclab: ${render(s.error, ctx.lang)}\n${help}`);
        return s.usage ? 2 : 1;
      }
      return check(o, io, s, ctx.seed);
    }
    case undefined:
      return usage(msg('usage.lessonSubcommand', {}), io, o.lang);
    default:
      return usage(msg('usage.unknownSubcommand', { name: o.words[0] }), io, o.lang);
  }
}

export type { LoadedLesson };
