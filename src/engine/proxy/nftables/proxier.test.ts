import { en } from '../../testing/render';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/rng';
import { overallCluster, TEST_NODE, TEST_NODE_IP } from '../../testing/proxy-objects';
import { buildNodeRules, evaluate } from '../index';
import { nftTime, prio } from './print';
import { createProxyState } from '../shared/proxy-state';
import type { NodeRules } from '../shared/types';
import type { PacketIn } from '../shared/verdict';

/** kube-proxy's TestOverallNFTablesRules setup: nodePortAddresses 192.168.0.2/32, Service CIDR 172.30.0.0/16. */
function rules(): NodeRules {
  const c = overallCluster({ mode: 'nftables', nodePortAddresses: [`${TEST_NODE_IP}/32`] });
  c.config = { ...c.config, serviceSubnet: '172.30.0.0/16' };
  return buildNodeRules(c, TEST_NODE);
}

const chainText = (r: NodeRules, name: string): string[] => r.nft!.chains.get(name)!.rules.map((x) => x.text);

describe('nftables mode: kube-proxy TestOverallNFTablesRules', () => {
  const r = rules();

  // The expected rules of proxier_test.go, in the form `nft list ruleset` prints them (knftables writes
  // "mark set mark or 0x4000"; nft lists "meta mark set meta mark | 0x00004000"; a one-element anonymous set
  // "{ 203.0.113.0/25 }" is listed as the bare element).
  it.each([
    [
      'service-ULMVA6XW-ns1/svc1/tcp/p80',
      [
        'ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
        'numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }',
      ],
    ],
    [
      'endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80',
      ['ip saddr 10.180.0.1 jump mark-for-masquerade', 'meta l4proto tcp dnat to 10.180.0.1:80'],
    ],
    [
      'external-42NFTM6N-ns2/svc2/tcp/p80',
      [
        'ip saddr 10.0.0.0/8 goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit pod traffic"',
        'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"',
        'fib saddr type local goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit local traffic"',
      ],
    ],
    [
      'external-4AT6LBPK-ns3/svc3/tcp/p80',
      ['jump mark-for-masquerade', 'goto service-4AT6LBPK-ns3/svc3/tcp/p80'],
    ],
    [
      'service-LAUZTJTB-ns4/svc4/tcp/p80',
      [
        'ip daddr 172.30.0.44 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
        'numgen random mod 2 vmap { 0 : goto endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80, 1 : goto endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 }',
      ],
    ],
    [
      'service-HVFWP5L3-ns5/svc5/tcp/p80',
      [
        'ip daddr 172.30.0.45 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
        'ip saddr @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
        'numgen random mod 1 vmap { 0 : goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 }',
      ],
    ],
    [
      'endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
      [
        'ip saddr 10.180.0.3 jump mark-for-masquerade',
        'update @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { ip saddr }',
        'meta l4proto tcp dnat to 10.180.0.3:80',
      ],
    ],
    ['firewall-HVFWP5L3-ns5/svc5/tcp/p80', ['ip saddr != 203.0.113.0/25 drop']],
    [
      'cluster-ips-check',
      [
        'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
        'ip daddr 172.30.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"',
      ],
    ],
    [
      'masquerading',
      [
        'meta mark & 0x00004000 == 0x00000000 return',
        'meta mark set meta mark ^ 0x00004000',
        'masquerade fully-random',
      ],
    ],
    [
      'services',
      [
        'ip daddr . meta l4proto . th dport vmap @service-ips',
        'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports',
      ],
    ],
  ] as [string, string[]][])('%s', (name, want) => {
    expect(chainText(r, name)).toEqual(want);
  });

  it('no chains for svc6 (no endpoints), and no local- chain for svc2 (no local endpoint)', () => {
    const names = [...r.nft!.chains.keys()];
    expect(names.filter((n) => n.includes('ns6/svc6'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('local-'))).toEqual([]);
  });

  it('fills the verdict maps as the upstream test expects', () => {
    const els = (m: string): string[] =>
      r
        .nft!.sets.get(m)!
        .elements.map((e) => `${e.key}${e.comment ? ` comment "${e.comment}"` : ''} : ${e.verdict}`);
    expect(els('no-endpoint-services').sort()).toEqual([
      '1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop',
      '172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain',
      '192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop',
    ]);
    expect(els('no-endpoint-nodeports')).toEqual(['tcp . 3001 comment "ns2/svc2:p80" : drop']);
    expect(els('service-nodeports').sort()).toEqual([
      'tcp . 3001 : goto external-42NFTM6N-ns2/svc2/tcp/p80',
      'tcp . 3002 : goto external-HVFWP5L3-ns5/svc5/tcp/p80',
      'tcp . 3003 : goto external-4AT6LBPK-ns3/svc3/tcp/p80',
    ]);
    expect(els('firewall-ips')).toEqual(['5.6.7.8 . tcp . 80 : goto firewall-HVFWP5L3-ns5/svc5/tcp/p80']);
    expect(els('service-ips')).toContain('5.6.7.8 . tcp . 80 : goto external-HVFWP5L3-ns5/svc5/tcp/p80');
  });

  it('prints nft list ruleset blocks as nft does', () => {
    const text = r.nftText!;
    expect(
      text.startsWith(
        'table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n\tchain filter-prerouting-pre-dnat {\n',
      ),
    ).toBe(true);
    expect(text).toContain(
      '\tchain nat-prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tjump services\n\t}',
    );
    expect(text).toContain('\t\ttype filter hook output priority -110; policy accept;');
    expect(text).toContain(
      '\tset cluster-ips {\n\t\ttype ipv4_addr\n\t\tcomment "Active ClusterIPs"\n\t\telements = { 172.30.0.41, 172.30.0.42,\n\t\t\t     172.30.0.43, 172.30.0.44,\n\t\t\t     172.30.0.45, 172.30.0.46 }\n\t}',
    );
    expect(text).toContain(
      '\tset affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 {\n\t\ttype ipv4_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t}',
    );
    expect(text).toContain(
      '\tchain reject-chain {\n\t\tcomment "helper for @no-endpoint-services / @no-endpoint-nodeports"\n\t\treject\n\t}',
    );
    expect(text.endsWith('\n}\n')).toBe(true);
  });

  it('names priorities and times as nft does', () => {
    expect(prio(-110, 'prerouting')).toBe('dstnat - 10');
    expect(prio(-110, 'input')).toBe('-110');
    expect(prio(-100, 'output')).toBe('-100');
    expect(prio(100, 'postrouting')).toBe('srcnat');
    expect(prio(0, 'forward')).toBe('filter');
    expect(nftTime(10800)).toBe('3h');
    expect(nftTime(90)).toBe('1m30s');
  });
});

describe('nftables mode: packets walk the table', () => {
  const r = rules();
  const flow = (src: string, dst: string, dstPort: number, extra: Partial<PacketIn> = {}) =>
    evaluate(
      r,
      { src, srcPort: 40000, dst, dstPort, protocol: 'TCP', hook: 'PREROUTING', ...extra },
      createProxyState(),
      createRng(1),
      0,
    );

  it.each([
    ['pod to cluster IP', '10.0.0.2', '172.30.0.41', 80, 'dnat', '10.180.0.1:80', false],
    [
      'external to NodePort (Cluster policy) is masqueraded',
      '203.0.113.2',
      TEST_NODE_IP,
      3003,
      'dnat',
      '10.180.0.3:80',
      true,
    ],
    ['hairpin to own pod is masqueraded', '10.180.0.1', '172.30.0.41', 80, 'dnat', '10.180.0.1:80', true],
    ['no endpoints: rejected', '10.0.0.2', '172.30.0.46', 80, 'reject', '', false],
    [
      'Local policy, no local endpoint: NodePort dropped',
      '203.0.113.2',
      TEST_NODE_IP,
      3001,
      'drop',
      '',
      false,
    ],
    [
      'Local policy: pod traffic short-circuits to the cluster chain',
      '10.0.0.2',
      '1.2.3.4',
      80,
      'dnat',
      '10.180.0.2:80',
      false,
    ],
    ['blocked by loadBalancerSourceRanges', '203.0.113.130', '5.6.7.8', 80, 'drop', '', false],
    ['allowed by loadBalancerSourceRanges', '203.0.113.2', '5.6.7.8', 80, 'dnat', '10.180.0.3:80', true],
    ['wrong port on a ClusterIP: rejected', '10.0.0.2', '172.30.0.41', 443, 'reject', '', false],
    ['unallocated ClusterIP: dropped', '10.0.0.2', '172.30.0.50', 80, 'drop', '', false],
  ] as const)('%s', (_name, src, dst, port, action, to, masq) => {
    const v = flow(src, dst, port);
    expect(v.action).toBe(action);
    if (to) expect(`${v.packet.dst}:${v.packet.dstPort}`).toBe(to);
    expect(v.masquerade).toBe(masq);
  });

  it('names the deciding rule, the candidates and the reason', () => {
    const v = flow('10.0.0.2', '172.30.0.44', 80);
    expect(v.decidingRule?.text).toMatch(/^meta l4proto tcp dnat to 10\.180\.0\.[45]:80$/);
    expect(v.candidates?.map((c) => [c.endpoint, c.probability])).toEqual([
      ['10.180.0.4:80', 0.5],
      ['10.180.0.5:80', 0.5],
    ]);
    expect(v.service).toBe('ns4/svc4:p80');
    expect(en(v.reason)).toContain('numgen random mod 2 picked it, 1 in 2');
    const rej = flow('10.0.0.2', '172.30.0.46', 80);
    expect(en(rej.reason)).toBe(
      'no-endpoint-services sends it to reject-chain: ns6/svc6:p80 has no endpoints (no ready or serving pod matches its selector), so the client gets "connection refused"',
    );
  });

  it('ClientIP affinity: the endpoint chain adds the client to the set, later packets go straight there', () => {
    const state = createProxyState();
    const rng = createRng(3);
    const pkt: PacketIn = {
      src: '10.0.0.9',
      srcPort: 1,
      dst: '172.30.0.45',
      dstPort: 80,
      protocol: 'TCP',
      hook: 'PREROUTING',
    };
    evaluate(r, pkt, state, rng, 0);
    const again = evaluate(r, { ...pkt, srcPort: 2 }, state, rng, 100);
    expect(again.steps.some((s) => s.text.startsWith('ip saddr @affinity-'))).toBe(true);
    expect(en(again.reason)).toContain('sessionAffinity ClientIP');
    const later = evaluate(r, { ...pkt, srcPort: 3 }, state, rng, 100 + 10801);
    expect(later.steps.some((s) => s.text.startsWith('ip saddr @affinity-'))).toBe(false);
  });
});
