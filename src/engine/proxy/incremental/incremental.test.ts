/**
 * updateNodeRules must give exactly what a full build gives (same iptables-save, ipvsadm, ipset and nft
 * text, same traces) for every kind of edit, in all three proxy modes, on every node; and updating one
 * node must not disturb another node built from the same cluster (they share fragments).
 */
import { describe, expect, it } from 'vitest';
import type { ClusterConfig, ClusterState } from '../../cluster/state';
import type { Service } from '../../k8s/objects';
import { createRng } from '../../util/rng';
import {
  cluster,
  node,
  overallCluster,
  slice,
  svc,
  TEST_NODE,
  TEST_NODE_IP,
} from '../../testing/proxy-objects';
import {
  buildNodeRules,
  createProxyMemo,
  createProxyState,
  evaluate,
  iptablesSave,
  ipsetList,
  ipvsadmList,
  nftListRuleset,
  updateNodeRules,
} from '../index';
import { sepChainName, serviceChainNames } from '../shared/hash';
import type { NodeRules } from '../shared/types';

const NODE_B = 'node-b';
const MODES = ['iptables', 'ipvs', 'nftables'] as const;

/** kube-proxy's TestOverallIPTablesRules cluster on two nodes, plus Local and multi-port Services. */
function base(mode: ClusterConfig['proxy']['mode']): ClusterState {
  const c = overallCluster({ mode });
  const extra = cluster(
    [
      svc('ns7', 'local', {
        type: 'NodePort',
        externalTrafficPolicy: 'Local',
        clusterIP: '172.30.0.47',
        ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 3007 }],
      }),
      // Shares svc4's external IP and port: IPVS and nftables keep one virtual server / map element per key.
      svc('ns9', 'twin', {
        clusterIP: '172.30.0.49',
        externalIPs: ['192.168.99.33'],
        ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
      }),
      svc('ns8', 'multi', {
        clusterIP: '172.30.0.48',
        ports: [
          { name: 'a', port: 80, protocol: 'TCP' },
          { name: 'b', port: 53, protocol: 'UDP' },
        ],
      }),
    ],
    [
      slice(
        'ns7',
        'local',
        [
          { ip: '10.180.1.1', node: TEST_NODE },
          { ip: '10.180.1.2', node: NODE_B },
        ],
        [{ name: 'http', port: 8080 }],
      ),
      slice('ns9', 'twin', [{ ip: '10.180.4.1', node: NODE_B }], [{ name: 'p80', port: 80 }]),
      slice(
        'ns8',
        'multi',
        [{ ip: '10.180.2.1', node: NODE_B }, { ip: '10.180.2.2' }],
        [
          { name: 'a', port: 8080 },
          { name: 'b', port: 5353, protocol: 'UDP' },
        ],
      ),
    ],
  );
  c.services = [...c.services, ...extra.services];
  c.endpointSlices = [...c.endpointSlices, ...extra.endpointSlices];
  c.nodes = [node(TEST_NODE, TEST_NODE_IP), node(NODE_B, '192.168.0.3')];
  return c;
}

function print(r: NodeRules): string {
  const parts = [iptablesSave(r), iptablesSave(r, { form: 'restore' })];
  if (r.mode === 'ipvs') parts.push(ipvsadmList(r, createProxyState()), ipsetList(r.ipvs!.ipsets));
  if (r.mode === 'nftables') parts.push(r.nftText!, nftListRuleset(r.nft!));
  return parts.join('\n');
}

/** Traces to every Service address and port from a pod and from outside, compared as verdicts. */
function traces(c: ClusterState, r: NodeRules): unknown[] {
  const out: unknown[] = [];
  const state = createProxyState();
  const rng = createRng(7);
  for (const s of c.services)
    for (const ip of [s.spec.clusterIP!, ...(s.spec.externalIPs ?? [])])
      for (const p of s.spec.ports ?? [])
        for (const src of ['10.0.0.9', '203.0.113.9'])
          out.push(
            evaluate(
              r,
              {
                src,
                srcPort: 40000,
                dst: ip,
                dstPort: p.port,
                protocol: p.protocol ?? 'TCP',
                hook: 'PREROUTING',
              },
              state,
              rng,
              0,
            ),
          );
  return out;
}

type Edit = [string, (c: ClusterState) => [ClusterState, string[]]];

const setSpec = (c: ClusterState, name: string, f: (s: Service) => Service): ClusterState => ({
  ...c,
  services: c.services.map((s) => (s.metadata.name === name ? f(s) : s)),
});

