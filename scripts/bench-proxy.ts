/**
 * kube-proxy micro-benchmarks (run: npx tsx scripts/bench-proxy.ts [iptables|ipvs|nftables]): 10,000
 * Services × 10 endpoints on 3 nodes. Prints, as wall and CPU medians:
 * - generating all nodes' rules (target < 1 s), the first (cold) run apart: each run gets a deep copy of the
 *   cluster, so nothing is reused from an earlier run;
 * - one-Service edits through updateNodeRules on every node (target < 20 ms): a spec change, an endpoint
 *   change, a new Service and a deleted one;
 * - a single evaluate() through the 10,000-Service ruleset (target < 5 ms), the first one after a build apart,
 *   and the first one after each of nine edits (the first trace a student waits for after typing).
 *
 * CPU time (process.cpuUsage: every thread of this process, GC helpers included) is steadier than wall time
 * when other processes share the cores; the load average is printed so a slow run can be told apart.
 */
import { loadavg } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { ClusterState } from '../src/engine/cluster/state';
import {
  buildNodeRules,
  createProxyMemo,
  createProxyState,
  evaluate,
  updateNodeRules,
  type NodeRules,
} from '../src/engine/proxy';
import { createRng } from '../src/engine/util/rng';
import {
  BENCH_NODES as NODES,
  benchCluster,
  benchClusterIP,
  benchService,
  benchSlice,
  type BenchMode,
} from './bench-proxy-cluster';

const SERVICES = 10_000;
const ENDPOINTS = 10;
const mode = (process.argv[2] as BenchMode | undefined) ?? 'iptables';
if (!['iptables', 'ipvs', 'nftables'].includes(mode)) throw new Error(`unknown mode ${mode}`);

const gcSpans: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcSpans.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });

interface Sample {
  wall: number;
  cpu: number;
  start: number;
  end: number;
}

function time<T>(f: () => T): [T, Sample] {
  const c0 = process.cpuUsage();
  const start = performance.now();
  const r = f();
  const end = performance.now();
  const c = process.cpuUsage(c0);
  return [r, { wall: end - start, cpu: (c.user + c.system) / 1000, start, end }];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const f = (n: number): string => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(1) : n.toFixed(0));

