/**
 * Parses one chunk of YAML (usually one document) with line numbers relative to the chunk, so the
 * result can be cached by text and shifted to wherever the chunk sits in its file.
 *
 * YAML 1.1 scalars, as kubectl reads them (sigs.k8s.io/yaml uses go-yaml v2): `yes`/`on` are booleans,
 * `0777` is octal. Timestamps and sexagesimal numbers stay strings, as go-yaml v2 gives them to JSON.
 * See yaml-options.ts.
 *
 * Most chunks are read by js-yaml (fast-yaml.ts), about ten times faster than the yaml package, with the
 * same value; the rest (anchors, tags, merge keys, errors, anything the two read differently) goes
 * through the yaml package. A chunk read by js-yaml is parsed by the yaml package only if its locate()
 * is called (for a diagnostic), so its positions are the yaml package's as always.
 *
 * @example
 * parseChunk('a: 1\n').documents[0].value; // { a: 1 }
 */
import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Diagnostic } from '../diagnostics';
import type { FieldPath, SourceRange } from './types';
import { MAX_DOCUMENT_BYTES, formatBytes, utf8Length } from './split';
import { duplicateKeyErrors } from './duplicate-keys';
import { readFastYaml } from './fast-yaml';
import { YAML_OPTIONS } from './yaml-options';

export interface ParsedChunkDocument {
  startLine: number; // relative to the chunk (1-based)
  endLine: number;
  value: unknown;
  hasErrors: boolean;
  locate(path: FieldPath): SourceRange | undefined;
}

export interface ParsedChunk {
  documents: ParsedChunkDocument[];
  /** Lines are relative to the chunk; `file` is filled in by the caller. */
  diagnostics: Diagnostic[];
}

/** Alias nodes a document may expand: "billion laughs" needs thousands; real manifests a handful. */
export const MAX_ALIAS_COUNT = 100;
/** Nesting a document may have: Kubernetes objects nest about 15 deep; deeper input is hostile. */
export const MAX_DEPTH = 100;
/** Parser errors reported per chunk; junk input can produce thousands. */
const MAX_ERRORS = 10;

/**
 * How many chunks each reader has parsed since the module loaded: `plain` by the fast path (js-yaml,
 * fast-yaml.ts), `full` by the yaml package (text the fast path leaves to it, and the first locate() of a
 * chunk the fast path read). For tests and the bench: the cache's tests count parses with it.
 */
export const chunkParseCounts = { plain: 0, full: 0 };

function rangeOf(lc: LineCounter, start: number, end: number): SourceRange {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * Each map's pairs by key, built the first time a path goes through the map and kept with the parsed
 * chunk: placing one diagnostic per key of a big map (40,000 unknown fields) would otherwise search the
 * map once per diagnostic. The first pair with a key wins, as a search from the start would find it.
 */
type PairIndexes = WeakMap<YAMLMap, Map<string, Pair>>;

function pairByKey(indexes: PairIndexes, map: YAMLMap, key: string): Pair | undefined {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Pair[]) {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (!index.has(k)) index.set(k, p);
    }
    indexes.set(map, index);
  }
  return index.get(key);
}

function locateIn(
  doc: Document,
  lc: LineCounter,
  indexes: PairIndexes,
  path: FieldPath,
): SourceRange | undefined {
  let node: unknown = doc.contents;
  const nodeRange = (n: unknown): SourceRange | undefined => {
    const r = (n as YamlNode | null)?.range;
    return r ? rangeOf(lc, r[0], r[1]) : undefined;
  };
  let best = nodeRange(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairByKey(indexes, node, String(seg));
      if (!pair) return best;
      node = pair.value;
      best = nodeRange(pair.key) ?? nodeRange(node) ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return best;
      node = item;
      best = nodeRange(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/**
 * Flow brackets a chunk may leave open at once before the yaml package is asked to parse it at all:
 * tens of thousands of `[` overflow the parser's stack, and repeated overflows have crashed the whole
 * process (V8 "RegExpCompiler Allocation failed"), which no try/catch can stop. Quotes are not tracked
 * (brackets inside strings count too), so the limit is far above MAX_DEPTH; documents between the two
 * are parsed and then refused by the depth check.
 */
export const MAX_FLOW_BRACKETS = 1000;

/** The line and column of the first bracket that leaves more than `limit` brackets open, if any. */
export function deepFlowBracket(text: string, limit: number): { line: number; column: number } | undefined {
  let open = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 91 || c === 123) {
      if (++open > limit) return { line, column: i - lineStart + 1 };
    } else if ((c === 93 || c === 125) && open > 0) {
      open--;
    }
  }
  return undefined;
}

/** Depth of a plain JS value, iteratively (a recursive walk is what deep input attacks). */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

function friendly(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(first))
    return 'the document nests too deeply to parse';
  if (code === 'DUPLICATE_KEY') return `${first} (duplicate key)`;
  return first;
}

/** A chunk svclab will not hand to a parser at all: one error-carrying document and its reason. */
function refused(
  text: string,
  d: { code: string; message: string; line: number; column: number },
): ParsedChunk {
  return {
    documents: [
      {
        startLine: 1,
        endLine: text.split('\n').length,
        value: null,
        hasErrors: true,
        locate: () => undefined,
      },
    ],
    diagnostics: [{ severity: 'error', source: 'yaml', ...d }],
  };
}

