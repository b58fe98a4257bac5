/**
 * What the Job controller and the API server add to a Job's pods (issue 18, Job extras): an Indexed Job's
 * pods get `JOB_COMPLETION_INDEX` from their completion-index annotation and the hostname `<job>-<index>`
 * in the template's subdomain; `manualSelector: true` keeps the user's selector and adds no labels.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { scene } from '../testing/scene';

interface Env {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { apiVersion?: string; fieldPath?: string } };
}
interface PodItem {
  metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    hostname?: string;
    subdomain?: string;
    containers: { env?: Env[] }[];
    initContainers?: { env?: Env[] }[];
  };
}

const INDEXED = `apiVersion: v1
kind: Service
metadata: { name: workers }
spec: { clusterIP: None, selector: { app: work }, ports: [{ port: 8080 }] }
---
apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    metadata: { labels: { app: work } }
    spec:
      subdomain: workers
      hostname: ignored
      restartPolicy: Never
      initContainers: [{ name: fetch, image: busybox:1.36, command: [sh, -c, "true"] }]
      containers:
        - name: work
          image: busybox:1.36
          command: [sh, -c, 'echo "index $JOB_COMPLETION_INDEX"']
          env: [{ name: MODE, value: batch }]
        - name: side
          image: busybox:1.36
          env: [{ name: JOB_COMPLETION_INDEX, value: mine }]
`;

const FROM_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

describe('Indexed Job pods', () => {
  const pods = (): PodItem[] => scene(INDEXED).json('get pods -l app=work -o json').items as PodItem[];

  it('every container gets JOB_COMPLETION_INDEX from the completion-index annotation, after its own variables', () => {
    const p = pods()[0]!;
    expect(p.spec.containers[0]!.env).toEqual([
      { name: 'MODE', value: 'batch' },
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: FROM_ANNOTATION } },
      },
    ]);
    expect(p.spec.initContainers![0]!.env).toEqual([
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: FROM_ANNOTATION } },
      },
    ]);
  });

  it('a container that already names JOB_COMPLETION_INDEX keeps its own', () => {
    expect(pods()[0]!.spec.containers[1]!.env).toEqual([{ name: 'JOB_COMPLETION_INDEX', value: 'mine' }]);
  });

  it('hostnames are <job>-<index> whatever the template says, in the template’s subdomain', () => {
    const list = pods();
    expect(list.map((p) => [p.spec.hostname, p.spec.subdomain])).toEqual([
      ['work-0', 'workers'],
      ['work-1', 'workers'],
      ['work-2', 'workers'],
    ]);
    expect(list.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('a NonIndexed Job’s pods get no completion index', () => {
    const s = scene(INDEXED.replace('completionMode: Indexed', 'completionMode: NonIndexed'));
    const p = (s.json('get pods -l app=work -o json').items as PodItem[])[0]!;
    expect(p.spec.containers[0]!.env).toEqual([{ name: 'MODE', value: 'batch' }]);
    expect(p.spec.hostname).toBe('ignored');
  });
});

const MANUAL = `apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  manualSelector: true
  selector: { matchLabels: { task: migrate } }
  template:
    metadata: { labels: { task: migrate } }
    spec:
      restartPolicy: OnFailure
      containers: [{ name: m, image: busybox:1.36 }]
`;

describe('manualSelector', () => {
  it('keeps the user’s selector and labels: no controller-uid, no job-name', () => {
    const s = scene(MANUAL);
    const job = s.json('get job migrate -o json').items[0] as { spec: { selector: unknown } };
    expect(job.spec.selector).toEqual({ matchLabels: { task: 'migrate' } });
    const pods = s.json('get pods -l task=migrate -o json').items as PodItem[];
    expect(pods.map((p) => p.metadata.labels)).toEqual([{ task: 'migrate' }]);
  });

  it('without manualSelector the API server adds its labels and selects by uid', () => {
    const s = scene(
      MANUAL.replace('  manualSelector: true\n  selector: { matchLabels: { task: migrate } }\n', ''),
    );
    const pod = (s.json('get pods -l task=migrate -o json').items as PodItem[])[0]!;
    expect(Object.keys(pod.metadata.labels).sort()).toEqual([
      'batch.kubernetes.io/controller-uid',
      'batch.kubernetes.io/job-name',
      'controller-uid',
      'job-name',
      'task',
    ]);
  });

  it('manualSelector without a selector is refused', () => {
    const text = MANUAL.replace('  selector: { matchLabels: { task: migrate } }\n', '');
    const built = buildCluster([{ file: 'job.yaml', text }], { seed: 1 });
    expect(built.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'spec.selector: Required value',
    ]);
  });
});

describe('Job status: what the job controller writes (batch/v1 JobStatus)', () => {
  const JOBS = `apiVersion: batch/v1
kind: Job
metadata: { name: done }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: c, image: busybox }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: refused }
spec:
  template:
    spec:
      priorityClassName: missing
      restartPolicy: Never
      containers: [{ name: c, image: busybox }]
`;
  const status = (name: string) =>
    (scene(JOBS).json(`get job ${name} -o json`).items[0] as { status: Record<string, unknown> }).status;

  it('leaves out active, succeeded and failed when they are 0 (int32, omitempty); ready and terminating stay (pointers)', () => {
    // No pod was admitted (unknown PriorityClass): nothing is active or succeeded yet.
    expect(Object.keys(status('refused')).sort()).toEqual([
      'ready',
      'startTime',
      'terminating',
      'uncountedTerminatedPods',
    ]);
    const done = status('done');
    expect(done.succeeded).toBe(1);
    expect(done).not.toHaveProperty('active');
    expect(done).not.toHaveProperty('failed');
    expect(done.ready).toBe(0);
  });
});

describe('a Job’s own labels (SetDefaults_Job, then generateSelector)', () => {
  const GENERATED = [
    'batch.kubernetes.io/controller-uid',
    'batch.kubernetes.io/job-name',
    'controller-uid',
    'job-name',
  ];
  const jobOf = (s: ReturnType<typeof scene>, name: string) =>
    s.json(`get job ${name} -o json`).items[0] as {
      metadata: { uid: string; labels?: Record<string, string> };
      spec: { manualSelector?: boolean };
    };

  it('a Job without labels shows its template’s, generated ones included; manualSelector: false', () => {
    const s = scene(
      MANUAL.replace('  manualSelector: true\n  selector: { matchLabels: { task: migrate } }\n', ''),
    );
    const job = jobOf(s, 'migrate');
    expect(job.metadata.labels).toEqual({
      task: 'migrate',
      'batch.kubernetes.io/controller-uid': job.metadata.uid,
      'batch.kubernetes.io/job-name': 'migrate',
      'controller-uid': job.metadata.uid,
      'job-name': 'migrate',
    });
    expect(job.spec.manualSelector).toBe(false);
    expect(s.run('get job migrate -o yaml').stdout).toContain('\n  manualSelector: false\n');
    expect(s.run('get jobs -l batch.kubernetes.io/job-name=migrate -o name').stdout).toBe(
      'job.batch/migrate\n',
    );
  });

  it('a template without labels still gives the Job the generated ones', () => {
    const s = scene(
      MANUAL.replace('  manualSelector: true\n  selector: { matchLabels: { task: migrate } }\n', '').replace(
        '    metadata: { labels: { task: migrate } }\n',
        '',
      ),
    );
    expect(Object.keys(jobOf(s, 'migrate').metadata.labels ?? {}).sort()).toEqual(GENERATED);
  });

  it('a Job with labels of its own keeps exactly those', () => {
    const s = scene(
      MANUAL.replace('  manualSelector: true\n  selector: { matchLabels: { task: migrate } }\n', '').replace(
        'metadata: { name: migrate }',
        'metadata: { name: migrate, labels: { team: data } }',
      ),
    );
    expect(jobOf(s, 'migrate').metadata.labels).toEqual({ team: 'data' });
  });

  it('manualSelector: true: the Job takes the template’s labels as written', () => {
    expect(jobOf(scene(MANUAL), 'migrate').metadata.labels).toEqual({ task: 'migrate' });
  });

  it('a CronJob’s Jobs: the job template’s labels when it has some, else the pod template’s', () => {
    const cron = (jobLabels: string) => `apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "* * * * *"
  jobTemplate:
${jobLabels}    spec:
      template:
        metadata: { labels: { app: tick } }
        spec:
          restartPolicy: OnFailure
          containers: [{ name: t, image: busybox:1.36 }]
`;
    const labels = (yaml: string) =>
      (
        scene(yaml).json('--at 90s get jobs -o json').items[0] as {
          metadata: { labels?: Record<string, string> };
        }
      ).metadata.labels;
    expect(Object.keys(labels(cron('')) ?? {}).sort()).toEqual(['app', ...GENERATED].sort());
    expect(labels(cron('    metadata: { labels: { kind: nightly } }\n'))).toEqual({ kind: 'nightly' });
  });
});
