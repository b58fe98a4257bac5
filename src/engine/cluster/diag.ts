/**
 * Diagnostics the cluster layer raises (allocation errors, config errors, lints), placed on the YAML text
 * of the object they concern (through the manifest layer's `diagnosticAt`), or without a position for
 * objects the cluster made itself.
 *
 * @example
 * objectDiagnostic(src, svc, 'spec.ports[0].nodePort',
 *   { severity: 'error', source: 'api', code: 'service.nodePort.range', message: 'spec.ports[0].nodePort: …' });
 */
import type { Diagnostic, DiagnosticSource, Severity } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import type { Msg } from '../messages';
import { diagnosticAt } from '../manifest/diagnose';
import type { SourcedObject } from '../manifest/types';

export interface DiagnosticSpec {
  severity: Severity;
  source: DiagnosticSource;
  code: string;
  /** A tool's own words, or svclab's sentence as a descriptor. */
  message: string | Msg;
  /** What a tool's message means, in the reader's language. */
  meaning?: Msg;
  hint?: Msg;
}

/** A diagnostic about `obj` at `field` (a Kubernetes field path), located in `src` when the object has a source. */
export function objectDiagnostic(
  src: SourcedObject | undefined,
  obj: KubeObject,
  field: string | undefined,
  spec: DiagnosticSpec,
): Diagnostic {
  if (src) return diagnosticAt({ ...src, object: obj }, field ?? '', spec);
  const d: Diagnostic = {
    ...spec,
    kind: obj.kind,
    name: obj.metadata.name,
    ...(obj.metadata.namespace !== undefined ? { namespace: obj.metadata.namespace } : {}),
    ...(field !== undefined ? { field } : {}),
  };
  return d;
}

/** Go's %q for a string (strconv.Quote for the ASCII subset users type). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
