/**
 * A distribution experiment: how N requests spread over pods, nodes and zones, beside the share the rules
 * they walked gave each one. The expected count of a row is the sum, over the requests, of the chance the
 * request's last load-balancing decision gave it: the iptables statistic cascade's real probabilities, the
 * nftables numgen share, an IPVS scheduler's pick (rr is deterministic: chance 1), an affinity hit (chance
 * 1 for the remembered endpoint), topology hints (only the hinted endpoints are candidates). A request no
 * rule chose for (a conntrack entry kept the connection's endpoint, a DROP, no endpoints) goes where the
 * rules sent it with chance 1. So this is no second model of kube-proxy: it reads the trace's candidates.
 *
 * The expectation is conditional on the path up to that last decision (a cloud load balancer's node choice,
 * for one, is taken as it happened). Pearson's χ² compares the counts; because the requests' chances differ
 * (affinity, round robin) it is a rough guide, not an exact test.
 *
 * @example
 * const d = distribution(traces, cluster);
 * d.byPod.rows[0]; // { key: 'default/web-0', node: 'node-2', zone: 'zone-a', observed: 491, expected: 500 }
 * d.byPod.fit; // { chiSquare: 0.32, degreesOfFreedom: 1, critical: 3.841, … }
 */
import { clusterIndex } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import { msg, type Msg } from '../messages';
import type { Candidate, Hop, Trace } from '../trace';

export interface ShareRow {
  /** "default/web-0", a node, a zone, or the outcome of requests no pod answered: "(dropped)". */
  key: string;
  node: string | null;
  zone: string | null;
  observed: number;
  /** Requests the rules were expected to send here (a fraction of a request is possible); null: unknown. */
  expected: number | null;
}

export interface Fit {
  /** Pearson's χ² over the rows the rules gave a chance; Infinity when a row they never chose was chosen. */
  chiSquare: number;
  degreesOfFreedom: number;
  /** χ² at the 5 % level for these degrees of freedom (null when there are none). */
  critical: number | null;
  /** Fewer than 5 requests per row the rules gave a chance: too few for χ² to mean much. */
  fewRequests: boolean;
  /** The first row that got requests although the rules' choice gave it no chance. */
  impossible?: string;
  /** The row whose observed share is furthest from its expected share, in percentage points. */
  maxDeviation: { key: string; points: number };
}

export interface Histogram {
  rows: ShareRow[];
  /** null when some request's decision carried no chance (an ingress controller's choice). */
  fit: Fit | null;
}

export interface Distribution {
  total: number;
  byPod: Histogram;
  byNode: Histogram;
  /** Empty rows when no node has a topology.kubernetes.io/zone label. */
  byZone: Histogram;
}

/** The last load-balancing decision of the request itself (not its DNS lookup, not a reply). */
function lastDecision(t: Trace): Hop | undefined {
  for (let i = t.hops.length - 1; i >= 0; i--) {
    const h = t.hops[i]!;
    if (h.phase === 'dns' || h.direction === 'reply') continue;
    if (h.candidates && h.candidates.length > 0) return h;
  }
  return undefined;
}

function outcomeKey(t: Trace): string {
  return t.outcome === 'delivered' ? '(answered without a pod)' : `(${t.outcome})`;
}

/** The χ² value at the 5 % level for 1‥30 degrees of freedom (the standard table). */
const CRITICAL_5 = [
  3.841, 5.991, 7.815, 9.488, 11.07, 12.592, 14.067, 15.507, 16.919, 18.307, 19.675, 21.026, 22.362, 23.685,
  24.996, 26.296, 27.587, 28.869, 30.144, 31.41, 32.671, 33.924, 35.172, 36.415, 37.652, 38.885, 40.113,
  41.337, 42.557, 43.773,
];

/** Beyond the table, the Wilson–Hilferty approximation (within 0.1 % there). */
function critical5(df: number): number | null {
  if (df < 1) return null;
  if (df <= CRITICAL_5.length) return CRITICAL_5[df - 1]!;
  const a = 2 / (9 * df);
  return df * (1 - a + 1.6449 * Math.sqrt(a)) ** 3;
}

function fitOf(rows: ShareRow[], total: number): Fit | null {
  if (total === 0 || rows.some((r) => r.expected === null)) return null;
  let chi = 0;
  let cells = 0;
  let impossible: string | undefined;
  let dev = { key: rows[0]?.key ?? '', points: 0 };
  for (const r of rows) {
    const e = r.expected!;
    const points = (100 * Math.abs(r.observed - e)) / total;
    if (points > dev.points + 1e-9) dev = { key: r.key, points };
    // A share of 1e-9 is iptables' printed probability rounding, not a chance the rules gave.
    if (e < 1e-6) {
      if (r.observed > 0) {
        chi = Infinity;
        impossible ??= r.key;
      }
      continue;
    }
    cells++;
    chi += (r.observed - e) ** 2 / e;
  }
  const df = Math.max(0, cells - 1);
  // Pooling small cells would hide the affinity story (one pod expected, the others a third of a
  // request each); the rule of thumb is applied to the average instead.
  const few = total < 5 * cells;
  return {
    chiSquare: chi,
    degreesOfFreedom: df,
    critical: critical5(df),
    fewRequests: few,
    ...(impossible !== undefined ? { impossible } : {}),
    maxDeviation: dev,
  };
}

