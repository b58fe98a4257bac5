/**
 * Status of the StatefulSets, DaemonSets, Jobs and HorizontalPodAutoscalers, as their controllers write it
 * once their pods run (or, for a Job, have run): counted from the pods each one controls.
 *
 * @example
 * fillMoreWorkloadStatus(cluster); cluster.statefulSets[0].status.readyReplicas; // 3
 */
import type { KubeObject, Pod } from '../k8s/objects';
import { isPodReady } from '../k8s/pod';
import { jobPodCount } from './job';
import { controllerRef } from './pod-template';
import { statefulSetRevision } from './statefulset';
import { omitZeros } from './workload-status';
import type { ClusterState } from './state';

interface Counts {
  pods: number;
  ready: number;
  succeeded: number;
  active: number;
}

function countPods(pods: Pod[]): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const p of pods) {
    const ref = controllerRef(p);
    if (!ref || (ref.kind !== 'StatefulSet' && ref.kind !== 'DaemonSet' && ref.kind !== 'Job')) continue;
    const k = `${ref.kind}/${p.metadata.namespace ?? 'default'}/${ref.name}`;
    let c = out.get(k);
    if (!c) out.set(k, (c = { pods: 0, ready: 0, succeeded: 0, active: 0 }));
    c.pods++;
    const phase = p.status?.phase;
    if (phase === 'Succeeded') c.succeeded++;
    else if (phase !== 'Failed') c.active++;
    if (phase === 'Running' && isPodReady(p)) c.ready++;
  }
  return out;
}

const key = (o: KubeObject): string => `${o.kind}/${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
const NONE: Counts = { pods: 0, ready: 0, succeeded: 0, active: 0 };

/** Writes `status` into the cluster's StatefulSets, DaemonSets, Jobs and autoscalers. */
export function fillMoreWorkloadStatus(cluster: ClusterState, time: string): void {
  const counts = countPods(cluster.pods);
  for (const s of cluster.statefulSets) {
    const c = counts.get(key(s)) ?? NONE;
    const revision = statefulSetRevision(s);
    (s as KubeObject).status = omitZeros(
      {
        availableReplicas: c.ready,
        collisionCount: 0,
        currentReplicas: c.pods,
        currentRevision: revision,
        observedGeneration: 1,
        readyReplicas: c.ready,
        replicas: c.pods,
        updateRevision: revision,
        updatedReplicas: c.pods,
      },
      ['currentReplicas', 'readyReplicas', 'updatedReplicas'],
    );
  }
  for (const d of cluster.daemonSets) {
    const c = counts.get(key(d)) ?? NONE;
    (d as KubeObject).status = omitZeros(
      {
        currentNumberScheduled: c.pods,
        desiredNumberScheduled: c.pods,
        numberAvailable: c.ready,
        numberMisscheduled: 0,
        numberReady: c.ready,
        observedGeneration: 1,
        updatedNumberScheduled: c.pods,
        numberUnavailable: c.pods - c.ready,
      },
      ['numberAvailable', 'updatedNumberScheduled', 'numberUnavailable'],
    );
  }
  for (const j of cluster.jobs) {
    const c = counts.get(key(j)) ?? NONE;
    const want = jobPodCount(j);
    const complete = !j.spec.suspend && c.succeeded >= want && c.active === 0;
    const condition = (type: string, reason: string, message: string): Record<string, unknown> => ({
      lastProbeTime: time,
      lastTransitionTime: time,
      message,
      reason,
      status: 'True',
      type,
    });
    (j as KubeObject).status = j.spec.suspend
      ? { conditions: [condition('Suspended', 'JobSuspended', 'Job suspended')] }
      : // active, succeeded and failed are int32 with omitempty in batch/v1 JobStatus: a 0 is not
        // written (ready and terminating are pointers, so their 0 is). A complete Job has none active.
        omitZeros(
          {
            active: c.active,
            ...(complete
              ? {
                  completionTime: time,
                  conditions: [
                    condition(
                      'SuccessCriteriaMet',
                      'CompletionsReached',
                      'Reached expected number of succeeded pods',
                    ),
                    condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'),
                  ],
                }
              : {}),
            ...(j.spec.completionMode === 'Indexed' && c.succeeded > 0
              ? { completedIndexes: c.succeeded === 1 ? '0' : `0-${c.succeeded - 1}` }
              : {}),
            ready: c.ready,
            startTime: time,
            succeeded: c.succeeded,
            terminating: 0,
            uncountedTerminatedPods: {},
          },
          ['active', 'succeeded'],
        );
  }
  for (const h of cluster.horizontalPodAutoscalers) {
    const ref = h.spec.scaleTargetRef;
    const ns = h.metadata.namespace ?? 'default';
    const target = [...cluster.deployments, ...cluster.statefulSets, ...cluster.replicaSets].find(
      (o) =>
        o.kind === ref.kind && o.metadata.name === ref.name && (o.metadata.namespace ?? 'default') === ns,
    ) as (KubeObject & { spec: { replicas?: number } }) | undefined;
    const replicas = target ? (target.spec.replicas ?? 1) : 0;
    (h as KubeObject).status = { currentReplicas: replicas, desiredReplicas: replicas };
  }
}
