import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { buildNodeRules, createProxyState, evaluate } from './index';
import { overallCluster, TEST_NODE, TEST_NODE_IP } from '../testing/proxy-objects';
import type { PacketIn, ProxyVerdict } from './shared/verdict';

const rules = buildNodeRules(overallCluster(), TEST_NODE);

function flow(src: string, dst: string, dstPort: number, extra: Partial<PacketIn> = {}): ProxyVerdict {
  const pkt: PacketIn = { src, srcPort: 40000, dst, dstPort, protocol: 'TCP', hook: 'PREROUTING', ...extra };
  return evaluate(rules, pkt, createProxyState(), createRng(7), 0);
}

/** kube-proxy's packet-flow test output: "ip:port[, ip:port]" (all possible endpoints), DROP or REJECT. */
function output(v: ProxyVerdict): string {
  if (v.action === 'drop') return 'DROP';
  if (v.action === 'reject') return 'REJECT';
  if (v.action !== 'dnat') return v.packet.dst;
  return (v.candidates ?? [])
    .filter((c) => (c.probability ?? 0) > 0)
    .map((c) => c.endpoint)
    .join(', ');
}

describe('evaluate: packet flows through the TestOverallIPTablesRules rules', () => {
  it.each([
    ['pod to cluster IP', '10.0.0.2', '172.30.0.41', 80, '10.180.0.1:80', false],
    ['external to cluster IP is masqueraded', '192.168.0.3', '172.30.0.41', 80, '10.180.0.1:80', true],
    ['no endpoints: REJECT', '10.0.0.2', '172.30.0.46', 80, 'REJECT', false],
    ['nodePort Cluster policy', '203.0.113.9', TEST_NODE_IP, 3003, '10.180.0.3:80', true],
    ['nodePort eTP Local without local endpoints', '203.0.113.9', TEST_NODE_IP, 3001, 'DROP', false],
    ['LB IP eTP Local from outside', '203.0.113.9', '1.2.3.4', 80, 'DROP', false],
    ['LB IP eTP Local from a pod short-circuits', '10.0.0.2', '1.2.3.4', 80, '10.180.0.2:80', false],
    ['external IP eTP Local from outside', '203.0.113.9', '192.168.99.22', 80, 'DROP', false],
    ['external IP Cluster policy', '203.0.113.9', '192.168.99.33', 80, '10.180.0.4:80, 10.180.0.5:80', true],
    ['LB source range allows', '203.0.113.1', '5.6.7.8', 80, '10.180.0.3:80', true],
    ['LB source range denies', '203.0.113.200', '5.6.7.8', 80, 'DROP', false],
    ['unknown port on a cluster IP passes untouched', '10.0.0.2', '172.30.0.41', 81, '172.30.0.41', false],
  ])('%s', (_name, src, dst, port, want, masq) => {
    const v = flow(src, dst, port);
    expect(output(v)).toBe(want);
    expect(v.masquerade).toBe(masq);
  });

  it('names the deciding rule and the cause', () => {
    const v = flow('203.0.113.9', TEST_NODE_IP, 3001);
    expect(v.decidingRule?.text).toBe(
      // The trace shows the line as iptables-save prints it on the node.
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "ns2/svc2:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 3001 -j DROP',
    );
    expect(en(v.reason)).toBe(
      'KUBE-EXTERNAL-SERVICES drops it: externalTrafficPolicy Local and no ready endpoint on test-node',
    );
    const fw = flow('203.0.113.200', '5.6.7.8', 80);
    expect(fw.steps.map((s) => s.chain)).toEqual([
      'PREROUTING',
      'KUBE-SERVICES',
      'KUBE-FW-NUKIZ6OKUXPJNT4C',
      'FORWARD',
      'KUBE-PROXY-FIREWALL',
    ]);
    expect(en(fw.reason)).toBe(
      'KUBE-PROXY-FIREWALL drops it: 203.0.113.200 is not in loadBalancerSourceRanges of ns5/svc5:p80',
    );
  });

  it('walks the DNAT path rule by rule and reports the service', () => {
    const v = flow('10.0.0.2', '172.30.0.41', 80);
    expect(v.action).toBe('dnat');
    expect(v.service).toBe('ns1/svc1:p80');
    expect(v.packet).toEqual({
      src: '10.0.0.2',
      srcPort: 40000,
      dst: '10.180.0.1',
      dstPort: 80,
      protocol: 'TCP',
    });
    expect(v.steps.map((s) => `${s.table} ${s.chain}[${s.index}]`)).toEqual([
      'nat PREROUTING[0]',
      'nat KUBE-SERVICES[0]',
      'nat KUBE-SVC-XPGD46QRK7WJZT7O[1]',
      'nat KUBE-SEP-SXIVWICOYRO3J4NJ[1]',
      'filter FORWARD[0]',
      'filter FORWARD[1]',
      'filter FORWARD[2]',
      'filter FORWARD[3]',
      'nat POSTROUTING[0]',
      'nat KUBE-POSTROUTING[0]',
    ]);
    expect(v.decidingRule?.text).toBe(
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -p tcp -m comment --comment "ns1/svc1:p80" -m tcp -j DNAT --to-destination 10.180.0.1:80',
    );
  });

  it('ICMP to a cluster IP matches nothing and says why', () => {
    const v = flow('10.0.0.2', '172.30.0.41', 0, { protocol: 'ICMP' });
    expect(v.action).toBe('none');
    expect(en(v.reason)).toContain('no rule matches ICMP to 172.30.0.41');
  });

  it('gives each of n endpoints the cascade probability 1/n', () => {
    const v = flow('203.0.113.9', '192.168.99.33', 80);
    expect(v.candidates?.map((c) => c.probability)).toEqual([0.5, 0.5]);
    expect(v.candidates?.filter((c) => c.chosen)).toHaveLength(1);
  });

  it('hairpin: an endpoint reaching its own Service is masqueraded', () => {
    const v = flow('10.180.0.1', '172.30.0.41', 80);
    expect(v.packet.dst).toBe('10.180.0.1');
    expect(v.masquerade).toBe(true);
  });

  it('a process on the node (OUTPUT) reaching an eTP Local LB IP goes to all endpoints, masqueraded', () => {
    const v = flow(TEST_NODE_IP, '1.2.3.4', 80, { hook: 'OUTPUT' });
    expect(output(v)).toBe('10.180.0.2:80');
    expect(v.masquerade).toBe(true);
  });
});