/**
 * The verdict on a histogram, as a descriptor.
 *
 * @example fitMessage(d.byPod) // msg('dist.fitAgrees', { chi: '0.32', df: 2, critical: '5.99', … })
 */
export function fitMessage(h: Histogram): Msg {
  const f = h.fit;
  if (!f) return msg('dist.noExpected', {});
  const dev = { key: f.maxDeviation.key, points: f.maxDeviation.points.toFixed(1) };
  if (f.impossible !== undefined) return msg('dist.fitImpossible', { ...dev, where: f.impossible });
  if (f.degreesOfFreedom === 0 || f.critical === null) return msg('dist.fitOne', dev);
  const chi = f.chiSquare.toFixed(2);
  if (f.fewRequests) return msg('dist.fitFew', { ...dev, chi, df: f.degreesOfFreedom });
  const base = { ...dev, chi, df: f.degreesOfFreedom, critical: f.critical.toFixed(2) };
  return f.chiSquare <= f.critical ? msg('dist.fitAgrees', base) : msg('dist.fitDiffers', base);
}

const byKey = (a: ShareRow, b: ShareRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function histogram(rows: Map<string, ShareRow>, total: number): Histogram {
  const sorted = [...rows.values()].sort(byKey);
  return { rows: sorted, fit: fitOf(sorted, total) };
}

/**
 * Tallies `traces` per pod, node and zone with the expected counts their decisions give.
 *
 * @example distribution(simulateMany(cluster, world, req), cluster).byNode.rows.map((r) => r.key) // ["node-1", "node-2"]
 */
export function distribution(traces: readonly Trace[], cluster: ClusterState): Distribution {
  const ix = clusterIndex(cluster);
  const podNodes = new Map<string, string | null>();
  const nodeOfPod = (pod: string): string | null => {
    let n = podNodes.get(pod);
    if (n === undefined) podNodes.set(pod, (n = ix.findPod(pod)?.spec.nodeName ?? null));
    return n;
  };
  const zoneOf = (node: string | null): string | null => (node ? (ix.node(node)?.zone ?? null) : null);
  const pods = new Map<string, ShareRow>();
  const nodes = new Map<string, ShareRow>();
  const zones = new Map<string, ShareRow>();
  let unknown = false;
  const row = (m: Map<string, ShareRow>, key: string, node: string | null, zone: string | null): ShareRow => {
    let r = m.get(key);
    if (!r) m.set(key, (r = { key, node, zone, observed: 0, expected: 0 }));
    return r;
  };
  const bump = (r: ShareRow, observed: number, expected: number): void => {
    r.observed += observed;
    r.expected! += expected;
  };
  const add = (key: string, node: string | null, observed: number, expected: number): void => {
    const zone = zoneOf(node);
    const outcome = key.startsWith('(');
    bump(row(pods, key, node, zone), observed, expected);
    const nk = outcome ? key : (node ?? '-');
    bump(row(nodes, nk, outcome ? null : node, outcome ? null : zone), observed, expected);
    const zk = outcome ? key : (zone ?? '-');
    bump(row(zones, zk, null, outcome ? null : zone), observed, expected);
  };
  const candidateKey = (c: Candidate): { key: string; node: string | null } => {
    const key = c.pod ?? c.endpoint;
    return { key, node: c.node ?? (c.pod ? nodeOfPod(c.pod) : null) };
  };
  for (const t of traces) {
    const key = t.backend ? t.backend.pod : outcomeKey(t);
    add(key, t.backend ? nodeOfPod(t.backend.pod) : null, 1, 0);
    const d = lastDecision(t);
    if (!d) {
      add(key, t.backend ? nodeOfPod(t.backend.pod) : null, 0, 1);
      continue;
    }
    const cands = d.candidates!;
    if (cands.some((c) => c.probability === undefined)) {
      unknown = true;
      continue;
    }
    for (const c of cands) {
      const k = candidateKey(c);
      add(k.key, k.node, 0, c.probability!);
    }
  }
  const total = traces.length;
  if (unknown) for (const m of [pods, nodes, zones]) for (const r of m.values()) r.expected = null;
  const anyZone = [...pods.values()].some((r) => r.zone !== null);
  return {
    total,
    byPod: histogram(pods, total),
    byNode: histogram(nodes, total),
    byZone: anyZone ? histogram(zones, total) : { rows: [], fit: null },
  };
}
