/**
 * PodTopologySpread against upstream's own table tests (pkg/scheduler/framework/plugins/podtopologyspread:
 * filtering_test.go TestSingleConstraint, scoring_test.go TestPodTopologySpreadScore): the same nodes,
 * the same existing pods (labelled foo, selector `foo Exists`), the same expected statuses and scores.
 */
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../k8s/objects';
import {
  ERR_SPREAD,
  ERR_SPREAD_LABEL,
  labelSelectorMatcher,
  TopologySpread,
  type PlacedPod,
} from './topology-spread';

const FOO = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const HOST = 'kubernetes.io/hostname';

interface Case {
  name: string;
  /** [name, labels] of every node, in order. */
  nodes: [string, Record<string, string>][];
  /** Matching pods (label foo) already on each node; `name!` marks one terminating pod. */
  pods?: Record<string, number>;
  terminating?: string[];
  constraints: Record<string, unknown>[];
  podLabels?: Record<string, string>;
  nodeSelector?: Record<string, string>;
  /** Nodes tainted dedicated=gpu:NoSchedule. */
  tainted?: string[];
}

function build(c: Case): { spread: TopologySpread; nodes: Node[] } {
  const nodes: Node[] = c.nodes.map(([name, labels]) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: c.tainted?.includes(name)
      ? { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }
      : {},
  }));
  const on = new Map<string, PlacedPod[]>();
  for (const [node, n] of Object.entries(c.pods ?? {}))
    on.set(
      node,
      Array.from({ length: n }, () => ({ namespace: 'default', labels: { foo: '' }, terminating: false })),
    );
  for (const node of c.terminating ?? [])
    on.set(node, [...(on.get(node) ?? []), { namespace: 'default', labels: { foo: '' }, terminating: true }]);
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', labels: c.podLabels ?? { foo: '' } },
    spec: {
      containers: [{ name: 'c', image: 'pause' }],
      ...(c.nodeSelector ? { nodeSelector: c.nodeSelector } : {}),
      topologySpreadConstraints: c.constraints,
    },
  } as unknown as Pod;
  const spread = TopologySpread.of(pod, nodes, (i) => on.get(nodes[i]!.metadata.name!) ?? [])!;
  return { spread, nodes };
}

const hard = (maxSkew: number, topologyKey: string, extra: Record<string, unknown> = {}) => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: FOO,
  ...extra,
});
const soft = (maxSkew: number, topologyKey: string, labelSelector: unknown = FOO) => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'ScheduleAnyway',
  labelSelector,
});
const zones4: Case['nodes'] = [
  ['node-a', { zone: 'zone1', node: 'node-a' }],
  ['node-b', { zone: 'zone1', node: 'node-b' }],
  ['node-x', { zone: 'zone2', node: 'node-x' }],
  ['node-y', { zone: 'zone2', node: 'node-y' }],
];
const OK = undefined;
const NO = ERR_SPREAD;
const LABEL = ERR_SPREAD_LABEL;

