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
import {
  T_INTEGER,
  deref,
  matches,
  property,
  rootSchema,
  type Compiled,
  type SchemaNode,
} from './schema-compiled';

export interface SchemaFinding {
  /** type: decoding fails; unknown: strict field validation fails; required: client-side validation only. */
  kind: 'type' | 'unknown' | 'required';
  field: string; // "spec.ports[0].port"
  message: string;
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
  const root = rootSchema(object.apiVersion, object.kind);
  if (!root) return [];
  const w: Walk = { findings: [], typeError: false, path: [] };
  walk(object, root, String(object.kind), w);
  // A type error aborts decoding: the server reports it alone.
  return w.typeError ? w.findings.filter((f) => f.kind === 'type') : w.findings;
}

/** True when svclab has a schema for this apiVersion + kind. */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return rootSchema(apiVersion, kind) !== undefined;
}
