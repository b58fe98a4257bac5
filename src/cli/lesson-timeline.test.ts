/**
 * A challenge (and a prediction) is judged on the scene's Timeline as the console runs it: a command
 * without `--at` at 0 s after the faults at 0 s, a command with `--at` at its instant. Before, the checker
 * ran its commands on the cluster as built and ignored the Timeline, so a stopped node still passed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCluster, judgePrediction, type Prediction } from '../engine';
import { run, tempDir } from './cli.test-helper';

const tmp = tempDir('svclab-lesson-timeline-');
const lessonDir = join(import.meta.dirname, '..', 'lessons', 'nodeport');
const scene = join(lessonDir, 'scene.yaml');
const solution = join(lessonDir, 'solution.yaml');
const timeline = (at: string) =>
  tmp.file(
    `apiVersion: svclab.io/v1alpha1\nkind: Timeline\nmetadata: { name: t }\nevents:\n  - { at: ${at}, fault: NodeStopped, node: node-3 }\n`,
  );

describe('lesson check on a scene with a Timeline', () => {
  it('the solution passes nodeport-everywhere; with node-3 stopped at 0 s it fails, saying node-3 is stopped', async () => {
    expect((await run('-f', scene, '-f', solution, 'lesson', 'check', 'nodeport-everywhere')).code).toBe(0);
    const r = await run(
      '-f',
      scene,
      '-f',
      solution,
      '-f',
      timeline('0s'),
      'lesson',
      'check',
      'nodeport-everywhere',
      '-o',
      'json',
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { passed: boolean; checks: { passed: boolean; detail: string }[] };
    expect(out.passed).toBe(false);
    // A request that reaches a pod on node-3 (from any node: its pod is still an endpoint) is lost too.
    expect(out.checks[0]!.detail).toContain('Node node-3 is stopped');
  });
  it('a fault later in the Timeline does not fail a check that runs at 0 s', async () => {
    const r = await run(
      '-f',
      scene,
      '-f',
      solution,
      '-f',
      timeline('5m'),
      'lesson',
      'check',
      'nodeport-everywhere',
    );
    expect(r.code).toBe(0);
  });
});

describe('a prediction whose command runs --at an instant of the Timeline', () => {
  const prediction = (at: string): Prediction =>
    ({
      question: { en: 'q', ko: 'q' },
      run: [{ name: 'r', command: `--at ${at} curl --from external -m 2 -s http://192.168.49.4:30080/` }],
      choices: [
        { id: 'answered', text: { en: 'a', ko: 'a' }, when: { path: 'r.response.status', equals: 200 } },
        { id: 'silent', text: { en: 's', ko: 's' }, when: { path: 'r.response.status', equals: null } },
      ],
      explain: { en: 'e', ko: 'e' },
    }) as unknown as Prediction;
  const files = [scene, solution].map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
  const built = buildCluster(
    [
      ...files,
      {
        file: 'timeline.yaml',
        text: 'apiVersion: svclab.io/v1alpha1\nkind: Timeline\nmetadata: { name: t }\nevents:\n  - { at: 30s, fault: NodeStopped, node: node-3 }\n',
      },
    ],
    { seed: 1 },
  );
  it('before the fault node-3 answers; after it, nothing does', () => {
    expect(judgePrediction(prediction('10s'), 'answered', built, { seed: 1 }).actual).toEqual(['answered']);
    expect(judgePrediction(prediction('1m'), 'silent', built, { seed: 1 }).actual).toEqual(['silent']);
  });
});
