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
import { hopNodeId, instrumentation, timelineMany, useStore, type PacketPosition } from '../../store';
import { PACKET_COLORS as COLORS, PACKET_MARK } from './packet-colors';
import { linkCurve, pointOn, portOfNode, type Point } from './route-geometry';

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
      // One path per state, filled once: thousands of packets cost a handful of canvas calls.
      const dots = new Map<PacketPosition['state'], Path2D>();
      // Each end state has its own mark on the dot (✓ delivered, ✕ dropped or failed, — refused), so
      // the states read apart without their colours.
      const marks = new Path2D();
      const resting = new Map<string, { at: Point; state: PacketPosition['state']; n: number }>();
      let followed: Point | null = null;
      const addDot = (x: number, y: number, state: PacketPosition['state']) => {
        let path = dots.get(state);
        if (!path) dots.set(state, (path = new Path2D()));
        path.moveTo(x + r, y);
        path.arc(x, y, r, 0, Math.PI * 2);
        const k = r * 0.55;
        const mark = PACKET_MARK[state];
        if (mark === 'cross') {
          marks.moveTo(x - k, y - k);
          marks.lineTo(x + k, y + k);
          marks.moveTo(x + k, y - k);
          marks.lineTo(x - k, y + k);
        } else if (mark === 'bar') {
          marks.moveTo(x - k, y);
          marks.lineTo(x + k, y);
        } else if (mark === 'tick') {
          marks.moveTo(x - k, y);
          marks.lineTo(x - k * 0.25, y + k * 0.7);
          marks.lineTo(x + k, y - k * 0.6);
        }
      };
      timelineMany(traces, playhead).forEach((p, k) => {
        if (!p) return;
        const a = port(hopNodeId(p.from.location, p.from.stage));
        const b = port(hopNodeId(p.to.location, p.to.stage)) ?? a;
        if (!a || !b) return;
        const at = p.progress > 0 && a !== b ? pointOn(linkCurve(a, b), p.progress) : a;
        const x = at.x * zoom + tx;
        const y = at.y * zoom + ty;
        if (k === focus && !single) followed = { x, y };
        if (!single && p.progress === 0) {
          const key = `${x}|${y}|${p.state}`;
          const rest = resting.get(key);
          if (rest) rest.n++;
          else resting.set(key, { at: { x, y }, state: p.state, n: 1 });
          return;
        }
        addDot(x, y, p.state);
      });
      for (const { at, state } of resting.values()) addDot(at.x, at.y, state);
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#fff';
      for (const [state, path] of dots) {
        ctx.fillStyle = COLORS[state];
        ctx.fill(path);
        ctx.stroke(path);
      }
      ctx.lineWidth = single ? 4 : 3;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.stroke(marks);
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
      for (const { at, n } of resting.values()) {
        if (n < 2) continue;
        const label = `×${n}`;
        const w = ctx.measureText(label).width + 8;
        ctx.fillStyle = '#0f172a';
        ctx.fillRect(at.x + r + 3, at.y - 9, w, 18);
        ctx.fillStyle = '#fff';
        ctx.fillText(label, at.x + r + 7, at.y);
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
