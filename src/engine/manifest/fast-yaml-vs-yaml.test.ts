import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments } from 'yaml';
import { createRng, type Rng } from '../util/rng';
import { readFastYaml } from './fast-yaml';
import { YAML_OPTIONS } from './yaml-options';

/** What the yaml package (the reference) makes of a text, in the shape readFastYaml answers. */
function reference(text: string) {
  const lc = new LineCounter();
  // uniqueKeys on: the reference reports duplicate keys itself, as parse-chunk does (duplicate-keys.ts).
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, uniqueKeys: true, lineCounter: lc });
  if (!Array.isArray(docs) || docs.length !== 1) return { ok: false as const };
  const doc = docs[0]!;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || doc.contents === null)
    return { ok: false as const };
  const start = (doc.contents as { range?: number[] }).range?.[0] ?? doc.range[0];
  return {
    ok: true as const,
    value: doc.toJS({ maxAliasCount: 100 }) as unknown,
    startLine: lc.linePos(start).line,
    endLine: lc.linePos(doc.range[2]).line,
  };
}

/** Asserts readFastYaml agrees with the yaml package whenever it answers; returns whether it answered. */
function agrees(text: string): boolean {
  const fast = readFastYaml(text);
  if (fast === undefined) return false;
  const ref = reference(text);
  if (!ref.ok) throw new Error(`readFastYaml answered for text the yaml package rejects:\n${text}`);
  expect({ text, ...fast }).toEqual({
    text,
    value: ref.value,
    startLine: ref.startLine,
    endLine: ref.endLine,
  });
  return true;
}

describe('readFastYaml on manifests', () => {
  it('reads a Deployment as the yaml package does, with YAML 1.1 scalars', () => {
    const text = `# a comment
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  labels: {app: web, "tier": 'front', x: yes}
  annotations:
    a.io/x: "say \\"hi\\"\\n\\u00e9"
    b.io/y: 'it''s'
    c.io/z: folded
      over lines
spec:
  replicas: 0x0A
  paused: off
  minReadySeconds: 0777
  template:
    spec:
      containers:
      - name: c
        args: ["netexec", --http-port=8080, 1:20, 2001-12-14, .inf, 1_000]
        command: [sh, -c,
          "echo hi"]
        ports:
          - containerPort: 8080

            protocol: ~
          - name: y   # YAML 1.1 (go-yaml v2): y is true
      nodeSelector:
      tolerations: []
---
`.replace(/---\n$/, '');
    expect(agrees(text)).toBe(true);
    expect(readFastYaml(text)).toEqual({
      startLine: 3,
      endLine: 31,
      value: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web',
          labels: { app: 'web', tier: 'front', x: true },
          annotations: { 'a.io/x': 'say "hi"\né', 'b.io/y': "it's", 'c.io/z': 'folded over lines' },
        },
        spec: {
          replicas: 10,
          paused: false,
          minReadySeconds: 511,
          template: {
            spec: {
              containers: [
                {
                  name: 'c',
                  args: ['netexec', '--http-port=8080', '1:20', '2001-12-14', Infinity, 1000],
                  command: ['sh', '-c', 'echo hi'],
                  ports: [{ containerPort: 8080, protocol: null }, { name: true }],
                },
              ],
              nodeSelector: null,
              tolerations: [],
            },
          },
        },
      },
    });
  });

  it('reads block scalars (a ConfigMap) as the yaml package does', () => {
    const text =
      'kind: ConfigMap\ndata:\n  run.sh: |\n    #!/bin/sh\n    echo "a: b"\n\n  motd: >-\n    one\n    two\n\n      indented\n  keep: |+\n    x\n\n  count: 1\n';
    expect(agrees(text)).toBe(true);
    expect(readFastYaml(text)!.value).toEqual({
      kind: 'ConfigMap',
      data: {
        'run.sh': '#!/bin/sh\necho "a: b"\n',
        motd: 'one two\n\n  indented',
        keep: 'x\n\n',
        count: 1,
      },
    });
  });

  it('reads CRLF line ends', () => {
    const text = '---\r\napiVersion: v1 # c\r\nkind: Service\r\nspec:\r\n  ports:\r\n  - port: 80\r\n';
    expect(agrees(text)).toBe(true);
    expect(readFastYaml(text)).toEqual({
      value: { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } },
      startLine: 2,
      endLine: 7,
    });
  });

  it('reads flow collections and quoted scalars as sequence items', () => {
    const text = '- [a, "b"]\n- {c: d}\n- \'e: f\'\n-   x: 1\n    z: [ ]\n';
    expect(agrees(text)).toBe(true);
    expect(readFastYaml(text)!.value).toEqual([['a', 'b'], { c: 'd' }, 'e: f', { x: 1, z: [] }]);
  });

  it.each([
    ['a boolean key', 'yes: 1\n', { true: 1 }],
    ['y as a key (YAML 1.1 reads it as true)', 'y: 1\n', { true: 1 }],
    ['a number key', '80: http\n', { 80: 'http' }],
    [
      'a __proto__ key, as an own property',
      '__proto__: {polluted: true}\n',
      JSON.parse('{"__proto__":{"polluted":true}}'),
    ],
    ['a flow key without value', 'a: {b}\n', { a: { b: null } }],
    ['a flow pair in a sequence', 'a: [b: 1]\n', { a: [{ b: 1 }] }],
    ['a trailing comma', 'a: [1, 2,]\n', { a: [1, 2] }],
    ['a nested compact sequence', 'a:\n- - b\n', { a: [['b']] }],
    ['hex and tab escapes', 'a: "\\x41\\t"\n', { a: 'A\t' }],
    [
      'a timestamp and a sexagesimal number (strings for go-yaml v2)',
      'a: [2001-12-14t21:59:43.10-05:00, 190:20:30]\n',
      { a: ['2001-12-14t21:59:43.10-05:00', '190:20:30'] },
    ],
  ])('answers for %s, as the yaml package does', (_, text, value) => {
    expect(agrees(text)).toBe(true);
    expect(readFastYaml(text)!.value).toEqual(value);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an alias bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n'],
    ['an alias without an anchor', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a merge key', 'a: {x: 1}\n<<: {y: 2}\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a null key', '~: 1\n'],
    ['a null key spelled null', 'a:\n  null: 1\n'],
    ['an empty key', ': 1\n'],
    ['an empty key in a flow sequence pair', 'a: [: 1]\n'],
    ['a flow collection as a key', '[a]: b\n'],
    ['a collection in a flow mapping without a value', 'a: {[b], c}\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a tab-only line in a block scalar', 'a: |\n  x\n\t\n'],
    ['a CR that does not end a line', 'a: 1\rb: 2\n'],
    ['a byte-order mark', '\uFEFFa: 1\n'],
    ['a nested mapping in a compact one', 'a: b: c\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# only a comment\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a comment right after a flow collection', 'a: [b]#c\n'],
    ['a comment right after a flow indicator', 'a: [# c\n  b]\n'],
    ['an escaped line break in a double-quoted scalar', 'a: "b \\\n\n  c"\n'],
    ['an empty sequence entry (js-yaml misplaces what follows)', 'a:\n  -\n- b\n'],
    ['an indentation indicator', 'a: |2\n   b\n   \n'],
    ['a block scalar starting with a blank line', 'a: >\n   \n  b\n'],
    ['a keep-chomped block scalar on an unterminated last line', 'a: |+\n  b\n '],
    ['an empty value last (the yaml package ends the document there)', 'a: 1\nb:\n\n'],
    [
      'nesting deeper than the fast path reads',
      Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
    ],
  ])('gives up on %s', (_, text) => {
    expect(readFastYaml(text)).toBeUndefined();
  });
});

