/**
 * `npm run fuzz` (issue 17): the long fuzz run over the engine's whole pipeline (src/engine/fuzz). Every
 * scene of the corpus (the scenarios and every lesson's scene, solution and examples) is mutated by
 * fast-check and run through the readers, the fresh and incremental builds and a set of commands; see
 * src/engine/fuzz/check.ts for the properties.
 *
 *   npm run fuzz -- [--cases N] [--seed S] [--report docs/fuzz-report.md]
 *
 * Prints progress every 1,000 cases and a summary: cases run, time, findings grouped by property and
 * first line (each with one case to replay: `--replay '<json>'` runs just that case and prints the scene).
 * With --report, writes the summary as Markdown (the committed docs/fuzz-report.md keeps the figures of
 * the last long run and the list of defects it found and that were fixed). Exit 1 when anything was found.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { fuzzCase } from '../src/engine/fuzz/arbitraries';
import { runCase, type Finding, type FuzzCase } from '../src/engine/fuzz/check';
import { provideLibraries } from '../src/engine/libraries';

// The whole engine, the libraries that load apart included (src/engine/libraries.ts).
provideLibraries();

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const CASES = Number(flag('--cases') ?? 100_000);
const SEED = Number(flag('--seed') ?? 17);
const REPORT = flag('--report');
const REPLAY = flag('--replay');

/** Every .yaml under a folder (the lessons nest their examples). */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return name.endsWith('.yaml') && name !== 'course.yaml' && name !== 'lesson.yaml' ? [p] : [];
  });
}

const files = [...yamlFiles('src/scenarios'), ...yamlFiles('src/lessons')].sort();
const corpus = files.map((f) => readFileSync(f, 'utf8'));

if (REPLAY) {
  const c = JSON.parse(REPLAY) as FuzzCase;
  const { findings, text } = runCase(c);
  console.log(text);
  console.log(findings.length ? findings : 'no findings');
  process.exit(findings.length ? 1 : 0);
}

interface Group {
  property: Finding['property'];
  signature: string;
  count: number;
  example: { command?: string; detail: string; case: FuzzCase };
}

const groups = new Map<string, Group>();
let failingCases = 0;
let done = 0;
let slowest = { ms: 0, case: undefined as FuzzCase | undefined };
const start = performance.now();

console.log(
  `fuzzing ${CASES.toLocaleString('en')} cases, seed ${SEED}, corpus of ${corpus.length} scenes (load average ${loadavg()[0]!.toFixed(2)})`,
);

fc.check(
  fc.property(fuzzCase(corpus), (c) => {
    const t = performance.now();
    const { findings } = runCase(c);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, case: c };
    if (findings.length) failingCases++;
    for (const f of findings) {
      // Group by property and the first line of the detail without numbers (addresses, counts, lines).
      const signature = `${f.property}: ${(f.detail.split('\n')[0] ?? '').replace(/\d+/g, 'N').slice(0, 160)}`;
      const g = groups.get(signature);
      if (g) g.count++;
      else
        groups.set(signature, {
          property: f.property,
          signature,
          count: 1,
          example: { command: f.command, detail: f.detail, case: c },
        });
    }
    done++;
    if (done % 1000 === 0) {
      const s = (performance.now() - start) / 1000;
      console.log(
        `${done.toLocaleString('en')} cases, ${s.toFixed(0)} s (${((s * 1000) / done).toFixed(1)} ms/case), ${failingCases} failing, ${groups.size} distinct findings`,
      );
    }
    return true; // keep going: the run collects every finding instead of stopping at the first
  }),
  { seed: SEED, numRuns: CASES },
);

const seconds = (performance.now() - start) / 1000;
const lines = [
  `cases: ${done.toLocaleString('en')} (seed ${SEED}, corpus ${corpus.length} scenes)`,
  `time: ${seconds.toFixed(0)} s (${((seconds * 1000) / done).toFixed(1)} ms per case; load average at the end ${loadavg()[0]!.toFixed(2)})`,
  `slowest case: ${slowest.ms.toFixed(0)} ms`,
  `failing cases: ${failingCases}; distinct findings: ${groups.size}`,
];
console.log(`\n${lines.join('\n')}`);
if (slowest.case)
  console.log(`slowest: npm run fuzz -- --replay '${JSON.stringify(slowest.case).replace(/'/g, `'\\''`)}'`);
for (const g of [...groups.values()].sort((a, b) => b.count - a.count)) {
  console.log(`\n[${g.count}×] ${g.signature}`);
  if (g.example.command) console.log(`  command: ${g.example.command}`);
  console.log(
    `  replay: npm run fuzz -- --replay '${JSON.stringify(g.example.case).replace(/'/g, `'\\''`)}'`,
  );
}

if (REPORT) {
  const md = [
    '## Last long run',
    '',
    '```',
    `npm run fuzz -- --cases ${CASES} --seed ${SEED}`,
    ...lines,
    '```',
    '',
    `Corpus: ${files.map((f) => relative('.', f)).length} scenes (src/scenarios, src/lessons).`,
    '',
    groups.size === 0
      ? 'No findings.'
      : [...groups.values()].map((g) => `- ${g.count}× ${g.signature}`).join('\n'),
    '',
  ].join('\n');
  const old = (() => {
    try {
      return readFileSync(REPORT, 'utf8');
    } catch {
      return '';
    }
  })();
  const head = old.includes('## Last long run') ? old.slice(0, old.indexOf('## Last long run')) : old;
  writeFileSync(REPORT, `${head}${md}`);
  console.log(`\nwrote ${REPORT}`);
}
process.exit(groups.size ? 1 : 0);
