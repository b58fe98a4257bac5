/**
 * Draws the packets on a canvas over the graph (never as React Flow nodes), so thousands can move at
 * 60 fps. It re-renders nothing in React: it subscribes to the playhead and the viewport and redraws.
 * Where a packet is comes from the pure timeline; it moves along the same curve the route's link is drawn
 * with (route-geometry.ts), between the places React Flow's node lookup knows.
 *
 * In a burst, packets at rest at the same place are one dot with their count beside it (outside the
 * box, so no name is covered), and the followed request's packet has a dark ring. An arrived, dropped or
 * refused packet carries a mark as well as its colour (packet-colors.ts).
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { hopNodeId, instrumentation, stagger, timeline, useStore, type PacketPosition } from '../../store';
import type { Hop } from '../../engine';
import { PACKET_COLORS as COLORS, PACKET_MARK } from './packet-colors';
import { linkCurve, pointOn, portOfNode, type Curve, type Point } from './route-geometry';

type State = PacketPosition['state'];
const STATE_INDEX: Record<State, number> = { moving: 0, delivered: 1, dropped: 2, rejected: 3, failed: 4 };
interface Sprite {
  /** An image, not a canvas: drawing a canvas copies (snapshots) it on every call. */
  image: CanvasImageSource;
  /** Half its side, in device pixels: the dot's centre is (half, half). */
  half: number;
}

/**
 * One pre-drawn dot per state, radius and pixel ratio: the state's colour in a white ring, with the
 * state's mark (✓, ✕ or a bar) in white on it.
 */
function spriteCache() {
  const made = new Map<string, Sprite>();
  return {
    get(state: State, r: number, dpr: number): Sprite {
      const key = `${state}|${r}|${dpr}`;
      let sprite = made.get(key);
      if (sprite) return sprite;
      const single = r > 10;
      const half = Math.ceil((r + 3) * dpr);
      const canvas =
        typeof OffscreenCanvas === 'function'
          ? new OffscreenCanvas(2 * half, 2 * half)
          : Object.assign(document.createElement('canvas'), { width: 2 * half, height: 2 * half });
      const c = canvas.getContext('2d') as CanvasRenderingContext2D;
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
      sprite = { image: 'transferToImageBitmap' in canvas ? canvas.transferToImageBitmap() : canvas, half };
      made.set(key, sprite);
      return sprite;
    },
  };
}

