/**
 * Data-plane benchmarks (run: npx tsx scripts/bench-trace.ts [iptables|ipvs]): a cluster of 10,000
 * Services × 10 endpoints on 3 nodes. Prints the median time of one simulate() through the 10,000-Service
 * ruleset (rule generation excluded; target < 5 ms), and the time of `curl --count 1000` to one Service
 * (HTTP/1.0, a connection per request) with its distribution, as the command sends it (a tally: each request
 * keeps its decision, not every hop) and with whole traces (-o json). The cluster also runs kube-dns with two
 * CoreDNS pods, so a request by name (`http://svc-N/`) pays for its lookup: the query's walk through
 * kube-proxy's rules to a CoreDNS pod and back. Last, `curl --count 10000` simulated and histogrammed
 * (per pod, node and zone, with the expected shares): the figure is printed, never asserted. Each count
 * runs in a fresh world (clock, conntrack, random stream) over the rules already built.
 */
import { loadavg } from 'node:os';
import { DEFAULT_CONFIG, emptyCluster, type ClusterState } from '../src/engine/cluster/state';
import type { EndpointSlice, Node, Pod, Service } from '../src/engine/k8s/objects';
import { formatIp } from '../src/engine/net/ip';
import { request } from '../src/engine/simulate/request';
import { rulesFor } from '../src/engine/simulate/rules';
import { distribution } from '../src/engine/simulate/distribution';
import { simulate, simulateMany } from '../src/engine/simulate/simulate';
import { createWorld } from '../src/engine/world';

const SERVICES = 10_000;
const ENDPOINTS = 10;
const NODES = ['node-1', 'node-2', 'node-3'];
const mode = (process.argv[2] as 'iptables' | 'ipvs' | undefined) ?? 'iptables';

function makeCluster(): ClusterState {
  const c = emptyCluster({ ...DEFAULT_CONFIG, proxy: { ...DEFAULT_CONFIG.proxy, mode } });
  c.nodes = NODES.map((name, i): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'topology.kubernetes.io/zone': i < 2 ? 'zone-a' : 'zone-b' } },
    spec: { podCIDR: `10.244.${i}.0/24` },
    status: { addresses: [{ type: 'InternalIP', address: `192.168.49.${i + 2}` }] },
  }));
  // Ten backend pods (spread over the nodes) serve every Service; one client pod on node-1.
  const pods: Pod[] = [];
  for (let p = 0; p <= ENDPOINTS; p++) {
    const node = p === ENDPOINTS ? 'node-1' : NODES[p % 3]!;
    const name = p === ENDPOINTS ? 'client' : `web-${p}`;
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: name === 'client' ? 'client' : 'web' } },
      spec: { nodeName: node, containers: [{ name: 'app', ports: [{ containerPort: 8080 }] }] },
      status: {
        phase: 'Running',
        podIP: `10.244.${NODES.indexOf(node)}.${10 + p}`,
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
  }
  // kube-dns and two CoreDNS pods (as kubeadm deploys them), so that names resolve through the rules.
  for (let d = 0; d < 2; d++)
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `coredns-${d}`, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        nodeName: NODES[d + 1]!,
        dnsPolicy: 'Default',
        containers: [
          {
            name: 'coredns',
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            ],
          },
        ],
      },
      status: {
        phase: 'Running',
        podIP: `10.244.${d + 1}.2`,
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
  c.pods = pods;
  const base = (10 << 24) | (96 << 16);
  for (let s = 0; s < SERVICES; s++) {
    const name = `svc-${s}`;
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'default' },
      spec: {
        type: s % 10 === 0 ? 'NodePort' : 'ClusterIP',
        clusterIP: formatIp(base + 11 + s), // 10.96.0.10 is kube-dns
        selector: { app: 'web' },
        ports: [
          {
            name: 'http',
            port: 80,
            targetPort: 8080,
            protocol: 'TCP',
            ...(s % 10 === 0 ? { nodePort: 30000 + s / 10 } : {}),
          },
        ],
        ...(s % 10 === 0 ? { externalTrafficPolicy: 'Cluster' as const } : {}),
      },
    };
    c.services.push(svc);
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: `${name}-x`, namespace: 'default', labels: { 'kubernetes.io/service-name': name } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: pods
        .filter((p) => p.metadata.labels?.['app'] === 'web')
        .map((p) => ({
          addresses: [p.status!.podIP!],
          conditions: { ready: true },
          nodeName: p.spec.nodeName!,
          targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name! },
        })),
    };
    c.endpointSlices.push(slice);
  }
  c.services.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      ],
    },
  });
  c.endpointSlices.push({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kube-dns-x',
      namespace: 'kube-system',
      labels: { 'kubernetes.io/service-name': 'kube-dns' },
    },
    addressType: 'IPv4',
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    ],
    endpoints: [0, 1].map((d) => ({
      addresses: [`10.244.${d + 1}.2`],
      conditions: { ready: true },
      nodeName: NODES[d + 1]!,
      targetRef: { kind: 'Pod', namespace: 'kube-system', name: `coredns-${d}` },
    })),
  });
  return c;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const cluster = makeCluster();
const world = createWorld(1);
let t0 = performance.now();
for (const n of NODES) rulesFor(world.rules, cluster, n);
console.log(
  `rule generation (${mode}, all nodes, not counted below): ${(performance.now() - t0).toFixed(0)} ms`,
);

