import { describe, expect, it } from 'vitest';
import { isPodReady } from '../k8s/pod';
import { scene } from '../testing/scene';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: agnhost
          ports: [{ containerPort: 8080 }]
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
            periodSeconds: 5
            failureThreshold: 2
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  nodeName: node-1
  containers: [{ name: c, image: dnsutils }]
`;

const timeline = (events: string) =>
  `${WEB}---\napiVersion: svclab.io/v1alpha1\nkind: Timeline\nmetadata: { name: t }\nevents:\n${events}`;

/** The scene's web pods at an instant, through the interpreter as the CLI runs it. */
function podsAt(yaml: string, at: string) {
  return scene(yaml)
    .json(`get pods --at ${at} -o json`)
    .items.filter((p: { metadata: { name: string } }) => p.metadata.name.startsWith('web-'));
}

function readyEndpoints(yaml: string, at: string): number {
  const slices = scene(yaml).json(`get endpointslices --at ${at} -o json`).items;
  return slices
    .filter(
      (s: { metadata: { labels: Record<string, string> } }) =>
        s.metadata.labels['kubernetes.io/service-name'] === 'web',
    )
    .flatMap((s: { endpoints?: { conditions: { ready: boolean } }[] }) => s.endpoints ?? [])
    .filter((e: { conditions: { ready: boolean } }) => e.conditions.ready).length;
}

describe('NodeStopped: grace period 50 s, then eviction after tolerationSeconds 300 s', () => {
  const yaml = timeline('  - { at: 10s, fault: NodeStopped, node: node-2 }\n');
  const onNode2 = () =>
    scene(yaml).env.cluster.pods.filter(
      (p) => p.spec.nodeName === 'node-2' && p.metadata.name!.startsWith('web-'),
    );

  it('the node stays Ready and its pods stay endpoints until 10 s + 50 s', () => {
    expect(onNode2().length).toBeGreaterThan(0);
    expect(readyEndpoints(yaml, '59s')).toBe(3);
    const node = (at: string) => scene(yaml).json(`get nodes node-2 --at ${at} -o json`);
    const ready = (at: string) => node(at).items?.[0]?.status.conditions ?? node(at).status.conditions;
    expect(ready('59s').find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
    expect(ready('60s').find((c: { type: string }) => c.type === 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
    });
    expect(readyEndpoints(yaml, '60s')).toBe(3 - onNode2().length);
  });
  it('a request to a pod on the stopped node times out while kube-proxy still lists it', () => {
    const s = scene(yaml);
    const pod = onNode2()[0]!;
    const r = s.json(`curl --at 30s --from pod/client http://${pod.status!.podIP}:8080/ -o json`);
    expect(r.outcome).toBe('timeout');
    expect(r.explanation).toContain('node-2 is stopped');
    // Before the fault it answers.
    expect(
      scene(yaml).json(`curl --at 5s --from pod/client http://${pod.status!.podIP}:8080/ -o json`).outcome,
    ).toBe('delivered');
    // NodePort on the stopped node: lost too.
    const ip = s.env.cluster.nodes.find((n) => n.metadata.name === 'node-2')!.status!.addresses![0]!.address;
    expect(scene(yaml).json(`curl --at 30s --from external http://${ip}:30080/ -o json`).outcome).toBe(
      'timeout',
    );
  });
  it('evicts at 10 + 50 + 300 s; the ReplicaSet’s replacements run on other nodes and are endpoints', () => {
    const before = podsAt(yaml, '359s');
    expect(before).toHaveLength(3);
    const after = podsAt(yaml, '360s');
    const terminating = after.filter(
      (p: { metadata: { deletionTimestamp?: string } }) => p.metadata.deletionTimestamp,
    );
    expect(terminating.length).toBe(onNode2().length);
    const fresh = after.filter(
      (p: { metadata: { name: string } }) =>
        !before.some((b: { metadata: { name: string } }) => b.metadata.name === p.metadata.name),
    );
    expect(fresh.length).toBe(onNode2().length);
    for (const p of fresh) expect(p.spec.nodeName).not.toBe('node-2');
    expect(readyEndpoints(yaml, '360s')).toBe(3);
  });
  it('lists the chain as events with their instants (en and ko)', () => {
    const t = scene(yaml).json('timeline -o json');
    expect(
      t.events.map((e: { at: number; messageMsg: { id: string } }) => [e.at, e.messageMsg.id]).slice(0, 3),
    ).toEqual([
      [10, 'timeline.nodeStopped'],
      [60, 'timeline.nodeNotReady'],
      [360, 'timeline.podEvicted'],
    ]);
    const text = scene(yaml).run('timeline --at 1m').stdout;
    expect(text).toMatch(/^TIME +EVENT\n10s +! Node node-2 stops/);
    expect(text).toContain('── now: 60s ──');
    const s = scene(yaml);
    expect(s.run('--at 1m timeline').stdout).toBe(text);
    expect(scene(yaml).run('timeline').stdout).toMatch(/── now: 0s ──\n10s/);
    s.env.lang = 'ko';
    expect(s.run('timeline').stdout).toContain('노드 node-2가 멈춥니다');
  });
  it('a pod that tolerates unreachable longer is evicted later', () => {
    const y = timeline('  - { at: 0s, fault: NodeStopped, node: node-2 }\n').replace(
      '      containers:\n        - name: web',
      '      tolerations: [{ key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30 }]\n      containers:\n        - name: web',
    );
    const t = scene(y).json('timeline -o json');
    expect(
      t.events.find((e: { messageMsg: { id: string } }) => e.messageMsg.id === 'timeline.podEvicted').at,
    ).toBe(80);
  });
});

