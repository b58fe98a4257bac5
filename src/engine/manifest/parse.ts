/**
 * Parses the user's YAML into documents that remember where every node stands in the text, so that
 * every later diagnostic can point at a line and column. Uses the `yaml` package (its LineCounter).
 *
 * @example
 * const { documents, diagnostics } = parseManifests([{ file: 'scene.yaml', text }]);
 * documents[0].locate(['spec', 'ports', 0, 'nodePort']); // { line: 7, column: 5, endLine: 7, endColumn: 19 }
 */
import {
  LineCounter,
  isMap,
  isSeq,
  isScalar,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { Diagnostic } from '../diagnostics';

export interface ManifestSource {
  file: string; // "scene.yaml"
  text: string;
}

export interface SourceRange {
  line: number; // 1-based
  column: number; // 1-based
  endLine: number;
  endColumn: number;
}

export type FieldPath = (string | number)[];

export interface ParsedDocument {
  file: string;
  index: number; // 0-based document index in the file
  startLine: number;
  endLine: number;
  /** The document's JS value (null for an empty document). */
  value: unknown;
  /** Where a field path stands in the text: the key for a map entry, the item for a sequence entry. */
  locate(path: FieldPath): SourceRange | undefined;
}

export interface ParseResult {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/** Splits "spec.ports[0].nodePort" into ["spec", "ports", 0, "nodePort"]. */
export function parseFieldPath(field: string): FieldPath {
  const out: FieldPath = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

function rangeOf(lc: LineCounter, start: number, end: number): SourceRange {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

function locateIn(doc: Document, lc: LineCounter, path: FieldPath): SourceRange | undefined {
  let node: unknown = doc.contents;
  let best: SourceRange | undefined;
  const nodeRange = (n: unknown): SourceRange | undefined => {
    const r = (n as YamlNode | null)?.range;
    return r ? rangeOf(lc, r[0], r[1]) : undefined;
  };
  best = nodeRange(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg),
      );
      if (!pair) return best;
      const keyRange = nodeRange(pair.key);
      node = pair.value;
      best = keyRange ?? nodeRange(node) ?? best;
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

export function parseManifests(sources: ManifestSource[]): ParseResult {
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { file, text } of sources) {
    const lc = new LineCounter();
    const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    list.forEach((doc, index) => {
      for (const err of [...doc.errors, ...doc.warnings]) {
        const pos = lc.linePos(err.pos[0]);
        diagnostics.push({
          severity: doc.errors.includes(err) ? 'error' : 'warning',
          source: 'yaml',
          code: `yaml.${err.code.toLowerCase()}`,
          message: err.message.split('\n')[0] ?? err.message,
          line: pos.line,
          column: pos.col,
          file,
        });
      }
      const range = doc.range;
      let value: unknown = null;
      if (doc.errors.length === 0) {
        try {
          value = doc.toJS({ maxAliasCount: 100 });
        } catch (e) {
          const pos = lc.linePos(range[0]);
          diagnostics.push({
            severity: 'error',
            source: 'yaml',
            code: 'yaml.alias',
            message: e instanceof Error ? e.message : String(e),
            line: pos.line,
            column: pos.col,
            file,
          });
        }
      }
      documents.push({
        file,
        index,
        startLine: lc.linePos(range[0]).line,
        endLine: lc.linePos(range[2]).line,
        value,
        locate: (path) => locateIn(doc, lc, path),
      });
    });
  }
  return { documents, diagnostics };
}
