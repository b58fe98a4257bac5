/**
 * The generated schema (k8s-schema.json) compiled for walking: each node's $ref resolved and its JSON
 * types turned into bits, once per node. Shared by the schema check (schema-check.ts) and the Go-style
 * decoding of nulls (decode.ts).
 *
 * @example
 * const c = rootSchema('v1', 'Service')!;
 * property(c, 'spec')?.def; // "io.k8s.api.core.v1.ServiceSpec"
 */
import schemaJson from './k8s-schema.json';

export interface SchemaNode {
  type?: string | string[];
  format?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  anyOf?: SchemaNode[];
}

interface RootSchema {
  allOf: {
    if: { properties: { apiVersion: { const: string }; kind: { const: string } } };
    then: SchemaNode;
  }[];
  definitions: Record<string, SchemaNode>;
}

const schema = schemaJson as unknown as RootSchema;
const REF = '#/definitions/';
const roots = new Map<string, SchemaNode>();
for (const entry of schema.allOf) {
  const p = entry.if.properties;
  roots.set(`${p.apiVersion.const}|${p.kind.const}`, entry.then);
}

/** The compiled schema of an apiVersion + kind, or undefined when svclab has none. */
export function rootSchema(apiVersion: unknown, kind: unknown): Compiled | undefined {
  const root = roots.get(`${String(apiVersion)}|${String(kind)}`);
  return root ? compile(root) : undefined;
}

export function deref(node: SchemaNode): { node: SchemaNode; def?: string } {
  let def: string | undefined;
  let n = node;
  for (let i = 0; n.$ref && i < 8; i++) {
    def = n.$ref.slice(REF.length);
    n = schema.definitions[def] ?? {};
  }
  return { node: n, def };
}

// JSON types as bits, so that a node's accepted types are one number.
export const T_INTEGER = 1;
export const T_NUMBER = 2;
export const T_BOOLEAN = 4;
export const T_STRING = 8;
export const T_ARRAY = 16;
export const T_OBJECT = 32;
const TYPE_BITS: Record<string, number> = {
  integer: T_INTEGER,
  number: T_NUMBER,
  boolean: T_BOOLEAN,
  string: T_STRING,
  array: T_ARRAY,
  object: T_OBJECT,
};

/**
 * A schema node with its $ref resolved and its type list turned into bits, built once per node and
 * kept: every object walks the same few hundred nodes, so resolving them per field was most of the cost.
 */
export interface Compiled {
  source: SchemaNode; // the node as written (goType derefs it itself)
  node: SchemaNode;
  def?: string;
  /** Accepted JSON types as bits; -1 when the node accepts anything (no type, or a type we do not check). */
  types: number;
  int64: boolean;
  anyOf?: Compiled[];
  props?: Map<string, Compiled | undefined>;
  items?: Compiled;
  values?: Compiled; // additionalProperties as a schema (a map's values)
}

const compiled = new Map<SchemaNode, Compiled>();

export function compile(source: SchemaNode): Compiled {
  let c = compiled.get(source);
  if (c) return c;
  const { node, def } = deref(source);
  const list = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  let types = list.length === 0 ? -1 : 0;
  for (const t of list) types = types === -1 ? -1 : TYPE_BITS[t] === undefined ? -1 : types | TYPE_BITS[t]!;
  c = { source, node, def, types, int64: node.format === 'int64' };
  compiled.set(source, c);
  if (node.anyOf) c.anyOf = node.anyOf.map(compile);
  if (node.properties) c.props = new Map();
  if (node.items) c.items = compile(node.items);
  if (typeof node.additionalProperties === 'object') c.values = compile(node.additionalProperties);
  return c;
}

export function property(c: Compiled, key: string): Compiled | undefined {
  const props = c.props!;
  const known = props.get(key);
  if (known !== undefined || props.has(key)) return known;
  const own = Object.prototype.hasOwnProperty.call(c.node.properties, key);
  const p = own ? compile(c.node.properties![key]!) : undefined;
  props.set(key, p);
  return p;
}

/** True when the value has one of the node's JSON types (integers within int32/int64). */
export function matches(v: unknown, c: Compiled): boolean {
  const t = c.types;
  if (t === -1) return true;
  switch (typeof v) {
    case 'number':
      if (t & T_NUMBER) return true;
      return (
        (t & T_INTEGER) !== 0 &&
        Number.isInteger(v) &&
        (c.int64 ? Number.isSafeInteger(v) : v >= -2147483648 && v <= 2147483647)
      );
    case 'boolean':
      return (t & T_BOOLEAN) !== 0;
    case 'string':
      return (t & T_STRING) !== 0;
    case 'object':
      return (t & (Array.isArray(v) ? T_ARRAY : T_OBJECT)) !== 0;
    default:
      return true;
  }
}
