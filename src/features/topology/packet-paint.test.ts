import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine';
import { scene } from '../../engine/testing/scene';
import { hopNodeId, stagger, timeline } from '../../store';
import { createPainter, packetRoutes, STATES, type PacketView } from './packet-paint';
import { linkCurve, pointOn, type Point } from './route-geometry';

import clusterip from '../../scenarios/clusterip-three-pods.yaml?raw';

/** A 2D context that records where dots are stamped (the sprite's state rides on its image) and labels. */
function recorder() {
  const stamps: string[] = [];
  const labels: string[] = [];
  const ctx = {
    setTransform() {},
    clearRect() {},
    beginPath() {},
    arc() {},
    stroke() {},
    fillRect() {},
    measureText: (t: string) => ({ width: t.length * 7 }),
    fillText: (t: string) => labels.push(t),
    drawImage: (image: { state: string }, x: number, y: number) => stamps.push(`${x},${y},${image.state}`),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, stamps, labels };
}
const sprite = (state: string) => ({ image: { state } as unknown as CanvasImageSource, half: 0 });

describe('packet painting from routes as numbers (what the packet worker draws)', () => {
  const s = scene(clusterip);
  const burst = s.json<{ results: Trace[] }>('curl --from pod/client --count 30 http://web -o json').results;
  const routes = packetRoutes(burst);
  // Each place somewhere distinct in the graph's coordinates.
  const where = (id: string): Point => {
    const i = routes.places.indexOf(id);
    return { x: 100 + 170 * (i % 4), y: 40 + 90 * i };
  };
  const points = new Float64Array(routes.places.flatMap((id) => [where(id).x, where(id).y]));
  const view = (playhead: number): PacketView => ({
    width: 1280,
    height: 720,
    dpr: 1,
    tx: 12,
    ty: -7,
    zoom: 1.5,
    points,
    playhead,
    focus: 0,
  });

  it('numbers every hop’s place once and keeps each request’s end state', () => {
    expect(new Set(routes.places).size).toBe(routes.places.length);
    expect(routes.hopStart.at(-1)).toBe(burst.reduce((n, t) => n + t.hops.length, 0));
    burst.forEach((tr, k) => {
      const ids = tr.hops.map((h) => hopNodeId(h.location, h.stage));
      const got = [...routes.hopPlace.subarray(routes.hopStart[k], routes.hopStart[k + 1])];
      expect(got.map((i) => routes.places[i])).toEqual(ids);
      expect(STATES[routes.final[k]!]).toBe(timeline(tr, 1e9)!.state);
    });
  });

  it('puts each packet where timeline() and the link’s curve say, one dot per place at rest with its count', () => {
    const painter = createPainter(sprite);
    const v0 = view(0);
    for (const t of [0, 0.3, 1.7, 2.45, 5.2, 9.9, 40]) {
      const { ctx, stamps, labels } = recorder();
      painter.paint(ctx, routes, view(t));
      // The oracle: the timeline's position of each request, on the curve between its two places.
      const moving = new Set<string>();
      const resting = new Map<string, number>();
      const screen = (p: Point) =>
        `${Math.round(p.x * v0.zoom + v0.tx)},${Math.round(p.y * v0.zoom + v0.ty)}`;
      burst.forEach((tr, k) => {
        const p = timeline(tr, t - k * stagger(burst.length));
        if (!p) return;
        const from = hopNodeId(p.from.location, p.from.stage);
        const to = hopNodeId(p.to.location, p.to.stage);
        const [a, b] = [where(from), where(to)];
        if (p.progress === 0) {
          const key = `${screen(a)},${p.state}`;
          resting.set(key, (resting.get(key) ?? 0) + 1);
        } else moving.add(`${screen(from === to ? a : pointOn(linkCurve(a, b), p.progress))},${p.state}`);
      });
      expect(new Set(stamps), `t=${t}`).toEqual(new Set([...moving, ...resting.keys()]));
      expect(stamps.length, `t=${t}: each dot once`).toBe(new Set(stamps).size);
      expect(labels.sort(), `t=${t}`).toEqual(
        [...resting.values()]
          .filter((n) => n > 1)
          .map((n) => `×${n}`)
          .sort(),
      );
    }
  });

  it('leaves out a packet whose place the graph does not show, and draws nothing for no burst', () => {
    const painter = createPainter(sprite);
    const hidden = Float64Array.from(points);
    const client = routes.places.indexOf('pod/default/client');
    hidden[2 * client] = NaN;
    hidden[2 * client + 1] = NaN;
    const { ctx, stamps } = recorder();
    // At 0 only request 0 has started, resting at the client.
    expect(painter.paint(ctx, routes, { ...view(0), points: hidden })).toBe(1);
    expect(stamps).toEqual([]);
    const none = recorder();
    expect(painter.paint(none.ctx, packetRoutes([]), view(3))).toBe(0);
    expect(none.stamps).toEqual([]);
  });
});
