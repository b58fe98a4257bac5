import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { forUi } from '../../worker/ui-cluster';
import { viewCluster } from './cluster-view';
import { flowEdges, flowNodes } from './flow-elements';
import { highlightFor } from './highlight';
import { podRows } from './pod-groups';
import { toFlowGraph } from './to-flow-graph';

const deployment = (name: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: app, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app: ${name} }, ports: [{ port: 80 }] }
`;

// The page reads the worker's slim copy: the grouping must work from it.
const { cluster: built } = buildCluster([
  { file: 'scene.yaml', text: `${deployment('web', 200)}---\n${deployment('api', 3)}` },
]);
const cluster = forUi(built);
const view = viewCluster(cluster);
const webPods = view.pods.filter((p) => p.name.startsWith('web-'));

describe('pod groups: a big workload is one box per node', () => {
  it('reads each pod’s workload through its ReplicaSet, from the page’s slim copy', () => {
    expect(webPods).toHaveLength(200);
    expect(webPods[0]!.workload).toEqual({ kind: 'Deployment', name: 'web' });
    expect(view.pods.find((p) => p.name === 'client' || p.name.startsWith('coredns-'))?.workload).toEqual({
      kind: 'Deployment',
      name: 'coredns',
    });
  });

  it('folds the 200 pods of web into a box per node with its count and tally; api’s 3 pods stay pods', () => {
    const { rows, shownAs, groupOf } = podRows(view, new Set());
    const groups = [...rows.values()].flat().flatMap((r) => (r.kind === 'group' ? [r.group] : []));
    expect(groups.map((g) => g.name)).toEqual(view.nodes.map(() => 'web'));
    expect(groups.reduce((n, g) => n + g.pods.length, 0)).toBe(200);
    expect(groups.every((g) => g.ready === g.pods.length && !g.expanded)).toBe(true);
    // Each box says its share of the one workload: the boxes on other nodes hold the rest.
    expect(groups.every((g) => g.total === 200 && g.pods.length < 200)).toBe(true);
    expect(shownAs.size).toBe(200);
    expect(groupOf.size).toBe(200);
    const shownPods = [...rows.values()].flat().filter((r) => r.kind === 'pod');
    expect(shownPods.filter((r) => r.kind === 'pod' && r.pod.name.startsWith('api-'))).toHaveLength(3);

    const graph = toFlowGraph(cluster);
    expect(graph.nodes.filter((n) => n.type === 'pod' && n.id.startsWith('pod/default/web-'))).toEqual([]);
    expect(graph.nodes.filter((n) => n.type === 'pod-group')).toHaveLength(view.nodes.length);
    // Every endpoint of web links to its group's box, once per box.
    const webEdges = graph.edges.filter(
      (e) => e.source === 'Service/default/web' && e.className?.startsWith('edge-endpoint'),
    );
    expect(webEdges.map((e) => e.target).sort()).toEqual(groups.map((g) => g.id).sort());
    expect(graph.endpointsOf.get('Service/default/web')!.sort()).toEqual(groups.map((g) => g.id).sort());
  });

  it('lists an opened group’s pods under its box; the box stays and still stands for them in lights', () => {
    const first = podRows(view, new Set())
      .rows.get(view.nodes[0]!.name)!
      .find((r) => r.kind === 'group')!;
    if (first.kind !== 'group') throw new Error('no group');
    const id = first.group.id;
    const graph = toFlowGraph(cluster, [], new Set([id]));
    const group = graph.nodes.find((n) => n.id === id)!;
    expect(group.data).toMatchObject({ kind: 'pod-group', group: { expanded: true } });
    const inside = first.group.pods.map((p) => p.id);
    expect(graph.nodes.filter((n) => inside.includes(n.id))).toHaveLength(inside.length);
    // Listed under the group's box, in the node's column.
    const below = graph.nodes.find((n) => n.id === inside[0])!;
    expect(below.position.y).toBeGreaterThan(group.position.y);
    expect(graph.shownAs.has(inside[0]!)).toBe(false);
    expect(graph.groupOf.get(inside[0]!)).toBe(id);
    // A hop at one of its pods lights that pod and the group.
    const lit = flowNodes(graph, null, null, {
      at: inside[0]!,
      drop: null,
      lights: { service: 'Service/default/web', pod: inside[0]!, proxy: null },
    });
    expect(lit.find((n) => n.id === inside[0])!.className).toContain('hop-pod');
    expect(lit.find((n) => n.id === inside[0])!.className).toContain('at-hop');
    expect(lit.find((n) => n.id === id)!.className).toContain('hop-pod');
  });

  it('sends a folded pod’s hop, route link, drop and selection to its group’s box', () => {
    const graph = toFlowGraph(cluster);
    const pod = webPods[0]!;
    const box = graph.shownAs.get(pod.id)!;
    const nodes = flowNodes(graph, highlightFor(graph, `Pod/default/${pod.name}`), null, {
      at: pod.id,
      drop: pod.id,
      lights: { service: 'Service/default/web', pod: pod.id, proxy: null },
    });
    const cls = nodes.find((n) => n.id === box)!.className!;
    for (const c of ['lit', 'at-hop', 'dropped-here', 'hop-pod']) expect(cls).toContain(c);
    const proxy = `kube-proxy/${pod.node}`;
    const edges = flowEdges(graph, null, {
      links: [
        { from: proxy, to: pod.id, hop: 0, phase: 'request' },
        // Within the group (a pod answering itself is no link either).
        {
          from: pod.id,
          to: webPods.find((p) => p.node === pod.node && p !== pod)!.id,
          hop: 1,
          phase: 'request',
        },
      ],
      hop: 0,
      phase: 'request',
      burst: [`${proxy}>${pod.id}`, `${proxy}>${webPods[1]!.id}`],
    });
    const route = edges.filter((e) => e.id.startsWith('route:'));
    expect(route.map((e) => `${e.source}>${e.target}`)).toEqual([`${proxy}>${box}`]);
    expect(edges.filter((e) => e.id.startsWith('b:')).every((e) => e.target.startsWith('group/'))).toBe(true);
  });
});
