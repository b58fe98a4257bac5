/**
 * `npx tsx scripts/bench-hostile.ts` (part of `npm run bench`): how long svclab takes over the inputs that
 * issue 17's fuzzer found slow, each a build through the workspace path the page uses plus the command
 * that shows the result. Every case must stay linear in its size and well under a second:
 * - a 390 KB map with one anchor (the anchor sends it to the yaml package, whose own duplicate-key check
 *   was quadratic: 10–14 s before);
 * - 40,000 unknown fields in about 400 KB (placing each diagnostic on its line searched the map once per
 *   diagnostic: 47 s before), then `validate`;
 * - the same two at a quarter and half the size, to show the growth is linear.
 * - 200 Services × 100 ports selecting 2,000 pods (40 million port × endpoint entries: kube-proxy would
 *   write hundreds of millions of rules): the rule budget diagnoses it before any rule is built.
 * Later cases are added as the limits land. Times are wall-clock medians of a few runs; the machine is
 * shared, so the load average and the process's CPU time are printed beside them. Figures are reported,
 * never asserted: the script always exits 0.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildCluster } from '../src/engine/build';
import { runCommand } from '../src/engine/commands/run';
import type { ManifestSource } from '../src/engine/manifest/parse';
import { createWorld } from '../src/engine/world';
import { provideLibraries } from '../src/engine/libraries';

// The whole engine, the libraries that load apart included (src/engine/libraries.ts).
provideLibraries();

interface Case {
  name: string;
  sources: ManifestSource[];
  command: string;
}

function anchorMap(keys: number): string {
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: big }\ndata:\n  k0: &v value\n';
  for (let i = 1; i < keys; i++) text += `  key-${i}: value-${i}\n`;
  return text;
}

function unknownFields(fields: number): string {
  let text = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n';
  for (let i = 0; i < fields; i++) text += `  extra${i}: 1\n`;
  return text;
}

const cases: Case[] = [];
for (const keys of [5_000, 10_000, 20_000])
  cases.push({
    name: `map of ${keys.toLocaleString('en')} keys, one anchor`,
    sources: [{ file: 'map.yaml', text: anchorMap(keys) }],
    command: 'get svc',
  });
for (const fields of [10_000, 20_000, 40_000])
  cases.push({
    name: `${fields.toLocaleString('en')} unknown fields`,
    sources: [{ file: 'fields.yaml', text: unknownFields(fields) }],
    command: 'validate',
  });

/** `services` Services × `ports` ports selecting one Deployment of `replicas` pods (the rule budget's case). */
function ruleBomb(services: number, ports: number, replicas: number): string {
  const docs = [
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: nginx }] }`,
  ];
  const list = Array.from({ length: ports }, (_, i) => `{ name: p${i}, port: ${1000 + i} }`).join(', ');
  for (let i = 0; i < services; i++)
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata: { name: s${i} }\nspec: { selector: { app: web }, ports: [${list}] }`,
    );
  return docs.join('\n---\n');
}
// 200 Services × 100 ports × 2,000 pods: 40 million port × endpoint entries, each a few rules on every node.
cases.push({
  name: '200 Services × 100 ports × 2,000 pods',
  sources: [{ file: 'rules.yaml', text: ruleBomb(200, 100, 2000) }],
  command: 'get endpointslices',
});

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const RUNS = 3;

console.log(`hostile inputs (median of ${RUNS} runs; load average ${loadavg()[0]!.toFixed(2)})`);
console.log(
  'case                                         KB     build ms   command ms   CPU ms  diagnostics',
);
for (const c of cases) {
  const kb = c.sources.reduce((n, s) => n + s.text.length, 0) / 1024;
  const builds: number[] = [];
  const commands: number[] = [];
  const cpus: number[] = [];
  let diagnostics = 0;
  for (let r = 0; r < RUNS; r++) {
    const cpu = cpuMs();
    const t0 = performance.now();
    const built = buildCluster(c.sources, { seed: 1 });
    const t1 = performance.now();
    const env = {
      cluster: built.cluster,
      world: createWorld(1),
      diagnostics: built.diagnostics,
      json: false,
      lang: 'en' as const,
    };
    runCommand(c.command, env);
    const t2 = performance.now();
    builds.push(t1 - t0);
    commands.push(t2 - t1);
    cpus.push(cpuMs() - cpu);
    diagnostics = built.diagnostics.length;
  }
  console.log(
    `${c.name.padEnd(42)} ${kb.toFixed(0).padStart(5)} ${fmt(median(builds)).padStart(11)} ${fmt(median(commands)).padStart(12)} ${fmt(median(cpus)).padStart(8)} ${String(diagnostics).padStart(12)}`,
  );
}
