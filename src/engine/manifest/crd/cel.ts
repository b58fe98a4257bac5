/**
 * The CRD's validation rules (`x-kubernetes-validations`), evaluated as the API server evaluates them:
 * each rule is a CEL expression over `self` (the value at its schema node), run with a CEL evaluator
 * (@bufbuild/cel) and Kubernetes' strings library; a rule that is false gives
 * `<field>: Invalid value: "<type>": <message>` (the rule's message, or `failed rule: <rule>`).
 * Transition rules (those reading `oldSelf`) do not run on create. Property names that CEL reserves
 * are escaped as Kubernetes escapes them (`namespace` → `__namespace__`).
 *
 * @example
 * celErrors(gateway.spec.listeners, listenersSchema, 'spec.listeners')[0]?.message;
 * // 'spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway'
 */
import { celEnv, isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { RE2JS } from '@bufbuild/re2';
import { child, invalid, type FieldError } from '../validate/field';
import type { CelRule, SchemaProps } from './types';

type Program = (ctx: { self: CelInput }) => unknown;

/** RE2 programs by pattern: `matches()` would otherwise compile its pattern on every call. */
const regexes = new Map<string, RE2JS>();
const re2 = {
  compile(pattern: string): RE2JS {
    let r = regexes.get(pattern);
    if (!r) {
      r = RE2JS.compile(pattern);
      regexes.set(pattern, r);
    }
    return r;
  },
};
/**
 * Made on first use, not at import: a module-level call is a side effect the bundler must keep, which
 * would pull the CEL library into every chunk that reaches this module (the page's, not only the worker's).
 */
let env: ReturnType<typeof celEnv> | undefined;
/** Compiled rules, by their text: the schemas are fixed, so each rule is planned once. */
const programs = new Map<string, Program | null>();

function program(rule: string): Program | null {
  let p = programs.get(rule);
  if (p === undefined) {
    try {
      env ??= celEnv({ funcs: strings, re2 });
      p = plan(env, parse(rule)) as unknown as Program;
    } catch {
      p = null; // a rule this evaluator cannot read is skipped rather than blocking the object
    }
    programs.set(rule, p);
  }
  return p;
}

const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** Kubernetes' CEL property name escaping (apiserver/pkg/cel/escaping.go). */
function escape(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name
    .replace(/__/g, '__underscores__')
    .replace(/\./g, '__dot__')
    .replace(/-/g, '__dash__')
    .replace(/\//g, '__slash__');
}

/** A JSON value as CEL sees it under its schema: objects as maps, integers as CEL ints. */
function toCel(v: unknown, s: SchemaProps): CelInput {
  if (Array.isArray(v)) return v.map((x) => toCel(x, s.items ?? {}));
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (s.properties) return new Map(entries.map(([k, x]) => [escape(k), toCel(x, s.properties![k] ?? {})]));
    const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
    return new Map(entries.map(([k, x]) => [k, toCel(x, values)]));
  }
  if (typeof v === 'number' && s.type === 'integer' && Number.isInteger(v)) return BigInt(v);
  return v as CelInput;
}

function failed(r: CelRule, type: string, path: string): FieldError {
  // fieldPath is a JSON path relative to the rule's node (".tls", "[0].name").
  return invalid(r.fieldPath ? `${path}${r.fieldPath}` : path, type, r.message ?? `failed rule: ${r.rule}`);
}

/**
 * The errors of every validation rule in `schema` and below it, for `value` at `path`.
 *
 * @example
 * celErrors({ numerator: 3, denominator: 2 }, fractionSchema, 'spec.x').length; // 1
 */
export function celErrors(value: unknown, schema: SchemaProps, path: string): FieldError[] {
  const out: FieldError[] = [];
  if (value === undefined || value === null) return out;
  // Children first, as the server walks: a parent's rule errors come after its fields' errors.
  if (Array.isArray(value) && schema.items)
    value.forEach((x, i) => out.push(...celErrors(x, schema.items!, `${path}[${i}]`)));
  else if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, x] of Object.entries(value as Record<string, unknown>)) {
      const p = schema.properties?.[k];
      if (p) out.push(...celErrors(x, p, child(path, k)));
      else if (typeof schema.additionalProperties === 'object')
        out.push(...celErrors(x, schema.additionalProperties, `${path}[${k}]`));
    }
  }
  const rules = schema['x-kubernetes-validations'];
  if (!rules) return out;
  const self = toCel(value, schema);
  const type = Array.isArray(value)
    ? 'array'
    : typeof value === 'object'
      ? 'object'
      : (schema.type ?? 'string');
  for (const r of rules) {
    if (/\boldSelf\b/.test(r.rule)) continue;
    const p = program(r.rule);
    if (!p) continue;
    const result = p({ self });
    if (isCelError(result)) continue; // a runtime error on data the schema check already refuses
    if (result !== true) out.push(failed(r, type, path));
  }
  return out;
}
