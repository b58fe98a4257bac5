#!/usr/bin/env node
// Cold load, A against B (issue 17): fresh-context loads alternate between two builds (two dist
// directories, e.g. main's and a branch's) served side by side, so both see the same machine load; prints
// each one's median time to the first "svclab:graph" mark, as bench:ui measures it, and the load average.
// On shared, busy cores one build's median alone says little; this compares. Ports 4311 and 4301.
// Usage: npx vite build --outDir /tmp/a … ; node scripts/cold-ab.mjs /tmp/a dist [loads per build, 6]
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { firstGraphAt } from './first-graph.mjs';
const root = process.cwd();
const [A, B, n = '6'] = process.argv.slice(2);
const builds = [
  [A, 4311],
  [B, 4301],
];
const servers = builds.map(([dir, port]) =>
  spawn(
    process.execPath,
    [
      root + '/node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      dir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore' },
  ),
);
for (const [, port] of builds)
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
const browser = await chromium.launch(chromiumLaunchOptions);
const marks = [[], []];
const loads = [];
try {
  for (let i = 0; i < Number(n); i++)
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const p = await ctx.newPage();
      await p.goto(`http://127.0.0.1:${builds[k][1]}`);
      marks[k].push(await firstGraphAt(p));
      loads.push(loadavg()[0]);
      await ctx.close();
    }
} finally {
  await browser.close();
  for (const s of servers) s.kill('SIGTERM');
}
/** The median (of an even count, the mean of the two middle values). */
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const k of [0, 1])
  console.log(
    `${builds[k][0]}: median ${med(marks[k]).toFixed(0)} ms  [${marks[k].map((x) => x.toFixed(0)).join(' ')}]`,
  );
// Each round loads A and B one after the other, so a paired difference cancels what the machine was doing
// then: on shared cores the medians alone move by 100 ms from one run to the next.
const diffs = marks[1].map((b, i) => b - marks[0][i]);
console.log(`${builds[1][0]} − ${builds[0][0]}, median of paired differences: ${med(diffs).toFixed(0)} ms`);
console.log(`load (1 min) during: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
