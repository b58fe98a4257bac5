/**
 * Errors are values (architecture principle 5): every problem svclab finds in the user's YAML is a
 * Diagnostic with a stable code, the object it concerns, the field path and the YAML range.
 * Nothing throws across the worker boundary.
 *
 * @example
 * { severity: 'error', source: 'api', code: 'service.nodePort.range', kind: 'Service', namespace: 'default',
 *   name: 'x', field: 'spec.ports[0].nodePort',
 *   message: 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
 *   line: 7, column: 5 }
 */
import type { Msg } from './messages';
import { byCodeUnits } from './util/compare';

export type Severity = 'error' | 'warning' | 'info';

/**
 * yaml: syntax; schema: OpenAPI shape; api: what the API server rejects; lint: accepted but probably wrong;
 * limit: accepted by Kubernetes, beyond what svclab simulates (too many objects, pods, ports).
 */
export type DiagnosticSource = 'yaml' | 'schema' | 'api' | 'lint' | 'limit';

export interface Diagnostic {
  severity: Severity;
  source: DiagnosticSource;
  code: string; // "service.nodePort.range"
  kind?: string; // "Service"
  namespace?: string; // "default"
  name?: string; // "web"
  field?: string; // "spec.ports[0].nodePort"
  /**
   * What is wrong. A string when it is a real tool's own words (api, schema and yaml diagnostics: what
   * kubectl or the YAML parser prints, kept in English as on a real cluster); a descriptor when it is
   * svclab's own sentence (lints, svclab's limits), rendered in the reader's language.
   */
  message: string | Msg;
  /**
   * For a tool's message: what it means and how to fix it, in the reader's language (the page and
   * `--lang ko` show it beside the English message). Keyed by the diagnostic's code.
   */
  meaning?: Msg;
  /** 1-based position in the source text where the problem is; absent when it has no place in the YAML. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  file?: string; // "scene.yaml" (the source the document came from)
  /** What to do about it: svclab's sentence, rendered in the reader's language. */
  hint?: Msg;
}

/** Orders diagnostics as the user reads them: by file, then line, then severity. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return (
    byCodeUnits(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    rank[a.severity] - rank[b.severity]
  );
}
