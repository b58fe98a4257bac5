import dagre from '@dagrejs/dagre';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scene } from '../../engine/testing/scene';
import { selectCluster, useStore } from '../../store';
import { ghostsOf, graphFor, layOutAhead, sceneKeyOf } from './graph-layout';
import { refusedObjects } from './ghosts';

import clusterip from '../../scenarios/clusterip-three-pods.yaml?raw';

const initial = useStore.getState();
afterEach(() => {
  useStore.setState(initial, true);
  vi.restoreAllMocks();
});

describe('layOutAhead: the first cluster is laid out before the graph panel asks (issue 17)', () => {
  it('lays out the store’s first cluster when it arrives, so the panel’s own call finds the layout made', () => {
    const layout = vi.spyOn(dagre, 'layout');
    layOutAhead();
    expect(layout).not.toHaveBeenCalled(); // no cluster yet: it waits
    useStore.setState({ lastGood: { revision: 1, cluster: scene(clusterip).env.cluster } });
    expect(layout).toHaveBeenCalledTimes(1);
    // What TopologyPanel computes from the same store, every group folded: no second dagre run.
    const s = useStore.getState();
    const graph = graphFor(
      selectCluster(s)!,
      ghostsOf(s.broken, refusedObjects(s.diagnostics)),
      sceneKeyOf(s),
      new Set(),
    );
    expect(layout).toHaveBeenCalledTimes(1);
    expect(graph.nodes.length).toBeGreaterThan(5);
    // Later clusters are the panel's to lay out: the store's next answer runs nothing ahead.
    useStore.setState({
      lastGood: { revision: 2, cluster: scene(clusterip.replace('replicas: 3', 'replicas: 4')).env.cluster },
    });
    expect(layout).toHaveBeenCalledTimes(1);
  });
});
