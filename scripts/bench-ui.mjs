#!/usr/bin/env node
/**
 * UI figures on the production build, in Chromium (npm run bench:ui; run `npx vite build` first):
 *   - keystroke → updated graph, p95, for a 50-object scene and for a 1,000-pod scene (target < 100 ms),
 *     with where the time goes (until sent, build, transfer, render, layout)
 *   - frame time, p95, with 200 and with 2,000 packets in flight (target ≤ 16.7 ms)
 *   - cold load → interactive graph (target ≤ 1,000 ms on localhost: issue 17)
 *   - gzip size of the initial JavaScript (Monaco is lazy)
 * The app exposes performance marks ("svclab:graph" with the revision it shows); nothing here changes
 * app behaviour. `vite preview` is started by its own binary and stopped by its PID.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { firstGraphAt } from './first-graph.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const PORT = Number(process.env.SVCLAB_BENCH_PORT ?? 4179);
const BASE = `http://127.0.0.1:${PORT}`;
/** `--frames`: only the frame figures (the 50-object scene is still loaded for them; no cold load, no 1,000 pods). */
const FRAMES_ONLY = process.argv.includes('--frames');
/** Cold loads made before the five counted ones, once the browser has started (see main). */
const WARM_LOADS = 1;

const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * (s.length - 1)))] ?? NaN;
};
const ms = (x) => `${x.toFixed(1)} ms`;

/** Initial JS: the entry script and its modulepreloads, as index.html names them. */
function initialJsGzip() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(
      /<(?:script\b[^>]*\bsrc|link\b[^>]*\brel="modulepreload"[^>]*\bhref)="\/?(assets\/[^"]+\.js)"/g,
    ),
  ].map((m) => m[1]);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  return { files, bytes };
}

