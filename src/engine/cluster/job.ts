/**
 * The Job controller, run until the Job is done (pkg/controller/job), and the selector the API server
 * generates for a Job on create (registry/batch/job/strategy.go generateSelector): the template gets
 * `batch.kubernetes.io/controller-uid`, `batch.kubernetes.io/job-name` and their legacy forms
 * `controller-uid`, `job-name`, and the selector matches the uid.
 *
 * svclab cannot run a container's command, so it takes every Job pod to exit 0: NonIndexed Jobs make
 * `completions` pods (a work queue, completions unset, makes `parallelism`), Indexed Jobs one pod per
 * index (`<job>-<index>-<5 chars>`, hostname `<job>-<index>` in the template's subdomain, the completion
 * index as annotation and label, and `JOB_COMPLETION_INDEX` in every container's environment). With
 * `manualSelector: true` the API server generates nothing: the Job selects by the user's selector and its
 * pods carry only the template's labels. The pods end Succeeded (runPods' `completes`), hold no ready endpoint, and the Job's status
 * says Complete. A suspended Job makes none.
 *
 * @example
 * expandJobs([pi], taken, 2000, 1).podGroups[0].pods[0].metadata.labels['job-name']; // "pi"
 */
import type { Job, Pod } from '../k8s/objects';
import { randomSuffix, rngFor } from './hash';
import { podControlFailedCreate, podCreateError, type FailedCreate } from './pod-create';
import { podFromTemplate } from './pod-template';
import { SYSTEM_PRIORITY_TABLE, type PriorityTable } from './priority';
import type { MoreWorkloads } from './statefulset';
import { MAX_GENERATED_BASE, type PodGroup, type TakenNames, type WorkloadResult } from './workloads';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

/**
 * generateSelector: the labels the API server adds to a Job's template (those the user set are kept)
 * and its selector, unless `manualSelector` is true. Mutates the stored Job (the build's copy).
 *
 * Then SetDefaults_Job's label rule (pkg/apis/batch/v1/defaults.go): a Job without labels of its own
 * takes its pod template's labels, when the template has a labels map. It is applied here, after the
 * generated labels, because that is what the API server ends up storing: SetDefaults_Job makes the Job's
 * labels the template's very map, which generateSelector (registry/batch/job/strategy.go,
 * PrepareForCreate) then fills; and defaulting runs again on every read from storage. So `get job -o yaml`
 * shows `batch.kubernetes.io/controller-uid`, `batch.kubernetes.io/job-name`, `controller-uid` and
 * `job-name` on the Job too. A Job with labels of its own keeps exactly those.
 */
export function generateJobSelector(job: Job): void {
  if (job.spec.manualSelector !== true) {
    const uid = job.metadata.uid ?? '';
    const name = job.metadata.name ?? '';
    const t = job.spec.template;
    t.metadata = { ...t.metadata, labels: { ...t.metadata?.labels } };
    const labels = t.metadata.labels!;
    for (const k of ['job-name', JOB_NAME_LABEL]) labels[k] ??= name;
    for (const k of ['controller-uid', CONTROLLER_UID_LABEL]) labels[k] ??= uid;
    const matchLabels = { ...job.spec.selector?.matchLabels };
    matchLabels[CONTROLLER_UID_LABEL] ??= uid;
    job.spec.selector = { ...job.spec.selector, matchLabels };
  }
  const templateLabels = job.spec.template?.metadata?.labels;
  const own = job.metadata.labels;
  if (
    typeof templateLabels === 'object' &&
    templateLabels !== null &&
    (own === undefined || own === null || Object.keys(own).length === 0)
  )
    job.metadata.labels = { ...templateLabels };
}

export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/**
 * addCompletionIndexEnvVariables (pkg/controller/job/indexed_job_utils.go): every init and regular
 * container of an Indexed Job's pod gets `JOB_COMPLETION_INDEX` from the pod's completion-index annotation,
 * unless it already has a variable of that name.
 *
 * @example
 * withCompletionIndexEnv({ containers: [{ name: 'w', image: 'busybox' }] }).containers[0].env[0].name; // "JOB_COMPLETION_INDEX"
 */
