/**
 * Kubernetes' field.Error, printed the way apimachinery prints it (util/validation/field/errors.go):
 * `<field>: <Type>: <value>: <detail>`; Required/Forbidden/TooLong/Internal omit the value.
 * Values are formatted by their Go type: strings with %q, numbers and bools with %v, pointers
 * dereferenced, anything else with %#v (callers pass those already rendered with `goLiteral`).
 *
 * @example
 * fieldError('invalid', 'spec.ports[0].port', 0, 'must be between 1 and 65535, inclusive').message;
 * // "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"
 */
export type ErrorType =
  'required' | 'invalid' | 'duplicate' | 'unsupported' | 'forbidden' | 'too-many' | 'too-long' | 'not-found';

const TYPE_STRING: Record<ErrorType, string> = {
  required: 'Required value',
  invalid: 'Invalid value',
  duplicate: 'Duplicate value',
  unsupported: 'Unsupported value',
  forbidden: 'Forbidden',
  'too-many': 'Too many',
  'too-long': 'Too long',
  'not-found': 'Not found',
};

/** A value already rendered as Go's %#v would print it (e.g. `[]string{"a"}`). */
export interface GoLiteral {
  goLiteral: string;
}

export type GoValue = string | number | boolean | null | undefined | GoLiteral;

export interface FieldError {
  type: ErrorType;
  field: string; // "spec.ports[0].port"
  message: string; // the full "<field>: <body>" line
}

/**
 * Go's strconv.Quote (what %q prints) for the characters YAML can carry.
 *
 * @example
 * goQuote('a"b\n'); // "\"a\\\"b\\n\""
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0xfffd) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A value as Go's %#v prints it, for the few composite values Kubernetes errors show.
 *
 * @example
 * goLiteral('[]string{"10.0.0.1", "None"}'); // { goLiteral: '[]string{"10.0.0.1", "None"}' }
 */
export const goLiteral = (text: string): GoLiteral => ({ goLiteral: text });

/**
 * A []string as %#v prints it.
 *
 * @example
 * goStringSlice(['a', 'b']).goLiteral; // '[]string{"a", "b"}'
 */
export const goStringSlice = (values: string[]): GoLiteral =>
  goLiteral(`[]string{${values.map(goQuote).join(', ')}}`);

export function formatValue(v: GoValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.goLiteral;
}

/**
 * Builds one error. For Required/Forbidden/TooLong the value is ignored (apimachinery omits it).
 *
 * @example
 * fieldError('required', 'spec.ports', undefined, '').message; // "spec.ports: Required value"
 */
export function fieldError(type: ErrorType, field: string, value: GoValue, detail = ''): FieldError {
  const t = TYPE_STRING[type];
  let body: string;
  if (type === 'required' || type === 'forbidden' || type === 'too-long')
    body = detail ? `${t}: ${detail}` : t;
  else body = `${t}: ${formatValue(value)}${detail ? `: ${detail}` : ''}`;
  return { type, field, message: `${field}: ${body}` };
}

export const required = (field: string, detail = ''): FieldError =>
  fieldError('required', field, undefined, detail);
export const forbidden = (field: string, detail: string): FieldError =>
  fieldError('forbidden', field, undefined, detail);
export const invalid = (field: string, value: GoValue, detail: string): FieldError =>
  fieldError('invalid', field, value, detail);
export const duplicate = (field: string, value: GoValue): FieldError => fieldError('duplicate', field, value);
/** field.NotSupported: `supported values: "a", "b"` (each value strconv.Quote'd). */
export const notSupported = (field: string, value: GoValue, supported: string[]): FieldError =>
  fieldError('unsupported', field, value, `supported values: ${supported.map(goQuote).join(', ')}`);
/** field.TooMany: `Too many: <actual>: must have at most <max> items`. */
export const tooMany = (field: string, actual: number, max: number): FieldError =>
  fieldError('too-many', field, actual, `must have at most ${max} items`);

/** field.TooLong with a byte limit: `Too long: may not be more than <n> bytes` (the value is omitted). */
export const tooLong = (field: string, max: number): FieldError =>
  fieldError('too-long', field, undefined, `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`);

/** Each message of a validation helper as an Invalid error on one field (Kubernetes' usual loop). */
export const invalidEach = (field: string, value: GoValue, msgs: string[]): FieldError[] =>
  msgs.map((m) => invalid(field, value, m));

/**
 * Appends a child to a field path.
 *
 * @example
 * child('spec.ports', 0, 'name'); // "spec.ports[0].name"
 */
export function child(base: string, ...parts: (string | number)[]): string {
  let out = base;
  for (const p of parts) out = typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p;
  return out;
}
