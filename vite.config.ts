import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The playground. Served on 127.0.0.1 only; everything (Monaco, its workers, the schema) is bundled,
// so the built app never asks another host for anything.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  // The dev server's dependency scan starts from index.html and does not follow `new Worker(new URL(…))`
  // or `?worker` imports, so the workers' packages (the engine's CEL, RE2, hashes; Monaco's and
  // monaco-yaml's workers) were found only when a page first asked for them: the optimizer re-bundled and
  // reloaded the first page (and a headless browser could wait for minutes). Scanning the workers too
  // pre-bundles everything before the first visit, so it loads once.
  optimizeDeps: {
    entries: ['index.html', 'src/worker/engine.worker.ts', 'src/features/editor/*.worker.ts'],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // A hang guard, not a speed check (performance is measured by `npm run bench`): fixed CPU work such
    // as 1,000 simulated requests takes over 5 s, Vitest's default, on two shared cores at load ~30.
    testTimeout: 60_000,
  },
});
