/**
 * Mutations of a scene for the fuzzer (issue 17): each is plain data (numbers that pick a document, a
 * node, a value), so fast-check can generate and shrink them, and a failing case prints as something a
 * person can replay. Structural mutations work on the documents' values (parsed with the yaml package,
 * written back with it); line mutations work on the text, to exercise the two YAML readers.
 *
 * @example
 * mutateScene('kind: Service\nspec: {ports: [{port: 80}]}\n', [{ kind: 'set', doc: 0, node: 3, value: 0 }]);
 * // the 4th node of the first document replaced by VALUES[0] (null)
 */
import { parseAllDocuments, stringify } from 'yaml';
import { KEYS, VALUES } from './values';

export type Mutation =
  /** Replace the node (picked among all nodes of the document, modulo their count) with VALUES[value]. */
  | { kind: 'set'; doc: number; node: number; value: number }
  /** Delete the node from its map or list. */
  | { kind: 'delete'; doc: number; node: number }
  /** Add KEYS[key]: VALUES[value] to the map at the node (or the nearest map above it). */
  | { kind: 'add'; doc: number; node: number; key: number; value: number }
  /** Repeat a list item (the node, or the first item of the list at the node). */
  | { kind: 'repeat'; doc: number; node: number; times: number }
  /** Multiply a number (replicas, ports) by a large factor or make it negative. */
  | { kind: 'scale'; doc: number; node: number; factor: number }
  | { kind: 'dupDoc'; doc: number }
  | { kind: 'dropDoc'; doc: number }
  | { kind: 'swapDocs'; a: number; b: number }
  /** A line of the text: deleted, repeated, indented, dedented, or given a YAML-significant character. */
  | { kind: 'line'; op: number; line: number; at: number; char: number };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const FACTORS = [0, -1, 2, 1000, 1_000_000, 2147483647, 0.5];
const LINE_CHARS = [
  ':',
  ' ',
  '-',
  '#',
  '"',
  "'",
  '[',
  '{',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  '\t',
  '? ',
  '%',
];

/** Every node of a value, as paths, in document order (the root is the empty path). */
function paths(value: Json, limit = 5000): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[value, []]];
  while (stack.length > 0 && out.length < limit) {
    const [v, p] = stack.pop()!;
    out.push(p);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i]!, [...p, i]]);
    else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([v[keys[i]!]!, [...p, keys[i]!]]);
    }
  }
  return out;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let v: Json = root;
  for (const seg of path.slice(0, -1)) v = (v as Record<string | number, Json>)[seg]!;
  return { parent: v, key: path[path.length - 1]! };
}

function valueAt(root: Json, path: Path): Json {
  let v: Json = root;
  for (const seg of path) v = (v as Record<string | number, Json>)[seg]!;
  return v;
}

function setOwn(obj: Record<string, Json>, k: string, v: Json): void {
  Object.defineProperty(obj, k, { value: v, writable: true, enumerable: true, configurable: true });
}

const clone = (v: Json): Json =>
  v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as Json);

