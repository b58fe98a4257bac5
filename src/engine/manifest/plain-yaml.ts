/**
 * A fast reader for the plain YAML that Kubernetes manifests are nearly always written in: block maps
 * and sequences indented with spaces, one-line scalars (plain, 'single' or "double" quoted) and one-line
 * flow collections (`[a, b]`, `{app: web}`), with comments. It gives the same value the `yaml` package
 * gives (it resolves plain scalars with that package's own YAML 1.1 tags), about ten times faster,
 * because the `yaml` package builds a token stream, a syntax tree and a document of nodes for every
 * document before the value comes out.
 *
 * Anything outside that subset (anchors, aliases, tags, block scalars `|` `>`, multi-line scalars or
 * flow collections, explicit keys, merge keys `<<`, non-string keys, duplicate keys, tabs, control
 * characters, directives, more than one document, odd indentation, any syntax error) makes it give up
 * (return undefined), and the caller parses the text with the `yaml` package instead, which also
 * produces the diagnostics. So it never has to report an error itself: it only has to be right when it
 * answers, and a differential test (plain-yaml.test.ts) holds it to the `yaml` package's answers.
 *
 * @example
 * readPlainYaml('---\nkind: Service\nspec: {ports: [{port: 80}]}\n');
 * // { value: { kind: 'Service', spec: { ports: [{ port: 80 }] } }, startLine: 2, endLine: 4 }
 */
import { Document, isScalar, type ScalarTag, type Tags } from 'yaml';

export interface PlainYamlDocument {
  value: Record<string, unknown> | unknown[];
  startLine: number; // 1-based line of the first content line (after any `---` line)
  endLine: number; // the line the text ends on, as the yaml package's document range reports it
}

/** The YAML 1.1 schema kubectl reads with (go-yaml v2), without timestamps and sexagesimal numbers. */
export const yaml11Tags = (tags: Tags): Tags =>
  tags.filter((t) =>
    typeof t === 'string'
      ? !['timestamp', 'intTime', 'floatTime'].includes(t)
      : t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME',
  );

/** The options parse-chunk.ts gives the yaml package; the schema below is built from the same ones. */
export const YAML_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  version: '1.1',
  customTags: yaml11Tags,
} as const;

// The scalar tags a plain scalar is tested against, in the schema's order (the first match wins), exactly
// as the yaml package's composer picks them (compose-scalar.ts, findScalarTagByTest).
const schemaDoc = new Document(null, YAML_OPTIONS);
const SCALAR_TAGS = (schemaDoc.schema.tags as ScalarTag[]).filter(
  (t) => t.default === true && t.test !== undefined && !('collection' in t && t.collection),
);
const TAG_OPTIONS = schemaDoc.options;

// Nesting the subset reads; deeper text goes to the full parser, which enforces MAX_DEPTH (100) itself.
// Together they stay below it, so a value read here never needs the depth check.
const MAX_BLOCK_DEPTH = 48;
const MAX_FLOW_DEPTH = 16;

/** Thrown (and caught in readPlainYaml) to give up on text outside the subset. */
const GIVE_UP: unique symbol = Symbol('outside the plain YAML subset');
function giveUp(): never {
  throw GIVE_UP;
}

// Characters the subset refuses anywhere: tabs, CR, other C0/C1 controls, BOM, NEL and the Unicode line
// separators (line breaks in YAML 1.1); and lines that are directives or document-end markers.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const REFUSED_CHAR = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const REFUSED_LINE = /^(?:\.\.\.|%)/m;
// A plain key svclab reads without the full parser: Kubernetes keys (labels, annotations, fields).
const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
// Characters that may not start a plain scalar here (YAML indicators), `-` handled apart.
const NOT_PLAIN_START = '[]{},#&*!|>\'"%@`?:';

// Manifests repeat the same keys and scalars (apiVersion, TCP, 80…): remember what they resolve to.
// Values are primitives, so sharing them is safe; the memo is bounded and holds only short strings.
const MEMO_LIMIT = 20000;
const MEMO_MAX_LENGTH = 64;
const scalarMemo = new Map<string, unknown>();
const keyMemo = new Map<string, string>();

