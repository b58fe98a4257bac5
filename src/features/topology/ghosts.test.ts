import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { refusedObjects } from './ghosts';
import { resetLayoutMemory, toFlowGraph } from './to-flow-graph';

import clusterip from '../../scenarios/clusterip-three-pods.yaml?raw';

const build = (text: string) => buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });

describe('an object the API server refused stays on the graph as a ghost', () => {
  const typo = clusterip.replace('  type: ClusterIP\n', '  type: ClusterIp\n');

  it('names each refused object once, with its first error', () => {
    const ghosts = refusedObjects(build(typo).diagnostics);
    expect(ghosts.map((g) => g.id)).toEqual(['Service/default/web']);
    expect(String(ghosts[0]!.message)).toMatch(/Unsupported value: "ClusterIp"/);
    expect(ghosts[0]!.line).toBeGreaterThan(0);
    // Lints and warnings do not make ghosts: the object is on the cluster.
    expect(refusedObjects(build(clusterip).diagnostics)).toEqual([]);
  });

  it('where the Service was before the typo, until the YAML is fixed', () => {
    resetLayoutMemory();
    const good = toFlowGraph(build(clusterip).cluster);
    const was = good.nodes.find((n) => n.id === 'Service/default/web')!;
    const broken = build(typo);
    const graph = toFlowGraph(broken.cluster, refusedObjects(broken.diagnostics));
    const ghost = graph.nodes.find((n) => n.id === 'Service/default/web')!;
    expect(ghost.type).toBe('ghost');
    expect(ghost.position).toEqual(was.position);
    // Everything else stays put too, and the ghost has no endpoint edges (it does not exist).
    for (const n of good.nodes.filter((x) => x.type === 'pod'))
      expect(graph.nodes.find((x) => x.id === n.id)?.position).toEqual(n.position);
    expect(graph.edges.some((e) => e.source === 'Service/default/web')).toBe(false);
  });
});
