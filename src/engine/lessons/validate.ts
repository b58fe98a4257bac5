/**
 * `svclab lesson validate`: beyond the format, a lesson must teach something. Every challenge fails on
 * the starting scene (else there is nothing to do), passes on the reference solution (else no one can
 * pass it), and gives each example scene the verdict the author expects (correct variants pass, near
 * misses fail). A scene that the API server would refuse is reported with its first error.
 *
 * @example
 * validateLesson(lesson).ok; // true for every built-in lesson
 */
import { buildCluster } from '../build';
import { msg, renderText, type Msg } from '../messages';
import { blockingErrors, checkChallenge, type ChallengeResult } from './check';
import { sourcesOf, type LoadedLesson } from './decode';

export interface ValidationFinding {
  ok: boolean;
  what: Msg;
  /** The failing checks' details, when the verdict was not the expected one. */
  details: Msg[];
}

export interface LessonValidation {
  ok: boolean;
  findings: ValidationFinding[];
}

function verdictFinding(
  kind: 'scene' | 'solution' | 'example',
  files: readonly string[],
  result: ChallengeResult,
  expect: 'pass' | 'fail',
): ValidationFinding {
  const ok = result.passed === (expect === 'pass');
  return {
    ok,
    what: msg('lesson.validate.verdict', {
      kind,
      files: files.join(', '),
      challenge: result.challenge,
      expect,
      passed: result.passed,
    }),
    details: ok
      ? []
      : result.checks.filter((c) => c.passed !== (expect === 'pass') || !c.passed).map((c) => c.detail),
  };
}

/**
 * Runs every challenge of the lesson on its scene, its solution and its examples.
 *
 * @example
 * validateLesson(lesson, { seed: 1 }).findings.filter((f) => !f.ok); // []
 */
export function validateLesson(lesson: LoadedLesson, options: { seed?: number } = {}): LessonValidation {
  const seed = options.seed ?? 1;
  const findings: ValidationFinding[] = [];
  const build = (files: readonly string[]) => buildCluster(sourcesOf(lesson, files), { seed });
  const scene = build(lesson.scene);
  const sceneErrors = blockingErrors(scene.diagnostics);
  if (sceneErrors.length > 0)
    findings.push({
      ok: false,
      what: msg('lesson.validate.sceneErrors', {
        files: lesson.scene.join(', '),
        first: renderText(sceneErrors[0]!.message, 'en'),
      }),
      details: [],
    });
  const solution = lesson.solution ? build(lesson.solution) : undefined;
  for (const ch of lesson.challenges) {
    findings.push(verdictFinding('scene', lesson.scene, checkChallenge(ch, scene, { seed }), 'fail'));
    if (solution && lesson.solution)
      findings.push(
        verdictFinding('solution', lesson.solution, checkChallenge(ch, solution, { seed }), 'pass'),
      );
  }
  if (lesson.challenges.length > 0 && !lesson.solution)
    findings.push({ ok: false, what: msg('lesson.validate.noSolution', {}), details: [] });
  for (const ex of lesson.examples ?? []) {
    const ch = lesson.challenges.find((c) => c.id === ex.challenge);
    if (!ch) continue;
    findings.push(
      verdictFinding('example', ex.files, checkChallenge(ch, build(ex.files), { seed }), ex.expect),
    );
  }
  return { ok: findings.every((f) => f.ok), findings };
}
