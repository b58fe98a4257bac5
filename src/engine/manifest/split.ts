/**
 * Splits a YAML source into per-document chunks at line level, so each can be parsed (and cached) on
 * its own. YAML forbids `---` at the start of a line inside any scalar (it is a document marker
 * wherever it appears there), so cutting before every such line gives exactly the parser's documents.
 *
 * @example
 * splitSource('a: 1\n---\nb: 2\n'); // [{ text: 'a: 1\n', startLine: 1 }, { text: '---\nb: 2\n', startLine: 2 }]
 */
export interface SourceChunk {
  text: string;
  startLine: number; // 1-based line of the chunk's first character in the source
}

/** A document above this size is refused (etcd's default object limit is 1.5 MiB; kubectl users rarely need 1). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** A source (file) above this size is refused before parsing. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** Is the line from pos to end a `---` document marker (`---` alone or followed by a space, tab or CR)? */
function isMarker(text: string, pos: number, end: number): boolean {
  if (text.charCodeAt(pos) !== 45 || text.charCodeAt(pos + 1) !== 45 || text.charCodeAt(pos + 2) !== 45)
    return false;
  if (pos + 3 >= end) return pos + 3 <= end;
  const c = text.charCodeAt(pos + 3);
  return c === 32 || c === 9 || c === 13;
}

/**
 * Cuts before every line that starts with a `---` document marker. A source with YAML directives
 * (`%YAML`, `%TAG`) is kept whole, since a directive belongs to the document after it.
 *
 * @example
 * splitSource('---\na: 1\n').map((c) => c.startLine); // [1]
 */
export function splitSource(text: string): SourceChunk[] {
  if (/^%/m.test(text)) return [{ text, startLine: 1 }];
  const chunks: SourceChunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    if (pos > start && isMarker(text, pos, end)) {
      chunks.push({ text: text.slice(start, pos), startLine });
      start = pos;
      startLine = line;
    }
    if (nl === -1) break;
    pos = nl + 1;
    line++;
  }
  chunks.push({ text: text.slice(start), startLine });
  return chunks;
}

/**
 * The UTF-8 byte length of a string, without TextEncoder (the engine has no DOM or Node globals).
 *
 * @example
 * utf8Length('é'); // 2
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * A byte count as people read it.
 *
 * @example
 * formatBytes(1048576); // "1 MiB"
 */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
