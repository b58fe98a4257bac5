/**
 * matchLabelKeys as a 1.36 API server treats them (k8s/label-key-merge.ts): at pod creation the strategy's
 * PrepareForCreate merges each key the pod carries into the term's labelSelector as `key In [value]`
 * (topologySpreadConstraints: KEP-3243's MatchLabelKeysInPodTopologySpreadSelectorMerge, on since 1.33;
 * pod (anti-)affinity: MatchLabelKeysInPodAffinity, mismatchLabelKeys as `NotIn`). The Deployment's
 * template keeps what the user wrote; each pod shows the merged selector. Before, the pods showed the
 * selector unmerged.
 */
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './cli.test-helper';

const tmp = tempDir('svclab-match-label-keys-');
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web, tenant: a } }
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: DoNotSchedule
          labelSelector: { matchLabels: { app: web } }
          matchLabelKeys: [pod-template-hash]
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 10
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector: { matchLabels: { app: web } }
                mismatchLabelKeys: [tenant]
      containers: [{ name: web, image: nginx }]
`;

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values: string[] }[];
}
interface PodJson {
  metadata: { labels: Record<string, string> };
  spec: {
    topologySpreadConstraints: { labelSelector: Selector; matchLabelKeys: string[] }[];
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: { podAffinityTerm: { labelSelector: Selector } }[];
      };
    };
  };
}

describe('matchLabelKeys merged into the selectors at pod creation', () => {
  const scene = tmp.file(DEPLOYMENT);
  it('each pod spreads among its own ReplicaSet’s pods: pod-template-hash In [its hash]; mismatchLabelKeys NotIn', async () => {
    const r = await run('-f', scene, 'get', 'pods', '-l', 'app=web', '-o', 'json');
    const pods = (JSON.parse(r.out) as { items: PodJson[] }).items;
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      const hash = p.metadata.labels['pod-template-hash']!;
      expect(hash).toMatch(/^[a-z0-9]{8,10}$/);
      expect(p.spec.topologySpreadConstraints[0]!.labelSelector).toEqual({
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'pod-template-hash', operator: 'In', values: [hash] }],
      });
      expect(p.spec.topologySpreadConstraints[0]!.matchLabelKeys).toEqual(['pod-template-hash']);
      expect(
        p.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]!.podAffinityTerm
          .labelSelector,
      ).toEqual({
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tenant', operator: 'NotIn', values: ['a'] }],
      });
    }
  });
  it('the Deployment’s template keeps the selector as written, and the scene is valid', async () => {
    const d = (await run('-f', scene, 'get', 'deploy', 'web', '-o', 'yaml')).out;
    expect(d).not.toContain('matchExpressions');
    const v = await run('-f', scene, 'validate');
    expect([v.code, v.out]).toEqual([0, 'All objects are valid.\n']);
  });
  it('a Pod whose label is also in its matchLabels is refused once merged, as the API server refuses it', async () => {
    const pod = tmp.file(`apiVersion: v1
kind: Pod
metadata: { name: one, labels: { app: web } }
spec:
  topologySpreadConstraints:
    - { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } }, matchLabelKeys: [app] }
  containers: [{ name: web, image: nginx }]
`);
    const r = await run('-f', pod, 'validate');
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'spec.topologySpreadConstraints[0][0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector',
    );
  });
});
