/**
 * The engine's home off the main thread. It keeps the incremental workspace and the simulation world,
 * answers with values (never throws across the boundary) and skips builds that a newer revision has
 * already overtaken.
 */
import { expose } from 'comlink';
import type { ClusterState } from '../engine/cluster/state';
import { createWorld, type SimWorld } from '../engine/world';
import { engine, type WorkspaceLike } from './engine-modules';
import { nslookupLine, toEngineRequest } from './to-engine-request';
import { forUi } from './ui-cluster';
import { errorText, type BuildAnswer, type EngineApi, type Result } from './protocol';

let latestRevision = 0;
let workspace: { seed: number; ws: WorkspaceLike } | null = null;
let current: { revision: number; cluster: ClusterState; diagnostics: BuildAnswer['diagnostics'] } | null =
  null;
let world: SimWorld = createWorld(1);

const missing = (part: string): Result<never> => ({ ok: false, error: part, missing: true });
const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function build(sources: Parameters<EngineApi['update']>[1], seed: number) {
  if (engine.createWorkspace) {
    if (!workspace || workspace.seed !== seed) workspace = { seed, ws: engine.createWorkspace(seed) };
    return workspace.ws.update(sources);
  }
  return engine.buildCluster!(sources, { seed });
}

const api: EngineApi = {
  async capabilities() {
    return {
      build: Boolean(engine.createWorkspace || engine.buildCluster),
      simulate: Boolean(engine.simulate),
      console: Boolean(engine.runCommand),
    };
  },

  async update(revision, sources, seed) {
    latestRevision = Math.max(latestRevision, revision);
    // Let queued messages run first: if a newer text is waiting, this one is stale and skipped.
    await yieldToQueue();
    if (revision < latestRevision) return { ok: true, value: null };
    if (!engine.createWorkspace && !engine.buildCluster) return missing('src/engine/build.ts');
    try {
      const started = performance.now();
      const result = build(sources, seed);
      const buildMs = performance.now() - started;
      const cluster = result.cluster ?? null;
      if (cluster) {
        if (!current || world.seed !== seed) world = createWorld(seed);
        current = { revision, cluster, diagnostics: result.diagnostics };
      }
      return {
        ok: true,
        value: {
          revision,
          cluster: cluster && forUi(cluster),
          diagnostics: result.diagnostics ?? [],
          buildMs,
        },
      };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  },

  async simulate(form) {
    if (!current) return { ok: false, error: 'no cluster' };
    if (form.protocol === 'dns') {
      const line = nslookupLine(form);
      if (!line.ok) return line;
      const out = await api.run(line.value);
      if (!out.ok) return out;
      return {
        ok: true,
        value: { revision: current.revision, traces: [], text: out.value.stdout + out.value.stderr },
      };
    }
    if (!engine.simulate) return missing('src/engine/simulate/simulate.ts');
    try {
      const request = toEngineRequest(
        { ...form, count: Math.max(1, Math.min(500, form.count)) },
        engine.requestModule,
      );
      if (!request.ok) return request;
      const traces =
        form.count > 1 && engine.simulateMany
          ? engine.simulateMany(current.cluster, world, request.value)
          : [engine.simulate(current.cluster, world, request.value)];
      return { ok: true, value: { revision: current.revision, traces } };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  },

  async run(line) {
    if (!engine.runCommand) return missing('src/engine/commands/run.ts');
    if (!current) return { ok: false, error: 'no cluster' };
    try {
      const env = { cluster: current.cluster, world, diagnostics: current.diagnostics, json: false };
      return { ok: true, value: engine.runCommand(line, env) };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  },
};

expose(api);