/** @param shownAs a pod of a collapsed group → the group's box, where its packets are drawn. */
export function PacketOverlay({ shownAs }: { shownAs?: ReadonlyMap<string, string> } = {}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  // Read in each frame: a group opened or folded moves packets without restarting the loop (the
  // boxes' change reaches React Flow's store, whose subscription below redraws).
  const shown = useRef(shownAs);
  useEffect(() => {
    shown.current = shownAs;
  }, [shownAs]);

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    const sprites = spriteCache();
    // A hop's graph element, named once per hop rather than once per frame.
    const placeOf = new WeakMap<Hop, string>();
    const place = (h: Hop) => {
      let id = placeOf.get(h);
      if (id === undefined) placeOf.set(h, (id = hopNodeId(h.location, h.stage)));
      return id;
    };
    let frame = 0;
    // Kept from the ResizeObserver: reading the layout in every frame would force a reflow.
    const size = { width: el.clientWidth, height: el.clientHeight };

    const draw = () => {
      const drawn = instrumentation.drawStarted();
      cancelAnimationFrame(frame);
      frame = 0;
      const { width, height } = size;
      const dpr = window.devicePixelRatio || 1;
      if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
        el.width = Math.round(width * dpr);
        el.height = Math.round(height * dpr);
      }
      const [tx, ty, zoom] = flow.getState().transform;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const { traces, playhead, focus } = useStore.getState();
      if (!traces.length) return;
      const lookup = flow.getState().nodeLookup;
      const ports = new Map<string, Point | null>();
      const port = (id: string) => {
        let p = ports.get(id);
        if (p === undefined) {
          const n = lookup.get(shown.current?.get(id) ?? id);
          ports.set(id, (p = n ? portOfNode(n) : null));
        }
        return p;
      };
      const single = traces.length === 1;
      const r = single ? 13 : 8;
      const resting = new Map<string, { x: number; y: number; state: PacketPosition['state']; n: number }>();
      let followed: Point | null = null;
      // Each packet is one copy of its state's pre-drawn dot (drawImage at whole device pixels): the
      // canvas then holds thousands of small copies, not thousands of stroked arcs to rasterize.
      // Packets of a burst often cover one another exactly (same pixel, same state): one copy is drawn.
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const stamped = new Set<number>();
      const stamp = (x: number, y: number, state: PacketPosition['state']) => {
        const sprite = sprites.get(state, r, dpr);
        const px = Math.round(x * dpr);
        const py = Math.round(y * dpr);
        const key = ((px & 0xffff) * 0x10000 + (py & 0xffff)) * 8 + STATE_INDEX[state];
        if (stamped.has(key)) return;
        stamped.add(key);
        ctx.drawImage(sprite.image, px - sprite.half, py - sprite.half);
      };
      // The links' curves, once per pair of places in a frame.
      const curves = new Map<Point, Map<Point, Curve>>();
      const curve = (a: Point, b: Point) => {
        let from = curves.get(a);
        if (!from) curves.set(a, (from = new Map()));
        let c = from.get(b);
        if (!c) from.set(b, (c = linkCurve(a, b)));
        return c;
      };
      const s = stagger(traces.length);
      for (let k = 0; k < traces.length; k++) {
        const p = timeline(traces[k]!, playhead - k * s);
        if (!p) continue;
        const a = port(place(p.from));
        const b = p.to === p.from ? a : (port(place(p.to)) ?? a);
        if (!a || !b) continue;
        const at = p.progress > 0 && a !== b ? pointOn(curve(a, b), p.progress) : a;
        const x = at.x * zoom + tx;
        const y = at.y * zoom + ty;
        if (k === focus && !single) followed = { x, y };
        if (!single && p.progress === 0) {
          const key = `${x}|${y}|${p.state}`;
          const rest = resting.get(key);
          if (rest) rest.n++;
          else resting.set(key, { x, y, state: p.state, n: 1 });
          continue;
        }
        stamp(x, y, p.state);
      }
      for (const { x, y, state } of resting.values()) stamp(x, y, state);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const f = followed as Point | null;
      if (f) {
        ctx.beginPath();
        ctx.arc(f.x, f.y, r + 4, 0, Math.PI * 2);
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#0f172a';
        ctx.stroke();
      }
      // How many packets rest at each place, beside the dot, outside the box.
      ctx.font = '600 13px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (const { x, y, n } of resting.values()) {
        if (n < 2) continue;
        const label = `×${n}`;
        const w = ctx.measureText(label).width + 8;
        ctx.fillStyle = '#0f172a';
        ctx.fillRect(x + r + 3, y - 9, w, 18);
        ctx.fillStyle = '#fff';
        ctx.fillText(label, x + r + 7, y);
      }
      drawn();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    // The playhead moves inside the clock's animation frame: draw in that same frame, not the next.
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) draw();
      else if (s.traces !== prev.traces || s.focus !== prev.focus) schedule();
    });
    const unsubscribeFlow = flow.subscribe(schedule);
    const resize = new ResizeObserver(([entry]) => {
      if (entry) {
        size.width = entry.contentRect.width;
        size.height = entry.contentRect.height;
      }
      schedule();
    });
    resize.observe(el);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      unsubscribeFlow();
      resize.disconnect();
    };
  }, [flow]);

  return <canvas ref={canvas} className="packet-overlay" data-testid="packet-overlay" aria-hidden />;
}
