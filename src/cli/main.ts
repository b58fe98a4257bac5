/**
 * The `svclab` command line: a thin Node adapter over the engine. It reads the manifests (`-f FILE`,
 * repeatable, `-` for standard input), builds the cluster with the seed, and hands the rest of the
 * command line to the same interpreter the in-page console uses.
 *
 * Exit status (docs/cli-contract.md): 0 success; 1 the command ran and reports a failure (unreadable
 * or invalid manifests, a request without a response); 2 a usage error, printed as one line and a
 * pointer to `--help`.
 *
 * @example
 * await main(['-f', 'scene.yaml', 'get', 'svc']); // 0, and kubectl's table on standard output
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  buildCluster,
  createWorld,
  escapeTerminal,
  helpText,
  isLang,
  msg,
  provideLibraries,
  render,
  runCommand,
  validateCommand,
  type CommandEnv,
  type Diagnostic,
  type Lang,
  type ManifestSource,
  type Msg,
} from '../engine';
import { lessonCommand } from './lesson';

interface CliArgs {
  files: string[];
  seed: number;
  /** `--lang ko`: svclab's own sentences in Korean. English by default, never from the locale. */
  lang: Lang;
  rest: string[];
}

/** A command line that cannot be run: why, in the language it asked for (as far as it could be read). */
type Parsed = { ok: true; args: CliArgs } | { ok: false; reason: Msg; lang: Lang };

/** The language a command line asks for, read before the rest so that its own errors are in it. */
function askedLang(argv: string[]): Lang {
  let lang: Lang = 'en';
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (isLang(v)) lang = v;
  }
  return lang;
}

/** Where main reads and writes (tests pass a temp file's descriptor and collecting writers). */
export interface CliIo {
  /** File descriptor read for `-f -`; default 0 (standard input). */
  stdinFd?: number;
  /** Default: process.stdout.write. */
  stdout?: (text: string) => void;
  /** Default: process.stderr.write. */
  stderr?: (text: string) => void;
}

/**
 * Files larger than this are not read at all (the parser refuses sources above 5 MiB with a diagnostic;
 * reading gigabytes first only to refuse them would exhaust memory).
 */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * Takes the global flags (-f, --seed, --lang) out of argv; everything after `--` belongs to the inner
 * command. After a `curl` command word, `-f` is curl's --fail, so only `--filename` names a manifest there.
 * The language comes only from `--lang`, never from LANG or LC_ALL, so scripts see the same output
 * on every machine.
 *
 * @example parseCliArgs(['-f', 'a.yaml', '--seed', '7', 'get', 'svc']) // { ok: true, args: { files: ['a.yaml'], seed: 7, lang: 'en', rest: ['get', 'svc'] } }
 */
