/**
 * Paints a burst's packets on a 2D canvas: the same code in the packet worker (packet-draw.worker.ts, on
 * the overlay's canvas handed over with transferControlToOffscreen) and, where a browser cannot hand a
 * canvas to a worker, on the page. Nothing here reads the DOM, the store or the graph: the page sends a
 * burst's routes once (`PacketRoutes`, built from the traces when a Send's answer arrives), the places'
 * points once per layout (`PacketView.points`) and then only the playhead, the followed request and the
 * viewport. Each frame is a loop over the packets with no lookups by name.
 *
 * Where a packet is comes from the pure timeline (store/timeline.ts: hopPosition and ease, the same as
 * timeline()); it moves along the same curve the route's link is drawn with (route-geometry.ts).
 *
 * In a burst, packets at rest at the same place are one dot with their count beside it (outside the
 * box, so no name is covered), and the followed request's packet has a dark ring. An arrived, dropped or
 * refused packet carries a mark as well as its colour (packet-colors.ts).
 *
 * @example
 * const routes = packetRoutes(traces);               // once per Send
 * const painter = createPainter();
 * painter.paint(ctx, routes, { ...view, playhead });  // each frame
 */
import type { Trace } from '../../engine';
import { hopNodeId } from '../../store/graph-ids';
import { ease, finalState, hopPosition, stagger, type PacketState } from '../../store/timeline';
import { PACKET_COLORS as COLORS, PACKET_MARK } from './packet-colors';
import { linkCurve, pointOn, type Curve, type Point } from './route-geometry';

/** The states in a fixed order: a packet's state travels as its index. */
export const STATES: readonly PacketState[] = ['moving', 'delivered', 'dropped', 'rejected', 'failed'];
const MOVING = 0;

/** A burst's routes as numbers: which place each hop of each request is at, and how each one ends. */
export interface PacketRoutes {
  /** The graph elements the burst's hops happen at (hopNodeId), each once. */
  places: string[];
  /** Request k's hops are hopPlace[hopStart[k]] … hopPlace[hopStart[k + 1] - 1] (indices into places). */
  hopStart: Int32Array;
  hopPlace: Int32Array;
  /** Request k's state once it comes to rest (an index into STATES). */
  final: Uint8Array;
}

/** What a frame shows besides the routes: the canvas, the viewport, the places' points and the playhead. */
export interface PacketView {
  /** CSS pixels, and device pixels per CSS pixel. */
  width: number;
  height: number;
  dpr: number;
  /** React Flow's viewport: screen = flow * zoom + (tx, ty). */
  tx: number;
  ty: number;
  zoom: number;
  /** Each place's point in flow coordinates (x, y at 2i, 2i + 1); NaN where the graph has no such box. */
  points: Float64Array;
  playhead: number;
  /** The followed request (ringed in a burst). */
  focus: number;
}

/** Numbers the places of every hop of every trace; once per burst. */
export function packetRoutes(traces: readonly Trace[]): PacketRoutes {
  const index = new Map<string, number>();
  const places: string[] = [];
  let hops = 0;
  for (const tr of traces) hops += tr.hops.length;
  const hopStart = new Int32Array(traces.length + 1);
  const hopPlace = new Int32Array(hops);
  const final = new Uint8Array(traces.length);
  let h = 0;
  traces.forEach((tr, k) => {
    hopStart[k] = h;
    for (const hop of tr.hops) {
      const id = hopNodeId(hop.location, hop.stage);
      let i = index.get(id);
      if (i === undefined) {
        index.set(id, (i = places.length));
        places.push(id);
      }
      hopPlace[h++] = i;
    }
    final[k] = STATES.indexOf(finalState(tr));
  });
  hopStart[traces.length] = h;
  return { places, hopStart, hopPlace, final };
}

