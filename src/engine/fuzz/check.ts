/**
 * One fuzz case through the engine's whole pipeline, and what must hold for it (issue 17):
 * - nothing throws: the YAML readers, the build (fresh and incremental), every command;
 * - no command answers "internal error", exits outside 0/1/2, prints a raw control character, or claims
 *   JSON (`-o json`, exit 0) it cannot parse;
 * - the two YAML readers agree: wherever the fast reader (js-yaml) answers for a document, the yaml
 *   package reads the same value;
 * - the incremental build agrees with a fresh one: a workspace that built the unmutated scene first (the
 *   edit a student makes) gives the same diagnostics as buildCluster on the mutated one, and every command
 *   prints the same on both (each with a new world of the same seed), which also proves the output
 *   deterministic for the seed. Each case has its own workspace, so a case replays on its own.
 * Each broken property is a Finding with enough to replay the case.
 *
 * @example
 * runCase({ scene: text, mutations: [], templates: [0, 11], pick: 3, seed: 1, lang: 'en' }).findings; // [] when all holds
 */
import { parseAllDocuments } from 'yaml';
import { buildCluster, type BuildResult } from '../build';
import { runCommand } from '../commands/run';
import type { CommandEnv, CommandResult } from '../commands/types';
import { readFastYaml } from '../manifest/fast-yaml';
import { splitSource } from '../manifest/split';
import { YAML_OPTIONS } from '../manifest/yaml-options';
import { createWorkspace } from '../workspace';
import type { Lang } from '../messages';
import { createWorld } from '../world';
import { commandLines } from './commands';
import { mutateScene, type Mutation } from './mutate';

export interface FuzzCase {
  scene: string; // the base scene's YAML
  mutations: Mutation[];
  templates: number[]; // indexes into TEMPLATES
  pick: number; // which pod / Service / node the commands name
  seed: number; // the world seed
  lang: Lang; // the language the commands print svclab's own sentences in
}

export interface Finding {
  property:
    'throws' | 'internal-error' | 'exit-code' | 'control-chars' | 'bad-json' | 'readers' | 'incremental';
  detail: string;
  command?: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function errorText(e: unknown): string {
  return e instanceof Error
    ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n') ?? ''}`
    : String(e);
}

/** Chunks already compared (most chunks of a mutated scene are its base's, unchanged): text → findings. */
const compared = new Map<string, Finding[]>();

/** Where the fast reader answers, the yaml package must read the same value (or the fast reader gave up). */
function readersAgree(text: string, out: Finding[]): void {
  for (const chunk of splitSource(text)) {
    const known = compared.get(chunk.text);
    if (known) {
      out.push(...known);
      continue;
    }
    const found: Finding[] = [];
    compareChunk(chunk.text, found);
    if (compared.size > 20_000) compared.clear();
    compared.set(chunk.text, found);
    out.push(...found);
  }
}

function compareChunk(text: string, out: Finding[]): void {
  let fast;
  try {
    fast = readFastYaml(text);
  } catch (e) {
    out.push({ property: 'throws', detail: `readFastYaml: ${errorText(e)}` });
    return;
  }
  if (!fast) return;
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, uniqueKeys: true });
  const doc = Array.isArray(docs) && docs.length === 1 ? docs[0] : undefined;
  if (!doc || doc.errors.length > 0) {
    out.push({
      property: 'readers',
      detail: `the fast reader answered for a document the yaml package rejects:\n${text}`,
    });
    return;
  }
  if (JSON.stringify(doc.toJS({ maxAliasCount: 100 })) !== JSON.stringify(fast.value))
    out.push({ property: 'readers', detail: `the readers disagree on:\n${text}` });
}

function checkOutput(command: string, r: CommandResult, out: Finding[]): void {
  const text = r.stdout + r.stderr;
  if (/internal error/i.test(text))
    out.push({ property: 'internal-error', command, detail: r.stderr.slice(0, 500) });
  if (r.exitCode !== 0 && r.exitCode !== 1 && r.exitCode !== 2)
    out.push({ property: 'exit-code', command, detail: String(r.exitCode) });
  if (CONTROL.test(text))
    out.push({ property: 'control-chars', command, detail: JSON.stringify(text.match(CONTROL)?.[0]) });
  if (r.exitCode === 0 && /(^|\s)-o json\b/.test(command)) {
    try {
      JSON.parse(r.stdout);
    } catch {
      out.push({ property: 'bad-json', command, detail: r.stdout.slice(0, 300) });
    }
  }
}

function run(built: BuildResult, lines: string[], c: FuzzCase, out: Finding[]): string[] {
  const env: CommandEnv = {
    cluster: built.cluster,
    world: createWorld(c.seed),
    lang: c.lang,
    diagnostics: built.diagnostics,
    json: false,
  };
  return lines.map((line) => {
    try {
      const r = runCommand(line, env);
      checkOutput(line, r, out);
      return `${r.exitCode}\n${r.stdout}\n${r.stderr}`;
    } catch (e) {
      out.push({ property: 'throws', command: line, detail: errorText(e) });
      return 'threw';
    }
  });
}

/**
 * Runs one case: mutates the scene, checks the readers, builds fresh and through the workspace, runs the
 * commands on both. Returns the findings (none when every property holds) and the scene that was built.
 */
export function runCase(c: FuzzCase): { findings: Finding[]; text: string } {
  const findings: Finding[] = [];
  const seed = c.seed;
  let text: string;
  try {
    text = mutateScene(c.scene, c.mutations);
  } catch (e) {
    // The harness's own mutation failed: not a finding about svclab, but say so rather than hide it.
    return {
      findings: [{ property: 'throws', detail: `mutateScene (the fuzzer itself): ${errorText(e)}` }],
      text: c.scene,
    };
  }
  readersAgree(text, findings);
  const sources = [{ file: 'scene.yaml', text }];
  let fresh: BuildResult;
  let incremental: BuildResult;
  try {
    fresh = buildCluster(sources, { seed });
  } catch (e) {
    findings.push({ property: 'throws', detail: `buildCluster: ${errorText(e)}` });
    return { findings, text };
  }
  try {
    const workspace = createWorkspace(seed);
    workspace.update([{ file: 'scene.yaml', text: c.scene }]);
    incremental = workspace.update(sources);
  } catch (e) {
    findings.push({ property: 'throws', detail: `workspace.update: ${errorText(e)}` });
    return { findings, text };
  }
  const a = JSON.stringify(fresh.diagnostics);
  const b = JSON.stringify(incremental.diagnostics);
  if (a !== b)
    findings.push({
      property: 'incremental',
      detail: `diagnostics differ:\nfresh:       ${a.slice(0, 400)}\nincremental: ${b.slice(0, 400)}`,
    });
  const lines = commandLines(fresh.cluster, c.templates, c.pick);
  const outFresh = run(fresh, lines, c, findings);
  const outIncremental = run(incremental, lines, c, []);
  lines.forEach((line, i) => {
    if (outFresh[i] !== outIncremental[i])
      findings.push({
        property: 'incremental',
        command: line,
        detail: `fresh and incremental builds print differently:\n${outFresh[i]!.slice(0, 300)}\n---\n${outIncremental[i]!.slice(0, 300)}`,
      });
  });
  return { findings, text };
}
