/**
 * The page's handle on the engine worker. Each build call carries a revision; answers for a text older
 * than the newest one already answered are dropped here (the worker also skips overtaken ones). A worker
 * that fails (a message that cannot be cloned, a crash) answers with an error value, like the engine.
 *
 * A watchdog guards every call (issue 17): a build that runs over BUILD_BUDGET_MS, any other call over
 * CALL_BUDGET_MS, or a worker that reports an `error` or a `messageerror`, is stopped by terminating the
 * worker and starting a new one; the calls in flight answer `{ ok: false, stopped }`. The new worker is
 * given at once the last scene the old one built (so the graph, the console and requests agree on the
 * last good cluster) before any other call reaches it, and the page is told (`onRestart`). The text
 * that was stopped is not sent again: the same text would run over again; the next edit is built. A
 * worker that cannot even start (it fails three times running without one answer) is given up
 * (`onGiveUp`): every call then answers its error.
 *
 * A build's cluster crosses as a model (issue 17, "send only what changed"): the client holds the
 * worker's last model and applies each patch to it, in the order the answers arrive, stale ones too
 * (each patch is against the one before). A new worker starts from none: its first model is whole.
 */
import { wrap, type Remote } from 'comlink';
import { applyModel } from './cluster-patch';
import type { BuildAnswer, BuildWire, ClusterState, EngineApi, ManifestSource, Result } from './protocol';
import { EARLY_WORKER_KEY } from './early-key';

/** A build of a classroom's scene takes milliseconds; one over this is stopped (the worker restarted). */
export const BUILD_BUDGET_MS = 10_000;
/** Any other call: checking a challenge of a thousand requests takes seconds, never a minute. */
export const CALL_BUDGET_MS = 60_000;
/** Restarts in a row without a single answer before the worker is given up. */
const MAX_FAILED_STARTS = 3;

/** Why a call was stopped: over its budget, or the worker failed. */
export type StopReason = 'overBudget' | 'crashed';

export type Answer<T> = Result<T> | { ok: false; error: string; stopped: StopReason };

export interface EngineClient {
  /** Resolves to null when the answer is stale (a newer revision was answered or sent). */
  update(
    revision: number,
    sources: ManifestSource[],
    seed: number,
    at?: number,
  ): Promise<Answer<BuildAnswer> | null>;
  simulate: Wrapped<EngineApi['simulate']>;
  lookup: Wrapped<EngineApi['lookup']>;
  run: Wrapped<EngineApi['run']>;
  readFile: Wrapped<EngineApi['readFile']>;
  lessons: Wrapped<EngineApi['lessons']>;
  decodeLesson: Wrapped<EngineApi['decodeLesson']>;
  checkChallenge: Wrapped<EngineApi['checkChallenge']>;
  judgePrediction: Wrapped<EngineApi['judgePrediction']>;
}

type Wrapped<F> = F extends (...args: infer A) => Promise<Result<infer T>>
  ? (...args: A) => Promise<Answer<T>>
  : never;

export interface ClientOptions {
  /** The worker was restarted (and is being given the last scene it built): the page says why. */
  onRestart?(why: StopReason): void;
  /** The worker failed MAX_FAILED_STARTS times running: no engine any more until a reload. */
  onGiveUp?(): void;
  /** Makes a worker (tests give a fake one). */
  makeWorker?(): Worker;
  buildBudgetMs?: number;
  callBudgetMs?: number;
}

class Stopped extends Error {
  constructor(readonly why: StopReason) {
    super(why === 'overBudget' ? 'stopped: over its time budget' : 'the engine worker failed');
  }
}

/**
 * The worker the built page's early script made as the page loaded (vite.config.ts earlyEngineWorker),
 * once (a restart makes a new one).
 */
function takeEarlyWorker(): Worker | null {
  const slot = globalThis as Record<string, unknown>;
  const early = slot[EARLY_WORKER_KEY];
  delete slot[EARLY_WORKER_KEY];
  return typeof Worker !== 'undefined' && early instanceof Worker ? early : null;
}

const engineWorker = () =>
  takeEarlyWorker() ??
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });

