/**
 * What the API server's JSON decoder (Go's encoding/json, through sigs.k8s.io/json) makes of `null`
 * inside an object, so that the rest of svclab sees the object the server would validate and store:
 * - a null list item decodes to the item type's zero value: `env: [null]` is one EnvVar with an empty
 *   name (which validation then refuses: `spec.containers[0].env[0].name: Required value`),
 *   `podCIDRs: [null]` is `[""]`, `ingress: [null]` one empty LoadBalancerIngress;
 * - a null map value decodes to the value type's zero value: `labels: {app: null}` is the label `app=""`;
 * - a null struct field leaves the field at its zero value: a field the schema marks required (a Go field
 *   without `omitempty`, as the OpenAPI generator decides) holds that zero value (`port: null` is port 0);
 *   an optional one is simply absent (nil, or omitted when the object is written back).
 * Zero values by schema type: object `{}`, array `[]`, string `""`, integer/number/int-or-string `0`,
 * resource.Quantity `"0"`, boolean `false`; where the schema says nothing the null stays.
 * (encoding/json `literalStore`: null sets interfaces, pointers, maps and slices to nil and leaves other
 * values alone; `array` grows the slice with zero elements before decoding each item into one.)
 *
 * The result is a fresh copy; the input (possibly shared through the manifest cache) is not changed.
 *
 * @example
 * decodeNulls({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
 *   spec: { containers: [{ name: 'c', env: [null], ports: null }] } }).spec;
 * // { containers: [{ name: 'c', env: [{}] }] }
 */
import { cloneJson } from './clone';
import {
  T_ARRAY,
  T_BOOLEAN,
  T_INTEGER,
  T_NUMBER,
  T_OBJECT,
  T_STRING,
  matches,
  property,
  rootSchema,
  type Compiled,
} from './schema-compiled';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** The zero value of a schema node, as Go would store it and print it back. */
function zeroValue(c: Compiled): unknown {
  if (c.def === QUANTITY) return '0';
  const t = c.types;
  if (t === -1) return null;
  if (t & (T_INTEGER | T_NUMBER)) return 0; // int-or-string decodes null as the integer 0
  if (t & T_STRING) return '';
  if (t & T_BOOLEAN) return false;
  if (t & T_ARRAY) return [];
  if (t & T_OBJECT) return {};
  return null;
}

function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  // A `__proto__` key stays an own property, as the yaml package keeps it (see clone.ts).
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  else out[k] = v;
}

/** The branch of an anyOf that the value takes (kubeadm's extraArgs: a list or a map). */
function branch(v: unknown, c: Compiled): Compiled {
  return c.anyOf?.find((b) => matches(v, b)) ?? c;
}

function decode(v: unknown, schema: Compiled | undefined): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (!schema) return cloneJson(v);
  const c = branch(v, schema);
  if (Array.isArray(v)) {
    const items = c.items;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++)
      out[i] = v[i] === null && items ? zeroValue(items) : decode(v[i], items);
    return out;
  }
  const obj = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (c.props) {
    const required = c.node.required;
    for (const key of Object.keys(obj)) {
      const prop = property(c, key);
      const value = obj[key];
      if (value === null && prop) {
        if (required?.includes(key)) setOwn(out, key, zeroValue(prop));
        continue;
      }
      setOwn(out, key, decode(value, prop));
    }
    return out;
  }
  const values = c.values;
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    setOwn(out, key, value === null && values ? zeroValue(values) : decode(value, values));
  }
  return out;
}

/**
 * A copy of the object with every null decoded as the API server's decoder would (see the module
 * comment). Objects of kinds without a schema are copied unchanged.
 *
 * @example
 * decodeNulls({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { podCIDRs: [null] } }).spec;
 * // { podCIDRs: [''] }
 */
export function decodeNulls<T extends { apiVersion?: unknown; kind?: unknown }>(object: T): T {
  return decode(object, rootSchema(object.apiVersion, object.kind)) as T;
}
