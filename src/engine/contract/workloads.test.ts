/**
 * StatefulSet, DaemonSet, Job and HorizontalPodAutoscaler through the CLI interpreter, as a cluster runs
 * them (issue 18 item 2): names, labels and per-pod DNS of a StatefulSet behind its headless Service,
 * OrderedReady waiting on a pod that is not ready, one daemon pod per eligible node (taints, tolerations,
 * node selectors), Job pods that complete and are never endpoints, an autoscaler's minReplicas.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { en, ko } from '../testing/render';
import { scene } from '../testing/scene';

/** The fields of `get -o json` items these tests read. */
interface Item {
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { nodeName?: string; hostname?: string };
}

const CASSANDRA = `apiVersion: v1
kind: Service
metadata: { name: cassandra, labels: { app: cassandra } }
spec:
  clusterIP: None
  ports: [{ port: 9042 }]
  selector: { app: cassandra }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: cassandra, labels: { app: cassandra } }
spec:
  serviceName: cassandra
  replicas: 3
  selector: { matchLabels: { app: cassandra } }
  template:
    metadata: { labels: { app: cassandra } }
    spec:
      containers:
        - name: cassandra
          image: gcr.io/google-samples/cassandra:v13
          ports: [{ containerPort: 9042, name: cql }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
`;

const NODES = `apiVersion: v1
kind: Node
metadata: { name: cp, labels: { node-role.kubernetes.io/control-plane: "" } }
spec: { taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }] }
---
apiVersion: v1
kind: Node
metadata: { name: w1 }
---
apiVersion: v1
kind: Node
metadata: { name: w2, labels: { disktype: ssd } }
`;

const daemonSet = (name: string, spec = ''): string => `---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { name: ${name} } }
  template:
    metadata: { labels: { name: ${name} } }
    spec:
${spec}      containers: [{ name: c, image: fluentd }]
`;

const errorsOf = (yaml: string): string[] =>
  buildCluster([{ file: 'scene.yaml', text: yaml }], { seed: 1 })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => (typeof d.message === 'string' ? d.message : en(d.message)));

