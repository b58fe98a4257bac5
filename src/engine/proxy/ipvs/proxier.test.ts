import { en } from '../../testing/render';
import { describe, expect, it } from 'vitest';
import type { ServiceSpec } from '../../k8s/objects';
import { createRng } from '../../util/rng';
import { cluster, node, slice, svc } from '../../testing/proxy-objects';
import {
  buildNodeRules,
  connectionClosed,
  createProxyState,
  evaluate,
  ipsetList,
  ipvsadmList,
} from '../index';
import { iptablesSave } from '../iptables/save';
import type { ProxyState } from '../shared/proxy-state';
import type { NodeRules } from '../shared/types';
import type { PacketIn } from '../shared/verdict';

const N1 = node('node-1', '192.168.49.2');
const N2 = node('node-2', '192.168.49.3');
const EPS = [
  { ip: '10.244.1.5', node: 'node-1', pod: 'web-a' },
  { ip: '10.244.2.6', node: 'node-2', pod: 'web-b' },
  { ip: '10.244.2.7', node: 'node-2', pod: 'web-c' },
];

function rules(scheduler: string, spec: Partial<ServiceSpec> = {}, eps = EPS): NodeRules {
  const c = cluster(
    [
      svc('default', 'web', {
        clusterIP: '10.96.0.20',
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        ...spec,
      }),
    ],
    [slice('default', 'web', eps, [{ name: 'http', port: 8080 }])],
    { mode: 'ipvs', ipvsScheduler: scheduler, clusterCIDR: '10.244.0.0/16' },
    [N1, N2],
  );
  return buildNodeRules(c, 'node-1', { randomFully: false });
}

const pkt = (src: string, srcPort: number, extra: Partial<PacketIn> = {}): PacketIn => ({
  src,
  srcPort,
  dst: '10.96.0.20',
  dstPort: 80,
  protocol: 'TCP',
  hook: 'PREROUTING',
  ...extra,
});

function picks(
  r: NodeRules,
  state: ProxyState,
  n: number,
  src = (i: number) => `10.244.1.${10 + i}`,
): string[] {
  const rng = createRng(1);
  return Array.from(
    { length: n },
    (_, i) => evaluate(r, pkt(src(i), 30000 + i), state, rng, i).endpoint?.ip ?? '-',
  );
}

