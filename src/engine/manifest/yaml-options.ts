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

/**
 * The YAML 1.1 tags without timestamps and sexagesimal numbers.
 *
 * @example
 * new Document(null, { version: '1.1', customTags: yaml11Tags }).schema.tags; // no timestamp tag
 */
export const yaml11Tags = (tags: Tags): Tags =>
  tags.filter((t) =>
    typeof t === 'string'
      ? !['timestamp', 'intTime', 'floatTime'].includes(t)
      : t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME',
  );

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
