/**
 * The page's handle on the engine worker. Each build call carries a revision; answers for a text older
 * than the newest one already answered are dropped here (the worker also skips overtaken ones).
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi, ManifestSource, Result, SimRequest, BuildAnswer } from './protocol';

export interface EngineClient {
  capabilities: EngineApi['capabilities'];
  /** Resolves to null when the answer is stale (a newer revision was answered or sent). */
  update(revision: number, sources: ManifestSource[], seed: number): Promise<Result<BuildAnswer> | null>;
  simulate(request: SimRequest): ReturnType<EngineApi['simulate']>;
  run(line: string): ReturnType<EngineApi['run']>;
}

export function createEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine',
  });
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  let newestSent = 0;
  let newestAnswered = 0;
  const guard = async <T>(p: Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await p;
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
  return {
    capabilities: () => remote.capabilities(),
    async update(revision, sources, seed) {
      newestSent = Math.max(newestSent, revision);
      const answer = await guard(remote.update(revision, sources, seed));
      if (revision < newestSent || revision < newestAnswered) return null;
      if (answer.ok && answer.value === null) return null;
      newestAnswered = revision;
      return answer as Result<BuildAnswer>;
    },
    simulate: (request) => guard(remote.simulate(request)),
    run: (line) => guard(remote.run(line)),
  };
}