export function createEngineClient(options: ClientOptions = {}): EngineClient {
  const make = options.makeWorker ?? engineWorker;
  const buildBudget = options.buildBudgetMs ?? BUILD_BUDGET_MS;
  const callBudget = options.callBudgetMs ?? CALL_BUDGET_MS;
  let worker: Worker;
  let remote: Remote<EngineApi>;
  /** Rejects every call in flight to the worker of now (a new one is made per worker). */
  let kill: (e: Stopped) => void = () => undefined;
  let killed: Promise<never>;
  let failedStarts = 0;
  let givenUp = false;
  /** Settles when every call sent so far has: the worker answers in order, so a call's time starts then. */
  let queue: Promise<unknown> = Promise.resolve();
  /** The worker of now has answered once (its first call also waits for its code to load). */
  let answered = false;
  /** The newest scene a worker built: a new worker is given it first. */
  let held: { revision: number; sources: ManifestSource[]; seed: number; at: number } | null = null;
  /** Settles when the worker of now holds `held`; other calls wait for it. */
  let ready: Promise<unknown> = Promise.resolve();
  /** The worker of now's last model of the cluster, as applied here. */
  let model: { epoch: number; cluster: ClusterState } | null = null;

  /** A build of the worker `w`, its cluster as a model applied to the one held here. */
  const build =
    (revision: number, sources: ManifestSource[], seed: number, at: number) =>
    async (r: Remote<EngineApi>): Promise<Result<BuildAnswer | null>> => {
      const w = worker;
      const wire = await r.updateModel(revision, sources, seed, at, model?.epoch ?? 0);
      if (!wire.ok) return wire;
      if (!wire.value) return { ok: true, value: null };
      return worker === w ? received(wire.value) : { ok: false, error: 'the engine worker was replaced' };
    };

  const received = ({ model: m, ...rest }: BuildWire): Result<BuildAnswer> => {
    if ('cluster' in m) model = { epoch: m.epoch, cluster: m.cluster };
    else if (model?.epoch === m.base) model = { epoch: m.epoch, cluster: applyModel(model.cluster, m.patch) };
    else {
      // Cannot happen (answers arrive in order, each against the one before); said, never guessed.
      model = null;
      return { ok: false, error: 'the cluster model is out of step with the engine worker' };
    }
    return { ok: true, value: { ...rest, cluster: model.cluster } };
  };

  const start = () => {
    const w = make();
    model = null;
    answered = false;
    queue = Promise.resolve();
    worker = w;
    remote = wrap<EngineApi>(w);
    killed = new Promise<never>((_, reject) => {
      kill = reject;
    });
    killed.catch(() => undefined);
    const failed = (e: Event) => {
      e.preventDefault(); // said in the page, not as an uncaught error
      if (worker === w) restart('crashed');
    };
    w.addEventListener('error', failed);
    w.addEventListener('messageerror', failed);
  };

  const restart = (why: StopReason) => {
    worker.terminate();
    kill(new Stopped(why));
    failedStarts++;
    if (failedStarts > MAX_FAILED_STARTS) {
      givenUp = true;
      options.onGiveUp?.();
      return;
    }
    start();
    const scene = held;
    if (scene) {
      ready = send(buildBudget, build(scene.revision, scene.sources, scene.seed, scene.at));
    }
    options.onRestart?.(why);
  };

  start();

  let newestSent = 0;
  let newestAnswered = 0;

  /** Sends one call to the worker of now, under the watchdog. */
  const send = async <T>(
    budget: number,
    call: (r: Remote<EngineApi>) => Promise<Result<T>>,
  ): Promise<Answer<T>> => {
    if (givenUp) return { ok: false, error: 'the engine worker could not start', stopped: 'crashed' };
    const w = worker;
    const allowance = answered ? budget : budget + callBudget;
    const sent = call(remote);
    const before = queue;
    queue = sent.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      void before.then(() => {
        timer = setTimeout(() => reject(new Stopped('overBudget')), allowance);
      });
    });
    watchdog.catch(() => undefined);
    try {
      const answer = await Promise.race([sent, killed, watchdog]);
      if (worker === w) answered = true;
      failedStarts = 0;
      return answer;
    } catch (e) {
      if (e instanceof Stopped) {
        if (e.why === 'overBudget' && worker === w) restart('overBudget');
        return { ok: false, error: e.message, stopped: e.why };
      }
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    } finally {
      clearTimeout(timer);
    }
  };
  /** A call waits until a new worker holds the last scene (a restart may come while it waits). */
  const guard = async <T>(
    budget: number,
    call: (r: Remote<EngineApi>) => Promise<Result<T>>,
  ): Promise<Answer<T>> => {
    for (let r = ready; ; r = ready) {
      await r;
      if (r === ready) break;
    }
    return send(budget, call);
  };
  const call = <T>(f: (r: Remote<EngineApi>) => Promise<Result<T>>) => guard(callBudget, f);

  return {
    async update(revision, sources, seed, at = 0) {
      newestSent = Math.max(newestSent, revision);
      const answer = await guard(buildBudget, build(revision, sources, seed, at));
      if (revision < newestSent || revision < newestAnswered) return null;
      if (!answer.ok) {
        newestAnswered = revision;
        return answer;
      }
      if (answer.value === null) return null;
      newestAnswered = revision;
      held = { revision, sources, seed, at };
      return { ok: true, value: answer.value };
    },
    simulate: (request) => call((r) => r.simulate(request)),
    lookup: (request) => call((r) => r.lookup(request)),
    run: (line, lang) => call((r) => r.run(line, lang)),
    readFile: (text) => call((r) => r.readFile(text)),
    lessons: () => call((r) => r.lessons()),
    decodeLesson: (name, text) => call((r) => r.decodeLesson(name, text)),
    checkChallenge: (challenge, sources, seed) => call((r) => r.checkChallenge(challenge, sources, seed)),
    judgePrediction: (prediction, chosen, sources, seed) =>
      call((r) => r.judgePrediction(prediction, chosen, sources, seed)),
  };
}
