#!/usr/bin/env node
/**
 * The bundle budget (issue 17): the JavaScript the built page loads before anything else — the entry
 * script and the modules index.html preloads with it — at most 170 KiB gzipped. Monaco, the graph
 * (React Flow, dagre), the panels and the engine's worker load after, as their own chunks
 * (src/app/panels.tsx). Prints the figure per file and in total; exits 1 over budget or without a build.
 * Run after `npm run build` (scripts/test-all.mjs does); `npm run bench` ends with it (after `npx vite build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KIB = 170;

const dist = join(new URL('..', import.meta.url).pathname, 'dist');
const html = join(dist, 'index.html');
if (!existsSync(html)) {
  console.error('bundle budget: no dist/index.html (run npm run build first)');
  process.exit(1);
}
const page = readFileSync(html, 'utf8');
// <script type="module" src> and <link rel="modulepreload" href>, as bench-ui.mjs reads them (the page's
// own JavaScript; the engine worker's script, prefetched for the worker, is not parsed by the page).
const files = [
  ...page.matchAll(
    /<(?:script\b[^>]*\bsrc|link\b[^>]*\brel="modulepreload"[^>]*\bhref)="\/?(assets\/[^"]+\.js)"/g,
  ),
].map((m) => m[1]);
let total = 0;
for (const f of files) {
  const bytes = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  total += bytes;
  console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${f}`);
}
const kib = total / 1024;
const verdict = kib <= BUDGET_KIB ? 'within' : 'OVER';
console.log(
  `${kib <= BUDGET_KIB ? 'PASS' : 'MISS'}  initial JS: ${kib.toFixed(1)} KiB gzip (${verdict} the budget of ${BUDGET_KIB} KiB)`,
);
process.exit(kib <= BUDGET_KIB && files.length > 0 ? 0 : 1);