// Pieces the generator combines: Kubernetes-like text, YAML 1.1 edge cases, and things that are errors.
const KEYS = [
  'a',
  'name',
  'app.kubernetes.io/name',
  'x_1',
  'b-c',
  'constructor',
  'toString',
  'yes',
  'on',
  'y',
  '80',
  '0x1',
  '~',
  'null',
  '<<',
  '__proto__',
  'a b',
  '"q k"',
  "'s k'",
  '"yes"',
  '-k',
  '.x',
  'a:b',
  'a#b',
  '[a]',
  '{a: 1}',
  '? a',
  '',
];
const SCALARS = [
  'web',
  'TCP',
  '80',
  '-1',
  '+1',
  '0',
  '-0',
  '012',
  '09',
  '0777',
  '0b101',
  '0x1F',
  '0o17',
  '1_000',
  '1e3',
  '12e03',
  '1e',
  'e3',
  '.5',
  '+.5',
  '1.',
  '0.0',
  '.inf',
  '-.Inf',
  '.NaN',
  'yes',
  'No',
  'y',
  'N',
  'on',
  'OFF',
  'TRUE',
  'True',
  'tRue',
  '~',
  'null',
  'Null',
  'NULL',
  'nUll',
  '1:20',
  '190:20:30.15',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  'http://x:80/a',
  'a#b',
  'a #c',
  '--flag=1',
  '-',
  '- x',
  ':x',
  '?x',
  'a: b',
  'a:',
  '%x',
  '@x',
  '`x',
  '!x',
  '!!int 3',
  '&a x',
  '*a',
  '|',
  '>',
  "it's",
  'say "hi"',
  '"dq"',
  '"esc\\"q"',
  '"\\n\\t\\\\"',
  '"\\x41"',
  '"\\u00e9"',
  '"unterminated',
  "'sq'",
  "'it''s'",
  "'a''",
  '""',
  "''",
  '[]',
  '{}',
  '[ ]',
  '{ }',
  '[a, b]',
  '[a,b]',
  '[ a , b ]',
  '[a, [b, c]]',
  '[a, {b: c}]',
  '{a: 1, b: [x]}',
  '{a: 1,}',
  '[a,]',
  '[a,,b]',
  '{a}',
  '{a:1}',
  '{a: 1, a: 2}',
  '{yes: 1}',
  '{"k": v}',
  '[a: 1]',
  '[a, b] # c',
  '[a, b]# c',
  '[a, b] x',
  '{a: {b: {c: d}}}',
  '[a # c]',
  'x # comment',
  'x#y',
  'a,b',
  'a]b',
  'a}b',
  'a[b',
  'a{b',
  '=',
  '<<',
  'é',
  '日本',
  '"日本"',
  'a  b',
  'a\tb',
  '\u0085',
];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
// Mostly readable pieces, so that most documents get an answer to compare; the rest test giving up.
const SAFE_KEYS = KEYS.slice(0, 7);
const SAFE_SCALARS = SCALARS.filter((s) => readFastYaml(`a: ${s}\n`) !== undefined);
const key = (rng: Rng): string => pick(rng, rng.int(8) ? SAFE_KEYS : KEYS);
const scalar = (rng: Rng): string => pick(rng, rng.int(8) ? SAFE_SCALARS : SCALARS);

