import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { scenarios, findScenario, DEFAULT_SCENARIO } from './index';

describe('scenarios', () => {
  it('lists thirteen scenes with unique ids and files', () => {
    expect(scenarios).toHaveLength(13);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(13);
    expect(new Set(scenarios.map((s) => s.file)).size).toBe(13);
    expect(findScenario(DEFAULT_SCENARIO)?.file).toBe('clusterip-three-pods.yaml');
  });

  for (const s of scenarios) {
    it(`${s.id}: every document is valid YAML with apiVersion, kind and (unless config) metadata.name`, () => {
      const docs = parseAllDocuments(s.yaml);
      expect(Array.isArray(docs)).toBe(true);
      const list = docs as ReturnType<typeof parseAllDocuments> & unknown[];
      expect(list.length).toBeGreaterThan(1);
      for (const d of list) {
        expect(d.errors).toEqual([]);
        const v = d.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } };
        expect(typeof v.apiVersion).toBe('string');
        expect(typeof v.kind).toBe('string');
        if (v.kind !== 'KubeProxyConfiguration') expect(v.metadata?.name).toMatch(/^[a-z0-9-]+$/);
      }
    });
  }

  it('the ipvs myth scene carries the annotation and a global ipvs config', () => {
    const s = findScenario('ipvs-scheduler-myth')!;
    expect(s.yaml).toContain("service.beta.kubernetes.io/ipvs-scheduler: 'lc'");
    expect(s.yaml).toMatch(/kind: KubeProxyConfiguration\nmode: ipvs/);
  });
});
