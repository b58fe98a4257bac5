/**
 * One command interpreter serves the CLI and the in-page console (architecture: `run("exec web -- nslookup db")`).
 * Each command is a handler over the built cluster and the simulation world; it returns text or JSON, never throws.
 */
import type { ClusterState } from '../cluster/state';
import type { Diagnostic } from '../diagnostics';
import type { Pod } from '../k8s/objects';
import type { ManifestSource } from '../manifest/parse';
import type { SourcedObject } from '../manifest/types';
import type { TimelineEvent } from '../timeline';
import { msg, render, type Lang, type Msg } from '../messages';
import { localizeJson } from '../messages/json';
import type { Distribution } from '../simulate/distribution';
import type { Trace } from '../trace';
import type { SimWorld } from '../world';

export interface CommandResult {
  /** 0 success; 1 the command ran and reports a failure; 2 usage error. */
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
  /**
   * The scene's sources after a command that edits the scene (`scale`, `label`, `patch` …): every file,
   * edited or not. The page puts them in the editor (undoable); the CLI prints them with `-o yaml`.
   */
  sources?: ManifestSource[];
  /**
   * The requests the command sent (`curl`, `exec POD -- curl`), as simulate() returns them: the page
   * animates them on the graph as it does the request bar's. The CLI prints only stdout and stderr.
   */
  traces?: Trace[];
  /**
   * `curl --count N`: each URL's distribution experiment over all N requests (the page's histogram; the
   * traces above may be cut to what the page animates).
   */
  distributions?: UrlDistribution[];
}

/** One URL's distribution experiment: where it was sent from and how the requests spread. */
export interface UrlDistribution extends Distribution {
  url: string; // "http://10.0.0.12:30081/"
  from: string; // "external"
}

export interface CommandEnv {
  cluster: ClusterState;
  world: SimWorld;
  /** Every diagnostic of the build (for `validate`). */
  diagnostics: Diagnostic[];
  /** The scene's text the cluster was built from (the imperative commands edit it; without it they refuse). */
  sources?: ManifestSource[];
  /**
   * The build's admitted objects (with any Timeline): given, every command runs on the cluster at the
   * timeline's instant (`--at DURATION`, default 0 s), and `timeline` lists the events.
   */
  objects?: SourcedObject[];
  /**
   * The instant a line without `--at` runs at, in seconds (the page's timeline scrubber); default 0.
   */
  at?: number;
  /**
   * Set by the interpreter from `objects` and `--at`: the instant, every event of the timeline and the
   * cluster as built (time 0, which a Timeline's faults name their targets in).
   */
  timeline?: { at: number; events: TimelineEvent[]; start: ClusterState };
  /** `-o json` was given: print machine-readable output. */
  json: boolean;
  /**
   * The language svclab's own sentences are printed in (explanations, notes, lints, help). Imitated
   * tool output (curl, dig, iptables-save, kubectl tables and API errors) stays as the tool prints it.
   */
  lang: Lang;
  /**
   * The most characters of standard output the reader can take (the page's console: 1,000,000); the rest
   * is cut at a line end and standard error says so. Unset (the CLI): everything is printed.
   */
  maxOutput?: number;
}

/** A top-level command: `get`, `curl`, `validate`, `node` … `args` excludes the command name and `-o json`. */
export type CommandHandler = (args: string[], env: CommandEnv) => CommandResult;

/** A command run inside a pod's network view: `exec POD -- nslookup db`. `args` excludes the program name. */
export type PodCommandHandler = (args: string[], env: CommandEnv, pod: Pod) => CommandResult;

export const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });
export const fail = (stderr: string, stdout = ''): CommandResult => ({ exitCode: 1, stdout, stderr });
/**
 * A usage error (exit 2): one line saying what is wrong, then where help is. svclab's own reasons are
 * descriptors, printed in `lang`; a reason an imitated tool prints itself (curl's, kubectl's) is a string.
 *
 * @example usage(msg('usage.execPod', {}), 'exec', 'ko').stderr // "svclab exec: 파드 이름을 적으세요: …"
 */
export const usage = (reason: string | Msg, command = '', lang: Lang = 'en'): CommandResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `svclab${command ? ` ${command}` : ''}: ${typeof reason === 'string' ? reason : render(reason, lang)}\n${render(msg('usage.seeHelp', {}), lang)}\n`,
});
/** Machine-readable output; descriptors become strings in `lang`, each with its descriptor beside it. */
export const json = (value: unknown, lang: Lang): string =>
  `${JSON.stringify(localizeJson(value, lang), null, 2)}\n`;
