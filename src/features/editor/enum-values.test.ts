import { describe, expect, it } from 'vitest';
import k8sSchema from '../../engine/manifest/k8s-schema.json';
import { ENUM_VALUES } from './enum-values';

describe('the table of enum values', () => {
  const defs = (k8sSchema as { definitions: Record<string, { properties?: Record<string, unknown> }> })
    .definitions;

  it('names only definitions and properties the schema has, and each value once', () => {
    for (const [def, props] of Object.entries(ENUM_VALUES)) {
      expect(defs[def], def).toBeDefined();
      for (const [name, values] of Object.entries(props)) {
        expect(defs[def]!.properties?.[name], `${def}.${name}`).toBeDefined();
        expect(new Set(values).size, `${def}.${name}`).toBe(values.length);
      }
    }
  });
});
