/**
 * Objects the API server refused (a schema or API error) are not in the cluster, so they would vanish
 * from the graph on a typo. They stay as ghosts instead: a box where the object was (or below the
 * Services), with its first error, until the YAML is fixed. Read from the build's diagnostics.
 *
 * @example
 * refusedObjects(diagnostics); // [{ id: "Service/default/web", kind: "Service", name: "web", message: "spec.ports[0]…" }]
 */
import type { Diagnostic, Msg } from '../../engine';

export interface Ghost {
  id: string; // "Service/default/web": its place on the graph when it was there
  kind: string; // "Service"
  namespace: string; // "default"
  name: string; // "web"
  message: string | Msg;
  line?: number;
  file?: string;
}

/** Kinds without a namespace: their key has an empty namespace, as ObjectKey writes it. */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'GatewayClass', 'IngressClass']);

/** One ghost per refused object (its first error), in the order the user reads the diagnostics. */
export function refusedObjects(diagnostics: readonly Diagnostic[]): Ghost[] {
  const out = new Map<string, Ghost>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || (d.source !== 'schema' && d.source !== 'api')) continue;
    if (!d.kind || !d.name) continue;
    const namespace = CLUSTER_SCOPED.has(d.kind) ? '' : (d.namespace ?? 'default');
    const id = `${d.kind}/${namespace}/${d.name}`;
    if (out.has(id)) continue;
    out.set(id, {
      id,
      kind: d.kind,
      namespace,
      name: d.name,
      message: d.message,
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.file !== undefined ? { file: d.file } : {}),
    });
  }
  return [...out.values()];
}
