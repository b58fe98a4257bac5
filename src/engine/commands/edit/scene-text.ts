/**
 * The scene's text as the imperative commands edit it (`scale`, `label`, `patch` …): the text stays the
 * single source of truth, so a command finds the YAML document that wrote the object, changes it through
 * the `yaml` package's Document model (comments, quoting and key order are kept) and hands back the
 * edited sources. Documents the command did not touch keep their exact text.
 *
 * @example
 * const found = findObject(sources, { kind: 'Deployment', namespace: 'default', name: 'web' });
 * const edited = editObject(sources, found!, (o) => o.setIn(['spec', 'replicas'], 5));
 * edited[0].text; // "…\nspec:\n  replicas: 5\n…"
 */
import { Document, isMap, isScalar, isSeq, parse, parseDocument, Scalar, visit } from 'yaml';
import type { ManifestSource } from '../../manifest/parse';
import { splitSource } from '../../manifest/split';

/** Which object: its kind, namespace ('' for cluster-scoped kinds) and name. */
export interface ObjectRef {
  kind: string; // "Deployment"
  namespace: string; // "default"; "" for Nodes and Namespaces
  name: string; // "web"
}

/** Where an object is written: source, document (chunk) and, inside a `kind: List`, its item. */
export interface FoundObject {
  ref: ObjectRef;
  source: number;
  chunk: number;
  /** [] for a document that is the object, ['items', 3] for an item of a List. */
  path: (string | number)[];
  /** The object's value as written (plain data). */
  value: Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function matches(v: unknown, ref: ObjectRef): v is Obj {
  if (!isObj(v) || v.kind !== ref.kind || !isObj(v.metadata)) return false;
  const md = v.metadata;
  if (md.name !== ref.name) return false;
  if (ref.namespace === '') return true;
  return (
    (typeof md.namespace === 'string' && md.namespace !== '' ? md.namespace : 'default') === ref.namespace
  );
}

/**
 * A string that a YAML 1.1 reader would take for another type (`true`, `yes`, `2026-01-01T00:00:00Z`,
 * `0755`) is written in double quotes: the scene is also read by tools that speak YAML 1.1.
 */
function quoteIfAmbiguous(v: unknown): Scalar.Type | undefined {
  if (typeof v !== 'string') return undefined;
  let read: unknown;
  try {
    read = parse(v, { schema: 'yaml-1.1' });
  } catch {
    return Scalar.QUOTE_DOUBLE;
  }
  return read === v ? undefined : Scalar.QUOTE_DOUBLE;
}

/** Parses one chunk, or undefined when it does not parse cleanly (an edit would lose the user's text). */
function parseChunk(text: string): Document | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  return doc.errors.length > 0 ? undefined : doc;
}

/**
 * Finds the document (or List item) that writes an object. The last one wins, as a later apply of the
 * same object replaces the earlier.
 *
 * @example
 * findObject([{ file: 'a.yaml', text: 'kind: Pod\nmetadata: {name: x}\n' }], { kind: 'Pod', namespace: 'default', name: 'x' })?.chunk; // 0
 */
export function findObject(sources: ManifestSource[], ref: ObjectRef): FoundObject | undefined {
  let found: FoundObject | undefined;
  sources.forEach((src, source) => {
    splitSource(src.text).forEach((c, chunk) => {
      // Cheap test first: only chunks that mention the name are parsed.
      if (!c.text.includes(ref.name)) return;
      const doc = parseChunk(c.text);
      if (!doc) return;
      const v: unknown = doc.toJS();
      if (matches(v, ref)) found = { ref, source, chunk, path: [], value: v };
      else if (isObj(v) && v.kind === 'List' && Array.isArray(v.items))
        v.items.forEach((item: unknown, i) => {
          if (matches(item, ref)) found = { ref, source, chunk, path: ['items', i], value: item };
        });
    });
  });
  return found;
}

/**
 * The first document of a kind (svclab's own kinds, which need no name: the scene's Timeline), or
 * undefined. Documents that do not parse cleanly are passed over: an edit would lose their text.
 *
 * @example findKind(sources, 'Timeline')?.value.events; // [{ at: '10s', fault: 'NodeStopped', node: 'node-2' }]
 */