function remember<V>(memo: Map<string, V>, s: string, v: V): V {
  if (s.length <= MEMO_MAX_LENGTH) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(s, v);
  }
  return v;
}

function resolvePlain(s: string): unknown {
  const hit = scalarMemo.get(s);
  if (hit !== undefined) return hit;
  for (const tag of SCALAR_TAGS) {
    if (tag.test!.test(s)) {
      let failed = false;
      const r = tag.resolve(s, () => (failed = true), TAG_OPTIONS);
      const v: unknown = isScalar(r) ? r.value : r;
      if (failed || (typeof v === 'object' && v !== null)) giveUp();
      return remember(scalarMemo, s, v);
    }
  }
  return remember(scalarMemo, s, s);
}

function plainKey(s: string): string {
  const hit = keyMemo.get(s);
  if (hit !== undefined) return hit;
  if (!PLAIN_KEY.test(s) || s === '__proto__') giveUp();
  const k = resolvePlain(s);
  // `yes:`, `80:`, `null:` are not string keys; the yaml package stringifies them its own way.
  if (typeof k !== 'string') giveUp();
  return remember(keyMemo, s, k);
}

class Reader {
  private readonly lines: string[];
  /** Column where each line's content starts (moved right for a compact map after `- `). */
  private readonly ind: number[];
  private cur = 0;
  private depth = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.ind = this.lines.map((l) => {
      let i = 0;
      while (l.charCodeAt(i) === 32) i++;
      return i;
    });
  }

  /** Skips blank and comment-only lines; returns false at the end of the text. */
  private skip(): boolean {
    const { lines, ind } = this;
    while (this.cur < lines.length) {
      const l = lines[this.cur]!;
      const i = ind[this.cur]!;
      if (i < l.length && l.charCodeAt(i) !== 35 /* # */) return true;
      this.cur++;
    }
    return false;
  }

  read(): PlainYamlDocument {
    if (!this.skip()) giveUp();
    const first = this.lines[this.cur]!;
    if (first.startsWith('---')) {
      if (this.ind[this.cur] !== 0 || !/^---(?: +(?:#.*)?)?$/.test(first)) giveUp();
      this.cur++;
      if (!this.skip()) giveUp();
    }
    const startLine = this.cur + 1;
    const ind = this.ind[this.cur]!;
    const value = this.block(ind);
    if (this.skip()) giveUp(); // content left over: less indented than the top node, or a syntax error
    return { value, startLine, endLine: this.lines.length };
  }

  private isSeqItem(i: number): boolean {
    const l = this.lines[i]!;
    const c = this.ind[i]!;
    return l.charCodeAt(c) === 45 /* - */ && (c + 1 === l.length || l.charCodeAt(c + 1) === 32);
  }

  /** A block collection starting on the current line at column `ind`. */
  private block(ind: number): Record<string, unknown> | unknown[] {
    if (++this.depth > MAX_BLOCK_DEPTH) giveUp();
    const v = this.isSeqItem(this.cur) ? this.seq(ind) : this.map(ind);
    this.depth--;
    return v;
  }

  /** Finds `key:` at the start of line i's content; returns the key and the column after the colon. */
  private key(i: number): [string, number] | undefined {
    const l = this.lines[i]!;
    const c = this.ind[i]!;
    const ch = l[c]!;
    if (ch === '"' || ch === "'") {
      const [k, end] = ch === '"' ? doubleQuoted(l, c) : singleQuoted(l, c);
      let p = end;
      while (l.charCodeAt(p) === 32) p++;
      if (l.charCodeAt(p) !== 58 /* : */) return undefined;
      if (p + 1 < l.length && l.charCodeAt(p + 1) !== 32) giveUp();
      if (k === '__proto__') giveUp();
      return [k, p + 1];
    }
    // A flow collection is a value here (a flow collection as a key is left to the full parser).
    if (ch === '[' || ch === '{') return undefined;
    for (let p = c; p < l.length; p++) {
      const code = l.charCodeAt(p);
      if (code === 58 /* : */ && (p + 1 === l.length || l.charCodeAt(p + 1) === 32)) {
        return [plainKey(l.slice(c, p).trimEnd()), p + 1];
      }
      if (code === 35 /* # */ && l.charCodeAt(p - 1) === 32) return undefined;
    }
    return undefined;
  }

  private map(ind: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.skip()) {
      const i = this.cur;
      if (this.ind[i]! < ind) break;
      if (this.ind[i]! > ind || this.isSeqItem(i)) giveUp();
      const found = this.key(i);
      if (!found) giveUp();
      const [k, after] = found;
      if (Object.prototype.hasOwnProperty.call(out, k)) giveUp(); // duplicate: the yaml package reports it
      out[k] = this.valueAfter(this.lines[i]!, after, ind, true);
    }
    return out;
  }

  private seq(ind: number): unknown[] {
    const out: unknown[] = [];
    while (this.skip()) {
      const i = this.cur;
      if (this.ind[i]! < ind) break;
      if (this.ind[i]! > ind) giveUp();
      if (!this.isSeqItem(i)) break; // back to the map this sequence is the value of
      const l = this.lines[i]!;
      let c = ind + 1;
      while (l.charCodeAt(c) === 32) c++;
      if (c < l.length && l.charCodeAt(c) !== 35) {
        if (this.isSeqItemAt(l, c)) giveUp(); // `- - a`
        this.ind[i] = c;
        if (this.key(i)) {
          // A compact map (`- name: web`): its keys line up with the first one.
          if (++this.depth > MAX_BLOCK_DEPTH) giveUp();
          out.push(this.map(c));
          this.depth--;
          continue;
        }
      }
      out.push(this.valueAfter(l, c, ind, false));
    }
    return out;
  }

  private isSeqItemAt(l: string, c: number): boolean {
    return l.charCodeAt(c) === 45 && (c + 1 === l.length || l.charCodeAt(c + 1) === 32);
  }

  /**
   * The value after `key:` (or `- `) at column `from` of line l, whose parent collection is at `ind`.
   * Nothing there: a nested block on the following lines, or null.
   */
  private valueAfter(l: string, from: number, ind: number, inMap: boolean): unknown {
    const p = spaces(l, from);
    this.cur++;
    if (p === l.length || l.charCodeAt(p) === 35 /* # */) {
      // An empty value last in the document: the yaml package ends the document's range there or at
      // the end of the text depending on comments; leave that to it.
      if (!this.skip()) giveUp();
      const next = this.ind[this.cur]!;
      if (next > ind) return this.block(next);
      // Kubernetes style: a sequence as a map value may sit at the key's own indentation.
      if (inMap && next === ind && this.isSeqItem(this.cur)) return this.block(ind);
      return null;
    }
    const [v, end] = flowValue(l, p, 0, false);
    trailing(l, end);
    // A more indented line after a one-line value would continue a multi-line scalar (or be an error).
    if (this.skip() && this.ind[this.cur]! > ind) giveUp();
    return v;
  }
}

/** Only spaces and a comment may follow a value on its line. */
function trailing(l: string, p: number): void {
  let q = p;
  while (l.charCodeAt(q) === 32) q++;
  if (q === l.length) return;
  if (l.charCodeAt(q) === 35 && q > p) return;
  giveUp();
}

function doubleQuoted(l: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let p = from; p < l.length; p++) {
    const ch = l.charCodeAt(p);
    if (ch === 34 /* " */) return [out + l.slice(from, p), p + 1];
    if (ch === 92 /* \ */) {
      const e = l[p + 1];
      const rep = e === '\\' ? '\\' : e === '"' ? '"' : e === 'n' ? '\n' : e === 't' ? '\t' : undefined;
      if (rep === undefined) giveUp();
      out += l.slice(from, p) + rep;
      p++;
      from = p + 1;
    }
  }
  return giveUp(); // continues on the next line
}

