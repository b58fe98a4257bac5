/**
 * The CronJob controller on the scene's clock (pkg/controller/cronjob): when the clock passes one of a
 * CronJob's scheduled times, it creates a Job named `<cronjob>-<scheduled time in minutes since the
 * epoch>` (getJobName) from the job template, owned by the CronJob, with the
 * `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation; the Job controller makes its pods, which
 * svclab takes to exit 0 (Completed), and the CronJob controller deletes the oldest finished Jobs beyond
 * successfulJobsHistoryLimit (default 3). Schedules are read as robfig/cron reads them, in the CronJob's
 * timeZone (UTC without one, the controller manager's zone in a kubeadm cluster). Since its Jobs finish
 * at once, concurrencyPolicy never has a running Job to allow, forbid or replace. A suspended CronJob
 * creates nothing.
 *
 * @example
 * cronJobChanges(cluster, 150).map((c) => c.msg.id); // ['timeline.cronJobCreated', 'timeline.cronJobCreated', …]
 */
import { generateJobSelector } from '../cluster/job';
import { uidFor } from '../cluster/hash';
import { SCENE_EPOCH, formatTimestamp, parseTimestamp } from '../cluster/time';
import type { ClusterState } from '../cluster/state';
import type { CronJob, Job } from '../k8s/objects';
import { applyDefaults } from '../manifest/defaults';
import { cloneJson } from '../manifest/clone';
import { msg } from '../messages';
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
 * The CronJobs' changes up to `at`: each scheduled time's Job (made only for the Jobs the history limit
 * keeps at `at`: the others are created and deleted again before then), the deletions, and the
 * CronJob's lastScheduleTime.
 */
export function cronJobChanges(cluster: ClusterState, at: number, seed: number): Change[] {
  const out: Change[] = [];
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
    const kept = new Set(keep === 0 ? [] : times.slice(-keep));
    const name = cj.metadata.name ?? '';
    const ns = cj.metadata.namespace ?? 'default';
    const lastTime = times[times.length - 1];
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
    // The next scheduled time after `at`, so that a timeline shows what comes.
    const next = scheduleTimes(
      schedule,
      SCENE_EPOCH + Math.max(at, created),
      Infinity,
      cj.spec.timeZone,
      1,
    )[0];
    if (next !== undefined)
      out.push({
        at: next - SCENE_EPOCH,
        fault: false,
        msg: msg('timeline.cronJobCreated', {
          cronJob: `${ns}/${name}`,
          job: cronJobName(name, next - SCENE_EPOCH),
        }),
      });
  }
  return out;
}
