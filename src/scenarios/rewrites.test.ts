/**
 * The inspector's rewrite labels over every scenario's suggested request (engine/simulate/rewrites.ts):
 * what each hop really did, pinned per scene, and the rules every hop of every trace obeys.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../engine/build';
import { request } from '../engine/simulate/request';
import { simulateMany } from '../engine/simulate/simulate';
import type { Hop, Trace } from '../engine/trace';
import { createWorld } from '../engine/world';
import { resolveTarget } from '../store/suggested-target';
import { scenarios, type Scenario } from './index';

const NAT = new Set(['dnat', 'snat', 'dnat+snat', 'un-nat']);

function tracesOf(s: Scenario): Trace[] {
  const { cluster } = buildCluster([{ file: s.file, text: s.yaml }], { seed: 1 });
  const raw = resolveTarget(s.request.target, cluster);
  const count = Math.min(s.request.count ?? 1, 3);
  const init = { ...s.request, target: raw, count, ...(s.lookup ? { protocol: 'DNS' as const } : {}) };
  return simulateMany(cluster, createWorld(1), request(init));
}

/** "stage:rewrite" for every hop, DNS hops marked with "dns." */
const compact = (t: Trace) =>
  t.hops.map((h) => `${h.phase === 'dns' ? 'dns.' : ''}${h.stage}:${h.rewrite}`).join(' ');

const changed = (h: Hop, prev: Hop) => h.packet.src !== prev.packet.src || h.packet.dst !== prev.packet.dst;

describe('every scenario: honest rewrite labels', () => {
  for (const s of scenarios) {
    it(`${s.id}: every hop is labelled, and only packets that changed are called rewritten`, () => {
      const traces = tracesOf(s);
      expect(traces.length).toBeGreaterThan(0);
      for (const t of traces) {
        t.hops.forEach((h, i) => {
          const prev = t.hops[i - 1];
          expect(h.rewrite, `${s.id} hop ${i}`).toBeDefined();
          if (!prev) return expect(h.rewrite).toBe('new');
          if (h.action === 'send' || h.phase !== prev.phase) expect(h.rewrite).toBe('new');
          if (h.action === 'respond') expect(h.rewrite).toBe('reply');
          if (NAT.has(h.rewrite!)) {
            expect(changed(h, prev), `${s.id} hop ${i} ${h.rewrite}`).toBe(true);
            expect(h.phase).toBe(prev.phase);
            expect(h.stage).not.toBe('ingress-controller');
          }
          if (h.rewrite === 'un-nat') expect(h.direction).toBe('reply');
          if (h.rewrite === 'none') expect(changed(h, prev)).toBe(false);
        });
      }
    });
  }

  // The first request of each scene, hop by hop: a reading of what a real cluster does.
  const expected: Record<string, string> = {
    // DNS first: the query is DNATed to a CoreDNS pod and un-NATed on the way back; then a NEW packet.
    'clusterip-three-pods':
      'dns.client:new dns.kube-proxy:dnat dns.network:none dns.node:none dns.pod:none dns.dns:reply ' +
      'dns.network:none dns.kube-proxy:un-nat dns.client:none client:new kube-proxy:dnat network:none ' +
      'node:none pod:none pod:reply network:none kube-proxy:un-nat client:none',
    // externalTrafficPolicy Local on a node without a local pod: dropped, nothing rewritten.
    'nodeport-local-vs-cluster': 'client:new network:none kube-proxy:none',
    // An IP-mode NLB without client IP preservation rewrites both addresses; it undoes both on the way back.
    'loadbalancer-ip-mode':
      'client:new cloud-lb:dnat+snat network:none node:none pod:none pod:reply network:none ' +
      'cloud-lb:un-nat client:none',
    // The CNI portmap DNAT of a hostPort, reversed by conntrack.
    'hostport-vs-nodeport':
      'client:new network:none node:dnat pod:none pod:reply kube-proxy:un-nat network:none client:none',
    // The ingress controller ends the client's connection and opens its own to the backend pod.
    ingress:
      'client:new cloud-lb:dnat network:none kube-proxy:dnat pod:none ingress-controller:proxy ' +
      'kube-proxy:none pod:none pod:reply ingress-controller:none pod:reply kube-proxy:un-nat ' +
      'network:none cloud-lb:un-nat client:none',
  };
  it('a DNS lookup of its own (the request bar\'s "DNS lookup") is labelled like any request', () => {
    const s = scenarios.find((x) => x.id === 'headless-vs-normal')!;
    expect(s.lookup).toBe(true);
    expect(compact(tracesOf(s)[0]!)).toMatch(
      /^dns\.client:new dns\.kube-proxy:dnat .* dns\.dns:reply .*dns\.kube-proxy:un-nat/,
    );
  });

  for (const [id, labels] of Object.entries(expected)) {
    it(`${id}: ${labels.split(' ').length} hops read as a real cluster does`, () => {
      const s = scenarios.find((x) => x.id === id)!;
      expect(compact(tracesOf(s)[0]!)).toBe(labels);
    });
  }
});
