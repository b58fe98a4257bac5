/**
 * What the API server does with one object before storing it, minus allocation (helper B's registry):
 * resolve the kind's version, check the object against the schema, fill defaults, validate.
 * An object with any error is rejected (object: null), as the API server would answer 4xx.
 *
 * @example
 * admitObject(sourcedService, supportedKind('Service')!).object?.spec.type; // "ClusterIP"
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import { diagnosticAt } from './diagnose';
import { cloneJson } from './clone';
import type { KindInfo } from './kinds';
import type { SourcedObject } from './types';

export interface Admission {
  /** The object as stored (defaults filled), or null when the API server would refuse it. */
  object: KubeObject | null;
  diagnostics: Diagnostic[];
  /** Start line of the object when this admission was computed (for re-basing cached diagnostics). */
  startLine?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Admits one object of a supported kind. Never throws.
 *
 * @example
 * admitObject(obj, supportedKind('Ingress')!); // apiVersion extensions/v1beta1 → error `no matches for kind "Ingress" …`
 */
export function admitObject(obj: SourcedObject, info: KindInfo): Admission {
  const diagnostics: Diagnostic[] = [];
  const raw = obj.object as unknown as Record<string, unknown>;
  const error = (field: string, code: string, message: string, hint?: string): Admission => {
    diagnostics.push(diagnosticAt(obj, field, { severity: 'error', source: 'schema', code, message, hint }));
    return { object: null, diagnostics };
  };
  if (!info.apiVersions.includes(raw.apiVersion as string)) {
    return info.config
      ? error(
          'apiVersion',
          'manifest.kind.version',
          `no kind "${info.kind}" is registered for version "${String(raw.apiVersion)}" in scheme`,
          `svclab reads ${info.kind} as ${info.apiVersions.join(' or ')}`,
        )
      : error(
          'apiVersion',
          'manifest.kind.version',
          `no matches for kind "${info.kind}" in version "${String(raw.apiVersion)}"`,
          `ensure CRDs are installed first; Kubernetes 1.36 serves ${info.kind} as ${info.apiVersions.join(' or ')}`,
        );
  }
  const object = cloneJson(raw);
  if (object.metadata === undefined || object.metadata === null) {
    if (!info.config)
      return error('metadata.name', 'manifest.name.missing', 'resource name may not be empty');
    object.metadata = {};
  }
  if (!isRecord(object.metadata)) {
    // The schema check words this one; until it runs, say it plainly.
    return error('metadata', 'schema.type', 'metadata must be a map');
  }
  const meta = object.metadata;
  if (!info.config && (meta.name === undefined || meta.name === null || meta.name === ''))
    return error('metadata.name', 'manifest.name.missing', 'resource name may not be empty');
  if (info.namespaced) {
    if (meta.namespace === undefined || meta.namespace === null || meta.namespace === '')
      meta.namespace = 'default';
  } else if (!info.config) {
    // The API server ignores a namespace on a cluster-scoped object.
    delete meta.namespace;
  }
  return { object: object as KubeObject, diagnostics };
}
