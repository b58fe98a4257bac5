/**
 * Lints of the workload controllers (messages/workload.ts): an OrderedReady StatefulSet waiting on a pod
 * that is not ready, a DaemonSet that fits no node, the Job pods svclab takes to succeed, and what each
 * HorizontalPodAutoscaler did to its target. Each is said on the user's object, at the field it concerns.
 *
 * @example
 * workloadLints(cluster, srcOf, scaled, caps)[0].code; // "workload.statefulSetWaiting"
 */
import type { Diagnostic } from '../diagnostics';
import type { KubeObject } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { msg } from '../messages';
import { objectDiagnostic } from './diag';
import type { AutoscalerResult } from './hpa';
import { jobPodCount } from './job';
import type { FailedCreate } from './pod-create';
import type { ClusterState } from './state';

export function workloadLints(
  cluster: ClusterState,
  srcOf: (o: KubeObject) => SourcedObject | undefined,
  scaled: AutoscalerResult[],
  caps: ReadonlyMap<string, number>,
  failedCreates: ReadonlyMap<string, FailedCreate> = new Map(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of cluster.statefulSets) {
    const failed = failedCreates.get(`StatefulSet/${s.metadata.namespace ?? 'default'}/${s.metadata.name}`);
    if (failed && srcOf(s)) {
      out.push(failedCreateLint(srcOf(s), s, failed));
      continue;
    }
    const made = caps.get(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`);
    if (made === undefined || !srcOf(s)) continue;
    const pod = `${s.metadata.name}-${(s.spec.ordinals?.start ?? 0) + made - 1}`;
    out.push(
      objectDiagnostic(srcOf(s), s, 'spec.replicas', {
        severity: 'warning',
        source: 'lint',
        code: 'workload.statefulSetWaiting',
        message: msg('workload.statefulSetWaiting', {
          name: s.metadata.name ?? '',
          made,
          replicas: s.spec.replicas ?? 1,
          pod,
        }),
        hint: msg('workload.statefulSetWaitingHint', { pod }),
      }),
    );
  }
  for (const o of [...cluster.deployments, ...cluster.replicaSets, ...cluster.daemonSets, ...cluster.jobs]) {
    const failed = failedCreates.get(`${o.kind}/${o.metadata.namespace ?? 'default'}/${o.metadata.name}`);
    if (failed && srcOf(o)) out.push(failedCreateLint(srcOf(o), o, failed));
  }
  for (const d of cluster.daemonSets) {
    const desired = (d.status as { desiredNumberScheduled?: number } | undefined)?.desiredNumberScheduled;
    if (desired !== 0 || !srcOf(d) || cluster.nodes.length === 0) continue;
    out.push(
      objectDiagnostic(srcOf(d), d, 'spec.template.spec', {
        severity: 'warning',
        source: 'lint',
        code: 'workload.daemonSetNoNode',
        message: msg('workload.daemonSetNoNode', {
          name: d.metadata.name ?? '',
          nodes: cluster.nodes.length,
        }),
      }),
    );
  }
  for (const j of cluster.jobs) {
    const pods = jobPodCount(j);
    if (
      pods === 0 ||
      !srcOf(j) ||
      failedCreates.has(`Job/${j.metadata.namespace ?? 'default'}/${j.metadata.name}`)
    )
      continue;
    out.push(
      objectDiagnostic(srcOf(j), j, 'spec.template.spec.containers', {
        severity: 'info',
        source: 'lint',
        code: 'workload.jobCompletes',
        message: msg('workload.jobCompletes', { name: j.metadata.name ?? '', pods }),
      }),
    );
  }
  for (const { hpa, target, current, desired } of scaled) {
    if (!srcOf(hpa)) continue;
    const ref = hpa.spec.scaleTargetRef;
    if (!target)
      out.push(
        objectDiagnostic(srcOf(hpa), hpa, 'spec.scaleTargetRef.name', {
          severity: 'warning',
          source: 'lint',
          code: 'workload.hpaNoTarget',
          message: msg('workload.hpaNoTarget', {
            name: hpa.metadata.name ?? '',
            kind: ref.kind,
            target: ref.name,
            namespace: hpa.metadata.namespace ?? 'default',
          }),
        }),
      );
    else if (current !== desired)
      out.push(
        objectDiagnostic(srcOf(hpa), hpa, desired > current ? 'spec.minReplicas' : 'spec.maxReplicas', {
          severity: 'info',
          source: 'lint',
          code: 'workload.hpaScaled',
          message: msg('workload.hpaScaled', {
            name: hpa.metadata.name ?? '',
            kind: ref.kind,
            target: ref.name,
            from: current,
            to: desired,
          }),
        }),
      );
  }
  return out;
}

/** A workload the API server accepted whose pods it refuses: the controller's FailedCreate event. */
function failedCreateLint(src: SourcedObject | undefined, o: KubeObject, failed: FailedCreate): Diagnostic {
  if (failed.priority)
    return objectDiagnostic(src, o, 'spec.template.spec.priorityClassName', {
      severity: 'warning',
      source: 'lint',
      code: 'workload.failedCreatePriority',
      message: msg('workload.failedCreatePriority', {
        kind: o.kind,
        name: o.metadata.name ?? '',
        event: failed.event,
      }),
      hint: msg('workload.failedCreatePriorityHint', { on: failed.on }),
    });
  return objectDiagnostic(src, o, 'spec.template', {
    severity: 'warning',
    source: 'lint',
    code: 'workload.failedCreate',
    message: msg('workload.failedCreate', {
      kind: o.kind,
      name: o.metadata.name ?? '',
      pod: failed.pod,
      event: failed.event,
    }),
    hint: msg('workload.failedCreateHint', { on: failed.on }),
  });
}
