import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import type { Plugin, Rollup } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { EARLY_WORKER_KEY } from './src/worker/early-key';

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
  // After the other plugins' tags: prepended last, it is the head's first element, before any script.
  transformIndexHtml: {
    order: 'post',
    handler: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  },
});

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

/**
 * The engine's worker, made by the first script in the page's head (issue 17, cold load). A classic
 * script of one line, written here because only the build knows the worker's hashed file name: the
 * parser runs it as soon as it arrives, before the page's module scripts have even arrived, so the
 * worker's thread starts and fetches and compiles the engine while the page's own chunks load and run.
 * A module script (as before) ran only when the main thread was free, after the entry chunk's evaluation
 * (about 130–175 ms), and Chromium makes a dedicated worker's thread from a task on the page's main
 * thread, so the worker's isolate started up about 250 ms after its script was asked for (CDP trace).
 * engine-client.ts takes the worker (takeEarlyWorker); the dev server has no such script and makes the
 * worker there. The chunks the worker's script imports statically are prefetched, so its module graph is
 * in the HTTP cache when it asks; the worker's own script is not (the worker asks for it first).
 */
const earlyEngineWorker = (): Plugin => ({
  name: 'svclab-early-engine-worker',
  apply: 'build',
  transformIndexHtml(_html, ctx) {
    const [worker, ...imports] = workerFirstFiles(ctx.bundle ?? {});
    if (!worker) return [];
    const source = `globalThis[${JSON.stringify(EARLY_WORKER_KEY)}]=new Worker(${JSON.stringify(`/${worker}`)},{type:"module",name:"engine"});\n`;
    const fileName = `assets/early-worker-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
    // Vite runs a build's transformIndexHtml inside its HTML plugin's generateBundle, with that plugin's
    // context, though its type says less: checked, so a Vite that changes it fails the build here.
    const context = this as Partial<Pick<Rollup.PluginContext, 'emitFile'>>;
    if (typeof context.emitFile !== 'function') throw new Error('svclab-early-engine-worker: no emitFile');
    context.emitFile({ type: 'asset', fileName, source });
    return [
      // First in the head (the CSP meta, prepended later, stays before it): parser-blocking on purpose,
      // and before the stylesheet, which would hold back a classic script until it has loaded.
      { tag: 'script', attrs: { src: `/${fileName}` }, injectTo: 'head-prepend' as const },
      ...imports.map((f) => ({
        tag: 'link',
        attrs: { rel: 'prefetch', href: `/${f}` },
        injectTo: 'head' as const,
      })),
    ];
  },
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

/** Files a static host serves compressed: text (scripts, styles, the page, SVG, JSON), 1 KB and over. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|map)$/;

/**
 * The build, compressed once when it is built rather than on every request (issue 17, cold load): each
 * text file of 1 KB or more gets a gzip sibling (`x.js.gz`, level 9), and the preview server (`npm run
 * preview`, what the end-to-end tests and `bench:ui` load) serves that sibling to a browser that accepts
 * gzip, through sirv (the static server Vite's own preview uses, with its `gzip` option), before Vite's
 * compression middleware would gzip the file again. Vite's preview compressed every response on the fly
 * in its one Node thread: a cold load asks for 2 MB of scripts at once, and on two busy cores the page's
 * 164-byte early script waited about 225 ms behind the engine's 614 KB being gzipped (trace: requested at
 * 176 ms, received at 400 ms). A production host does the same with the `.gz` files (nginx
 * `gzip_static`, for example). Misses (the page itself at `/`, links' fallback, small files) fall through
 * to Vite's own middlewares. The service worker precaches the plain files only (its globPatterns).
 */
const precompressed = (): Plugin => {
  let outDir = 'dist';
  return {
    name: 'svclab-precompressed',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        // After vite-plugin-pwa has written the service worker, so it is compressed too.
        for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
          const f = join(outDir, name);
          if (COMPRESSIBLE.test(f) && statSync(f).isFile() && statSync(f).size >= 1024)
            writeFileSync(`${f}.gz`, gzipSync(readFileSync(f), { level: 9 }));
        }
      },
    },
    configurePreviewServer(server) {
      const dir = resolve(server.config.root, server.config.build.outDir);
      // `dev`: looked up per request, as Vite's preview does (a rebuild needs no restart); `etag` and
      // no extension guessing, as Vite's preview does.
      server.middlewares.use(sirv(dir, { dev: true, etag: true, gzip: true, extensions: [] }));
    },
  };
};

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
  plugins: [react(), contentSecurityPolicy(), earlyEngineWorker(), installable(), precompressed()],
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
