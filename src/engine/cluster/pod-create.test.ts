/**
 * Pod templates the API server accepts whose pods it refuses (issue 18): a StatefulSet's template is not
 * validated as a pod spec (ValidatePodTemplateSpecForStatefulSet), every template skips the pod-only rules,
 * and the labels a controller adds are checked on the pod. The workload is accepted and has no such pod;
 * its controller records FailedCreate (a warning on the workload, with the event's own words).
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { validateFields } from '../manifest/validate';
import { en, ko } from '../testing/render';
import { scene } from '../testing/scene';

const sts = (name: string, spec: string, extra = ''): string => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: ${name} }
spec:
  serviceName: ${name}
  replicas: 2
  ${extra}
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
${spec}
`;

const build = (yaml: string) => buildCluster([{ file: 'scene.yaml', text: yaml }], { seed: 1 });
const failed = (yaml: string) => build(yaml).diagnostics.filter((d) => d.code === 'workload.failedCreate');

describe('a StatefulSet’s template is checked when each pod is created, not on the set', () => {
  const bad = sts(
    'db',
    `      containers: [{ name: db, image: " redis ", ports: [{ containerPort: 70000 }] }]`,
  );

  it('is accepted: no API error, the set is 0/2 and has no pod', () => {
    const built = build(bad);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const s = scene(bad);
    expect(s.run('get pods').stderr).toContain('No resources found in default namespace.');
    expect(s.run('get statefulsets').stdout).toMatch(/^db +0\/2 /m);
  });

  it('says the controller’s FailedCreate event in its own words (both errors, pod spec order)', () => {
    const [d] = failed(bad);
    expect(d).toMatchObject({ severity: 'warning', source: 'lint', kind: 'StatefulSet', name: 'db' });
    const event =
      'create Pod db-0 in StatefulSet db failed error: Pod "db-0" is invalid: [' +
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, ' +
      'spec.containers[0].image: Invalid value: " redis ": must not have leading or trailing whitespace]';
    expect(en(d!.message)).toContain(`Warning FailedCreate: ${event}`);
    expect(ko(d!.message)).toContain('스테이트풀셋 db');
    expect(ko(d!.message)).toContain(event);
    expect(en(d!.hint)).toContain('kubectl describe statefulset db');
  });

  it('one error is said without brackets', () => {
    const [d] = failed(
      sts('db', `      containers: [{ name: db, image: redis, ports: [{ containerPort: 0 }] }]`),
    );
    expect(en(d!.message)).toContain(
      'Pod "db-0" is invalid: spec.containers[0].ports[0].containerPort: Required value',
    );
  });

  it('ValidateStatefulSetSpec’s own template rules still refuse the set: restartPolicy, activeDeadlineSeconds', () => {
    const errs = (spec: string) =>
      validateFields(
        JSON.parse(
          JSON.stringify({
            apiVersion: 'apps/v1',
            kind: 'StatefulSet',
            metadata: { name: 'db', namespace: 'default' },
            spec: {
              replicas: 1,
              podManagementPolicy: 'OrderedReady',
              updateStrategy: { type: 'RollingUpdate' },
              selector: { matchLabels: { app: 'db' } },
              template: {
                metadata: { labels: { app: 'db', 'bad key!': 'x' } },
                spec: { containers: [{ name: 'db', image: 'redis' }], ...JSON.parse(spec) },
              },
            },
          }),
        ),
      ).map((e) => e.message);
    expect(errs('{"restartPolicy":"OnFailure","activeDeadlineSeconds":5}')).toEqual([
      expect.stringMatching(/^spec\.template\.labels: Invalid value: "bad key!": /),
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    ]);
  });

  it('volumeMounts of a volumeClaimTemplate (no volume in the template) are accepted and run', () => {
    const s = scene(
      sts(
        'web',
        `      containers:
        - name: nginx
          image: registry.k8s.io/nginx-slim:0.24
          ports: [{ containerPort: 80, name: web }]
          volumeMounts: [{ name: www, mountPath: /usr/share/nginx/html }]`,
        `volumeClaimTemplates:
  - metadata: { name: www }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }`,
      ),
    );
    expect(s.run('get pods').stdout).toMatch(/^web-1 +1\/1 +Running/m);
    expect(s.env.diagnostics.filter((d) => d.code === 'workload.failedCreate')).toEqual([]);
  });
});

describe('the labels a StatefulSet controller adds are checked on each pod', () => {
  // A valid set name (a DNS label, 63 at most) whose ControllerRevision name, <name>-<hash>, is too long
  // for the controller-revision-hash label every pod carries (kubernetes/kubernetes#79337).
  const name = `s${'x'.repeat(60)}`;

  it('a 61-character name: the set is accepted, every pod refused for its controller-revision-hash label', () => {
    const s = scene(sts(name, `      containers: [{ name: db, image: redis }]`));
    expect(s.run('get pods').stderr).toContain('No resources found');
    const [d] = s.env.diagnostics.filter((x) => x.code === 'workload.failedCreate');
    expect(en(d!.message)).toMatch(
      new RegExp(
        `create Pod ${name}-0 in StatefulSet ${name} failed error: Pod "${name}-0" is invalid: ` +
          `metadata\\.labels: Invalid value: "${name}-[0-9a-z]+": must be no more than 63 bytes$`,
      ),
    );
  });

  it('a 40-character name is fine', () => {
    const s = scene(sts(`s${'x'.repeat(39)}`, `      containers: [{ name: db, image: redis }]`));
    expect(s.json('get pods -o json').items).toHaveLength(2);
  });
});

describe('pod-only rules of the other controllers’ pods: Error creating', () => {
  it('a Deployment whose image has surrounding whitespace: accepted, its ReplicaSet makes no pod', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: " nginx" }] }
`;
    const s = scene(yaml);
    expect(s.run('get pods').stderr).toContain('No resources found');
    const [d] = s.env.diagnostics.filter((x) => x.code === 'workload.failedCreate');
    expect(d).toMatchObject({ kind: 'Deployment', name: 'web' });
    expect(en(d!.message)).toMatch(
      /Warning FailedCreate: Error creating: Pod "web-[0-9a-z]+-[0-9a-z]{5}" is invalid: spec\.containers\[0\]\.image: Invalid value: " nginx": must not have leading or trailing whitespace$/,
    );
    expect(en(d!.hint)).toMatch(/kubectl describe replicaset web-[0-9a-z]+ shows/);
  });

  it('a DaemonSet and a Job the same way; their pods are not made and the Job is not said to complete', () => {
    const yaml = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: "busybox " }] }
---
apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  template:
    spec: { restartPolicy: Never, containers: [{ name: pi, image: " perl" }] }
`;
    const built = build(yaml);
    const codes = built.diagnostics.map((d) => `${d.kind}/${d.code}`);
    expect(codes).toContain('DaemonSet/workload.failedCreate');
    expect(codes).toContain('Job/workload.failedCreate');
    expect(codes).not.toContain('Job/workload.jobCompletes');
    expect(built.cluster.pods.filter((p) => p.metadata.namespace === 'default')).toEqual([]);
  });

  it('a valid template makes its pods and says nothing', () => {
    const s = scene(sts('db', `      containers: [{ name: db, image: redis }]`));
    expect(s.json('get pods -o json').items).toHaveLength(2);
    expect(s.env.diagnostics.filter((d) => d.code === 'workload.failedCreate')).toEqual([]);
  });
});

describe('workload template rules as ValidatePodTemplateSpec says them', () => {
  const deploy = (labels: string, restart: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', ...JSON.parse(labels) } },
        spec: {
          containers: [
            { name: 'web', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' },
          ],
          restartPolicy: restart,
          dnsPolicy: 'ClusterFirst',
          terminationGracePeriodSeconds: 30,
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  });

  it('a label the API server refuses is said at spec.template.labels', () => {
    const msgs = validateFields(deploy('{"tier":"-bad"}', 'Always')).map((e) => e.message);
    expect(msgs).toEqual([
      expect.stringMatching(/^spec\.template\.labels: Invalid value: "-bad": a valid label/),
    ]);
  });

  it('restartPolicy Foo: the pod spec’s rule and the workload’s (two errors); Never: the workload’s only', () => {
    expect(validateFields(deploy('{}', 'Foo')).map((e) => e.message)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Foo": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Foo": supported values: "Always"',
    ]);
    expect(validateFields(deploy('{}', 'Never')).map((e) => e.message)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });
});
