/**
 * Distribution experiments (`curl --count N`): the expected share is read off the decisions the requests'
 * rules made (iptables statistic cascade, IPVS rr, nftables numgen, affinity, topology hints, conntrack,
 * DROP), the observed share is what happened, and the verdict compares them.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../messages';
import type { UrlDistribution } from '../commands/types';
import { scene } from '../testing/scene';
import { fitMessage, type Histogram } from './distribution';

const NODES = ['node-1', 'node-2', 'node-3'];

const nodes = NODES.map(
  (n, i) => `apiVersion: v1
kind: Node
metadata: { name: ${n}, labels: { topology.kubernetes.io/zone: ${i < 2 ? 'zone-a' : 'zone-b'} } }
status: { addresses: [{ type: InternalIP, address: 10.0.0.${11 + i} }] }
`,
).join('---\n');

/** Three web pods, one per node, and a client on node-1. */
const pods = [
  ...NODES.map(
    (n, i) => `apiVersion: v1
kind: Pod
metadata: { name: web-${i}, labels: { app: web } }
spec: { nodeName: ${n}, containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }] }
`,
  ),
  `apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-1, containers: [{ name: c, image: curlimages/curl }] }
`,
].join('---\n');

const proxy = (mode: string): string => `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ${mode}
`;

function service(name: string, spec: string, selector = 'app: web'): string {
  return `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { ${selector} }
  ports: [{ port: 80, targetPort: 80${spec.includes('NodePort') ? `, nodePort: ${name === 'local' ? 30080 : 30081}` : ''} }]
${spec}`;
}

function experiment(docs: string[], line: string): UrlDistribution[] {
  const s = scene(docs.join('---\n'));
  const r = s.run(line);
  expect(r.distributions, `${line}: ${r.stderr}`).toBeDefined();
  return r.distributions!;
}

const byKey = (h: Histogram): Record<string, { observed: number; expected: number | null }> =>
  Object.fromEntries(h.rows.map((r) => [r.key, { observed: r.observed, expected: r.expected }]));

describe('distribution experiments: expected beside observed', () => {
  it('iptables, 3 endpoints: the statistic cascade gives 1/3 each, and 3,000 requests agree', () => {
    const [d] = experiment(
      [nodes, pods, service('web', '  clusterIP: 10.96.0.42\n')],
      'curl --from pod/client --count 3000 http://10.96.0.42/',
    );
    const rows = byKey(d!.byPod);
    expect(Object.keys(rows)).toEqual(['default/web-0', 'default/web-1', 'default/web-2']);
    for (const r of Object.values(rows)) expect(r.expected! / 3000).toBeCloseTo(1 / 3, 6);
    expect(Object.values(rows).reduce((a, r) => a + r.observed, 0)).toBe(3000);
    // Per node and per zone from the same decisions: node-1 and node-2 are zone-a.
    expect(byKey(d!.byNode)['node-2']!.expected! / 3000).toBeCloseTo(1 / 3, 6);
    expect(byKey(d!.byZone)['zone-a']!.expected! / 3000).toBeCloseTo(2 / 3, 6);
    const fit = d!.byPod.fit!;
    expect(fit.degreesOfFreedom).toBe(2);
    expect(fit.critical).toBe(5.991);
    expect(fit.chiSquare).toBeLessThan(fit.critical!); // seed 1
    expect(fitMessage(d!.byPod).id).toBe('dist.fitAgrees');
  }, 60_000);

  it('IPVS rr: each real server in turn, so expected and observed are exactly N/3', () => {
    const [d] = experiment(
      [proxy('ipvs'), nodes, pods, service('web', '  type: NodePort\n')],
      'curl --from pod/client --count 300 http://web/',
    );
    expect(byKey(d!.byPod)).toEqual({
      'default/web-0': { observed: 100, expected: 100 },
      'default/web-1': { observed: 100, expected: 100 },
      'default/web-2': { observed: 100, expected: 100 },
    });
    expect(d!.byPod.fit!.chiSquare).toBe(0);
  }, 60_000);

  it('nftables numgen: 1/3 each', () => {
    const [d] = experiment(
      [proxy('nftables'), nodes, pods, service('web', '  type: NodePort\n')],
      'curl --from pod/client --count 300 http://web/',
    );
    for (const r of d!.byPod.rows) expect(r.expected).toBeCloseTo(100, 6);
  }, 60_000);

  it('session affinity: the first request is a 1/3 draw, every later one the remembered pod', () => {
    const [sticky, plain] = experiment(
      [nodes, pods, service('sticky', '  sessionAffinity: ClientIP\n'), service('plain', '')],
      'curl --from pod/client --count 600 http://sticky/ http://plain/',
    );
    const one = sticky!.byPod.rows.find((r) => r.observed > 0)!;
    expect(one.observed).toBe(600);
    expect(one.expected).toBeCloseTo(599 + 1 / 3, 6);
    for (const r of sticky!.byPod.rows) if (r !== one) expect(r.expected).toBeCloseTo(1 / 3, 6);
    // Side by side, the same requests without affinity spread.
    expect(plain!.byPod.rows.filter((r) => r.observed > 0)).toHaveLength(3);
    expect(plain!.url).toBe('http://plain/');
  }, 60_000);

  it('keep-alive: conntrack keeps the first choice, so every later request is expected where it went', () => {
    const [d] = experiment(
      [nodes, pods, service('web', '')],
      'curl --from pod/client --keepalive --count 50 http://web/',
    );
    const one = d!.byPod.rows.find((r) => r.observed > 0)!;
    expect(one.observed).toBe(50);
    expect(one.expected).toBeCloseTo(49 + 1 / 3, 6);
  }, 60_000);

  it('externalTrafficPolicy Local on a node without a local endpoint: every request is dropped, as the rules say', () => {
    const only1 = pods.replace(/nodeName: node-[23]/g, 'nodeName: node-1');
    const [cluster, local] = experiment(
      [
        nodes,
        only1,
        service('cluster', '  type: NodePort\n'),
        service('local', '  type: NodePort\n  externalTrafficPolicy: Local\n'),
      ],
      'curl --count 100 -m 1 http://10.0.0.12:30081/ http://10.0.0.12:30080/',
    );
    expect(byKey(local!.byPod)).toEqual({ '(dropped)': { observed: 100, expected: 100 } });
    expect(fitMessage(local!.byPod).id).toBe('dist.fitOne');
    // The Cluster Service on the same node forwards to node-1's pods.
    expect(byKey(cluster!.byNode)['node-1']).toEqual({ observed: 100, expected: 100 });
  }, 60_000);

  it('topology hints: PreferSameZone keeps a zone-a client in zone-a', () => {
    const [d] = experiment(
      [nodes, pods, service('web', '  trafficDistribution: PreferSameZone\n')],
      'curl --from pod/client --count 200 http://web/',
    );
    const z = byKey(d!.byZone);
    expect(z['zone-a']).toEqual({ observed: 200, expected: 200 });
    expect(z['zone-b']).toBeUndefined();
  }, 60_000);

  it('a stopped node: kube-proxy still chooses its pod, the requests there time out', () => {
    const timeline = `apiVersion: svclab.io/v1alpha1
kind: Timeline
metadata: { name: t }
events:
  - { at: 0s, fault: NodeStopped, node: node-3 }
`;
    const [d] = experiment(
      [nodes, pods, service('web', ''), timeline],
      'curl --from pod/client --count 300 -m 1 --at 10s http://web/',
    );
    const rows = byKey(d!.byPod);
    expect(rows['default/web-2']!.observed).toBe(0);
    expect(rows['default/web-2']!.expected).toBeCloseTo(100, 6);
    expect(rows['(timeout)']!.expected).toBe(0);
    const m = fitMessage(d!.byPod);
    expect(m.id).toBe('dist.fitImpossible');
    expect(render(m, 'ko')).toContain('(timeout)');
  }, 60_000);

  it('the console table: expected beside observed per pod, node and zone, and the verdict', () => {
    const s = scene([nodes, pods, service('web', '')].join('---\n'));
    const r = s.run('curl --from pod/client --count 300 http://web/');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^BACKEND +NODE +ZONE +REQUESTS +PERCENT +EXPECTED$/);
    expect(lines[1]).toMatch(/^default\/web-0 +node-1 +zone-a +\d+ +\d+\.\d% +33\.3%$/);
    expect(r.stdout).toMatch(/\nNODE +ZONE +REQUESTS +PERCENT +EXPECTED\n/);
    expect(r.stdout).toMatch(/\nZONE +REQUESTS +PERCENT +EXPECTED\nzone-a +\d+ +\d+\.\d% +66\.7%\n/);
    expect(r.stdout).toMatch(/χ² = \d+\.\d\d with 2 degree\(s\) of freedom/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '300 requests from pod/client to http://web/ over a new connection per request',
    );
  }, 60_000);
});