function singleQuoted(l: string, start: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let p = from; p < l.length; p++) {
    if (l.charCodeAt(p) !== 39 /* ' */) continue;
    if (l.charCodeAt(p + 1) === 39) {
      out += l.slice(from, p + 1);
      p++;
      from = p + 1;
      continue;
    }
    return [out + l.slice(from, p), p + 1];
  }
  return giveUp();
}

/** A plain scalar from p: to a comment or the end of the line (block), or to a flow indicator (flow). */
function plainScalar(l: string, p: number, flow: boolean): [unknown, number] {
  const first = l[p]!;
  if (NOT_PLAIN_START.includes(first)) giveUp();
  if (first === '-' && (p + 1 === l.length || l.charCodeAt(p + 1) === 32)) giveUp();
  let q = p;
  for (; q < l.length; q++) {
    const ch = l.charCodeAt(q);
    if (ch === 32 && l.charCodeAt(q + 1) === 35) break; // " #": a comment
    if (ch === 58 /* : */) {
      const n = l.charCodeAt(q + 1);
      // `a: b: c` is an error, `{a: b}` a pair, `a:` at the end a key: none of them a plain value here.
      if (q + 1 === l.length || n === 32 || (flow && (n === 44 || n === 93 || n === 125))) giveUp();
    }
    if (flow && (ch === 44 /* , */ || ch === 93 /* ] */ || ch === 125) /* } */) break;
    if (flow && (ch === 91 /* [ */ || ch === 123) /* { */) giveUp();
  }
  const s = l.slice(p, q).trimEnd();
  if (s === '') giveUp();
  return [resolvePlain(s), p + s.length];
}