export function findKind(sources: ManifestSource[], kind: string): FoundObject | undefined {
  for (const [source, src] of sources.entries())
    for (const [chunk, c] of splitSource(src.text).entries()) {
      if (!c.text.includes(kind)) continue;
      const v: unknown = parseChunk(c.text)?.toJS();
      if (!isObj(v) || v.kind !== kind) continue;
      const md = isObj(v.metadata) ? v.metadata : {};
      const ref = { kind, namespace: '', name: typeof md.name === 'string' ? md.name : '' };
      return { ref, source, chunk, path: [], value: v };
    }
  return undefined;
}

/** The sources' objects of one kind, as written (for `drain` and `cordon` over Nodes). */
export function objectsOfKind(sources: ManifestSource[], kind: string): Obj[] {
  const out: Obj[] = [];
  for (const src of sources)
    for (const c of splitSource(src.text)) {
      if (!c.text.includes(kind)) continue;
      const v: unknown = parseChunk(c.text)?.toJS();
      if (isObj(v) && v.kind === kind) out.push(v);
      else if (isObj(v) && v.kind === 'List' && Array.isArray(v.items))
        for (const item of v.items as unknown[]) if (isObj(item) && item.kind === kind) out.push(item);
    }
  return out;
}

/**
 * Does the text put a block sequence's `- ` at its key's own indentation (`ports:\n- port: 80`)?
 * Then the edited document is written the same way (the yaml package's default indents them).
 */
function indentsSequences(text: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^(\s*)[^\s#-][^:#]*:\s*(#.*)?$/.exec(lines[i]!);
    if (!m) continue;
    const next = lines[i + 1]!;
    if (next.startsWith(`${m[1]}- `) || next === `${m[1]}-`) return false;
    if (next.startsWith(`${m[1]}  - `)) return true;
  }
  return true;
}

