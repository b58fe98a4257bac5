import { describe, expect, it } from 'vitest';
import { scene } from '../../engine/testing/scene';
import { stabilize, type Box } from './stable-layout';
import { resetLayoutMemory, toFlowGraph } from './to-flow-graph';

import clusterip from '../../scenarios/clusterip-three-pods.yaml?raw';

const box = (x: number, y: number, width = 100, height = 40): Box => ({ x, y, width, height });
const O = { rankGap: 50, gap: 10 };

describe('stabilize: boxes stay where they were', () => {
  it('answers the fresh layout when nothing was shown before, or nothing is in common', () => {
    const fresh = new Map([['a', box(50, 20)]]);
    expect(stabilize(fresh, new Map(), null, O)).toBe(fresh);
    expect(stabilize(fresh, new Map(), new Map([['b', box(0, 0)]]), O)).toBe(fresh);
  });

  it('keeps the boxes that were there when one is added above them, and puts the new one below', () => {
    const previous = new Map([
      ['a', box(50, 20)],
      ['b', box(50, 80)],
    ]);
    // Dagre put the new box first and moved the others down and right.
    const fresh = new Map([
      ['new', box(80, 20)],
      ['a', box(80, 70)],
      ['b', box(80, 120)],
    ]);
    const out = stabilize(fresh, new Map(), previous, O);
    expect(out.get('a')).toEqual(box(80, 20)); // its place; the column is only ever moved right
    expect(out.get('b')).toEqual(box(80, 80));
    expect(out.get('new')!.y - 20).toBeGreaterThanOrEqual(100 + O.gap); // under b
  });

  it('keeps the others in place when one is removed', () => {
    const previous = new Map([
      ['a', box(50, 20)],
      ['b', box(50, 80)],
      ['c', box(50, 140)],
    ]);
    const fresh = new Map([
      ['a', box(50, 20)],
      ['c', box(50, 70)],
    ]);
    const out = stabilize(fresh, new Map(), previous, O);
    expect(out.get('c')).toEqual(box(50, 140));
  });

  it('pushes a box down, never onto another, when the one above it grew; children move with their zone', () => {
    const previous = new Map([
      ['zone/a', box(300, 60, 120, 120)],
      ['node/1', box(300, 50, 100, 40)],
      ['node/2', box(300, 100, 100, 40)],
      ['zone/b', box(300, 200, 120, 60)],
      ['node/3', box(300, 205, 100, 40)],
    ]);
    const parents = new Map([
      ['node/1', 'zone/a'],
      ['node/2', 'zone/a'],
      ['node/3', 'zone/b'],
    ]);
    // node/1 grew by 60 (a pod more): dagre grew zone a and moved zone b down.
    const fresh = new Map([
      ['zone/a', box(300, 90, 120, 180)],
      ['node/1', box(300, 80, 100, 100)],
      ['node/2', box(300, 160, 100, 40)],
      ['zone/b', box(300, 260, 120, 60)],
      ['node/3', box(300, 265, 100, 40)],
    ]);
    const out = stabilize(fresh, parents, previous, O);
    const bottom = (id: string) => out.get(id)!.y + out.get(id)!.height / 2;
    const topOf = (id: string) => out.get(id)!.y - out.get(id)!.height / 2;
    expect(topOf('zone/a')).toBe(0);
    expect(topOf('node/2')).toBeGreaterThanOrEqual(bottom('node/1'));
    // Pushed by the growth: the room it had under node/1 (10) is kept, not eaten by the new height.
    expect(topOf('node/2') - bottom('node/1')).toBe(10);
    expect(bottom('node/2')).toBeLessThanOrEqual(bottom('zone/a'));
    expect(topOf('zone/b')).toBeGreaterThanOrEqual(bottom('zone/a'));
    expect(topOf('node/3')).toBeGreaterThanOrEqual(topOf('zone/b'));
    expect(bottom('node/3')).toBeLessThanOrEqual(bottom('zone/b'));
  });
});

describe('the graph across an edit', () => {
  it('a Service added to the scene leaves every box that was there in its place', () => {
    resetLayoutMemory();
    const before = toFlowGraph(scene(clusterip).env.cluster);
    const extra = `${clusterip}\n---\napiVersion: v1\nkind: Service\nmetadata: { name: aaa-first }\nspec:\n  selector: { app: web }\n  ports: [{ port: 81, targetPort: 8080 }]\n`;
    const after = toFlowGraph(scene(extra).env.cluster);
    const at = new Map(after.nodes.map((n) => [n.id, n.position]));
    for (const n of before.nodes) expect(at.get(n.id), n.id).toEqual(n.position);
    expect(at.has('Service/default/aaa-first')).toBe(true);
    // Taking it away again keeps them too.
    const back = toFlowGraph(scene(clusterip).env.cluster);
    const again = new Map(back.nodes.map((n) => [n.id, n.position]));
    for (const n of before.nodes) expect(again.get(n.id), n.id).toEqual(n.position);
  });
});
