/**
 * Where the built page's early script (vite.config.ts earlyEngineWorker) leaves the engine's worker for
 * engine-client.ts to take (a property of globalThis).
 */
export const EARLY_WORKER_KEY = '__svclabEngineWorker';
