import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { getCommand } from '../commands/get';
import type { Pod } from '../k8s/objects';
import { createWorld } from '../world';
import { HostPortUsage, podHostPorts } from './host-ports';
import { buildNodes } from './nodes';
import {
  ERR_HOST_PORTS,
  ERR_NODE_SELECTOR,
  ERR_UNSCHEDULABLE,
  failedScheduling,
  Scheduler,
} from './scheduler';
import { DEFAULT_CONFIG } from './state';
import { pod } from '../testing/cluster-objects';

const nodes = () => buildNodes([], DEFAULT_CONFIG).nodes;
const withHostPort = (
  name: string,
  hostPort: number,
  protocol: 'TCP' | 'UDP' = 'TCP',
  hostIP?: string,
): Pod => pod(name, {}, [{ containerPort: 80, hostPort, protocol, ...(hostIP ? { hostIP } : {}) }]);

describe('NodePorts filter (HostPortInfo.CheckConflict)', () => {
  it('conflicts on equal protocol/port when either host IP is 0.0.0.0 or both are equal', () => {
    const u = new HostPortUsage();
    u.add([{ hostIP: '10.0.0.1', protocol: 'TCP', hostPort: 80 }]);
    const ask = (hostIP: string, protocol = 'TCP', hostPort = 80) =>
      u.conflicts([{ hostIP, protocol, hostPort }]);
    expect(ask('10.0.0.1')).toBe(true);
    expect(ask('0.0.0.0')).toBe(true);
    expect(ask('10.0.0.2')).toBe(false);
    expect(ask('10.0.0.1', 'UDP')).toBe(false);
    expect(ask('10.0.0.1', 'TCP', 81)).toBe(false);
    u.add([{ hostIP: '0.0.0.0', protocol: 'UDP', hostPort: 53 }]);
    expect(ask('10.0.0.9', 'UDP', 53)).toBe(true);
  });

  it('asks only for container ports with a hostPort, defaulting protocol and host IP', () => {
    const p = pod('p', {}, [{ containerPort: 80 }, { containerPort: 53, hostPort: 5353, protocol: 'UDP' }]);
    expect(podHostPorts(p)).toEqual([{ hostIP: '0.0.0.0', protocol: 'UDP', hostPort: 5353 }]);
  });

  it('spreads same-hostPort pods over nodes, then leaves the next unschedulable', () => {
    const s = new Scheduler(nodes());
    const placed = ['a', 'b', 'c'].map((n) => s.place(withHostPort(n, 8080)).nodeName);
    expect(placed).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.place(withHostPort('udp', 8080, 'UDP')).nodeName).toBe('node-1');
    const d = s.place(withHostPort('d', 8080));
    expect(d.nodeName).toBeUndefined();
    expect(d.unschedulable).toBe(
      "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
    // A pod with a given nodeName holds its ports too; a pod without hostPorts goes anywhere.
    expect(s.place(pod('plain', {})).nodeName).toBe('node-2');
  });

  it('counts each node’s first failing filter, sorted as kube-scheduler prints them', () => {
    expect(failedScheduling(3, [ERR_NODE_SELECTOR, ERR_HOST_PORTS, ERR_UNSCHEDULABLE])).toBe(
      "0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
    expect(failedScheduling(0, [])).toBe('no nodes available to schedule pods');
  });

  it('a pod on a given node takes that node’s ports; finished pods hold none', () => {
    const s = new Scheduler(nodes());
    s.place({
      ...withHostPort('pinned', 80),
      spec: { ...withHostPort('pinned', 80).spec, nodeName: 'node-1' },
    });
    const done = withHostPort('done', 80);
    done.spec.nodeName = 'node-2';
    done.status = { phase: 'Succeeded' };
    s.place(done);
    expect(s.place(withHostPort('next', 80)).nodeName).toBe('node-2');
  });
});

describe('hostPort scheduling in a built cluster', () => {
  const scene = `apiVersion: apps/v1
kind: Deployment
metadata: { name: agent }
spec:
  replicas: 4
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: nginx
          ports:
            - containerPort: 80
              hostPort: 8080
`;
  const { cluster, diagnostics } = buildCluster([{ file: 'scene.yaml', text: scene }], { seed: 1 });
  const agents = cluster.pods.filter((p) => p.metadata.labels?.app === 'agent');

  it('puts three on three nodes and leaves the fourth Pending with no node and no IP', () => {
    expect(agents.map((p) => p.spec.nodeName ?? '-').sort()).toEqual(['-', 'node-1', 'node-2', 'node-3']);
    const pending = agents.find((p) => !p.spec.nodeName)!;
    expect(pending.status?.phase).toBe('Pending');
    expect(pending.status?.podIP).toBeUndefined();
    expect(pending.status?.conditions).toMatchObject([
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message:
          "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
      },
    ]);
    const out = getCommand(['pods', '-o', 'wide'], {
      cluster,
      world: createWorld(1),
      diagnostics,
      json: false,
      lang: 'en',
    });
    const row = out.stdout.split('\n').find((l) => l.startsWith(pending.metadata.name!))!;
    expect(row.split(/\s{2,}/).slice(1)).toEqual([
      '0/1',
      'Pending',
      '0',
      '0s',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ]);
  });

  it('warns on the Deployment’s hostPort with the scheduler’s message', () => {
    const d = diagnostics.filter((x) => x.code === 'pod.unschedulable');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      severity: 'warning',
      source: 'lint',
      kind: 'Deployment',
      name: 'agent',
      field: 'spec.template.spec.containers[0].ports[0].hostPort',
      line: 15,
    });
    expect(en(d[0]!.message)).toBe(
      "1 pod of Deployment agent stays Pending (FailedScheduling): 0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });
});