/**
 * Parses a chunk of text. Never throws.
 *
 * @example
 * parseChunk('a: 1\na: 2\n').diagnostics[0].message; // "Map keys must be unique (duplicate key)"
 */
export function parseChunk(text: string): ParsedChunk {
  const size = text.length * 3 > MAX_DOCUMENT_BYTES ? utf8Length(text) : 0;
  if (size > MAX_DOCUMENT_BYTES) {
    return refused(text, {
      code: 'yaml.document-too-large',
      message: `document is ${formatBytes(size)}; svclab reads at most ${formatBytes(MAX_DOCUMENT_BYTES)} per document`,
      line: /^---/.test(text) ? 2 : 1,
      column: 1,
    });
  }
  const bracket = deepFlowBracket(text, MAX_FLOW_BRACKETS);
  if (bracket) {
    return refused(text, {
      code: 'yaml.too-deep',
      message: `the document opens more than ${MAX_FLOW_BRACKETS} nested [ or { brackets; svclab refuses to parse it (Kubernetes objects nest about 15 deep)`,
      ...bracket,
    });
  }
  try {
    const fast = readFastYaml(text);
    if (fast) {
      chunkParseCounts.plain++;
      // Positions need the yaml package's nodes: parse again, once, only when someone asks.
      let full: ParsedChunk | undefined;
      return {
        documents: [
          {
            startLine: fast.startLine,
            endLine: fast.endLine,
            value: fast.value,
            hasErrors: false,
            locate: (path) => (full ??= parseChecked(text)).documents[0]?.locate(path),
          },
        ],
        diagnostics: [],
      };
    }
    return parseChecked(text);
  } catch (e) {
    // The yaml package should not throw, but a hostile input must never take the engine down.
    return {
      documents: [],
      diagnostics: [
        {
          severity: 'error',
          source: 'yaml',
          code: 'yaml.internal',
          message: `could not parse this document: ${e instanceof Error ? e.message : String(e)}`,
          line: 1,
          column: 1,
        },
      ],
    };
  }
}

function parseChecked(text: string): ParsedChunk {
  chunkParseCounts.full++;
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lc });
  const docs = Array.isArray(parsed) ? parsed : [];
  const startsWithMarker = /^(?:\uFEFF)?---/.test(text);
  const out: ParsedChunk = { documents: [], diagnostics: [] };
  const indexes: PairIndexes = new WeakMap();
  let errorCount = 0;
  // Errors found at the end of input ("missing closing quote") point past the text: show the last line.
  const lastLine = text.replace(/\s+$/, '').split('\n').length;
  for (const doc of docs) {
    // A chunk holding only comments before the first `---` is not a document of its own.
    if (doc.contents === null && !startsWithMarker && doc.errors.length === 0 && docs.length === 1) continue;
    // The parser's errors and the duplicate keys, in the order of the text (as the yaml package would
    // report them with uniqueKeys on); a Set, since junk input can produce thousands of errors.
    const duplicates = duplicateKeyErrors(doc);
    const errors: { code: string; message: string; pos: [number, number] }[] =
      duplicates.length > 0 ? [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]) : doc.errors;
    const isErrorSet = new Set<unknown>(errors);
    for (const err of [...errors, ...doc.warnings]) {
      const isError = isErrorSet.has(err);
      if (isError && ++errorCount > MAX_ERRORS) continue;
      const a = lc.linePos(err.pos[0]);
      const past = a.line > lastLine;
      out.diagnostics.push({
        severity: isError ? 'error' : 'warning',
        source: 'yaml',
        code: `yaml.${err.code.toLowerCase().replace(/_/g, '-')}`,
        message: friendly(err.code, err.message),
        line: past ? Math.max(1, lastLine) : a.line,
        column: past ? 1 : a.col,
      });
    }
    // The object starts at its content, not at the `---` marker line.
    const contentStart = (doc.contents as YamlNode | null)?.range?.[0];
    const start = lc.linePos(contentStart ?? doc.range[0]);
    let value: unknown = null;
    let hasErrors = errors.length > 0;
    if (!hasErrors) {
      const fail = (code: string, message: string): void => {
        hasErrors = true;
        out.diagnostics.push({
          severity: 'error',
          source: 'yaml',
          code,
          message,
          line: start.line,
          column: start.col,
        });
      };
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        if (depthExceeds(value, MAX_DEPTH)) {
          value = null;
          fail('yaml.too-deep', `the document nests more than ${MAX_DEPTH} levels deep`);
        }
      } catch (e) {
        value = null;
        const msg = e instanceof Error ? e.message : String(e);
        if (/alias/i.test(msg))
          fail(
            'yaml.alias-limit',
            `the document expands more than ${MAX_ALIAS_COUNT} aliases (a "billion laughs" attack?); svclab refuses to expand it`,
          );
        else fail('yaml.invalid', friendly('', msg));
      }
    }
    out.documents.push({
      startLine: start.line,
      endLine: lc.linePos(doc.range[2]).line,
      value,
      hasErrors,
      locate: (path) => locateIn(doc, lc, indexes, path),
    });
  }
  if (errorCount > MAX_ERRORS)
    out.diagnostics.push({
      severity: 'error',
      source: 'yaml',
      code: 'yaml.too-many-errors',
      message: `${errorCount - MAX_ERRORS} more YAML errors in this document`,
      line: out.diagnostics[0]?.line ?? 1,
      column: 1,
    });
  return out;
}