describe('random draws after the DNS lookup', () => {
  /** The 0.1 % points of χ² for 2 and 16 degrees of freedom: a fixed-seed test far from flaky bounds. */
  const CHI2_001 = { 2: 13.816, 16: 39.252 };

  it('by name, the pod kube-proxy picks is independent of the lookup before it, over several seeds', () => {
    let sumFit = 0;
    let sumIndependence = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const s = scene([nodes, pods, service('web', '')].join('---\n'), seed);
      // 500: the most a --count keeps whole traces for (a larger one keeps only the decisions, not the lookup).
      const r = s.run('curl --from pod/client --count 500 http://web/');
      const fit = r.distributions![0]!.byPod.fit!;
      expect(fit.degreesOfFreedom).toBe(2);
      expect(fit.chiSquare, `seed ${seed}`).toBeLessThan(CHI2_001[2]);
      sumFit += fit.chiSquare;
      // The same stream serves the lookup's draws (source port, the CoreDNS pod, CoreDNS's shuffle)
      // and the request's: cross the CoreDNS pod that answered with the web pod chosen.
      const table = new Map<string, number>();
      const coredns = new Map<string, number>();
      const web = new Map<string, number>();
      for (const t of r.traces!) {
        const dns = t.hops.find((h) => h.phase === 'dns' && h.stage === 'dns')?.location;
        const pod = t.backend?.pod;
        expect(dns, 'each request looked the name up through CoreDNS').toMatch(/^pod\/kube-system\/coredns-/);
        expect(pod).toBeDefined();
        table.set(`${dns} ${pod}`, (table.get(`${dns} ${pod}`) ?? 0) + 1);
        coredns.set(dns!, (coredns.get(dns!) ?? 0) + 1);
        web.set(pod!, (web.get(pod!) ?? 0) + 1);
      }
      expect(coredns.size).toBe(2);
      expect(web.size).toBe(3);
      for (const [d, nd] of coredns)
        for (const [w, nw] of web) {
          const e = (nd * nw) / 500;
          sumIndependence += ((table.get(`${d} ${w}`) ?? 0) - e) ** 2 / e;
        }
    }
    // Eight seeds: χ² with 16 degrees of freedom each way (mean 16).
    expect(sumFit).toBeLessThan(CHI2_001[16]);
    expect(sumIndependence).toBeLessThan(CHI2_001[16]);
  }, 120_000);
});
