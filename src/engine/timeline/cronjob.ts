/**
 * The CronJob controller on the scene's clock (pkg/controller/cronjob): when the clock passes one of a
 * CronJob's scheduled times, it creates a Job named `<cronjob>-<scheduled time in minutes since the
 * epoch>` (getJobName) from the job template, owned by the CronJob, with the
 * `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation; the Job controller makes its pods, which
 * svclab takes to exit 0 (Completed), and the CronJob controller deletes the oldest finished Jobs beyond
 * successfulJobsHistoryLimit (default 3). Schedules are read as robfig/cron reads them, in the CronJob's
 * timeZone (UTC without one, the controller manager's zone in a kubeadm cluster). The Jobs' pods go
 * through the Priority admission plugin with every PriorityClass that exists (the scene's too), as a
 * Deployment's do. Since its Jobs finish at once, concurrencyPolicy has a running Job to allow, forbid
 * or replace only when the API server refuses their pods (an unknown priorityClassName): such a Job has
 * no pods and stays active. A suspended CronJob creates nothing.
 *
 * @example
 * cronJobChanges(cluster, 150).map((c) => c.msg.id); // ['timeline.cronJobCreated', 'timeline.cronJobCreated', …]
 */
import { expandJobs, generateJobSelector } from '../cluster/job';
import { priorityTable, type PriorityTable } from '../cluster/priority';
import { TakenNames } from '../cluster/workloads';
import { uidFor } from '../cluster/hash';
import { SCENE_EPOCH, formatTimestamp, parseTimestamp } from '../cluster/time';
import type { ClusterState } from '../cluster/state';
import type { CronJob, Job } from '../k8s/objects';
import { applyDefaults } from '../manifest/defaults';
import { cloneJson } from '../manifest/clone';
import { msg, type Msg } from '../messages';
import { lastScheduleTimes, parseCron, scheduleTimes } from '../util/cron';
import type { Change } from './reactions';
import type { Mutable } from './state';

/** At most this many schedule events per CronJob in the timeline's list (the Jobs kept are always right). */
const MAX_EVENTS = 60;

/** getJobName: the CronJob's name and the scheduled time in minutes since the Unix epoch. */
export function cronJobName(cronJob: string, sceneSeconds: number): string {
  return `${cronJob}-${Math.floor((SCENE_EPOCH + sceneSeconds) / 60)}`;
}

/** The Job the controller creates for one scheduled time (getJobFromTemplate2), as the API server stores it. */
export function jobFor(cj: CronJob, at: number, seed: number): Job {
  const ns = cj.metadata.namespace ?? 'default';
  const name = cronJobName(cj.metadata.name ?? '', at);
  const t = cj.spec.jobTemplate;
  const job = cloneJson({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: ns,
      ...(t.metadata?.labels ? { labels: t.metadata.labels } : {}),
      annotations: {
        ...t.metadata?.annotations,
        'batch.kubernetes.io/cronjob-scheduled-timestamp': formatTimestamp(at),
      },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata.name ?? '',
          uid: cj.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      uid: uidFor(seed, `Job/${ns}/${name}`),
      creationTimestamp: formatTimestamp(at),
    },
    spec: t.spec,
  }) as Job;
  applyDefaults(job as unknown as Record<string, unknown>);
  generateJobSelector(job);
  return job;
}

/**
 * The Job controller's FailedCreate event when the API server refuses the pods of the Job made at `t`
 * (the Priority admission plugin over every PriorityClass that exists, then the pod's validation), or
 * undefined when it creates them. Every pod of a Job is made from one template, so the first answers.
 */
function podsRefused(cj: CronJob, t: number, seed: number, table: PriorityTable): string | undefined {
  const made = expandJobs([jobFor(cj, t, seed)], new TakenNames(), 1, seed, undefined, () => true, table);
  for (const failed of made.failedCreates.values()) return failed.event;
  return undefined;
}

interface ActiveJobs {
  /** The scheduled times up to `at`, oldest first (at most MAX_EVENTS). */
  times: number[];
  /** The next scheduled time after `at`. */
  next: number | undefined;
  /** The CronJob's first scheduled time. */
  first: number | undefined;
  /** The scheduled time before `t`. */
  previous: (t: number) => number | undefined;
  /** The FailedCreate event of the Job made at `t`. */
  refused: (t: number) => string;
}

/**
 * A CronJob whose Jobs never finish (the API server refuses their pods): each Job stays active, so the
 * history limits never delete one, and concurrencyPolicy decides each scheduled time
 * (cronjob_controllerv2.go syncCronJob): Allow creates another Job every time (the Jobs of the
 * MAX_EVENTS latest times are kept), Forbid creates only the first and then records JobAlreadyActive,
 * Replace deletes the active Job and creates the new one. No Job succeeds: no lastSuccessfulTime.
 */