/** Does the text write flow collections with inner spaces (`{ app: web }`) rather than `{app: web}`? */
function padsFlow(text: string): boolean {
  const padded = text.match(/: [{[] \S/g)?.length ?? 0;
  const tight = text.match(/: [{[][^\s\]}]/g)?.length ?? 0;
  return padded > tight;
}

/** Writes a document back, keeping the chunk's trailing blank lines. */
function serialize(doc: Document, original: string): string {
  const out = doc.toString({
    lineWidth: 0,
    indentSeq: indentsSequences(original),
    flowCollectionPadding: padsFlow(original),
  });
  const trailing = /\n*$/.exec(original)?.[0] ?? '';
  return out.replace(/\n*$/, '') + (trailing || '\n');
}

/** A view of the object inside its document: paths are relative to the object. */
export interface ObjectEditor {
  setIn(path: (string | number)[], value: unknown): void;
  deleteIn(path: (string | number)[]): void;
  getIn(path: (string | number)[]): unknown;
  /** Does the path name an existing map or sequence (so setIn below it does not replace a scalar)? */
  hasCollection(path: (string | number)[]): boolean;
}

function replaceChunk(sources: ManifestSource[], source: number, chunk: number, text: string) {
  return sources.map((s, i) => {
    if (i !== source) return s;
    const chunks = splitSource(s.text);
    return { ...s, text: chunks.map((c, j) => (j === chunk ? text : c.text)).join('') };
  });
}

/**
 * Edits one object in place and returns the new sources (the input is not changed).
 *
 * @example
 * editObject(sources, found, (o) => o.deleteIn(['spec', 'unschedulable']));
 */
export function editObject(
  sources: ManifestSource[],
  found: FoundObject,
  edit: (o: ObjectEditor) => void,
): ManifestSource[] {
  const chunkText = splitSource(sources[found.source]!.text)[found.chunk]!.text;
  const doc = parseChunk(chunkText)!;
  const at = (p: (string | number)[]) => [...found.path, ...p];
  const editor: ObjectEditor = {
    setIn: (p, v) => {
      const existing = doc.getIn(at(p), true);
      // A scalar changes in place, keeping its comment (`replicas: 2 # two to start`).
      if (isScalar(existing) && (v === null || typeof v !== 'object')) {
        existing.value = v;
        existing.type = quoteIfAmbiguous(v);
        return;
      }
      // A new map under a block map is written in block style, as people write manifests.
      const node = doc.createNode(v);
      if (isMap(node) || isSeq(node)) node.flow = false;
      visit(node, {
        Scalar: (_k, n) => {
          n.type = quoteIfAmbiguous(n.value);
        },
      });
      doc.setIn(at(p), node);
    },
    deleteIn: (p) => void doc.deleteIn(at(p)),
    getIn: (p) => {
      const v: unknown = doc.getIn(at(p), true);
      return v && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v;
    },
    hasCollection: (p) => {
      const n = doc.getIn(at(p), true);
      return isMap(n) || isSeq(n);
    },
  };
  edit(editor);
  return replaceChunk(sources, found.source, found.chunk, serialize(doc, chunkText));
}

/** Removes an object's document (or its item in a List). */
export function removeObject(sources: ManifestSource[], found: FoundObject): ManifestSource[] {
  if (found.path.length > 0)
    return editObject(sources, { ...found, path: [] }, (o) => o.deleteIn(found.path));
  const chunks = splitSource(sources[found.source]!.text);
  const kept = chunks.filter((_, j) => j !== found.chunk).map((c) => c.text);
  // The first document may have no `---` of its own; the next one's marker is then at the top. Keep it.
  return sources.map((s, i) => (i === found.source ? { ...s, text: kept.join('') } : s));
}

/**
 * Edits one object and moves it to the end of the scene (after every other document of the last source):
 * for a change that happens after everything the text already holds, as the text is the order things
 * happened in. A document keeps its text (comments too); an item of a List becomes a document of its own.
 *
 * @example
 * moveObjectToEnd(sources, found, (o) => o.setIn(['metadata', 'deletionTimestamp'], '2026-01-01T00:00:00Z'));
 */
export function moveObjectToEnd(
  sources: ManifestSource[],
  found: FoundObject,
  edit: (o: ObjectEditor) => void,
): ManifestSource[] {
  const edited = editObject(sources, found, edit);
  const again = findObject(edited, found.ref);
  if (!again) return edited;
  const removed = removeObject(edited, again);
  if (again.path.length > 0) return appendObject(removed, again.value);
  const chunk = splitSource(edited[again.source]!.text)[again.chunk]!.text;
  const body = chunk.replace(/^---[^\n]*\n/, '');
  const last = removed.length - 1;
  return removed.map((s, i) => {
    if (i !== last) return s;
    const base = s.text === '' || s.text.endsWith('\n') ? s.text : `${s.text}\n`;
    const end = body.endsWith('\n') ? body : `${body}\n`;
    return { ...s, text: `${base}${base.trim() === '' ? '' : '---\n'}${end}` };
  });
}

/**
 * Appends a new document to a source (the last one when `source` is not given).
 *
 * @example
 * appendObject(sources, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } })[0].text.endsWith('name: web\n'); // true
 */
export function appendObject(sources: ManifestSource[], object: unknown, source?: number): ManifestSource[] {
  const target = source ?? sources.length - 1;
  if (target < 0) return [{ file: 'scene.yaml', text: serializeNew(object) }];
  return sources.map((s, i) => {
    if (i !== target) return s;
    const base = s.text === '' || s.text.endsWith('\n') ? s.text : `${s.text}\n`;
    const indentSeq = indentsSequences(s.text);
    return { ...s, text: `${base}${base.trim() === '' ? '' : '---\n'}${serializeNew(object, indentSeq)}` };
  });
}

function serializeNew(object: unknown, indentSeq = true): string {
  const doc = new Document(object);
  return doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false });
}

/** The whole scene as one text (for `-o yaml`): each file's documents, files joined by `---`. */
export function sceneText(sources: ManifestSource[]): string {
  return sources
    .map((s) => (s.text.endsWith('\n') || s.text === '' ? s.text : `${s.text}\n`))
    .filter((t) => t.trim() !== '')
    .map((t, i) => (i === 0 || /^---(\s|$)/.test(t) ? t : `---\n${t}`))
    .join('');
}
