/**
 * The engine's worker, made by a script of its own in the page's head (issue 17, cold load): the built
 * page loads this few-hundred-byte chunk beside the entry, so the worker fetches and compiles the engine
 * (≈ 300 ms of the first build's path) while the page's own chunks are still being parsed, instead of
 * after the entry has run. engine-client.ts takes it for its first worker (takeEarlyWorker); the dev
 * server, which serves no such script, makes the worker there as before.
 */
import { EARLY_WORKER_KEY } from './early-key';

(globalThis as Record<string, unknown>)[EARLY_WORKER_KEY] = new Worker(
  new URL('./engine.worker.ts', import.meta.url),
  { type: 'module', name: 'engine' },
);
