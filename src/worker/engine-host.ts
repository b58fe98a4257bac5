/**
 * The engine as the worker serves it: a small typed switch over the engine's public face. It keeps the
 * incremental workspace, the newest cluster and the simulation world, answers with values (nothing
 * thrown crosses the boundary) and skips builds that a newer revision has already overtaken.
 * Kept apart from engine.worker.ts so tests run it in Node without a Worker.
 *
 * @example
 * const host = createEngineHost();
 * await host.update(1, [{ file: 'scene.yaml', text }], 1); // { ok: true, value: { revision: 1, cluster, … } }
 * await host.simulate({ from: 'pod/default/client', target: 'http://web' }); // { ok: true, value: { traces: [ … ] } }
 * await host.lookup({ from: 'pod/default/client', target: 'web' }); // { ok: true, value: { traces: [ … ], text: 'Server: …' } }
 */
import {
  clusterAt,
  createWorkspace,
  readManifestFile,
  takeWantedLibraries,
  type BuildResult,
  type ClusterState,
  type Diagnostic,
  type ManifestSource,
  type Workspace,
} from '../engine/core';
import type { SimWorld } from '../engine';
import type * as RestModule from './engine-rest';
import type * as LibsModule from './engine-libs';
import { diffModel } from './cluster-patch';
import {
  errorText,
  MAX_CONSOLE_TRACES,
  MAX_SIM_COUNT,
  type BuildAnswer,
  type ClusterModel,
  type EngineApi,
  type Result,
} from './protocol';
import { forUi } from './ui-cluster';

const NO_CLUSTER: Result<never> = { ok: false, error: 'no cluster' };

/** The rest of the engine (engine-rest.ts): its own chunk, loaded once, by the first call that needs it. */
type Rest = typeof RestModule;
const loadRest = (): Promise<Rest> => import('./engine-rest');
/** The engine's libraries that load apart (engine-libs.ts): their own chunk, loaded once. */
type Libs = typeof LibsModule;
const loadLibs = (): Promise<Libs> => import('./engine-libs');
/** What the console shows of one command's output (iptables-save at 10,000 Services is ~10 MB). */
const CONSOLE_MAX_OUTPUT = 1_000_000;

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `f`, turning anything it throws into an error value. */
function attempt<T>(f: () => T): Result<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

