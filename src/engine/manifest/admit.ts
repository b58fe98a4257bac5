/**
 * What the API server does with one object before storing it, minus allocation (cluster/service-alloc.ts allocates IPs and ports, as the registry does):
 * resolve the kind's version, check the object against the schema, fill defaults, validate.
 * An object with any error is rejected (object: null), as the API server would answer 4xx.
 *
 * @example
 * admitObject(sourcedService, supportedKind('Service')!).object?.spec.type; // "ClusterIP"
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { admitCustomResource } from './crd/admit';
import { diagnosticAt } from './diagnose';
import { decodeNulls } from './decode';
import { applyDefaults } from './defaults';
import { checkSchema } from './schema-check';
import { admitTimeline } from './timeline';
import { validateObject } from './validate/index';
import type { KindInfo } from './kinds';
import type { Admission, SourcedObject } from './types';

export type { Admission };

/**
 * Every field an API error names, and every parent of it ("spec.ports[0].name" gives "spec",
 * "spec.ports", "spec.ports[0]" and itself): a set, so that checking thousands of required-field
 * findings against thousands of errors stays linear.
 */
function fieldsAndParents(errors: Diagnostic[]): Set<string> {
  const out = new Set<string>();
  for (const d of errors) {
    const f = d.field;
    if (f === undefined) continue;
    out.add(f);
    for (let i = 0; i < f.length; i++) if (f[i] === '.' || f[i] === '[') out.add(f.slice(0, i));
  }
  return out;
}

/**
 * Admits one object of a supported kind. Never throws.
 *
 * @example
 * admitObject(obj, supportedKind('Ingress')!); // apiVersion extensions/v1beta1 → error `no matches for kind "Ingress" …`
 */
export function admitObject(obj: SourcedObject, info: KindInfo): Admission {
  const diagnostics: Diagnostic[] = [];
  const raw = obj.object as unknown as Record<string, unknown>;
  const error = (field: string, code: string, message: string, hint?: Msg): Admission => {
    diagnostics.push(diagnosticAt(obj, field, { severity: 'error', source: 'schema', code, message, hint }));
    return { object: null, diagnostics };
  };
  if (!info.apiVersions.includes(raw.apiVersion as string)) {
    return info.config
      ? error(
          'apiVersion',
          'manifest.kind.version',
          `no kind "${info.kind}" is registered for version "${String(raw.apiVersion)}" in scheme`,
          msg('apply.kindVersion.hint', {
            kind: info.kind,
            versions: info.apiVersions.join(' or '),
            config: true,
          }),
        )
      : error(
          'apiVersion',
          'manifest.kind.version',
          `no matches for kind "${info.kind}" in version "${String(raw.apiVersion)}"`,
          msg('apply.kindVersion.hint', {
            kind: info.kind,
            versions: info.apiVersions.join(' or '),
            config: false,
          }),
        );
  }
  if (info.crd) return admitCustomResource(obj);
  if (info.kind === 'Timeline') return admitTimeline(obj);
  const findings = checkSchema(raw);
  for (const f of findings) {
    if (f.kind === 'required') continue; // reported after API validation, if it does not say more
    // kubeadm and kube-proxy fall back to lenient decoding: an unknown field there is only a warning.
    const severity = f.kind === 'unknown' && info.config ? 'warning' : 'error';
    diagnostics.push(
      diagnosticAt(obj, f.field, {
        severity,
        source: 'schema',
        code: f.kind === 'type' ? 'schema.type' : 'schema.unknown-field',
        message: f.message,
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { object: null, diagnostics };
  // The object as the server's decoder reads it (nulls → zero values), in a copy that defaults may fill.
  const object = decodeNulls(raw);
  if (object.metadata === undefined || object.metadata === null) {
    if (!info.config)
      return error('metadata.name', 'manifest.name.missing', 'resource name may not be empty');
    object.metadata = {};
  }
  const meta = object.metadata as Record<string, unknown>;
  if (!info.config && (meta.name === undefined || meta.name === null || meta.name === '')) {
    // kubectl apply looks the object up by name before anything reaches the server (apply.go).
    if (typeof meta.generateName === 'string' && meta.generateName !== '') {
      diagnostics.push(
        diagnosticAt(obj, 'metadata.generateName', {
          severity: 'error',
          source: 'schema',
          code: 'manifest.name.generateName',
          message: `from ${meta.generateName}: cannot use generate name with apply`,
          meaning: msg('apply.generateName.meaning', { generateName: meta.generateName }),
        }),
      );
      return { object: null, diagnostics };
    }
    return error('metadata.name', 'manifest.name.missing', 'resource name may not be empty');
  }
  if (info.namespaced) {
    if (meta.namespace === undefined || meta.namespace === null || meta.namespace === '')
      meta.namespace = 'default';
  } else if (!info.config) {
    // The API server ignores a namespace on a cluster-scoped object.
    delete meta.namespace;
  }
  applyDefaults(object);
  const stored = { ...obj, object: object as KubeObject };
  const apiErrors = validateObject(stored);
  diagnostics.push(...apiErrors);
  // OpenAPI `required` is what kubectl's client-side validation checks; the server's validation (above)
  // is what decides. Mention it only where validation said nothing about that field.
  const explained = fieldsAndParents(apiErrors);
  for (const f of findings) {
    if (f.kind !== 'required') continue;
    if (explained.has(f.field)) continue;
    diagnostics.push(
      diagnosticAt(stored, f.field, {
        severity: 'warning',
        source: 'schema',
        code: 'schema.required',
        message: f.message,
        hint: msg('api.hint.clientValidation', {}),
      }),
    );
  }
  if (apiErrors.some((d) => d.severity === 'error')) return { object: null, diagnostics };
  return { object: object as KubeObject, diagnostics };
}