// Warm up the topology index and the JIT.
for (let i = 0; i < 50; i++)
  simulate(
    cluster,
    world,
    request({ from: 'pod/client', target: `http://${cluster.services[i]!.spec.clusterIP}/` }),
  );

const times: number[] = [];
for (let i = 0; i < 300; i++) {
  const svc = cluster.services[(i * 7919) % SERVICES]!;
  const start = performance.now();
  const t = simulate(
    cluster,
    world,
    request({ from: 'pod/client', target: `http://${svc.spec.clusterIP}/` }),
  );
  times.push(performance.now() - start);
  if (t.outcome !== 'delivered') throw new Error(`unexpected ${t.outcome}: ${t.explanation}`);
}
const m = median(times);
console.log(
  `single trace through ${SERVICES} Services: median ${m.toFixed(3)} ms (target < 5 ms) ${m < 5 ? 'OK' : 'SLOW'}`,
);

// By name: the client's resolver asks kube-dns first (one query: the first search suffix answers).
const byName: number[] = [];
let dnsHops = 0;
for (let i = 0; i < 300; i++) {
  const svc = cluster.services[(i * 7919) % SERVICES]!;
  const start = performance.now();
  const t = simulate(cluster, world, request({ from: 'pod/client', target: `http://${svc.metadata.name}/` }));
  byName.push(performance.now() - start);
  if (t.outcome !== 'delivered') throw new Error(`unexpected ${t.outcome}: ${t.explanation}`);
  dnsHops = t.hops.filter((h) => h.phase === 'dns').length;
}
console.log(
  `single trace by name (lookup through kube-dns, then the request): median ${median(byName).toFixed(3)} ms, ${dnsHops} DNS hops`,
);

const ext = [] as number[];
for (let i = 0; i < 100; i++) {
  const start = performance.now();
  simulate(
    cluster,
    world,
    request({ from: 'external', target: `http://192.168.49.3:${30000 + (i % 1000)}/` }),
  );
  ext.push(performance.now() - start);
}
console.log(`single NodePort trace from outside: median ${median(ext).toFixed(3)} ms`);

// A fresh world for each experiment (its own clock, conntrack and random stream) that shares the rules
// already built: rule generation is timed above, not again here (a page or CLI session builds them once).
const freshWorld = (seed: number) => ({ ...createWorld(seed), rules: world.rules });
const cpuMs = (c: NodeJS.CpuUsage): string => ((c.user + c.system) / 1000).toFixed(0);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

// curl --count 1000 sends its requests as a tally (more than the page animates: each keeps its decision,
// not every hop); -o json and -v keep whole traces, as do the page's requests (up to 500).
const count1000 = (detail: 'tally' | 'full') => {
  const start = performance.now();
  const c0 = process.cpuUsage();
  const traces = simulateMany(
    cluster,
    freshWorld(2),
    request({
      from: 'pod/client',
      target: `http://${cluster.services[42]!.spec.clusterIP}/`,
      protocol: 'HTTP/1.0',
      count: 1000,
      detail,
    }),
  );
  return { traces, elapsed: performance.now() - start, cpu: process.cpuUsage(c0) };
};
const whole = count1000('full');
console.log(
  `curl --count 1000 -o json (HTTP/1.0, whole traces): ${whole.elapsed.toFixed(0)} ms, ${(whole.elapsed / 1000).toFixed(3)} ms per request (CPU ${cpuMs(whole.cpu)} ms)`,
);
const { traces, elapsed, cpu: cpu1000 } = count1000('tally');
const dist = new Map<string, number>();
for (const t of traces)
  dist.set(t.backend?.pod ?? t.outcome, (dist.get(t.backend?.pod ?? t.outcome) ?? 0) + 1);
console.log(
  `curl --count 1000 (HTTP/1.0): ${elapsed.toFixed(0)} ms, ${(elapsed / 1000).toFixed(3)} ms per request (CPU ${cpuMs(cpu1000)} ms; load ${load()})`,
);
console.log(
  `  distribution: ${[...dist.entries()]
    .sort()
    .map(([k, v]) => `${k.replace('default/', '')}=${v}`)
    .join(' ')}`,
);

// A distribution experiment at its largest (curl --count 10000): the requests, then the histogram per
// pod, node and zone with the expected shares read off each request's decision (simulate/distribution.ts).
t0 = performance.now();
const cpu0 = process.cpuUsage();
const many = simulateMany(
  cluster,
  freshWorld(3),
  request({
    from: 'pod/client',
    target: `http://${cluster.services[7]!.spec.clusterIP}/`,
    count: 10_000,
    detail: 'tally',
  }),
);
const simulated = performance.now() - t0;
const d = distribution(many, cluster);
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// CPU time beside the wall clock: on a shared machine the wall clock measures the neighbours too.
console.log(
  `10,000 requests simulated + histogrammed: ${total.toFixed(0)} ms (histogram ${(total - simulated).toFixed(0)} ms; CPU ${cpuMs(cpu)} ms; load ${load()}); χ² ${d.byPod.fit?.chiSquare.toFixed(2)} with ${d.byPod.fit?.degreesOfFreedom} degrees of freedom`,
);
