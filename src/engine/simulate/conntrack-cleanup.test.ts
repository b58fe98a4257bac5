/**
 * kube-proxy's stale UDP conntrack cleanup (pkg/proxy/conntrack/cleanup.go) after a node stops: before the
 * node lifecycle controller marks its pods not ready, a resolver's retry from the same socket follows its
 * conntrack entry to the dead CoreDNS pod (glibc resolv/res_send.c send_dg keeps the socket across tries:
 * a timeout returns without closing it); once the pod is no longer a serving endpoint, kube-proxy deletes
 * the UDP entries that still point at it, and the flow's next packet is NEW again.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../messages';
import type { Packet } from '../net/packet';
import { scene } from '../testing/scene';
import { clusterAt } from '../timeline/at';
import { createCtx } from './context';
import { ctEntries } from './conntrack';
import { syncConntrack } from './conntrack-cleanup';
import { throughNode } from './node-path';
import { request } from './request';
import NODE_STOPS from '../../../docs/examples/node-stops.yaml?raw';

const DEAD_DNS = '10.244.1.2'; // node-2's CoreDNS pod in this scene

function setup() {
  const s = scene(NODE_STOPS);
  const built = { cluster: s.env.cluster, objects: s.env.objects! };
  const udp = (node: string) =>
    ctEntries(s.env.world.conntrack, node, s.env.world.clock).filter((e) => e.orig.protocol === 'UDP');
  return { s, built, udp };
}

describe('stale UDP conntrack entries after a node stops', () => {
  it('before NotReady the retry follows the entry to the dead CoreDNS pod; after, kube-proxy deletes it', () => {
    const { s, udp } = setup();
    // 30 s: node-2 stopped at 10 s, its pods are still listed (NotReady comes at 10 s + 50 s).
    const r = s.run('--at 30s curl --from pod/client -m 1 http://web/');
    const dns = r.traces![0]!.hops.filter((h) => h.phase === 'dns' && h.stage === 'kube-proxy');
    expect(dns[0]!.packet.dst).toBe(`${DEAD_DNS}:53`);
    // The second try left from the same socket: conntrack sent it the same way, no rule was asked.
    expect(dns[1]!.packet).toEqual(dns[0]!.packet);
    expect(dns[1]!.note?.id).toBe('sim.hop.conntrack');
    expect(udp('node-1').some((e) => e.reply.src === DEAD_DNS)).toBe(true);
    // The entries kube-proxy keeps: the dead pod is still a serving endpoint at 30 s.
    s.run('--at 40s node node-1 -- conntrack -L');
    expect(udp('node-1').some((e) => e.reply.src === DEAD_DNS)).toBe(true);
    // 1 m: the pod is not ready; kube-proxy's sync deletes the entries to it (the live one's stay).
    const live = udp('node-1').filter((e) => e.reply.src !== DEAD_DNS).length;
    const listed = s.run('--at 1m node node-1 -- conntrack -L -p udp');
    expect(listed.stdout).not.toContain(`src=${DEAD_DNS} `);
    expect(udp('node-1').some((e) => e.reply.src === DEAD_DNS)).toBe(false);
    expect(udp('node-1')).toHaveLength(live);
  });

  it('the flow’s next packet is NEW: the rules choose a serving pod and the hop says why', () => {
    const { s, built, udp } = setup();
    s.run('--at 30s curl --from pod/client -m 1 http://web/');
    const stale = udp('node-1').find((e) => e.reply.src === DEAD_DNS)!;
    const later = clusterAt(built, 60, 1).cluster;
    s.env.world.clock = 60;
    // The resolver's next datagram on that socket: the same tuple as the entry's first packet.
    const retry: Packet = { ...stale.orig };
    const ctx = createCtx(later, s.env.world, request({ from: 'pod/client', target: '10.96.0.10' }), 'dns');
    const out = throughNode(ctx, 'node-1', retry, 'OUTPUT', 'entry');
    expect('kind' in out).toBe(false);
    expect((out as Packet).dst).not.toBe(DEAD_DNS);
    const hop = ctx.hops.find((h) => h.stage === 'kube-proxy')!;
    expect(hop.action).toBe('dnat');
    expect(hop.note?.id).toBe('sim.hop.udpEntryCleared');
    expect(render(hop.note!, 'en')).toContain(`${DEAD_DNS}:53`);
    expect(render(hop.note!, 'en')).toContain('kube-system/kube-dns:dns');
    expect(render(hop.note!, 'ko')).toContain('서빙 엔드포인트가 아니어서');
    // Told once: the flow now has an entry of its own.
    expect(s.env.world.conntrack.cleared.get('node-1')?.size ?? 0).toBe(0);
  });

  it('syncs once per cluster state, and keeps every entry of a Service with no serving endpoint', () => {
    const { s, built, udp } = setup();
    s.run('--at 30s curl --from pod/client -m 1 http://web/');
    const before = ctEntries(s.env.world.conntrack, 'node-1', s.env.world.clock).length;
    // The same state again: nothing to do (a sync is once per cluster state and node).
    syncConntrack(s.env.world, s.env.cluster, 'node-1');
    syncConntrack(s.env.world, s.env.cluster, 'node-1');
    // A state where kube-dns has no serving endpoint at all: its entries stay (cleanup.go skips it).
    const none = clusterAt(built, 60, 1).cluster;
    const noDns = {
      ...none,
      endpointSlices: none.endpointSlices.map((sl) =>
        sl.metadata.labels?.['kubernetes.io/service-name'] === 'kube-dns'
          ? {
              ...sl,
              endpoints: (sl.endpoints ?? []).map((e) => ({
                ...e,
                conditions: { ready: false, serving: false },
              })),
            }
          : sl,
      ),
    };
    syncConntrack(s.env.world, noDns, 'node-1');
    expect(ctEntries(s.env.world.conntrack, 'node-1', s.env.world.clock)).toHaveLength(before);
    expect(udp('node-1').some((e) => e.reply.src === DEAD_DNS)).toBe(true);
  });
});
