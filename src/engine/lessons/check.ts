/**
 * The challenge checker (lessons.md): runs a challenge's commands on the student's scene with a fresh
 * world (seed 1 unless told), judges each check over the results, and says per check what passed and what
 * behaviour is missing. It never reads the YAML's text: a different Service type, hand-written
 * EndpointSlices or a Pod instead of a Deployment pass when they behave.
 *
 * @example
 * const built = buildCluster([{ file: 'scene.yaml', text }]);
 * checkChallenge(challenge, built).passed; // true when the scene behaves
 */
import type { ClusterState } from '../cluster/state';
import type { Diagnostic } from '../diagnostics';
import type { SourcedObject } from '../manifest/types';
import { validateCommand } from '../commands/validate';
import { msg, renderText, type Msg } from '../messages';
import { createWorld } from '../world';
import { judge } from './conditions';
import { runAll } from './run-commands';
import type { Challenge, Prediction } from './schema';

export interface CheckResult {
  description: Msg;
  passed: boolean;
  detail: Msg;
}

export interface ChallengeResult {
  challenge: string; // "clusterip-selector"
  passed: boolean;
  checks: CheckResult[];
}

export interface Built {
  cluster: ClusterState;
  diagnostics: Diagnostic[];
  /**
   * The build's admitted objects, the scene's Timeline among them (BuildResult.objects): with them every
   * command runs on the cluster at its instant (0 s, or its `--at`), after the faults up to then.
   */
  objects?: SourcedObject[];
}

/** The errors that make kubectl refuse objects: the scene is not what its YAML says until they are fixed. */
export function blockingErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && d.source !== 'lint');
}

/** The first error as `svclab validate` (kubectl) prints it, on one line. */
function errorText(d: Diagnostic, built: Built): string {
  // kubectl's words: the same in every language.
  const env = {
    cluster: built.cluster,
    world: createWorld(1),
    diagnostics: [d],
    json: false,
    lang: 'en' as const,
  };
  const text = validateCommand([], env).stderr.trim().split('\n')[0] ?? '';
  return text || renderText(d.message, 'en');
}

/**
 * Checks one challenge against a built scene.
 *
 * @example
 * checkChallenge(challenge, built, { seed: 1 }); // { challenge: 'clusterip-selector', passed: false, checks: [ … ] }
 */
export function checkChallenge(
  challenge: Challenge,
  built: Built,
  options: { seed?: number } = {},
): ChallengeResult {
  const errors = blockingErrors(built.diagnostics);
  if (errors.length > 0)
    return {
      challenge: challenge.id,
      passed: false,
      checks: [
        {
          description: msg('lesson.fixErrors.description', {}),
          passed: false,
          detail: msg('lesson.fixErrors.detail', {
            count: errors.length,
            first: errorText(errors[0]!, built),
          }),
        },
      ],
    };
  const env = {
    cluster: built.cluster,
    world: createWorld(options.seed ?? 1),
    diagnostics: built.diagnostics,
    // The scene's Timeline: a fault in it counts at the command's instant, as in the console.
    ...(built.objects ? { objects: built.objects } : {}),
    json: true,
    // Challenges judge the JSON's data; texts come with their descriptors beside (`explanationMsg`).
    lang: 'en' as const,
  };
  const ran = runAll(challenge.run, challenge.let, env);
  const checks: CheckResult[] = challenge.checks.map((check) => {
    const description = msg('lesson.text', check.description);
    if (!ran.ok) return { description, passed: false, detail: ran.error };
    const v = judge(check, ran.scope, ran.scope);
    return { description, passed: v.passed, detail: v.detail };
  });
  return { challenge: challenge.id, passed: checks.every((c) => c.passed), checks };
}

export interface PredictionResult {
  /** The ids of the choices that describe what the cluster did. */
  actual: string[];
  chosen: string;
  right: boolean;
  /** "Right: …" or "Not quite: …", then the lesson's explanation. */
  verdict: Msg;
  explain: Msg;
}

/**
 * Judges a student's prediction: runs the prediction's commands on the scene as it is now and finds the
 * choices whose condition holds. The answer comes from the engine, so it follows the student's edits.
 *
 * @example
 * judgePrediction(step.predict, 'refused', built).right; // true when ping to the ClusterIP gets no reply
 */
export function judgePrediction(
  p: Prediction,
  chosen: string,
  built: Built,
  options: { seed?: number } = {},
): PredictionResult {
  const env = {
    cluster: built.cluster,
    world: createWorld(options.seed ?? 1),
    diagnostics: built.diagnostics,
    // The scene's Timeline: a fault in it counts at the command's instant, as in the console.
    ...(built.objects ? { objects: built.objects } : {}),
    json: true,
    // Challenges judge the JSON's data; texts come with their descriptors beside (`explanationMsg`).
    lang: 'en' as const,
  };
  const ran = runAll(p.run, p.let, env);
  const actual = ran.ok
    ? p.choices.filter((c) => judge(c.when, ran.scope, ran.scope).passed).map((c) => c.id)
    : [];
  const text = (id: string) =>
    msg('lesson.text', p.choices.find((c) => c.id === id)?.text ?? { en: id, ko: id });
  const right = actual.includes(chosen);
  return {
    actual,
    chosen,
    right,
    verdict: right
      ? msg('lesson.prediction.right', { choice: text(chosen) })
      : msg('lesson.prediction.wrong', { chosen: text(chosen), actual: actual.map(text) }),
    explain: msg('lesson.text', p.explain),
  };
}
