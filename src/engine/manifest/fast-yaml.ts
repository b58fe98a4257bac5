/**
 * The fast path for reading a manifest: js-yaml's `load`, which reads YAML about ten times faster than
 * the `yaml` package (that one builds a token stream, a syntax tree and a document of nodes before the
 * value comes out). Its plain scalars are resolved by the `yaml` package's own YAML 1.1 tags (the ones
 * YAML_OPTIONS gives it), so the two readers cannot disagree on what `yes`, `0777` or `~` mean.
 *
 * It answers only where js-yaml is known to give the `yaml` package's value (fast-yaml-vs-yaml.test.ts
 * holds it to that); for anything else it returns undefined and the caller parses the text with the
 * `yaml` package, which also produces every diagnostic and position. So it never reports an error.
 *
 * @example
 * readFastYaml('---\nkind: Service\nspec: {ports: [{port: 80}]}\n');
 * // { value: { kind: 'Service', spec: { ports: [{ port: 80 }] } }, startLine: 2, endLine: 4 }
 */
import { FAILSAFE_SCHEMA, Type, load, type LoadOptions } from 'js-yaml';
import { Document, isScalar, type ScalarTag } from 'yaml';
import { YAML_OPTIONS } from './yaml-options';

export interface FastYamlDocument {
  value: Record<string, unknown> | unknown[];
  startLine: number; // 1-based line of the first content line (after any `---` line)
  endLine: number; // the line the text ends on, as the yaml package's document range reports it
}

// The scalar tags a plain scalar is tested against, in the schema's order (the first match wins), exactly
// as the yaml package's composer picks them (compose-scalar.ts, findScalarTagByTest).
const schemaDoc = new Document(null, YAML_OPTIONS);
const SCALAR_TAGS = (schemaDoc.schema.tags as ScalarTag[]).filter(
  (t) => t.default === true && t.test !== undefined && !('collection' in t && t.collection),
);
const TAG_OPTIONS = schemaDoc.options;
// All their tests in one expression: most scalars are strings, and one test tells so faster than ten.
const ANY_TAG: { test(s: string): boolean } = SCALAR_TAGS.every((t) => t.test!.flags === '')
  ? new RegExp(SCALAR_TAGS.map((t) => `(?:${t.test!.source})`).join('|'))
  : { test: (s) => SCALAR_TAGS.some((t) => t.test!.test(s)) };

/** Thrown from inside js-yaml (and caught in readFastYaml) when a scalar needs the yaml package. */
class NeedsFullParser extends Error {}

// js-yaml calls resolve() and, when it matches, construct() right after it for the same scalar: resolve
// does the work once and leaves the value here for construct to hand over.
let resolved: unknown = null;

// Manifests repeat the same numbers and booleans (80, 8080, true…): remember what they resolve to.
// Values are primitives, so sharing them is safe; the memo is bounded and holds only short strings.
const MEMO_LIMIT = 20000;
const MEMO_MAX_LENGTH = 64;
const memo = new Map<string, unknown>();

function resolveYaml11(s: string): boolean {
  if (!ANY_TAG.test(s)) return false; // a string: js-yaml keeps the text
  let v = memo.get(s);
  if (v === undefined) {
    v = resolveUncached(s);
    if (s.length <= MEMO_MAX_LENGTH) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(s, v);
    }
  }
  resolved = v;
  return true;
}

function resolveUncached(s: string): unknown {
  for (const tag of SCALAR_TAGS) {
    if (!tag.test!.test(s)) continue;
    let failed = false;
    const r = tag.resolve(s, () => (failed = true), TAG_OPTIONS);
    const v: unknown = isScalar(r) ? r.value : r;
    if (failed || (typeof v === 'object' && v !== null)) throw new NeedsFullParser(s);
    return v;
  }
  throw new NeedsFullParser(s); // ANY_TAG matched, so one of them does
}

// One implicit type stands for all of YAML 1.1's (null, bool, int, float): js-yaml keeps one type per tag,
// and the yaml package's order among them must be kept, so they are tried in that order in resolve().
const YAML11_SCALAR = new Type('tag:svclab.dev,2026:yaml-1.1-scalar', {
  kind: 'scalar',
  resolve: resolveYaml11,
  construct: () => resolved,
});
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [YAML11_SCALAR] });

/**
 * Text that goes to the yaml package without trying js-yaml, because js-yaml reads it differently, the
 * yaml package reports something about it, or it could expand aliases. Each is a cheap, conservative
 * test (separate expressions scan faster than one alternation): it may send plain text to the full
 * parser, never the reverse. `(?<![^…])` means "at the start of the text or after one of …". No two
 * quantifiers in one expression may match the same characters one after the other: on hostile text
 * (long runs of spaces) that backtracks quadratically.
 */