interface Sprite {
  /** An image, not a canvas: drawing a canvas copies (snapshots) it on every call. */
  image: CanvasImageSource;
  /** Half its side, in device pixels: the dot's centre is (half, half). */
  half: number;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * One pre-drawn dot per state, radius and pixel ratio: the state's colour in a white ring, with the
 * state's mark (✓, ✕ or a bar) in white on it.
 */
export function drawSprite(state: PacketState, r: number, dpr: number): Sprite {
  const single = r > 10;
  const half = Math.ceil((r + 3) * dpr);
  const canvas = new OffscreenCanvas(2 * half, 2 * half);
  const c = canvas.getContext('2d')!;
  c.setTransform(dpr, 0, 0, dpr, half, half);
  c.beginPath();
  c.arc(0, 0, r, 0, Math.PI * 2);
  c.fillStyle = COLORS[state];
  c.fill();
  c.lineWidth = 3;
  c.strokeStyle = '#fff';
  c.stroke();
  const k = r * 0.55;
  const mark = PACKET_MARK[state];
  c.beginPath();
  if (mark === 'cross') {
    c.moveTo(-k, -k);
    c.lineTo(k, k);
    c.moveTo(k, -k);
    c.lineTo(-k, k);
  } else if (mark === 'bar') {
    c.moveTo(-k, 0);
    c.lineTo(k, 0);
  } else if (mark === 'tick') {
    c.moveTo(-k, 0);
    c.lineTo(-k * 0.25, k * 0.7);
    c.lineTo(k, -k * 0.6);
  }
  c.lineWidth = single ? 4 : 3;
  c.lineCap = 'round';
  c.lineJoin = 'round';
  c.stroke();
  return { image: canvas.transferToImageBitmap(), half };
}

/**
 * A painter keeps what frames share: the pre-drawn dots and the links' curves (per pair of places, for
 * one set of points). `makeSprite` draws a dot (a test passes its own: Node has no OffscreenCanvas).
 */
export function createPainter(makeSprite: typeof drawSprite = drawSprite) {
  const sprites = new Map<string, Sprite>();
  const sprite = (state: number, r: number, dpr: number) => {
    const key = `${state}|${r}|${dpr}`;
    let s = sprites.get(key);
    if (!s) sprites.set(key, (s = makeSprite(STATES[state]!, r, dpr)));
    return s;
  };
  let curvesFor: Float64Array | null = null;
  const curves = new Map<number, Curve>();
  const stamped = new Set<number>();
  const resting = new Map<number, number>();

  return {
    /** Draws one frame; returns how many packets are on the canvas (started ones). */
    paint(ctx: Context2D, routes: PacketRoutes, v: PacketView): number {
      const { width, height, dpr, tx, ty, zoom, points } = v;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const count = routes.final.length;
      if (!count) return 0;
      if (curvesFor !== points) {
        curves.clear();
        curvesFor = points;
      }
      const places = points.length / 2;
      const curve = (a: number, b: number) => {
        const key = a * places + b;
        let c = curves.get(key);
        if (!c)
          curves.set(
            key,
            (c = linkCurve(
              { x: points[2 * a]!, y: points[2 * a + 1]! },
              { x: points[2 * b]!, y: points[2 * b + 1]! },
            )),
          );
        return c;
      };
      const single = count === 1;
      const r = single ? 13 : 8;
      const s = stagger(count);
      const { hopStart, hopPlace, final } = routes;
      // Each packet is one copy of its state's pre-drawn dot (drawImage at whole device pixels): the
      // canvas then holds thousands of small copies, not thousands of stroked arcs to rasterize.
      // Packets of a burst often cover one another exactly (same pixel, same state): one copy is drawn.
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      stamped.clear();
      resting.clear();
      const dots = STATES.map((_, state) => sprite(state, r, dpr));
      const stamp = (x: number, y: number, state: number) => {
        const px = Math.round(x * dpr);
        const py = Math.round(y * dpr);
        const key = ((px & 0xffff) * 0x10000 + (py & 0xffff)) * 8 + state;
        if (stamped.has(key)) return;
        stamped.add(key);
        const dot = dots[state]!;
        ctx.drawImage(dot.image, px - dot.half, py - dot.half);
      };
      let fx = NaN;
      let fy = NaN;
      let drawn = 0;
      for (let k = 0; k < count; k++) {
        const first = hopStart[k]!;
        const n = hopStart[k + 1]! - first;
        const at = hopPosition(n, v.playhead - k * s);
        if (at < 0) continue;
        drawn++;
        const i = Math.floor(at);
        const a = hopPlace[first + i]!;
        const ax = points[2 * a]!;
        if (Number.isNaN(ax)) continue;
        let x: number;
        let y: number;
        if (at >= n - 1) {
          // At rest after its last hop, in its final state.
          x = ax * zoom + tx;
          y = points[2 * a + 1]! * zoom + ty;
          if (k === v.focus && !single) [fx, fy] = [x, y];
          if (single) stamp(x, y, final[k]!);
          else {
            const key = a * 8 + final[k]!;
            resting.set(key, (resting.get(key) ?? 0) + 1);
          }
          continue;
        }
        let b = hopPlace[first + i + 1]!;
        if (Number.isNaN(points[2 * b]!)) b = a;
        const progress = ease(at - i);
        if (progress > 0 && a !== b) {
          const p = pointOn(curve(a, b), progress);
          x = p.x * zoom + tx;
          y = p.y * zoom + ty;
        } else {
          x = ax * zoom + tx;
          y = points[2 * a + 1]! * zoom + ty;
        }
        if (k === v.focus && !single) [fx, fy] = [x, y];
        if (!single && progress === 0) {
          const key = a * 8 + MOVING;
          resting.set(key, (resting.get(key) ?? 0) + 1);
          continue;
        }
        stamp(x, y, MOVING);
      }
      const restingAt = (key: number): Point => {
        const a = Math.floor(key / 8);
        return { x: points[2 * a]! * zoom + tx, y: points[2 * a + 1]! * zoom + ty };
      };
      for (const key of resting.keys()) {
        const p = restingAt(key);
        stamp(p.x, p.y, key % 8);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      if (!Number.isNaN(fx)) {
        ctx.beginPath();
        ctx.arc(fx, fy, r + 4, 0, Math.PI * 2);
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#0f172a';
        ctx.stroke();
      }
      // How many packets rest at each place, beside the dot, outside the box.
      ctx.font = '600 13px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (const [key, n] of resting) {
        if (n < 2) continue;
        const { x, y } = restingAt(key);
        const label = `×${n}`;
        const w = ctx.measureText(label).width + 8;
        ctx.fillStyle = '#0f172a';
        ctx.fillRect(x + r + 3, y - 9, w, 18);
        ctx.fillStyle = '#fff';
        ctx.fillText(label, x + r + 7, y);
      }
      return drawn;
    },
  };
}

type Painter = ReturnType<typeof createPainter>;

/** The view before the first layout: an empty canvas, nothing to show. */
export const emptyView = (): PacketView => ({
  width: 0,
  height: 0,
  dpr: 1,
  tx: 0,
  ty: 0,
  zoom: 1,
  points: new Float64Array(0),
  playhead: 0,
  focus: 0,
});

/**
 * One frame, on the page's canvas or the worker's: the canvas sized to the view in device pixels, then
 * the routes painted, or the canvas cleared when there are none.
 */
export function paintFrame(
  canvas: { width: number; height: number },
  ctx: Context2D,
  painter: Painter,
  routes: PacketRoutes | null,
  view: PacketView,
): void {
  const w = Math.round(view.width * view.dpr);
  const h = Math.round(view.height * view.dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  if (routes) painter.paint(ctx, routes, view);
  else {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
  }
}
