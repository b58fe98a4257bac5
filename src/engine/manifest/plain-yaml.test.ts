import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments } from 'yaml';
import { createRng, type Rng } from '../util/rng';
import { YAML_OPTIONS, readPlainYaml } from './plain-yaml';

/** What the yaml package (the reference) makes of a text, in the shape readPlainYaml answers. */
function reference(text: string) {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: lc });
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

/** Asserts readPlainYaml agrees with the yaml package whenever it answers; returns whether it answered. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return false;
  const ref = reference(text);
  if (!ref.ok) throw new Error(`readPlainYaml answered for text the yaml package rejects:\n${text}`);
  expect({ text, ...fast }).toEqual({
    text,
    value: ref.value,
    startLine: ref.startLine,
    endLine: ref.endLine,
  });
  return true;
}

describe('readPlainYaml on manifests', () => {
  it('reads a Deployment as the yaml package does, with YAML 1.1 scalars', () => {
    const text = `# a comment
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  labels: {app: web, "tier": 'front', x: yes}
  annotations:
    a.io/x: "say \\"hi\\"\\n"
    b.io/y: 'it''s'
spec:
  replicas: 0x0A
  paused: off
  minReadySeconds: 0777
  template:
    spec:
      containers:
      - name: c
        args: ["netexec", --http-port=8080, 1:20, 2001-12-14]
        ports:
          - containerPort: 8080

            protocol: ~
          -
            name: y   # YAML 1.1 (go-yaml v2): y is true
      nodeSelector:
      tolerations: []
`;
    expect(agrees(text)).toBe(true);
    expect(readPlainYaml(text)).toEqual({
      startLine: 3,
      endLine: 28,
      value: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web',
          labels: { app: 'web', tier: 'front', x: true },
          annotations: { 'a.io/x': 'say "hi"\n', 'b.io/y': "it's" },
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
                  args: ['netexec', '--http-port=8080', '1:20', '2001-12-14'],
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

  it('reads CRLF line ends', () => {
    const text = '---\r\napiVersion: v1 # c\r\nkind: Service\r\nspec:\r\n  ports:\r\n  - port: 80\r\n';
    expect(agrees(text)).toBe(true);
    expect(readPlainYaml(text)).toEqual({
      value: { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } },
      startLine: 2,
      endLine: 7,
    });
  });

  it('reads flow collections and quoted scalars as sequence items', () => {
    const text = '- [a, "b"]\n- {c: d}\n- \'e: f\'\n-   x: 1\n    z: [ ]\n';
    expect(agrees(text)).toBe(true);
    expect(readPlainYaml(text)!.value).toEqual([['a', 'b'], { c: 'd' }, 'e: f', { x: 1, z: [] }]);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a folded scalar', 'a: >-\n  x\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['a multi-line quoted scalar', 'a: "x\n  y"\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a merge key', 'a: {x: 1}\n<<: {y: 2}\n'],
    ['a boolean key', 'yes: 1\n'],
    ['a number key', '80: http\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a CR that does not end a line', 'a: 1\rb: 2\n'],
    ['a byte-order mark', '\uFEFFa: 1\n'],
    ['a nested mapping in a compact one', 'a: b: c\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['a flow key without value', 'a: {b}\n'],
    ['a flow pair in a sequence', 'a: [b: 1]\n'],
    ['a __proto__ key', '__proto__: {polluted: true}\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# only a comment\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['an escape it does not read', 'a: "\\x41"\n'],
    ['a nested compact sequence', 'a:\n- - b\n'],
    ['a flow collection as a key', '[a]: b\n'],
    ['y as a key (YAML 1.1 reads it as true)', 'y: 1\n'],
  ])('gives up on %s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
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
const SAFE_SCALARS = SCALARS.filter((s) => readPlainYaml(`a: ${s}\n`) !== undefined);
const key = (rng: Rng): string => pick(rng, rng.int(8) ? SAFE_KEYS : KEYS);
const scalar = (rng: Rng): string => pick(rng, rng.int(8) ? SAFE_SCALARS : SCALARS);

function comment(rng: Rng): string {
  return rng.int(6) === 0 ? pick(rng, [' # c', '  #c', '#c', ' #']) : '';
}

/** A random block node at `indent`, as lines. */
function block(rng: Rng, indent: number, depth: number, out: string[], seq = false): void {
  const pad = ' '.repeat(indent);
  const asSeq = seq || rng.int(3) === 0;
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    if (rng.int(12) === 0) out.push(rng.int(2) ? '' : `${' '.repeat(rng.int(6))}# note`);
    const jitter = rng.int(25) === 0 ? ' ' : '';
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

describe('readPlainYaml against the yaml package (differential)', () => {
  it('agrees on every document it answers for, and answers for most plain ones', () => {
    const rng = createRng(2026);
    let answered = 0;
    const N = 4000;
    for (let i = 0; i < N; i++) {
      const text = document(rng);
      if (agrees(text)) answered++;
      // The same document with Windows line ends reads the same, and agrees too.
      const crlf = text.replace(/\n/g, '\r\n');
      expect(readPlainYaml(crlf) !== undefined).toBe(readPlainYaml(text) !== undefined);
      agrees(crlf);
    }
    // The generator mixes in many edge cases; plenty of its documents are still plain enough to read.
    expect(answered).toBeGreaterThan(N / 5);
    expect(SAFE_SCALARS.length).toBeGreaterThan(60);
  });

  it('gives up on every line-level mutation the yaml package rejects or reads differently', () => {
    const rng = createRng(7);
    const base =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  ports:\n  - port: 80\n    targetPort: http\n  selector:\n    app: web\n';
    const lines = base.split('\n');
    for (let i = 0; i < 3000; i++) {
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
          pick(rng, [':', ' ', '-', '#', '"', "'", '[', '{', ',', '&', '?', '\r']) +
          l.slice(p);
      }
      agrees(copy.join('\n'));
    }
  });
});
