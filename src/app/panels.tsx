/**
 * The page's heavy panels, each its own chunk (issue 17's bundle budget): the graph (React Flow, dagre,
 * d3), the inspector, the lessons, the console and the timeline bar (with them the engine's message
 * catalogue, which only they render). The entry holds the shell (header, notices, the
 * store, the editor's frame) and starts fetching every panel at once (`preloadPanels`, called by
 * main.tsx before the saved work is read), so the chunks arrive while IndexedDB and the engine's first
 * build run: the shell does not wait for them and they do not wait for each other.
 */
import { lazy, Suspense, type ComponentProps, type ReactNode } from 'react';

const topology = () => import('../features/topology/TopologyPanel');
const inspector = () => import('../features/inspector/InspectorPanel');
const lessons = () => import('../features/lessons/LessonsPane');
const consolePanel = () => import('../features/console/ConsolePanel');
const timeline = () => import('../features/timeline/TimelineBar');

/** Starts fetching every panel's chunk (a second import of a module is the same promise). */
export function preloadPanels(): void {
  for (const load of [topology, inspector, lessons, consolePanel, timeline])
    void load().catch(() => undefined);
}

const LazyTopology = lazy(() => topology().then((m) => ({ default: m.TopologyPanel })));
const LazyInspector = lazy(() => inspector().then((m) => ({ default: m.InspectorPanel })));
const LazyLessons = lazy(() => lessons().then((m) => ({ default: m.LessonsPane })));
const LazyConsole = lazy(() => consolePanel().then((m) => ({ default: m.ConsolePanel })));
const LazyTimeline = lazy(() => timeline().then((m) => ({ default: m.TimelineBar })));

/** Holds a panel's place (same class, so the layout does not move) until its chunk has run. */
const Slot = ({ className, children }: { className: string; children: ReactNode }) => (
  <Suspense fallback={<section className={className} aria-busy="true" />}>{children}</Suspense>
);

export const TopologyPanel = (props: ComponentProps<typeof LazyTopology>) => (
  <Slot className="panel topology-panel">
    <LazyTopology {...props} />
  </Slot>
);

export const InspectorPanel = () => (
  <Slot className="inspector-tabs">
    <LazyInspector />
  </Slot>
);

export const LessonsPane = () => (
  <Slot className="lessons-pane">
    <LazyLessons />
  </Slot>
);

export const ConsolePanel = () => (
  <Slot className="panel console-panel">
    <LazyConsole />
  </Slot>
);

/** Shown only for a scene with a Timeline: nothing holds its place. */
export const TimelineBar = () => (
  <Suspense fallback={null}>
    <LazyTimeline />
  </Suspense>
);
