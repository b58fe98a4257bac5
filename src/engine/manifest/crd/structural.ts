/**
 * What the API server checks in a custom resource against its CRD's structural schema, worded the way
 * kubectl prints it (apiextensions-apiserver's kubeOpenAPIResultToFieldErrors over kube-openapi's
 * validator, and the list-type checks):
 * - `unknownFields`: strict field validation (kubectl's default `--validate=strict`) refuses fields the
 *   schema does not declare: `unknown field "spec.listenerz"`;
 * - `validateAgainstSchema`: types, enums, patterns, lengths, item counts, bounds, formats, required
 *   fields, oneOf/anyOf/not, and duplicate keys of `x-kubernetes-list-type: map|set` lists.
 *
 * @example
 * validateAgainstSchema({ port: 0 }, schema, 'spec').map((e) => e.message);
 * // ['spec.port: Invalid value: 0: spec.port in body should be greater than or equal to 1']
 */
import {
  child,
  duplicate,
  fieldError,
  goLiteral,
  goQuote,
  invalid,
  notSupported,
  required,
  tooMany,
  type FieldError,
  type GoValue,
} from '../validate/field';
import type { SchemaProps } from './types';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON type name kube-openapi reports ("integer" for whole numbers). */
function jsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeMatches(v: Json, type: SchemaProps['type']): boolean {
  const t = jsonType(v);
  if (type === 'number') return t === 'number' || t === 'integer';
  return t === type;
}

/** A value as the field error prints it (strings quoted; composites as Go's %v would show a map). */
function shown(v: Json): GoValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return goLiteral(JSON.stringify(v));
}

const patterns = new Map<string, RegExp>();
function regex(p: string): RegExp {
  let r = patterns.get(p);
  if (!r) {
    r = new RegExp(p, 'u');
    patterns.set(p, r);
  }
  return r;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function formatOk(format: string, v: string): boolean {
  switch (format) {
    case 'ipv4':
      return IPV4.test(v);
    case 'ipv6':
      return v.includes(':') && /^[0-9a-fA-F:.]+$/.test(v) && (v.match(/::/g) ?? []).length <= 1;
    case 'date-time':
      return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v);
    default:
      return true; // int32/int64 are bounds on integers, checked as such
  }
}

/**
 * Strict field validation: the fields of `value` that `schema` does not declare, as paths
 * ("spec.listeners[0].hostnme"), in document order.
 *
 * @example
 * unknownFields({ spec: { foo: 1 } }, rootSchema); // ["spec.foo"]
 */
export function unknownFields(value: Json, schema: SchemaProps, path = ''): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((v, i) => out.push(...unknownFields(v, schema.items!, `${path}[${i}]`)));
    return out;
  }
  if (!isObject(value) || schema.type !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    const p =
      schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, k)
        ? schema.properties[k]
        : undefined;
    if (p) out.push(...unknownFields(v, p, child(path, k)));
    else if (typeof schema.additionalProperties === 'object')
      out.push(...unknownFields(v, schema.additionalProperties, `${path}[${k}]`));
    else if (schema.properties && schema.additionalProperties !== true) out.push(child(path, k));
  }
  return out;
}

/** The openapi message prefix: the field path as kube-openapi names it in its own text. */
const inBody = (path: string): string => `${path} in body`;

function validateScalar(v: Json, s: SchemaProps, path: string, errs: FieldError[]): void {
  if (s.enum && !s.enum.some((e) => e === v))
    errs.push(
      notSupported(
        path,
        shown(v),
        s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
      ),
    );
  if (typeof v === 'string') {
    // go-openapi counts runes (utf8.RuneCountInString), not bytes.
    if (s.maxLength !== undefined && [...v].length > s.maxLength)
      errs.push(fieldError('too-long', path, v, `may not be more than ${s.maxLength} bytes`));
    if (s.minLength !== undefined && [...v].length < s.minLength)
      errs.push(invalid(path, v, `${inBody(path)} should be at least ${s.minLength} chars long`));
    if (s.pattern !== undefined && !regex(s.pattern).test(v))
      errs.push(invalid(path, v, `${inBody(path)} should match '${s.pattern}'`));
    if (s.format && !formatOk(s.format, v))
      errs.push(invalid(path, v, `${inBody(path)} must be of type ${s.format}: ${goQuote(v)}`));
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum)
      errs.push(invalid(path, v, `${inBody(path)} should be greater than or equal to ${s.minimum}`));
    if (s.maximum !== undefined && v > s.maximum)
      errs.push(invalid(path, v, `${inBody(path)} should be less than or equal to ${s.maximum}`));
  }
}

