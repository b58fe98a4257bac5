import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createRng } from '../util/rng';
import { duplicateKeyErrors } from './duplicate-keys';
import { parseChunk } from './parse-chunk';
import { YAML_OPTIONS } from './yaml-options';

/** What the yaml package itself reports with uniqueKeys on (quadratic, but the reference). */
function reference(text: string): number[] {
  return parseAllDocuments(text, { ...YAML_OPTIONS, uniqueKeys: true })
    .flatMap((d) => d.errors)
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0]);
}

function ours(text: string): number[] {
  return parseAllDocuments(text, YAML_OPTIONS).flatMap((d) => duplicateKeyErrors(d).map((e) => e.pos[0]));
}

describe('duplicateKeyErrors', () => {
  it('reports what the yaml package reports with uniqueKeys on, at the same offsets', () => {
    const cases = [
      'a: 1\na: 2\n',
      'a: 1\nb: {x: 1, x: 2}\nc: [ {y: 1}, {y: 1, y: 2} ]\n',
      '1: a\n"1": b\n1: c\n',
      'true: a\nyes: b\n', // YAML 1.1: both are the boolean true
      '? [a]\n: 1\n? [a]\n: 2\n', // collection keys are never equal (different nodes)
      'x: &k v\n*k : 1\n*k : 2\n',
      'a:\n  b:\n    c: 1\n    c: 2\n  b: 3\n',
      '.nan: 1\n.nan: 2\n',
      '~: 1\nnull: 2\n',
      '<<: {a: 1}\n<<: {b: 2}\n',
    ];
    for (const text of cases) expect(ours(text), text).toEqual(reference(text));
  });

  it('agrees on generated maps with repeated keys', () => {
    const rng = createRng(17);
    const keys = ['a', 'b', '"a"', "'b'", '1', '"1"', '01', 'true', 'on', '~', 'c d'];
    for (let n = 0; n < 300; n++) {
      const lines: string[] = [];
      const count = 1 + rng.int(12);
      for (let i = 0; i < count; i++) {
        const k = keys[rng.int(keys.length)]!;
        if (rng.int(4) === 0) lines.push(`${k}:`, `  ${keys[rng.int(keys.length)]}: 1`, `  ${k}: 2`);
        else lines.push(`${k}: ${i}`);
      }
      const text = `${lines.join('\n')}\n`;
      expect(ours(text), text).toEqual(reference(text));
    }
  });

  it('makes the chunk an error with the line of each repeated key', () => {
    const r = parseChunk('apiVersion: v1\nkind: Service\nmetadata: {name: a}\nkind: Pod\n');
    expect(r.documents[0]!.hasErrors).toBe(true);
    expect(r.diagnostics).toMatchObject([
      {
        source: 'yaml',
        code: 'yaml.duplicate-key',
        message: 'Map keys must be unique (duplicate key)',
        line: 4,
      },
    ]);
  });
});
