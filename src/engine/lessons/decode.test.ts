import { describe, expect, it } from 'vitest';
import { render } from '../messages';
import { decodeLessonBundle, decodeLessonFolder, toBundle } from './decode';

const lessonYaml = `format: svclab.lesson/v1
id: tiny
title: { en: Tiny, ko: 작은 레슨 }
summary: { en: A tiny lesson., ko: 작은 레슨입니다. }
concepts: [ClusterIP]
scene: [scene.yaml]
solution: [scene.yaml]
steps:
  - text: { en: Look., ko: 보세요. }
challenges:
  - id: tiny-check
    title: { en: T, ko: T }
    goal: { en: G, ko: G }
    run:
      - name: svc
        command: get svc kubernetes
    checks:
      - description: { en: D, ko: D }
        path: svc.items[0].spec.clusterIP
        equals: { ref: ip }
    let:
      ip: "'10.96.0.1'"
    hints:
      nudge: { en: n, ko: n }
      concept: { en: c, ko: c }
      field: { en: f, ko: f }
`;

describe('decodeLessonFolder', () => {
  it('decodes a folder and carries its files', () => {
    const r = decodeLessonFolder({
      'lesson.yaml': lessonYaml,
      'scene.yaml': 'apiVersion: v1\nkind: List\nitems: []\n',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.lesson.files)).toEqual(['scene.yaml']);
  });

  it('says which file, line and field is wrong', () => {
    const r = decodeLessonFolder({
      'lesson.yaml': lessonYaml.replace('equals: { ref: ip }', 'equal: { ref: ip }'),
      'scene.yaml': '',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({
        file: 'lesson.yaml',
        line: 20,
        field: 'challenges[0].checks[0].equal',
      });
      expect(r.errors.map((e) => render(e.message, 'en')).join('\n')).toContain('equal');
      // An instructor reading Korean gets the same facts in Korean.
      expect(render(r.errors[0]!.message, 'ko')).toBe(
        '"equal"은 레슨 형식에 없는 필드입니다. 철자와 들여쓰기를 확인하세요',
      );
    }
  });

  it('reports a missing file, an unknown ref and an expression that does not parse', () => {
    const text = lessonYaml
      .replace('{ ref: ip }', '{ ref: nope }')
      .replace('svc.items[0].spec.clusterIP', 'svc.items[?');
    const r = decodeLessonFolder({ 'lesson.yaml': text });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const m = r.errors.map((e) => `${e.field}: ${render(e.message, 'en')}`).join('\n');
      const ko = r.errors.map((e) => render(e.message, 'ko')).join('\n');
      expect(ko).toContain('"nope"이라는 이름의 명령이나 let 값이 없습니다');
      expect(ko).toContain('레슨에 "scene.yaml" 파일이 없습니다');
      expect(m).toContain('no command or let value is named "nope"');
      expect(m).toContain('challenges[0].checks[0].path: not a JMESPath expression');
      expect(m).toContain('the lesson has no file "scene.yaml"');
    }
  });

  it("gives zod's own messages (a wrong type, an empty list) in both languages", () => {
    const r = decodeLessonFolder({
      'lesson.yaml': lessonYaml.replace(/^id: .*$/m, 'id: 42'),
      'scene.yaml': '',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = r.errors.find((x) => x.field === 'id')!;
      expect(render(e.message, 'en')).toBe('Invalid input: expected string, received number');
      expect(render(e.message, 'ko')).toBe('잘못된 입력: 예상 타입은 string, 받은 타입은 number입니다');
    }
  });

  // Fixed CPU work (large hostile inputs) that took over 5 s at load average 25.
  it('refuses hostile input with errors, never a throw', { timeout: 60_000 }, () => {
    for (const text of [
      '',
      '- a\n- b',
      'a: [',
      '&a [*a, *a]',
      'x: '.repeat(10_000),
      '{"format": 1}',
      'null',
      '\u0000',
    ]) {
      const r = decodeLessonBundle('x.yaml', text);
      expect(r.ok).toBe(false);
    }
    expect(decodeLessonFolder({}).ok).toBe(false);
    expect(decodeLessonBundle('big.yaml', 'a'.repeat(3_000_000)).ok).toBe(false);
  });

  describe('the manifest reader’s limits (issue 17)', () => {
    const only = (text: string) => {
      const r = decodeLessonBundle('x.yaml', text);
      expect(r.ok).toBe(false);
      return r.ok ? undefined : r.errors[0];
    };
    it('an alias bomb is refused with its own message, in both languages', () => {
      const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
        .concat(
          ['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${`*${'abcdef'[i]}, `.repeat(10)}]`),
        )
        .join('\n');
      const e = only(bomb)!;
      expect(e.message).toMatchObject({ id: 'lesson.format.aliasLimit', params: { limit: 100 } });
      expect(render(e.message, 'en')).toContain('more than 100 YAML aliases');
      expect(render(e.message, 'ko')).toContain('별칭');
    });
    it('deep flow brackets are refused before parsing, at the bracket that goes too deep', () => {
      const e = only(`format: svclab.lesson/v1\nx: ${'['.repeat(5000)}`)!;
      expect(e).toMatchObject({ line: 2, column: 1004, message: { id: 'lesson.format.tooDeep' } });
    });
    it('a document deeper than 100 levels (but few brackets) is refused after parsing', () => {
      const deep = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n') + ' 1';
      expect(only(deep)!.message).toMatchObject({ id: 'lesson.format.tooDeep', params: { limit: 100 } });
    });
    it('size is counted in UTF-8 bytes: 700,000 Korean characters are 2.1 MB', () => {
      const e = only(`title: "${'가'.repeat(700_000)}"`)!;
      expect(e.message).toMatchObject({ id: 'lesson.format.tooLarge', params: { limit: 2_000_000 } });
      expect(render(e.message, 'en')).toBe('the file is larger than 2000000 bytes');
    });
    it('duplicate keys are found (in one pass) and placed on their line', () => {
      const e = only(`${lessonYaml}id: again\n`)!;
      expect(e).toMatchObject({ line: 27, column: 1 });
      expect(render(e.message, 'en')).toContain('Map keys must be unique');
      // A wide map with a repeated key at its end still reads (the quadratic check took seconds here).
      const wide = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk0: again';
      expect(only(wide)).toMatchObject({ line: 20_001, column: 1 });
    });
  });

  it('round-trips through a bundle (JSON is YAML)', () => {
    const r = decodeLessonFolder({
      'lesson.yaml': lessonYaml,
      'scene.yaml': '# empty\n',
      'unused.yaml': 'x',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const bundle = toBundle(r.lesson);
    expect(Object.keys(bundle.files ?? {})).toEqual(['scene.yaml']);
    const again = decodeLessonBundle('tiny.json', JSON.stringify(bundle));
    expect(again.ok && again.lesson.challenges[0]?.id).toBe('tiny-check');
  });
});
