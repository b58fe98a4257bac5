/**
 * The seed notes (/work/shared/seeds) against svclab: every concept, claim, command and YAML example of
 * the notes is a row of seeds-coverage.yaml, and each row names where a student sees it happen — a lesson
 * step, a scenario, or a command on a shipped scene with what its output shows. This test runs every
 * row's command through the console's own interpreter and checks the output; a row still marked
 * `missing` is listed, and the test fails for any row that names no place. The quotes are checked against
 * the notes by scripts/seeds-coverage.ts, which also writes docs/seeds-coverage.md (the notes are not in
 * the repository).
 */
import { describe, expect, it } from 'vitest';
import {
  buildCluster,
  createWorld,
  judgePrediction,
  runCommand,
  sourcesOf,
  type CommandEnv,
  type ManifestSource,
} from '../engine';
import { findScenario } from '../scenarios';
import { findLesson } from './index';
import {
  parseCoverage,
  renderCoverage,
  seedFile,
  VERDICTS,
  type CoverageRow,
  type CoverageRun,
} from './seeds-coverage-md';
import coverageText from './seeds-coverage.yaml?raw';
import coverageDoc from '../../docs/seeds-coverage.md?raw';

const rows = parseCoverage(coverageText);

function sceneOf(run: Omit<CoverageRun, 'command'>): ManifestSource[] {
  let sources: ManifestSource[];
  if (run.scenario) {
    const s = findScenario(run.scenario);
    if (!s) throw new Error(`no scenario ${run.scenario}`);
    sources = [{ file: s.file, text: s.yaml }];
  } else {
    const lesson = run.lesson ? findLesson(run.lesson) : undefined;
    if (!lesson) throw new Error(`no lesson ${run.lesson}`);
    sources = sourcesOf(lesson, run.files ?? lesson.scene);
  }
  for (const [from, to] of run.edit ?? []) {
    // The last file that holds the text: the one whose apply wins.
    const i = sources.map((s) => s.text.includes(from)).lastIndexOf(true);
    if (i < 0) throw new Error(`edit: no file holds ${JSON.stringify(from)}`);
    sources[i] = { ...sources[i]!, text: sources[i]!.text.replace(from, to) };
  }
  if (run.append) {
    const last = sources.length - 1;
    sources[last] = { ...sources[last]!, text: `${sources[last]!.text}\n---\n${run.append}` };
  }
  return sources;
}

function runRow(run: CoverageRun) {
  const sources = sceneOf(run);
  const built = buildCluster(sources, { seed: 1 });
  const env: CommandEnv = {
    cluster: built.cluster,
    world: createWorld(1),
    diagnostics: built.diagnostics,
    sources,
    objects: built.objects,
    json: false,
    lang: 'en',
  };
  const r = runCommand(run.command, env);
  return { exitCode: r.exitCode, output: r.stdout + r.stderr };
}

function checkPlace(r: CoverageRow): void {
  const p = r.place;
  if (p?.lesson) {
    const lesson = findLesson(p.lesson);
    expect(lesson, `${r.id}: lesson ${p.lesson}`).toBeDefined();
    const step = lesson!.steps[(p.step ?? 1) - 1];
    expect(step, `${r.id}: lesson ${p.lesson} step ${p.step}`).toBeDefined();
    if (p.says) expect(`${step!.text.en}`, `${r.id}: step text`).toContain(p.says);
  }
  if (p?.scenario) expect(findScenario(p.scenario), `${r.id}: scenario ${p.scenario}`).toBeDefined();
}

/** The choices the place's prediction gives on a scene. */
function predicted(r: CoverageRow, edited: boolean): string[] {
  const lesson = findLesson(r.place!.lesson!)!;
  const p = lesson.steps[(r.place!.step ?? 1) - 1]!.predict;
  if (!p) throw new Error(`${r.id}: the step asks no prediction`);
  const p0 = r.predict!;
  const sources = sceneOf(
    edited
      ? { lesson: lesson.id, ...p0 }
      : {
          lesson: lesson.id,
          files: p0.beforeFiles ?? lesson.scene,
          ...(p0.beforeEdit ? { edit: p0.beforeEdit } : {}),
        },
  );
  return judgePrediction(p, r.predict!.choice, buildCluster(sources, { seed: 1 }), { seed: 1 }).actual;
}

describe('seed notes coverage', () => {
  it('rows have unique ids, a known seed, a verdict, and a reason for every verdict but correct', () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rows) {
      expect(seedFile(r.seed), r.id).toBeDefined();
      expect(VERDICTS, r.id).toContain(r.verdict);
      if (r.verdict !== 'correct') expect(r.why, `${r.id}: why`).toBeTruthy();
    }
  });

  it('every row not marked missing has a place in svclab', () => {
    const placeless = rows.filter((r) => !r.missing && !r.place?.lesson && !r.place?.scenario && !r.run);
    expect(placeless.map((r) => r.id)).toEqual([]);
  });

  // `npx tsx scripts/seeds-coverage.ts` rewrites the file (and checks every quote against the notes).
  it('docs/seeds-coverage.md is the rendering of the map', () => {
    expect(coverageDoc).toBe(renderCoverage(rows));
  });

  for (const r of rows.filter((x) => !x.missing)) {
    it(`${r.id}: ${r.concept}`, () => {
      checkPlace(r);
      if (r.predict) {
        expect(predicted(r, true), `${r.id}: the prediction on the edited scene`).toEqual([r.predict.choice]);
        expect(predicted(r, false), `${r.id}: the prediction before the edit`).toEqual([r.predict.before]);
      }
      if (!r.run) return;
      const out = runRow(r.run);
      expect(out.exitCode, `${r.id}: exit status\n${out.output}`).toBe(r.run.exit ?? 0);
      for (const s of r.run.shows ?? []) expect(out.output, `${r.id}: shows`).toContain(s);
      for (const s of r.run.hides ?? []) expect(out.output, `${r.id}: hides`).not.toContain(s);
    });
  }
});
