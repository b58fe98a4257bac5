/**
 * The workload controllers after the Deployment and ReplicaSet ones (workloads.ts): StatefulSets,
 * DaemonSets and Jobs, in that order, each going on with the pod names and the pod budget the earlier
 * ones left. Part of the build's pipeline (assemble.ts); the HorizontalPodAutoscalers have already
 * scaled their targets (hpa.ts).
 *
 * @example
 * const more = expandMoreWorkloads({ statefulSets, daemonSets, jobs }, nodes, pods, work, seed, time, caps, counts);
 * more.podGroups; // appended to work.podGroups, placed after their owners
 */
import type { DaemonSet, Job, KubeObject, Node, Pod, StatefulSet } from '../k8s/objects';
import { expandDaemonSets } from './daemonset';
import { expandJobs, generateJobSelector } from './job';
import type { FailedCreate } from './pod-create';
import { SYSTEM_PRIORITY_TABLE, type PriorityTable } from './priority';
import { expandStatefulSets } from './statefulset';
import type { PodGroup, WorkloadResult } from './workloads';

export interface MoreWorkloadInput {
  statefulSets: StatefulSet[];
  daemonSets: DaemonSet[];
  jobs: Job[];
}

export interface MoreWorkloadResult {
  podGroups: PodGroup[];
  limited: WorkloadResult['limited'];
  /** The pods that run to completion (Jobs'): runPods ends them Succeeded. */
  completes: Set<Pod>;
  /** Per workload ("Kind/ns/name"), the first pod the API server refused to create. */
  failedCreates: Map<string, FailedCreate>;
}

export function expandMoreWorkloads(
  input: MoreWorkloadInput,
  nodes: Node[],
  existingPods: Pod[],
  work: WorkloadResult,
  seed: number,
  time: string,
  caps: ReadonlyMap<string, number>,
  counts: (o: KubeObject) => boolean,
  /** The PriorityClasses that exist once every apply is done (the controllers' steady state). */
  priority: PriorityTable = SYSTEM_PRIORITY_TABLE,
): MoreWorkloadResult {
  const existing = new Set<string>();
  for (const p of existingPods) existing.add(`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`);
  for (const g of work.podGroups)
    for (const p of g.pods) existing.add(`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`);
  const sts = expandStatefulSets(
    input.statefulSets,
    existing,
    work.budgetLeft,
    seed,
    time,
    caps,
    counts,
    priority,
  );
  for (const g of sts.podGroups)
    for (const p of g.pods) work.taken.add(p.metadata.namespace ?? 'default', p.metadata.name ?? '');
  const ds = expandDaemonSets(
    input.daemonSets,
    nodes,
    existingPods,
    work.taken,
    sts.budgetLeft,
    seed,
    time,
    counts,
    priority,
  );
  for (const j of input.jobs) generateJobSelector(j);
  const jobs = expandJobs(input.jobs, work.taken, ds.budgetLeft, seed, time, counts, priority);
  return {
    podGroups: [...sts.podGroups, ...ds.podGroups, ...jobs.podGroups],
    limited: [...sts.limited, ...ds.limited, ...jobs.limited],
    completes: jobs.completes,
    failedCreates: new Map([
      ...[...sts.failedCreates].map(([k, v]) => [`StatefulSet/${k}`, v] as const),
      ...[...ds.failedCreates].map(([k, v]) => [`DaemonSet/${k}`, v] as const),
      ...[...jobs.failedCreates].map(([k, v]) => [`Job/${k}`, v] as const),
    ]),
  };
}
