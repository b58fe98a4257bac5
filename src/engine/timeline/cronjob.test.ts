/**
 * CronJob (issue 18): validation as ValidateCronJobCreate says it, `get cronjobs` as kubectl prints it, and
 * the controller on the scene's clock: a Job `<name>-<minutes since 1970>` per scheduled time, its pods
 * Completed, the oldest finished Jobs deleted beyond successfulJobsHistoryLimit.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { scene, sceneWithErrors } from '../testing/scene';

const cronJob = (spec: string, name = 'hello') => `apiVersion: batch/v1
kind: CronJob
metadata: { name: ${name} }
spec:
${spec}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: hello, image: busybox:1.28, command: [/bin/sh, -c, date] }]
`;
const errors = (yaml: string) =>
  buildCluster([{ file: 'cj.yaml', text: yaml }], { seed: 1 })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

describe('CronJob validation', () => {
  it('the schedule as robfig/cron parses it, TZ refused, concurrencyPolicy and timeZone checked', () => {
    expect(errors(cronJob('  schedule: "* * *"'))).toEqual([
      'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]',
    ]);
    expect(errors(cronJob('  schedule: "TZ=UTC * * * * *"'))).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
    expect(errors(cronJob('  schedule: "@hourly"\n  concurrencyPolicy: Sometimes'))).toEqual([
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ]);
    expect(errors(cronJob('  schedule: "@hourly"\n  timeZone: Mars/Olympus'))).toEqual([
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    ]);
    expect(errors(cronJob('  schedule: "@hourly"\n  timeZone: Asia/Seoul'))).toEqual([]);
  });

  it('the name leaves room for the Job suffix; the job template takes no selector', () => {
    expect(errors(cronJob('  schedule: "@hourly"', 'x'.repeat(53)))).toEqual([
      `metadata.name: Invalid value: "${'x'.repeat(53)}": must be no more than 52 characters`,
    ]);
    const withSelector = cronJob('  schedule: "@hourly"').replace(
      '    spec:\n      template:',
      '    spec:\n      selector: { matchLabels: { app: x } }\n      template:',
    );
    expect(errors(withSelector)).toEqual([
      'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    ]);
    expect(
      errors(cronJob('  schedule: "@hourly"').replace('restartPolicy: OnFailure', 'restartPolicy: Always')),
    ).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });
});

describe('the CronJob controller on the scene clock', () => {
  const s = scene(cronJob('  schedule: "* * * * *"'));

  it('get cronjobs as kubectl prints it, before any schedule', () => {
    expect(s.run('get cronjobs').stdout).toBe(
      'NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   * * * * *   <none>     False     0        <none>          0s\n',
    );
    expect(s.run('get jobs').stderr).toContain('No resources found');
  });

  it('at 4m30s: Jobs named by the scheduled minute since 1970, the last three kept, their pods Completed', () => {
    // The scene starts at 2026-01-01T00:00:00Z = 29453760 minutes since 1970.
    const jobs = s
      .json('--at 4m30s get jobs -o json')
      .items.map((j: { metadata: { name: string } }) => j.metadata.name);
    expect(jobs).toEqual(['hello-29453762', 'hello-29453763', 'hello-29453764']);
    const job = s.json('--at 4m30s get jobs -o json').items[2];
    expect(job.metadata.ownerReferences[0]).toMatchObject({
      kind: 'CronJob',
      name: 'hello',
      controller: true,
    });
    expect(job.metadata.annotations['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      '2026-01-01T00:04:00Z',
    );
    expect(s.run('--at 4m30s get pods').stdout).toMatch(
      /^hello-29453764-[a-z0-9]{5} +0\/1 +Completed +0 +30s$/m,
    );
    expect(s.run('--at 4m30s get cronjobs').stdout).toMatch(
      /^hello +\* \* \* \* \* +<none> +False +0 +30s +4m30s$/m,
    );
  });

  it('the timeline says each creation and each deletion beyond the history limit', () => {
    const out = s.run('--at 4m30s timeline').stdout;
    expect(out).toContain('creates Job hello-29453761');
    expect(out).toContain('deletes the oldest, hello-29453761, with its pods');
  });

  it('a suspended CronJob creates nothing', () => {
    const suspended = scene(cronJob('  schedule: "* * * * *"\n  suspend: true'));
    expect(suspended.run('--at 5m get jobs').stderr).toContain('No resources found');
  });
});

/**
 * The pods of a CronJob's Jobs go through the Priority admission plugin with every PriorityClass that
 * exists, the scene's as well as the two system ones (plugin/pkg/admission/priority/admission.go), as a
 * Deployment's pods do: a class the scene defines gives its value; an unknown one is refused, and the
 * Job, without pods, never finishes (cronjob_controllerv2.go: concurrencyPolicy then decides).
 */