const NEEDS_FULL: { test(text: string): boolean }[] = [
  // An anchor, alias, tag or explicit key: each starts a node, so it follows a line start, a space or a
  // flow indicator (and `:` in a JSON-like `{"a":*x}`). Aliases are refused so that no value read here
  // shares nodes; without anchors js-yaml would reject an alias anyway.
  /(?<![^\s[{,:])[&*!?]/,
  // A merge key: the yaml package merges `<<` in YAML 1.1, js-yaml without its merge type keeps the key.
  /<</,
  // A directive (it may switch the yaml package to YAML 1.2) or a document end marker.
  /^(?:%|\.\.\.)/m,
  // A flow collection as a key: the yaml package stringifies it as YAML (with a warning), js-yaml as JS.
  /[\]}][ \t]*:/,
  // A null key in a one-pair mapping in a flow sequence (`[~: a]`, `[: a]`), which js-yaml does not
  // show the listener below (that one finds the others).
  /[[,]\s*(?:(?:~|[Nn]ull|NULL)[ \t]*)?:(?=[\s,[\]{}]|$)/,
  // A comment right after a flow indicator or a quoted scalar: the yaml package wants a space first.
  /[[\]{},"']#/,
  // A collection as a flow mapping key without a value (`{[a], b}`); after a comma it may as well be a
  // collection in a flow sequence (`[{a: 1}, {b: 2}]`), which goes to the yaml package too.
  /[{,](?:\s|#[^\n]*\n)*[[{]/,
  // An escaped line break in a double-quoted scalar: the two read the empty lines after it differently.
  /\\\r?$/m,
  // An empty sequence entry: js-yaml 4 puts a less indented `- x` after it into the wrong sequence.
  /(?<![^ \t\n])-[ \t]*(?:#.*)?$/m,
  // A block scalar's indentation indicator (`|2`): the yaml package drops trailing lines of spaces
  // beyond that indentation, js-yaml keeps them as content.
  /[|>][-+]?[1-9]/,
  // A block scalar that starts with blank lines: the yaml package rejects one more indented than the
  // first text line, js-yaml reads it.
  /[|>][-+]?[ \t]*(?:#.*)?\r?\n[ \t]*\r?$/m,
  // A tab at the start of a line, after any spaces: the yaml package rejects some that js-yaml reads.
  { test: (text: string) => text.includes('\t') && /^ *\t/m.test(text) },
  // A CR not ending a line, and characters YAML 1.1 reads as line breaks or a byte-order mark mid-text.
  /\r(?!\n)|[\u0085\u2028\u2029\ufeff]/,
];

const KEEP_CHOMPING = /[|>]\+/;

/** Nesting js-yaml reads; deeper text goes to the yaml package, which enforces MAX_DEPTH (100) itself. */
const MAX_FAST_DEPTH = 64;

let firstContentLine = -1;
const OPTIONS: LoadOptions & { maxDepth: number } = {
  schema: SCHEMA,
  maxDepth: MAX_FAST_DEPTH,
  // A warning (deficient indentation, an unknown directive) is something the yaml package should report.
  onWarning: (e) => {
    throw new NeedsFullParser(e.message);
  },
  listener: (event, state) => {
    // The first node js-yaml opens is the document's content, after any `---` line and comments.
    if (event === 'open') {
      if (firstContentLine < 0) firstContentLine = state.line;
    } else if (state.kind === 'mapping' && Object.prototype.hasOwnProperty.call(state.result, 'null')) {
      // A null key (`~:`, `null:`, an empty key): the yaml package names it "", js-yaml "null". (A
      // quoted "null" key lands here too, and goes to the yaml package without need.)
      throw new NeedsFullParser('null key');
    }
  },
};

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Reads one YAML document (a map or a list) with js-yaml, or returns undefined when the text needs the
 * yaml package (see the module comment). Never throws.
 *
 * @example
 * readFastYaml('a: &x 1\nb: *x\n'); // undefined (an anchor and an alias)
 */
export function readFastYaml(text: string): FastYamlDocument | undefined {
  if (NEEDS_FULL.some((r) => r.test(text))) return undefined;
  // A trailing empty value (`a:` or `-` last): the yaml package then ends the document on that line.
  const trimmed = text.trimEnd();
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last === 58 /* : */ || last === 45 /* - */) return undefined;
  // js-yaml ends an unterminated last line with a line break, which a keep-chomped block scalar keeps.
  if (!text.endsWith('\n') && KEEP_CHOMPING.test(text)) return undefined;
  let value: unknown;
  firstContentLine = -1;
  try {
    value = load(text, OPTIONS);
  } catch {
    // A syntax error, a duplicate key, a warning, too deep, or a scalar the tags could not resolve.
    return undefined;
  } finally {
    resolved = null;
  }
  if (typeof value !== 'object' || value === null || firstContentLine < 0) return undefined;
  return {
    value: value as Record<string, unknown> | unknown[],
    startLine: firstContentLine + 1,
    endLine: lineCount(text),
  };
}
