import { describe, expect, it } from 'vitest';
import type { Pod } from '../k8s/objects';
import { buildNodes } from './nodes';
import { isPodReady } from '../k8s/pod';
import { runPods, unreadyFromConditions } from './pod-status';
import { DEFAULT_CONFIG } from './state';
import { pod } from '../testing/cluster-objects';

const nodes = (): ReturnType<typeof buildNodes>['nodes'] => buildNodes([], DEFAULT_CONFIG).nodes;

describe('runPods', () => {
  it('spreads pods over nodes (fewest pods, then name) and allocates .2, .3 … per node', () => {
    const pods = ['a', 'b', 'c', 'd'].map((n) => pod(n, { app: 'x' }));
    runPods(pods, nodes(), 0);
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['node-1', 'node-2', 'node-3', 'node-1']);
    expect(pods.map((p) => p.status?.podIP)).toEqual([
      '10.244.0.2',
      '10.244.1.2',
      '10.244.2.2',
      '10.244.0.3',
    ]);
    expect(pods.map((p) => p.status?.hostIP)).toEqual([
      '192.168.49.2',
      '192.168.49.3',
      '192.168.49.4',
      '192.168.49.2',
    ]);
    expect(pods.every(isPodReady)).toBe(true);
    expect(pods[0]!.status?.phase).toBe('Running');
  });

  it('honours nodeName, nodeSelector, hostNetwork and given podIPs', () => {
    const a = pod('a', {}, [], { nodeName: 'node-3' });
    const b = pod('b', {}, [], { nodeSelector: { 'topology.kubernetes.io/zone': 'zone-b' } });
    const c = pod('c', {}, [], { hostNetwork: true });
    const d: Pod = { ...pod('d', {}), status: { podIP: '10.244.0.2' } };
    const e = pod('e', {}, [], { nodeSelector: { disk: 'ssd' } });
    runPods([a, b, c, d, e], nodes(), 0);
    expect(a.spec.nodeName).toBe('node-3');
    expect(b.spec.nodeName).toBe('node-3');
    expect(c.spec.nodeName).toBe('node-1');
    expect(c.status?.podIP).toBe('192.168.49.2');
    expect(d.status?.podIP).toBe('10.244.0.2');
    expect(a.status?.podIP).toBe('10.244.2.2');
    expect(e.status?.phase).toBe('Pending');
    expect(e.status?.podIP).toBeUndefined();
    expect(e.status?.conditions?.[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message:
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    });
  });

  it('readiness probes fail on ports nobody listens on the pod IP', () => {
    // An image svclab does not know listens on its declared ports (nginx would bind 80, not 8080).
    const unknownImage = (p: Pod): Pod => {
      p.spec.containers[0]!.image = 'registry.example/app:1';
      return p;
    };
    const good = unknownImage(pod('good', {}, [{ containerPort: 8080, name: 'http' }]));
    good.spec.containers[0]!.readinessProbe = { httpGet: { path: '/healthz', port: 'http' } };
    const bad = unknownImage(pod('bad', {}, [{ containerPort: 8080 }]));
    bad.spec.containers[0]!.readinessProbe = { httpGet: { path: '/healthz', port: 9090 } };
    const loop = unknownImage(pod('loop', {}, [{ containerPort: 8080 }]));
    loop.metadata.annotations = { 'svclab.io/listen': '127.0.0.1:8080' };
    loop.spec.containers[0]!.readinessProbe = { tcpSocket: { port: 8080 } };
    const exec = pod('exec', {}, []);
    exec.spec.containers[0]!.readinessProbe = { exec: { command: ['true'] } };
    const forced = pod('forced', {}, []);
    forced.metadata.annotations = { 'svclab.io/ready': 'false' };
    const run = runPods([good, bad, loop, exec, forced], nodes(), 0);
    expect([good, bad, loop, exec, forced].map(isPodReady)).toEqual([true, false, false, true, false]);
    expect(run.probes.get('default/bad')?.get('app')?.message).toBe(
      'Get "http://10.244.1.2:9090/healthz": dial tcp 10.244.1.2:9090: connect: connection refused',
    );
    expect(run.probes.get('default/loop')?.get('app')?.message).toBe(
      'dial tcp 10.244.2.2:8080: connect: connection refused',
    );
    const ready = bad.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
  });

  it('a probe on a well-known image’s declared port fails when its program binds elsewhere', () => {
    // nginx binds 80 whatever its ports list says: a probe on the declared 8080 is refused, one on 80 passes.
    const declared = pod('declared', {}, [{ containerPort: 8080, name: 'http' }]);
    declared.spec.containers[0]!.readinessProbe = { httpGet: { path: '/', port: 'http' } };
    const real = pod('real', {}, [{ containerPort: 8080 }]);
    real.spec.containers[0]!.readinessProbe = { httpGet: { path: '/', port: 80 } };
    const run = runPods([declared, real], nodes(), 0);
    expect([declared, real].map(isPodReady)).toEqual([false, true]);
    expect(run.probes.get('default/declared')?.get('app')?.message).toMatch(
      /^Get "http:\/\/10\.244\.\d+\.\d+:8080\/": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/,
    );
  });

  it('keeps a given status (conditions, phase) as kubectl dumps it', () => {
    const p: Pod = {
      ...pod('p', {}),
      status: { phase: 'Running', podIP: '10.244.9.9', conditions: [{ type: 'Ready', status: 'False' }] },
    };
    runPods([p], nodes(), 0);
    expect(p.status?.podIP).toBe('10.244.9.9');
    expect(isPodReady(p)).toBe(false);
    expect(p.status?.conditions).toHaveLength(1);
  });

  it('given conditions without containerStatuses decide each container’s ready (readiness gates aside)', () => {
    const two = pod('two', {});
    two.spec.containers.push({ name: 'side', image: 'busybox' });
    const f = (conds: object[]) => unreadyFromConditions(two, conds as never);
    expect(f([{ type: 'Ready', status: 'False' }])).toEqual(new Set(['app', 'side']));
    expect(f([{ type: 'Ready', status: 'True' }])).toEqual(new Set());
    expect(
      f([{ type: 'Ready', status: 'False', message: 'containers with unready status: [side]' }]),
    ).toEqual(new Set(['side']));
    expect(f([{ type: 'PodScheduled', status: 'True' }])).toBeUndefined();
    // With readiness gates, Ready=False may come from a gate: only ContainersReady speaks for containers.
    (two.spec as { readinessGates?: unknown[] }).readinessGates = [{ conditionType: 'example.com/lb' }];
    expect(f([{ type: 'Ready', status: 'False' }])).toBeUndefined();
    expect(
      f([
        { type: 'Ready', status: 'False' },
        { type: 'ContainersReady', status: 'True' },
      ]),
    ).toEqual(new Set());
  });
});