export function withCompletionIndexEnv(
  spec: Pod['spec'],
): Pick<Pod['spec'], 'containers' | 'initContainers'> {
  type Container = Pod['spec']['containers'][number];
  const add = (c: Container): Container =>
    (c.env ?? []).some((e) => e?.name === COMPLETION_INDEX_ENV)
      ? c
      : {
          ...c,
          env: [
            ...(c.env ?? []),
            {
              name: COMPLETION_INDEX_ENV,
              // apiVersion: the API server's SetDefaults_ObjectFieldSelector, as it creates the pod.
              valueFrom: {
                fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` },
              },
            },
          ],
        };
  return {
    containers: (spec.containers ?? []).map(add),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(add) } : {}),
  };
}

/** How many pods a finished Job has run. */
export function jobPodCount(job: Job): number {
  if (job.spec.suspend) return 0;
  const c = job.spec.completions;
  if (typeof c === 'number') return Math.max(0, c);
  return Math.max(0, job.spec.parallelism ?? 1);
}

/** Makes each Job's pods (call after generateJobSelector). */
export function expandJobs(
  jobs: Job[],
  taken: TakenNames,
  budget: number,
  seed: number,
  time: string | undefined,
  counts: (job: Job) => boolean = () => true,
  priority: PriorityTable = SYSTEM_PRIORITY_TABLE,
): MoreWorkloads & { completes: Set<Pod> } {
  const podGroups: PodGroup[] = [];
  const limited: WorkloadResult['limited'] = [];
  const completes = new Set<Pod>();
  const failedCreates = new Map<string, FailedCreate>();
  for (const job of jobs) {
    const ns = job.metadata.namespace ?? 'default';
    const name = job.metadata.name ?? '';
    const indexed = job.spec.completionMode === 'Indexed';
    const wanted = jobPodCount(job);
    const counted = counts(job);
    const n = counted ? Math.min(wanted, budget) : wanted;
    if (counted) budget -= n;
    if (n < wanted) limited.push({ object: job, asked: wanted, made: n, field: 'spec.completions' });
    const rng = rngFor(seed, `pods:${ns}/${name}`);
    const pods: Pod[] = [];
    const keys: string[] = [];
    for (let i = 0; i < n; i++) {
      const base = (indexed ? `${name}-${i}-` : `${name}-`).slice(0, MAX_GENERATED_BASE);
      const suffixes = taken.suffixesOf(ns, base);
      let suffix = randomSuffix(rng);
      while (suffixes.has(suffix)) suffix = randomSuffix(rng);
      suffixes.add(suffix);
      const { pod, key, admission } = podFromTemplate(job.spec.template, {
        name: base + suffix,
        generateName: base,
        namespace: ns,
        owner: job,
        seed,
        priority,
        ...(time !== undefined ? { time } : {}),
        ...(indexed
          ? {
              labels: { [COMPLETION_INDEX]: String(i) },
              annotations: { [COMPLETION_INDEX]: String(i) },
              // The controller sets the hostname whatever the template says; the subdomain stays the
              // template's, so a headless Service of that name gives each index a DNS name.
              spec: { hostname: `${name}-${i}`, ...withCompletionIndexEnv(job.spec.template.spec) },
            }
          : {}),
      });
      // The API server validates the pod on create (pod-only rules, the labels the controller adds).
      const refused = counted && pods.length === 0 ? podCreateError(pod, admission) : undefined;
      if (refused) {
        failedCreates.set(`${ns}/${name}`, {
          pod: pod.metadata.name ?? '',
          event: podControlFailedCreate(refused),
          on: `job ${name}`,
          ...(admission?.forbidden !== undefined ? { priority: true as const } : {}),
        });
        break;
      }
      completes.add(pod);
      pods.push(pod);
      keys.push(key);
    }
    if (pods.length) podGroups.push({ owner: `Job/${ns}/${name}`, ownerObject: job, pods, keys });
  }
  return { podGroups, limited, budgetLeft: budget, completes, failedCreates };
}
