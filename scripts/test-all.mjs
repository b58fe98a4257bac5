#!/usr/bin/env node
// `npm test`: every check the project promises, in order, then one plain line `N passed, N failed`.
// Format, typecheck and lint count as one check each; unit and end-to-end tests count per test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';

const out = '.test-out';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, cmd, args) {
  process.stdout.write(`\n── ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const bin = (name) => `node_modules/.bin/${name}`;

check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('typecheck', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
// The import graph's layers and no cycles (.dependency-cruiser.cjs; docs/architecture.md).
check('imports', bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);

// Unit tests: count each test from Vitest's JSON report.
const unitOk = run('unit', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${out}/unit.json`,
]);
const unit = readJson(`${out}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  lines.push(`unit  ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
  if (!unitOk && unit.numFailedTests === 0) {
    failed += 1; // a suite failed to load or run
    lines.push('FAIL unit run (a suite failed outside any test)');
  }
} else {
  failed += 1;
  lines.push('FAIL unit (no report)');
}

// End-to-end: build the app and CLI, then Playwright against `vite preview` in real Chromium.
if (check('build', 'npm', ['run', 'build', '--silent'])) {
  // The first screen's JavaScript, at most 170 KiB gzipped (scripts/bundle-budget.mjs prints the figure).
  check('bundle budget', 'node', ['scripts/bundle-budget.mjs']);
  const e2eOk = run('e2e', bin('playwright'), ['test']);
  const e2e = readJson(`${out}/e2e.json`);
  if (e2e && e2e.stats) {
    const p = e2e.stats.expected + (e2e.stats.flaky ?? 0);
    const f = e2e.stats.unexpected;
    passed += p;
    failed += f;
    lines.push(`e2e   ${p} passed, ${f} failed${e2e.stats.skipped ? `, ${e2e.stats.skipped} skipped` : ''}`);
    if (!e2eOk && f === 0) {
      failed += 1;
      lines.push('FAIL e2e run (setup or server failed)');
    }
  } else {
    failed += 1;
    lines.push('FAIL e2e (no report)');
  }
} else if (!existsSync('dist')) {
  lines.push('skip e2e (build failed)');
}

process.stdout.write(`\n${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
