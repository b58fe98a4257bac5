import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios';
import { createEngineHost } from './engine-host';

// The default scene with node-2 stopped at 10 s.
const text = `${findScenario('clusterip-three-pods')!.yaml}---
apiVersion: svclab.io/v1alpha1
kind: Timeline
events:
  - { at: 10s, fault: NodeStopped, node: node-2 }
`;
const sources = [{ file: 'scene.yaml', text }];

describe('engine host at an instant of the timeline', () => {
  it('builds the cluster at the instant asked, with every event of the timeline', async () => {
    const host = createEngineHost();
    const at0 = await host.update(1, sources, 1, 0);
    const at60 = await host.update(1, sources, 1, 60);
    if (!at0.ok || !at0.value || !at60.ok || !at60.value) throw new Error('no build');
    const ready = (c: typeof at0.value.cluster, node: string) =>
      c.nodes.find((n) => n.metadata.name === node)?.status?.conditions?.find((x) => x.type === 'Ready')
        ?.status;
    expect(ready(at0.value.cluster, 'node-2')).toBe('True');
    expect(ready(at60.value.cluster, 'node-2')).toBe('Unknown');
    expect(at60.value.timeline.at).toBe(60);
    expect(at60.value.timeline.events.map((e) => [e.at, e.msg.id]).slice(0, 2)).toEqual([
      [10, 'timeline.nodeStopped'],
      [60, 'timeline.nodeNotReady'],
    ]);
    expect(at0.value.timeline.events).toEqual(at60.value.timeline.events);
  });

  it('runs console lines at that instant unless they say --at, and edits from the scene as built', async () => {
    const host = createEngineHost();
    await host.update(1, sources, 1, 60);
    const nodes = await host.run('get nodes', 'en');
    expect(nodes.ok && nodes.value.stdout).toMatch(/node-2\s+NotReady/);
    const before = await host.run('get nodes --at 5s', 'en');
    expect(before.ok && before.value.stdout).toMatch(/node-2\s+Ready/);
    const added = await host.run('timeline add NodeDrained node-1', 'en');
    if (!added.ok) throw new Error(added.error);
    expect(added.value.sources![0]!.text).toContain('fault: NodeDrained\n    node: node-1');
    expect(added.value.sources![0]!.text).toContain('at: 1m0s');
  });

  it('sends requests at that instant: before NotReady a stopped node’s pods time out', async () => {
    const host = createEngineHost();
    const outcomes = async (at: number) => {
      await host.update(1, sources, 1, at);
      const r = await host.simulate({ from: 'pod/default/client', target: 'http://web', count: 60 });
      if (!r.ok) throw new Error(r.error);
      return new Set(r.value.traces.map((t) => t.outcome));
    };
    expect(await outcomes(5)).toEqual(new Set(['delivered']));
    expect((await outcomes(30)).has('timeout')).toBe(true);
    expect(await outcomes(70)).toEqual(new Set(['delivered']));
  });
});