function activeJobChanges(cj: CronJob, seed: number, o: ActiveJobs): Change[] {
  const name = cj.metadata.name ?? '';
  const ns = cj.metadata.namespace ?? 'default';
  const cronJob = `${ns}/${name}`;
  const policy = cj.spec.concurrencyPolicy ?? 'Allow';
  const last = o.times[o.times.length - 1];
  const out: Change[] = [];
  const refusedMsg = (t: number, replaced: number | undefined): Msg =>
    msg('timeline.cronJobPodsRefused', {
      cronJob,
      job: cronJobName(name, t),
      event: o.refused(t),
      replaced: replaced === undefined ? '' : cronJobName(name, replaced),
    });
  const scheduled = (m: Mutable, t: number, active: number[]): void =>
    m.cronJobScheduled(ns, name, t, { succeeded: false, active: active.map((x) => jobFor(cj, x, seed)) });
  if (policy === 'Forbid') {
    const first = o.first;
    if (first === undefined) return out;
    const active = cronJobName(name, first);
    // Before the first time passes, it is the timeline's next event (nothing applied yet).
    out.push({
      at: first,
      fault: false,
      msg: refusedMsg(first, undefined),
      ...(last !== undefined
        ? {
            apply: (m: Mutable) => {
              m.addJob(jobFor(cj, first, seed), first);
              scheduled(m, first, [first]);
            },
          }
        : {}),
    });
    for (const t of [...o.times, ...(o.next !== undefined ? [o.next] : [])])
      if (t !== first)
        out.push({ at: t, fault: false, msg: msg('timeline.cronJobAlreadyActive', { cronJob, active }) });
    return out;
  }
  const replace = policy === 'Replace';
  for (const t of o.times)
    out.push({
      at: t,
      fault: false,
      msg: refusedMsg(t, replace ? o.previous(t) : undefined),
      ...(!replace || t === last
        ? {
            apply: (m: Mutable) => {
              m.addJob(jobFor(cj, t, seed), t);
              if (t === last) scheduled(m, t, replace ? [t] : o.times);
            },
          }
        : {}),
    });
  if (o.next !== undefined)
    out.push({ at: o.next, fault: false, msg: refusedMsg(o.next, replace ? last : undefined) });
  return out;
}

/**
 * The CronJobs' changes up to `at`: each scheduled time's Job (made only for the Jobs the history limit
 * keeps at `at`: the others are created and deleted again before then), the deletions, and the
 * CronJob's lastScheduleTime.
 */
export function cronJobChanges(cluster: ClusterState, at: number, seed: number): Change[] {
  const out: Change[] = [];
  let priority: PriorityTable | undefined;
  for (const cj of cluster.cronJobs) {
    if (cj.spec.suspend) continue;
    const schedule = parseCron(cj.spec.schedule).schedule;
    if (!schedule) continue;
    const created = parseTimestamp(cj.metadata.creationTimestamp ?? '') ?? 0;
    const keep = Math.max(0, cj.spec.successfulJobsHistoryLimit ?? 3);
    const from = SCENE_EPOCH + created;
    const last = lastScheduleTimes(
      schedule,
      from,
      SCENE_EPOCH + Math.max(at, created),
      cj.spec.timeZone,
      MAX_EVENTS,
    );
    const times = last.times.map((t) => t - SCENE_EPOCH).reverse(); // oldest first, at most MAX_EVENTS
    const name = cj.metadata.name ?? '';
    const ns = cj.metadata.namespace ?? 'default';
    const lastTime = times[times.length - 1];
    // The next scheduled time after `at`, so that a timeline shows what comes.
    const nextAt = scheduleTimes(
      schedule,
      SCENE_EPOCH + Math.max(at, created),
      Infinity,
      cj.spec.timeZone,
      1,
    )[0];
    const next = nextAt === undefined ? undefined : nextAt - SCENE_EPOCH;
    const probe = lastTime ?? next;
    priority ??= priorityTable(cluster.priorityClasses);
    const table = priority;
    if (probe !== undefined && podsRefused(cj, probe, seed, table) !== undefined) {
      const refused = (t: number): string => podsRefused(cj, t, seed, table) ?? '';
      const before = (t: number): number | undefined =>
        lastScheduleTimes(schedule, from, SCENE_EPOCH + t - 1, cj.spec.timeZone, 1).times[0];
      const first = scheduleTimes(schedule, from, Infinity, cj.spec.timeZone, 1)[0];
      out.push(
        ...activeJobChanges(cj, seed, {
          times,
          next,
          first: first === undefined ? undefined : first - SCENE_EPOCH,
          previous: (t) => {
            const p = before(t);
            return p === undefined ? undefined : p - SCENE_EPOCH;
          },
          refused,
        }),
      );
      continue;
    }
    const kept = new Set(keep === 0 ? [] : times.slice(-keep));
    for (const t of times) {
      const job = cronJobName(name, t);
      const apply = (m: Mutable): void => {
        if (kept.has(t)) m.addJob(jobFor(cj, t, seed), t);
        if (t === lastTime) m.cronJobScheduled(ns, name, t);
      };
      out.push({
        at: t,
        fault: false,
        msg: msg('timeline.cronJobCreated', { cronJob: `${ns}/${name}`, job }),
        ...(kept.has(t) || t === lastTime ? { apply } : {}),
      });
    }
    // Each new Job past the limit makes the controller delete the oldest finished one (with its pods).
    times.slice(0, Math.max(0, times.length - keep)).forEach((t, i) =>
      out.push({
        at: times[i + keep] ?? t,
        fault: false,
        msg: msg('timeline.cronJobDeleted', { cronJob: `${ns}/${name}`, job: cronJobName(name, t), keep }),
      }),
    );
    if (next !== undefined)
      out.push({
        at: next,
        fault: false,
        msg: msg('timeline.cronJobCreated', { cronJob: `${ns}/${name}`, job: cronJobName(name, next) }),
      });
  }
  return out;
}
