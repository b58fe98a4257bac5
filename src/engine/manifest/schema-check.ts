/**
 * Checks an object's shape against the generated schema (k8s-schema.json) the way the API server's
 * decoder does with kubectl's default `--validate=strict`:
 * - a wrong JSON type stops decoding with Go's encoding/json error, e.g.
 *   `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`
 *   (only the first one is reported, as json.Unmarshal keeps the first error);
 * - unknown fields are strict decoding errors: `unknown field "spec.portz"` (all of them);
 * - OpenAPI `required` fields are not checked by the server's decoder (its validation code decides),
 *   so they are warnings here, worded as kubectl's client-side validation words them.
 *
 * @example
 * checkSchema({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { portz: [] } });
 * // [{ kind: 'unknown', field: 'spec.portz', message: 'unknown field "spec.portz"' }]
 */
import schemaJson from './k8s-schema.json';

interface SchemaNode {
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

export interface SchemaFinding {
  /** type: decoding fails; unknown: strict field validation fails; required: client-side validation only. */
  kind: 'type' | 'unknown' | 'required';
  field: string; // "spec.ports[0].port"
  message: string;
}

const schema = schemaJson as unknown as RootSchema;
const REF = '#/definitions/';
const roots = new Map<string, SchemaNode>();
for (const entry of schema.allOf) {
  const p = entry.if.properties;
  roots.set(`${p.apiVersion.const}|${p.kind.const}`, entry.then);
}

function deref(node: SchemaNode): { node: SchemaNode; def?: string } {
  let def: string | undefined;
  let n = node;
  for (let i = 0; n.$ref && i < 8; i++) {
    def = n.$ref.slice(REF.length);
    n = schema.definitions[def] ?? {};
  }
  return { node: n, def };
}

/** Go's name for a definition's type: io.k8s.api.core.v1.ServicePort → v1.ServicePort. */
const goTypeName = (def: string): string => def.split('.').slice(-2).join('.');
const goStructName = (def: string): string => def.split('.').pop() ?? def;

function goType(node: SchemaNode): string {
  const { node: n, def } = deref(node);
  if (def === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') return 'int32';
  if (def && n.type === 'object' && n.properties) return goTypeName(def);
  if (def === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return 'resource.Quantity';
  if (def === 'io.k8s.apimachinery.pkg.apis.meta.v1.Time') return 'v1.Time';
  const t = Array.isArray(n.type) ? n.type[0] : n.type;
  switch (t) {
    case 'integer':
      return n.format === 'int64' ? 'int64' : 'int32';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'string':
      return n.format === 'byte' ? '[]uint8' : 'string';
    case 'array':
      return `[]${n.items ? goType(n.items) : 'interface {}'}`;
    case 'object':
      return typeof n.additionalProperties === 'object'
        ? `map[string]${goType(n.additionalProperties)}`
        : 'map[string]interface {}';
    default:
      return 'interface {}';
  }
}

function jsonKind(v: unknown, forInteger: boolean): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return forInteger ? `number ${String(v)}` : 'number';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

// JSON types as bits, so that a node's accepted types are one number.
const T_INTEGER = 1;
const T_NUMBER = 2;
const T_BOOLEAN = 4;
const T_STRING = 8;
const T_ARRAY = 16;
const T_OBJECT = 32;
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
interface Compiled {
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

function compile(source: SchemaNode): Compiled {
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

function property(c: Compiled, key: string): Compiled | undefined {
  const props = c.props!;
  const known = props.get(key);
  if (known !== undefined || props.has(key)) return known;
  const own = Object.prototype.hasOwnProperty.call(c.node.properties, key);
  const p = own ? compile(c.node.properties![key]!) : undefined;
  props.set(key, p);
  return p;
}

function matches(v: unknown, c: Compiled): boolean {
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

interface Walk {
  findings: SchemaFinding[];
  typeError: boolean;
  /** The path being walked: names, indexes, and `[key]` for a map's values (pushed and popped). */
  path: (string | number)[];
}

/** The field path of w.path, as Kubernetes prints it (with indexes) or as Go's json names a struct field. */
function pathString(segs: readonly (string | number)[], withIndexes: boolean): string {
  let out = '';
  for (const seg of segs) {
    if (typeof seg === 'number') {
      if (withIndexes) out += `[${seg}]`;
    } else if (seg.startsWith('[')) {
      if (withIndexes) out += seg;
    } else out += out ? `.${seg}` : seg;
  }
  return out;
}

function walk(v: unknown, c: Compiled, struct: string, w: Walk): void {
  if (w.typeError || v === null || v === undefined) return; // null decodes to the zero value
  if (c.anyOf && c.anyOf.some((b) => matches(v, b))) return;
  if (!matches(v, c)) {
    w.typeError = true;
    const bad = jsonKind(v, (c.types & T_INTEGER) !== 0 && typeof v === 'number');
    w.findings.push({
      kind: 'type',
      field: pathString(w.path, true),
      message: `json: cannot unmarshal ${bad} into Go struct field ${struct}.${pathString(w.path, false)} of type ${goType(c.source)}`,
    });
    return;
  }
  if (Array.isArray(v)) {
    if (c.items)
      for (let i = 0; i < v.length; i++) {
        w.path.push(i);
        walk(v[i], c.items, struct, w);
        w.path.pop();
      }
    return;
  }
  if (typeof v !== 'object') return;
  const obj = v as Record<string, unknown>;
  const n = c.node;
  if (c.props) {
    const inner = c.def ? goStructName(c.def) : struct;
    for (const key in obj) {
      const prop = property(c, key);
      w.path.push(key);
      if (prop) walk(obj[key], prop, inner, w);
      else if (n.additionalProperties === false) {
        const field = pathString(w.path, true);
        w.findings.push({ kind: 'unknown', field, message: `unknown field "${field}"` });
      }
      w.path.pop();
    }
    if (n.required)
      for (const req of n.required) {
        if (obj[req] === undefined)
          w.findings.push({
            kind: 'required',
            field: pathString([...w.path, req], true),
            message: `missing required field "${req}" in ${c.def ?? 'object'}`,
          });
      }
  } else if (c.values) {
    // Map values: errors name the map's field (Go's json keeps the struct field path).
    for (const key in obj) {
      w.path.push(`[${key}]`);
      walk(obj[key], c.values, struct, w);
      w.path.pop();
    }
  }
}

/**
 * Checks one object against the schema of its apiVersion + kind. Unknown kinds give no findings.
 * For configuration kinds (kubeadm, kube-proxy) unknown fields are only worth a warning: both
 * programs fall back to lenient decoding; the caller decides severities from `kind`.
 *
 * @example
 * checkSchema({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: '80' }] } })[0].message;
 * // 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'
 */
export function checkSchema(object: { apiVersion?: unknown; kind?: unknown }): SchemaFinding[] {
  const root = roots.get(`${String(object.apiVersion)}|${String(object.kind)}`);
  if (!root) return [];
  const w: Walk = { findings: [], typeError: false, path: [] };
  walk(object, compile(root), String(object.kind), w);
  // A type error aborts decoding: the server reports it alone.
  return w.typeError ? w.findings.filter((f) => f.kind === 'type') : w.findings;
}

/** True when svclab has a schema for this apiVersion + kind. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return roots.has(`${apiVersion}|${kind}`);
}
