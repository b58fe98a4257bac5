import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readManifestFile } from './import-file';
// What `kubectl get svc,endpointslices,pods -l app=web -o yaml` prints (e2e/open-files.spec.ts opens it too).
import DUMP from './testdata/kubectl-get-dump.yaml?raw';

describe('readManifestFile', () => {
  it('cleans a kubectl get -o yaml List as re-applying it needs', () => {
    const r = readManifestFile(DUMP);
    expect(r.refused).toBeUndefined();
    expect(r.dump).toBe(true);
    expect(r.objects).toBe(3);
    expect(r.removed).toEqual({
      uid: 2,
      resourceVersion: 2,
      creationTimestamp: 2,
      managedFields: 1,
      lastAppliedConfiguration: 1,
      status: 1,
      clusterIP: 1,
    });
    expect(r.keptPodStatus).toBe(1);
    expect(r.controllerSlices).toBe(1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const list = parse(r.text) as { kind: string; metadata?: unknown; items: Record<string, any>[] };
    expect(list.kind).toBe('List');
    expect(list.metadata).toBeUndefined();
    // The controller's EndpointSlice is left out: this cluster's controller writes its own.
    expect(list.items.map((o) => o.kind)).toEqual(['Service', 'Pod']);
    const [svc, pod] = list.items;
    expect(svc!.metadata).toEqual({ labels: { app: 'web' }, name: 'web', namespace: 'default' });
    expect(svc!.spec.clusterIP).toBeUndefined();
    expect(svc!.spec.clusterIPs).toBeUndefined();
    expect(svc!.spec.ipFamilies).toEqual(['IPv4']);
    expect(svc!.status).toBeUndefined();
    // What is not the server's stays.
    expect(pod!.metadata.generateName).toBe('web-6d4cf56db6-');
    expect(pod!.metadata.labels['pod-template-hash']).toBe('6d4cf56db6');
    expect(pod!.metadata.managedFields).toBeUndefined();
    expect(pod!.status.podIP).toBe('10.42.1.7');
    // kubectl's style: sequences not indented under their key.
    expect(r.text).toContain('items:\n- apiVersion: v1');
  });

  it('keeps a headless Service headless', () => {
    const r = readManifestFile(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  uid: x\nspec:\n  clusterIP: None\n  clusterIPs: [None]\n  ports: [{port: 5432}]\n',
    );
    expect(r.removed).toEqual({ uid: 1 });
    expect(parse(r.text).spec.clusterIP).toBe('None');
  });

  it('leaves a hand-written file alone, a fixed clusterIP and comments too', () => {
    const text =
      '# mine\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: 10.96.0.50\n';
    expect(readManifestFile(text)).toEqual({
      text,
      dump: false,
      removed: {},
      controllerSlices: 0,
      keptPodStatus: 0,
      objects: 1,
    });
  });

  it('cleans each document of a multi-document dump and keeps comments', () => {
    const text =
      '# exported\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  resourceVersion: "1"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  resourceVersion: "2"\n';
    const r = readManifestFile(text);
    expect(r.removed).toEqual({ resourceVersion: 2 });
    expect(r.text).toBe(
      '# exported\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n',
    );
  });

  it('leaves out a controller-written EndpointSlice given as a document of its own, keeps a hand-written one', () => {
    const slice = (name: string, managedBy: string) =>
      `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ${name}\n  uid: u-${name}\n  labels:\n    kubernetes.io/service-name: web\n    endpointslice.kubernetes.io/managed-by: ${managedBy}\naddressType: IPv4\nendpoints: []\n`;
    const r = readManifestFile(`${slice('a', 'endpointslice-controller.k8s.io')}---\n${slice('b', 'me')}`);
    expect(r.controllerSlices).toBe(1);
    expect(r.text).not.toContain('name: a');
    expect(
      r.text.startsWith('apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: b\n'),
    ).toBe(true);
  });

  it('opens a file with a typo as it is (the editor shows where)', () => {
    const text = 'kind: Service\nmetadata: [\n';
    const r = readManifestFile(text);
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe(text);
  });

  it('refuses an alias bomb, a deep document and an oversized file with the reader diagnostic', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    expect(readManifestFile(bomb.join('\n')).refused?.code).toBe('yaml.alias-limit');
    expect(readManifestFile(`a: ${'['.repeat(2000)}`).refused?.code).toBe('yaml.too-deep');
    const big = readManifestFile(`a: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
    expect(big.refused?.code).toBe('yaml.source-too-large');
    expect(big.refused?.file).toBeUndefined();
  });
});