describe('ReadinessFailing: failureThreshold × periodSeconds of the scene’s probe', () => {
  it('uses the probe’s own settings (2 × 5 s) and drops the endpoint', () => {
    const pod = scene(WEB).env.cluster.pods.find((p) => p.metadata.name!.startsWith('web-'))!.metadata.name!;
    const yaml = timeline(`  - { at: 20s, fault: ReadinessFailing, pod: ${pod} }\n`);
    expect(readyEndpoints(yaml, '29s')).toBe(3);
    expect(readyEndpoints(yaml, '30s')).toBe(2);
    const p = scene(yaml).json(`get pod ${pod} --at 30s -o json`);
    expect(isPodReady(p.items?.[0] ?? p)).toBe(false);
  });
  it('defaults to 3 × 10 s', () => {
    const y = WEB.replace('            periodSeconds: 5\n            failureThreshold: 2\n', '');
    const pod = scene(y).env.cluster.pods.find((p) => p.metadata.name!.startsWith('web-'))!.metadata.name!;
    const yaml = `${y}---\napiVersion: svclab.io/v1alpha1\nkind: Timeline\nevents:\n  - { at: 0s, fault: ReadinessFailing, pod: ${pod} }\n`;
    const readyAt = (at: string) => readyEndpoints(yaml, at);
    expect([readyAt('29s'), readyAt('30s')]).toEqual([3, 2]);
  });
  it('without a readiness probe nothing notices', () => {
    const yaml = timeline('  - { at: 0s, fault: ReadinessFailing, pod: client }\n');
    expect(scene(yaml).json('timeline -o json').events[0].messageMsg.id).toBe('timeline.noReadinessProbe');
  });
});

describe('PodDeleted and ContainerCrashed', () => {
  const pod = () => scene(WEB).env.cluster.pods.find((p) => p.metadata.name!.startsWith('web-'))!;
  it('a deleted pod is Terminating (not an endpoint), replaced at once, gone after 30 s', () => {
    const name = pod().metadata.name!;
    const yaml = timeline(`  - { at: 5s, fault: PodDeleted, pod: ${name} }\n`);
    expect(podsAt(yaml, '5s')).toHaveLength(4);
    expect(readyEndpoints(yaml, '5s')).toBe(3);
    expect(podsAt(yaml, '35s').some((p: { metadata: { name: string } }) => p.metadata.name === name)).toBe(
      false,
    );
    expect(podsAt(yaml, '35s')).toHaveLength(3);
  });
  it('a crashed container refuses connections, is not ready, and is back after the 10 s back-off', () => {
    const p = pod();
    const yaml = timeline(`  - { at: 5s, fault: ContainerCrashed, pod: ${p.metadata.name} }\n`);
    const curl = (at: string) =>
      scene(yaml).json(`curl --at ${at} --from pod/client http://${p.status!.podIP}:8080/ -o json`).outcome;
    expect([curl('4s'), curl('5s'), curl('15s')]).toEqual(['delivered', 'refused', 'delivered']);
    expect([readyEndpoints(yaml, '5s'), readyEndpoints(yaml, '15s')]).toEqual([2, 3]);
  });
});

describe('the Timeline document', () => {
  it('reports mistakes on their line and field', () => {
    const s = scene(WEB);
    void s;
    expect(() => scene(timeline('  - { at: soon, fault: NodeStopped, node: node-2 }\n'))).toThrow(
      /at must be a duration/,
    );
    expect(() => scene(timeline('  - { at: 1s, fault: NodeExploded, node: node-2 }\n'))).toThrow(
      /fault must be one of/,
    );
    expect(() => scene(timeline('  - { at: 1s, fault: PodDeleted }\n'))).toThrow(/PodDeleted needs pod/);
  });
  it('--at refuses what is not a duration', () => {
    expect(scene(WEB).run('get pods --at later').exitCode).toBe(2);
  });
});