describe('PodTopologySpread Filter (filtering_test.go TestSingleConstraint)', () => {
  const cases: [Case, (string | undefined)[]][] = [
    [{ name: 'no existing pods', nodes: zones4, constraints: [hard(1, 'zone')] }, [OK, OK, OK, OK]],
    [
      {
        name: 'pods spread across zones as 3/3, all nodes fit',
        nodes: zones4,
        pods: { 'node-a': 2, 'node-b': 1, 'node-y': 3 },
        constraints: [hard(1, 'zone')],
      },
      [OK, OK, OK, OK],
    ],
    [
      {
        name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
        nodes: [zones4[0]!, ['node-b', { zon: 'zone1', node: 'node-b' }], zones4[2]!, zones4[3]!],
        pods: { 'node-a': 1, 'node-b': 1, 'node-x': 1, 'node-y': 1 },
        constraints: [hard(1, 'zone')],
      },
      [OK, LABEL, NO, NO],
    ],
    [
      {
        name: "pod cannot be scheduled as all nodes don't have label 'rack'",
        nodes: [zones4[0]!, zones4[2]!],
        constraints: [hard(1, 'rack')],
      },
      [LABEL, LABEL],
    ],
    [
      {
        name: 'pods spread across nodes as 2/1/0/3, only node-x fits',
        nodes: zones4,
        pods: { 'node-a': 2, 'node-b': 1, 'node-y': 3 },
        constraints: [hard(1, 'node')],
      },
      [NO, NO, OK, NO],
    ],
    [
      {
        name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit',
        nodes: zones4,
        pods: { 'node-a': 2, 'node-b': 1, 'node-y': 3 },
        constraints: [hard(2, 'node')],
      },
      [NO, OK, OK, NO],
    ],
    [
      {
        name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
        nodes: zones4,
        pods: { 'node-a': 2, 'node-b': 1, 'node-y': 3 },
        constraints: [hard(1, 'node')],
        podLabels: { bar: '' },
      },
      [NO, OK, OK, NO],
    ],
    [
      {
        name: 'terminating Pods should be excluded',
        nodes: [
          ['node-a', { node: 'node-a' }],
          ['node-b', { node: 'node-b' }],
        ],
        pods: { 'node-b': 1 },
        terminating: ['node-a'],
        constraints: [hard(1, 'node')],
      },
      [OK, NO],
    ],
    [
      {
        name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits',
        nodes: [
          ['node-a', { node: 'node-a' }],
          ['node-b', { node: 'node-b' }],
          ['node-c', { node: 'node-c' }],
        ],
        pods: { 'node-a': 2, 'node-b': 2, 'node-c': 1 },
        constraints: [hard(2, 'node', { minDomains: 4 })],
      },
      [NO, NO, OK],
    ],
    [
      {
        name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit',
        nodes: zones4,
        pods: { 'node-a': 1, 'node-b': 1, 'node-y': 1 },
        constraints: [hard(2, 'zone', { minDomains: 3 })],
      },
      [NO, NO, OK, OK],
    ],
    [
      {
        name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit',
        nodes: zones4,
        pods: { 'node-a': 1, 'node-b': 1, 'node-y': 1 },
        constraints: [hard(2, 'zone', { minDomains: 1 })],
      },
      [OK, OK, OK, OK],
    ],
    [
      {
        // node-y fails the pod's nodeSelector, so its pod is not counted (1/1/0/~1~).
        name: 'NodeAffinityPolicy honored with labelSelectors',
        nodes: [
          ['node-a', { node: 'node-a', foo: '' }],
          ['node-b', { node: 'node-b', foo: '' }],
          ['node-x', { node: 'node-x', foo: '' }],
          ['node-y', { node: 'node-y' }],
        ],
        pods: { 'node-a': 1, 'node-b': 1, 'node-y': 1 },
        nodeSelector: { foo: '' },
        constraints: [hard(1, 'node')],
      },
      [NO, NO, OK, OK],
    ],
    [
      {
        name: 'NodeAffinityPolicy ignored with labelSelectors',
        nodes: [
          ['node-a', { node: 'node-a', foo: '' }],
          ['node-b', { node: 'node-b', foo: '' }],
          ['node-x', { node: 'node-x', foo: '' }],
          ['node-y', { node: 'node-y' }],
        ],
        pods: { 'node-a': 1, 'node-b': 1, 'node-y': 1 },
        nodeSelector: { foo: '' },
        constraints: [hard(1, 'node', { nodeAffinityPolicy: 'Ignore' })],
      },
      [NO, NO, OK, NO],
    ],
  ];
  for (const [c, want] of cases)
    it(c.name, () => {
      const { spread, nodes } = build(c);
      expect(nodes.map((_, i) => spread.filter(i))).toEqual(want);
    });

  it('nodeTaintsPolicy Honor leaves out a node whose taint the pod does not tolerate', () => {
    const c: Case = {
      name: 'taints',
      nodes: [
        ['node-a', { node: 'node-a' }],
        ['node-b', { node: 'node-b' }],
        ['node-c', { node: 'node-c' }],
      ],
      pods: { 'node-a': 1, 'node-b': 1 },
      tainted: ['node-c'],
      constraints: [hard(1, 'node')],
    };
    // Ignore (the default): node-c's empty domain holds the minimum at 0.
    const ignore = build(c);
    expect(ignore.nodes.map((_, i) => ignore.spread.filter(i))).toEqual([NO, NO, OK]);
    const honor = build({ ...c, constraints: [hard(1, 'node', { nodeTaintsPolicy: 'Honor' })] });
    expect(honor.nodes.map((_, i) => honor.spread.filter(i))).toEqual([OK, OK, OK]);
  });
});

