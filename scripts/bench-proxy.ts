/**
 * kube-proxy micro-benchmarks (run: npx tsx scripts/bench-proxy.ts): 10,000 Services × 10 endpoints on
 * 3 nodes. Prints medians for generating all nodes' rules (target < 1 s), a one-Service edit (target
 * < 20 ms), and a single evaluate() through the 10,000-Service ruleset (target < 5 ms).
 */
import { DEFAULT_CONFIG, emptyCluster, type ClusterState } from '../src/engine/cluster/state';
import type { EndpointSlice, Node, Service } from '../src/engine/k8s/objects';
import { formatIp } from '../src/engine/net/ip';
import { buildNodeRules, createProxyState, evaluate, updateNodeRules } from '../src/engine/proxy';
import type { NodeRules } from '../src/engine/proxy/types';
import { createRng } from '../src/engine/util/rng';

const SERVICES = 10_000;
const ENDPOINTS = 10;
const NODES = ['node-1', 'node-2', 'node-3'];
const mode = (process.argv[2] as 'iptables' | 'ipvs' | undefined) ?? 'iptables';

function makeCluster(): ClusterState {
  const c = emptyCluster({ ...DEFAULT_CONFIG, proxy: { ...DEFAULT_CONFIG.proxy, mode } });
  c.nodes = NODES.map((name, i): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { addresses: [{ type: 'InternalIP', address: `192.168.49.${i + 2}` }] },
  }));
  const base = (10 << 24) | (96 << 16);
  for (let s = 0; s < SERVICES; s++) {
    const name = `svc-${s}`;
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'default' },
      spec: {
        type: s % 10 === 0 ? 'NodePort' : 'ClusterIP',
        clusterIP: formatIp((base + s + 10) >>> 0),
        ports: [
          {
            name: 'http',
            port: 80,
            protocol: 'TCP',
            targetPort: 8080,
            ...(s % 10 === 0 ? { nodePort: 30000 + (s % 2767) } : {}),
          },
        ],
        ...(s % 7 === 0 ? { externalTrafficPolicy: 'Local' as const } : {}),
      },
    };
    c.services.push(svc);
    const eps = Array.from({ length: ENDPOINTS }, (_, e) => ({
      addresses: [formatIp(((10 << 24) | (244 << 16)) + s * ENDPOINTS + e)],
      conditions: { ready: true },
      nodeName: NODES[e % NODES.length]!,
      targetRef: { kind: 'Pod', namespace: 'default', name: `${name}-pod-${e}` },
    }));
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${name}-abcde`,
        namespace: 'default',
        labels: { 'kubernetes.io/service-name': name },
      },
      addressType: 'IPv4',
      endpoints: eps,
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    };
    c.endpointSlices.push(slice);
  }
  return c;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall-clock ms, and this process's CPU ms (less distorted when other processes share the cores). */
const cpu: number[] = [];
function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = f();
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return [r, performance.now() - t0];
}
const lastCpu = (n: number): string => median(cpu.slice(-n)).toFixed(1);

const cluster = makeCluster();
const builds: number[] = [];
let rules: NodeRules[] = [];
for (let i = 0; i < 3; i++) {
  const fresh = { ...cluster }; // a new object, so nothing is reused from an earlier iteration
  const [r, ms] = time(() => NODES.map((n) => buildNodeRules(fresh, n)));
  rules = r;
  builds.push(ms);
}
console.log(`mode ${mode}: ${SERVICES} Services × ${ENDPOINTS} endpoints on ${NODES.length} nodes`);
console.log(
  `generate all nodes' rules: median ${median(builds).toFixed(1)} ms (runs: ${builds.map((b) => b.toFixed(0)).join(', ')}; CPU median ${lastCpu(builds.length)} ms; target < 1000 ms)`,
);

const edits: number[] = [];
for (let i = 0; i < 9; i++) {
  const idx = 1 + i * 997;
  const next = { ...cluster, services: [...cluster.services] };
  const old = next.services[idx]!;
  next.services[idx] = { ...old, spec: { ...old.spec, sessionAffinity: i % 2 === 0 ? 'ClientIP' : 'None' } };
  const [r, ms] = time(() => updateNodeRules(rules[0]!, next, [`default/${old.metadata.name}`]));
  rules[0] = r;
  edits.push(ms);
}
console.log(
  `one-Service edit (one node): median ${median(edits).toFixed(2)} ms (CPU median ${lastCpu(edits.length)} ms; target < 20 ms)`,
);

const state = createProxyState();
const rng = createRng(1);
const evals: number[] = [];
for (let i = 0; i < 200; i++) {
  const s = (i * 4931) % SERVICES;
  const dst = formatIp(((10 << 24) | (96 << 16)) + s + 10);
  const [, ms] = time(() =>
    evaluate(
      rules[i % 3]!,
      { src: '10.244.200.3', srcPort: 40000 + i, dst, dstPort: 80, protocol: 'TCP', hook: 'PREROUTING' },
      state,
      rng,
      i,
    ),
  );
  evals.push(ms);
}
console.log(
  `single evaluate(): median ${median(evals).toFixed(3)} ms, max ${Math.max(...evals).toFixed(3)} ms (target < 5 ms)`,
);
