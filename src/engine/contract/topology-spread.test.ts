/**
 * A Deployment's topologySpreadConstraints as kube-scheduler keeps them (PodTopologySpread, filter and
 * score): through the command interpreter, on three written Nodes.
 */
import { describe, expect, it } from 'vitest';
import { en, ko } from '../testing/render';
import { scene, sceneWithErrors } from '../testing/scene';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Item = any;

const node = (name: string, ip: string, extra = ''): string => `apiVersion: v1
kind: Node
metadata: { name: ${name} }
${extra}status: { addresses: [{ type: InternalIP, address: ${ip} }] }
`;
const NODES = [
  node('node-1', '192.168.49.2'),
  node('node-2', '192.168.49.3'),
  // Cordoned (kubectl cordon node-3).
  node('node-3', '192.168.49.4', 'spec: { unschedulable: true }\n'),
].join('---\n');

const web = (replicas: number, constraint: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      topologySpreadConstraints:
      - ${constraint}
      containers: [{ name: app, image: agnhost, ports: [{ containerPort: 8080 }] }]
`;
const BY_HOST =
  '{ maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }';
const nodesOf = (s: ReturnType<typeof scene>): string[] =>
  s.json('get pods -l app=web -o json').items.map((p: Item) => p.spec.nodeName ?? '-');

describe('PodTopologySpread: DoNotSchedule by hostname with a cordoned node', () => {
  const s = sceneWithErrors([NODES, web(3, BY_HOST)]);

  it('the cordoned node still counts as an empty domain, so the third replica stays Pending', () => {
    expect(nodesOf(s).sort()).toEqual(['-', 'node-1', 'node-2']);
    const pending: Item = s.json('get pods -l app=web -o json').items.find((p: Item) => !p.spec.nodeName);
    expect(pending.status.conditions).toEqual([
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message:
          "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match pod topology spread constraints. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
      }),
    ]);
  });

  it('warns at the Deployment’s topologySpreadConstraints and says how to relax them (en, ko)', () => {
    const d = s.env.diagnostics.filter((x) => x.code === 'pod.unschedulable');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      field: 'spec.template.spec.topologySpreadConstraints',
    });
    expect(en(d[0]!.hint)).toContain('nodeTaintsPolicy: Honor');
    expect(ko(d[0]!.hint)).toContain('maxSkew를 늘리거나');
  });

  it('nodeTaintsPolicy: Honor leaves the cordoned node out: all three run, 2 and 1', () => {
    const honor = scene([
      NODES,
      web(3, BY_HOST.replace('DoNotSchedule,', 'DoNotSchedule, nodeTaintsPolicy: Honor,')),
    ]);
    expect(nodesOf(honor).sort()).toEqual(['node-1', 'node-1', 'node-2']);
  });

  it('a topologyKey no node carries refuses every node', () => {
    const r = sceneWithErrors([NODES, web(1, BY_HOST.replace('kubernetes.io/hostname', 'rack'))]);
    const pod: Item = r.json('get pods -l app=web -o json').items[0];
    expect(pod.status.conditions[0].message).toBe(
      "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match pod topology spread constraints (missing required label). no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const d = r.env.diagnostics.find((x) => x.code === 'pod.unschedulable')!;
    expect(en(d.hint)).toContain('lacks its topologyKey label');
  });
});

describe('PodTopologySpread: ScheduleAnyway counts only the selector’s pods', () => {
  it('web spreads away from node-1’s own web pod, though node-1 has the fewest pods in all', () => {
    const busy = `apiVersion: v1
kind: Pod
metadata: { name: busy-1, labels: { app: other } }
spec: { nodeName: node-2, containers: [{ name: c, image: agnhost }] }
---
apiVersion: v1
kind: Pod
metadata: { name: busy-2, labels: { app: other } }
spec: { nodeName: node-2, containers: [{ name: c, image: agnhost }] }
---
apiVersion: v1
kind: Pod
metadata: { name: first, labels: { app: web } }
spec: { nodeName: node-1, containers: [{ name: c, image: agnhost }] }
`;
    const twoNodes = [node('node-1', '192.168.49.2'), node('node-2', '192.168.49.3')].join('---\n');
    const spread = web(1, BY_HOST.replace('DoNotSchedule', 'ScheduleAnyway'));
    const s = scene([twoNodes, busy, spread]);
    const placed = s.json('get pods -l app=web -o json').items.find((p: Item) => p.metadata.name !== 'first');
    // node-1: 1 pod, node-2: 2 pods; the spread score prefers node-2 (no app=web pod there).
    expect(placed.spec.nodeName).toBe('node-2');
  });
});
