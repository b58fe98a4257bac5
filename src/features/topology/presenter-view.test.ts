import { describe, expect, it } from 'vitest';
import { cameraFor, union, type Box } from './presenter-view';

const scene: Box = { x: 0, y: 0, width: 2000, height: 1000 };
const view = { width: 800, height: 500 };
/** Where a graph point lands on the screen under a camera. */
const onScreen = (c: { x: number; y: number; zoom: number }, px: number, py: number) => ({
  x: px * c.zoom + c.x,
  y: py * c.zoom + c.y,
});

describe('cameraFor', () => {
  it('fits the whole scene when its labels stay readable at that zoom', () => {
    const c = cameraFor({ scene: { x: 0, y: 0, width: 700, height: 400 }, focus: [], view, minZoom: 1 });
    expect(c.follows).toBe(false);
    expect(c.zoom).toBeGreaterThanOrEqual(1);
    const tl = onScreen(c, 0, 0);
    const br = onScreen(c, 700, 400);
    expect(tl.x).toBeGreaterThanOrEqual(0);
    expect(br.x).toBeLessThanOrEqual(800);
    expect(br.y).toBeLessThanOrEqual(500);
  });

  it('follows the packet at the readable zoom when fitting would shrink the labels', () => {
    const pod: Box = { x: 1200, y: 400, width: 230, height: 54 };
    const c = cameraFor({ scene, focus: [pod], view, minZoom: 1.25 });
    expect(c).toMatchObject({ zoom: 1.25, follows: true });
    const mid = onScreen(c, pod.x + pod.width / 2, pod.y + pod.height / 2);
    expect(mid.x).toBeCloseTo(400);
    expect(mid.y).toBeCloseTo(250);
  });

  it('keeps the place the packet goes next in view too, when both fit', () => {
    const here: Box = { x: 100, y: 400, width: 230, height: 54 };
    const next: Box = { x: 600, y: 420, width: 230, height: 62 };
    const c = cameraFor({ scene, focus: [here, next], view, minZoom: 0.9 });
    for (const b of [here, next]) {
      const a = onScreen(c, b.x, b.y);
      const z = onScreen(c, b.x + b.width, b.y + b.height);
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(z.x).toBeLessThanOrEqual(800);
    }
  });

  it('centres on where the packet is when the neighbourhood is too wide', () => {
    const here: Box = { x: 900, y: 400, width: 100, height: 50 };
    const far: Box = { x: 1900, y: 400, width: 100, height: 50 };
    const c = cameraFor({ scene, focus: [here, far], view, minZoom: 1 });
    expect(onScreen(c, 950, 425).x).toBeCloseTo(400);
  });

  it('never shows beyond the scene’s edge when the focus is near it', () => {
    const corner: Box = { x: 0, y: 0, width: 50, height: 50 };
    const c = cameraFor({ scene, focus: [corner], view, minZoom: 1 });
    expect(onScreen(c, 0, 0)).toEqual({ x: 0, y: 0 });
    const far: Box = { x: 1990, y: 990, width: 10, height: 10 };
    const d = cameraFor({ scene, focus: [far], view, minZoom: 1 });
    expect(onScreen(d, 2000, 1000)).toEqual({ x: 800, y: 500 });
  });

  it('frames a route from its source as far as it fits when the whole route does not', () => {
    // Before the packet leaves, the focus is the route: source, kube-proxy, a far CoreDNS pod, the backend.
    const source: Box = { x: 900, y: 500, width: 200, height: 50 };
    const proxy: Box = { x: 1200, y: 480, width: 200, height: 50 };
    const backend: Box = { x: 1350, y: 650, width: 200, height: 50 };
    const far: Box = { x: 100, y: 100, width: 200, height: 50 };
    const inView = (c: ReturnType<typeof cameraFor>, b: Box) => {
      const tl = onScreen(c, b.x, b.y);
      const br = onScreen(c, b.x + b.width, b.y + b.height);
      return tl.x >= 0 && tl.y >= 0 && br.x <= view.width && br.y <= view.height;
    };
    const whole = cameraFor({ scene, focus: [source, proxy, backend], view, minZoom: 1 });
    expect([source, proxy, backend].every((b) => inView(whole, b))).toBe(true);
    const part = cameraFor({ scene, focus: [source, proxy, backend, far], view, minZoom: 1 });
    expect(part.zoom).toBe(1);
    expect([source, proxy, backend].every((b) => inView(part, b))).toBe(true);
    expect(inView(part, far)).toBe(false);
  });

  it('without a focus, starts at the scene’s top left', () => {
    const c = cameraFor({ scene, focus: [], view, minZoom: 1 });
    expect(onScreen(c, 0, 0)).toEqual({ x: 0, y: 0 });
  });

  it('zooms past the fit limit when the text size asks for it', () => {
    const c = cameraFor({ scene: { x: 0, y: 0, width: 300, height: 200 }, focus: [], view, minZoom: 2 });
    expect(c.zoom).toBeGreaterThanOrEqual(2);
  });
});

describe('union', () => {
  it('holds every box, and is null for none', () => {
    expect(
      union([
        { x: 0, y: 10, width: 5, height: 5 },
        { x: 20, y: 0, width: 5, height: 5 },
      ]),
    ).toEqual({ x: 0, y: 0, width: 25, height: 15 });
    expect(union([])).toBeNull();
  });
});
