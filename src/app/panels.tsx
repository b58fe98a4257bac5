/**
 * The page's heavy panels, each its own chunk (issue 17's bundle budget): the graph (React Flow, dagre,
 * d3), the inspector, the lessons, the console and the timeline bar; and the engine's message catalogue,
 * which they show (i18n/message.tsx loads it when a message is first rendered, or here after the first
 * graph). The entry holds the shell (header, notices, the store, the editor's frame).
 *
 * Cold load (issue 17): on two busy cores every chunk the page parses, runs and renders before the first
 * graph takes time from it, and from the engine's worker compiling beside it. So only the graph's chunk
 * (and the timeline bar's, a few hundred bytes, which a scene with a Timeline draws above the graph) is
 * fetched at start (`preloadPanels`, called by main.tsx before the saved work is read). The inspector, the
 * lessons and the console keep their places, empty and busy, until the first graph is on screen
 * (store/first-graph.ts); then their chunks and the message catalogue load in the first idle moment and
 * they render, before a student has had time to reach for them.
 */
import { lazy, Suspense, useSyncExternalStore, type ComponentProps, type ReactNode } from 'react';
import { loadMessages } from '../i18n/message';
import { afterFirstGraph } from '../store';

const topology = () => import('../features/topology/TopologyPanel');
const graphLayout = () => import('../features/topology/graph-layout');
const inspector = () => import('../features/inspector/InspectorPanel');
const lessons = () => import('../features/lessons/LessonsPane');
const consolePanel = () => import('../features/console/ConsolePanel');
const timeline = () => import('../features/timeline/TimelineBar');

/** How long the panels beside the graph wait for an idle moment after the first graph, at most. */
const IDLE_WAIT_MS = 300;

let besideShown = false;
const watchers = new Set<() => void>();

/** Shows the panels beside the graph (once their chunks are in, or failed: the slot then says so). */
function showBeside(): void {
  besideShown = true;
  for (const w of watchers) w();
}

const whenIdle = (run: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
  else setTimeout(run, 0);
};

/**
 * Starts fetching the graph's chunk (and the timeline bar's) now, and the other panels' once the first
 * graph is drawn, in an idle moment; they render once they have run (a second import of a module is the
 * same promise).
 */
export function preloadPanels(): void {
  for (const load of [topology, timeline]) void load().catch(() => undefined);
  void graphLayout()
    .then((m) => m.layOutAhead())
    .catch(() => undefined);
  void afterFirstGraph().then(() =>
    whenIdle(() => {
      void Promise.allSettled([inspector(), lessons(), consolePanel(), loadMessages()]).then(showBeside);
    }),
  );
}

const subscribe = (watch: () => void) => {
  watchers.add(watch);
  return () => watchers.delete(watch);
};
const useBesideShown = () =>
  useSyncExternalStore(
    subscribe,
    () => besideShown,
    () => besideShown,
  );

const LazyTopology = lazy(() => topology().then((m) => ({ default: m.TopologyPanel })));
const LazyInspector = lazy(() => inspector().then((m) => ({ default: m.InspectorPanel })));
const LazyLessons = lazy(() => lessons().then((m) => ({ default: m.LessonsPane })));
const LazyConsole = lazy(() => consolePanel().then((m) => ({ default: m.ConsolePanel })));
const LazyTimeline = lazy(() => timeline().then((m) => ({ default: m.TimelineBar })));

/** Holds a panel's place (same class, so the layout does not move) until its chunk has run. */
const Slot = ({ className, children }: { className: string; children: ReactNode }) => (
  <Suspense fallback={<section className={className} aria-busy="true" />}>{children}</Suspense>
);

/** A panel beside the graph: its place, held the same way, until the first graph is drawn. */
const BesideSlot = ({ className, children }: { className: string; children: ReactNode }) =>
  useBesideShown() ? (
    <Slot className={className}>{children}</Slot>
  ) : (
    <section className={className} aria-busy="true" />
  );

export const TopologyPanel = (props: ComponentProps<typeof LazyTopology>) => (
  <Slot className="panel topology-panel">
    <LazyTopology {...props} />
  </Slot>
);

export const InspectorPanel = () => (
  <BesideSlot className="inspector-tabs">
    <LazyInspector />
  </BesideSlot>
);

export const LessonsPane = () => (
  <BesideSlot className="lessons-pane">
    <LazyLessons />
  </BesideSlot>
);

export const ConsolePanel = () => (
  <BesideSlot className="panel console-panel">
    <LazyConsole />
  </BesideSlot>
);

/** Shown only for a scene with a Timeline: nothing holds its place. */
export const TimelineBar = () => (
  <Suspense fallback={null}>
    <LazyTimeline />
  </Suspense>
);
