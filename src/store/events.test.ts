import { describe, expect, it } from 'vitest';
import { buildCluster, clusterAt, createWorld, runCommand, type Hop, type Trace } from '../engine';
import { eventsOf, filterEvents, happened, sceneEventsAt } from './events';
import { shortName } from './names';

const hop = (action: Hop['action'], rewrite: Hop['rewrite'], phase: Hop['phase'] = 'request'): Hop => ({
  stage: 'kube-proxy',
  location: 'node/node-1',
  action,
  rewrite,
  phase,
  packet: { src: '10.244.0.5:40000', dst: '10.96.0.10:80', protocol: 'TCP' },
});
const trace = (hops: Hop[]): Trace => ({
  outcome: 'delivered',
  explanation: { id: 'sim.loop', params: {} } as unknown as Trace['explanation'],
  response: null,
  backend: null,
  sourceSeenByBackend: null,
  hops,
});
const lookupThenGet = trace([
  hop('send', 'new', 'dns'),
  hop('dnat', 'dnat', 'dns'),
  hop('send', 'new'),
  hop('dnat', 'dnat'),
  hop('deliver', 'none'),
]);
const dropped = trace([hop('send', 'new'), hop('drop', 'none')]);

describe('event list', () => {
  const traces = [lookupThenGet, dropped, lookupThenGet];
  const all = eventsOf(traces);
  const filter = { hideDns: false, only: 'all' as const, focusOnly: false };

  it('lists every hop of every request in timeline order', () => {
    expect(all).toHaveLength(12);
    expect(all.slice(0, 4)).toEqual([
      { k: 0, i: 0, time: 0 },
      { k: 1, i: 0, time: 0.25 },
      { k: 2, i: 0, time: 0.5 },
      { k: 0, i: 1, time: 1 },
    ]);
    expect(all.every((e, n) => n === 0 || all[n - 1]!.time <= e.time)).toBe(true);
  });

  it('filters: hide DNS, only NAT, only drops, only the followed request', () => {
    expect(filterEvents(all, traces, { ...filter, hideDns: true }, 0)).toHaveLength(8);
    const nat = filterEvents(all, traces, { ...filter, only: 'nat' }, 0);
    expect(nat.map((e) => traces[e.k]!.hops[e.i]!.rewrite)).toEqual(['dnat', 'dnat', 'dnat', 'dnat']);
    expect(filterEvents(all, traces, { ...filter, hideDns: true, only: 'nat' }, 0)).toHaveLength(2);
    expect(filterEvents(all, traces, { ...filter, only: 'drops' }, 0)).toEqual([{ k: 1, i: 1, time: 1.25 }]);
    expect(filterEvents(all, traces, { ...filter, focusOnly: true }, 2).every((e) => e.k === 2)).toBe(true);
  });

  it('counts what the playhead has reached', () => {
    expect(happened(all, -1)).toBe(0);
    expect(happened(all, 0)).toBe(1);
    expect(happened(all, 1)).toBe(4);
    expect(happened(all, 99)).toBe(12);
    expect(happened([], 3)).toBe(0);
  });
});

describe('the scene’s events in the event list', () => {
  // A ServiceCIDR a Service still uses, deleted from the console at 30 s (the page's instant).
  const scene = `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: { name: newcidr1 }
spec: { cidrs: [10.200.0.0/24] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { clusterIP: 10.200.0.20, ports: [{ port: 80 }] }
`;
  const sources = [{ file: 'scene.yaml', text: scene }];
  const built = buildCluster(sources, { seed: 1 });
  const r = runCommand('delete servicecidr newcidr1', {
    cluster: built.cluster,
    objects: built.objects,
    world: createWorld(1),
    diagnostics: built.diagnostics,
    sources,
    json: false,
    lang: 'en',
    at: 30,
  });
  const after = buildCluster(r.sources!, { seed: 1 });
  const events = clusterAt(after, 30, 1).events;

  it('lists the ServiceCIDR’s deletion and the controller’s Terminating once the instant is reached', () => {
    expect(sceneEventsAt(events, 30).map((e) => [e.at, e.fault, e.msg.id])).toEqual([
      [30, true, 'timeline.serviceCidrDeleted'],
      [30, false, 'timeline.serviceCidrTerminating'],
    ]);
    expect(sceneEventsAt(events, 30)[1]!.msg.params).toMatchObject({ name: 'newcidr1', ips: '10.200.0.20' });
  });

  it('shows nothing before it', () => {
    expect(sceneEventsAt(events, 29)).toEqual([]);
    expect(sceneEventsAt([], 30)).toEqual([]);
  });
});

describe('shortName', () => {
  it('keeps what tells pods apart: the owner and the suffix, not the ReplicaSet hash', () => {
    expect(shortName('web-579d59c8c7-x7k2q')).toBe('web-579d…-x7k2q');
    expect(shortName('default/web-579d59c8c7-x7k2q')).toBe('web-579d…-x7k2q');
    expect(shortName('kube-system/coredns-6d555dcc4f-987kl')).toBe('kube-system/coredns-6d55…-987kl');
    expect(shortName('client')).toBe('client');
    expect(shortName('shop-api')).toBe('shop-api');
  });
  it('shortens other long names in the middle', () => {
    const s = shortName('a-very-long-service-name-for-billing', 20);
    expect(s).toHaveLength(20);
    expect(s).toMatch(/^a-very-lon.*…r-billing$/);
    expect(shortName('echo-statefulset-0')).toBe('echo-statefulset-0');
  });
});
