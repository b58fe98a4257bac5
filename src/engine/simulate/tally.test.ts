/**
 * A tally (`detail: 'tally'`, what a large `curl --count` sends) walks the same rules and conntrack as full
 * traces and draws the same random numbers: only the record is shorter. Each request keeps its client hop
 * (curl's -w reads it) and its load-balancing decisions (the histogram reads them).
 */
import { describe, expect, it } from 'vitest';
import { distribution } from './distribution';
import { request, type RequestInit } from './request';
import { simulateMany } from './simulate';
import { scene } from '../testing/scene';
import { createWorld } from '../world';
import { ctEntries } from './conntrack';

const YAML = `apiVersion: v1
kind: Node
metadata: { name: node-1, labels: { topology.kubernetes.io/zone: zone-a } }
status: { addresses: [{ type: InternalIP, address: 10.0.0.11 }] }
---
apiVersion: v1
kind: Node
metadata: { name: node-2, labels: { topology.kubernetes.io/zone: zone-b } }
status: { addresses: [{ type: InternalIP, address: 10.0.0.12 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-1, containers: [{ name: c, image: curlimages/curl }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  clusterIP: 10.96.0.42
  ports: [{ port: 80, targetPort: 80 }]
`;

function both(init: RequestInit) {
  const { env } = scene(YAML);
  const full = createWorld(5);
  const tally = createWorld(5);
  const a = simulateMany(env.cluster, full, request(init));
  const b = simulateMany(env.cluster, tally, request({ ...init, detail: 'tally' }));
  return { env, a, b, full, tally };
}

describe('tally: the same walk, a shorter record', () => {
  for (const [what, init] of [
    ['by address, a connection each', { from: 'pod/client', target: 'http://10.96.0.42/', count: 400 }],
    ['by name (each request looks it up)', { from: 'pod/client', target: 'http://web/', count: 200 }],
    [
      'HTTP/1.0 from a node',
      { from: 'node/node-2', target: 'http://10.96.0.42/', protocol: 'HTTP/1.0', count: 200 },
    ],
  ] as const)
    it(`${what}: same outcomes, pods, decisions, clock and conntrack`, () => {
      const { env, a, b, full, tally } = both(init);
      expect(b.map((t) => [t.outcome, t.backend?.pod])).toEqual(a.map((t) => [t.outcome, t.backend?.pod]));
      expect(tally.clock).toBe(full.clock);
      for (const node of ['node-1', 'node-2'])
        expect(ctEntries(tally.conntrack, node, tally.clock).map((e) => e.keys)).toEqual(
          ctEntries(full.conntrack, node, full.clock).map((e) => e.keys),
        );
      // The histogram reads the same decisions from either record.
      expect(distribution(b, env.cluster)).toEqual(distribution(a, env.cluster));
      for (const t of b) {
        // The client's packet, then only the hops that chose among candidates; no DNS or reply hops.
        expect(t.hops[0]!.stage).toBe('client');
        expect(t.hops.slice(1).every((h) => h.candidates !== undefined)).toBe(true);
        expect(t.hops.some((h) => h.phase === 'dns' || h.direction === 'reply')).toBe(false);
        expect(t.hops[0]!.packet).toEqual(
          a[b.indexOf(t)]!.hops.find((h) => h.stage === 'client' && h.phase !== 'dns')!.packet,
        );
      }
    });

  it('curl --count beyond the page’s 500 prints the same table and -w lines as whole traces would', () => {
    const line = (n: number) =>
      `curl --from pod/client --count ${n} -w '%{remote_ip}:%{remote_port}\\n' -o /dev/null http://10.96.0.42/`;
    const big = scene(YAML).run(line(501));
    expect(big.traces!.every((t) => t.hops.every((h) => h.stage === 'client' || h.candidates))).toBe(true);
    // -v keeps every hop (it prints each request): the same requests, so the same table and -w lines.
    const whole = scene(YAML).run(line(501).replace('curl ', 'curl -v '));
    expect(whole.traces!.some((t) => t.hops.some((h) => h.direction === 'reply'))).toBe(true);
    expect(big.stdout).toBe(whole.stdout);
    expect(big.stdout.split('\n').filter((l) => l === '10.96.0.42:80')).toHaveLength(501);
  });
});