/** The key of a list-map item, as Go's %v prints the map of its keys: `map[string]interface {}{"name":"http"}`. */
function mapKey(item: Json, keys: string[]): string {
  const o = isObject(item) ? item : {};
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${JSON.stringify(o[k] ?? null)}`).join(', ')}}`;
}

function validateList(v: Json[], s: SchemaProps, path: string, errs: FieldError[]): void {
  if (s.maxItems !== undefined && v.length > s.maxItems) errs.push(tooMany(path, v.length, s.maxItems));
  if (s.minItems !== undefined && v.length < s.minItems)
    errs.push(invalid(path, v.length, `${inBody(path)} should have at least ${s.minItems} items`));
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'map' || listType === 'set') {
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const key =
        listType === 'map' ? mapKey(item, s['x-kubernetes-list-map-keys'] ?? []) : JSON.stringify(item);
      if (seen.has(key))
        errs.push(duplicate(`${path}[${i}]`, listType === 'map' ? goLiteral(key) : shown(item)));
      seen.add(key);
    });
  }
  if (s.items) v.forEach((item, i) => errs.push(...validateAgainstSchema(item, s.items!, `${path}[${i}]`)));
}

function validateObject(v: Record<string, Json>, s: SchemaProps, path: string, errs: FieldError[]): void {
  for (const r of s.required ?? []) if (v[r] === undefined) errs.push(required(child(path, r)));
  if (s.maxProperties !== undefined && Object.keys(v).length > s.maxProperties)
    errs.push(tooMany(path, Object.keys(v).length, s.maxProperties));
  for (const [k, x] of Object.entries(v)) {
    const p =
      s.properties && Object.prototype.hasOwnProperty.call(s.properties, k) ? s.properties[k] : undefined;
    if (p) errs.push(...validateAgainstSchema(x, p, child(path, k)));
    else if (typeof s.additionalProperties === 'object')
      errs.push(...validateAgainstSchema(x, s.additionalProperties, `${path}[${k}]`));
  }
}

/** Whether a value passes a subschema (for oneOf/anyOf/not), which only constrains, never types. */
const passes = (v: Json, s: SchemaProps, path: string): boolean =>
  validateAgainstSchema(v, s, path).length === 0;

/**
 * Every schema error of a value (after defaulting), as field errors. A value of the wrong type is
 * reported alone (its contents are not looked at).
 *
 * @example
 * validateAgainstSchema('Foo', { type: 'string', enum: ['Exact'] }, 'spec.type')[0].message;
 * // 'spec.type: Unsupported value: "Foo": supported values: "Exact"'
 */
export function validateAgainstSchema(v: Json, s: SchemaProps, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (v === undefined) return errs;
  if (s.type && !typeMatches(v, s.type)) {
    const t = jsonType(v);
    errs.push(invalid(path, t, `${inBody(path)} must be of type ${s.type}: ${goQuote(t)}`));
    return errs;
  }
  if (Array.isArray(v)) validateList(v, s, path, errs);
  else if (isObject(v)) validateObject(v, s, path, errs);
  else validateScalar(v, s, path, errs);
  if (s.oneOf && s.oneOf.filter((b) => passes(v, b, path)).length !== 1)
    errs.push(invalid(path, '', `${inBody(path)} must validate one and only one schema (oneOf)`));
  if (s.anyOf && !s.anyOf.some((b) => passes(v, b, path)))
    errs.push(invalid(path, '', `${inBody(path)} must validate at least one schema (anyOf)`));
  if (s.not && passes(v, s.not, path))
    errs.push(invalid(path, '', `${inBody(path)} must not validate the schema (not)`));
  return errs;
}
