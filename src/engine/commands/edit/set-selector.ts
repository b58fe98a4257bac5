/**
 * `kubectl set selector TYPE NAME EXPR`: replaces a Service's spec.selector with the equality-based
 * selector given (`app=web,tier=front`), as kubectl does (only Services; match expressions refused).
 *
 * @example
 * setCommand(['selector', 'svc', 'web', 'app=web-v2'], env).stdout; // "service/web selector updated\n"
 */
import { msg } from '../../messages';
import { fail, usage, type CommandHandler } from '../types';
import { commit, isResult, locate, printed, takeYaml, target } from './common';
import { editObject } from './scene-text';

/** metav1.ParseToLabelSelector, for the equality forms a Service can hold (`k=v`, `k==v`, `k!=v` refused). */
function parseSelector(expr: string): Map<string, string> | string {
  const out = new Map<string, string>();
  for (const part of expr.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const m = /^([^=!\s]+)\s*==?\s*([^=!\s]*)$/.exec(part);
    if (!m) return `match expression ${JSON.stringify(part)} not supported on this object`;
    out.set(m[1]!, m[2]!);
  }
  return out;
}

export const setCommand: CommandHandler = (args, env) => {
  const [sub, ...rest] = args;
  if (sub !== 'selector')
    return usage(msg('usage.onlySubcommand', { known: 'set selector', got: sub ?? '' }), 'set', env.lang);
  const { yaml, rest: a1 } = takeYaml(rest);
  const flag = a1.find((w) => w.startsWith('--') && !w.startsWith('--namespace') && w !== '--all');
  if (flag) return fail(`error: unknown flag: ${flag}\n`);
  const plain = a1.filter((w) => !w.startsWith('-'));
  const expr = plain.at(-1);
  if (plain.length < 2 || expr === undefined) return fail('error: one selector is required\n');
  const t = target(a1.slice(0, a1.lastIndexOf(expr)));
  if (isResult(t)) return t;
  const selector = parseSelector(expr);
  if (typeof selector === 'string') return fail(`error: ${selector}\n`);
  const at = locate(env, t);
  if (isResult(at)) return at;
  if (t.type.kind !== 'Service') return fail('error: setting a selector is only supported for Services\n');
  const edited = editObject(env.sources!, at.found, (o) => {
    if (selector.size === 0) o.deleteIn(['spec', 'selector']);
    else o.setIn(['spec', 'selector'], Object.fromEntries(selector));
  });
  return commit(env, edited, {
    stdout: printed(t.type, t.name, 'selector updated'),
    yaml,
    refs: [at.found.ref],
  });
};
