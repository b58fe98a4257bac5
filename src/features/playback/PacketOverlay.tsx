/**
 * Draws the packets on a canvas over the graph (never as React Flow nodes), so hundreds can move at
 * 60 fps. It re-renders nothing in React: it subscribes to the playhead and the viewport and redraws.
 * Where a packet is comes from the pure timeline; where a place is comes from React Flow's node lookup.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { hopNodeId, instrumentation, timelineMany, useStore, type PacketPosition } from '../../store';

const COLORS: Record<PacketPosition['state'], string> = {
  moving: '#1d4ed8',
  delivered: '#15803d',
  dropped: '#b91c1c',
  rejected: '#c2410c',
  failed: '#b91c1c',
};

export function PacketOverlay() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    let frame = 0;
    // Kept from the ResizeObserver: reading the layout in every frame would force a reflow.
    const size = { width: el.clientWidth, height: el.clientHeight };

    const center = (id: string) => {
      const n = flow.getState().nodeLookup.get(id);
      if (!n) return null;
      const { x, y } = n.internals.positionAbsolute;
      const w = n.measured.width ?? n.width ?? 0;
      // Near the box's right edge rather than its centre, so the packet never hides the box's name.
      return { x: x + Math.max(w / 2, w - 18), y: y + (n.measured.height ?? n.height ?? 0) / 2 };
    };

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
      const { traces, playhead } = useStore.getState();
      if (!traces.length) return;
      const single = traces.length === 1;
      const r = single ? 13 : 8;
      // One path per state, filled once: hundreds of packets cost a handful of canvas calls.
      const dots = new Map<PacketPosition['state'], Path2D>();
      const crosses = new Path2D();
      for (const p of timelineMany(traces, playhead)) {
        if (!p) continue;
        const a = center(hopNodeId(p.from.location, p.from.stage));
        const b = center(hopNodeId(p.to.location, p.to.stage)) ?? a;
        if (!a || !b) continue;
        const x = (a.x + (b.x - a.x) * p.progress) * zoom + tx;
        const y = (a.y + (b.y - a.y) * p.progress) * zoom + ty;
        let path = dots.get(p.state);
        if (!path) dots.set(p.state, (path = new Path2D()));
        path.moveTo(x + r, y);
        path.arc(x, y, r, 0, Math.PI * 2);
        if (p.state === 'dropped' || p.state === 'rejected' || p.state === 'failed') {
          const k = r * 0.55;
          crosses.moveTo(x - k, y - k);
          crosses.lineTo(x + k, y + k);
          crosses.moveTo(x + k, y - k);
          crosses.lineTo(x - k, y + k);
        }
      }
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#fff';
      for (const [state, path] of dots) {
        ctx.fillStyle = COLORS[state];
        ctx.fill(path);
        ctx.stroke(path);
      }
      ctx.lineWidth = single ? 4 : 3;
      ctx.lineCap = 'round';
      ctx.stroke(crosses);
      drawn();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    // The playhead moves inside the clock's animation frame: draw in that same frame, not the next.
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.playhead !== prev.playhead) draw();
      else if (s.traces !== prev.traces) schedule();
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
