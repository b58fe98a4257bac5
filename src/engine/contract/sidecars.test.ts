/**
 * Sidecar containers (init containers with `restartPolicy: Always`) as a cluster shows them, through the
 * CLI interpreter: kubectl's READY column counts them (printPod: 2/2 for one container and one sidecar),
 * the kubelet reports them in `initContainerStatuses` (running, started, ready as their readiness probe
 * says) beside the plain init containers that completed, a sidecar that is not ready makes the pod not
 * Ready (GenerateContainersReadyCondition lists it) and so not a ready endpoint, and the ports a sidecar's
 * program binds (the image catalogue) answer on the pod IP, loopback-only ones from inside the pod only.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const rows = (out: string): Record<string, string> =>
  Object.fromEntries(
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/))
      .map((c) => [c[0]!, `${c[1]} ${c[2]}`]),
  );

const pod = (name: string, initContainers: string, labels = '{ app: web }') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: ${labels} }
spec:
  initContainers:
${initContainers}
  containers:
    - name: app
      image: nginx:1.27
`;

const SETUP = `    - name: setup
      image: busybox:1.36
      command: [sh, -c, "cp /src/* /work/"]`;

const ENVOY = (probePort: number) => `    - name: proxy
      image: envoyproxy/envoy:v1.31.0
      restartPolicy: Always
      readinessProbe: { httpGet: { path: /ready, port: ${probePort} } }`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ name: http, port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox:1.36 }] }
---
`;

interface Status {
  name: string;
  ready: boolean;
  started: boolean;
  state: Record<string, { reason?: string; exitCode?: number }>;
}

describe('sidecars in READY, in the pod status and in readiness', () => {
  const s = scene(
    SERVICE +
      pod('ready', `${SETUP}\n${ENVOY(9901)}`) +
      '---\n' +
      pod('unready', `${SETUP}\n${ENVOY(15001)}`) +
      '---\n' +
      pod('plain-init', SETUP),
  );

  it('get pods counts the sidecar in the total and, when ready, in READY (kubectl printPod)', () => {
    expect(rows(s.run('get pods').stdout)).toEqual({
      client: '1/1 Running',
      'plain-init': '1/1 Running',
      ready: '2/2 Running',
      unready: '1/2 Running',
    });
  });

  it('status.initContainerStatuses: the plain init container completed, the sidecar runs', () => {
    const st = s.json('get pod ready -o json').items[0].status as {
      initContainerStatuses: Status[];
      containerStatuses: Status[];
    };
    expect(st.initContainerStatuses).toMatchObject([
      {
        name: 'setup',
        ready: true,
        started: false,
        state: { terminated: { exitCode: 0, reason: 'Completed' } },
      },
      { name: 'proxy', ready: true, started: true, state: { running: {} } },
    ]);
    expect(st.containerStatuses.map((c) => c.name)).toEqual(['app']);
    const yaml = s.run('get pod ready -o yaml').stdout;
    expect(yaml).toContain('  initContainerStatuses:\n  - image: busybox:1.36\n');
    // A pod without init containers has no initContainerStatuses, as the kubelet reports it.
    expect(s.json('get pod client -o json').items[0].status.initContainerStatuses).toBeUndefined();
  });

  it('a sidecar that is not ready makes the pod not Ready and a not-ready endpoint', () => {
    const st = s.json('get pod unready -o json').items[0].status as {
      initContainerStatuses: Status[];
      conditions: { type: string; status: string; message?: string }[];
    };
    expect(st.initContainerStatuses[1]).toMatchObject({ name: 'proxy', ready: false, started: true });
    const ready = st.conditions.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'False', message: 'containers with unready status: [proxy]' });
    const ep = s.json('get endpoints web -o json').items[0] as {
      subsets: {
        addresses?: { targetRef: { name: string } }[];
        notReadyAddresses?: { targetRef: { name: string } }[];
      }[];
    };
    const names = (l?: { targetRef: { name: string } }[]) => (l ?? []).map((a) => a.targetRef.name).sort();
    expect(names(ep.subsets.flatMap((x) => x.addresses ?? []))).toEqual(['plain-init', 'ready']);
    expect(names(ep.subsets.flatMap((x) => x.notReadyAddresses ?? []))).toEqual(['unready']);
  });
});

describe("a sidecar's ports (image catalogue)", () => {
  const LINKERD = `    - name: linkerd-proxy
      image: cr.l5d.io/linkerd/proxy:edge-24.11.8
      restartPolicy: Always
      env: [{ name: LINKERD2_PROXY_ADMIN_LISTEN_ADDR, value: "0.0.0.0:4191" }]
      readinessProbe: { httpGet: { path: /ready, port: 4191 } }`;
  const s = scene(`apiVersion: v1
kind: Service
metadata: { name: meshed }
spec:
  selector: { app: meshed }
  ports: [{ name: inbound, port: 4143 }, { name: outbound, port: 4140 }, { name: app, port: 80 }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox:1.36 }] }
---
${pod('meshed', LINKERD, '{ app: meshed }')}`);

  it('the Linkerd proxy is ready (admin on 0.0.0.0:4191) and its inbound port answers through the Service', () => {
    expect(rows(s.run('get pods').stdout).meshed).toBe('2/2 Running');
    expect(s.run('exec client -- curl -s -m 2 http://meshed:4143/').exitCode).toBe(0);
    expect(s.run('exec client -- curl -s -m 2 http://meshed/').exitCode).toBe(0);
  });

  it('its outbound listener binds 127.0.0.1:4140: refused through the Service, open from inside the pod', () => {
    const r = s.run('exec client -- curl -v -m 2 http://meshed:4140/');
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toContain('curl: (7) Failed to connect to meshed port 4140');
    expect(s.run('exec meshed -- curl -s -m 2 http://127.0.0.1:4140/').exitCode).toBe(0);
  });
});

describe('READY and STATUS for init containers as kubectl prints them (given statuses)', () => {
  const given = (name: string, init: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: node-1
  initContainers:
${SETUP}
${ENVOY(9901)}
  containers: [{ name: app, image: nginx:1.27 }]
status:
  phase: Pending
  conditions: [{ type: Initialized, status: "False" }]
  initContainerStatuses:
${init}
`;
  const s = scene(
    [
      given(
        'waiting',
        `    - { name: setup, ready: false, state: { waiting: { reason: PodInitializing } } }
    - { name: proxy, ready: false, started: false, state: { waiting: { reason: PodInitializing } } }`,
      ),
      given(
        'second',
        `    - { name: setup, ready: true, state: { terminated: { exitCode: 0, reason: Completed } } }
    - { name: proxy, ready: false, started: false, state: { waiting: { reason: PodInitializing } } }`,
      ),
      given(
        'crashing',
        `    - { name: setup, ready: false, state: { waiting: { reason: CrashLoopBackOff } } }
    - { name: proxy, ready: false, started: false, state: { waiting: {} } }`,
      ),
      given(
        'failed',
        `    - { name: setup, ready: false, state: { terminated: { exitCode: 2, reason: Error } } }
    - { name: proxy, ready: false, started: false, state: { waiting: {} } }`,
      ),
    ].join('---\n'),
  );

  it('Init:N/M, Init:<waiting reason>, Init:<terminated reason>; the sidecar counts in the total', () => {
    const r = rows(s.run('get pods').stdout);
    expect(r.waiting).toBe('0/2 Init:0/2');
    expect(r.second).toBe('0/2 Init:1/2');
    expect(r.crashing).toBe('0/2 Init:CrashLoopBackOff');
    expect(r.failed).toBe('0/2 Init:Error');
  });
});

describe('a Job whose pod has a sidecar', () => {
  const s = scene(`apiVersion: batch/v1
kind: Job
metadata: { name: once }
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - { name: log-shipper, image: fluent/fluent-bit:3.1, restartPolicy: Always }
      containers:
        - { name: work, image: busybox:1.36, command: [sh, -c, "echo done"] }
`);

  it('completes: 0/2 Completed, the sidecar stopped after the work container exited', () => {
    const out = s.run('get pods').stdout.trim().split('\n')[1]!.split(/\s+/);
    expect(out.slice(1, 3)).toEqual(['0/2', 'Completed']);
    const st = s.json('get pods -o json').items[0].status as { initContainerStatuses: Status[] };
    expect(st.initContainerStatuses).toMatchObject([
      { name: 'log-shipper', ready: false, started: false, state: { terminated: { exitCode: 0 } } },
    ]);
  });
});
