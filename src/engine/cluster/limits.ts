/**
 * svclab's limits (issue 17): sizes a real API server accepts but no classroom cluster reaches, and
 * that svclab does not simulate, because every one of them multiplies work the page must do on each
 * keystroke (every pod is drawn and gets rules on every node; every Service port makes a chain per
 * node). What is over a limit is left out of the cluster (or, for replicas, made up to the limit) and
 * a diagnostic with source `limit` says where, what the limit is and what to change.
 *
 * Every loop here runs over the objects the user wrote, never over a number the user wrote.
 *
 * @example
 * const diagnostics: Diagnostic[] = [];
 * const kept = withinLimits(entries, diagnostics);
 * // a Service with 150 ports is not in `kept`; diagnostics[0].code === 'limit.service-ports'
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { msg } from '../messages';
import { objectDiagnostic } from './diag';
import type { Entry } from './place-in-order';
import type { WorkloadResult } from './workloads';

/** The limits, each far above what a lesson uses (the bench runs 10,000 Services over 2,000 pods). */
export const LIMITS = {
  /** Objects of a scene (each document's object, the system's included). */
  objects: 20_000,
  /** The user's pods in a scene: Pods written and those the controllers make for the user's workloads. */
  pods: 2_000,
  /** Nodes of a scene (every node holds a copy of every Service's rules). */
  nodes: 100,
  /** Ports of one Service. */
  servicePorts: 100,
} as const;

/**
 * The entries svclab simulates: the first `LIMITS.objects` objects, the first `LIMITS.pods` Pods and
 * only Services with at most `LIMITS.servicePorts` ports. Adds one diagnostic per limit reached (at the
 * first object left out, or at each Service left out). The workload controllers then make pods up to
 * `LIMITS.pods` less the Pods admitted (expandWorkloads' budget).
 *
 * @example
 * withinLimits(entries, diagnostics).length; // entries.length when nothing is over a limit
 */
export function withinLimits(entries: Entry[], diagnostics: Diagnostic[]): Entry[] {
  const kept: Entry[] = [];
  let pods = 0;
  let firstExtraPod: Entry | undefined;
  let extraPods = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (i === LIMITS.objects) {
      diagnostics.push(
        objectDiagnostic(e.src, e.object, undefined, {
          severity: 'error',
          source: 'limit',
          code: 'limit.objects',
          message: msg('limit.objects', { max: LIMITS.objects, left: entries.length - i }),
          hint: msg('limit.objectsHint', {}),
        }),
      );
      break;
    }
    const o = e.object;
    if (o.kind === 'Pod' && e.origin.by === 'user') {
      if (pods === LIMITS.pods) {
        firstExtraPod ??= e;
        extraPods++;
        continue;
      }
      pods++;
    }
    if (o.kind === 'Service') {
      const ports = (o as { spec?: { ports?: unknown } }).spec?.ports;
      if (Array.isArray(ports) && ports.length > LIMITS.servicePorts) {
        diagnostics.push(
          objectDiagnostic(e.src, o, `spec.ports[${LIMITS.servicePorts}]`, {
            severity: 'error',
            source: 'limit',
            code: 'limit.service-ports',
            message: msg('limit.servicePorts', { ports: ports.length, max: LIMITS.servicePorts }),
            hint: msg('limit.servicePortsHint', {}),
          }),
        );
        continue;
      }
    }
    kept.push(e);
  }
  if (firstExtraPod)
    diagnostics.push(
      objectDiagnostic(firstExtraPod.src, firstExtraPod.object, undefined, {
        severity: 'error',
        source: 'limit',
        code: 'limit.pods',
        message: msg('limit.pods', { max: LIMITS.pods, left: extraPods }),
        hint: msg('limit.podsHint', {}),
      }),
    );
  return kept;
}

/**
 * The Node documents svclab simulates (the first `LIMITS.nodes`), with a diagnostic at the first one
 * left out.
 *
 * @example
 * limitNodes(nodeDocs, diagnostics).length; // at most 100
 */
export function limitNodes(nodes: SourcedObject[], diagnostics: Diagnostic[]): SourcedObject[] {
  if (nodes.length <= LIMITS.nodes) return nodes;
  const first = nodes[LIMITS.nodes]!;
  diagnostics.push(
    objectDiagnostic(first, first.object, undefined, {
      severity: 'error',
      source: 'limit',
      code: 'limit.nodes',
      message: msg('limit.nodes', { max: LIMITS.nodes, left: nodes.length - LIMITS.nodes }),
      hint: msg('limit.nodesHint', {}),
    }),
  );
  return nodes.slice(0, LIMITS.nodes);
}

/**
 * One diagnostic per workload that asked for more pods than the scene had room for, on its
 * `spec.replicas`.
 *
 * @example
 * replicaDiagnostics(work.limited, srcOf)[0].message; // { id: 'limit.replicas', params: { asked: 100000, … } }
 */
export function replicaDiagnostics(
  limited: WorkloadResult['limited'],
  srcOf: (o: KubeObject) => SourcedObject | undefined,
): Diagnostic[] {
  return limited.map(({ object, asked, made, field }) =>
    objectDiagnostic(srcOf(object), object, field ?? 'spec.replicas', {
      severity: 'error',
      source: 'limit',
      code: 'limit.replicas',
      message: msg('limit.replicas', {
        kind: object.kind,
        name: object.metadata.name ?? '',
        asked,
        made,
        max: LIMITS.pods,
      }),
      hint: msg('limit.replicasHint', { fits: made }),
    }),
  );
}
