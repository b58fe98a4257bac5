/**
 * How svclab asks the `yaml` package to read manifests: YAML 1.1 as kubectl reads it (sigs.k8s.io/yaml
 * uses go-yaml v2), so `yes`/`on`/`y` are booleans and `0777` is octal, but timestamps and sexagesimal
 * numbers stay strings, as go-yaml v2 hands them to JSON. The fast path (fast-yaml.ts) builds its
 * js-yaml schema from the same tags, so the two readers cannot disagree on a scalar.
 *
 * @example
 * parseDocument('a: yes\n', YAML_OPTIONS).toJS(); // { a: true }
 */
import type { Tags } from 'yaml';

const FLOAT_TAG = 'tag:yaml.org,2002:float';
// go-yaml v2 (resolve.go) reads a plain scalar as a float only when it has a digit in its mantissa: it
// matches `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` after dropping `_` when the scalar starts
// with a digit or a sign, and Go's ParseFloat (no `_`) when it starts with `.`. The yaml package's YAML 1.1
// float tests also match `.`, `-.`, `e3` and `.e3` and turn them into NaN: every `managedFields` entry's
// `.: {}` and an annotation `.` must stay strings.
const MANTISSA = String.raw`(?:[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?|[-+]\.[0-9_]*[0-9][0-9_]*|\.[0-9]+)`;
const GO_FLOAT_EXP = new RegExp(String.raw`^${MANTISSA}[eE][-+]?[0-9]+$`);
const GO_FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|[-+]\.[0-9_]*[0-9][0-9_]*|\.[0-9]+)$/;

/**
 * The YAML 1.1 tags without timestamps and sexagesimal numbers, with floats recognised as go-yaml v2
 * recognises them (a digit in the mantissa).
 *
 * @example
 * new Document(null, { version: '1.1', customTags: yaml11Tags }).schema.tags; // no timestamp tag
 * parse('a: .\n', YAML_OPTIONS); // { a: '.' }
 */
export const yaml11Tags = (tags: Tags): Tags =>
  tags
    .filter((t) =>
      typeof t === 'string'
        ? !['timestamp', 'intTime', 'floatTime'].includes(t)
        : t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME',
    )
    .map((t) => {
      if (typeof t === 'string' || t.tag !== FLOAT_TAG || !('test' in t) || !t.test) return t;
      if (t.format === 'EXP') return { ...t, test: GO_FLOAT_EXP };
      // the plain float tag (not .inf/.nan): it is the one that matches `1.5`
      return t.test.test('1.5') ? { ...t, test: GO_FLOAT } : t;
    });

/**
 * The options parse-chunk.ts gives the yaml package. Duplicate keys are errors, as for go-yaml, but the
 * yaml package's own check (`uniqueKeys: true`) scans the whole map for every key, quadratic in its size
 * (a 390 KB map took over 10 s); parse-chunk.ts finds them itself in one pass (duplicate-keys.ts).
 */
export const YAML_OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  version: '1.1',
  customTags: yaml11Tags,
} as const;
