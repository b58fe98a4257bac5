/**
 * Judges one condition of a challenge over the commands' JSON results and says why, as a message
 * descriptor: what was found, and (when the lesson names it) which behaviour is missing. Conditions are
 * data (schema.ts); this is their only interpreter.
 *
 * @example
 * judge({ path: 'answers.results', every: { path: 'response.status', equals: 200 } }, scope, scope);
 * // { passed: true, detail: msg('lesson.detail.every.passed', { total: 30 }) }
 */
import { isMsg, msg, type Msg } from '../messages';
import { LIMITS, operatorOf, type Condition } from './schema';
import { jsonEqual, query, show } from './query';

export interface Verdict {
  passed: boolean;
  detail: Msg;
}

/** The values a challenge computed: command results and `let` values, by name. */
export type Scope = Record<string, unknown>;

const evalError = (expression: string, error: string): Verdict => ({
  passed: false,
  detail: msg('lesson.detail.evalError', { expression, error }),
});

/** A `{ ref: NAME }` operand is a named value of the scope; anything else is a literal. */
function operand(value: unknown, root: Scope): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'ref') return root[(value as { ref: string }).ref] ?? null;
  }
  return value;
}

/**
 * The item's own explanation (a request's trace has one), to quote after a failure about it: the
 * descriptor the JSON carries beside the text (`explanationMsg`), so it is shown in the student's language.
 */
function explanationOf(item: unknown): Msg | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const r = item as Record<string, unknown>;
  const holder = r.explanation !== undefined ? r : (r.result as Record<string, unknown> | undefined);
  if (isMsg(holder?.explanationMsg)) return holder.explanationMsg;
  const e = holder?.explanation;
  return typeof e === 'string' ? msg('common.literal', { text: e }) : undefined;
}

function labelOf(item: unknown, label: string | undefined): string {
  if (label === undefined) return '';
  const l = query(item, label);
  return l.ok && l.value !== null ? show(l.value) : '';
}

function withMissing(c: Condition, v: Verdict): Verdict {
  if (v.passed || !c.missing) return v;
  return {
    passed: false,
    detail: msg('lesson.detail.missing', { missing: msg('lesson.text', c.missing), found: v.detail }),
  };
}

/**
 * Judges `c` with `subject` as the current value (`@`) and `root` as the challenge's named values.
 * `depth` guards against conditions nested beyond LIMITS.depth (the decoder allows any nesting).
 */
export function judge(c: Condition, subject: unknown, root: Scope, depth = 0): Verdict {
  if (depth > LIMITS.depth)
    return {
      passed: false,
      detail: msg('lesson.detail.limit', { what: 'nested conditions', limit: LIMITS.depth }),
    };
  const at = query(subject, c.path);
  if (!at.ok) return evalError(c.path ?? '@', at.error);
  const value = at.value;
  const path = c.path ?? '@';
  return withMissing(c, judgeValue(c, value, path, root, depth));
}