function comment(rng: Rng): string {
  return rng.int(6) === 0 ? pick(rng, [' # c', '  #c', '#c', ' #']) : '';
}

// Pieces of multi-line scalars: block scalar headers and lines, and lines of quoted and flow scalars.
const BLOCK_HEADERS = [
  '|',
  '|-',
  '|+',
  '>',
  '>-',
  '>+',
  '|2',
  '>1',
  '|-2',
  '>+1',
  '|1-',
  '| # c',
  '>  ',
  '|x',
];
const BLOCK_LINES = ['text', 'two words', 'x: y', '- z', '# not a comment', '"q"', "'s'", 'end  ', 'a\tb'];
const QUOTED_LINES = ['x', 'y ', ' z', '', 'a \\', '\\n', '\\t', "it's", '# h', 'k: v', '- s', '\\"', '  '];
const FLOW_LINES = ['a,', 'b', '[c, d],', '{e: f},', 'g: h,', '# c', 'i, # c', '"j",', "'k'", ',', ''];

/** A value over several lines after `head`: a block scalar, a plain, quoted or flow scalar. */
function multiLine(rng: Rng, head: string, pad: string, out: string[]): void {
  const n = 1 + rng.int(4);
  const more = (): string => pad + ' '.repeat(pick(rng, [2, 2, 2, 3, 4, 1, 0]));
  const kind = rng.int(5);
  if (kind === 0) {
    out.push(`${head} ${pick(rng, BLOCK_HEADERS)}`);
    for (let i = 0; i < n; i++) {
      const r = rng.int(6);
      out.push(r === 0 ? '' : r === 1 ? more().slice(0, -1) : `${more()}${pick(rng, BLOCK_LINES)}`);
    }
  } else if (kind === 1) {
    out.push(`${head} ${pick(rng, SAFE_SCALARS)}`);
    for (let i = 0; i < n; i++) out.push(rng.int(4) ? `${more()}${pick(rng, SAFE_SCALARS)}` : '');
  } else if (kind === 4) {
    const open = rng.int(2) ? '[' : '{';
    const lines = [`${head} ${open}${pick(rng, FLOW_LINES)}`];
    for (let i = 0; i < n; i++) lines.push(`${more()}${pick(rng, FLOW_LINES)}`);
    lines[lines.length - 1] += open === '[' ? ']' : '}';
    out.push(...lines);
  } else {
    const q = kind === 2 ? '"' : "'";
    const lines = [`${head} ${q}${pick(rng, QUOTED_LINES)}`];
    for (let i = 0; i < n; i++) lines.push(rng.int(5) ? `${more()}${pick(rng, QUOTED_LINES)}` : '');
    lines[lines.length - 1] += q;
    out.push(...lines);
  }
}

