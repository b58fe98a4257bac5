import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFastYaml } from './fast-yaml';
import { loadObjects } from './load';
import { YAML_OPTIONS } from './yaml-options';

// What go-yaml v2 (sigs.k8s.io/yaml) hands to JSON for each plain scalar.
const GO_YAML: [string, unknown][] = [
  ['.', '.'],
  ['-.', '-.'],
  ['+.', '+.'],
  ['e3', 'e3'],
  ['.e3', '.e3'],
  ['-e3', '-e3'],
  ['._5', '._5'],
  ['.5', 0.5],
  ['-.5', -0.5],
  ['+._5', 0.5],
  ['1.', 1],
  ['1.5e3', 1500],
  ['.5e1', 5],
  ['1e3', 1000],
  ['1_000.5', 1000.5],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
];

describe('YAML 1.1 scalars as go-yaml v2 reads them', () => {
  it.each(GO_YAML)('reads %s as kubectl does, on both paths', (text, want) => {
    expect(parse(`a: ${text}\n`, YAML_OPTIONS)).toEqual({ a: want });
    const fast = readFastYaml(`a: ${text}\n`);
    if (fast) expect(fast.value).toEqual({ a: want });
  });

  it("keeps a dump's managedFields `.: {}` and an annotation `.` as strings", () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations: {note: .}',
      '  managedFields:',
      '  - fieldsV1:',
      '      f:metadata:',
      '        .: {}',
      'spec:',
      '  ports: [{port: 80}]',
      '',
    ].join('\n');
    const { objects, diagnostics } = loadObjects([{ file: 'dump.yaml', text }]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const meta = objects[0]!.object.metadata as Record<string, unknown>;
    expect(meta.annotations).toEqual({ note: '.' });
    expect(JSON.stringify(meta.managedFields)).toContain('{".":{}}');
  });
});
