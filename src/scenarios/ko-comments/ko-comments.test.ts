/**
 * Every comment of every built-in scene has its Korean, and the Korean scene is the English one with
 * only its comments changed: the same objects, no comment left in English, the glossary's terms, lines
 * that fit the editor.
 */
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { avoidedTerms } from '../../i18n/glossary';
import { builtinLessons } from '../../lessons';
import { scenarios } from '../index';
import { commentBlocks, type CommentBlock, type CommentTable } from '../localize';
import { lessonFileText, scenarioText } from '../scene-text';
import { lessonCommentsKo, scenarioCommentsKo } from './index';

interface SceneFile {
  label: string; // "scenarios/readiness.yaml", "lessons/clusterip/scene.yaml"
  key: string;
  en: string;
  ko: string;
}

const scenarioFiles: SceneFile[] = scenarios.map((s) => ({
  label: `scenarios/${s.file}`,
  key: s.file,
  en: s.yaml,
  ko: scenarioText(s, 'ko'),
}));

// A lesson's scene files and its solution: every file beside lesson.yaml (examples/ are the checks' test
// scenes, not shown to students).
const lessonFiles: SceneFile[] = builtinLessons().lessons.flatMap((lesson) =>
  Object.entries(lesson.files)
    .filter(([name]) => !name.includes('/'))
    .map(([name, text]) => ({
      label: `lessons/${lesson.id}/${name}`,
      key: `${lesson.id}/${name}`,
      en: text,
      ko: lessonFileText(lesson.id, name, text, 'ko'),
    })),
);

const key = (b: Pick<CommentBlock, 'lines'>) => b.lines.join('\n');
const objects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);
const errors = (text: string) => parseAllDocuments(text).flatMap((d) => d.errors.map((e) => e.message));

/** Columns in the editor: Hangul and other wide characters take two. */
const columns = (line: string): number =>
  [...line].reduce(
    (n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(c) ? 2 : 1),
    0,
  );
const MAX_COLUMNS = 90;

/**
 * A comment that is code, not prose, and so the same in both languages: a commented-out YAML line
 * (`key: value`, no spaces) or a console command.
 */
const isCode = (line: string): boolean => {
  const t = line.trim();
  if (/^(exec|node|get|kubectl|curl) /.test(t)) return true;
  if (/\s/.test(t.replace(/^[^:\s]+: /, ''))) return false;
  const v = parse(t) as unknown;
  return typeof v === 'object' && v !== null && Object.keys(v).length === 1;
};

const tableOf = (f: SceneFile): CommentTable | undefined =>
  f.label.startsWith('scenarios/') ? scenarioCommentsKo[f.key] : lessonCommentsKo[f.key];

describe.each([...scenarioFiles, ...lessonFiles])('$label in Korean', (f) => {
  const table = tableOf(f) ?? [];
  const known = new Set(table.map((e) => e.en.join('\n')));

  it('has a Korean entry for every comment', () => {
    const missing = commentBlocks(f.en)
      .filter((b) => !known.has(key(b)))
      .map((b) => `${f.label}: no Korean for "${key(b)}"`);
    expect(missing).toEqual([]);
  });

  it('has no entry for a comment the file no longer has', () => {
    const there = new Set(commentBlocks(f.en).map(key));
    expect(table.map((e) => e.en.join('\n')).filter((en) => !there.has(en))).toEqual([]);
  });

  it('is the same objects as the English file', () => {
    expect(errors(f.en)).toEqual([]);
    expect(errors(f.ko)).toEqual([]);
    expect(objects(f.ko)).toEqual(objects(f.en));
  });

  it('leaves no comment in English', () => {
    const en = commentBlocks(f.en);
    const ko = commentBlocks(f.ko);
    expect(ko.length).toBe(en.length);
    const englishLines = new Set(en.flatMap((b) => b.lines).filter((l) => l.trim() !== ''));
    const left = ko.flatMap((b) =>
      b.lines.filter((l) => englishLines.has(l) && !isCode(l)).map((l) => `${f.label}: "${l}"`),
    );
    expect(left).toEqual([]);
    const withoutHangul = ko.filter((b) => !/[\uac00-\ud7a3]/.test(key(b)) && !b.lines.every(isCode));
    expect(withoutHangul.map((b) => `${f.label}: "${key(b)}"`)).toEqual([]);
  });

  it("uses the glossary's terms and fits the editor", () => {
    const ko = commentBlocks(f.ko);
    expect(ko.flatMap((b) => avoidedTerms(key(b)).map((a) => `${f.label}: ${a.found} → ${a.use}`))).toEqual(
      [],
    );
    // Each Korean line as the editor shows it; an inline comment's line may be as wide as the English one
    // (its value is the same), a full-line comment's fits in MAX_COLUMNS.
    const lineOf = (text: string, b: CommentBlock) =>
      text.slice(text.lastIndexOf('\n', b.start - 1) + 1, b.end);
    const en = commentBlocks(f.en);
    const wide = ko.flatMap((b, i) => {
      const lines = b.inline ? [lineOf(f.ko, b)] : b.lines.map((l) => `${b.indent}# ${l}`);
      const limit = b.inline ? Math.max(MAX_COLUMNS, columns(lineOf(f.en, en[i]!))) : MAX_COLUMNS;
      return lines
        .filter((l) => /[\uac00-\ud7a3]/.test(l) && columns(l) > limit)
        .map((l) => `${f.label}: ${columns(l)} columns: ${l}`);
    });
    expect(wide).toEqual([]);
  });
});

describe('the Korean tables', () => {
  it('name only files svclab ships', () => {
    expect(Object.keys(scenarioCommentsKo).filter((k) => !scenarioFiles.some((f) => f.key === k))).toEqual(
      [],
    );
    expect(Object.keys(lessonCommentsKo).filter((k) => !lessonFiles.some((f) => f.key === k))).toEqual([]);
  });

  it('give an inline comment one line', () => {
    const all = [...Object.values(scenarioCommentsKo), ...Object.values(lessonCommentsKo)].flat();
    const inline = new Set(
      [...scenarioFiles, ...lessonFiles].flatMap((f) =>
        commentBlocks(f.en)
          .filter((b) => b.inline)
          .map(key),
      ),
    );
    expect(all.filter((e) => inline.has(e.en.join('\n')) && e.ko.length !== 1)).toEqual([]);
  });

  it('leave English as it is', () => {
    for (const f of [...scenarioFiles, ...lessonFiles]) {
      const [id, name] = f.key.split('/');
      const en = f.label.startsWith('scenarios/')
        ? scenarioText({ file: f.key, yaml: f.en }, 'en')
        : lessonFileText(id!, name!, f.en, 'en');
      expect(en).toBe(f.en);
    }
  });
});