/** A random block node at `indent`, as lines. */
function block(rng: Rng, indent: number, depth: number, out: string[], seq = false): void {
  const pad = ' '.repeat(indent);
  const asSeq = seq || rng.int(3) === 0;
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    if (rng.int(12) === 0) out.push(rng.int(2) ? '' : `${' '.repeat(rng.int(6))}# note`);
    const jitter = rng.int(25) === 0 ? pick(rng, [' ', ' ', '\t']) : '';
    const head = asSeq ? `${pad}${jitter}-` : `${pad}${jitter}${key(rng)}:`;
    const r = rng.int(10);
    if (depth < 4 && r < 3) {
      // A nested block: indented, or a sequence at the key's own indentation (Kubernetes style).
      out.push(head + comment(rng));
      const sameIndent = !asSeq && rng.int(2) === 0;
      if (sameIndent) block(rng, indent, depth + 1, out, true);
      else block(rng, indent + pick(rng, [2, 2, 4, 1]), depth + 1, out);
    } else if (asSeq && depth < 4 && r < 5) {
      // A compact map after `- `.
      const lines: string[] = [];
      block(rng, indent + 2, depth + 1, lines);
      out.push(`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
    } else if (r === 9) {
      out.push(head + comment(rng)); // an empty value
    } else if (r === 8) {
      multiLine(rng, head, pad, out);
    } else {
      out.push(`${head} ${scalar(rng)}${comment(rng)}`);
      if (rng.int(30) === 0) out.push(`${pad}  ${scalar(rng)}`); // a continuation line
    }
  }
}

function document(rng: Rng): string {
  const out: string[] = [];
  if (rng.int(4) === 0) out.push('# leading comment');
  if (rng.int(3) === 0) out.push(pick(rng, ['---', '--- ', '--- # doc', '---x', '--- a: 1']));
  block(rng, rng.int(15) === 0 ? 1 : 0, 0, out);
  if (rng.int(4) === 0) out.push('', '# trailing');
  return out.join('\n') + pick(rng, ['\n', '', '\n\n']);
}

// Thousands of generated documents per test: seconds of CPU, more when the machine's cores are shared,
// so the timeout is generous (a timeout here would say nothing about the parser).
describe('readFastYaml against the yaml package (differential)', { timeout: 60_000 }, () => {
  it('agrees on every document it answers for, and answers for most plain ones', () => {
    const rng = createRng(2026);
    let answered = 0;
    const N = 4000;
    for (let i = 0; i < N; i++) {
      const text = document(rng);
      if (agrees(text)) answered++;
      // The same document with Windows line ends reads the same, and agrees too.
      const crlf = text.replace(/\n/g, '\r\n');
      expect(readFastYaml(crlf) !== undefined).toBe(readFastYaml(text) !== undefined);
      agrees(crlf);
    }
    // The generator mixes in many edge cases; plenty of its documents are still plain enough to read.
    expect(answered).toBeGreaterThan(N / 6);
    expect(SAFE_SCALARS.length).toBeGreaterThan(60);
  });

  it('gives up on every line-level mutation the yaml package rejects or reads differently', () => {
    const rng = createRng(7);
    const bases = [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  ports:\n  - port: 80\n    targetPort: http\n  selector:\n    app: web\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  annotations:\n    a: "x\n      y"\n    b: \'p\n\n      q\'\ndata:\n  script: |\n    #!/bin/sh\n    echo "hi"\n\n  folded: >-\n    one\n      two\n    three\n  list: [a,\n    b]\n  plain: word\n    more words\n',
    ];
    for (const base of bases) expect(agrees(base)).toBe(true);
    for (let i = 0; i < 6000; i++) {
      const lines = bases[i % 2]!.split('\n');
      const copy = [...lines];
      const at = rng.int(copy.length - 1);
      const m = rng.int(4);
      if (m === 0) copy[at] = ' ' + copy[at]!;
      else if (m === 1) copy[at] = copy[at]!.slice(1);
      else if (m === 2) copy.splice(at, 0, copy[rng.int(copy.length - 1)]!);
      else {
        const l = copy[at]!;
        const p = rng.int(l.length + 1);
        copy[at] =
          l.slice(0, p) +
          pick(rng, [
            ':',
            ' ',
            '-',
            '#',
            '"',
            "'",
            '[',
            '{',
            ',',
            '&',
            '?',
            '\r',
            '\t',
            '|',
            '>',
            '!',
            '*',
            '\\',
          ]) +
          l.slice(p);
      }
      agrees(copy.join('\n'));
    }
  });
});

describe('readFastYaml on hostile text', { timeout: 10_000 }, () => {
  // Two quantifiers over the same characters in one fallback test made these quadratic (minutes at
  // 1 MB); a hang fails the test by its timeout. Whatever it answers must still be the yaml package's.
  it.each([
    ['spaces after a flow sequence start', `a: [${' '.repeat(300_000)}x]\n`],
    ['spaces in a comment in a flow sequence', `a: [b, #${' '.repeat(300_000)}\n  c]\n`],
    ['newlines after a comment', `a: #${'\n'.repeat(100_000)}b: 1\n`],
    ['spaces and newlines in a flow mapping', `a: {${' \n'.repeat(150_000)} b: 1}\n`],
  ])('stays linear on %s', (_, text) => {
    expect(agrees(text)).toBe(true);
  });
});
