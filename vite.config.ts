import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built page's Content-Security-Policy (issue 17), as a meta tag: scripts, workers, styles, fonts,
 * images and connections from the page's own origin only; no inline script and no eval. Monaco adds its
 * own <style> elements at run time (its themes, the editor's decorations), hence 'unsafe-inline' for
 * styles and styles only. The dev server is left without it (its React refresh preamble is inline).
 * e2e/csp.spec.ts checks that it is there and that the page runs under it without a violation.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'svclab-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
      injectTo: 'head-prepend',
    },
  ],
});

/**
 * The engine worker's script, fetched as the HTML is read (issue 17, cold load): the worker is made only
 * once the entry chunk has run, and its script (1.85 MB) then came in pieces while the cores parsed the
 * panels' chunks; the first build waits for it. A prefetch keeps it in the HTTP cache for the worker to
 * read at once. Build only (the dev server serves the worker from source).
 */
/**
 * The files the engine worker's script needs before it runs: itself and the chunks it imports
 * statically (the bundler may put code it shares with its later chunks in one of its own). Not the
 * chunks it loads with import().
 */
function workerFirstFiles(bundle: Record<string, { type: string; source?: unknown; code?: string }>) {
  const text = (f: string): string => {
    const o = bundle[f];
    const s = o?.type === 'asset' ? o.source : o?.code;
    return typeof s === 'string' ? s : s instanceof Uint8Array ? new TextDecoder().decode(s) : '';
  };
  const out: string[] = [];
  const visit = (f: string) => {
    if (out.includes(f) || !(f in bundle)) return;
    out.push(f);
    const dir = f.slice(0, f.lastIndexOf('/') + 1);
    // Static imports only: `import{…}from"./x.js"` or `import"./x.js"`, never `import(`.
    for (const m of text(f).matchAll(/\bimport\s*(?:[^;()'"`]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(dir + m[1]!);
  };
  Object.keys(bundle)
    .filter((f) => /(^|\/)engine\.worker-[^/]+\.js$/.test(f))
    .forEach(visit);
  return out;
}

const prefetchEngineWorker = (): Plugin => ({
  name: 'svclab-prefetch-engine-worker',
  apply: 'build',
  transformIndexHtml: (_html, ctx) => [
    ...workerFirstFiles(ctx.bundle ?? {}).map((f) => ({
      tag: 'link',
      attrs: { rel: 'prefetch', href: `/${f}` },
      injectTo: 'head' as const,
    })),
    // And the worker itself is made by a tiny script of its own (src/worker/early.ts, the `early`
    // entry below), run as soon as it arrives: the engine compiles while the entry chunk is parsed.
    ...Object.values(ctx.bundle ?? {})
      .filter((c) => c.type === 'chunk' && c.isEntry && c.name === 'early')
      .map((c) => ({
        tag: 'script',
        attrs: { type: 'module', async: true, crossorigin: true, src: `/${c.fileName}` },
        injectTo: 'head' as const,
      })),
  ],
});

/**
 * The engine worker's large JSON modules (the Kubernetes OpenAPI schema, ≈ 450 KB) as one string read
 * by JSON.parse, not as an object literal (issue 17, cold load): a worker's module script is parsed and
 * compiled whole on the worker's thread before it runs, and V8 scans a string literal far faster than it
 * parses and compiles an object literal of the same size (then JSON.parse builds the object in a few ms).
 * The bundler's own JSON handling writes an object literal whatever `json.stringify` says, so this turns
 * the file into a JavaScript module first. Small JSON files are left as they are.
 */
const jsonAsString = (): Plugin => ({
  name: 'svclab-worker-json-as-string',
  enforce: 'pre',
  transform(code, id) {
    if (!/\.json$/.test(id) || code.length < 20_000) return null;
    // Parsed here, so a broken file fails the build as the JSON loader would, and written without
    // the file's indentation.
    const text = JSON.stringify(JSON.parse(code) as unknown);
    return { code: `export default JSON.parse(${JSON.stringify(text)});`, moduleType: 'js', map: null };
  },
});

/** The page's colour in the browser's and the installed app's title bar: the icon's blue. */
export const THEME_COLOR = '#326ce5';

/**
 * Installable and offline (issue 14): the web app manifest, and a service worker Workbox generates
 * (generateSW) that precaches the whole build — the page, every chunk, Monaco and its workers, the
 * engine's worker, the icons — so that after one visit the page, the engine and the lessons work with no
 * network (a classroom's bad Wi-Fi). `prompt`: a new version's worker waits until the user reloads from
 * the page's prompt (src/features/update), after their work is saved; it never takes over a page in use.
 * The page registers it itself, after its first graph (injectRegister: false), so the precache download
 * does not compete with the cold load. The dev server has none (devOptions off: `npm start` never keeps
 * a stale worker). The worker and Workbox's runtime are scripts from the page's own origin, as the CSP
 * asks.
 */
const installable = () =>
  VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    devOptions: { enabled: false },
    includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
    manifest: {
      name: 'svclab — Kubernetes Services, packet by packet',
      short_name: 'svclab',
      description: 'A browser playground that shows how Kubernetes Services really move packets.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: '#f8fafc',
      // Drawn from public/favicon.svg by scripts/gen-icons.mjs.
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ttf,webmanifest}'],
      // The engine's worker chunk and Monaco's are over Workbox's 2 MiB default; all of it is needed
      // offline.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Links (`?scenario=`, `?lesson=`, `?present`, `#scene=`) open the same page.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
  });

/** Modules that do nothing when loaded but define: the engine's and the yaml package's (below). */
const pureEngine = (id: string): boolean =>
  !/[/\\]src[/\\]engine[/\\]|[/\\]node_modules[/\\]yaml[/\\]/.test(id);

// The playground. Served on 127.0.0.1 only; everything (Monaco, its workers, the schema) is bundled,
// so the built app never asks another host for anything.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), prefetchEngineWorker(), installable()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  worker: {
    format: 'es',
    plugins: () => [jsonAsString()],
    // The engine's modules are pure in the worker too (the page's build says so below; the worker's
    // bundle has options of its own): without it every module the worker's script imports was kept
    // whole, e.g. the message catalogue's defineMessages() calls, which only the later chunks use.
    rolldownOptions: { treeshake: { moduleSideEffects: pureEngine } },
  },
  // The dev server's dependency scan starts from index.html and does not follow `new Worker(new URL(…))`
  // or `?worker` imports, so the workers' packages (the engine's CEL, RE2, hashes; Monaco's and
  // monaco-yaml's workers) were found only when a page first asked for them: the optimizer re-bundled and
  // reloaded the first page (and a headless browser could wait for minutes). Scanning the workers too
  // pre-bundles everything before the first visit, so it loads once.
  optimizeDeps: {
    entries: ['index.html', 'src/worker/engine.worker.ts', 'src/features/editor/*.worker.ts'],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      // The page, and the script that makes the engine's worker before the page's entry has run.
      input: { index: 'index.html', early: 'src/worker/early.ts' },
      // The engine is pure (no module does anything when loaded but define), so a page module that uses
      // one of its functions through the src/engine barrel takes that function, not the whole engine; so
      // is the yaml package (its package.json does not say so), of which the first screen needs only the
      // CST parser (scenarios/localize.ts).
      treeshake: { moduleSideEffects: pureEngine },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // The engine's libraries that load apart (src/engine/libraries.ts) are in place for every test.
    setupFiles: ['src/engine/testing/libraries.setup.ts'],
    // A hang guard, not a speed check (performance is measured by `npm run bench`): fixed CPU work such
    // as 1,000 simulated requests takes over 5 s, Vitest's default, on two shared cores at load ~30.
    testTimeout: 60_000,
    // The same for hooks: link-open.test's beforeEach imports the store afresh, which took over
    // Vitest's default 10 s at load 28.
    hookTimeout: 60_000,
  },
});
