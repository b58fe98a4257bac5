/**
 * The seed-notes coverage map (seeds-coverage.yaml) as data and as the Markdown table in
 * docs/seeds-coverage.md. The YAML is the one source: the test checks every row against svclab and that
 * the Markdown is this rendering of it.
 *
 * @example
 * renderCoverage(parseCoverage(text)).startsWith('# What the seed notes say'); // true
 */
import { parse } from 'yaml';

export const VERDICTS = ['correct', 'wrong', 'outdated', 'partly'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Where a student sees the row happen: a lesson's step (1-based, as `?lesson=ID&step=N`) or a scenario. */
export interface Place {
  lesson?: string;
  step?: number;
  scenario?: string;
  /** Words the step's English text must still contain (so the step keeps teaching this). */
  says?: string;
}

/** A command run through the console's interpreter on a shipped scene, and what its output shows. */
export interface CoverageRun {
  scenario?: string;
  lesson?: string;
  /** The lesson's files, applied in order (default: the lesson's scene). */
  files?: string[];
  /** Edits the step asks the student to make, as [from, to] text replacements (in the last file holding `from`). */
  edit?: [string, string][];
  /** Documents the step asks the student to add (a Timeline), appended to the last file. */
  append?: string;
  command: string;
  /** Substrings of standard output and standard error together. */
  shows?: string[];
  /** Substrings that must not appear. */
  hides?: string[];
  exit?: number;
}

/**
 * The place's step asks a prediction: on the lesson's files with the step's edit the engine's answer is
 * `choice`; on the lesson's starting scene (the near miss, before the edit) it is `before`.
 */
export interface CoveragePredict {
  files?: string[];
  edit?: [string, string][];
  append?: string;
  choice: string;
  before: string;
  /** The scene before the edit, when it is not the lesson's starting scene (a step after the first). */
  beforeFiles?: string[];
  /** Edits that make the near miss (part of the step's change, not all of it). */
  beforeEdit?: [string, string][];
}

export interface CoverageRow {
  id: string;
  seed: string; // "000"
  quote: string; // the note's words, in Korean as written
  concept: string;
  verdict: Verdict;
  /** Why the note is wrong or outdated, with the upstream source. */
  why?: string;
  place?: Place;
  run?: CoverageRun;
  predict?: CoveragePredict;
  /** No place in svclab yet (the test lists these and checks nothing else about them). */
  missing?: boolean;
  /** What svclab lacks to show it (an engine behaviour for another owner). */
  gap?: string;
}

export function parseCoverage(text: string): CoverageRow[] {
  return (parse(text) as { rows: CoverageRow[] }).rows;
}

export const SEED_FILES: Record<string, string> = {
  '000': '000_d6e7a9e7fbf06770.txt',
  '001': '001_71c4ed2ede7c3a1a.txt',
  '002': '002_e64a0a41e82224f4.txt',
  '003': '003_a8f3305b83c5c3d4.txt',
  '004': '004_c0f311c721fd340e.txt',
};

export function seedFile(seed: string): string | undefined {
  return SEED_FILES[seed];
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function where(r: CoverageRow): string {
  if (r.missing) return `**missing**${r.gap ? `: ${r.gap}` : ''}`;
  const parts: string[] = [];
  if (r.place?.lesson) parts.push(`lesson \`${r.place.lesson}\` step ${r.place.step ?? 1}`);
  if (r.place?.scenario) parts.push(`scenario \`${r.place.scenario}\``);
  if (r.run) {
    const scene = r.run.scenario
      ? `scenario ${r.run.scenario}`
      : `lesson ${r.run.lesson}${r.run.files ? ` (${r.run.files.join(', ')})` : ''}`;
    const edited = r.run.edit?.length ? ', edited as the step asks' : '';
    const shows = r.run.shows?.length ? ` → ${r.run.shows.map((s) => `\`${s}\``).join(', ')}` : '';
    parts.push(`\`${r.run.command}\` on ${scene}${edited}${shows}`);
  }
  if (r.predict)
    parts.push(
      `the step's prediction answers \`${r.predict.choice}\` (\`${r.predict.before}\` before the edit)`,
    );
  return parts.join('; ');
}

function verdict(r: CoverageRow): string {
  return r.verdict === 'correct' ? 'correct' : `**${r.verdict}**: ${r.why ?? ''}`;
}

/** The Markdown table, one section per seed note. */
export function renderCoverage(rows: readonly CoverageRow[]): string {
  const out = [
    '# What the seed notes say, and where svclab shows it',
    '',
    'Generated from `src/lessons/seeds-coverage.yaml` by `npx tsx scripts/seeds-coverage.ts`, which also checks',
    'every quote against the notes. `src/lessons/seeds-coverage.test.ts` runs every command below through the',
    'console’s interpreter on the named shipped scene and checks the output.',
    'Verdicts are checked against `/work/shared/reference/kubernetes-semantics.md` and the upstream sources named.',
    '',
    `Rows: ${rows.length}; missing: ${rows.filter((r) => r.missing).length}; wrong, partly wrong or outdated: ${rows.filter((r) => r.verdict !== 'correct').length}.`,
  ];
  for (const seed of Object.keys(SEED_FILES)) {
    const mine = rows.filter((r) => r.seed === seed);
    if (mine.length === 0) continue;
    out.push(
      '',
      `## ${SEED_FILES[seed]}`,
      '',
      '| id | quote | concept | where in svclab | verdict |',
      '|---|---|---|---|---|',
    );
    for (const r of mine)
      out.push(
        `| ${r.id} | ${cell(r.quote)} | ${cell(r.concept)} | ${cell(where(r))} | ${cell(verdict(r))} |`,
      );
  }
  return `${out.join('\n')}\n`;
}
