/**
 * `kubectl scale TYPE NAME --replicas=N [--current-replicas=N]`: sets spec.replicas in the document
 * that writes the Deployment or ReplicaSet. kubectl's output (`deployment.apps/web scaled`) and errors.
 *
 * @example
 * scaleCommand(['deployment', 'web', '--replicas=5'], env).stdout; // "deployment.apps/web scaled\n"
 */
import { fail, type CommandHandler } from '../types';
import { commit, isResult, locate, printed, takeYaml, target } from './common';
import { editObject } from './scene-text';

const SCALABLE = new Set(['Deployment', 'ReplicaSet']);
const REPLICAS_REQUIRED =
  'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n';

/** A flag's value: `--flag=V` or `--flag V`. */
export function flagValue(args: string[], flag: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag) value = args[++i] ?? '';
    else if (a.startsWith(`${flag}=`)) value = a.slice(flag.length + 1);
    else rest.push(a);
  }
  return value === undefined ? { rest } : { value, rest };
}

export const scaleCommand: CommandHandler = (args, env) => {
  const { yaml, rest: a1 } = takeYaml(args);
  const replicas = flagValue(a1, '--replicas');
  const current = flagValue(replicas.rest, '--current-replicas');
  if (replicas.value === undefined || !/^\d+$/.test(replicas.value)) return fail(REPLICAS_REQUIRED);
  if (current.value !== undefined && !/^(-1|\d+)$/.test(current.value))
    return fail('error: The --current-replicas must specify an integer of -1 or greater\n');
  const t = target(current.rest);
  if (isResult(t)) return t;
  const unknown = t.rest.find((w) => w.startsWith('-'));
  if (unknown) return fail(`error: unknown flag: ${unknown}\n`);
  if (!SCALABLE.has(t.type.kind))
    return fail('Error from server (NotFound): the server could not find the requested resource\n');
  const at = locate(env, t);
  if (isResult(at)) return at;
  const n = Number(replicas.value);
  const was = (at.object as { spec?: { replicas?: number } }).spec?.replicas ?? 1;
  if (current.value !== undefined && current.value !== '-1' && Number(current.value) !== was)
    return fail(`error: Expected replicas to be ${current.value}, was ${was}\n`);
  const edited = editObject(env.sources!, at.found, (o) => o.setIn(['spec', 'replicas'], n));
  return commit(env, edited, {
    stdout: printed(t.type, t.name, 'scaled'),
    yaml,
    refs: [at.found.ref],
  });
};
