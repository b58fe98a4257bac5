/**
 * What the API server does with a custom resource on create, for the CRDs the cluster has installed
 * (registry.ts): strict decoding (unknown fields refused), status dropped (every Gateway API CRD has
 * the status subresource, so a status in the YAML is not kept), the CRD's defaults applied (including
 * the status defaults, such as a new Gateway's `Pending` conditions), then validation: metadata (a
 * DNS-1123 subdomain name), the structural schema and the CEL rules. `metadata.generation` starts at 1.
 * An object with any error is refused (object: null).
 *
 * @example
 * admitCustomResource(sourcedGateway).object?.spec.listeners[0].allowedRoutes;
 * // { namespaces: { from: 'Same' } }
 */
import type { Diagnostic } from '../../diagnostics';
import type { KubeObject } from '../../k8s/objects';
import { diagnosticAt } from '../diagnose';
import { errorCode } from '../validate/index';
import { isDNS1123Subdomain } from '../validate/messages';
import { validateObjectMeta } from '../validate/metadata';
import { required, type FieldError } from '../validate/field';
import type { Admission, SourcedObject } from '../types';
import { librarySlot } from '../../util/library-slot';
import { applyCrdDefaults } from './defaults';
import type { Crd, CrdVersion, SchemaProps } from './types';
import { unknownFields, validateAgainstSchema } from './structural';

/**
 * The CRDs' schemas (registry.ts) and the CEL evaluator of their rules (cel.ts, with @bufbuild/cel and
 * RE2), loaded apart: engine/libraries.ts provides them.
 */
export const crdLibrary = librarySlot<{
  crdVersion(apiVersion: unknown, kind: unknown): { crd: Crd; version: CrdVersion } | undefined;
  celErrors(value: unknown, schema: SchemaProps, path: string): FieldError[];
}>('gateway-api');

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The spec (and any other top-level field but metadata and status) checked against the schema. */
function bodyErrors(object: Record<string, unknown>, schema: SchemaProps): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    if (k === 'metadata' || k === 'apiVersion' || k === 'kind') continue;
    errs.push(...validateAgainstSchema(object[k], p, k));
  }
  for (const r of schema.required ?? []) if (object[r] === undefined) errs.push(required(r));
  // CEL runs on what the schema accepts: a rule over a wrongly typed value has nothing to say.
  if (errs.length > 0) return errs;
  const { celErrors } = crdLibrary.use();
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    if (k === 'metadata' || k === 'apiVersion' || k === 'kind') continue;
    errs.push(...celErrors(object[k], p, k));
  }
  return errs;
}

/**
 * Admits one custom resource whose apiVersion and kind a CRD serves. Never throws.
 *
 * @example
 * admitCustomResource(obj).diagnostics.map((d) => d.message);
 * // ['spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway']
 */
export function admitCustomResource(obj: SourcedObject): Admission {
  const raw = obj.object as unknown as Record<string, unknown>;
  const found = crdLibrary.use().crdVersion(raw.apiVersion, raw.kind);
  const diagnostics: Diagnostic[] = [];
  if (!found) return { object: null, diagnostics };
  const { crd, version } = found;
  const schema = version.schema;

  const unknown = unknownFields(
    Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'metadata' && k !== 'status')),
    schema,
  );
  for (const field of unknown)
    diagnostics.push(
      diagnosticAt(obj, field, {
        severity: 'error',
        source: 'schema',
        code: 'schema.unknown-field',
        message: `unknown field "${field}"`,
      }),
    );
  if (diagnostics.length > 0) return { object: null, diagnostics };

  const object = copy(raw);
  const meta = (
    typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {}
  ) as Record<string, unknown>;
  object.metadata = meta;
  if (crd.namespaced) {
    if (typeof meta.namespace !== 'string' || meta.namespace === '') meta.namespace = 'default';
  } else delete meta.namespace;
  delete object.status;
  applyCrdDefaults(object, schema);
  meta.generation = 1;

  const errors = [
    ...validateObjectMeta(meta, crd.namespaced, isDNS1123Subdomain),
    ...bodyErrors(object, schema),
  ];
  const stored = { ...obj, object: object as unknown as KubeObject };
  for (const e of errors)
    diagnostics.push(
      diagnosticAt(stored, e.field, {
        severity: 'error',
        source: 'api',
        code: errorCode(crd.kind, e),
        message: e.message,
      }),
    );
  return errors.length > 0 ? { object: null, diagnostics } : { object: stored.object, diagnostics };
}