const EDITS: Edit[] = [
  [
    'change: sessionAffinity ClientIP on svc1',
    (c) => [
      setSpec(c, 'svc1', (s) => ({ ...s, spec: { ...s.spec, sessionAffinity: 'ClientIP' } })),
      ['ns1/svc1'],
    ],
  ],
  [
    'change: externalTrafficPolicy Local on svc3',
    (c) => [
      setSpec(c, 'svc3', (s) => ({ ...s, spec: { ...s.spec, externalTrafficPolicy: 'Local' } })),
      ['ns3/svc3'],
    ],
  ],
  [
    'add: a new Service with endpoints on both nodes',
    (c) => [
      {
        ...c,
        services: [
          ...c.services,
          svc('ns0', 'fresh', {
            type: 'NodePort',
            clusterIP: '172.30.0.40',
            ports: [{ name: 'p', port: 8080, protocol: 'TCP', nodePort: 3010 }],
          }),
        ],
        endpointSlices: [
          ...c.endpointSlices,
          slice(
            'ns0',
            'fresh',
            [
              { ip: '10.180.3.1', node: TEST_NODE },
              { ip: '10.180.3.2', node: NODE_B },
            ],
            [{ name: 'p', port: 80 }],
          ),
        ],
      },
      ['ns0/fresh'],
    ],
  ],
  [
    'delete: svc4 and its slice',
    (c) => [
      {
        ...c,
        services: c.services.filter((s) => s.metadata.name !== 'svc4'),
        endpointSlices: c.endpointSlices.filter((s) => s.metadata.namespace !== 'ns4'),
      },
      ['ns4/svc4'],
    ],
  ],
  [
    'endpoints: svc6 gains one, the Local Service loses its endpoint on node-b',
    (c) => [
      {
        ...c,
        endpointSlices: [
          ...c.endpointSlices.filter((s) => s.metadata.namespace !== 'ns7'),
          slice('ns6', 'svc6', [{ ip: '10.180.0.6', node: NODE_B }], [{ name: 'p80', port: 80 }]),
          slice('ns7', 'local', [{ ip: '10.180.1.1', node: TEST_NODE }], [{ name: 'http', port: 8080 }]),
        ],
      },
      ['ns6/svc6', 'ns7/local'],
    ],
  ],
  [
    'endpoints: the multi-port Service becomes not ready',
    (c) => [
      {
        ...c,
        endpointSlices: c.endpointSlices.map((s) =>
          s.metadata.namespace === 'ns8'
            ? { ...s, endpoints: (s.endpoints ?? []).map((e) => ({ ...e, conditions: { ready: false } })) }
            : s,
        ),
      },
      ['ns8/multi'],
    ],
  ],
  [
    'change: the multi-port Service loses a port; an unchanged key is listed too',
    (c) => [
      setSpec(c, 'multi', (s) => ({ ...s, spec: { ...s.spec, ports: s.spec.ports!.slice(0, 1) } })),
      ['ns8/multi', 'ns1/svc1'],
    ],
  ],
];

describe.each(MODES)('updateNodeRules in %s mode equals a full build', (mode) => {
  it('after each edit in turn, on both nodes (text and traces)', () => {
    let c = base(mode);
    // One memo for both nodes, as the simulation world keeps: they share fragments, and edits share them too.
    const memo = createProxyMemo();
    let rules = [TEST_NODE, NODE_B].map((n) => buildNodeRules(c, n, { memo }));
    for (const [label, edit] of EDITS) {
      const [next, keys] = edit(c);
      rules = rules.map((r) => updateNodeRules(r, next, keys));
      for (const r of rules) {
        const full = buildNodeRules({ ...next }, r.node); // its own memo: nothing memoised is reused
        expect(print(r), `${label} on ${r.node}`).toBe(print(full));
        expect(traces(next, r), `${label} on ${r.node}`).toEqual(traces(next, full));
      }
      c = next;
    }
  });

  it('updating one node leaves another node built from the same cluster as it was', () => {
    const c = base(mode);
    const memo = createProxyMemo();
    const a = buildNodeRules(c, TEST_NODE, { memo });
    const b = buildNodeRules(c, NODE_B, { memo });
    const before = print(b);
    let cur = c;
    let updated = a;
    for (const [, edit] of EDITS) {
      const [next, keys] = edit(cur);
      updated = updateNodeRules(updated, next, keys);
      cur = next;
    }
    expect(print(updated)).toBe(print(buildNodeRules({ ...cur }, TEST_NODE)));
    expect(print(b)).toBe(before);
    expect(print(b)).toBe(print(buildNodeRules({ ...c }, NODE_B)));
  });
});

