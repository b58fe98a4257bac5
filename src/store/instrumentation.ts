/**
 * What the UI bench (`npm run bench:ui`, scripts/bench-ui.mjs) measures, recorded in one place so the
 * components that do the work only call a tiny API. Nothing here changes what the app does; it only
 * leaves marks in the page's performance timeline:
 *
 *   "svclab:build-applied"  a build's answer is in the store: { revision, roundTripMs, buildMs, workerMs, applyMs, pods }
 *   "svclab:graph"          the graph shows a revision: { revision, layoutMs } (0: no layout since the last)
 *   "svclab:traces"         a Send's requests are in the store, to be animated: { count }
 *   window.__svclabDrawMs   the last few hundred packet-draw durations, oldest first (measured where the
 *                           packets are painted: in the packet worker, which reports them in batches)
 *   window.__svclabDraws    how many packet draws there have been
 *
 * Packet draws go to a fixed ring rather than a mark per frame: recording costs nothing and never grows.
 *
 * @example
 * const build = instrumentation.buildSent();
 * const answer = await client.update(…);
 * build.received();
 * // … put the answer in the store …
 * build.applied(answer.revision, answer.buildMs);
 */

/** One build's round trip, from the moment its text is sent to the worker. */
export interface BuildTiming {
  /** The worker's answer arrived. */
  received(): void;
  /**
   * The answer is in the store; `buildMs` is the engine's own time, as the worker measured it,
   * `workerMs` the worker's whole time on the call (build, slim copy, patch), and `pods` the pods of the
   * cluster the page now holds.
   */
  applied(revision: number, buildMs: number | null, more?: { pods?: number; workerMs?: number }): void;
}

const DRAWS = 600;
const drawRing = new Float64Array(DRAWS);
let draws = 0;
let layoutMs = 0;

/** The recorded packet-draw durations, oldest first (window.__svclabDrawMs). */
export function drawTimes(): number[] {
  const n = Math.min(draws, DRAWS);
  const start = draws - n;
  return Array.from({ length: n }, (_, i) => drawRing[(start + i) % DRAWS]!);
}

/** How many packet draws there have been (window.__svclabDraws). */
export const drawCount = () => draws;

if (typeof window !== 'undefined') {
  Object.defineProperty(window, '__svclabDrawMs', { get: drawTimes, configurable: true });
  Object.defineProperty(window, '__svclabDraws', { get: drawCount, configurable: true });
}

let firstGraph: () => void = () => undefined;
/** Settles when the page first shows a graph (what may wait for it: store/first-graph.ts). */
export const firstGraphShown = new Promise<void>((resolve) => {
  firstGraph = resolve;
});

export const instrumentation = {
  buildSent(): BuildTiming {
    const sent = performance.now();
    let received = sent;
    return {
      received() {
        received = performance.now();
      },
      applied(revision, buildMs, more = {}) {
        const detail = {
          revision,
          roundTripMs: received - sent,
          buildMs,
          workerMs: more.workerMs,
          applyMs: performance.now() - received,
          pods: more.pods,
        };
        performance.mark('svclab:build-applied', { detail });
      },
    };
  },

  /** Lays out the graph with `layout`, keeping its duration for the next `graphShown`. */
  layout<T>(layout: () => T): T {
    const started = performance.now();
    const result = layout();
    layoutMs = performance.now() - started;
    return result;
  },

  /** The graph now shows this revision of the text. */
  graphShown(revision: number): void {
    performance.mark('svclab:graph', { detail: { revision, layoutMs } });
    firstGraph();
    // A revision shown without a layout of its own (nothing the graph draws changed) took none.
    layoutMs = 0;
  },

  /** A Send's requests are in the store (the overlay animates one packet per request). */
  tracesShown(count: number): void {
    performance.mark('svclab:traces', { detail: { count } });
  },

  /** Starts timing one packet-draw frame; call the result once the frame is drawn. */
  drawStarted(): () => void {
    const started = performance.now();
    return () => {
      drawRing[draws % DRAWS] = performance.now() - started;
      draws++;
    };
  },

  /** Packet-draw frames timed elsewhere (the packet worker), oldest first. */
  drawsMeasured(ms: readonly number[]): void {
    for (const d of ms) drawRing[draws++ % DRAWS] = d;
  },
};
