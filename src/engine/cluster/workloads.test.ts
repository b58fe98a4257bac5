import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../k8s/objects';
import { fnv32a, safeEncodeString } from './hash';
import { canonicalJSON, computeHash, expandWorkloads as expand } from './workloads';

/** The controllers' output with one { object, owner } per pod, as the tests read it. */
const expandWorkloads = (...args: Parameters<typeof expand>) => {
  const out = expand(...args);
  return {
    replicaSets: out.replicaSets,
    pods: out.podGroups.flatMap((g) => g.pods.map((object) => ({ object, owner: g.owner }))),
  };
};

const deploy = (name: string, replicas: number, image = 'nginx'): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default', uid: 'd-uid' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } },
  },
});

describe('expandWorkloads', () => {
  it('makes <deploy>-<hash> ReplicaSet and <rs>-<5 chars> pods with owner refs and labels', () => {
    const d = deploy('web', 3);
    const { replicaSets, pods } = expandWorkloads([d], [], [], 1);
    const rs = replicaSets[0]!.object;
    const hash = computeHash(d.spec.template);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: 'd-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(replicaSets[0]!.owner).toBe('Deployment/default/web');
    expect(pods).toHaveLength(3);
    for (const { object: p } of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.generateName).toBe(`web-${hash}-`);
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.metadata.ownerReferences?.[0]?.kind).toBe('ReplicaSet');
    }
    expect(new Set(pods.map((p) => p.object.metadata.name)).size).toBe(3);
  });

  it('is deterministic per seed and stable when an unrelated workload changes', () => {
    const a = expandWorkloads([deploy('web', 2), deploy('db', 1)], [], [], 7).pods.map(
      (p) => p.object.metadata.name,
    );
    const b = expandWorkloads([deploy('web', 2), deploy('db', 1, 'postgres')], [], [], 7).pods.map(
      (p) => p.object.metadata.name,
    );
    expect(b.slice(0, 2)).toEqual(a.slice(0, 2));
    expect(b[2]).not.toBe(a[2]); // db's template changed → new hash
    const c = expandWorkloads([deploy('web', 2)], [], [], 8).pods.map((p) => p.object.metadata.name);
    expect(c).not.toEqual(a.slice(0, 2));
  });

  it('never reuses the name of a pod that exists, and shares read-only parts between pods of a ReplicaSet', () => {
    const first = expandWorkloads([deploy('web', 2)], [], [], 3).pods.map((p) => p.object.metadata.name!);
    const squatter: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: first[0], namespace: 'default' },
      spec: { containers: [] },
    };
    const again = expandWorkloads([deploy('web', 2)], [], [squatter], 3).pods.map((p) => p.object);
    expect(again.map((p) => p.metadata.name)).not.toContain(first[0]);
    expect(again[0]!.metadata.name).toMatch(
      new RegExp(`^${first[0]!.slice(0, -5)}[bcdfghjklmnpqrstvwxz2456789]{5}$`),
    );
    // A pod in another namespace does not take the name.
    const other = expandWorkloads(
      [deploy('web', 2)],
      [],
      [{ ...squatter, metadata: { ...squatter.metadata, namespace: 'x' } }],
      3,
    );
    expect(other.pods[0]!.object.metadata.name).toBe(first[0]);
    const [a, b] = again;
    expect(a!.metadata.labels).toBe(b!.metadata.labels);
    expect(Object.isFrozen(a!.metadata.labels)).toBe(true);
    expect(a!.metadata.ownerReferences).toBe(b!.metadata.ownerReferences);
    expect(a!.spec.containers).toBe(b!.spec.containers);
    expect(a!.spec).not.toBe(b!.spec); // the scheduler writes nodeName per pod
    expect(a!.metadata).not.toBe(b!.metadata);
  });

  it('hashes templates independently of key order; collisionCount changes the hash', () => {
    expect(canonicalJSON({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const t = deploy('x', 1).spec.template;
    expect(computeHash(t)).toBe(computeHash(JSON.parse(JSON.stringify(t))));
    // The streaming hash equals FNV-1a over the canonical JSON text, digits safe-encoded.
    expect(computeHash(t)).toBe(safeEncodeString(String(fnv32a(canonicalJSON(t)))));
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
    // Strings that JSON escapes (quotes, backslashes, control characters, lone surrogates) and UTF-8.
    const odd = deploy('x', 1).spec.template;
    odd.metadata!.annotations = {
      'a"b': 'c\\d\n"e"',
      é: '😀 \ud800 \u0001',
      n: '',
      [`k${'é'.repeat(3)}`]: 'ünï',
    };
    odd.spec.containers[0]!.args = ['--x="1"', '', '\t'];
    expect(computeHash(odd)).toBe(safeEncodeString(String(fnv32a(canonicalJSON(odd)))));
    expect(computeHash(odd)).not.toBe(computeHash(t));
  });

  it('adopts a dumped ReplicaSet and its pods instead of duplicating them', () => {
    const d = deploy('web', 2);
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-abc',
        namespace: 'default',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'x', controller: true },
        ],
      },
      spec: { replicas: 2, template: d.spec.template },
    };
    const p: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-abc-zzzzz',
        namespace: 'default',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'y', controller: true },
        ],
      },
      spec: { containers: [] },
    };
    const out = expandWorkloads([d], [rs], [p], 1);
    expect(out.replicaSets).toEqual([]);
    expect(out.pods.map((x) => x.object.metadata.generateName)).toEqual(['web-abc-']);
  });
});
