/**
 * Connects the store to the engine worker: a text change is sent at once when the worker is idle;
 * changes made while a build is in flight collapse into one build of the newest text when it returns
 * (no fixed debounce: a build takes a few milliseconds, a timer would only add latency). Answers for
 * stale text are dropped; a text that yields no cluster keeps the last good one.
 */
import { translate } from '../i18n/translate';
import { same } from '../worker/cluster-patch';
import { BUILD_BUDGET_MS, createEngineClient, type EngineClient } from '../worker/engine-client';
import { instrumentation } from './instrumentation';
import { applySceneEdit } from './scene-edits';
import { toSources } from './scene-files';
import { useStore } from './store';
import { duration } from './timeline';
import { hasPlaceholder, resolveTarget } from './suggested-target';
import type { Result } from '../worker/protocol';
import type { Diagnostic, Trace } from './types';

let client: EngineClient | null = null;

/** The worker's handle, once startEngineSync has run (lesson-sync.ts calls it too). */
export const engineClient = (): EngineClient | null => client;

/** A text is "broken" when it has YAML syntax errors: the graph then keeps the last good cluster. */
export const isBroken = (diagnostics: Diagnostic[]) =>
  diagnostics.some((d) => d.source === 'yaml' && d.severity === 'error');

async function rebuild(c: EngineClient) {
  const { files, revision, seed, sceneAt } = useStore.getState();
  useStore.setState({ computing: true });
  const timing = instrumentation.buildSent();
  const answer = await c.update(revision, toSources(files), seed, sceneAt);
  timing.received();
  if (answer === null) return; // stale: a newer text is on its way
  if (!answer.ok && 'stopped' in answer) {
    // The worker was restarted (onRestart said so): the graph keeps the last good cluster.
    useStore.setState((s) => ({ computing: false, engineStatus: s.lastGood ? 'ready' : s.engineStatus }));
    return;
  }
  if (!answer.ok) {
    useStore.setState({ computing: false, engineStatus: 'error', engineMessage: answer.error });
    return;
  }
  const { cluster, diagnostics, timeline } = answer.value;
  const broken = isBroken(diagnostics);
  useStore.setState((s) => ({
    // Equal lists keep their identity (like the cluster, worker/cluster-patch.ts): a keystroke that
    // changes no object leaves the graph's memos (refused objects, layout) as they were.
    ...(broken || same(s.timelineEvents, timeline.events) ? {} : { timelineEvents: timeline.events }),
    computing: false,
    engineStatus: 'ready',
    engineMessage: null,
    engineStop: null,
    diagnostics: same(s.diagnostics, diagnostics) ? s.diagnostics : diagnostics,
    diagnosticsRevision: answer.value.revision,
    broken,
    lastGood: broken ? s.lastGood : { revision: answer.value.revision, cluster },
    // A scenario's suggested target names allocated addresses by placeholder: fill them from this cluster.
    ...(!broken && answer.value.revision === s.revision && hasPlaceholder(s.request.target)
      ? { request: { ...s.request, target: resolveTarget(s.request.target, cluster) } }
      : {}),
  }));
  timing.applied(answer.value.revision, answer.value.buildMs, {
    pods: cluster.pods.length,
    workerMs: answer.value.workerMs,
  });
}

/** The client prestartEngine made, until startEngineSync takes it. */
let early: EngineClient | null = null;

const makeClient = () =>
  createEngineClient({
    onRestart: (why) => useStore.setState({ engineStop: { why, budgetMs: BUILD_BUDGET_MS } }),
    onGiveUp: () =>
      useStore.setState({
        computing: false,
        engineStop: { why: 'gaveUp', budgetMs: BUILD_BUDGET_MS },
      }),
  });

/**
 * Starts the engine's worker before anything else (issue 17, cold load): its code (the engine, the
 * schemas) downloads and runs in the worker while the page reads the saved work and mounts, instead of
 * after. startEngineSync then sends it the scene.
 */
export function prestartEngine(): void {
  if (!early && !client) early = makeClient();
}