export function createEngineHost(
  clock: () => number = () => performance.now(),
  load: () => Promise<Rest> = loadRest,
  loadLibraries: () => Promise<Libs> = loadLibs,
): EngineApi {
  let latestRevision = 0;
  let workspace: Workspace | null = null;
  let current: {
    revision: number;
    /** The cluster as built (time 0): commands apply the timeline themselves (`--at`). */
    built: ClusterState;
    /** The cluster at the instant `at` of the scene's timeline: requests run here. */
    cluster: ClusterState;
    at: number;
    diagnostics: Diagnostic[];
    sources: ManifestSource[];
    objects: BuildResult['objects'];
  } | null = null;
  /**
   * The simulation world, made on the first request (the world's code is in the rest of the engine):
   * until then its seed and the instant its clock has reached are kept here, as a built world keeps them.
   */
  let world: SimWorld | null = null;
  let worldSeed = 1;
  let worldClock = 0;
  let rest: Promise<Rest> | null = null;
  let libs: Promise<void> | null = null;
  /** The engine's libraries, loaded and provided once (a failed load is tried again by the next call). */
  const libraries = async (): Promise<void> => {
    libs ??= loadLibraries().then((l) => l.provideLibraries());
    try {
      await libs;
    } catch (e) {
      libs = null;
      throw e;
    }
  };
  /** The rest of the engine, with the libraries, loaded once (a failed load is tried again later). */
  const more = async (): Promise<Rest> => {
    rest ??= load();
    try {
      const [r] = await Promise.all([rest, libraries()]);
      return r;
    } catch (e) {
      rest = null;
      throw e;
    }
  };
  /** Runs `f` with the rest of the engine; its failure to load is an error value like any other. */
  const withRest = async <T>(f: (r: Rest) => T): Promise<Result<T>> => {
    let r: Rest;
    try {
      r = await more();
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
    return attempt(() => f(r));
  };
  const simWorld = (r: Rest): SimWorld => {
    if (!world) {
      world = r.createWorld(worldSeed);
      if (worldClock > world.clock) world.clock = worldClock;
    }
    return world;
  };
  /** The slim cluster last sent as a model, and its number: the next model is a patch against it. */
  let sent: { epoch: number; cluster: ClusterState } | null = null;
  let epochs = 0;

  const build: EngineApi['update'] = async (revision, sources, seed, at = 0) => {
    latestRevision = Math.max(latestRevision, revision);
    // Let queued messages run first: if a newer text is waiting, this one is stale and skipped.
    await yieldToQueue();
    if (revision < latestRevision) return { ok: true, value: null };
    const started = clock();
    takeWantedLibraries();
    const first = run(revision, sources, seed, at, started);
    // The build reached a library that loads apart before it had loaded (engine/libraries.ts): load
    // them and build again on a new workspace, so that the answer is the whole engine's, not half of one.
    if (takeWantedLibraries().length === 0) return first;
    workspace = null;
    try {
      await libraries();
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
    if (revision < latestRevision) return { ok: true, value: null };
    return run(revision, sources, seed, at, started);
  };

  const run = (
    revision: number,
    sources: ManifestSource[],
    seed: number,
    at: number,
    started: number,
  ): Result<BuildAnswer> =>
    attempt(() => {
      if (workspace?.seed !== seed) workspace = createWorkspace(seed);
      const { cluster: built, diagnostics, objects } = workspace.update(sources);
      const instant = Number.isFinite(at) && at > 0 ? at : 0;
      const { cluster, events } = clusterAt({ cluster: built, objects }, instant, seed);
      const buildMs = clock() - started;
      if (!current || worldSeed !== seed) {
        world = null;
        worldSeed = seed;
        worldClock = 0;
      }
      // Requests sent now happen at that instant (the clock only moves forward: conntrack remembers).
      if (world && instant > world.clock) world.clock = instant;
      worldClock = Math.max(worldClock, instant);
      current = { revision, built, cluster, at: instant, diagnostics, sources, objects };
      return {
        revision,
        cluster: forUi(cluster),
        diagnostics,
        buildMs,
        timeline: { at: instant, events },
      };
    });

  return {
    update: build,

    async updateModel(revision, sources, seed, at, known) {
      const taken = clock();
      const answer = await build(revision, sources, seed, at);
      if (!answer.ok) return answer;
      if (!answer.value) return { ok: true, value: null };
      const { cluster, ...rest } = answer.value;
      const epoch = ++epochs;
      const model: ClusterModel =
        sent && sent.epoch === known
          ? { epoch, base: known, patch: diffModel(sent.cluster, cluster) }
          : { epoch, cluster };
      sent = { epoch, cluster };
      return { ok: true, value: { ...rest, model, workerMs: clock() - taken } };
    },

    async simulate(init) {
      if (!current) return NO_CLUSTER;
      return withRest((r) => {
        const { revision, cluster } = current!;
        const count = Math.max(1, Math.min(MAX_SIM_COUNT, Math.round(init.count ?? 1) || 1));
        const req = r.request({ ...init, target: init.target.trim(), count });
        const w = simWorld(r);
        const traces = count > 1 ? r.simulateMany(cluster, w, req) : [r.simulate(cluster, w, req)];
        return { revision, traces };
      });
    },

    async lookup(init) {
      if (!current) return NO_CLUSTER;
      return withRest((r) => {
        const { revision, cluster } = current!;
        const count = Math.max(1, Math.min(MAX_SIM_COUNT, Math.round(init.count ?? 1) || 1));
        // A lookup is a request of its own (protocol DNS): its queries walk kube-proxy's rules to CoreDNS.
        const req = r.request({ ...init, target: init.target.trim(), protocol: 'DNS', count });
        const traces = r.simulateMany(cluster, simWorld(r), req);
        return { revision, traces, text: traces[0]?.lookup?.output ?? '' };
      });
    },

    async run(line, lang) {
      if (!current) return NO_CLUSTER;
      return withRest((r) => {
        const now = current!;
        const env = {
          cluster: now.built,
          // A line without --at runs at the page's instant (the timeline's scrubber).
          at: now.at,
          world: simWorld(r),
          diagnostics: now.diagnostics,
          // The imperative commands (scale, label, cordon …) edit these and answer with the new sources.
          sources: now.sources,
          // With a Timeline in the scene, `--at 1m` runs the line at that instant.
          objects: now.objects,
          json: false,
          lang,
          maxOutput: CONSOLE_MAX_OUTPUT,
        };
        const result = r.runCommand(line, env);
        // The page animates what a curl sent, up to the requests whose traces are kept whole; a larger
        // --count is a table, and its packets stay in the worker.
        return result.traces && result.traces.length > MAX_CONSOLE_TRACES
          ? { ...result, traces: undefined }
          : result;
      });
    },

    async readFile(text) {
      return attempt(() => readManifestFile(text));
    },

    async lessons() {
      return withRest((r) => r.lessonCatalogue());
    },

    async decodeLesson(name, text) {
      return withRest((r) => r.decodeLessonFile(name, text));
    },

    async checkChallenge(challenge, sources, seed) {
      return withRest((r) => r.checkLessonChallenge(challenge, sources, seed));
    },

    async judgePrediction(prediction, chosen, sources, seed) {
      return withRest((r) => r.judgeLessonPrediction(prediction, chosen, sources, seed));
    },
  };
}