function judgeValue(c: Condition, value: unknown, path: string, root: Scope, depth: number): Verdict {
  switch (operatorOf(c)) {
    case 'equals': {
      const expected = operand(c.equals, root);
      const passed = jsonEqual(value, expected);
      return {
        passed,
        detail: msg('lesson.detail.equals', { path, actual: show(value), expected: show(expected), passed }),
      };
    }
    case 'oneOf': {
      const options = operand(c.oneOf, root);
      const list = Array.isArray(options) ? options : [options];
      const passed = list.some((o) => jsonEqual(value, o));
      return {
        passed,
        detail: msg('lesson.detail.oneOf', { path, actual: show(value), expected: list.map(show), passed }),
      };
    }
    case 'startsWith': {
      const prefix = String(operand(c.startsWith, root) ?? '');
      const passed = typeof value === 'string' && value.startsWith(prefix);
      return {
        passed,
        detail: msg('lesson.detail.startsWith', { path, actual: show(value), prefix, passed }),
      };
    }
    case 'contains': {
      const needle = operand(c.contains, root);
      const passed = Array.isArray(value)
        ? value.some((x) => jsonEqual(x, needle))
        : typeof value === 'string' && typeof needle === 'string' && value.includes(needle);
      return {
        passed,
        detail: msg('lesson.detail.contains', { path, actual: show(value), value: show(needle), passed }),
      };
    }
    case 'range': {
      const passed =
        typeof value === 'number' &&
        (c.atLeast === undefined || value >= c.atLeast) &&
        (c.atMost === undefined || value <= c.atMost);
      return {
        passed,
        detail: msg('lesson.detail.range', {
          path,
          actual: show(value),
          atLeast: c.atLeast ?? null,
          atMost: c.atMost ?? null,
          passed,
        }),
      };
    }
    case 'count': {
      const list = Array.isArray(value) ? value : value === null ? [] : [value];
      const values = c.distinct ? distinct(list) : list;
      const n = values.length;
      const r = c.count!;
      const passed =
        (r.equals === undefined || n === r.equals) &&
        (r.atLeast === undefined || n >= r.atLeast) &&
        (r.atMost === undefined || n <= r.atMost);
      return {
        passed,
        detail: msg('lesson.detail.count', {
          path,
          n,
          distinct: c.distinct === true,
          values: c.distinct ? values.map(show) : [],
          atLeast: r.atLeast ?? null,
          atMost: r.atMost ?? null,
          equals: r.equals ?? null,
          passed,
        }),
      };
    }
    case 'every':
    case 'some':
    case 'none':
      return quantify(c, value, root, depth);
    case 'all': {
      // The first failing part is the behaviour to fix; the others often fail only because of it.
      for (const x of c.all!) {
        const v = judge(x, value, root, depth + 1);
        if (!v.passed) return v;
      }
      return {
        passed: true,
        detail: msg('lesson.detail.all', {
          parts: c.all!.map((x) => judge(x, value, root, depth + 1).detail),
        }),
      };
    }
    case 'any': {
      const verdicts = c.any!.map((x) => judge(x, value, root, depth + 1));
      const hit = verdicts.find((v) => v.passed);
      if (hit) return hit;
      return {
        passed: false,
        detail: msg('lesson.detail.any.failed', { parts: verdicts.map((v) => v.detail) }),
      };
    }
    case 'not': {
      const inner = judge(c.not!, value, root, depth + 1);
      return inner.passed
        ? { passed: false, detail: msg('lesson.detail.not.failed', { inner: inner.detail }) }
        : { passed: true, detail: msg('lesson.detail.not.passed', { inner: inner.detail }) };
    }
    default:
      return evalError(path, 'the condition has no operator');
  }
}

function distinct(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of list) if (!out.some((y) => jsonEqual(x, y))) out.push(x);
  return out;
}

function quantify(c: Condition, value: unknown, root: Scope, depth: number): Verdict {
  const items = Array.isArray(value) ? value : value === null ? [] : [value];
  const inner = (c.every ?? c.some ?? c.none)!;
  const total = items.length;
  const item = (i: number, why: Msg): Msg => {
    const fact = msg('lesson.detail.item', { index: i + 1, total, label: labelOf(items[i], c.label), why });
    const explanation = explanationOf(items[i]);
    return explanation ? msg('lesson.detail.because', { fact, explanation }) : fact;
  };
  if (c.every) {
    if (total === 0) return { passed: false, detail: msg('lesson.detail.every.empty', {}) };
    for (let i = 0; i < total; i++) {
      const v = judge(inner, items[i], root, depth + 1);
      if (!v.passed) return { passed: false, detail: item(i, v.detail) };
    }
    return { passed: true, detail: msg('lesson.detail.every.passed', { total }) };
  }
  const verdicts = items.map((x) => judge(inner, x, root, depth + 1));
  const first = verdicts.findIndex((v) => v.passed);
  if (c.some) {
    if (first < 0) {
      const lastWhy = verdicts.length ? item(0, verdicts[0]!.detail) : undefined;
      const none = msg('lesson.detail.some.none', { total });
      return { passed: false, detail: lastWhy ? msg('lesson.detail.all', { parts: [none, lastWhy] }) : none };
    }
    const passing = verdicts.filter((v) => v.passed).length;
    return { passed: true, detail: msg('lesson.detail.some.passed', { passing, total }) };
  }
  if (first >= 0)
    return {
      passed: false,
      detail: msg('lesson.detail.none.failed', {
        index: first + 1,
        total,
        label: labelOf(items[first], c.label),
      }),
    };
  return { passed: true, detail: msg('lesson.detail.none.passed', { total }) };
}
