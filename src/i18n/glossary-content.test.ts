import { describe, expect, it } from 'vitest';
import { builtinLessons } from '../lessons';
import { scenarios } from '../scenarios';
import { lessonCommentsKo, scenarioCommentsKo } from '../scenarios/ko-comments';
import { avoidedTerms } from './glossary';

/** Every `ko` string in a lesson (titles, steps, questions, hints…), with where it is. */
function koStrings(value: unknown, path: string): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => koStrings(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'ko' && typeof v === 'string' ? [[path, v] as [string, string]] : koStrings(v, `${path}.${k}`),
  );
}

const violations = (entries: [string, string][]) =>
  entries.flatMap(([where, text]) => avoidedTerms(text).map((a) => `${where}: ${a.found} → ${a.use}`));

// The glossary holds for what a student reads most: the scenarios' names, the lessons and the scenes'
// comments, not only the catalogues (glossary.test.ts).
describe('glossary over the built-in content', () => {
  it('scenario titles and descriptions', () => {
    const entries = scenarios.flatMap((s): [string, string][] => [
      [`${s.id}.title`, s.title.ko],
      [`${s.id}.description`, s.description.ko],
    ]);
    expect(violations(entries)).toEqual([]);
  });

  it('lessons', () => {
    const { lessons } = builtinLessons();
    expect(lessons.length).toBeGreaterThan(10);
    expect(violations(lessons.flatMap((l) => koStrings(l, l.id)))).toEqual([]);
  });

  it('the scenes’ Korean comments', () => {
    const tables = { ...scenarioCommentsKo, ...lessonCommentsKo };
    const entries = Object.entries(tables).flatMap(([file, table]) =>
      table.map((e, i): [string, string] => [`${file}#${i}`, e.ko.join('\n')]),
    );
    expect(entries.length).toBeGreaterThan(50);
    expect(violations(entries)).toEqual([]);
  });
});
