/**
 * The one command interpreter behind the `svclab` CLI and the in-page console: it takes a command line
 * (`get svc -o wide`, `exec web -- nslookup db`, `curl --from external http://198.51.100.1/`,
 * `node node-1 -- iptables-save`) and dispatches it to the command handlers. It never throws: bad
 * input becomes a usage error (exit 2) with a one-line reason and a pointer to help.
 *
 * @example
 * runCommand('exec client -- nslookup web', env).stdout; // "Server:\t\t10.96.0.10\n…"
 */
import type { Pod } from '../k8s/objects';
import { msg, render, type Lang } from '../messages';
import { cat } from './cat';
import { curlCommand, execCurl } from './curl';
import { dig } from './dig';
import { deleteCommand } from './edit/delete';
import { exposeCommand } from './edit/expose';
import { annotateCommand, labelCommand } from './edit/label';
import { cordonCommand, drainCommand, uncordonCommand } from './edit/node-drain';
import { patchCommand } from './edit/patch';
import { rolloutCommand } from './edit/rollout';
import { scaleCommand } from './edit/scale';
import { setCommand } from './edit/set-selector';
import { env as envCommand } from './env';
import { escapeTerminal } from './escape';
import { getCommand } from './get';
import { execGrpcurl, grpcurlCommand } from './grpcurl';
import { nodeCommand } from './node';
import { nslookup } from './nslookup';
import { execPing, pingCommand } from './ping';
import { execNc, execTelnet } from './tcp-connect';
import { timelineCommand } from './timeline';
import { describeCommand } from './describe';
import { tokenize } from './tokenize';
import { parseDuration } from '../manifest/timeline';
import { clusterAt } from '../timeline';
import {
  fail,
  ok,
  usage,
  type CommandEnv,
  type CommandHandler,
  type CommandResult,
  type PodCommandHandler,
} from './types';
import { validateCommand } from './validate';
import { byCodeUnits } from '../util/compare';

/**
 * `svclab --help` in a language (command words and flags are what the user types, in both).
 *
 * @example helpText('en').startsWith('svclab — ') // true
 */
export function helpText(lang: Lang): string {
  return render(msg('cli.help', {}), lang);
}

// Maps, not object literals: a command name is user input, and `constructor`, `toString` or `__proto__`
// must be unknown commands, not properties every object inherits.
const podCommands = new Map<string, PodCommandHandler>([
  ['env', envCommand],
  ['printenv', envCommand],
  ['cat', cat],
  ['nslookup', nslookup],
  ['dig', dig],
  ['curl', execCurl],
  ['grpcurl', execGrpcurl],
  ['ping', execPing],
  ['telnet', execTelnet],
  ['nc', execNc],
]);

const topCommands = new Map<string, CommandHandler>([
  ['validate', validateCommand],
  ['get', getCommand],
  ['describe', describeCommand],
  ['curl', curlCommand],
  ['grpcurl', grpcurlCommand],
  ['ping', pingCommand],
  ['node', nodeCommand],
  ['exec', execCommand],
  // The imperative commands edit the scene's text (CommandResult.sources).
  ['scale', scaleCommand],
  ['delete', deleteCommand],
  ['label', labelCommand],
  ['annotate', annotateCommand],
  ['expose', exposeCommand],
  ['cordon', cordonCommand],
  ['uncordon', uncordonCommand],
  ['drain', drainCommand],
  ['set', setCommand],
  ['patch', patchCommand],
  ['rollout', rolloutCommand],
  ['timeline', timelineCommand],
]);

/** Takes `--at DURATION` (`--at=1m30s`) out of the words before `--`: the instant the command runs at. */
function extractAt(words: string[]): { words: string[]; at?: string } {
  const out: string[] = [];
  let at: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      out.push(...words.slice(i));
      break;
    }
    if (w === '--at') at = words[++i] ?? '';
    else if (w.startsWith('--at=')) at = w.slice('--at='.length);
    else out.push(w);
  }
  return at === undefined ? { words: out } : { words: out, at };
}