function applyToDoc(
  root: Json,
  m: Exclude<Mutation, { kind: 'dupDoc' | 'dropDoc' | 'swapDocs' | 'line' }>,
): Json {
  const all = paths(root);
  const path = all[m.node % all.length]!;
  const at = parentOf(root, path);
  switch (m.kind) {
    case 'set': {
      const value = clone(VALUES[m.value % VALUES.length]!);
      if (!at) return value;
      if (Array.isArray(at.parent)) at.parent[at.key as number] = value;
      else setOwn(at.parent as Record<string, Json>, String(at.key), value);
      return root;
    }
    case 'delete': {
      if (!at) return null;
      if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
      else delete (at.parent as Record<string, Json>)[String(at.key)];
      return root;
    }
    case 'add': {
      let p = path;
      while (p.length > 0) {
        const v = valueAt(root, p);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) break;
        p = p.slice(0, -1);
      }
      const target = valueAt(root, p);
      if (target === null || typeof target !== 'object' || Array.isArray(target)) return root;
      setOwn(target, KEYS[m.key % KEYS.length]!, clone(VALUES[m.value % VALUES.length]!));
      return root;
    }
    case 'repeat': {
      const v = valueAt(root, path);
      const list = Array.isArray(v) ? v : at && Array.isArray(at.parent) ? at.parent : undefined;
      if (!list || list.length === 0) return root;
      const item = Array.isArray(v) ? list[0]! : v;
      for (let i = 0; i < Math.min(m.times, 50); i++) list.push(clone(item));
      return root;
    }
    case 'scale': {
      const v = valueAt(root, path);
      if (typeof v !== 'number' || !at) return root;
      const scaled = v * FACTORS[m.factor % FACTORS.length]! || FACTORS[m.factor % FACTORS.length]!;
      if (Array.isArray(at.parent)) at.parent[at.key as number] = scaled;
      else setOwn(at.parent as Record<string, Json>, String(at.key), scaled);
      return root;
    }
  }
}

function mutateLines(text: string, m: Extract<Mutation, { kind: 'line' }>): string {
  const lines = text.split('\n');
  const i = m.line % Math.max(1, lines.length);
  const line = lines[i] ?? '';
  switch (m.op % 5) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, line);
      break;
    case 2:
      lines[i] = ` ${line}`;
      break;
    case 3:
      lines[i] = line.replace(/^ /, '');
      break;
    default: {
      const at = m.at % (line.length + 1);
      lines[i] = line.slice(0, at) + LINE_CHARS[m.char % LINE_CHARS.length]! + line.slice(at);
    }
  }
  return lines.join('\n');
}

/**
 * The documents of a base scene, parsed once per text and kept (the corpus is a few hundred scenes; every
 * case starts from one of them). A document that does not parse is kept as its text (raw) and left alone
 * by structural mutations.
 */
const bases = new Map<string, { value: Json; raw?: string }[]>();
function parsed(text: string): { value: Json; raw?: string }[] {
  let docs = bases.get(text);
  if (!docs) {
    docs = parseAllDocuments(text).map((d) =>
      d.errors.length > 0
        ? { value: null, raw: String(d) }
        : { value: d.toJS({ maxAliasCount: 100 }) as Json },
    );
    if (bases.size < 1000) bases.set(text, docs);
  }
  return docs;
}

/**
 * Applies the mutations in order to a scene's text. Structural mutations re-serialize the documents;
 * documents that do not parse are kept as text. Never throws.
 */
export function mutateScene(text: string, mutations: readonly Mutation[]): string {
  const docs = parsed(text).map((d) => ({ ...d, value: clone(d.value) }));
  const lineMutations: Extract<Mutation, { kind: 'line' }>[] = [];
  for (const m of mutations) {
    if (m.kind === 'line') {
      lineMutations.push(m);
      continue;
    }
    if (docs.length === 0) continue;
    const d = (n: number): number => n % docs.length;
    if (m.kind === 'dupDoc') {
      const doc = docs[d(m.doc)]!;
      docs.splice(d(m.doc), 0, { ...doc, value: clone(doc.value) });
    } else if (m.kind === 'dropDoc') docs.splice(d(m.doc), 1);
    else if (m.kind === 'swapDocs') {
      const a = d(m.a);
      const b = d(m.b);
      [docs[a], docs[b]] = [docs[b]!, docs[a]!];
    } else {
      const doc = docs[d(m.doc)]!;
      if (doc.raw === undefined) doc.value = applyToDoc(doc.value, m);
    }
  }
  let out = docs
    .map((doc) => doc.raw ?? stringify(doc.value, { aliasDuplicateObjects: false, lineWidth: 0 }))
    .join('---\n');
  for (const m of lineMutations) out = mutateLines(out, m);
  return out;
}