describe('PodTopologySpread Score (scoring_test.go TestPodTopologySpreadScore)', () => {
  const hosts = (...names: string[]): Case['nodes'] => names.map((n) => [n, { [HOST]: n }]);
  const cases: [Case, string[] | undefined, number[]][] = [
    [
      {
        name: 'one constraint on node, no existing pods',
        nodes: hosts('node-a', 'node-b'),
        constraints: [soft(1, HOST)],
      },
      undefined,
      [100, 100],
    ],
    [
      {
        name: 'one constraint on node, only one node is candidate',
        nodes: hosts('node-a', 'node-b'),
        pods: { 'node-a': 2, 'node-b': 1 },
        constraints: [soft(1, HOST)],
      },
      ['node-a'],
      [100],
    ],
    [
      {
        name: 'one constraint on node, all 4 nodes are candidates',
        nodes: hosts('node-a', 'node-b', 'node-c', 'node-d'),
        pods: { 'node-a': 2, 'node-b': 1, 'node-d': 3 },
        constraints: [soft(1, HOST)],
      },
      undefined,
      [20, 60, 100, 0],
    ],
    [
      {
        name: 'one constraint on node, null selector',
        nodes: hosts('node-a', 'node-b', 'node-c', 'node-d'),
        pods: { 'node-a': 2, 'node-b': 1, 'node-d': 3 },
        constraints: [soft(1, HOST, null)],
      },
      undefined,
      [100, 100, 100, 100],
    ],
    [
      {
        name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
        nodes: hosts('node-a', 'node-b', 'node-c', 'node-d'),
        pods: { 'node-a': 2, 'node-b': 1, 'node-d': 3 },
        constraints: [soft(2, HOST)],
      },
      undefined,
      [33, 66, 100, 16],
    ],
    [
      {
        name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
        nodes: hosts('node-a', 'node-b', 'node-c', 'node-d'),
        pods: { 'node-a': 4, 'node-b': 3, 'node-c': 2, 'node-d': 1 },
        constraints: [soft(3, HOST)],
      },
      undefined,
      [44, 66, 77, 100],
    ],
    [
      {
        name: 'one constraint on node, 3 out of 4 nodes are candidates',
        nodes: hosts('node-a', 'node-b', 'node-x', 'node-y'),
        pods: { 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 },
        constraints: [soft(1, HOST)],
      },
      ['node-a', 'node-b', 'node-x'],
      [33, 83, 100],
    ],
    [
      {
        name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
        nodes: [['node-a', { [HOST]: 'node-a' }], ['node-b', { n: 'node-b' }], ...hosts('node-x', 'node-y')],
        pods: { 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 },
        constraints: [soft(1, HOST)],
      },
      ['node-a', 'node-b', 'node-x'],
      [16, 0, 100],
    ],
    [
      {
        name: 'one constraint on zone, 3 out of 4 nodes are candidates',
        nodes: [
          ['node-a', { zone: 'zone1', [HOST]: 'node-a' }],
          ['node-b', { zone: 'zone1', [HOST]: 'node-b' }],
          ['node-x', { zone: 'zone2', [HOST]: 'node-x' }],
          ['node-y', { zone: 'zone2', [HOST]: 'node-y' }],
        ],
        pods: { 'node-a': 4, 'node-b': 2, 'node-x': 1, 'node-y': 3 },
        constraints: [soft(1, 'zone')],
      },
      ['node-a', 'node-b', 'node-x'],
      [75, 75, 100],
    ],
    [
      {
        name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
        nodes: [
          ['node-a', { zone: 'zone1', [HOST]: 'node-a' }],
          ['node-b', { zone: 'zone1', [HOST]: 'node-b' }],
          ['node-x', { zone: 'zone2', [HOST]: 'node-x' }],
          ['node-y', { zone: 'zone2', [HOST]: 'node-y' }],
        ],
        pods: { 'node-a': 2, 'node-b': 1, 'node-x': 2, 'node-y': 4 },
        constraints: [soft(1, 'zone'), soft(1, HOST)],
      },
      ['node-a', 'node-x'],
      [100, 63],
    ],
  ];
  for (const [c, candidates, want] of cases)
    it(c.name, () => {
      const { spread, nodes } = build(c);
      const names = nodes.map((n) => n.metadata.name!);
      const feasible = (candidates ?? names).map((n) => names.indexOf(n));
      expect(spread.scores(feasible)).toEqual(want);
    });
});

describe('labelSelectorMatcher (LabelSelectorAsSelector)', () => {
  it('a missing selector matches nothing, an empty one everything; terms are ANDed', () => {
    expect(labelSelectorMatcher(undefined)({ a: '1' })).toBe(false);
    expect(labelSelectorMatcher({})({})).toBe(true);
    const m = labelSelectorMatcher({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'gone', operator: 'DoesNotExist' },
      ],
    });
    expect(m({ app: 'web' })).toBe(true);
    expect(m({ app: 'web', tier: 'db' })).toBe(false);
    expect(m({ app: 'web', gone: '' })).toBe(false);
    expect(m({ app: 'api' })).toBe(false);
  });
});
