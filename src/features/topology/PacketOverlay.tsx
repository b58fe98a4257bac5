/**
 * Draws the packets on a canvas over the graph (never as React Flow nodes), so thousands can move at
 * 60 fps. It re-renders nothing in React, and the page's main thread does almost nothing per frame: the
 * canvas is handed to a worker (transferControlToOffscreen; packet-draw.worker.ts) that paints every
 * packet itself (packet-paint.ts). The page sends it a burst's routes once per Send, the places' points
 * once per layout (where React Flow has put the boxes; a pod of a collapsed group is drawn at its group's
 * box), the viewport when it moves, and in each frame the clock moves the playhead, the playhead alone.
 *
 * Where a browser cannot give a canvas to a worker (or the worker fails), the same painter paints on the
 * page, in the frame the playhead moved.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { afterFirstGraph, instrumentation, useStore } from '../../store';
import type { FromPainter, ToPainter } from './packet-draw-protocol';
import { createPainter, emptyView, packetRoutes, paintFrame, type PacketRoutes } from './packet-paint';
import { portOfNode } from './route-geometry';

type Send = (message: ToPainter) => void;

/** The worker painter, with the canvas handed to it; null where a canvas cannot be handed over. */
function workerPainter(el: HTMLCanvasElement, failed: () => void): { send: Send; stop: () => void } | null {
  if (typeof el.transferControlToOffscreen !== 'function' || typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./packet-draw.worker.ts', import.meta.url), {
      type: 'module',
      name: 'packets',
    });
  } catch {
    return null;
  }
  const canvas = el.transferControlToOffscreen();
  handedOver.add(el);
  worker.postMessage({ kind: 'canvas', canvas } satisfies ToPainter, [canvas]);
  worker.onmessage = ({ data }: MessageEvent<FromPainter>) => {
    if (data.kind === 'draws') instrumentation.drawsMeasured(data.ms);
  };
  worker.onerror = failed;
  return { send: (m) => worker.postMessage(m), stop: () => worker.terminate() };
}

/** The painter on the page: a moved playhead is painted at once (inside the clock's frame), the rest in the next frame. */
function pagePainter(el: HTMLCanvasElement): { send: Send; stop: () => void } {
  const ctx = el.getContext('2d')!;
  const painter = createPainter();
  let routes: PacketRoutes | null = null;
  const view = emptyView();
  let frame = 0;
  const paint = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    const drawn = instrumentation.drawStarted();
    paintFrame(el, ctx, painter, routes, view);
    drawn();
  };
  return {
    send(m) {
      if (m.kind === 'routes') routes = m.routes;
      else if (m.kind === 'view') Object.assign(view, m.view);
      if (m.kind === 'view' && m.view.playhead !== undefined) paint();
      else if (!frame) frame = requestAnimationFrame(paint);
    },
    stop: () => cancelAnimationFrame(frame),
  };
}

/** Canvases already handed to a worker: they cannot be drawn on, or handed over, again. */
const handedOver = new WeakSet<HTMLCanvasElement>();

const samePoints = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** @param shownAs a pod of a collapsed group → the group's box, where its packets are drawn. */
export function PacketOverlay({ shownAs }: { shownAs?: ReadonlyMap<string, string> } = {}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  // The worker failed: a new canvas (the old one belongs to the worker) painted on the page.
  const [onPage, setOnPage] = useState(false);
  // A canvas handed to a worker whose effect was cleaned up (React's StrictMode runs effects twice in
  // development): a new canvas element for the next one.
  const [canvasKey, setCanvasKey] = useState(0);
  const shown = useRef(shownAs);
  const refresh = useRef<() => void>(() => {});
  useEffect(() => {
    shown.current = shownAs;
    refresh.current();
  }, [shownAs]);

  useEffect(() => {
    const el = canvas.current!;
    if (handedOver.has(el)) {
      setCanvasKey((k) => k + 1);
      return;
    }
    /** Starts painting on the canvas; answers what stops it. */
    const start = (): (() => void) => {
      const painter = (!onPage && workerPainter(el, () => setOnPage(true))) || pagePainter(el);
      const { send } = painter;
      let routes: PacketRoutes | null = null;
      let points = new Float64Array(0);
      let viewport: readonly number[] = [];

      // Where each place of the burst is, in the graph's coordinates, as React Flow has laid the boxes out.
      const placePoints = () => {
        const lookup = flow.getState().nodeLookup;
        const places = routes?.places ?? [];
        const next = new Float64Array(places.length * 2).fill(NaN);
        places.forEach((id, i) => {
          const n = lookup.get(shown.current?.get(id) ?? id);
          if (!n) return;
          const p = portOfNode(n);
          next[2 * i] = p.x;
          next[2 * i + 1] = p.y;
        });
        return next;
      };
      const graphMoved = () => {
        const next = placePoints();
        if (!samePoints(next, points)) send({ kind: 'view', view: { points: (points = next) } });
        const [tx, ty, zoom] = flow.getState().transform;
        if (tx !== viewport[0] || ty !== viewport[1] || zoom !== viewport[2]) {
          viewport = [tx, ty, zoom];
          send({ kind: 'view', view: { tx, ty, zoom } });
        }
      };
      refresh.current = graphMoved;
      const burst = () => {
        const { traces, playhead, focus } = useStore.getState();
        routes = traces.length ? packetRoutes(traces) : null;
        send({ kind: 'routes', routes });
        points = placePoints();
        send({ kind: 'view', view: { points, playhead, focus } });
      };

      const resize = new ResizeObserver(([entry]) => {
        if (entry)
          send({
            kind: 'view',
            view: {
              width: entry.contentRect.width,
              height: entry.contentRect.height,
              dpr: window.devicePixelRatio || 1,
            },
          });
      });
      send({
        kind: 'view',
        view: { width: el.clientWidth, height: el.clientHeight, dpr: window.devicePixelRatio || 1 },
      });
      burst();
      graphMoved();
      resize.observe(el);
      // The playhead moves inside the clock's animation frame: only it (and the followed request) is sent.
      const unsubscribe = useStore.subscribe((s, prev) => {
        if (s.traces !== prev.traces) burst();
        else if (s.playhead !== prev.playhead || s.focus !== prev.focus)
          send({ kind: 'view', view: { playhead: s.playhead, focus: s.focus } });
      });
      const unsubscribeFlow = flow.subscribe(graphMoved);
      return () => {
        refresh.current = () => {};
        painter.stop();
        unsubscribe();
        unsubscribeFlow();
        resize.disconnect();
      };
    };
    // The painter (a worker of its own) starts once the first graph is on screen: no packet moves
    // before a Send, and starting a worker while the first graph was drawn delayed it on two busy cores
    // (issue 17, cold load). Later mounts start it a microtask after the effect.
    let stop: (() => void) | null = null;
    let cancelled = false;
    void afterFirstGraph().then(() => {
      if (!cancelled) stop = start();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [flow, onPage, canvasKey]);

  return (
    <canvas
      key={`${onPage ? 'page' : 'worker'}-${canvasKey}`}
      ref={canvas}
      className="packet-overlay"
      data-testid="packet-overlay"
      aria-hidden
    />
  );
}