describe("a CronJob's pods and the scene's PriorityClasses", () => {
  const nightly = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: nightly }
value: 1000
preemptionPolicy: Never
---
`;
  const withClass = (cls: string, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata: { name: hello }
spec:
  schedule: "* * * * *"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          priorityClassName: ${cls}
          restartPolicy: OnFailure
          containers: [{ name: hello, image: busybox:1.28, command: [/bin/sh, -c, date] }]
`;

  it("a class the scene defines: the Job's pod gets its value and preemptionPolicy", () => {
    const s = scene(nightly + withClass('nightly'));
    const pods = s.json('--at 1m30s get pods -o json').items;
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).toMatch(/^hello-29453761-[a-z0-9]{5}$/);
    expect(pods[0].spec).toMatchObject({
      priorityClassName: 'nightly',
      priority: 1000,
      preemptionPolicy: 'Never',
    });
  });

  it('an unknown class: FailedCreate as for a Deployment, the Jobs have no pods and stay active (Allow)', () => {
    const s = scene(nightly + withClass('missing'));
    expect(s.run('--at 2m30s get pods').stderr).toContain('No resources found');
    const jobs = s.json('--at 2m30s get jobs -o json').items;
    expect(jobs.map((j: { metadata: { name: string } }) => j.metadata.name)).toEqual([
      'hello-29453761',
      'hello-29453762',
    ]);
    expect(jobs[0].status).toEqual({
      ready: 0,
      startTime: '2026-01-01T00:01:00Z',
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    expect(s.run('--at 2m30s get cronjobs').stdout).toMatch(
      /^hello +\* \* \* \* \* +<none> +False +2 +30s +2m30s$/m,
    );
    const cj = s.json('--at 2m30s get cronjob hello -o json');
    const status = (cj.kind === 'List' ? cj.items[0] : cj).status;
    expect(status.active.map((r: { name: string }) => r.name)).toEqual(['hello-29453761', 'hello-29453762']);
    expect(status.lastSuccessfulTime).toBeUndefined();
    const timeline = s.run('--at 2m30s timeline').stdout;
    expect(timeline).toContain(
      'Warning FailedCreate: Error creating: pods "hello-29453761-" is forbidden: no PriorityClass with name missing was found',
    );
    expect(timeline).not.toContain('deletes the oldest');
    // The same event a Deployment's ReplicaSet records for the same class.
    const d = sceneWithErrors(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { priorityClassName: missing, containers: [{ name: c, image: nginx:1.27 }] }
`);
    const rs = d.json('get rs -o json').items[0].metadata.name as string;
    const lint = d.env.diagnostics.find((x) => x.code === 'workload.failedCreatePriority');
    expect(lint?.message).toMatchObject({
      params: {
        event: `Error creating: pods "${rs}-" is forbidden: no PriorityClass with name missing was found`,
      },
    });
  });

  it('concurrencyPolicy Forbid: the first Job stays active and later times start none (JobAlreadyActive)', () => {
    const s = scene(withClass('missing', '  concurrencyPolicy: Forbid\n'));
    const jobs = s.json('--at 3m30s get jobs -o json').items;
    expect(jobs.map((j: { metadata: { name: string } }) => j.metadata.name)).toEqual(['hello-29453761']);
    expect(s.run('--at 3m30s get cronjobs').stdout).toMatch(
      /^hello +\* \* \* \* \* +<none> +False +1 +2m30s +3m30s$/m,
    );
    expect(s.run('--at 3m30s timeline').stdout).toContain(
      'Job hello-29453761 is still active and concurrencyPolicy is Forbid',
    );
  });

  it('concurrencyPolicy Replace: each time deletes the active Job and creates the next', () => {
    const s = scene(withClass('missing', '  concurrencyPolicy: Replace\n'));
    const jobs = s.json('--at 3m30s get jobs -o json').items;
    expect(jobs.map((j: { metadata: { name: string } }) => j.metadata.name)).toEqual(['hello-29453763']);
    expect(s.run('--at 3m30s timeline').stdout).toContain(
      'deletes hello-29453762 (event Normal SuccessfulDelete: Deleted job hello-29453762) and creates Job hello-29453763',
    );
  });
});
