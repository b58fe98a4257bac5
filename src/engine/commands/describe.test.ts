import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../testing/scene';
import { tabwrite } from './describe-format';

const SCENE = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: { name: newcidr1, labels: { team: net, app: ipam } }
spec: { cidrs: [10.200.0.0/24] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { clusterIP: 10.200.0.20, ports: [{ port: 80 }] }
`;

function after(s: Scene, line: string): Scene {
  const r = s.run(line);
  expect(r.exitCode, r.stderr).toBe(0);
  return scene(r.sources!.map((x) => x.text));
}

describe('tabwrite (Go text/tabwriter, padding 2)', () => {
  it('aligns each block of lines that share a column, and leaves a line without tabs alone', () => {
    expect(tabwrite('a:\tx\nlonger:\ty\nplain\n  T\tS\tend\n  ----\t-\tend\nEv:\tnone\n')).toBe(
      'a:       x\nlonger:  y\nplain\n  T     S  end\n  ----  -  end\nEv:     none\n',
    );
  });
});

describe('kubectl describe servicecidr', () => {
  it('prints a ServiceCIDR being deleted as kubectl’s ServiceCIDRDescriber does, at the instant asked', () => {
    const s = after(scene(SCENE), 'delete servicecidr newcidr1 --at 30s');
    const r = s.run('describe servicecidr newcidr1 --at 30s');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        'Name:         newcidr1',
        'Labels:       app=ipam',
        '              team=net',
        'Annotations:  <none>',
        'CIDRs:        10.200.0.0/24',
        'Status:',
        'Conditions:',
        '  Type   Status  LastTransitionTime               Reason       Message',
        '  ----   ------  ------------------               ------       -------',
        '  Ready  False   Thu, 01 Jan 2026 00:00:30 +0000  Terminating  There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
    // Before the deletion: Ready, with no reason.
    expect(s.run('describe servicecidr/newcidr1 --at 10s').stdout).toContain(
      '  Ready  True    Thu, 01 Jan 2026 00:00:00 +0000          Kubernetes Service CIDR is ready\n',
    );
  });

  it('describes every ServiceCIDR without a name, and says NotFound for an unknown one', () => {
    const s = scene(SCENE);
    const all = s.run('describe servicecidrs').stdout;
    expect(all.indexOf('Name:         kubernetes')).toBeLessThan(all.indexOf('Name:         newcidr1'));
    // Several objects: kubectl turns the Events off unless --show-events is given (DescribeOptions.Run).
    expect(all).toContain('Kubernetes Service CIDR is ready\n\n\nName:');
    expect(all).not.toContain('Events:');
    expect(s.run('describe servicecidrs --show-events').stdout).toContain('Events:  <none>\n\n\nName:');
    const r = s.run('describe servicecidr nope');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): servicecidrs.networking.k8s.io "nope" not found\n');
  });

  it('reads TYPE/NAME, several of them, and TYPE NAME_PREFIX as kubectl describe does', () => {
    const s = scene(SCENE);
    const one = s.run('describe servicecidr newcidr1');
    expect(s.run('describe servicecidr/newcidr1')).toEqual(one);
    expect(one.stdout).toContain('Events:  <none>\n');
    const two = s.run('describe servicecidr/newcidr1 servicecidr/kubernetes');
    expect(two.exitCode).toBe(0);
    expect(two.stdout.indexOf('Name:         newcidr1')).toBeLessThan(
      two.stdout.indexOf('Name:         kubernetes'),
    );
    expect(two.stdout).not.toContain('Events:');
    // No ServiceCIDR is called "new": kubectl describes those whose names start so, without Events.
    const prefix = s.run('describe servicecidr new');
    expect(prefix.exitCode).toBe(0);
    expect(prefix.stdout).toBe(`${one.stdout.replace('Events:  <none>\n', '')}\n`);
    // …but not for TYPE/NAME.
    expect(s.run('describe servicecidr/new').stderr).toBe(
      'Error from server (NotFound): servicecidrs.networking.k8s.io "new" not found\n',
    );
    const mixed = s.run('describe servicecidr servicecidr/newcidr1');
    expect([mixed.exitCode, mixed.stdout]).toEqual([1, '']);
    expect(mixed.stderr).toMatch(
      /^error: there is no need to specify a resource type as a separate argument/,
    );
    // -n takes its value with it (a cluster-scoped kind ignores it).
    expect(s.run('describe servicecidr -n kube-system newcidr1')).toEqual(one);
    expect(s.run('describe svc -n empty').stderr).toBe('No resources found in empty namespace.\n');
  });

  it('says which kinds it does not describe yet, in the reader’s language', () => {
    const r = scene(SCENE).run('describe node node-1');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('not Node yet');
    expect(scene(SCENE).run('describe node/node-1').stderr).toContain('not Node yet');
    expect(scene(SCENE).run('describe svc/nope').stderr).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    );
  });
});

const JOBS = `apiVersion: v1
kind: Namespace
metadata: { name: batch }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: batch }
data: { MODE: fast }
---
apiVersion: v1
kind: Secret
metadata: { name: creds, namespace: batch }
stringData: { token: abc }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: render
  namespace: batch
  annotations: { team.example.com/owner: ops, note: nightly render }
