/**
 * kubectl's table columns for StatefulSets, DaemonSets, Jobs, CronJobs and HorizontalPodAutoscalers
 * (pkg/printers/internalversion/printers.go: printStatefulSet, printDaemonSet, printJob, printCronJob,
 * printHorizontalPodAutoscaler).
 *
 * @example
 * WORKLOAD_PRINTERS.StatefulSet.row(cassandra, { wide: false, now: 0 }); // ["cassandra", "3/3", "0s"]
 */
import { humanDuration, parseTimestamp } from '../cluster/time';
import type {
  CronJob,
  DaemonSet,
  HorizontalPodAutoscaler,
  Job,
  KubeObject,
  StatefulSet,
} from '../k8s/objects';
import { age, containersAndImages, erase, formatLabels, type Printer } from './get-printers';

const statusOf = (o: KubeObject): Record<string, unknown> => (o.status ?? {}) as Record<string, unknown>;
const count = (v: unknown): string => String(typeof v === 'number' ? v : 0);

function jobStatus(j: Job): string {
  const conds = (statusOf(j).conditions ?? []) as { type: string; status: string }[];
  const has = (t: string): boolean => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Failed')) return 'Failed';
  if (has('Complete')) return 'Complete';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

function jobCompletions(j: Job): string {
  const succeeded = count(statusOf(j).succeeded);
  if (typeof j.spec.completions === 'number') return `${succeeded}/${j.spec.completions}`;
  const parallelism = j.spec.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(j: Job, now: number): string {
  const st = statusOf(j);
  const start = typeof st.startTime === 'string' ? parseTimestamp(st.startTime) : undefined;
  if (start === undefined) return '';
  const end = typeof st.completionTime === 'string' ? parseTimestamp(st.completionTime) : undefined;
  return humanDuration((end ?? now) - start);
}

/** formatHPAMetrics for the metrics svclab's autoscalers have (no metrics API: current is <unknown>). */
function hpaTargets(h: HorizontalPodAutoscaler): string {
  const metrics = (h.spec.metrics ?? []) as {
    type?: string;
    resource?: {
      name?: string;
      target?: { type?: string; averageUtilization?: number; averageValue?: string };
    };
  }[];
  if (metrics.length === 0) return '<none>';
  const list = metrics.map((m) => {
    if (m.type === 'Resource' && m.resource) {
      const t = m.resource.target ?? {};
      const target = t.type === 'Utilization' ? `${t.averageUtilization ?? 0}%` : (t.averageValue ?? '');
      return `${m.resource.name ?? ''}: <unknown>/${target}`;
    }
    return '<unknown>/<unknown>';
  });
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

export const WORKLOAD_PRINTERS: Record<string, Printer> = {
  StatefulSet: erase({
    columns: ['NAME', 'READY', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES'],
    row: (s: StatefulSet, o) => [
      s.metadata.name ?? '',
      `${count(statusOf(s).readyReplicas)}/${s.spec.replicas ?? 1}`,
      age(s, o.now),
    ],
    wideRow: (s: StatefulSet) => containersAndImages(s.spec.template),
  }),
  DaemonSet: erase({
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (d: DaemonSet, o) => {
      const st = statusOf(d);
      return [
        d.metadata.name ?? '',
        count(st.desiredNumberScheduled),
        count(st.currentNumberScheduled),
        count(st.numberReady),
        count(st.updatedNumberScheduled),
        count(st.numberAvailable),
        formatLabels(d.spec.template.spec.nodeSelector),
        age(d, o.now),
      ];
    },
    wideRow: (d: DaemonSet) => [
      ...containersAndImages(d.spec.template),
      formatLabels(d.spec.selector?.matchLabels),
    ],
  }),
  Job: erase({
    columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (j: Job, o) => [
      j.metadata.name ?? '',
      jobStatus(j),
      jobCompletions(j),
      jobDuration(j, o.now),
      age(j, o.now),
    ],
    wideRow: (j: Job) => [
      ...containersAndImages(j.spec.template),
      formatLabels(j.spec.selector?.matchLabels),
    ],
  }),
  CronJob: erase({
    columns: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (c: CronJob, o) => {
      const st = statusOf(c);
      const last = typeof st.lastScheduleTime === 'string' ? parseTimestamp(st.lastScheduleTime) : undefined;
      return [
        c.metadata.name ?? '',
        c.spec.schedule,
        c.spec.timeZone ?? '<none>',
        c.spec.suspend === undefined ? '<unset>' : c.spec.suspend ? 'True' : 'False',
        String(Array.isArray(st.active) ? st.active.length : 0),
        last === undefined ? '<none>' : humanDuration(o.now - last),
        age(c, o.now),
      ];
    },
    wideRow: (c: CronJob) => [
      ...containersAndImages(c.spec.jobTemplate.spec.template),
      c.spec.jobTemplate.spec.selector
        ? formatLabels(c.spec.jobTemplate.spec.selector.matchLabels)
        : '<none>',
    ],
  }),
  HorizontalPodAutoscaler: erase({
    columns: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    wideColumns: [],
    row: (h: HorizontalPodAutoscaler, o) => [
      h.metadata.name ?? '',
      `${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}`,
      hpaTargets(h),
      h.spec.minReplicas === undefined ? '<unset>' : String(h.spec.minReplicas),
      String(h.spec.maxReplicas),
      count(statusOf(h).currentReplicas),
      age(h, o.now),
    ],
    wideRow: () => [],
  }),
};
