/**
 * Diagnostics the cluster layer raises (allocation errors, config errors, lints), placed on the YAML text
 * of the object they concern. The manifest layer has its own `diagnosticAt`; this is the cluster's twin so
 * that the cluster modules do not depend on the loader's internals.
 *
 * @example
 * objectDiagnostic(src, svc, 'spec.ports[0].nodePort',
 *   { severity: 'error', source: 'api', code: 'service.nodePort.range', message: 'spec.ports[0].nodePort: …' });
 */
import type { Diagnostic, DiagnosticSource, Severity } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import { parseFieldPath } from '../manifest/parse';
import type { SourcedObject } from '../manifest/types';

export interface DiagnosticSpec {
  severity: Severity;
  source: DiagnosticSource;
  code: string;
  message: string;
  hint?: string;
}

/** A diagnostic about `obj` at `field` (a Kubernetes field path), located in `src` when the object has a source. */
export function objectDiagnostic(
  src: SourcedObject | undefined,
  obj: KubeObject,
  field: string | undefined,
  spec: DiagnosticSpec,
): Diagnostic {
  const d: Diagnostic = {
    ...spec,
    kind: obj.kind,
    name: obj.metadata.name,
    ...(obj.metadata.namespace !== undefined ? { namespace: obj.metadata.namespace } : {}),
    ...(field !== undefined ? { field } : {}),
  };
  if (src) {
    d.file = src.file;
    const r = src.locate(field ? parseFieldPath(field) : []);
    if (r) Object.assign(d, { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn });
    else d.line = src.startLine;
  }
  return d;
}

/** Go's %q for a string (strconv.Quote for the ASCII subset users type). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