spec:
  completions: 3
  parallelism: 2
  completionMode: Indexed
  ttlSecondsAfterFinished: 100
  activeDeadlineSeconds: 600
  template:
    metadata:
      annotations: { sidecar: "off" }
    spec:
      restartPolicy: Never
      serviceAccountName: renderer
      nodeSelector: { disk: ssd }
      tolerations:
        - { key: dedicated, operator: Equal, value: batch, effect: NoSchedule }
        - { operator: Exists }
      containers:
        - name: render
          image: busybox:1.36
          args: [sh, -c, echo $JOB_COMPLETION_INDEX]
          ports: [{ containerPort: 8080, name: metrics }, { containerPort: 9090, protocol: UDP }]
          resources: { limits: { memory: 128Mi, cpu: "1" }, requests: { cpu: 250m } }
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
          envFrom: [{ configMapRef: { name: settings } }, { secretRef: { name: creds, optional: true }, prefix: S_ }]
          env:
            - { name: GREETING, value: hello }
            - { name: POD, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
            - { name: TOKEN, valueFrom: { secretKeyRef: { name: creds, key: token } } }
            - { name: MEM, valueFrom: { resourceFieldRef: { resource: limits.memory } } }
          volumeMounts: [{ name: scratch, mountPath: /scratch }, { name: conf, mountPath: /etc/conf, readOnly: true }]
      volumes:
        - { name: scratch, emptyDir: {} }
        - { name: conf, configMap: { name: settings } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: pi, labels: { team: a } }
spec:
  completions: 3
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: pi, image: perl:5.34, command: [perl, -Mbignum=bpi, -wle, print bpi(2000)] }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: queue }
spec:
  parallelism: 2
  suspend: true
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{ name: w, image: busybox }]
`;

describe('kubectl describe job', () => {
  const s = scene(JOBS);
  const uid = (name: string) => s.env.cluster.jobs.find((j) => j.metadata.name === name)!.metadata.uid!;

  it('prints describeJob’s lines in kubectl’s order, and the pod template as DescribePodTemplate does', () => {
    const u = uid('render');
    const r = s.run('describe job render -n batch');
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'Name:                        render',
        'Namespace:                   batch',
        `Selector:                    batch.kubernetes.io/controller-uid=${u}`,
        // SetDefaults_Job: a Job without labels shows its template's, the generated ones included.
        `Labels:                      batch.kubernetes.io/controller-uid=${u}`,
        '                             batch.kubernetes.io/job-name=render',
        `                             controller-uid=${u}`,
        '                             job-name=render',
        'Annotations:                 note: nightly render',
        '                             team.example.com/owner: ops',
        'Parallelism:                 2',
        'Completions:                 3',
        'Completion Mode:             Indexed',
        'Suspend:                     false',
        'Backoff Limit:               6',
        'TTL Seconds After Finished:  100',
        'Start Time:                  Thu, 01 Jan 2026 00:00:00 +0000',
        'Active Deadline Seconds:     600s',
        'Pods Statuses:               3 Active (0 Ready) / 0 Succeeded / 0 Failed',
        'Completed Indexes:           <none>',
        'Pod Template:',
        `  Labels:           batch.kubernetes.io/controller-uid=${u}`,
        '                    batch.kubernetes.io/job-name=render',
        `                    controller-uid=${u}`,
        '                    job-name=render',
        '  Annotations:      sidecar: off',
        '  Service Account:  renderer',
        '  Containers:',
        '   render:',
        '    Image:       busybox:1.36',
        '    Ports:       8080/TCP (metrics), 9090/UDP',
        '    Host Ports:  0/TCP (metrics), 0/UDP',
        '    Args:',
        '      sh',
        '      -c',
        '      echo $JOB_COMPLETION_INDEX',
        '    Limits:',
        '      cpu:     1',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '    Readiness:  http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment Variables from:',
        '      settings  ConfigMap                Optional: false',
        "      creds     Secret with prefix 'S_'  Optional: true",
        '    Environment:',
        '      GREETING:  hello',
        '      POD:        (v1:metadata.name)',
        "      TOKEN:     <set to the key 'token' in secret 'creds'>  Optional: false",
        '      MEM:       134217728 (limits.memory)',
        '    Mounts:',
        '      /etc/conf from conf (ro)',
        '      /scratch from scratch (rw)',
        '  Volumes:',
        '   scratch:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  <unset>',
        '   conf:',
        '    Type:          ConfigMap (a volume populated by a ConfigMap)',
        '    Name:          settings',
        '    Optional:      false',
        '  Node-Selectors:  disk=ssd',
        '  Tolerations:     op=Exists',
        '                   dedicated=batch:NoSchedule',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('a finished Job has its times and duration; a suspended one none, and Completions <unset> without completions', () => {
    const pi = s.run('describe job/pi').stdout;
    expect(pi).toContain(
      [
        'Labels:           team=a',
        'Annotations:      <none>',
        'Parallelism:      1',
        'Completions:      3',
        'Completion Mode:  NonIndexed',
        'Suspend:          false',
        'Backoff Limit:    4',
        'Start Time:       Thu, 01 Jan 2026 00:00:00 +0000',
        'Completed At:     Thu, 01 Jan 2026 00:00:00 +0000',
        'Duration:         0s',
        'Pods Statuses:    0 Active (0 Ready) / 3 Succeeded / 0 Failed',
        'Pod Template:',
      ].join('\n'),
    );
    expect(pi).toContain(
      '   pi:\n    Image:      perl:5.34\n    Port:       <none>\n    Host Port:  <none>\n    Command:\n      perl\n      -Mbignum=bpi\n      -wle\n      print bpi(2000)\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nEvents:            <none>\n',
    );
    const queue = s.run('describe job queue').stdout;
    expect(queue).toContain(
      'Completions:      <unset>\nCompletion Mode:  NonIndexed\nSuspend:          true\nBackoff Limit:    6\nPods Statuses:    0 Active / 0 Succeeded / 0 Failed\nPod Template:\n',
    );
    expect(queue).not.toContain('Start Time:');
    // Several Jobs: no Events (kubectl turns them off); a prefix finds pi; Korean readers get kubectl's text.
    const all = s.run('describe jobs');
    expect(all.stdout.indexOf('Name:             pi')).toBeLessThan(
      all.stdout.indexOf('Name:             queue'),
    );
    expect(all.stdout).not.toContain('Events:');
    expect(s.run('describe job p').stdout).toBe(`${pi.replace('Events:            <none>\n', '')}\n`);
    expect(s.run('describe job nope').stderr).toBe(
      'Error from server (NotFound): jobs.batch "nope" not found\n',
    );
  });
});

const CRON = `apiVersion: batch/v1
kind: CronJob
metadata: { name: hello, labels: { app: hello } }
spec:
  schedule: "*/1 * * * *"
  startingDeadlineSeconds: 30
  jobTemplate:
    spec:
      activeDeadlineSeconds: 20
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: hello, image: busybox:1.28, command: [/bin/sh, -c, date; echo Hello] }]
`;

describe('kubectl describe cronjob', () => {
  it('prints describeCronJob’s lines, the job template’s unset fields as <unset>, and the schedule as it moves', () => {
    const s = scene(CRON);
    const at0 = s.run('describe cronjob hello');
    expect([at0.exitCode, at0.stderr]).toEqual([0, '']);
    expect(at0.stdout).toBe(
      [
        'Name:                          hello',
        'Namespace:                     default',
        'Labels:                        app=hello',
        'Annotations:                   <none>',
        'Schedule:                      */1 * * * *',
        'Concurrency Policy:            Allow',
        'Suspend:                       False',
        'Time Zone:                     <unset>',
        'Successful Job History Limit:  3',
        'Failed Job History Limit:      1',
        'Starting Deadline Seconds:     30s',
        'Selector:                      <unset>',
        'Parallelism:                   <unset>',
        'Completions:                   <unset>',
        'Active Deadline Seconds:       20s',
        'Pod Template:',
        '  Labels:  <none>',
        '  Containers:',
        '   hello:',
        '    Image:      busybox:1.28',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      /bin/sh',
        '      -c',
        '      date; echo Hello',
        '    Environment:     <none>',
        '    Mounts:          <none>',
        '  Volumes:           <none>',
        '  Node-Selectors:    <none>',
        '  Tolerations:       <none>',
        'Last Schedule Time:  <unset>',
        'Active Jobs:         <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
    const later = s.run('describe cj/hello --at 2m30s').stdout;
    expect(later).toContain(
      'Last Schedule Time:  Thu, 01 Jan 2026 00:02:00 +0000\nActive Jobs:         <none>\n',
    );
    // The Job it made names its controller; `-o name`'s job.batch/NAME is a TYPE/NAME kubectl takes back.
    const job = s.run('get jobs -o name --at 2m30s').stdout.split('\n')[1]!;
    expect(job).toMatch(/^job\.batch\/hello-\d+$/);
    expect(s.run(`describe ${job} --at 2m30s`).stdout).toMatch(/\nControlled By: +CronJob\/hello\n/);
  });
});
