/**
 * Parses the user's YAML into documents that remember where every node stands in the text, so that
 * every later diagnostic can point at a line and column. Uses the `yaml` package (its LineCounter).
 *
 * Parsing is incremental: each source is split at `---` lines (YAML forbids a document marker at the
 * start of a line inside any scalar, so the split is exact) and each chunk is parsed on its own and
 * cached by its text. Re-parsing a 50-document scene after one document changed parses one chunk.
 *
 * Speed: nearly every chunk is read by js-yaml (fast-yaml.ts), which gives the yaml package's value at
 * tens of MB/s; its positions come from the yaml package only when locate() is first called on it (a
 * diagnostic), and are then exact as always. See parse-chunk.ts.
 *
 * @example
 * const { documents, diagnostics } = parseManifests([{ file: 'scene.yaml', text }]);
 * documents[0].locate(['spec', 'ports', 0, 'nodePort']); // { line: 7, column: 5, endLine: 7, endColumn: 19 }
 */
import type { Diagnostic } from '../diagnostics';
import { parseChunk, type ParsedChunk } from './parse-chunk';
import { splitSource, utf8Length, MAX_SOURCE_BYTES, formatBytes } from './split';
import type { ManifestCache } from './cache';
import type { FieldPath, SourceRange } from './types';

export interface ManifestSource {
  file: string; // "scene.yaml"
  text: string;
}

export interface ParsedDocument {
  file: string;
  index: number; // 0-based document index in the file
  startLine: number;
  endLine: number;
  /** The document's JS value (null for an empty document or one with errors). */
  value: unknown;
  /** Where a field path stands in the text: the key for a map entry, the item for a sequence entry. */
  locate(path: FieldPath): SourceRange | undefined;
  /** The text of the chunk this document came from (a cache key for per-document work). */
  text?: string;
  /** True when the YAML parser reported an error for this document (its value is then null). */
  hasErrors?: boolean;
}

export interface ParseResult {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/**
 * Splits "spec.ports[0].nodePort" into ["spec", "ports", 0, "nodePort"].
 *
 * @example
 * parseFieldPath('metadata.labels[app]'); // ['metadata', 'labels', 'app']
 */
export function parseFieldPath(field: string): FieldPath {
  const out: FieldPath = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

function shift(r: SourceRange | undefined, by: number): SourceRange | undefined {
  return r && by !== 0 ? { ...r, line: r.line + by, endLine: r.endLine + by } : r;
}

function materialize(
  file: string,
  chunk: ParsedChunk,
  lineOffset: number,
  firstIndex: number,
  text: string,
  out: ParseResult,
): number {
  let index = firstIndex;
  for (const d of chunk.diagnostics) {
    const shifted: Diagnostic = { ...d, file };
    if (d.line !== undefined) shifted.line = d.line + lineOffset;
    if (d.endLine !== undefined) shifted.endLine = d.endLine + lineOffset;
    out.diagnostics.push(shifted);
  }
  for (const doc of chunk.documents) {
    out.documents.push({
      file,
      index: index++,
      startLine: doc.startLine + lineOffset,
      endLine: doc.endLine + lineOffset,
      value: doc.value,
      hasErrors: doc.hasErrors,
      text: chunk.documents.length === 1 ? text : undefined,
      locate: (path) => shift(doc.locate(path), lineOffset),
    });
  }
  return index;
}

/**
 * Parses every source into documents, in order. Never throws: syntax errors, oversized input and
 * resource-exhaustion attempts become diagnostics (source `yaml`) with a line and column.
 * Pass a cache (createManifestCache()) to reuse the parse of unchanged documents between calls.
 *
 * @example
 * parseManifests([{ file: 'a.yaml', text: 'kind: Service\n---\nkind: Pod\n' }]).documents.length; // 2
 */
export function parseManifests(sources: ManifestSource[], cache?: ManifestCache): ParseResult {
  const out: ParseResult = { documents: [], diagnostics: [] };
  for (const { file, text } of sources) {
    if (text.length * 3 > MAX_SOURCE_BYTES && utf8Length(text) > MAX_SOURCE_BYTES) {
      out.diagnostics.push({
        severity: 'error',
        source: 'yaml',
        code: 'yaml.source-too-large',
        message: `${file} is ${formatBytes(utf8Length(text))}; svclab reads at most ${formatBytes(MAX_SOURCE_BYTES)} per file`,
        line: 1,
        column: 1,
        file,
      });
      continue;
    }
    let index = 0;
    for (const chunk of splitSource(text)) {
      const parsed = cache ? cache.chunk(chunk.text, () => parseChunk(chunk.text)) : parseChunk(chunk.text);
      index = materialize(file, parsed, chunk.startLine - 1, index, chunk.text, out);
    }
  }
  return out;
}
