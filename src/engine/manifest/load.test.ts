import { describe, expect, it } from 'vitest';
import { createManifestCache, loadObjects } from './load';
import { diagnosticAt } from './diagnose';
import { chunkParseCounts } from './parse-chunk';
import { cloneJson } from './clone';

const svc = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: ${name}}\n  ports:\n  - port: 80\n${extra}`;

describe('loadObjects', () => {
  it('returns objects in document order with namespace defaulted', () => {
    const text = `${svc('a')}---\n${svc('b')}`;
    const { objects, diagnostics } = loadObjects([{ file: 's.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(objects.map((o) => o.object.metadata.name)).toEqual(['a', 'b']);
    expect(objects.map((o) => o.order)).toEqual([0, 1]);
    expect(objects[1]!.object.metadata.namespace).toBe('default');
    expect(objects[1]!.startLine).toBe(10);
    expect(objects[1]!.locate(['spec', 'ports', 0])).toMatchObject({ line: 17, column: 5 });
  });

  it('unwraps kind: List with basePath items[i]', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec: {containers: [{name: c, image: nginx}]}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: ns1, namespace: x}\n`;
    const { objects } = loadObjects([{ file: 'l.yaml', text }]);
    expect(objects.map((o) => [o.object.kind, o.basePath])).toEqual([
      ['Pod', ['items', 0]],
      ['Namespace', ['items', 1]],
    ]);
    expect(objects[1]!.startLine).toBe(8);
    expect(objects[1]!.object.metadata.namespace).toBeUndefined();
    expect(objects[0]!.locate(['metadata', 'name'])).toMatchObject({ line: 6, column: 14 });
  });

  it('reports unsupported kinds as info and skips them', () => {
    const text = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: db}\n';
    const { objects, diagnostics } = loadObjects([{ file: 'x.yaml', text }]);
    expect(objects).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: 'svclab does not simulate PodDisruptionBudget; it is ignored',
        line: 1,
        kind: 'PodDisruptionBudget',
        name: 'db',
      }),
    ]);
  });

  it('rejects a known kind in a version 1.36 does not serve, as kubectl words it', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec: {}\n';
    const { objects, diagnostics } = loadObjects([{ file: 'x.yaml', text }]);
    expect(objects).toEqual([]);
    expect(diagnostics[0]).toMatchObject({
      severity: 'error',
      message: 'no matches for kind "Ingress" in version "extensions/v1beta1"',
      line: 1,
      column: 1,
      field: 'apiVersion',
    });
  });

  it('rejects documents that are not objects or lack apiVersion, kind or name', () => {
    const text =
      '- a\n- b\n---\nkind: Service\nmetadata: {name: x}\n---\napiVersion: v1\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Service\nmetadata: {}\n';
    const { objects, diagnostics } = loadObjects([{ file: 'x.yaml', text }]);
    expect(objects).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'the document is a list, not a Kubernetes object (a map with apiVersion, kind and metadata)'],
      [4, 'error validating data: apiVersion not set'],
      [7, 'error validating data: kind not set'],
      [12, 'resource name may not be empty'],
    ]);
  });

  it('accepts config kinds without metadata', () => {
    const text =
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking: {serviceSubnet: 10.100.0.0/16}\n';
    const { objects, diagnostics } = loadObjects([{ file: 'c.yaml', text }]);
    expect(diagnostics).toEqual([]);
    expect(objects.map((o) => o.object.kind)).toEqual(['KubeProxyConfiguration', 'ClusterConfiguration']);
  });

  it('reparses only the changed document with a cache, and keeps positions right', () => {
    const docs = Array.from({ length: 50 }, (_, i) => svc(`s${i}`));
    const cache = createManifestCache();
    loadObjects([{ file: 'big.yaml', text: docs.join('---\n') }], cache);
    expect(cache.stats.chunkMisses).toBe(50);
    docs[10] = svc('s10', '  - port: 81\n')
      .replace('- port: 80', '- port: 80\n    name: a')
      .replace('- port: 81', '- port: 81\n    name: b');
    const { objects } = loadObjects([{ file: 'big.yaml', text: docs.join('---\n') }], cache);
    expect(cache.stats.chunkMisses).toBe(51);
    expect(cache.stats.resultMisses).toBe(51);
    expect(objects).toHaveLength(50);
    expect(objects[11]!.startLine).toBe(11 * 9 + 4);
    expect(objects[11]!.locate(['metadata', 'name'])).toMatchObject({ line: 11 * 9 + 4 + 3 });
  });

  it('reads plain documents without the yaml package until a position is asked for', () => {
    const docs = Array.from({ length: 50 }, (_, i) => svc(`s${i}`));
    const cache = createManifestCache();
    const before = { ...chunkParseCounts };
    const start = 11 * 9 + 1; // each document is 8 lines and a `---` line
    const { objects } = loadObjects([{ file: 'big.yaml', text: docs.join('---\n') }], cache);
    expect(chunkParseCounts.plain - before.plain).toBe(50);
    expect(chunkParseCounts.full - before.full).toBe(0);
    // The first locate() parses that one document with the yaml package; later ones reuse the parse.
    expect(objects[11]!.locate(['spec', 'ports', 0, 'port'])).toEqual({
      line: start + 7,
      column: 5,
      endLine: start + 7,
      endColumn: 9,
    });
    expect(objects[11]!.locate(['metadata', 'name'])).toEqual({
      line: start + 3,
      column: 3,
      endLine: start + 3,
      endColumn: 7,
    });
    expect(chunkParseCounts.full - before.full).toBe(1);
    // An edit re-reads only the edited document, and positions after it still shift correctly.
    docs[3] = svc('s3', '  - port: 81\n    name: b\n').replace('- port: 80', '- port: 80\n    name: a');
    const again = loadObjects([{ file: 'big.yaml', text: docs.join('---\n') }], cache);
    expect(chunkParseCounts.plain - before.plain).toBe(51);
    expect(again.objects[11]!.locate(['metadata', 'name'])).toMatchObject({ line: start + 3 + 3 });
    expect(chunkParseCounts.full - before.full).toBe(1); // the cached chunk kept its parse
  });

  it('caches the items of a kind: List one by one, and a plain document by its text', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${svc('a').replace(/\n(?=.)/g, '\n  ')}- ${svc('b').replace(/\n(?=.)/g, '\n  ')}`;
    const cache = createManifestCache();
    const first = loadObjects([{ file: 'l.yaml', text: `${list}---\n${svc('c')}` }], cache);
    expect(first.objects.map((o) => o.object.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(cache.stats.resultMisses).toBe(3);
    const again = loadObjects([{ file: 'l.yaml', text: `${list}---\n${svc('c')}` }], cache);
    expect(again.objects.map((o) => o.object.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(again.objects[1]!.locate(['metadata', 'name'])).toMatchObject({
      line: first.objects[1]!.startLine + 3,
    });
    expect(cache.stats).toMatchObject({ resultMisses: 3, resultHits: 3 });
  });

  it('gives each caller its own copy of cached objects', () => {
    const cache = createManifestCache();
    const a = loadObjects([{ file: 'a.yaml', text: svc('a') }], cache);
    (a.objects[0]!.object.metadata as Record<string, unknown>).name = 'changed';
    const b = loadObjects([{ file: 'a.yaml', text: svc('a') }], cache);
    expect(b.objects[0]!.object.metadata.name).toBe('a');
  });
});

describe('diagnosticAt', () => {
  const { objects } = loadObjects([{ file: 's.yaml', text: svc('web') }]);
  const obj = objects[0]!;
  it('fills identity and the field position', () => {
    expect(
      diagnosticAt(obj, 'spec.ports[0].port', { severity: 'error', source: 'api', code: 'c', message: 'm' }),
    ).toEqual({
      severity: 'error',
      source: 'api',
      code: 'c',
      message: 'm',
      kind: 'Service',
      namespace: 'default',
      name: 'web',
      field: 'spec.ports[0].port',
      file: 's.yaml',
      line: 8,
      column: 5,
      endLine: 8,
      endColumn: 9,
    });
  });
  it('falls back to the nearest existing parent, and maps Go-named segments to JSON keys', () => {
    const d = { severity: 'error', source: 'api', code: 'c', message: 'm' } as const;
    expect(diagnosticAt(obj, 'spec.ports[0].nodePort', d)).toMatchObject({ line: 8, column: 5 });
    expect(diagnosticAt(obj, 'spec.LoadBalancerSourceRanges[0]', d)).toMatchObject({ line: 5, column: 1 });
    expect(diagnosticAt(obj, 'spec.Selector', d)).toMatchObject({ line: 6, column: 3 });
  });
});

describe('cloneJson', () => {
  it('copies deeply, keeping a __proto__ key as data rather than a prototype', () => {
    const src = JSON.parse('{"a":[{"b":1}],"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const copy = cloneJson(src);
    expect(copy).toEqual(src);
    expect(copy.a).not.toBe(src.a);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['a', '__proto__']);
  });
});