/** Starts the worker (or takes the prestarted one) and keeps it in step with the store; returns a stop. */
export function startEngineSync(): () => void {
  let inFlight = false;
  let dirty = false;
  let stopped = false;
  const pump = async (): Promise<void> => {
    if (inFlight) {
      dirty = true;
      return;
    }
    inFlight = true;
    try {
      await rebuild(c);
    } finally {
      inFlight = false;
    }
    if (dirty && !stopped) {
      dirty = false;
      await pump();
    }
  };
  // A stopped worker is replaced by a new one that the client gives the last scene built, so the graph,
  // the console and requests agree; the text that was stopped is not sent again (it would run over
  // again): the next edit is built.
  const c = (client = early ?? makeClient());
  early = null;
  void pump();
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.files === prev.files && s.seed === prev.seed && s.sceneAt === prev.sceneAt) return;
    void pump();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/**
 * Sends the request bar's request (or looks its target's name up); the traces replace the previous ones
 * and playback restarts from the first request. A lookup's traces are its DNS queries; nslookup's
 * output goes beside them. With reduced motion the packets do not play by themselves: the playhead
 * jumps to the end state and the user steps.
 */
export async function sendRequest(): Promise<void> {
  if (!client) return;
  useStore.setState({ sending: true, traceError: null, lookupText: null });
  // The request runs on the scene on screen: a Send right after a scenario, lesson step or edit waits for
  // that text's build (which also fills the suggested target's placeholders), not the one before it.
  await builtUpTo(useStore.getState().revision);
  const { request, lookup } = useStore.getState();
  // A lookup answers with traces too (its queries), and nslookup's output.
  const answer: Result<{ traces: Trace[]; text?: string }> = lookup
    ? await client.lookup(request)
    : await client.simulate(request);
  if (!answer.ok) {
    useStore.setState({ sending: false, traceError: answer.error, traces: [] });
    return;
  }
  const { traces, text } = answer.value;
  showTraces(traces, text ?? null);
}

/**
 * Settles once the worker has answered for text revision `revision` (or a later one), or has failed or
 * been stopped, or after a build's time budget: the caller never waits for ever.
 */
function builtUpTo(revision: number): Promise<void> {
  const done = (s: ReturnType<typeof useStore.getState>) =>
    s.diagnosticsRevision >= revision ||
    s.engineStop !== null ||
    (s.engineStatus === 'error' && !s.computing);
  if (done(useStore.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, BUILD_BUDGET_MS);
    const unsubscribe = useStore.subscribe((s) => {
      if (done(s)) finish();
    });
  });
}

/**
 * The graph, the inspector and the event list follow these requests from the first; with reduced
 * motion the playhead waits at the end state.
 */
function showTraces(traces: Trace[], lookupText: string | null): void {
  const still = prefersReducedMotion();
  useStore.setState({
    sending: false,
    traceError: null,
    traces,
    lookupText,
    focus: 0,
    playhead: still ? duration(traces) : 0,
    readout: 0,
    playing: traces.length > 0 && !still,
  });
  instrumentation.tracesShown(traces.length);
}

/** The user asked the system for less motion (`prefers-reduced-motion: reduce`). */
export const prefersReducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/** Runs one console line in the worker, with svclab's own sentences in the page's language. */
export async function runConsoleLine(line: string) {
  if (!client) return { ok: false as const, error: 'engine not started' };
  const sent = useStore.getState().files;
  const r = await client.run(line, useStore.getState().locale);
  // A curl from the console animates on the graph like the request bar's, selectable in the event list.
  if (r.ok && r.value.traces?.length) showTraces(r.value.traces, null);
  if (!r.ok || !r.value.sources) return r;
  // The command edited the scene: the text is the single source of truth, so the files take the edit.
  // If the user typed meanwhile, the edit was made on an older text and is not applied.
  if (useStore.getState().files !== sent) {
    const note = translate(useStore.getState().locale, 'console.sceneChanged');
    return {
      ok: true as const,
      value: { ...r.value, exitCode: 1 as const, stderr: `${r.value.stderr}${note}\n` },
    };
  }
  // As an edit in the editor where it is open, so Ctrl+Z takes it back.
  for (const f of r.value.sources) applySceneEdit(f.file, f.text);
  return r;
}
