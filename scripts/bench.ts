/**
 * `npm run bench`: how fast svclab turns YAML into a cluster.
 *
 * For generated clusters of 100, 1,000 and 10,000 Services (each selecting a Deployment of 10 pods) it
 * prints the medians of: YAML parsing (svclab's parser, MB/s, and js-yaml parsing the same text in the same
 * run, as a ratio), admission (schema check + defaulting + validation, timed with the parses already
 * cached), the controllers (allocation,
 * workloads, scheduling, pod status, endpoint controllers, lints) and both together; the JS heap in use
 * once the cluster is built, and the process's peak RSS so far. Then the one-document edit in a 50-object
 * scene through the incremental workspace (median and p95 of many edits).
 *
 * Timings are wall-clock on a shared machine: the load average is printed so that a slow run can be told
 * from a slow engine. No test asserts on these numbers.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import jsYaml from 'js-yaml';
import { assembleCluster } from '../src/engine/cluster/assemble';
import { createManifestCache, loadObjects } from '../src/engine/manifest/load';
import { parseManifests } from '../src/engine/manifest/parse';
import { createWorkspace } from '../src/engine/workspace';
import { generatedScene, type Source } from './bench-scene';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
/** CPU time of the process (user + system) while f runs: steadier than wall time on a busy machine. */
const cpuTime = <T>(f: () => T): [T, number, number] => {
  const c = process.cpuUsage();
  const [r, wall] = time(f);
  const u = process.cpuUsage(c);
  return [r, wall, (u.user + u.system) / 1000];
};
const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const bytesOf = (src: Source[]): number => src.reduce((n, s) => n + Buffer.byteLength(s.text), 0);

interface Row {
  services: number;
  pods: number;
  sizeMB: number;
  parseMs: number;
  parseMBs: number;
  jsYamlMBs: number;
  admitMs: number;
  controllersMs: number;
  cpuMs: number;
  heapMB: number;
  rssMB: number;
}

function benchSize(services: number, runs: number): Row {
  const src = generatedScene(services, 10);
  const bytes = bytesOf(src);
  const parse: number[] = [];
  const jsy: number[] = [];
  const admit: number[] = [];
  const ctl: number[] = [];
  const cpu: number[] = [];
  let pods = 0;
  let heap = 0;
  for (let r = 0; r < runs; r++) {
    parse.push(time(() => parseManifests(src))[1]);
    jsy.push(time(() => src.forEach((s) => jsYaml.loadAll(s.text)))[1]);
    // Admission alone: the cache already holds this run's parses, so loadObjects only admits.
    const cache = createManifestCache();
    parseManifests(src, cache);
    const [loaded, tAdmit, cAdmit] = cpuTime(() => loadObjects(src, cache));
    admit.push(tAdmit);
    const [built, tCtl, cCtl] = cpuTime(() => assembleCluster(loaded.objects, { seed: 1, clock: 0 }));
    ctl.push(tCtl);
    cpu.push(cAdmit + cCtl);
    pods = built.cluster.pods.length;
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    if (
      built.diagnostics.some((d) => d.severity === 'error') ||
      loaded.diagnostics.some((d) => d.severity === 'error')
    )
      throw new Error('the generated scene has errors; the bench would measure the wrong thing');
  }
  const parseMs = median(parse);
  return {
    services,
    pods,
    sizeMB: bytes / 1024 / 1024,
    parseMs,
    parseMBs: bytes / 1024 / 1024 / (parseMs / 1000),
    jsYamlMBs: bytes / 1024 / 1024 / (median(jsy) / 1000),
    admitMs: median(admit),
    controllersMs: median(ctl),
    cpuMs: median(cpu),
    heapMB: heap / 1024 / 1024,
    rssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** A 50-object scene (25 Deployments of 2 pods + 25 Services), edited one document at a time. */
function benchEdit(edits: number): { median: number; p95: number; reparsed: number } {
  const src = generatedScene(25, 2, 25);
  const ws = createWorkspace(1);
  ws.update(src);
  const times: number[] = [];
  const before = ws.stats.cache.chunkMisses;
  for (let i = 0; i < edits; i++) {
    // Change one Deployment's image: one document of fifty differs from the previous update.
    const text = src[0]!.text.replace(/agnhost:2\.52(-\d+)?\n/, `agnhost:2.52-${i}\n`);
    times.push(time(() => ws.update([{ file: src[0]!.file, text }]))[1]);
  }
  return { median: median(times), p95: p95(times), reparsed: (ws.stats.cache.chunkMisses - before) / edits };
}

const table = (rows: string[][]): string => {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  '))
    .join('\n');
};

const plan: [number, number][] = [
  [100, 7],
  [1000, 5],
  [10000, 3],
];
console.log(
  `svclab bench — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rows: string[][] = [
  [
    'services',
    'pods',
    'YAML MB',
    'parse ms',
    'parse MB/s',
    'js-yaml MB/s',
    'ratio',
    'admit ms',
    'controllers ms',
    'admit+ctl ms',
    'admit+ctl CPU ms',
    'heap MB',
    'peak RSS MB',
  ],
];
for (const [n, runs] of plan) {
  const r = benchSize(n, runs);
  rows.push([
    String(r.services),
    String(r.pods),
    r.sizeMB.toFixed(2),
    ms(r.parseMs),
    r.parseMBs.toFixed(1),
    r.jsYamlMBs.toFixed(1),
    `${(r.parseMBs / r.jsYamlMBs).toFixed(2)}x`,
    ms(r.admitMs),
    ms(r.controllersMs),
    ms(r.admitMs + r.controllersMs),
    ms(r.cpuMs),
    mb(r.heapMB * 1024 * 1024),
    r.rssMB.toFixed(0),
  ]);
  console.log(`  … ${n} Services done (${runs} runs)`);
}
console.log(`\nMedians per size (pods include the system's CoreDNS pods):\n${table(rows)}`);
console.log('Target: admit+ctl for 10,000 Services / 100,000 pods under 1,000 ms.');
const edit = benchEdit(200);
console.log(
  `\nOne-document edit, 50-object scene (workspace.update): median ${ms(edit.median)} ms, p95 ${ms(edit.p95)} ms, ` +
    `${edit.reparsed.toFixed(1)} document(s) re-parsed per edit. Target: under 5 ms.`,
);
console.log(
  `Load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
