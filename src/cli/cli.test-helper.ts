/**
 * The CLI tests' kit: `main(argv)` run in-process with its output captured, and a temporary folder for
 * the scene files a test writes (removed after the test file).
 *
 * @example
 * const tmp = tempDir('svclab-cli-');
 * const r = await run('-f', tmp.file(yaml), 'get', 'svc');
 * r.code; // 0
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from './main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `svclab ARGV…` and returns its exit status, standard output and standard error. */
export async function run(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

export interface TempDir {
  dir: string;
  /** Writes a file into the folder (named scene-N.yaml unless named) and returns its path. */
  file(content: string | Buffer, name?: string): string;
}

/** A fresh temporary folder, removed once the test file's tests have run. */
export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    file(content, name = `scene-${++n}.yaml`) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}
