/**
 * What the first screen does not need waits for the first graph (issue 17, cold load): on two busy cores
 * every chunk parsed and every script compiled before the graph is drawn delays it. The lesson catalogue
 * (and with it the rest of the engine in the worker: engine-rest.ts) and the panels beside the graph
 * load once the graph is on screen, or after FIRST_GRAPH_WAIT_MS when the engine is slow or the scene
 * draws none (a broken text), so nothing waits for ever.
 *
 * @example
 * void afterFirstGraph().then(loadLessonCatalogue);
 */
import { firstGraphShown } from './instrumentation';

/** The longest anything waits for the first graph. */
export const FIRST_GRAPH_WAIT_MS = 4000;

let settled: Promise<void> | null = null;

/** Settles after the frame that draws the first graph (or FIRST_GRAPH_WAIT_MS after it was first asked). */
export function afterFirstGraph(): Promise<void> {
  settled ??= Promise.race([
    firstGraphShown.then(afterPaint),
    new Promise<void>((resolve) => setTimeout(resolve, FIRST_GRAPH_WAIT_MS)),
  ]);
  return settled;
}

/** After the frame being drawn is painted: a task after the next animation frame. */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'undefined') resolve();
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
