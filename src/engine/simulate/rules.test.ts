import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { buildNodeRules, iptablesSave, ipvsadmList, createProxyState } from '../proxy';
import { clusterChanges } from './rules-diff';
import { rulesFor } from './rules';
import { createRulesCache } from './rules-cache';

const MODES = ['iptables', 'ipvs', 'nftables'] as const;

function yaml(
  mode: string,
  opts: { webPort?: number; replicas?: number; api?: boolean; hostPort?: boolean },
) {
  const docs = [
    `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}`,
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: ${opts.replicas ?? 2}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{ containerPort: 8080${opts.hostPort ? ', hostPort: 8080' : ''} }]`,
    `apiVersion: v1
kind: Service
metadata: { name: web, namespace: default }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: ${opts.webPort ?? 80}, targetPort: 8080, nodePort: 30080 }]`,
  ];
  if (opts.api)
    docs.push(`apiVersion: v1
kind: Service
metadata: { name: api, namespace: default }
spec:
  selector: { app: web }
  ports: [{ port: 9000, targetPort: 8080 }]`);
  return docs.join('\n---\n');
}

const build = (text: string) => buildCluster([{ file: 's.yaml', text }], { seed: 1 }).cluster!;

/** One simulation world's rules, kept across the edits of a test. */
const cache = createRulesCache();
const rulesStats = cache.stats;

function printed(
  mode: string,
  cluster: Parameters<typeof buildNodeRules>[0],
  node: string,
  r = rulesFor(cache, cluster, node),
) {
  if (mode === 'nftables') return r.nftText! + iptablesSave(r);
  if (mode === 'ipvs') return iptablesSave(r) + ipvsadmList(r, createProxyState(), 0);
  return iptablesSave(r);
}

describe('rulesFor: incremental rules after an edit', () => {
  it('lists the Services whose spec or EndpointSlices changed, were added or deleted', () => {
    const a = build(yaml('iptables', {}));
    expect(clusterChanges(a, build(yaml('iptables', {})))).toEqual({ full: false, services: [] });
    expect(clusterChanges(a, build(yaml('iptables', { webPort: 81 })))).toEqual({
      full: false,
      services: ['default/web'],
    });
    expect(clusterChanges(a, build(yaml('iptables', { replicas: 3, api: true })))).toEqual({
      full: false,
      services: ['default/api', 'default/web'],
    });
    expect(clusterChanges(build(yaml('iptables', { api: true })), a).services).toEqual(['default/api']);
    expect(clusterChanges(a, build(yaml('ipvs', {})))).toEqual({ full: true, services: [] });
  });

  for (const mode of MODES)
    it(`${mode}: the updated rules print exactly what a full build prints`, () => {
      const steps = [
        yaml(mode, {}),
        yaml(mode, { webPort: 81 }),
        yaml(mode, { webPort: 81, api: true, replicas: 3 }),
        yaml(mode, { replicas: 1, hostPort: true }),
        yaml(mode, { replicas: 1 }),
      ];
      let cluster = build(steps[0]!);
      const nodes = cluster.nodes.map((n) => n.metadata.name!);
      for (const n of nodes) rulesFor(cache, cluster, n);
      for (const text of steps.slice(1)) {
        cluster = build(text);
        const before = { ...rulesStats };
        for (const n of nodes)
          expect(printed(mode, cluster, n)).toBe(printed(mode, cluster, n, buildNodeRules(cluster, n)));
        expect(rulesStats.updated - before.updated).toBe(nodes.length);
        expect(rulesStats.built - before.built).toBe(0);
      }
    });

  it('a proxy configuration change is a full build', () => {
    const a = build(yaml('iptables', {}));
    rulesFor(cache, a, 'node-1');
    const b = build(yaml('ipvs', {}));
    const before = { ...rulesStats };
    expect(rulesFor(cache, b, 'node-1').mode).toBe('ipvs');
    expect([rulesStats.built - before.built, rulesStats.updated - before.updated]).toEqual([1, 0]);
    // The previous cluster's rules were consumed or superseded: asking again gives correct rules.
    expect(iptablesSave(rulesFor(cache, a, 'node-1'))).toBe(iptablesSave(buildNodeRules(a, 'node-1')));
  });
});