describe('evaluate: session affinity with -m recent', () => {
  it('sticks to the first endpoint for timeoutSeconds, then the list entry expires', () => {
    const state = createProxyState();
    const rng = createRng(3);
    const pkt: PacketIn = {
      src: '203.0.113.1',
      srcPort: 1,
      dst: '5.6.7.8',
      dstPort: 80,
      protocol: 'TCP',
      hook: 'PREROUTING',
    };
    const first = evaluate(rules, pkt, state, rng, 0);
    expect(first.action).toBe('dnat');
    expect(state.recent.get(TEST_NODE)?.get('KUBE-SEP-I77PXRDZVX7PMWMN')?.get('203.0.113.1')).toBe(0);
    const again = evaluate(rules, { ...pkt, srcPort: 2 }, state, rng, 100);
    expect(again.steps.some((s) => s.text.includes('--rcheck'))).toBe(true);
    expect(en(again.reason)).toContain('sessionAffinity ClientIP');
    expect(state.recent.get(TEST_NODE)?.get('KUBE-SEP-I77PXRDZVX7PMWMN')?.get('203.0.113.1')).toBe(100);
    const later = evaluate(rules, { ...pkt, srcPort: 3 }, state, rng, 100 + 10801);
    expect(later.steps.some((s) => s.text.includes('--rcheck'))).toBe(false);
  });
});
