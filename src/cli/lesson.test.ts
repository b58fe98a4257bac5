/**
 * `svclab lesson …` as lessons.md fixes it: the JSON shapes of list, show and check, the exit codes of
 * check (0 passed, 1 not, 2 unknown id), "fix the errors first", and validate on a folder and a bundle.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const { dir } = tempDir('svclab-lesson-');
const lessonDir = join(import.meta.dirname, '..', 'lessons', 'clusterip');
const scene = join(lessonDir, 'scene.yaml');
const solution = join(lessonDir, 'solution.yaml');

describe('svclab lesson', () => {
  it('list -o json names each lesson, its concepts and its challenges', async () => {
    const r = await run('lesson', 'list', '-o', 'json');
    expect(r.code).toBe(0);
    const first = (JSON.parse(r.out) as { lessons: unknown[] }).lessons[0];
    expect(first).toEqual({
      id: 'clusterip',
      title: { en: 'ClusterIP and selectors', ko: 'ClusterIP와 셀렉터' },
      concepts: ['ClusterIP, selectors'],
      challenges: [{ id: 'clusterip-selector', title: expect.objectContaining({ en: expect.any(String) }) }],
    });
  });

  it('show -o json gives the steps and the scene files in order', async () => {
    const r = await run('lesson', 'show', 'clusterip', '-o', 'json');
    expect(r.code).toBe(0);
    const l = JSON.parse(r.out) as { steps: unknown[]; scene: { files: { name: string; text: string }[] } };
    expect(l.steps.length).toBeGreaterThan(2);
    expect(l.scene.files.map((f) => f.name)).toEqual(['scene.yaml']);
    expect(l.scene.files[0]!.text).toBe(readFileSync(scene, 'utf8'));
    expect((await run('lesson', 'show', 'nope')).code).toBe(2);
  });

  it('check: exit 1 with the shape of lessons.md on the scene, 0 on the solution, 2 for an unknown id', async () => {
    const fail = await run('-f', scene, 'lesson', 'check', 'clusterip-selector', '-o', 'json');
    expect(fail.code).toBe(1);
    const body = JSON.parse(fail.out) as {
      challenge: string;
      passed: boolean;
      checks: Record<string, unknown>[];
    };
    expect(body.challenge).toBe('clusterip-selector');
    expect(body.passed).toBe(false);
    for (const c of body.checks) expect(Object.keys(c)).toEqual(['description', 'passed', 'detail']);
    const pass = await run('-f', scene, '-f', solution, 'lesson', 'check', 'clusterip-selector');
    expect(pass.code).toBe(0);
    expect(pass.out).toContain('passed');
    const unknown = await run('-f', scene, 'lesson', 'check', 'no-such-challenge', '-o', 'json');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no challenge "no-such-challenge"');
  });

  it('check: a scene with API errors fails with "fix the errors first" and the first error, in Korean too', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  type: NodePort\n  ports: [{ port: 80, nodePort: 80 }]\n',
    );
    const r = await run('-f', bad, 'lesson', 'check', 'clusterip-selector', '-o', 'json');
    expect(r.code).toBe(1);
    const detail = (JSON.parse(r.out) as { checks: { detail: string }[] }).checks[0]!.detail;
    expect(detail).toContain('Fix the errors first');
    expect(detail).toContain('The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80');
    const ko = await run('-f', bad, 'lesson', 'check', 'clusterip-selector', '--lang', 'ko', '-o', 'json');
    expect((JSON.parse(ko.out) as { checks: { detail: string }[] }).checks[0]!.detail).toContain(
      '먼저 오류를 고치세요',
    );
  });

  it('validate accepts a built-in folder and points at the line of a broken bundle', async () => {
    const ok = await run('lesson', 'validate', lessonDir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('lesson clusterip is valid');
    const broken = join(dir, 'broken.lesson.yaml');
    writeFileSync(broken, 'format: svclab.lesson/v1\nid: Bad Id\n');
    const r = await run('lesson', 'validate', broken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.lesson\.yaml:2:5: id: use lowercase/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect((await run('lesson', 'validate', empty)).err).toContain('needs a lesson.yaml');
    expect((await run('lesson', 'validate', join(dir, 'missing'))).code).toBe(1);
  });

  it('schema prints a JSON Schema; usage errors exit 2', async () => {
    const s = await run('lesson', 'schema');
    expect(s.code).toBe(0);
    expect((JSON.parse(s.out) as { type: string }).type).toBe('object');
    expect((await run('lesson')).code).toBe(2);
    expect((await run('lesson', 'frobnicate')).code).toBe(2);
    expect((await run('lesson', 'check')).code).toBe(2);
  });
});
