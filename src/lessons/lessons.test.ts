/**
 * Every built-in lesson decodes and teaches: each challenge fails on the starting scene, passes on the
 * reference solution, and gives every example scene (other correct solutions, near misses) the verdict
 * its author wrote down. The challenge ids are the ones lessons.md fixes.
 */
import { describe, expect, it } from 'vitest';
import { validateLesson } from '../engine/lessons';
import { render } from '../engine/messages';
import { builtinLessons, COURSE } from './index';

/** lessons.md's table, in its order. */
const FIXED_IDS = [
  'clusterip-selector',
  'named-targetport',
  'env-discovery',
  'cross-namespace',
  'headless-records',
  'manual-endpoints',
  'nodeport-everywhere',
  'keep-client-ip',
  'lb-no-failures',
  'ingress-fanout',
  'sticky-client',
  'ipvs-source-hash',
  'drain-one-pod',
  'hostport-agent',
  'fix-the-outage',
  'gateway-canary',
  'same-zone',
];

/** Challenges added since lessons.md fixed its table (issue 10: dual-stack and PreferSameNode). */
const ADDED_IDS = ['dual-stack-web', 'ipv6-primary', 'same-node'];

describe('built-in lessons', () => {
  const { lessons, errors } = builtinLessons();

  it('all decode, in course order, with unique ids', () => {
    expect(errors).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual(COURSE);
  });

  it('carry only the fixed and added challenge ids, each once, each with two correct variants and two near misses', () => {
    const ids = lessons.flatMap((l) => l.challenges.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect([...FIXED_IDS, ...ADDED_IDS]).toContain(id);
    for (const l of lessons)
      for (const c of l.challenges) {
        const ex = (l.examples ?? []).filter((e) => e.challenge === c.id);
        expect(
          ex.filter((e) => e.expect === 'pass').length,
          `${c.id} passing examples`,
        ).toBeGreaterThanOrEqual(2);
        expect(ex.filter((e) => e.expect === 'fail').length, `${c.id} near misses`).toBeGreaterThanOrEqual(2);
      }
  });

  it('carry every fixed challenge id', () => {
    const ids = lessons.flatMap((l) => l.challenges.map((c) => c.id));
    expect([...ids].sort()).toEqual([...FIXED_IDS, ...ADDED_IDS].sort());
  });

  for (const lesson of lessons) {
    it(
      `${lesson.id}: every challenge fails on the scene, passes on the solution, and judges the examples`,
      {
        timeout: 300_000, // gateway-canary sends 1000 requests per scene it judges
      },
      () => {
        const v = validateLesson(lesson);
        const wrong = v.findings
          .filter((f) => !f.ok)
          .map((f) => [render(f.what, 'en'), ...f.details.map((d) => `  ${render(d, 'en')}`)].join('\n'));
        expect(wrong).toEqual([]);
      },
    );
  }
});
