/**
 * The page's handle on the engine worker. Each build call carries a revision; answers for a text older
 * than the newest one already answered are dropped here (the worker also skips overtaken ones). A worker
 * that fails (a message that cannot be cloned, a crash) answers with an error value, like the engine.
 */
import { wrap, type Remote } from 'comlink';
import type { BuildAnswer, EngineApi, ManifestSource, Result } from './protocol';

export interface EngineClient {
  /** Resolves to null when the answer is stale (a newer revision was answered or sent). */
  update(
    revision: number,
    sources: ManifestSource[],
    seed: number,
    at?: number,
  ): Promise<Result<BuildAnswer> | null>;
  simulate: EngineApi['simulate'];
  lookup: EngineApi['lookup'];
  run: EngineApi['run'];
  lessons: EngineApi['lessons'];
  decodeLesson: EngineApi['decodeLesson'];
  checkChallenge: EngineApi['checkChallenge'];
  judgePrediction: EngineApi['judgePrediction'];
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
    async update(revision, sources, seed, at = 0) {
      newestSent = Math.max(newestSent, revision);
      const answer = await guard(remote.update(revision, sources, seed, at));
      if (revision < newestSent || revision < newestAnswered) return null;
      if (!answer.ok) {
        newestAnswered = revision;
        return answer;
      }
      if (answer.value === null) return null;
      newestAnswered = revision;
      return { ok: true, value: answer.value };
    },
    simulate: (request) => guard(remote.simulate(request)),
    lookup: (request) => guard(remote.lookup(request)),
    run: (line, lang) => guard(remote.run(line, lang)),
    lessons: () => guard(remote.lessons()),
    decodeLesson: (name, text) => guard(remote.decodeLesson(name, text)),
    checkChallenge: (challenge, sources, seed) => guard(remote.checkChallenge(challenge, sources, seed)),
    judgePrediction: (prediction, chosen, sources, seed) =>
      guard(remote.judgePrediction(prediction, chosen, sources, seed)),
  };
}