/** A one-line value at p: a quoted or plain scalar or a flow collection. Returns it and where it ends. */
function flowValue(l: string, p: number, depth: number, flow: boolean): [unknown, number] {
  const ch = l[p];
  if (ch === '"') return doubleQuoted(l, p);
  if (ch === "'") return singleQuoted(l, p);
  if (ch === '[' || ch === '{') {
    if (depth >= MAX_FLOW_DEPTH) giveUp();
    return ch === '[' ? flowSeq(l, p, depth + 1) : flowMap(l, p, depth + 1);
  }
  if (ch === undefined) return giveUp();
  return plainScalar(l, p, flow);
}

function spaces(l: string, p: number): number {
  while (l.charCodeAt(p) === 32) p++;
  return p;
}

function flowSeq(l: string, start: number, depth: number): [unknown[], number] {
  const out: unknown[] = [];
  let p = spaces(l, start + 1);
  if (l[p] === ']') return [out, p + 1];
  for (;;) {
    const [v, end] = flowValue(l, p, depth, true);
    out.push(v);
    p = spaces(l, end);
    if (l[p] === ']') return [out, p + 1];
    if (l[p] !== ',') giveUp(); // `[a: b]`, a comment, or the list goes on on the next line
    p = spaces(l, p + 1);
    if (l[p] === ']' || l[p] === ',') giveUp(); // a trailing or empty entry
  }
}

function flowMap(l: string, start: number, depth: number): [Record<string, unknown>, number] {
  const out: Record<string, unknown> = {};
  let p = spaces(l, start + 1);
  if (l[p] === '}') return [out, p + 1];
  for (;;) {
    let k: string;
    const ch = l[p];
    if (ch === '"' || ch === "'") {
      [k, p] = ch === '"' ? doubleQuoted(l, p) : singleQuoted(l, p);
      if (k === '__proto__') giveUp();
    } else {
      let q = p;
      while (q < l.length && l[q] !== ':' && l[q] !== ',' && l[q] !== '}' && l[q] !== ' ') q++;
      k = plainKey(l.slice(p, q));
      p = q;
    }
    p = spaces(l, p);
    // `{a}` and `{a:b}` mean other things; only `key: value` is read here.
    if (l[p] !== ':' || l[p + 1] !== ' ') giveUp();
    p = spaces(l, p + 1);
    if (Object.prototype.hasOwnProperty.call(out, k)) giveUp();
    const [v, end] = flowValue(l, p, depth, true);
    out[k] = v;
    p = spaces(l, end);
    if (l[p] === '}') return [out, p + 1];
    if (l[p] !== ',') giveUp();
    p = spaces(l, p + 1);
    if (l[p] === '}' || l[p] === ',') giveUp();
  }
}

/**
 * Reads one YAML document written in the plain subset, or returns undefined when the text needs the
 * full parser (see the module comment). Never throws.
 *
 * @example
 * readPlainYaml('a: &x 1\n'); // undefined (an anchor)
 */
export function readPlainYaml(text: string): PlainYamlDocument | undefined {
  if (REFUSED_CHAR.test(text) || REFUSED_LINE.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
