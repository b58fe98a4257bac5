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
  createWorld,
  readManifestFile,
  request,
  runCommand,
  simulate,
  simulateMany,
  type BuildResult,
  type ClusterState,
  type Diagnostic,
  type ManifestSource,
  type SimWorld,
  type Workspace,
} from '../engine';
import {
  checkLessonChallenge,
  decodeLessonFile,
  judgeLessonPrediction,
  lessonCatalogue,
} from './lesson-host';
import { diffModel } from './cluster-patch';
import {
  errorText,
  MAX_CONSOLE_TRACES,
  MAX_SIM_COUNT,
  type ClusterModel,
  type EngineApi,
  type Result,
} from './protocol';
import { forUi } from './ui-cluster';

const NO_CLUSTER: Result<never> = { ok: false, error: 'no cluster' };
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

export function createEngineHost(clock: () => number = () => performance.now()): EngineApi {
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
  let world: SimWorld = createWorld(1);
  /** The slim cluster last sent as a model, and its number: the next model is a patch against it. */
  let sent: { epoch: number; cluster: ClusterState } | null = null;
  let epochs = 0;

  const build: EngineApi['update'] = async (revision, sources, seed, at = 0) => {
    latestRevision = Math.max(latestRevision, revision);
    // Let queued messages run first: if a newer text is waiting, this one is stale and skipped.
    await yieldToQueue();
    if (revision < latestRevision) return { ok: true, value: null };
    return attempt(() => {
      const started = clock();
      if (workspace?.seed !== seed) workspace = createWorkspace(seed);
      const { cluster: built, diagnostics, objects } = workspace.update(sources);
      const instant = Number.isFinite(at) && at > 0 ? at : 0;
      const { cluster, events } = clusterAt({ cluster: built, objects }, instant, seed);
      const buildMs = clock() - started;
      if (!current || world.seed !== seed) world = createWorld(seed);
      // Requests sent now happen at that instant (the clock only moves forward: conntrack remembers).
      if (instant > world.clock) world.clock = instant;
      current = { revision, built, cluster, at: instant, diagnostics, sources, objects };
      return {
        revision,
        cluster: forUi(cluster),
        diagnostics,
        buildMs,
        timeline: { at: instant, events },
      };
    });
  };

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
      const { revision, cluster } = current;
      const count = Math.max(1, Math.min(MAX_SIM_COUNT, Math.round(init.count ?? 1) || 1));
      return attempt(() => {
        const req = request({ ...init, target: init.target.trim(), count });
        const traces = count > 1 ? simulateMany(cluster, world, req) : [simulate(cluster, world, req)];
        return { revision, traces };
      });
    },

    async lookup(init) {
      if (!current) return NO_CLUSTER;
      const { revision, cluster } = current;
      const count = Math.max(1, Math.min(MAX_SIM_COUNT, Math.round(init.count ?? 1) || 1));
      return attempt(() => {
        // A lookup is a request of its own (protocol DNS): its queries walk kube-proxy's rules to CoreDNS.
        const req = request({ ...init, target: init.target.trim(), protocol: 'DNS', count });
        const traces = simulateMany(cluster, world, req);
        return { revision, traces, text: traces[0]?.lookup?.output ?? '' };
      });
    },

    async run(line, lang) {
      if (!current) return NO_CLUSTER;
      const env = {
        cluster: current.built,
        // A line without --at runs at the page's instant (the timeline's scrubber).
        at: current.at,
        world,
        diagnostics: current.diagnostics,
        // The imperative commands (scale, label, cordon …) edit these and answer with the new sources.
        sources: current.sources,
        // With a Timeline in the scene, `--at 1m` runs the line at that instant.
        objects: current.objects,
        json: false,
        lang,
        maxOutput: CONSOLE_MAX_OUTPUT,
      };
      return attempt(() => {
        const r = runCommand(line, env);
        // The page animates what a curl sent, up to the requests whose traces are kept whole; a larger
        // --count is a table, and its packets stay in the worker.
        return r.traces && r.traces.length > MAX_CONSOLE_TRACES ? { ...r, traces: undefined } : r;
      });
    },

    async readFile(text) {
      return attempt(() => readManifestFile(text));
    },

    async lessons() {
      return attempt(lessonCatalogue);
    },

    async decodeLesson(name, text) {
      return attempt(() => decodeLessonFile(name, text));
    },

    async checkChallenge(challenge, sources, seed) {
      return attempt(() => checkLessonChallenge(challenge, sources, seed));
    },

    async judgePrediction(prediction, chosen, sources, seed) {
      return attempt(() => judgeLessonPrediction(prediction, chosen, sources, seed));
    },
  };
}
