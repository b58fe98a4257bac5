/**
 * Pod IP exhaustion (issue 17): more pods than a node's podCIDR has addresses. host-local IPAM fails CNI
 * ADD, so the pods beyond the range stay Pending in ContainerCreating with no IP, the kubelet records
 * FailedCreatePodSandBox, and the endpoint controllers leave them out.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { isPodReady } from '../k8s/pod';
import { buildNodes } from './nodes';
import { runPods } from './pod-status';
import { hostLocalRange, sandboxID } from './sandbox';
import { DEFAULT_CONFIG } from './state';
import { pod } from '../testing/cluster-objects';

describe('pod IP exhaustion', () => {
  it('a node’s 254th pod finds no address: Pending, ContainerCreating, no IP, and the CNI’s event', () => {
    const node = buildNodes([], DEFAULT_CONFIG).nodes[0]!;
    const pods = Array.from({ length: 255 }, (_, i) => {
      const p = pod(`p${i}`, { app: 'x' });
      p.spec.nodeName = node.metadata.name;
      return p;
    });
    const run = runPods(pods, [node], 0);
    // .2 … .254: 253 addresses (the network, the gateway .1 and the broadcast are never a pod's).
    expect(pods.filter((p) => p.status?.podIP).length).toBe(253);
    const last = pods[254]!;
    expect(last.status).toMatchObject({ phase: 'Pending', hostIP: '192.168.49.2' });
    expect(last.status?.podIP).toBeUndefined();
    expect(isPodReady(last)).toBe(false);
    expect(
      (last.status as { containerStatuses: { state: unknown; ready: boolean }[] }).containerStatuses[0],
    ).toMatchObject({ ready: false, state: { waiting: { reason: 'ContainerCreating' } } });
    expect(run.sandboxFailures.get('default/p254')).toBe(
      `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxID(last)}": ` +
        'plugin type="flannel" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.244.0.1-10.244.0.254',
    );
    expect(run.sandboxFailures.size).toBe(2); // p253 and p254
  });

  it('801 replicas on three /24 nodes: the pods beyond the ranges are ContainerCreating and no endpoint', () => {
    const s = scene(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 801
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`);
    const table = s.run('get pods -o wide').stdout.split('\n').slice(1).filter(Boolean);
    const creating = table.filter((l) => / 0\/1 +ContainerCreating +0 .* <none> +node-\d/.test(l));
    const running = table.filter((l) => / 1\/1 +Running /.test(l));
    // 3 × 253 addresses, less the two CoreDNS pods on the default nodes.
    expect(running.length).toBe(3 * 253 - 2);
    expect(creating.length).toBe(801 - running.length);
    const ep = s.json('get ep web -o json').items[0];
    expect(ep.subsets[0].addresses.length).toBe(running.length);
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
  });

  it('a pod with init containers that gets no sandbox waits in PodInitializing (kubectl: Init:0/2)', () => {
    const node = buildNodes([], DEFAULT_CONFIG).nodes[0]!;
    const inits = [
      { name: 'setup', image: 'busybox' },
      { name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', restartPolicy: 'Always' },
    ];
    const pods = Array.from({ length: 254 }, (_, i) => {
      const p = pod(`p${i}`, { app: 'x' }, [], { initContainers: inits });
      p.spec.nodeName = node.metadata.name;
      return p;
    });
    runPods(pods, [node], 0);
    const last = pods[253]!.status as {
      initContainerStatuses: unknown[];
      containerStatuses: unknown[];
      conditions: { type: string; status: string; message?: string }[];
    };
    expect(last.initContainerStatuses).toMatchObject([
      { name: 'setup', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } } },
      { name: 'proxy', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } } },
    ]);
    expect(last.containerStatuses).toMatchObject([{ state: { waiting: { reason: 'PodInitializing' } } }]);
    expect(last.conditions.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [setup proxy]',
    });
    // A running one: the init container completed, the sidecar runs and is ready.
    expect((pods[0]!.status as { initContainerStatuses: unknown[] }).initContainerStatuses).toMatchObject([
      { name: 'setup', ready: true, state: { terminated: { reason: 'Completed' } } },
      { name: 'proxy', ready: true, started: true, state: { running: {} } },
    ]);
  });

  it('hostLocalRange prints host-local’s default range for a subnet', () => {
    expect(hostLocalRange('10.244.1.0/24')).toBe('10.244.1.1-10.244.1.254');
    expect(hostLocalRange('10.0.0.0/30')).toBe('10.0.0.1-10.0.0.2');
  });
});