describe('StatefulSet', () => {
  it('makes cassandra-0..2 with the controller labels, hostname and subdomain', () => {
    const s = scene(CASSANDRA);
    const pods = s.json('get pods -l app=cassandra -o json').items;
    expect(pods.map((p: Item) => p.metadata.name)).toEqual(['cassandra-0', 'cassandra-1', 'cassandra-2']);
    const p1 = pods[1];
    expect(p1.metadata.labels['statefulset.kubernetes.io/pod-name']).toBe('cassandra-1');
    expect(p1.metadata.labels['apps.kubernetes.io/pod-index']).toBe('1');
    expect(p1.metadata.labels['controller-revision-hash']).toMatch(/^cassandra-[0-9a-z]+$/);
    expect(p1.metadata.ownerReferences[0]).toMatchObject({
      kind: 'StatefulSet',
      name: 'cassandra',
      controller: true,
    });
    expect(p1.spec).toMatchObject({ hostname: 'cassandra-1', subdomain: 'cassandra' });
    expect(s.run('get sts').stdout).toBe('NAME        READY   AGE\ncassandra   3/3     0s\n');
  });

  it('gives each pod its DNS name through the headless Service, and its EndpointSlice hostname', () => {
    const s = scene(CASSANDRA);
    const ip = (name: string) => s.json(`get pod ${name} -o json`).items[0].status.podIP;
    expect(s.run('exec client -- dig +short cassandra-0.cassandra.default.svc.cluster.local').stdout).toBe(
      `${ip('cassandra-0')}\n`,
    );
    expect(s.run('exec client -- dig +short cassandra-2.cassandra').exitCode).toBe(0);
    const slice = s.json('get endpointslices -l kubernetes.io/service-name=cassandra -o json').items[0];
    expect(slice.endpoints.map((e: { hostname?: string }) => e.hostname).sort()).toEqual([
      'cassandra-0',
      'cassandra-1',
      'cassandra-2',
    ]);
    const r = s.json('exec client -- curl http://cassandra-1.cassandra:9042/ -o json');
    expect(r.backend.pod).toBe('default/cassandra-1');
  });

  it('OrderedReady waits on a pod that is not ready; Parallel makes them all', () => {
    // The cassandra image binds 7000, 7001, 7199 and 9042 (image-ports.ts), declared or not: a probe on
    // 7000 passes, so all three pods are made; a probe on 8080, where nothing in the image binds, never does.
    const probed = (port: number) =>
      CASSANDRA.replace(
        'ports: [{ containerPort: 9042, name: cql }]',
        `ports: [{ containerPort: 9042, name: cql }]\n          readinessProbe: { tcpSocket: { port: ${port} } }`,
      );
    expect(scene(probed(7000)).run('get sts').stdout).toBe(
      'NAME        READY   AGE\ncassandra   3/3     0s\n',
    );
    const unready = probed(8080);
    const built = buildCluster([{ file: 'scene.yaml', text: unready }], { seed: 1 });
    expect(
      built.cluster.pods.filter((p) => p.metadata.name?.startsWith('cassandra-')).map((p) => p.metadata.name),
    ).toEqual(['cassandra-0']);
    const lint = built.diagnostics.find((d) => d.code === 'workload.statefulSetWaiting')!;
    expect(lint).toMatchObject({ severity: 'warning', field: 'spec.replicas' });
    expect(en(lint.message as never)).toContain('cassandra-0 is not ready');
    expect(ko(lint.message as never)).toContain('cassandra-0');
    const parallel = scene(unready.replace('replicas: 3', 'replicas: 3\n  podManagementPolicy: Parallel'));
    expect(parallel.run('get sts').stdout).toBe('NAME        READY   AGE\ncassandra   0/3     0s\n');
    expect(parallel.json('get pods -l app=cassandra -o json').items).toHaveLength(3);
  });

  it('starts at spec.ordinals.start', () => {
    const s = scene(CASSANDRA.replace('replicas: 3', 'replicas: 2\n  ordinals: { start: 5 }'));
    expect(s.json('get pods -l app=cassandra -o json').items.map((p: Item) => p.metadata.name)).toEqual([
      'cassandra-5',
      'cassandra-6',
    ]);
  });
});

describe('DaemonSet', () => {
  it('one pod per node, not on the control plane unless it tolerates the taint', () => {
    const s = scene(
      NODES +
        daemonSet('fluentd') +
        daemonSet(
          'all',
          '      tolerations: [{ key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }]\n',
        ),
    );
    const nodesOf = (name: string) =>
      s
        .json(`get pods -l name=${name} -o json`)
        .items.map((p: Item) => p.spec.nodeName)
        .sort();
    expect(nodesOf('fluentd')).toEqual(['w1', 'w2']);
    expect(nodesOf('all')).toEqual(['cp', 'w1', 'w2']);
    expect(s.run('get ds fluentd').stdout).toBe(
      'NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n' +
        'fluentd   2         2         2       2            2           <none>          0s\n',
    );
    const pod = s.json('get pods -l name=fluentd -o json').items[0];
    expect(pod.metadata.labels).toMatchObject({ 'pod-template-generation': '1' });
    expect(pod.metadata.labels['controller-revision-hash']).toMatch(/^[0-9a-z]+$/);
    expect(
      pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec.nodeName] }] }]);
    expect(pod.spec.tolerations).toContainEqual({
      key: 'node.kubernetes.io/unschedulable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  });

  it('honours nodeSelector; a DaemonSet that fits no node says why', () => {
    const s = scene(NODES + daemonSet('ssd', '      nodeSelector: { disktype: ssd }\n'));
    expect(s.json('get pods -l name=ssd -o json').items.map((p: Item) => p.spec.nodeName)).toEqual(['w2']);
    const none = buildCluster(
      [{ file: 's.yaml', text: NODES + daemonSet('gpu', '      nodeSelector: { gpu: "true" }\n') }],
      { seed: 1 },
    );
    const lint = none.diagnostics.find((d) => d.code === 'workload.daemonSetNoNode')!;
    expect(en(lint.message as never)).toBe(
      'DaemonSet gpu runs no pod: none of the 3 nodes matches its nodeSelector or node affinity, or each has a NoSchedule/NoExecute taint its pods do not tolerate.',
    );
  });
});