export function parseCliArgs(argv: string[]): Parsed {
  const fail = (reason: Msg): Parsed => ({ ok: false, reason, lang: askedLang(argv) });
  const files: string[] = [];
  let seed = 1;
  let lang: Lang = 'en';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const inCurl = rest[0] === 'curl' || (rest[0] === 'svclab' && rest[1] === 'curl');
    if ((a === '-f' && !inCurl) || a === '--filename' || a.startsWith('--filename=')) {
      const v = a.startsWith('--filename=') ? a.slice('--filename='.length) : argv[++i];
      if (v === undefined || v === '') return fail(msg('cli.flagNeedsArgument', { flag: a }));
      files.push(v);
    } else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a === '--seed' ? argv[++i] : a.slice('--seed='.length);
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) {
        return fail(msg('cli.seedValue', { value: v ?? '' }));
      }
      seed = Number(v);
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      if (!isLang(v)) return fail(msg('cli.langValue', { value: v ?? '' }));
      lang = v;
    } else {
      rest.push(a);
    }
  }
  return { ok: true, args: { files, seed, lang, rest } };
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Reads a whole descriptor, stopping (and reporting) past `limit` bytes. */
function readFd(fd: number, limit: number): Buffer | 'too-large' {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      // A non-blocking standard input (some terminals and pipes) has no data yet: wait for it.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) return 'too-large';
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

/** Why a file cannot be read, from the operating system's error. */
function readError(f: string, e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return msg('cli.cannotRead', { file: f, why: 'missing' });
  if (code === 'EISDIR') return msg('cli.cannotRead', { file: f, why: 'directory' });
  if (code === 'EACCES' || code === 'EPERM') return msg('cli.cannotRead', { file: f, why: 'denied' });
  return msg('cli.cannotReadOther', { file: f, detail: e instanceof Error ? e.message : String(e) });
}

type ReadFailed = { error: Msg; usage?: true };

/** Reads one `-f` argument into a source, or says in one line why it cannot. */
function readSource(f: string, io: CliIo): ManifestSource | ReadFailed {
  const name = f === '-' ? '<stdin>' : f;
  let fd: number | undefined;
  try {
    fd = f === '-' ? (io.stdinFd ?? 0) : openSync(f, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: readError(f, { code: 'EISDIR' }), usage: true };
    if (st.isFile() && st.size > MAX_READ_BYTES)
      return { error: msg('cli.fileTooLarge', { file: f, size: formatMiB(st.size) }) };
    const data = readFd(fd, MAX_READ_BYTES);
    if (data === 'too-large')
      return { error: msg('cli.streamTooLarge', { file: f, limit: formatMiB(MAX_READ_BYTES) }) };
    // YAML is text: a NUL byte means an image, an archive or a binary, and its parse errors would be noise.
    if (data.includes(0)) return { error: msg('cli.notText', { file: f }) };
    return { file: name, text: data.toString('utf8') };
  } catch (e) {
    // A path that names no file is a usage error (exit 2, CLI contract); a file that cannot be read is not.
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { error: readError(f, e), ...(missing ? { usage: true as const } : {}) };
  } finally {
    if (fd !== undefined && f !== '-') closeSync(fd);
  }
}

function readSources(files: string[], io: CliIo): { sources: ManifestSource[] } | ReadFailed {
  const sources: ManifestSource[] = [];
  for (const f of files) {
    const s = readSource(f, io);
    if ('error' in s) return s;
    sources.push(s);
  }
  return { sources };
}

/**
 * The errors in the manifests, as `validate` prints them, for every other command: kubectl apply
 * would have refused those objects, so the command runs without them and the user must know why.
 */
function rejectedObjects(env: CommandEnv, diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return '';
  const text = validateCommand([], { ...env, diagnostics: errors, json: false }).stderr;
  // A limit's own message says what svclab left out or made fewer of; only the API's errors mean refused objects.
  if (errors.every((d) => d.source === 'limit')) return text;
  return `${text}svclab: ${render(msg('cli.notApplied', {}), env.lang)}\n`;
}

let pipeGuard = false;
/**
 * `svclab … | head` closes the pipe early: like other Unix tools, stop writing quietly instead of dying
 * with a Node stack trace about EPIPE.
 */
function ignoreClosedPipes(): void {
  if (pipeGuard) return;
  pipeGuard = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

/**
 * Runs the CLI on argv (without `node` and the script) and returns the exit status. Output goes to
 * process.stdout / process.stderr. Never throws.
 *
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  if (!io.stdout || !io.stderr) ignoreClosedPipes();
  // The whole engine from the start: lessons and commands build scenes of their own.
  provideLibraries();
  // Terminal-safe, as runCommand's own output: the CLI's messages quote file names and arguments.
  const out = io.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = io.stderr ?? ((t: string) => void process.stderr.write(t));
  const stdout = (t: string): void => out(escapeTerminal(t));
  const stderr = (t: string): void => err(escapeTerminal(t));
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    stderr(
      `svclab: ${render(parsed.reason, parsed.lang)}\n${render(msg('usage.seeHelp', {}), parsed.lang)}\n`,
    );
    return 2;
  }
  const { files, seed, lang, rest } = parsed.args;
  if (files.filter((f) => f === '-').length > 1) {
    stderr(
      `svclab: ${render(msg('usage.stdinOnce', {}), lang)}\n${render(msg('usage.seeHelp', {}), lang)}\n`,
    );
    return 2;
  }
  if (rest.length === 0) {
    stderr(
      `svclab: ${render(msg('usage.noCommand', {}), lang)}\n${render(msg('usage.seeHelp', {}), lang)}\n`,
    );
    return 2;
  }
  if (rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
    stdout(helpText(lang));
    return 0;
  }
  if (rest[0] === 'lesson' || (rest[0] === 'svclab' && rest[1] === 'lesson')) {
    const args = rest.slice(rest[0] === 'lesson' ? 1 : 2);
    return lessonCommand(args, {
      io: { stdout, stderr },
      seed,
      lang,
      sources: () => {
        const r = readSources(files, io);
        return 'error' in r ? r : r.sources;
      },
    });
  }
  const read = readSources(files, io);
  if ('error' in read) {
    const help = read.usage ? `${render(msg('usage.seeHelp', {}), lang)}\n` : '';
    stderr(`svclab: ${render(read.error, lang)}\n${help}`);
    return read.usage ? 2 : 1;
  }
  try {
    const built = buildCluster(read.sources, { seed });
    const env: CommandEnv = {
      cluster: built.cluster,
      world: createWorld(seed),
      diagnostics: built.diagnostics,
      sources: read.sources,
      objects: built.objects,
      json: false,
      lang,
    };
    const result = runCommand(rest, env);
    const isValidate = (rest[0] === 'svclab' || rest[0] === 'kubectl' ? rest[1] : rest[0]) === 'validate';
    const rejected = result.exitCode === 2 || isValidate ? '' : rejectedObjects(env, built.diagnostics);
    stdout(result.stdout);
    stderr(rejected + result.stderr);
    return rejected && result.exitCode === 0 ? 1 : result.exitCode;
  } catch (e) {
    // The engine promises not to throw; if it does anyway, say so instead of a Node stack trace.
    const detail = e instanceof Error ? e.message : String(e);
    stderr(`svclab: ${render(msg('cli.internalError', { detail }), lang)}\n`);
    return 1;
  }
}