describe('IPVS mode', () => {
  it('prints ipvsadm -Ln with weight 1 real servers and persistence for ClientIP', () => {
    const r = rules('rr', {
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    });
    expect(ipvsadmList(r, createProxyState())).toBe(
      `IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  10.96.0.20:80 rr persistent 10800
  -> 10.244.1.5:8080              Masq    1      0          0
  -> 10.244.2.6:8080              Masq    1      0          0
  -> 10.244.2.7:8080              Masq    1      0          0
`,
    );
  });

  it('rr cycles through the real servers in order, keeping its cursor across requests', () => {
    const state = createProxyState();
    expect(picks(rules('rr'), state, 4)).toEqual(['10.244.1.5', '10.244.2.6', '10.244.2.7', '10.244.1.5']);
  });

  it('lc prefers the server with fewest active connections; closing one frees it', () => {
    const r = rules('lc');
    const state = createProxyState();
    const rng = createRng(1);
    const v1 = evaluate(r, pkt('10.244.1.10', 1), state, rng, 0);
    const v2 = evaluate(r, pkt('10.244.1.11', 2), state, rng, 0);
    const v3 = evaluate(r, pkt('10.244.1.12', 3), state, rng, 0);
    expect([v1, v2, v3].map((v) => v.endpoint?.ip)).toEqual(['10.244.1.5', '10.244.2.6', '10.244.2.7']);
    connectionClosed(state, v2.ipvsConnection!, 1);
    const v4 = evaluate(r, pkt('10.244.1.13', 4), state, rng, 2);
    expect(v4.endpoint?.ip).toBe('10.244.2.6');
    expect(v4.candidates?.map((c) => c.state)).toEqual([
      'weight 1, active 1, inactive 0',
      'weight 1, active 0, inactive 1',
      'weight 1, active 1, inactive 0',
    ]);
    expect(ipvsadmList(r, state, 2)).toContain(
      '  -> 10.244.2.6:8080              Masq    1      1          1',
    );
  });

  it('sh sends one client to one server; dh sends every client of a VIP to one server', () => {
    const sh = picks(rules('sh'), createProxyState(), 5, () => '10.244.1.99');
    expect(new Set(sh).size).toBe(1);
    const dh = picks(rules('dh'), createProxyState(), 6);
    expect(new Set(dh).size).toBe(1);
  });

  it('persistence keeps a client on its server until the template expires', () => {
    const r = rules('rr', {
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
    });
    const state = createProxyState();
    const rng = createRng(1);
    const a = evaluate(r, pkt('10.244.1.10', 1), state, rng, 0).endpoint?.ip;
    const b = evaluate(r, pkt('10.244.1.10', 2), state, rng, 30).endpoint?.ip;
    const other = evaluate(r, pkt('10.244.1.11', 3), state, rng, 31).endpoint?.ip;
    const c = evaluate(r, pkt('10.244.1.10', 4), state, rng, 200).endpoint?.ip;
    expect(b).toBe(a);
    expect(other).not.toBe(a);
    expect(c).not.toBe(a); // template expired; rr moved on
  });

  it('masquerades off-cluster sources and NodePort traffic, not pod traffic', () => {
    const r = rules('rr', {
      type: 'NodePort',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }],
    });
    const state = createProxyState();
    const rng = createRng(1);
    expect(evaluate(r, pkt('10.244.1.10', 1), state, rng, 0).masquerade).toBe(false);
    const np = evaluate(r, pkt('203.0.113.10', 2, { dst: '192.168.49.2', dstPort: 30080 }), state, rng, 0);
    expect(np.action).toBe('dnat');
    expect(np.masquerade).toBe(true);
    expect(np.steps.map((s) => s.text)).toContain(
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
    );
  });

  it('a virtual server without real servers rejects; another port on the VIP is rejected by KUBE-IPVS-FILTER', () => {
    const empty = rules('rr', {}, []);
    const v = evaluate(empty, pkt('10.244.1.10', 1), createProxyState(), createRng(1), 0);
    expect(v.action).toBe('reject');
    expect(en(v.reason)).toContain('has no real servers');
    const r = rules('rr');
    const wrong = evaluate(r, pkt('10.244.1.10', 1, { dstPort: 81 }), createProxyState(), createRng(1), 0);
    expect(wrong.action).toBe('reject');
    expect(wrong.decidingRule?.text).toBe(
      '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable',
    );
  });

  it('writes the IPVS-mode iptables rules around the ipsets', () => {
    const text = iptablesSave(rules('rr'), { form: 'restore', builtins: false });
    expect(text).toContain(
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
    );
    expect(text).toContain('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT');
    expect(text).toContain(
      '-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE',
    );
  });

  it('hairpin: a pod reaching itself through the VIP is masqueraded by KUBE-LOOP-BACK', () => {
    const r = rules('rr');
    const v = evaluate(r, pkt('10.244.1.5', 1), createProxyState(), createRng(1), 0);
    expect(v.endpoint?.ip).toBe('10.244.1.5');
    expect(v.masquerade).toBe(true);
  });

  it("KUBE-LOOP-BACK lists only this node's endpoints, as ip,proto:port,ip", () => {
    const r = rules('rr');
    const set = r.ipvs!.ipsets.find((s) => s.name === 'KUBE-LOOP-BACK')!;
    expect(set.entries).toEqual(['10.244.1.5,tcp:8080,10.244.1.5']);
    expect(ipsetList([set])).toContain('Members:\n10.244.1.5,tcp:8080,10.244.1.5\n');
    // A pod on node-2 reaching itself is not in node-1's set: no hairpin masquerade here.
    const other = evaluate(r, pkt('10.244.2.6', 1), createProxyState(), createRng(1), 0);
    expect(other.masquerade).toBe(false);
  });
});
