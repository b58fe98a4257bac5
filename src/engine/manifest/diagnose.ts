/**
 * Builds a Diagnostic about one field of one object, pointing at that field's line and column in the
 * YAML. Every helper that reports on a user object (schema, API validation, allocators, lints) uses it,
 * so diagnostics agree on kind/namespace/name/file and on where a field stands.
 *
 * @example
 * diagnosticAt(svc, 'spec.ports[0].nodePort', { severity: 'error', source: 'api', code: 'service.nodePort.range',
 *   message: 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767' });
 * // → { …, kind: 'Service', namespace: 'default', name: 'x', field: 'spec.ports[0].nodePort', line: 9, column: 7, file: 'scene.yaml' }
 */
import type { Diagnostic } from '../diagnostics';
import { parseFieldPath } from './parse';
import type { SourcedObject } from './types';

export type DiagnosticInit = Pick<
  Diagnostic,
  'severity' | 'source' | 'code' | 'message' | 'meaning' | 'hint'
>;

/**
 * Kubernetes sometimes names a field by its Go name in error paths (`spec.LoadBalancerSourceRanges`);
 * the YAML key is the JSON name, which starts lower-case.
 */
function jsonSegment(seg: string | number): string | number {
  return typeof seg === 'string' && /^[A-Z][a-z]/.test(seg) ? seg[0]!.toLowerCase() + seg.slice(1) : seg;
}

/**
 * A diagnostic about `field` of `obj` (field path as Kubernetes prints it, relative to the object).
 * The position is the field's key in the YAML, or its nearest existing parent when the field is absent
 * (a missing required field points at the map that should hold it). An empty field points at the object.
 *
 * @example
 * diagnosticAt(pod, 'spec.containers[0].ports[1].name', { severity: 'error', source: 'api', code: 'pod.port.name.duplicate', message: '…' });
 */
export function diagnosticAt(obj: SourcedObject, field: string, d: DiagnosticInit): Diagnostic {
  const path = parseFieldPath(field).map(jsonSegment);
  const range = obj.locate(path);
  const meta = obj.object.metadata ?? {};
  const out: Diagnostic = {
    severity: d.severity,
    source: d.source,
    code: d.code,
    kind: obj.object.kind,
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    name: typeof meta.name === 'string' ? meta.name : undefined,
    field: field || undefined,
    message: d.message,
    line: range?.line ?? obj.startLine,
    column: range?.column ?? 1,
    endLine: range?.endLine,
    endColumn: range?.endColumn,
    file: obj.file,
  };
  if (d.meaning !== undefined) out.meaning = d.meaning;
  if (d.hint !== undefined) out.hint = d.hint;
  if (out.namespace === undefined) delete out.namespace;
  if (out.name === undefined) delete out.name;
  if (out.field === undefined) delete out.field;
  if (out.endLine === undefined) delete out.endLine;
  if (out.endColumn === undefined) delete out.endColumn;
  return out;
}
