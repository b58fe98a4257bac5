import { describe, expect, it } from 'vitest';
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
      expect(r.errors.map((e) => e.message).join('\n')).toContain('equal');
    }
  });

  it('reports a missing file, an unknown ref and an expression that does not parse', () => {
    const text = lessonYaml
      .replace('{ ref: ip }', '{ ref: nope }')
      .replace('svc.items[0].spec.clusterIP', 'svc.items[?');
    const r = decodeLessonFolder({ 'lesson.yaml': text });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const m = r.errors.map((e) => `${e.field}: ${e.message}`).join('\n');
      expect(m).toContain('no command or let value is named "nope"');
      expect(m).toContain('challenges[0].checks[0].path: not a JMESPath expression');
      expect(m).toContain('the lesson has no file "scene.yaml"');
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
