import { defineConfig } from 'vite';

// Builds the `svclab` command line into dist-cli/ as one Node ESM file over the same engine.
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
  },
  ssr: { noExternal: true },
});
