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

// Characters the subset refuses anywhere: tabs, a CR not ending a line (CRLF line ends are read), other
// C0/C1 controls, BOM, NEL and the Unicode line separators (line breaks in YAML 1.1). Directive and
// document-end lines are refused by tabulate().
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const REFUSED_CHAR = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\r(?!\n)/;
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

// Line tables, reused between calls (the reader is not re-entrant): where each line starts and ends in
// the text, and the column where its content starts. Scanning the text in place, instead of splitting
// it into line strings, is what keeps the reader from producing garbage for every line.
let starts: number[] = [];
let ends: number[] = [];
let cols: number[] = [];

/**
 * Fills the line tables for a text; returns the number of lines. Gives up on a line that starts with a
 * directive (`%`) or a document-end marker (`...`), which need the full parser.
 */
function tabulate(s: string): number {
  let n = 0;
  let pos = 0;
  for (;;) {
    const nl = s.indexOf('\n', pos);
    // A CRLF line ends before its CR (a lone CR was refused before tabulating).
    const end = nl === -1 ? s.length : nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const first = s.charCodeAt(pos);
    if (first === 37 /* % */ || (first === 46 /* . */ && s.startsWith('...', pos))) giveUp();
    let c = pos;
    while (c < end && s.charCodeAt(c) === 32) c++;
    starts[n] = pos;
    ends[n] = end;
    cols[n] = c - pos;
    n++;
    if (nl === -1) return n;
    pos = nl + 1;
  }
}

class Reader {
  private cur = 0;
  private depth = 0;

  constructor(
    private readonly s: string,
    private readonly n: number,
  ) {}

  /** Skips blank and comment-only lines; returns false at the end of the text. */
  private skip(): boolean {
    const s = this.s;
    while (this.cur < this.n) {
      const at = starts[this.cur]! + cols[this.cur]!;
      if (at < ends[this.cur]! && s.charCodeAt(at) !== 35 /* # */) return true;
      this.cur++;
    }
    return false;
  }

