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

interface Walk {
  findings: SchemaFinding[];
  typeError: boolean;
}

/** Does `v` decode into a node of this JSON type? Returns the Go-style value description when not. */
function typeMismatch(v: unknown, n: SchemaNode): string | undefined {
  const types = n.type === undefined ? [] : Array.isArray(n.type) ? n.type : [n.type];
  if (types.length === 0) return undefined;
  const ok = types.some((t) => {
    switch (t) {
      case 'integer':
        return typeof v === 'number' && Number.isInteger(v) && inRange(v, n.format);
      case 'number':
        return typeof v === 'number';
      case 'boolean':
        return typeof v === 'boolean';
      case 'string':
        return typeof v === 'string';
      case 'array':
        return Array.isArray(v);
      case 'object':
        return typeof v === 'object' && v !== null && !Array.isArray(v);
      default:
        return true;
    }
  });
  return ok ? undefined : jsonKind(v, types.includes('integer') && typeof v === 'number');
}

function inRange(v: number, format?: string): boolean {
  return format === 'int64' ? Number.isSafeInteger(v) : v >= -2147483648 && v <= 2147483647;
}

/** A field path built only when an error needs it (most objects have none): a linked list of segments. */
interface PathNode {
  parent: PathNode | undefined;
  seg: string | number;
}

function pathString(p: PathNode | undefined, withIndexes: boolean): string {
  const segs: (string | number)[] = [];
  for (let n = p; n; n = n.parent) segs.push(n.seg);
  let out = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i]!;
    if (typeof seg === 'number') {
      if (withIndexes) out += `[${seg}]`;
    } else if (seg.startsWith('[')) {
      if (withIndexes) out += seg;
    } else out += out ? `.${seg}` : seg;
  }
  return out;
}

function walk(v: unknown, node: SchemaNode, path: PathNode | undefined, struct: string, w: Walk): void {
  if (w.typeError || v === null || v === undefined) return; // null decodes to the zero value
  const { node: n, def } = deref(node);
  if (n.anyOf) {
    if (n.anyOf.some((b) => typeMismatch(v, deref(b).node) === undefined)) return;
  }
  const bad = typeMismatch(v, n);
  if (bad !== undefined) {
    w.typeError = true;
    w.findings.push({
      kind: 'type',
      field: pathString(path, true),
      message: `json: cannot unmarshal ${bad} into Go struct field ${struct}.${pathString(path, false)} of type ${goType(node)}`,
    });
    return;
  }
  if (Array.isArray(v)) {
    if (n.items) for (let i = 0; i < v.length; i++) walk(v[i], n.items, { parent: path, seg: i }, struct, w);
    return;
  }
  if (typeof v !== 'object') return;
  const obj = v as Record<string, unknown>;
  if (n.properties) {
    const inner = def ? goStructName(def) : struct;
    for (const key in obj) {
      const prop = n.properties[key];
      const at = { parent: path, seg: key };
      if (prop) walk(obj[key], prop, at, inner, w);
      else if (n.additionalProperties === false) {
        const field = pathString(at, true);
        w.findings.push({ kind: 'unknown', field, message: `unknown field "${field}"` });
      }
    }
    if (n.required)
      for (const req of n.required) {
        if (obj[req] === undefined)
          w.findings.push({
            kind: 'required',
            field: pathString({ parent: path, seg: req }, true),
            message: `missing required field "${req}" in ${def ?? 'object'}`,
          });
      }
  } else if (typeof n.additionalProperties === 'object') {
    // Map values: errors name the map's field (Go's json keeps the struct field path).
    for (const key in obj)
      walk(obj[key], n.additionalProperties, { parent: path, seg: `[${key}]` }, struct, w);
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
  const w: Walk = { findings: [], typeError: false };
  walk(object, root, undefined, String(object.kind), w);
  // A type error aborts decoding: the server reports it alone.
  return w.typeError ? w.findings.filter((f) => f.kind === 'type') : w.findings;
}

/** True when svclab has a schema for this apiVersion + kind. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return roots.has(`${apiVersion}|${kind}`);
}