/** The environment at the timeline's instant: the cluster after the faults' reactions up to `at`. */
function atInstant(env: CommandEnv, at: number): CommandEnv {
  if (!env.objects) return { ...env, timeline: { at, events: [], start: env.cluster } };
  const t = clusterAt({ cluster: env.cluster, objects: env.objects }, at, env.world.seed);
  if (at > env.world.clock) env.world.clock = at;
  return { ...env, cluster: t.cluster, timeline: { at, events: t.events, start: env.cluster } };
}

/** Takes `-o json` (also `-ojson`, `-o=json`, `--output json`, `--output=json`) out of the words. */
function extractJsonFlag(words: string[]): { words: string[]; json: boolean } {
  const out: string[] = [];
  let json = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === '-o' || w === '--output') && words[i + 1] === 'json') {
      json = true;
      i += 1;
    } else if (w === '-ojson' || w === '-o=json' || w === '--output=json') {
      json = true;
    } else {
      out.push(w);
    }
  }
  return { words: out, json };
}

// kubectl exec deploy/NAME (or rs/NAME) runs in the first pod the workload owns.
const OWNER_KINDS = new Map([
  ['deploy', 'Deployment'],
  ['deployment', 'Deployment'],
  ['deployments', 'Deployment'],
  ['rs', 'ReplicaSet'],
  ['replicaset', 'ReplicaSet'],
  ['replicasets', 'ReplicaSet'],
]);
const POD_WORDS = new Set(['pod', 'pods', 'po']);

function findPod(env: CommandEnv, ref: string, namespace: string): Pod | undefined {
  const [kind, name] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : ['pod', ref];
  const inNs = env.cluster.pods.filter((p) => (p.metadata.namespace ?? 'default') === namespace);
  if (POD_WORDS.has(kind)) return inNs.find((p) => p.metadata.name === name);
  const ownerKind = OWNER_KINDS.get(kind);
  if (!ownerKind) return undefined;
  const rsNames = new Set(
    ownerKind === 'Deployment'
      ? env.cluster.replicaSets
          .filter((rs) =>
            rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === name),
          )
          .map((rs) => rs.metadata.name)
      : [name],
  );
  return inNs
    .filter((p) => p.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && rsNames.has(o.name)))
    .sort((a, b) => byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? ''))[0];
}

/** `exec POD [-n NS] [-c CONTAINER] [-i] [-t] -- CMD…` */
function execCommand(args: string[], env: CommandEnv): CommandResult {
  const sep = args.indexOf('--');
  if (sep < 0) return usage(msg('usage.execSeparator', {}), 'exec', env.lang);
  const head = args.slice(0, sep);
  const cmd = args.slice(sep + 1);
  let namespace = 'default';
  let container: string | undefined;
  let podRef: string | undefined;
  for (let i = 0; i < head.length; i++) {
    const a = head[i]!;
    if (a === '-n' || a === '--namespace') namespace = head[++i] ?? '';
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
    else if (a === '-c' || a === '--container') container = head[++i];
    else if (a.startsWith('--container=')) container = a.slice('--container='.length);
    else if (a === '-i' || a === '-t' || a === '-it' || a === '-ti' || a === '--stdin' || a === '--tty')
      continue;
    else if (a.startsWith('-')) return usage(`unknown flag: ${a}`, 'exec', env.lang);
    else if (podRef === undefined) podRef = a;
    else return usage(msg('usage.execUnexpectedArgument', { arg: a }), 'exec', env.lang);
  }
  if (!namespace) return usage(msg('usage.namespaceValue', {}), 'exec', env.lang);
  if (!podRef) return usage(msg('usage.execPod', {}), 'exec', env.lang);
  const refKind = podRef.includes('/') ? podRef.split('/', 1)[0]! : 'pod';
  if (!POD_WORDS.has(refKind) && !OWNER_KINDS.has(refKind))
    return fail(`error: the server doesn't have a resource type "${refKind}"\n`);
  const pod = findPod(env, podRef, namespace);
  if (!pod) {
    const [kind, name] = podRef.includes('/') ? podRef.split('/', 2) : ['pods', podRef];
    const resource = kind === 'pod' || kind === 'po' ? 'pods' : kind;
    return fail(`Error from server (NotFound): ${resource} "${name}" not found\n`);
  }
  if (container !== undefined && !pod.spec.containers.some((c) => c.name === container)) {
    return fail(
      `Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name ?? ''}\n`,
    );
  }
  const [program, ...rest] = cmd;
  if (!program) return usage(msg('usage.execProgram', {}), 'exec', env.lang);
  const handler = podCommands.get(program.split('/').pop() ?? program);
  if (!handler) {
    return fail(
      `error: Internal error occurred: error executing command in container: failed to exec in container: ` +
        `failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: ` +
        `exec: "${program}": executable file not found in $PATH: unknown\n` +
        `svclab: ${render(msg('usage.podPrograms', { programs: [...podCommands.keys()].join(', ') }), env.lang)}\n`,
    );
  }
  const withContainer = container !== undefined && program === 'env' ? ['-c', container, ...rest] : rest;
  return handler(withContainer, env, pod);
}

