/**
 * `kubectl rollout restart TYPE NAME`: writes the `kubectl.kubernetes.io/restartedAt` annotation on the
 * pod template with the simulated clock's time (RFC 3339), so the Deployment makes a new ReplicaSet and
 * new pods, exactly as kubectl's objectrestarter does with the wall clock.
 *
 * @example
 * rolloutCommand(['restart', 'deployment/web'], env).stdout; // "deployment.apps/web restarted\n"
 */
import { formatTimestamp } from '../../cluster/time';
import { msg } from '../../messages';
import { fail, usage, type CommandHandler } from '../types';
import { commit, isResult, locate, printed, takeYaml, target } from './common';
import { editObject } from './scene-text';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export const rolloutCommand: CommandHandler = (args, env) => {
  const [sub, ...rest] = args;
  if (sub !== 'restart')
    return usage(
      msg('usage.onlySubcommand', { known: 'rollout restart', got: sub ?? '' }),
      'rollout',
      env.lang,
    );
  const { yaml, rest: a1 } = takeYaml(rest);
  const flag = a1.find((w) => w.startsWith('--') && !w.startsWith('--namespace'));
  if (flag) return fail(`error: unknown flag: ${flag}\n`);
  if (a1.filter((w) => !w.startsWith('-')).length === 0)
    return fail('error: required resource not specified\n');
  const t = target(a1);
  if (isResult(t)) return t;
  const at = locate(env, t);
  if (isResult(at)) return at;
  if (t.type.kind !== 'Deployment')
    return fail(`error: ${t.type.plural} ${JSON.stringify(t.name)} restarting is not supported\n`);
  const now = formatTimestamp(env.world.clock);
  const path = ['spec', 'template', 'metadata', 'annotations', RESTARTED_AT];
  let same = false;
  const edited = editObject(env.sources!, at.found, (o) => {
    same = o.getIn(path) === now;
    o.setIn(path, now);
  });
  if (same)
    return fail(
      `error: failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n`,
    );
  return commit(env, edited, { stdout: printed(t.type, t.name, 'restarted'), yaml, refs: [at.found.ref] });
};