  read(): PlainYamlDocument {
    if (!this.skip()) giveUp();
    const i = this.cur;
    if (this.s.startsWith('---', starts[i]! + cols[i]!)) {
      const first = this.s.slice(starts[i], ends[i]);
      if (cols[i] !== 0 || !/^---(?: +(?:#.*)?)?$/.test(first)) giveUp();
      this.cur++;
      if (!this.skip()) giveUp();
    }
    const startLine = this.cur + 1;
    const value = this.block(cols[this.cur]!);
    if (this.skip()) giveUp(); // content left over: less indented than the top node, or a syntax error
    return { value, startLine, endLine: this.n };
  }

  /** Does line i's content (at its column) start with a `- ` sequence indicator? */
  private isSeqItem(i: number): boolean {
    return seqIndicatorAt(this.s, starts[i]! + cols[i]!, ends[i]!);
  }

  /** A block collection starting on the current line at column `ind`. */
  private block(ind: number): Record<string, unknown> | unknown[] {
    if (++this.depth > MAX_BLOCK_DEPTH) giveUp();
    const v = this.isSeqItem(this.cur) ? this.seq(ind) : this.map(ind);
    this.depth--;
    return v;
  }

  /** Finds `key:` at the start of line i's content; returns the key and the position after the colon. */
  private key(i: number): [string, number] | undefined {
    const s = this.s;
    const e = ends[i]!;
    const c = starts[i]! + cols[i]!;
    const ch = s[c]!;
    if (ch === '"' || ch === "'") {
      const [k, end] = ch === '"' ? doubleQuoted(s, c, e) : singleQuoted(s, c, e);
      const p = spaces(s, end);
      if (p >= e || s.charCodeAt(p) !== 58 /* : */) return undefined;
      if (p + 1 < e && s.charCodeAt(p + 1) !== 32) giveUp();
      if (k === '__proto__') giveUp();
      return [k, p + 1];
    }
    // A flow collection is a value here (a flow collection as a key is left to the full parser).
    if (ch === '[' || ch === '{') return undefined;
    for (let p = c; p < e; p++) {
      const code = s.charCodeAt(p);
      if (code === 58 /* : */ && (p + 1 === e || s.charCodeAt(p + 1) === 32)) {
        return [plainKey(s.slice(c, p).trimEnd()), p + 1];
      }
      if (code === 35 /* # */ && s.charCodeAt(p - 1) === 32) return undefined;
    }
    return undefined;
  }

  private map(ind: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.skip()) {
      const i = this.cur;
      if (cols[i]! < ind) break;
      if (cols[i]! > ind || this.isSeqItem(i)) giveUp();
      const found = this.key(i);
      if (!found) giveUp();
      const [k, after] = found;
      if (Object.prototype.hasOwnProperty.call(out, k)) giveUp(); // duplicate: the yaml package reports it
      out[k] = this.valueAfter(i, after, ind, true);
    }
    return out;
  }

  private seq(ind: number): unknown[] {
    const s = this.s;
    const out: unknown[] = [];
    while (this.skip()) {
      const i = this.cur;
      if (cols[i]! < ind) break;
      if (cols[i]! > ind) giveUp();
      if (!this.isSeqItem(i)) break; // back to the map this sequence is the value of
      const e = ends[i]!;
      const c = spaces(s, starts[i]! + ind + 1);
      if (c < e && s.charCodeAt(c) !== 35) {
        if (seqIndicatorAt(s, c, e)) giveUp(); // `- - a`
        cols[i] = c - starts[i]!;
        if (this.key(i)) {
          // A compact map (`- name: web`): its keys line up with the first one.
          if (++this.depth > MAX_BLOCK_DEPTH) giveUp();
          out.push(this.map(cols[i]!));
          this.depth--;
          continue;
        }
      }
      out.push(this.valueAfter(i, c, ind, false));
    }
    return out;
  }

  /**
   * The value after `key:` (or `- `) from position `from` of line i, whose parent collection is at
   * column `ind`. Nothing there: a nested block on the following lines, or null.
   */
  private valueAfter(i: number, from: number, ind: number, inMap: boolean): unknown {
    const s = this.s;
    const e = ends[i]!;
    const p = spaces(s, from);
    this.cur++;
    if (p >= e || s.charCodeAt(p) === 35 /* # */) {
      // An empty value last in the document: the yaml package ends the document's range there or at
      // the end of the text depending on comments; leave that to it.
      if (!this.skip()) giveUp();
      const next = cols[this.cur]!;
      if (next > ind) return this.block(next);
      // Kubernetes style: a sequence as a map value may sit at the key's own indentation.
      if (inMap && next === ind && this.isSeqItem(this.cur)) return this.block(ind);
      return null;
    }
    const [v, end] = flowValue(s, p, e, 0, false);
    trailing(s, end, e);
    // A more indented line after a one-line value would continue a multi-line scalar (or be an error).
    if (this.skip() && cols[this.cur]! > ind) giveUp();
    return v;
  }
}

// The functions below read within one line: from position p of text s up to e, the line's end.

function seqIndicatorAt(s: string, c: number, e: number): boolean {
  return c < e && s.charCodeAt(c) === 45 /* - */ && (c + 1 === e || s.charCodeAt(c + 1) === 32);
}

/** Only spaces and a comment may follow a value on its line. */
function trailing(s: string, p: number, e: number): void {
  const q = spaces(s, p);
  if (q >= e) return;
  if (s.charCodeAt(q) === 35 && q > p) return;
  giveUp();
}

function doubleQuoted(s: string, start: number, e: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let p = from; p < e; p++) {
    const ch = s.charCodeAt(p);
    if (ch === 34 /* " */) return [out + s.slice(from, p), p + 1];
    if (ch === 92 /* \ */) {
      const x = p + 1 < e ? s[p + 1] : undefined;
      const rep = x === '\\' ? '\\' : x === '"' ? '"' : x === 'n' ? '\n' : x === 't' ? '\t' : undefined;
      if (rep === undefined) giveUp();
      out += s.slice(from, p) + rep;
      p++;
      from = p + 1;
    }
  }
  return giveUp(); // continues on the next line
}

function singleQuoted(s: string, start: number, e: number): [string, number] {
  let out = '';
  let from = start + 1;
  for (let p = from; p < e; p++) {
    if (s.charCodeAt(p) !== 39 /* ' */) continue;
    if (p + 1 < e && s.charCodeAt(p + 1) === 39) {
      out += s.slice(from, p + 1);
      p++;
      from = p + 1;
      continue;
    }
    return [out + s.slice(from, p), p + 1];
  }
  return giveUp();
}

/** A plain scalar from p: to a comment or the end of the line (block), or to a flow indicator (flow). */
function plainScalar(s: string, p: number, e: number, flow: boolean): [unknown, number] {
  const first = s[p]!;
  if (NOT_PLAIN_START.includes(first)) giveUp();
  if (first === '-' && (p + 1 === e || s.charCodeAt(p + 1) === 32)) giveUp();
  let q = p;
  for (; q < e; q++) {
    const ch = s.charCodeAt(q);
    if (ch === 32 && q + 1 < e && s.charCodeAt(q + 1) === 35) break; // " #": a comment
    if (ch === 58 /* : */) {
      const n = s.charCodeAt(q + 1);
      // `a: b: c` is an error, `{a: b}` a pair, `a:` at the end a key: none of them a plain value here.
      if (q + 1 === e || n === 32 || (flow && (n === 44 || n === 93 || n === 125))) giveUp();
    }
    if (flow && (ch === 44 /* , */ || ch === 93 /* ] */ || ch === 125) /* } */) break;
    if (flow && (ch === 91 /* [ */ || ch === 123) /* { */) giveUp();
  }
  const text = s.slice(p, q).trimEnd();
  if (text === '') giveUp();
  return [resolvePlain(text), p + text.length];
}

/** A one-line value at p: a quoted or plain scalar or a flow collection. Returns it and where it ends. */
function flowValue(s: string, p: number, e: number, depth: number, flow: boolean): [unknown, number] {
  if (p >= e) return giveUp();
  const ch = s[p];
  if (ch === '"') return doubleQuoted(s, p, e);
  if (ch === "'") return singleQuoted(s, p, e);
  if (ch === '[' || ch === '{') {
    if (depth >= MAX_FLOW_DEPTH) giveUp();
    return ch === '[' ? flowSeq(s, p, e, depth + 1) : flowMap(s, p, e, depth + 1);
  }
  return plainScalar(s, p, e, flow);
}

/** Skips spaces (a line ends with a newline or the text's end, neither of them a space). */
function spaces(s: string, p: number): number {
  while (s.charCodeAt(p) === 32) p++;
  return p;
}

/** The character at p, or '' at the line's end. */
const at = (s: string, p: number, e: number): string => (p < e ? s[p]! : '');

function flowSeq(s: string, start: number, e: number, depth: number): [unknown[], number] {
  const out: unknown[] = [];
  let p = spaces(s, start + 1);
  if (at(s, p, e) === ']') return [out, p + 1];
  for (;;) {
    const [v, end] = flowValue(s, p, e, depth, true);
    out.push(v);
    p = spaces(s, end);
    if (at(s, p, e) === ']') return [out, p + 1];
    if (at(s, p, e) !== ',') giveUp(); // `[a: b]`, a comment, or the list goes on on the next line
    p = spaces(s, p + 1);
    if (at(s, p, e) === ']' || at(s, p, e) === ',') giveUp(); // a trailing or empty entry
  }
}

function flowMap(s: string, start: number, e: number, depth: number): [Record<string, unknown>, number] {
  const out: Record<string, unknown> = {};
  let p = spaces(s, start + 1);
  if (at(s, p, e) === '}') return [out, p + 1];
  for (;;) {
    let k: string;
    const ch = at(s, p, e);
    if (ch === '"' || ch === "'") {
      [k, p] = ch === '"' ? doubleQuoted(s, p, e) : singleQuoted(s, p, e);
      if (k === '__proto__') giveUp();
    } else {
      let q = p;
      while (q < e && s[q] !== ':' && s[q] !== ',' && s[q] !== '}' && s[q] !== ' ') q++;
      k = plainKey(s.slice(p, q));
      p = q;
    }
    p = spaces(s, p);
    // `{a}` and `{a:b}` mean other things; only `key: value` is read here.
    if (at(s, p, e) !== ':' || at(s, p + 1, e) !== ' ') giveUp();
    p = spaces(s, p + 1);
    if (Object.prototype.hasOwnProperty.call(out, k)) giveUp();
    const [v, end] = flowValue(s, p, e, depth, true);
    out[k] = v;
    p = spaces(s, end);
    if (at(s, p, e) === '}') return [out, p + 1];
    if (at(s, p, e) !== ',') giveUp();
    p = spaces(s, p + 1);
    if (at(s, p, e) === '}' || at(s, p, e) === ',') giveUp();
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
  if (REFUSED_CHAR.test(text)) return undefined;
  try {
    return new Reader(text, tabulate(text)).read();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  } finally {
    // Do not keep a huge document's line tables alive after it.
    if (starts.length > 4096) {
      starts = [];
      ends = [];
      cols = [];
    }
  }
}
