/**
 * scheduling.k8s.io/v1 PriorityClasses and the Priority admission plugin's answers, as a 1.36 API server
 * gives them (plugin/pkg/admission/priority/admission.go admitPod and validatePriorityClass;
 * pkg/apis/scheduling/validation ValidatePriorityClass): user classes are validated and listed with the
 * two system classes; a pod gets its class's value and preemptionPolicy, or the globalDefault class's;
 * an unknown class, or a priority written by hand that differs, is Forbidden: `kubectl apply`'s error for
 * a Pod, the controller's FailedCreate event (and no pods) for a Deployment's.
 */
import { describe, expect, it } from 'vitest';
import { scene, sceneWithErrors } from '../testing/scene';

const pc = (name: string, extra = ''): string => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: ${name} }
value: 1000000
${extra}`;

const pod = (name: string, spec = ''): string => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
${spec}  containers: [{ name: c, image: nginx:1.27 }]
`;

const DEPLOY = (spec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
${spec}      containers: [{ name: c, image: nginx:1.27 }]
`;

const docs = (...d: string[]): string => d.join('---\n');

describe('the Priority admission plugin on a Pod', () => {
  it('refuses a class that does not exist, as kubectl apply prints it', () => {
    const s = sceneWithErrors(pod('client', '  priorityClassName: foo\n'));
    expect(s.errors.map((d) => d.message)).toEqual([
      'pods "client" is forbidden: no PriorityClass with name foo was found',
    ]);
    expect(s.errors[0]!.field).toBe('spec.priorityClassName');
    expect(s.run('validate').stderr).toContain(
      'Error from server (Forbidden): error when creating "scene.yaml": pods "client" is forbidden: no PriorityClass with name foo was found\n',
    );
    expect(s.run('get pod client').stderr).toContain('pods "client" not found');
  });

  it('refuses a class created after the pod (kubectl apply creates in order), accepts one created before', () => {
    const late = sceneWithErrors(docs(pod('client', '  priorityClassName: high\n'), pc('high')));
    expect(late.errors.map((d) => d.message)).toEqual([
      'pods "client" is forbidden: no PriorityClass with name high was found',
    ]);
    const early = scene(
      docs(pc('high', 'preemptionPolicy: Never\n'), pod('client', '  priorityClassName: high\n')),
    );
    expect(early.json('get pod client -o json').items[0].spec).toMatchObject({
      priority: 1000000,
      preemptionPolicy: 'Never',
      priorityClassName: 'high',
    });
  });

  it('refuses a priority written by hand that differs from the class’s, and keeps an equal one', () => {
    const s = sceneWithErrors(docs(pc('high'), pod('client', '  priorityClassName: high\n  priority: 5\n')));
    expect(s.errors.map((d) => d.message)).toEqual([
      'pods "client" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000000 from the given PriorityClass name',
    ]);
    expect(s.errors[0]!.field).toBe('spec.priority');
    const same = scene(docs(pc('high'), pod('client', '  priorityClassName: high\n  priority: 1000000\n')));
    expect(same.json('get pod client -o json').items[0].spec.priority).toBe(1000000);
  });

  it('refuses a preemptionPolicy written by hand that differs from the class’s', () => {
    const s = sceneWithErrors(pod('client', '  preemptionPolicy: Never\n'));
    expect(s.errors.map((d) => d.message)).toEqual([
      'pods "client" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    ]);
  });

  it('gives a pod without a class the globalDefault class’s name, value and policy', () => {
    const s = scene(
      docs(pc('default-priority', 'globalDefault: true\npreemptionPolicy: Never\n'), pod('client')),
    );
    const yaml = s.run('get pod client -o yaml').stdout;
    expect(yaml).toContain(
      '\n  preemptionPolicy: Never\n  priority: 1000000\n  priorityClassName: default-priority\n',
    );
  });

  it('says what the refusal means in Korean, after kubectl’s English line', () => {
    const s = sceneWithErrors(pod('client', '  priorityClassName: foo\n'));
    s.env.lang = 'ko';
    const ko = s.run('validate').stderr;
    expect(ko).toContain('pods "client" is forbidden: no PriorityClass with name foo was found\n  ↳ ');
    expect(ko).toContain('프라이어리티클래스 foo가 없습니다');
  });
});

describe('the Priority admission plugin on a Deployment’s pods', () => {
  it('an unknown class: no pods, the ReplicaSet’s FailedCreate event with the pods’ generateName', () => {
    const s = sceneWithErrors(DEPLOY('      priorityClassName: foo\n'));
    expect(s.errors).toEqual([]);
    expect(s.json('get pods -l app=web -o json').items).toEqual([]);
    const rs = s.json('get rs -o json').items[0].metadata.name as string;
    const lint = s.env.diagnostics.find((d) => d.code === 'workload.failedCreatePriority');
    expect(lint?.severity).toBe('warning');
    expect(lint?.message).toMatchObject({
      params: {
        kind: 'Deployment',
        name: 'web',
        event: `Error creating: pods "${rs}-" is forbidden: no PriorityClass with name foo was found`,
      },
    });
  });

  it('a class that exists: every pod has its value; the template has none', () => {
    const s = scene(docs(DEPLOY('      priorityClassName: high\n'), pc('high')));
    const pods = s.json('get pods -l app=web -o json').items as { spec: Record<string, unknown> }[];
    expect(pods).toHaveLength(2);
    for (const p of pods)
      expect(p.spec).toMatchObject({ priority: 1000000, preemptionPolicy: 'PreemptLowerPriority' });
    expect(s.json('get deploy web -o json').items[0].spec.template.spec.priority).toBeUndefined();
  });

  it('a priority written in the template that differs: FailedCreate with the plugin’s message', () => {
    const s = sceneWithErrors(DEPLOY('      priority: 7\n'));
    expect(s.json('get pods -l app=web -o json').items).toEqual([]);
    const lint = s.env.diagnostics.find((d) => d.code === 'workload.failedCreatePriority');
    expect(JSON.stringify(lint?.message)).toContain(
      'is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    );
  });
});

describe('PriorityClass objects', () => {
  it('kubectl get priorityclasses / pc: the system classes and the scene’s, in kubectl’s columns', () => {
    const s = scene(
      docs(
        pc('high', 'preemptionPolicy: Never\ndescription: batch\n'),
        pc('low', 'globalDefault: true\n').replace('1000000', '-5'),
      ),
    );
    const table = s.run('get priorityclasses').stdout;
    expect(table).toBe(
      [
        'NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY',
        'high                      1000000      false            0s    Never',
        'low                       -5           true             0s    PreemptLowerPriority',
        'system-cluster-critical   2000000000   false            0s    PreemptLowerPriority',
        'system-node-critical      2000001000   false            0s    PreemptLowerPriority',
        '',
      ].join('\n'),
    );
    expect(s.run('get pc').stdout).toBe(table);
    const sys = s.json('get pc system-node-critical -o json').items[0];
    expect(sys).toMatchObject({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      value: 2000001000,
      preemptionPolicy: 'PreemptLowerPriority',
      description: 'Used for system critical pods that must not be moved from their current node.',
    });
    expect(s.run('get pc -o name').stdout).toContain('priorityclass.scheduling.k8s.io/high\n');
  });

  it('is validated as the API server does: value, the system- prefix, preemptionPolicy', () => {
    const msgs = (yaml: string): string[] => sceneWithErrors(yaml).errors.map((d) => String(d.message));
    expect(msgs(pc('huge').replace('1000000', '1000000001'))).toEqual([
      'value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    ]);
    expect(msgs(pc('top').replace('1000000', '1000000000'))).toEqual([]);
    expect(msgs(pc('system-mine'))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    ]);
    expect(msgs(pc('system-node-critical'))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
    ]);
    expect(
      msgs(pc('system-node-critical', 'globalDefault: true\n').replace('1000000', '2000001000')),
    ).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: globalDefault of system-node-critical PriorityClass must be false",
    ]);
    expect(msgs(pc('high', 'preemptionPolicy: Sometimes\n'))).toEqual([
      'preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    ]);
    expect(msgs(pc('High'))[0]).toMatch(
      /^metadata\.name: Invalid value: "High": a lowercase RFC 1123 subdomain/,
    );
    const out = sceneWithErrors(pc('huge').replace('1000000', '1000000001')).run('validate').stderr;
    expect(out).toContain(
      'The PriorityClass "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    );
  });

  it('refuses a second globalDefault class with the plugin’s Forbidden error', () => {
    const s = sceneWithErrors(docs(pc('a', 'globalDefault: true\n'), pc('b', 'globalDefault: true\n')));
    expect(s.errors.map((d) => d.message)).toEqual([
      'priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist',
    ]);
    expect(s.run('validate').stderr).toContain(
      'Error from server (Forbidden): error when creating "scene.yaml": priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist\n',
    );
    expect(s.run('get pc b').stderr).toContain('priorityclasses.scheduling.k8s.io "b" not found');
  });
});

describe('updating a PriorityClass (kubectl patch)', () => {
  const classes = docs(pc('high'), pc('dflt', 'globalDefault: true\n').replace('1000000', '1'));

  it('refuses a changed value or preemptionPolicy (ValidatePriorityClassUpdate)', () => {
    const s = scene(classes);
    const value = s.run(`patch pc high -p '{"value":5}'`);
    expect(value.exitCode).toBe(1);
    expect(value.stderr).toBe(
      'The PriorityClass "high" is invalid: value: Forbidden: may not be changed in an update.\n',
    );
    expect(s.run(`patch pc high -p '{"preemptionPolicy":"Never"}'`).stderr).toBe(
      'The PriorityClass "high" is invalid: preemptionPolicy: Invalid value: "Never": field is immutable\n',
    );
    const description = s.run(`patch pc high -p '{"description":"batch jobs"}'`);
    expect(description).toMatchObject({
      exitCode: 0,
      stdout: 'priorityclass.scheduling.k8s.io/high patched\n',
    });
  });

  it('refuses marking a second class globalDefault with the plugin’s Forbidden error', () => {
    const s = scene(classes);
    const r = s.run(`patch pc high -p '{"globalDefault":true}'`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "high" is forbidden: PriorityClass dflt is already marked as default. Only one default can exist\n',
    );
    // The default class itself may be patched.
    expect(s.run(`patch pc dflt -p '{"description":"x"}'`).exitCode).toBe(0);
  });
});

describe('applying a changed PriorityClass again (a later document or -f file)', () => {
  it('refuses a changed value or preemptionPolicy and keeps the class as first created', () => {
    const s = sceneWithErrors([pc('high'), pc('high', 'preemptionPolicy: Never\n').replace('1000000', '5')]);
    expect(s.errors.map((d) => [d.file, String(d.message)])).toEqual([
      ['apply-2.yaml', 'value: Forbidden: may not be changed in an update.'],
      ['apply-2.yaml', 'preemptionPolicy: Invalid value: "Never": field is immutable'],
    ]);
    expect(s.run('validate').stderr).toContain(
      'The PriorityClass "high" is invalid: \n* value: Forbidden: may not be changed in an update.\n* preemptionPolicy: Invalid value: "Never": field is immutable\n',
    );
    expect(s.json('get pc high -o json').items[0]).toMatchObject({
      value: 1000000,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('accepts a changed description', () => {
    const s = scene([pc('high'), pc('high', 'description: batch jobs\n')]);
    expect(s.json('get pc high -o json').items[0].description).toBe('batch jobs');
  });
});

describe('writing a system PriorityClass', () => {
  it('is an update of the API server’s own class: its preemptionPolicy may not change', () => {
    const sys = pc('system-node-critical', 'preemptionPolicy: Never\n').replace('1000000', '2000001000');
    const s = sceneWithErrors(sys);
    expect(s.errors.map((d) => String(d.message))).toEqual([
      'preemptionPolicy: Invalid value: "Never": field is immutable',
    ]);
    expect(s.json('get pc system-node-critical -o json').items[0].preemptionPolicy).toBe(
      'PreemptLowerPriority',
    );
    const same = scene(sys.replace('preemptionPolicy: Never\n', 'description: ours\n'));
    expect(same.json('get pc system-node-critical -o json').items[0].description).toBe('ours');
  });
});
