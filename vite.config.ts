import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The playground. Served on 127.0.0.1 only; everything (Monaco, its workers, the schema) is bundled,
// so the built app never asks another host for anything.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // A hang guard, not a speed check (performance is measured by `npm run bench`): fixed CPU work such
    // as 1,000 simulated requests takes over 5 s, Vitest's default, on two shared cores at load ~30.
    testTimeout: 60_000,
  },
});
