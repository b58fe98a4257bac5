/**
 * JMESPath (the community edition: `$` for the root, `let`) is the selector language of challenges: a
 * query language over JSON with no loops, no recursion and no access to anything but the data it is
 * given, which is what makes a lesson from a link safe to check. Errors are values here.
 *
 * @example
 * query({ a: { b: [1, 2] } }, 'length(a.b)'); // { ok: true, value: 2 }
 */
import { compile, search, type JSONValue } from '@jmespath-community/jmespath';

export type QueryResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Checks that an expression parses; the error says why not. */
export function checkExpression(expression: string): string | undefined {
  try {
    compile(expression);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Evaluates an expression over a value; a missing field is `null`, as JMESPath defines it. */
export function query(data: unknown, expression: string | undefined): QueryResult {
  if (expression === undefined) return { ok: true, value: data };
  try {
    return { ok: true, value: search(data as JSONValue, expression) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A value as a short string for a sentence: strings bare, the rest as JSON, cut at 120 characters. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'null' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Deep equality of JSON values (numbers and their decimal strings stay different, as in JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