describe('the scheduler and taints', () => {
  it('a Pod that does not tolerate a taint stays Pending with the scheduler reason', () => {
    const tainted = NODES.replace(
      'metadata: { name: w1 }',
      'metadata: { name: w1 }\nspec: { taints: [{ key: dedicated, value: db, effect: NoExecute }] }',
    ).replace(
      'metadata: { name: w2, labels: { disktype: ssd } }',
      'metadata: { name: w2, labels: { disktype: ssd } }\nspec: { unschedulable: true }',
    );
    const s = scene(
      `${tainted}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: c, image: nginx }] }\n`,
    );
    const pod = s.json('get pod p -o json').items[0];
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.conditions[0].message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

const JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: pi }
spec:
  completions: 3
  template:
    metadata: { labels: { app: pi } }
    spec:
      restartPolicy: Never
      containers: [{ name: pi, image: perl:5.34.0, command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"], ports: [{ containerPort: 8080 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: pi }
spec: { selector: { app: pi }, ports: [{ port: 80, targetPort: 8080 }] }
`;

describe('Job', () => {
  it('runs its pods to completion: Completed, labelled, never endpoints', () => {
    const s = scene(JOB);
    const job = s.json('get job pi -o json').items[0];
    const uid = job.metadata.uid;
    expect(job.spec.selector.matchLabels).toEqual({ 'batch.kubernetes.io/controller-uid': uid });
    const pods = s.json('get pods -l job-name=pi -o json').items;
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
      expect(p.metadata.labels).toMatchObject({
        'batch.kubernetes.io/job-name': 'pi',
        'batch.kubernetes.io/controller-uid': uid,
        'controller-uid': uid,
        'job-name': 'pi',
      });
      expect(p.status.phase).toBe('Succeeded');
    }
    expect(s.run('get pods').stdout).toMatch(/pi-[a-z0-9]{5}\s+0\/1\s+Completed\s+0\s+0s/);
    expect(s.run('get jobs').stdout).toBe(
      'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   3/3           0s         0s\n',
    );
    expect(
      s.json('get endpointslices -l kubernetes.io/service-name=pi -o json').items[0].endpoints ?? [],
    ).toEqual([]);
  });

  it('Indexed: one pod per index with its hostname and completion index', () => {
    const s = scene(JOB.replace('completions: 3', 'completions: 2\n  completionMode: Indexed'));
    const pods = s.json('get pods -l job-name=pi -o json').items;
    expect(pods.map((p: Item) => p.spec.hostname)).toEqual(['pi-0', 'pi-1']);
    expect(pods[1].metadata.name).toMatch(/^pi-1-[a-z0-9]{5}$/);
    expect(pods[1].metadata.annotations['batch.kubernetes.io/job-completion-index']).toBe('1');
  });

  it('a Job whose pods restart Always is refused with the API server wording', () => {
    expect(errorsOf(JOB.replace('restartPolicy: Never', 'restartPolicy: Always'))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });
});

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 3
  maxReplicas: 10
`;

describe('HorizontalPodAutoscaler', () => {
  it('scales a target below minReplicas up to it', () => {
    const s = scene(WEB);
    expect(s.json('get pods -l app=web -o json').items).toHaveLength(3);
    expect(s.run('get hpa').stdout).toBe(
      'NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
        'web    Deployment/web   cpu: <unknown>/80%   3         10        3          0s\n',
    );
    expect(s.run('get deploy web').stdout).toContain('web    3/3');
    const info = s.env.diagnostics.find((d) => d.code === 'workload.hpaScaled')!;
    expect(en(info.message as never)).toContain('from 1 to 3 replicas');
  });

  it('maxReplicas below minReplicas is refused', () => {
    expect(errorsOf(WEB.replace('maxReplicas: 10', 'maxReplicas: 2'))).toEqual([
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    ]);
  });
});

describe('apps validation of the new kinds', () => {
  it('an empty StatefulSet selector names the kind', () => {
    const errs = errorsOf(CASSANDRA.replace('selector: { matchLabels: { app: cassandra } }', 'selector: {}'));
    expect(errs).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
    );
  });
});
