/**
 * The `svclab` command line: a thin Node adapter over the engine. It reads the manifests (`-f FILE`,
 * repeatable, `-` for standard input), builds the cluster with the seed, and hands the rest of the
 * command line to the same interpreter the in-page console uses.
 */
import { readFileSync } from 'node:fs';
import { buildCluster } from '../engine/build';
import { HELP, runCommand } from '../engine/commands/run';
import type { ManifestSource } from '../engine/manifest/parse';
import { createWorld } from '../engine/world';

interface CliArgs {
  files: string[];
  seed: number;
  rest: string[];
}

type Parsed = { ok: true; args: CliArgs } | { ok: false; reason: string };

/** Takes the global flags (-f, --seed) out of argv; everything after `--` belongs to the inner command. */
export function parseCliArgs(argv: string[]): Parsed {
  const files: string[] = [];
  let seed = 1;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const flagValue = (name: string): string | undefined => {
      if (a === name) return argv[++i];
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      return undefined;
    };
    if (a === '-f' || a === '--filename' || a.startsWith('--filename=')) {
      const v = a.startsWith('--filename=') ? a.slice('--filename='.length) : argv[++i];
      if (v === undefined) return { ok: false, reason: `flag needs an argument: ${a}` };
      files.push(v);
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = flagValue('--seed');
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) {
        return { ok: false, reason: `--seed takes a whole number from 0 to 4294967295, not "${v ?? ''}"` };
      }
      seed = Number(v);
    } else {
      rest.push(a);
    }
  }
  return { ok: true, args: { files, seed, rest } };
}

function readSources(files: string[]): { sources: ManifestSource[] } | { error: string } {
  const sources: ManifestSource[] = [];
  for (const f of files) {
    try {
      const text = f === '-' ? readFileSync(0, 'utf8') : readFileSync(f, 'utf8');
      sources.push({ file: f === '-' ? '<stdin>' : f, text });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e);
      return { error: `svclab: cannot read ${f}: ${why}\n` };
    }
  }
  return { sources };
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`svclab: ${parsed.reason}\nSee 'svclab --help'.\n`);
    return 2;
  }
  const { files, seed, rest } = parsed.args;
  if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
    (rest.length === 0 ? process.stderr : process.stdout).write(HELP);
    return rest.length === 0 ? 2 : 0;
  }
  const read = readSources(files);
  if ('error' in read) {
    process.stderr.write(read.error);
    return 1;
  }
  const built = buildCluster(read.sources, { seed });
  const result = runCommand(rest, {
    cluster: built.cluster,
    world: createWorld(seed),
    diagnostics: built.diagnostics,
    json: false,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}