/**
 * Runs one command line (a string as typed, or words as the CLI received them).
 * A leading `kubectl` or `svclab` is accepted, so lines copied from a terminal work in the console.
 * The output is terminal-safe: control characters from the user's YAML are escaped (escape.ts).
 */
export function runCommand(input: string | string[], env: CommandEnv): CommandResult {
  const r = dispatch(input, env);
  const out: CommandResult = {
    exitCode: r.exitCode,
    stdout: escapeTerminal(r.stdout),
    stderr: escapeTerminal(r.stderr),
    ...(r.sources ? { sources: r.sources } : {}),
    ...(r.traces ? { traces: r.traces } : {}),
    ...(r.distributions ? { distributions: r.distributions } : {}),
  };
  return env.maxOutput !== undefined ? cutOutput(out, env.maxOutput, env.lang) : out;
}

/** Cuts standard output at the last line end within `max` characters and says so on standard error. */
function cutOutput(r: CommandResult, max: number, lang: CommandEnv['lang']): CommandResult {
  if (r.stdout.length <= max) return r;
  const end = r.stdout.lastIndexOf('\n', max - 1);
  const stdout = r.stdout.slice(0, end > 0 ? end + 1 : max);
  const note = render(msg('limit.output', { shown: stdout.length, total: r.stdout.length }), lang);
  return { ...r, stdout, stderr: `${r.stderr}${note}\n` };
}

function dispatch(input: string | string[], env: CommandEnv): CommandResult {
  let words: string[];
  if (typeof input === 'string') {
    const t = tokenize(input);
    if (!t.ok) return usage(t.error, '', env.lang);
    words = t.words;
  } else {
    words = [...input];
  }
  if (words[0] === 'kubectl' || words[0] === 'svclab') words = words.slice(1);
  const timed = extractAt(words);
  const at = timed.at === undefined ? (env.at ?? 0) : parseDuration(timed.at);
  if (at === undefined || at < 0)
    return usage(msg('usage.atDuration', { value: timed.at ?? '' }), '', env.lang);
  env = atInstant(env, at);
  const { words: rest, json } = extractJsonFlag(timed.words);
  const [name, ...args] = rest;
  if (!name || name === 'help' || name === '--help' || name === '-h') return ok(helpText(env.lang));
  const handler = topCommands.get(name);
  if (!handler) return usage(msg('usage.unknownCommand', { name: name ?? '' }), '', env.lang);
  try {
    return handler(args, { ...env, json: env.json || json });
  } catch (e) {
    // Errors are values: a bug in a handler must not take the console or the worker down with it.
    const why = e instanceof Error ? e.message : String(e);
    return { exitCode: 1, stdout: '', stderr: `svclab: internal error in "${name}": ${why}\n` };
  }
}