describe('iptables: a long KUBE-SERVICES keeps its lookup through edits', () => {
  it('walks as a full build after each edit, with the lookup carried over, not made again', () => {
    // 30 more Services: KUBE-SERVICES is long enough to be indexed (chain-index.ts).
    const filler = cluster(
      Array.from({ length: 30 }, (_, i) =>
        svc('fill', `f${i}`, {
          clusterIP: `172.30.1.${i}`,
          ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
        }),
      ),
      Array.from({ length: 30 }, (_, i) =>
        slice('fill', `f${i}`, [{ ip: `10.180.9.${i}` }], [{ name: 'p80', port: 80 }]),
      ),
    );
    let c = base('iptables');
    c.services = [...c.services, ...filler.services];
    c.endpointSlices = [...c.endpointSlices, ...filler.endpointSlices];
    let rules = buildNodeRules(c, TEST_NODE, { memo: createProxyMemo() });
    expect(rules.nat.byName.get('KUBE-SERVICES')!.index).toBeDefined();
    traces(c, rules); // the per-destination answers exist before the first edit
    for (const [label, edit] of EDITS) {
      const [next, keys] = edit(c);
      const index = rules.nat.byName.get('KUBE-SERVICES')!.index;
      rules = updateNodeRules(rules, next, keys);
      expect(rules.nat.byName.get('KUBE-SERVICES')!.index, label).toBe(index);
      const full = buildNodeRules({ ...next }, TEST_NODE);
      expect(print(rules), label).toBe(print(full));
      expect(traces(next, rules), label).toEqual(traces(next, full));
      c = next;
    }
  });
});

describe('sharing between nodes', () => {
  const c = base('iptables');
  const memo = createProxyMemo();
  const a = buildNodeRules(c, TEST_NODE, { memo });
  const b = buildNodeRules(c, NODE_B, { memo });

  it('nodes share the chains of a Cluster-policy Service, and its rules in KUBE-SERVICES', () => {
    // KUBE-SVC-XPGD46QRK7WJZT7O is ns1/svc1:p80's chain in kube-proxy's TestOverallIPTablesRules.
    expect(a.nat.byName.get('KUBE-SVC-XPGD46QRK7WJZT7O')).toBeDefined();
    expect(a.nat.byName.get('KUBE-SVC-XPGD46QRK7WJZT7O')).toBe(b.nat.byName.get('KUBE-SVC-XPGD46QRK7WJZT7O'));
    const rule = (r: NodeRules) =>
      r.nat.byName.get('KUBE-SERVICES')!.rules.find((x) => x.service === 'ns1/svc1:p80');
    expect(rule(a)).toBe(rule(b));
  });

  it('each node has its own KUBE-SVL for a Local-policy Service, listing its own endpoint', () => {
    const svl = serviceChainNames('ns7/local:http', 'tcp').svl;
    const targets = (r: NodeRules) =>
      r.nat.byName
        .get(svl)!
        .rules.map((x) => r.nat.byName.get((x.target as { chain: string }).chain)!.endpoint!.ip);
    expect(targets(a)).toEqual(['10.180.1.1']);
    expect(targets(b)).toEqual(['10.180.1.2']);
  });

  it('finds a KUBE-SEP chain by name before any walk has built its Service', () => {
    const fresh = buildNodeRules({ ...c }, TEST_NODE);
    expect(sepChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
    expect(fresh.nat.byName.has('KUBE-SEP-SXIVWICOYRO3J4NJ')).toBe(true);
    expect(fresh.nat.byName.get('KUBE-SEP-SXIVWICOYRO3J4NJ')!.endpoint).toEqual({
      ip: '10.180.0.1',
      port: 80,
    });
    expect(fresh.nat.byName.get('KUBE-SEP-AAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(fresh.nat.byName.has('KUBE-SEP-AAAAAAAAAAAAAAAA')).toBe(false);
  });
});

describe('large-cluster mode', () => {
  it('an edit that crosses 1000 endpoints drops the endpoint comments, as a full build does', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.181.${i >> 8}.${i & 255}` }));
    const c0 = cluster(
      [svc('big', 'svc', { clusterIP: '172.30.9.9', ports: [{ name: 'p', port: 80, protocol: 'TCP' }] })],
      [slice('big', 'svc', many(1000), [{ name: 'p', port: 80 }])],
    );
    const r0 = buildNodeRules(c0, TEST_NODE);
    expect(r0.largeClusterMode).toBe(false);
    const c1 = { ...c0, endpointSlices: [slice('big', 'svc', many(1001), [{ name: 'p', port: 80 }])] };
    const r1 = updateNodeRules(r0, c1, ['big/svc']);
    expect(r1.largeClusterMode).toBe(true);
    expect(iptablesSave(r1)).toBe(iptablesSave(buildNodeRules({ ...c1 }, TEST_NODE)));
    expect(iptablesSave(r1)).not.toContain('big/svc:p -> ');
  });
});
