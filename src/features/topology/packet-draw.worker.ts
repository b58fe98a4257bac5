/**
 * The packets' painter off the main thread: PacketOverlay hands it its canvas
 * (transferControlToOffscreen) and then sends only what changed (packet-draw-protocol.ts): a burst's
 * routes once per Send, the places' points once per layout, the viewport when it moves, and the playhead
 * with the followed request in each frame the clock moves it. It paints once the messages queued have
 * been read (several in a row make one paint) and reports how long each paint took, a few times a
 * second, for bench:ui's packet-draw figure.
 */
import { createPainter, emptyView, paintFrame, type PacketRoutes } from './packet-paint';
import type { FromPainter, ToPainter } from './packet-draw-protocol';

/** The worker's global scope, as far as this file uses it (the project's DOM typings have no worker scope). */
const scope = self as unknown as {
  postMessage(message: FromPainter): void;
  onmessage: ((e: MessageEvent<ToPainter>) => void) | null;
};
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let routes: PacketRoutes | null = null;
const view = emptyView();
const painter = createPainter();
let pending = false;
const timings: number[] = [];
let reporting = false;

/**
 * Paints after the messages already queued (several in a row make one paint). Not the worker's own
 * requestAnimationFrame: in Chromium it ran a few times a second on a busy machine, while the page's
 * clock sends the playhead once per page frame anyway.
 */
const soon = (f: () => void) => setTimeout(f, 0);

function report() {
  reporting = false;
  if (!timings.length) return;
  scope.postMessage({ kind: 'draws', ms: timings.splice(0) });
}

function paint() {
  pending = false;
  if (!canvas || !ctx) return;
  const started = performance.now();
  paintFrame(canvas, ctx, painter, routes, view);
  timings.push(performance.now() - started);
  if (!reporting) {
    reporting = true;
    setTimeout(report, 200);
  }
}

scope.onmessage = ({ data }: MessageEvent<ToPainter>) => {
  switch (data.kind) {
    case 'canvas':
      canvas = data.canvas;
      ctx = canvas.getContext('2d');
      break;
    case 'routes':
      routes = data.routes;
      break;
    case 'view':
      Object.assign(view, data.view);
      break;
  }
  if (!pending) {
    pending = true;
    soon(paint);
  }
};
