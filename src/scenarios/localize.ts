/**
 * A scene's teaching comments in the reader's language. The scenes are real YAML files written in
 * English; a translation is a table of their comments (English block → Korean block), and this rewrites
 * only the comments it finds in the table, every other byte as it was, so the Korean scene is the same
 * objects as the English one.
 *
 * Comments are found by the `yaml` library's CST: a `#` in a quoted string or a block scalar is not a
 * comment, and the CST's offsets place each one exactly.
 *
 * @example
 * localizeComments('# A pod\nkind: Pod # here\n', [
 *   { en: ['A pod'], ko: ['파드 하나'] },
 *   { en: ['here'], ko: ['여기'] },
 * ]);
 * // "# 파드 하나\nkind: Pod # 여기\n"
 */
import { Parser } from 'yaml';

/** One comment block's text in both languages: its lines without the `#` and the one space after it. */
export interface CommentEntry {
  en: readonly string[];
  ko: readonly string[];
}

/** A file's translations. */
export type CommentTable = readonly CommentEntry[];

/**
 * A run of consecutive full-line comments at the same indentation, or one comment after a value.
 * `start`..`end` spans from the first `#` to the end of the last comment (its line break excluded).
 */
export interface CommentBlock {
  start: number;
  end: number;
  /** What precedes each `#` of a full-line block on its line (spaces or tabs); "" for an inline one. */
  indent: string;
  inline: boolean;
  lines: string[];
}

interface CommentToken {
  offset: number;
  source: string;
}

/** Every comment token of the text's CST, in source order. */
function commentTokens(text: string): CommentToken[] {
  const found: CommentToken[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const t = v as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      found.push({ offset: t.offset, source: t.source });
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}

/** A comment's words: without its `#`, one space after it and trailing blanks. */
const words = (source: string): string => source.replace(/^# ?/, '').trimEnd();

/** The comment blocks of a YAML text, in order. */
export function commentBlocks(text: string): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  for (const c of commentTokens(text)) {
    const lineStart = text.lastIndexOf('\n', c.offset - 1) + 1;
    const before = text.slice(lineStart, c.offset).replace(/^\uFEFF/, '');
    const end = c.offset + c.source.length;
    if (!/^[ \t]*$/.test(before)) {
      blocks.push({ start: c.offset, end, indent: '', inline: true, lines: [words(c.source)] });
      continue;
    }
    const last = blocks.at(-1);
    const between = last ? text.slice(last.end, lineStart) : '';
    if (last && !last.inline && last.indent === before && (between === '\n' || between === '\r\n')) {
      last.end = end;
      last.lines.push(words(c.source));
    } else blocks.push({ start: c.offset, end, indent: before, inline: false, lines: [words(c.source)] });
  }
  return blocks;
}

/** The table's entries by their English block (lines joined by "\n"). */
const byEnglish = (table: CommentTable): Map<string, CommentEntry> =>
  new Map(table.map((e) => [e.en.join('\n'), e]));

/**
 * The text with each comment block the table knows written in its `ko` lines (a full-line block may
 * take more or fewer lines than the English; an inline comment stays one line after its value). Blocks
 * the table does not know stay as they are.
 */
export function localizeComments(text: string, table: CommentTable): string {
  const entries = byEnglish(table);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = '';
  let at = 0;
  for (const b of commentBlocks(text)) {
    const entry = entries.get(b.lines.join('\n'));
    if (!entry) continue;
    const written = (b.inline ? [entry.ko.join(' ')] : entry.ko).map((l) => (l ? `# ${l}` : '#'));
    out += text.slice(at, b.start) + written.join(eol + b.indent);
    at = b.end;
  }
  return out + text.slice(at);
}