/** A Deployment of `replicas` agnhost pods labelled app=`name`, and the Service `service` in front of it. */
function deploymentAndService(name, service, replicas) {
  return [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: registry.k8s.io/e2e-test-images/agnhost:2.52
          ports:
            - containerPort: 8080`,
    `apiVersion: v1
kind: Service
metadata:
  name: ${service}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 8080`,
  ];
}

const CLIENT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: client
      image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
      command: ['sleep', 'infinity']`;

/** A 50-object scene: 12 Deployments + 12 Services + 24 Pods… written as real YAML. */
function bigScene() {
  const docs = [];
  for (let i = 0; i < 12; i++) docs.push(...deploymentAndService(`app-${i}`, `svc-${i}`, 2));
  docs.push(CLIENT_POD);
  return `# bench scene\n${docs.join('\n---\n')}\n`;
}

/**
 * A 1,000-pod scene (issue 17, "a 1,000-pod scene interactive"): five Nodes with a /24 each, ten
 * Deployments of 100 replicas and their Services, and a client Pod.
 */
function thousandPodScene() {
  const docs = [];
  for (let n = 1; n <= 5; n++)
    docs.push(`apiVersion: v1
kind: Node
metadata:
  name: node-${n}
  labels:
    topology.kubernetes.io/zone: zone-${'abc'[n % 3]}
spec:
  podCIDR: 10.244.${n}.0/24
status:
  addresses:
    - type: InternalIP
      address: 10.0.0.${10 + n}`);
  for (let i = 0; i < 10; i++) docs.push(...deploymentAndService(`big-${i}`, `big-${i}`, 100));
  docs.push(CLIENT_POD);
  return `# thousand-pod scene\n${docs.join('\n---\n')}\n`;
}

async function waitForServer(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not start at ${url}`);
}

const graphMarks = (page) =>
  page.evaluate(() =>
    performance.getEntriesByName('svclab:graph').map((e) => ({ t: e.startTime, rev: e.detail?.revision })),
  );

/**
 * Pastes `scene` into the editor (typing would auto-indent the YAML), waits for its graph, then types
 * 30 characters into its first line (a comment: the text changes, the objects do not) and measures,
 * for each, the keystroke → "svclab:graph" latency and its breakdown.
 */
async function keystrokes(page, scene, minNodes) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), scene);
  // A click on the editor's first visible line, as a student would: .view-lines is as tall and wide as the
  // whole text (8,000 px after the 50-object scene), and clicking its centre made Playwright scroll the
  // editor's DOM under Monaco, after which Ctrl+A selected the page instead of the text (seen once the
  // console took more of a 720 px column, 8eb3e94).
  await page.locator('[data-testid="yaml-editor"] .monaco-editor').click({ position: { x: 120, y: 10 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length > n, minNodes, {
    timeout: 60_000,
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__keys = [];
    window.addEventListener('keydown', () => window.__keys.push(performance.now()), true);
  });
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  const latencies = [];
  const breakdown = [];
  for (let i = 0; i < 30; i++) {
    const before = (await graphMarks(page)).length;
    await page.keyboard.type('x');
    await page.waitForFunction((n) => performance.getEntriesByName('svclab:graph').length > n, before, {
      timeout: 20_000,
    });
    const key = await page.evaluate(() => window.__keys.at(-1));
    const marks = await graphMarks(page);
    latencies.push(marks.at(-1).t - key);
    breakdown.push(
      await page.evaluate(
        ([k, rev]) => {
          const applied = performance
            .getEntriesByName('svclab:build-applied')
            .find((e) => e.detail?.revision === rev);
          const graph = performance.getEntriesByName('svclab:graph').find((e) => e.detail?.revision === rev);
          if (!applied || !graph) return null;
          const d = applied.detail;
          return {
            untilSent: applied.startTime - d.applyMs - d.roundTripMs - k,
            build: d.buildMs,
            transfer: d.roundTripMs - d.buildMs,
            // Of the transfer: the worker's own time past the build (slim copy, patch) and the rest, the
            // messages' way and waiting for the page's main thread.
            slimPatch: d.workerMs - d.buildMs,
            transit: d.roundTripMs - d.workerMs,
            render: graph.startTime - applied.startTime + d.applyMs,
            layout: graph.detail.layoutMs,
          };
        },
        [key, marks.at(-1).rev],
      ),
    );
    await page.waitForTimeout(60);
  }
  // The scene's pods as the page holds them (the system's CoreDNS pods included).
  const pods = await page.evaluate(
    () => performance.getEntriesByName('svclab:build-applied').at(-1)?.detail?.pods ?? NaN,
  );
  return { latencies, breakdown: breakdown.filter(Boolean), pods };
}

/**
 * Sends `count` requests from the client to `target` and records 3 s of frames while they are in flight.
 * Two figures, honestly: the rAF interval (bounded below by vsync, so it cannot beat 16.7 ms at 60 Hz)
 * and the main thread's work per frame: from the frame's start (the rAF timestamp) to the first task
 * after the frame, i.e. every rAF callback (clock, packet drawing), React's commit, style, layout and
 * paint. Plus the packet-draw callback alone, as the app records it.
 */
/**
 * The renderer's main-thread CPU time per frame while `during` runs, from Chromium's trace: the thread
 * time (tdur) of every top-level task from the start of one animation frame to the next. On a shared, loaded machine
 * the wall-clock figure also counts the time the thread waited for a core; this one does not.
 */
async function cpuPerFrame(browser, during) {
  const cdp = await browser.newBrowserCDPSession();
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'toplevel'] },
    transferMode: 'ReportEvents',
  });
  const result = await during();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const threads = new Map();
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, []);
  const frames = new Map([...threads.keys()].map((k) => [k, []]));
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (!threads.has(k)) continue;
    // One 'AnimationFrame' begins per frame (FireAnimationFrame is per callback: the clock's, the bench's).
    if (e.name === 'AnimationFrame' && e.ph === 'b') frames.get(k).push(e.ts);
    else if (e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.tdur !== undefined)
      threads.get(k).push(e);
  }
  // The page's renderer is the one that drew the most frames.
  const [key] = [...frames].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const starts = [...new Set(frames.get(key) ?? [])].sort((a, b) => a - b);
  const tasks = (threads.get(key) ?? []).sort((a, b) => a.ts - b.ts);
  const cpu = [];
  let t = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    let sum = 0;
    while (t < tasks.length && tasks[t].ts + tasks[t].dur <= starts[i]) t++;
    for (let j = t; j < tasks.length && tasks[j].ts < starts[i + 1]; j++) sum += tasks[j].tdur / 1000;
    cpu.push(sum);
  }
  return { result, cpu };
}

/**
 * Records 3 s of frames as they are (see the figures above cpuPerFrame): the rAF intervals, the work per
 * frame, the main thread's CPU per frame and the packet draws the app recorded in that time.
 */
async function recordFrames(page) {
  const { result: frames, cpu } = await cpuPerFrame(page.context().browser(), () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const intervals = [];
          const work = [];
          const channel = new MessageChannel();
          let frameStart = 0;
          channel.port1.onmessage = () => work.push(performance.now() - frameStart);
          let last = performance.now();
          const end = last + 3000;
          const drawsBefore = window.__svclabDraws ?? 0;
          requestAnimationFrame(function f(now) {
            intervals.push(now - last);
            last = now;
            frameStart = now;
            channel.port2.postMessage(0);
            if (now < end) requestAnimationFrame(f);
            else
              setTimeout(() => {
                const n = (window.__svclabDraws ?? 0) - drawsBefore;
                const draws = n > 0 ? window.__svclabDrawMs.slice(-n) : [];
                resolve({ intervals: intervals.slice(1), work: work.slice(1), draws });
              }, 300);
          });
        }),
    ),
  );
  return { ...frames, cpu, inFlight: frames.draws.length };
}

/** Sends `count` requests from the client to `target` and records 3 s of frames while they are in flight. */
async function framesWith(page, target, count) {
  await page.getByTestId('request-from').selectOption('pod/default/client');
  await page.getByTestId('request-to').fill(target);
  await page.getByTestId('request-count').fill(String(count));
  const before = await page.evaluate(() => performance.getEntriesByName('svclab:traces').length);
  await page.locator('form.request-bar button[type="submit"]').click();
  await page.waitForFunction((n) => performance.getEntriesByName('svclab:traces').length > n, before, {
    timeout: 60_000,
  });
  const packets = await page.evaluate(
    () => performance.getEntriesByName('svclab:traces').at(-1).detail.count,
  );
  return { ...(await recordFrames(page)), packets };
}

/**
 * The floor under the frame figures: the same 3 s with the graph drawn and nothing animating (before
 * any request), so the work per frame is the bench's own rAF and, on a loaded machine, waiting for a core.
 */
const idleFrames = async (page) => ({ ...(await recordFrames(page)), packets: 0 });

async function main() {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no dist/: run `npx vite build` first');
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer(BASE);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });

    // Cold load → interactive graph (first "svclab:graph" mark, measured from navigation start). Each
    // load is a new browser context: an empty HTTP cache, no service worker, no compiled-code cache, no
    // saved work. The first load after the browser and the server have started also pays for their own
    // start (the browser's first renderer and GPU compositing, the server's first requests): 1,290 to
    // 2,110 ms in ten runs of this loop, the slowest of its run in eight. It is made and printed, not
    // counted: the figure is a page's cold load in a running browser. A new context opens a new window,
    // whose address-bar popup Chromium 156 would draw as a web page in a renderer of its own (1.3–1.6 s
    // of CPU on these two cores, beside the load measured); chromium.mjs turns that popup off.
    const cold = [];
    const warm = [];
    for (let i = 0; i < (FRAMES_ONLY ? 0 : WARM_LOADS + 5); i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const p = await ctx.newPage();
      await p.goto(BASE);
      (i < WARM_LOADS ? warm : cold).push(await firstGraphAt(p));
      await ctx.close();
    }

    await page.goto(BASE);
    await page.locator('[data-testid="yaml-editor"] .monaco-editor').waitFor({ timeout: 30_000 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // Keystroke → graph for the 50-object scene, then 200 and 2,000 packets in flight on it.
    const small = await keystrokes(page, bigScene(), 40);
    const idle = await idleFrames(page);
    const few = await framesWith(page, 'http://svc-0', 5);
    const frames = await framesWith(page, 'http://svc-0', 200);
    const frames2k = await framesWith(page, 'http://svc-0', 2000);
    // Keystroke → graph for the 1,000-pod scene.
    const large = FRAMES_ONLY ? null : await keystrokes(page, thousandPodScene(), 10);
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');

    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const breakdownLine = (parts) =>
      ['untilSent', 'build', 'transfer', 'slimPatch', 'transit', 'render', 'layout']
        .map(
          (k) =>
            `${k} ${median(parts.map((p) => p[k])).toFixed(1)}/${p95(parts.map((p) => p[k])).toFixed(1)}`,
        )
        .join(' · ');
    const js = initialJsGzip();
    const coldMedian = [...cold].sort((a, b) => a - b)[2] ?? NaN;
    const frameRows = (f, n) => [
      [`frame work p95 (${n} packets)`, ms(p95(f.work)), '≤ 16.7 ms', p95(f.work) <= 16.7],
      [
        `  main-thread CPU per frame p95 (${f.cpu.length} frames)`,
        ms(p95(f.cpu)),
        '≤ 16.7 ms',
        p95(f.cpu) <= 16.7,
      ],
      ['  rAF interval p95 (vsync-bound)', ms(p95(f.intervals)), '(≥ 16.7 at 60 Hz)', true],
      [`  packet draw p95 (${f.draws.length} frames)`, ms(p95(f.draws)), '', f.inFlight > 0],
    ];
    const keystrokeRows = [
      [
        'keystroke → graph p95 (50 objects)',
        ms(p95(small.latencies)),
        '≤ 100 ms',
        p95(small.latencies) <= 100,
      ],
      [
        `keystroke → graph p95 (${large?.pods} pods)`,
        ms(p95(large?.latencies ?? [])),
        '≤ 100 ms',
        p95(large?.latencies ?? []) <= 100 && large?.pods >= 1000,
      ],
    ];
    const frameFigures = [
      [`frame work p95, idle floor (no packets)`, ms(p95(idle.work)), '(the floor)', true],
      [`  main-thread CPU per frame p95, idle`, ms(p95(idle.cpu)), '', true],
      [`frame work p95 (${few.packets} packets)`, ms(p95(few.work)), '≤ 16.7 ms', p95(few.work) <= 16.7],
      [`  main-thread CPU per frame p95`, ms(p95(few.cpu)), '≤ 16.7 ms', p95(few.cpu) <= 16.7],
      ...frameRows(frames, 200),
      ...frameRows(frames2k, frames2k.packets),
    ];
    const rows = [
      ...keystrokeRows,
      ...frameFigures,
      ['cold load → graph (median of 5)', ms(coldMedian), '≤ 1000 ms', coldMedian <= 1000],
      [
        'initial JS gzip',
        `${(js.bytes / 1024).toFixed(1)} KiB (${js.files.length} files)`,
        '≤ 170 KiB, Monaco lazy',
        js.bytes <= 170 * 1024 && !js.files.some((f) => /Monaco/i.test(f)),
      ],
    ];
    console.log(`      load average (1, 5, 15 min): ${load}`);
    const shown = FRAMES_ONLY ? frameFigures : rows;
    // The names' column is as wide as the longest name, so every figure lines up under the others.
    const width = Math.max(...shown.map(([name]) => name.length));
    for (const [name, value, target, ok] of shown)
      console.log(`${ok ? 'PASS' : 'MISS'}  ${name.padEnd(width)} ${value.padStart(24)}   target ${target}`);
    if (!FRAMES_ONLY) {
      const list = (xs) => xs.map((t) => t.toFixed(0)).join(' ');
      console.log(
        `      cold loads, in order, ms: ${list(cold)} (not counted, the first ${WARM_LOADS}: ${list(warm)})`,
      );
      console.log(`      keystroke breakdown (50 objects), median/p95 ms: ${breakdownLine(small.breakdown)}`);
      console.log(
        `      keystroke breakdown (${large.pods} pods), median/p95 ms: ${breakdownLine(large.breakdown)}`,
      );
    }
    if (frames2k.packets < 2000)
      console.log(`MISS  the page animated ${frames2k.packets} packets, not 2,000`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