/** GC pause time inside the samples' windows (the observer reports asynchronously: call after a tick). */
function gcIn(samples: Sample[]): number[] {
  return samples.map((s) =>
    gcSpans.reduce((n, g) => n + Math.max(0, Math.min(g.end, s.end) - Math.max(g.start, s.start)), 0),
  );
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * One figure's line, led by PASS or MISS against its target ("< 5 ms"): the wall median decides, as the
 * target is a wait a student sees. When only the wall misses and the CPU median is within, the line says
 * so ("MISS (CPU within)"): other processes held the cores.
 */
async function report(label: string, samples: Sample[], target: string): Promise<void> {
  await tick();
  const gc = gcIn(samples);
  const wall = median(samples.map((s) => s.wall));
  const cpu = median(samples.map((s) => s.cpu));
  const limit = Number(/< ([\d.]+) ms/.exec(target)?.[1]);
  const verdict = wall < limit ? 'PASS' : cpu < limit ? 'MISS (CPU within)' : 'MISS';
  console.log(
    `${verdict}  ${label}: wall ${f(wall)} ms, CPU ${f(cpu)} ms, GC ${f(median(gc))} ms (median of ${samples.length}${samples.length <= 10 ? `; runs ${samples.map((s) => s.wall.toFixed(0)).join(', ')}` : ''}; target ${target})`,
  );
}

function withService(c: ClusterState, idx: number, spec: Partial<ClusterState['services'][number]['spec']>) {
  const services = [...c.services];
  const old = services[idx]!;
  services[idx] = { ...old, spec: { ...old.spec, ...spec } };
  return { ...c, services };
}

async function main(): Promise<void> {
  const base = benchCluster(mode, SERVICES, ENDPOINTS);
  console.log(
    `mode ${mode}: ${SERVICES} Services × ${ENDPOINTS} endpoints on ${NODES.length} nodes (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );

  const builds: Sample[] = [];
  let rules: NodeRules[] = [];
  let cluster = base;
  for (let i = 0; i < 6; i++) {
    cluster = structuredClone(base); // fresh objects: no cache keyed on an object survives from a run
    const c = cluster;
    // One memo for the nodes of a run, as the simulation world keeps one: the nodes share what they can.
    const memo = createProxyMemo();
    const [r, s] = time(() => NODES.map((n) => buildNodeRules(c, n, { memo })));
    rules = r;
    builds.push(s);
  }
  await report(`generate all nodes' rules, cold (first run)`, builds.slice(0, 1), '< 1000 ms');
  await report(`generate all nodes' rules, warm`, builds.slice(1), '< 1000 ms');

  const state = createProxyState();
  const rng = createRng(1);
  const trace = (i: number, r: NodeRules = rules[i % NODES.length]!) =>
    evaluate(
      r,
      {
        src: '10.244.200.3',
        srcPort: 40000 + i,
        dst: benchClusterIP((i * 4931) % SERVICES),
        dstPort: 80,
        protocol: 'TCP',
        hook: 'PREROUTING',
      },
      state,
      rng,
      i,
    );
  const [, firstTrace] = time(() => trace(0));
  await report('first evaluate() after a build', [firstTrace], '< 5 ms');

  // Each kind of edit, applied to every node (as the simulation does), on Services spread over the list.
  const kinds: [string, (i: number, c: ClusterState) => [ClusterState, string]][] = [
    [
      'spec change (sessionAffinity)',
      (i, c) => {
        const idx = 1 + i * 997;
        const affinity = c.services[idx]!.spec.sessionAffinity === 'ClientIP' ? 'None' : 'ClientIP';
        return [withService(c, idx, { sessionAffinity: affinity }), `default/svc-${idx}`];
      },
    ],
    [
      'endpoint change (one endpoint not ready)',
      (i, c) => {
        const idx = 3 + i * 991;
        const endpointSlices = [...c.endpointSlices];
        endpointSlices[idx] = benchSlice(idx, ENDPOINTS, i % ENDPOINTS);
        return [{ ...c, endpointSlices }, `default/svc-${idx}`];
      },
    ],
    [
      'new Service',
      (i, c) => {
        const s = SERVICES + i;
        const svc = benchService(s);
        return [
          {
            ...c,
            services: [...c.services, svc],
            endpointSlices: [...c.endpointSlices, benchSlice(s, ENDPOINTS)],
          },
          `default/svc-${s}`,
        ];
      },
    ],
    [
      'deleted Service',
      (i, c) => {
        const name = `svc-${5 + i * 983}`;
        return [
          {
            ...c,
            services: c.services.filter((s) => s.metadata.name !== name),
            endpointSlices: c.endpointSlices.filter(
              (s) => s.metadata.labels?.['kubernetes.io/service-name'] !== name,
            ),
          },
          `default/${name}`,
        ];
      },
    ],
  ];
  for (const [label, edit] of kinds) {
    const samples: Sample[] = [];
    for (let i = 0; i < 7; i++) {
      const [next, key] = edit(i, cluster);
      const [r, s] = time(() => rules.map((prev) => updateNodeRules(prev, next, [key])));
      rules = r;
      cluster = next;
      samples.push(s);
    }
    await report(`one-Service edit, all ${NODES.length} nodes: ${label}`, samples, '< 20 ms');
  }
  const [, afterEdit] = time(() => trace(1, rules[0]!));
  await report('first evaluate() after an edit', [afterEdit], '< 5 ms');

  // The first trace after each of several edits (issue 17's "first trace after an edit at 10k Services"):
  // every edit changes one Service on every node, then a request goes to a Service it did not touch, so
  // whatever the edit left to be rebuilt lazily (chain lookups, the VIP index) is paid by that trace.
  const firsts: Sample[] = [];
  for (let i = 0; i < 9; i++) {
    const idx = 7 + i * 1009;
    const affinity = cluster.services[idx]!.spec.sessionAffinity === 'ClientIP' ? 'None' : 'ClientIP';
    const next = withService(cluster, idx, { sessionAffinity: affinity });
    rules = rules.map((prev) => updateNodeRules(prev, next, [`default/svc-${idx}`]));
    cluster = next;
    firsts.push(time(() => trace(100 + i * 37, rules[i % NODES.length]!))[1]);
  }
  await report(`first evaluate() after each of 9 edits (${SERVICES} Services)`, firsts, '< 5 ms');

  const evals: Sample[] = [];
  for (let i = 1; i <= 200; i++) evals.push(time(() => trace(i))[1]);
  await report('single evaluate()', evals, '< 5 ms');
  const max = Math.max(...evals.map((e) => e.wall));
  console.log(`  evaluate() max ${f(max)} ms`);
}

await main();
