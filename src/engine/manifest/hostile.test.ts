import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { loadObjects } from './load';
import type { Diagnostic } from '../diagnostics';

/** Loads hostile text, proving it neither throws nor hangs, and returns its error diagnostics. */
function errorsOf(text: string, file = 'h.yaml'): Diagnostic[] {
  const result = loadObjects([{ file, text }]);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.file).toBe(file);
    expect(en(d.message).length).toBeGreaterThan(5);
  }
  return errors;
}

const LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

// Every case must finish well within Vitest's per-test timeout: a hang fails the test.
describe('hostile input', { timeout: 3000 }, () => {
  it('syntax error: unterminated quote, with line and column', () => {
    const [e] = errorsOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: "web\n');
    expect(e).toMatchObject({ source: 'yaml', line: 4 });
  });

  it('syntax error in one document does not hide the others', () => {
    const text =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\na: [1, 2\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n';
    const r = loadObjects([{ file: 'h.yaml', text }]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['a', 'b']);
    expect(r.diagnostics.filter((d) => d.severity === 'error')[0]).toMatchObject({ line: 5 });
  });

  it('duplicate keys', () => {
    const [e] = errorsOf('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n');
    expect(e).toMatchObject({ code: 'yaml.duplicate-key', line: 5, column: 3 });
    expect(e!.message).toContain('duplicate key');
  });

  it('billion laughs: bounded alias expansion gives an error quickly', () => {
    const [e] = errorsOf(LAUGHS);
    expect(e).toMatchObject({ code: 'yaml.alias-limit', line: 1 });
    expect(e!.message).toContain('more than 100 aliases');
  });

  it('a document over 1 MiB is refused with the limit in the message', () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: "${'a'.repeat(1100 * 1024)}"\n`;
    const [e] = errorsOf(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\n${big}`);
    expect(e).toMatchObject({ code: 'yaml.document-too-large', line: 5 });
    expect(e!.message).toBe('document is 1.1 MiB; svclab reads at most 1 MiB per document');
  });

  it('a source over 5 MiB is refused whole', () => {
    const doc = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {x: "${'b'.repeat(900 * 1024)}"}\n`;
    const [e] = errorsOf(Array.from({ length: 6 }, () => doc).join('---\n'), 'huge.yaml');
    expect(e!.message).toBe('huge.yaml is 5.3 MiB; svclab reads at most 5 MiB per file');
  });

  it('deeply nested flow collections', () => {
    const [e] = errorsOf(`a: ${'['.repeat(100000)}`);
    expect(e).toMatchObject({ source: 'yaml', line: 1 });
  });

  it('many documents of 20,000 nested brackets, parsed again and again, are refused before parsing', () => {
    // This once crashed the whole process (V8 "RegExpCompiler Allocation failed") on the third parse.
    const doc = `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const text = Array.from({ length: 8 }, () => doc).join('---\n');
    for (let round = 0; round < 3; round++) {
      const errors = errorsOf(text);
      expect(errors).toHaveLength(8);
      expect(errors[0]).toMatchObject({ code: 'yaml.too-deep', line: 1, column: 1004 });
      expect(errors[0]!.message).toContain('more than 1000 nested [ or { brackets');
    }
  });

  it('flow nesting between the two limits is parsed, then refused by the depth check', () => {
    const errors = errorsOf(`a: ${'['.repeat(500)}${']'.repeat(500)}\n`);
    expect(errors[0]).toMatchObject({ code: 'yaml.too-deep' });
    expect(errors[0]!.message).toMatch(/nests more than 100 levels deep/);
  });

  it('deeply nested block maps beyond the depth limit', () => {
    const text = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    const errors = errorsOf(text);
    expect(errors[0]!.message).toMatch(/nests/);
  });

  it('tabs as indentation', () => {
    const [e] = errorsOf('apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n');
    expect(e).toMatchObject({ code: 'yaml.tab-as-indent', line: 4, column: 1 });
  });

  it('a byte-order mark is accepted', () => {
    const r = loadObjects([
      { file: 'b.yaml', text: '\uFEFFapiVersion: v1\nkind: Namespace\nmetadata: {name: bom}\n' },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.objects[0]!.object.metadata.name).toBe('bom');
  });

  it('binary junk gives diagnostics, not an exception', () => {
    const junk = '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00{[:&*!|>';
    const r = loadObjects([{ file: 'j.png', text: junk }]);
    expect(r.objects).toEqual([]);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.line !== undefined && d.line >= 1)).toBe(true);
  });

  it('random bytes never throw', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 200 }, () => String.fromCharCode(next() % 128)).join('');
      expect(() => loadObjects([{ file: 'r.yaml', text }])).not.toThrow();
    }
  });

  it('non-UTF-8 bytes decoded as replacement characters are plain text', () => {
    const r = loadObjects([
      {
        file: 'u.yaml',
        text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: u}\ndata: {k: "\uFFFD\uFFFD"}\n',
      },
    ]);
    expect(r.objects).toHaveLength(1);
  });

  it('a scalar document is not an object', () => {
    const [e] = errorsOf('just a string\n');
    expect(e!.message).toBe(
      'the document is a string, not a Kubernetes object (a map with apiVersion, kind and metadata)',
    );
  });

  it('a number where a string belongs', () => {
    const [e] = errorsOf('apiVersion: 1\nkind: Service\nmetadata: {name: x}\n');
    expect(e).toMatchObject({
      line: 1,
      message: 'json: cannot unmarshal number into Go struct field TypeMeta.apiVersion of type string',
    });
  });

  it('YAML 1.1 booleans as kubectl reads them (on/yes are true)', () => {
    const r = loadObjects([
      {
        file: 'y.yaml',
        text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\nbinaryData: {}\nimmutable: yes\n',
      },
    ]);
    expect((r.objects[0]?.object as Record<string, unknown> | undefined)?.immutable).toBe(true);
  });
});

describe('YAML 1.1 scalars as kubectl reads them', () => {
  it('an unquoted yes as a label value is a bool, which the decoder rejects', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels:\n    enabled: yes\n';
    const [e] = errorsOf(text);
    expect(e).toMatchObject({
      line: 6,
      column: 5,
      message: 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    });
  });
});
