import { describe, expect, it } from 'vitest';
import { nodeCommand } from '../commands/node';
import { createWorld } from '../world';
import { request } from './request';
import { simulateMany } from './simulate';
import { addApp, addService, baseCluster } from '../testing/data-plane-objects';
import { en } from '../testing/render';

function ipvsCluster(scheduler: string) {
  const c = baseCluster({ mode: 'ipvs', ipvsScheduler: scheduler });
  addApp(c, 'web', ['node-1', 'node-2', 'node-3']);
  addService(c, 'web', { clusterIP: '10.96.0.42' });
  return c;
}

function spread(
  c: ReturnType<typeof ipvsCluster>,
  n: number,
  opts: Partial<Parameters<typeof request>[0]> = {},
) {
  const ts = simulateMany(
    c,
    createWorld(1),
    request({ from: 'pod/client', target: 'http://10.96.0.42/', count: n, ...opts }),
  );
  const counts: Record<string, number> = {};
  for (const t of ts) counts[t.backend?.pod ?? t.outcome] = (counts[t.backend?.pod ?? t.outcome] ?? 0) + 1;
  return { ts, counts };
}

describe('IPVS mode through the data path', () => {
  // ~1,000 simulated requests each: fixed CPU work that took over 5 s at load average 25.
  it('rr spreads --count 999 exactly evenly over three pods', { timeout: 60_000 }, () => {
    const { counts, ts } = spread(ipvsCluster('rr'), 999);
    expect(counts).toEqual({ 'default/web-0': 333, 'default/web-1': 333, 'default/web-2': 333 });
    // Round robin: consecutive requests never hit the same pod.
    expect(ts[0]!.backend?.pod).not.toBe(ts[1]!.backend?.pod);
    expect(en(ts[0]!.explanation)).toContain('IPVS scheduler rr');
  });

  it('iptables mode instead draws at random (seeded counts)', { timeout: 60_000 }, () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-1', 'node-2', 'node-3']);
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const ts = simulateMany(
      c,
      createWorld(1),
      request({ from: 'pod/client', target: 'http://10.96.0.42/', count: 1000 }),
    );
    const counts: Record<string, number> = {};
    for (const t of ts) counts[t.backend!.pod] = (counts[t.backend!.pod] ?? 0) + 1;
    expect(counts).toEqual({ 'default/web-0': 333, 'default/web-1': 335, 'default/web-2': 332 });
    const probabilities = ts[0]!.hops
      .find((h) => h.action === 'dnat')!
      .candidates!.map((x) => x.probability!);
    expect(probabilities).toHaveLength(3);
    for (const p of probabilities) expect(p).toBeCloseTo(1 / 3, 9);
  });

  it('sh (source hashing) sends one client to one pod', () => {
    const { counts } = spread(ipvsCluster('sh'), 50);
    expect(Object.values(counts)).toEqual([50]);
  });

  it('keep-alive still pins one connection to one pod under rr', () => {
    const { counts } = spread(ipvsCluster('rr'), 30, { keepalive: true });
    expect(Object.values(counts)).toEqual([30]);
  });

  it('ipvsadm -Ln shows the virtual server and its real servers', () => {
    const c = ipvsCluster('rr');
    const env = { cluster: c, world: createWorld(1), diagnostics: [], json: false, lang: 'en' as const };
    const out = nodeCommand(['node-1', '--', 'ipvsadm', '-Ln'], env).stdout;
    expect(out).toContain('TCP  10.96.0.42:80 rr');
    expect(out).toContain('  -> 10.244.1.5:8080              Masq    1      0          0\n');
  });
});
