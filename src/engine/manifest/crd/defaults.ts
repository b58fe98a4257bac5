/**
 * Structural defaulting, as the API server applies a CRD's `default` values to a custom resource
 * (apiextensions-apiserver's structuraldefaulting.Default): wherever the parent object exists and a
 * property with a default is absent, the default is set (a copy), then the walk goes on into it, so
 * defaults nested in defaults apply too. Items of lists and values of maps are defaulted with their
 * schema. Null values of fields that are not nullable are dropped first (pruned), as the server does.
 *
 * @example
 * applyCrdDefaults({ spec: { listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } }, gatewaySchema);
 * // spec.listeners[0].allowedRoutes → { namespaces: { from: 'Same' } }
 */
import type { SchemaProps } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/**
 * Fills defaults into `value` in place and returns it.
 *
 * @example
 * applyCrdDefaults({}, { type: 'object', properties: { from: { type: 'string', default: 'Same' } } }); // { from: 'Same' }
 */
export function applyCrdDefaults(value: unknown, schema: SchemaProps): unknown {
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((v) => applyCrdDefaults(v, schema.items!));
    return value;
  }
  if (!isObject(value)) return value;
  if (schema.properties) {
    for (const [k, p] of Object.entries(schema.properties)) {
      if (value[k] === null) delete value[k];
      if (value[k] === undefined && p.default !== undefined) value[k] = copy(p.default);
      if (value[k] !== undefined) applyCrdDefaults(value[k], p);
    }
  } else if (typeof schema.additionalProperties === 'object') {
    for (const k of Object.keys(value)) applyCrdDefaults(value[k], schema.additionalProperties);
  }
  return value;
}
