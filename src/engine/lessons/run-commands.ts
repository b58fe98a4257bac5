/**
 * Runs a challenge's commands through the console's own interpreter (commands/run.ts) with `-o json`,
 * and names their JSON results. A command's `{{ expr }}` placeholders are JMESPath over the values so
 * far; the template is split into words first, so a value from the scene fills exactly one word and can
 * never add a flag or a second command.
 *
 * @example
 * runAll([{ name: 'svc', command: 'get svc web' }], {}, env);
 * // { ok: true, scope: { svc: { apiVersion: 'v1', kind: 'List', items: [ … ] } } }
 */
import { msg, type Msg } from '../messages';
import { runCommand } from '../commands/run';
import { tokenize } from '../commands/tokenize';
import type { CommandEnv } from '../commands/types';
import { LIMITS, type Run } from './schema';
import { query, show, type QueryResult } from './query';
import type { Scope } from './conditions';

export type RunOutcome = { ok: true; scope: Scope } | { ok: false; error: Msg };

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
/** Stands in for a placeholder while the line is split into words (a private-use character). */
const MARK = '\uE000';
const MARKED = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');

/** The words of a command with every placeholder filled; an error when a value is not a string or number. */
export function fillTemplate(command: string, scope: Scope): { words: string[] } | { error: Msg } {
  // Placeholders come out before the line is split into words: an expression may hold quotes and spaces.
  const exprs: string[] = [];
  const masked = command.replace(
    PLACEHOLDER,
    (_whole, expr: string) => `${MARK}${exprs.push(expr.trim()) - 1}${MARK}`,
  );
  const t = tokenize(masked);
  if (!t.ok) return { error: msg('lesson.detail.runError', { command, error: t.error }) };
  const words: string[] = [];
  for (const word of t.words) {
    let failure: Msg | undefined;
    const filled = word.replace(MARKED, (_whole, i: string) => {
      const expr = exprs[Number(i)]!;
      const v: QueryResult = query(scope, expr);
      if (!v.ok) failure ??= msg('lesson.detail.evalError', { expression: expr, error: v.error });
      else if (typeof v.value !== 'string' && typeof v.value !== 'number')
        failure ??= msg('lesson.detail.evalError', {
          expression: expr,
          error: `it gives ${show(v.value)}, not a string or a number`,
        });
      return v.ok ? String(v.value) : '';
    });
    if (failure) return { error: failure };
    words.push(filled);
  }
  return { words };
}

/** A command's result as data: its JSON, or `{ error, exitCode }` when it printed none. */
function resultOf(words: string[], env: CommandEnv): unknown {
  const r = runCommand(words, { ...env, json: true });
  try {
    return JSON.parse(r.stdout) as unknown;
  } catch {
    return { error: (r.stderr || r.stdout).trim(), exitCode: r.exitCode };
  }
}

/** Runs the commands in order (one world: they see each other's conntrack and scheduler state). */
export function runAll(
  runs: readonly Run[],
  lets: Record<string, string> | undefined,
  env: CommandEnv,
): RunOutcome {
  const scope: Scope = {};
  let executed = 0;
  for (const r of runs) {
    if (r.value !== undefined) {
      const v = query(scope, r.value);
      if (!v.ok)
        return { ok: false, error: msg('lesson.detail.evalError', { expression: r.value, error: v.error }) };
      scope[r.name] = v.value;
      continue;
    }
    const command = r.command ?? '';
    if (r.forEach === undefined) {
      const filled = fillTemplate(command, scope);
      if ('error' in filled) return { ok: false, error: filled.error };
      if (++executed > LIMITS.runs)
        return { ok: false, error: msg('lesson.detail.limit', { what: 'commands', limit: LIMITS.runs }) };
      scope[r.name] = resultOf(filled.words, env);
      continue;
    }
    const list = query(scope, r.forEach);
    if (!list.ok)
      return {
        ok: false,
        error: msg('lesson.detail.evalError', { expression: r.forEach, error: list.error }),
      };
    const items = Array.isArray(list.value) ? list.value : list.value === null ? [] : [list.value];
    if (items.length > LIMITS.forEachItems)
      return {
        ok: false,
        error: msg('lesson.detail.limit', { what: 'forEach items', limit: LIMITS.forEachItems }),
      };
    const results: unknown[] = [];
    for (const item of items) {
      const filled = fillTemplate(command, { ...scope, [r.as!]: item });
      if ('error' in filled) return { ok: false, error: filled.error };
      if (++executed > LIMITS.runs)
        return { ok: false, error: msg('lesson.detail.limit', { what: 'commands', limit: LIMITS.runs }) };
      results.push({ item, result: resultOf(filled.words, env) });
    }
    scope[r.name] = results;
  }
  for (const [name, expression] of Object.entries(lets ?? {})) {
    const v = query(scope, expression);
    if (!v.ok) return { ok: false, error: msg('lesson.detail.evalError', { expression, error: v.error }) };
    scope[name] = v.value;
  }
  return { ok: true, scope };
}
