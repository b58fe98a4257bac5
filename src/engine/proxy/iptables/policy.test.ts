/**
 * internalTrafficPolicy and terminating-endpoint fallback, from kube-proxy's proxier_test.go
 * (TestInternalTrafficPolicy, TestTerminatingEndpointsTrafficPolicyLocal): the nat table line for line,
 * the filter verdict rules, and the packet-flow outputs.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointConditions, ServiceSpec } from '../../k8s/objects';
import { createRng } from '../../util/rng';
import { cluster, slice, svc, TEST_NODE, type EpSpec } from '../../testing/proxy-objects';
import { buildIptablesRules } from './proxier';
import { iptablesSave } from './save';
import { createProxyState, evaluate } from '../index';
import type { NodeRules } from '../shared/types';
import type { ProxyVerdict } from '../shared/verdict';

const NAT_HEAD = `*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
`;
const NAT_COMMON = `-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
`;
const TAIL =
  '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n';

function build(spec: ServiceSpec, eps: EpSpec[], lb: string[] = []): NodeRules {
  const c = cluster([svc('ns1', 'svc1', spec, lb)], [slice('ns1', 'svc1', eps, [{ name: '', port: 80 }])]);
  return buildIptablesRules(c, TEST_NODE, { randomFully: false });
}
const nat = (r: NodeRules): string => {
  const s = iptablesSave(r, { form: 'restore', builtins: false });
  return s.slice(s.indexOf('*nat'));
};
const filterRules = (r: NodeRules, chain: string): string[] =>
  r.filter.byName.get(chain)!.rules.map((x) => x.restoreText);

function out(r: NodeRules, src: string, dst: string): string {
  const v: ProxyVerdict = evaluate(
    r,
    { src, srcPort: 1234, dst, dstPort: 80, protocol: 'TCP', hook: 'PREROUTING' },
    createProxyState(),
    createRng(1),
    0,
  );
  if (v.action === 'drop') return 'DROP';
  if (v.action === 'reject') return 'REJECT';
  return (v.candidates ?? []).map((c) => c.endpoint).join(', ');
}

const ready = (ip: string, node: string): EpSpec => ({ ip, node, conditions: { ready: true } });
const cond = (ready: boolean, serving: boolean, terminating: boolean): EndpointConditions => ({
  ready,
  serving,
  terminating,
});

describe('internalTrafficPolicy (TestInternalTrafficPolicy)', () => {
  const spec = (itp: 'Cluster' | 'Local'): ServiceSpec => ({
    clusterIP: '172.30.1.1',
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
    internalTrafficPolicy: itp,
  });

  it('Local with a local endpoint: KUBE-SVL only, pod traffic hits only the local endpoint', () => {
    const r = build(spec('Local'), [
      ready('10.0.1.1', TEST_NODE),
      ready('10.0.1.2', 'host1'),
      ready('10.0.1.3', 'host2'),
    ]);
    expect(nat(r)).toBe(
      NAT_HEAD +
        `:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-3JOIVZTXZZRGORX4 - [0:0]
:KUBE-SVL-AQI2S6QIMU7PVVRP - [0:0]
-A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j KUBE-SVL-AQI2S6QIMU7PVVRP
` +
        TAIL +
        NAT_COMMON +
        `-A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -s 10.0.1.1 -j KUBE-MARK-MASQ
-A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -j KUBE-SEP-3JOIVZTXZZRGORX4
COMMIT
`,
    );
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('10.0.1.1:80');
  });

  it('Cluster: the cascade 0.3333333333, 0.5000000000, then unconditional', () => {
    const r = build(spec('Cluster'), [
      ready('10.0.1.1', TEST_NODE),
      ready('10.0.1.2', 'host1'),
      ready('10.0.1.3', 'host2'),
    ]);
    expect(r.nat.byName.get('KUBE-SVC-AQI2S6QIMU7PVVRP')!.rules.map((x) => x.restoreText)).toEqual([
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-3JOIVZTXZZRGORX4',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-IO5XOSKPAXIFQXAJ',
      '-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.3:80" -j KUBE-SEP-XGJFVO3L2O5SRFNT',
    ]);
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80');
  });

  it('Local without local endpoints: filter KUBE-SERVICES DROP, no nat chains', () => {
    const r = build(spec('Local'), [
      ready('10.0.1.1', 'host0'),
      ready('10.0.1.2', 'host1'),
      ready('10.0.1.3', 'host2'),
    ]);
    expect(filterRules(r, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1 has no local endpoints" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j DROP',
    ]);
    expect(nat(r)).toBe(
      NAT_HEAD + ':KUBE-MARK-MASQ - [0:0]\n:KUBE-POSTROUTING - [0:0]\n' + TAIL + NAT_COMMON + 'COMMIT\n',
    );
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('DROP');
  });
});

describe('terminating endpoints, eTP Local (TestTerminatingEndpointsTrafficPolicyLocal)', () => {
  const spec: ServiceSpec = {
    clusterIP: '172.30.1.1',
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Local',
    ports: [{ name: '', port: 80, protocol: 'TCP', targetPort: 80 }],
    healthCheckNodePort: 30000,
    sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
  };
  const ext = '203.0.113.200';

  it('ready endpoints exist: terminating ones are ignored', () => {
    const r = build(
      spec,
      [
        { ip: '10.0.1.1', node: TEST_NODE, conditions: cond(true, true, false) },
        { ip: '10.0.1.2', node: TEST_NODE, conditions: cond(true, true, false) },
        { ip: '10.0.1.3', node: TEST_NODE, conditions: cond(false, true, true) },
        { ip: '10.0.1.4', node: TEST_NODE, conditions: cond(false, false, true) },
        { ip: '10.0.1.5', node: 'host-1', conditions: cond(true, true, false) },
      ],
      ['1.2.3.4'],
    );
    expect(r.nat.byName.get('KUBE-SVL-AQI2S6QIMU7PVVRP')!.rules.map((x) => x.restoreText)).toEqual([
      '-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m recent --name KUBE-SEP-3JOIVZTXZZRGORX4 --rcheck --seconds 10800 --reap -j KUBE-SEP-3JOIVZTXZZRGORX4',
      '-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -m recent --name KUBE-SEP-IO5XOSKPAXIFQXAJ --rcheck --seconds 10800 --reap -j KUBE-SEP-IO5XOSKPAXIFQXAJ',
      '-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-3JOIVZTXZZRGORX4',
      '-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -j KUBE-SEP-IO5XOSKPAXIFQXAJ',
    ]);
    expect(filterRules(r, 'KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -m comment --comment "ns1/svc1 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
    ]);
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80');
    expect(out(r, ext, '1.2.3.4')).toBe('10.0.1.1:80, 10.0.1.2:80');
  });

  it('only terminating endpoints locally: KUBE-SVL falls back to serving+terminating ones', () => {
    const r = build(
      spec,
      [
        { ip: '10.0.1.2', node: TEST_NODE, conditions: cond(false, true, true) },
        { ip: '10.0.1.3', node: TEST_NODE, conditions: cond(false, true, true) },
        { ip: '10.0.1.4', node: TEST_NODE, conditions: cond(false, false, true) },
        { ip: '10.0.1.5', node: 'host-1', conditions: cond(true, true, false) },
      ],
      ['1.2.3.4'],
    );
    const chains = nat(r)
      .split('\n')
      .filter((l) => l.startsWith(':'));
    expect(chains).toEqual([
      ':KUBE-NODEPORTS - [0:0]',
      ':KUBE-SERVICES - [0:0]',
      ':KUBE-EXT-AQI2S6QIMU7PVVRP - [0:0]',
      ':KUBE-MARK-MASQ - [0:0]',
      ':KUBE-POSTROUTING - [0:0]',
      ':KUBE-SEP-EQCHZ7S2PJ72OHAY - [0:0]',
      ':KUBE-SEP-IO5XOSKPAXIFQXAJ - [0:0]',
      ':KUBE-SEP-XGJFVO3L2O5SRFNT - [0:0]',
      ':KUBE-SVC-AQI2S6QIMU7PVVRP - [0:0]',
      ':KUBE-SVL-AQI2S6QIMU7PVVRP - [0:0]',
    ]);
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('10.0.1.5:80');
    expect(out(r, ext, '1.2.3.4')).toBe('10.0.1.2:80, 10.0.1.3:80');
  });

  it('terminating endpoint on a remote node only: external traffic is dropped, pods still reach it', () => {
    const r = build(
      spec,
      [{ ip: '10.0.1.5', node: 'host-1', conditions: cond(false, true, true) }],
      ['1.2.3.4'],
    );
    expect(filterRules(r, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1 has no local endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j DROP',
    ]);
    expect(r.nat.byName.get('KUBE-EXT-AQI2S6QIMU7PVVRP')!.rules).toHaveLength(3);
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('10.0.1.5:80');
    expect(out(r, ext, '1.2.3.4')).toBe('DROP');
  });

  it('no usable endpoints on any node: REJECT for cluster IP and LB IP', () => {
    const r = build(
      spec,
      [
        { ip: '10.0.1.5', node: TEST_NODE, conditions: cond(false, false, true) },
        { ip: '10.0.1.5', node: 'host-1', conditions: cond(false, false, true) },
      ],
      ['1.2.3.4'],
    );
    expect(filterRules(r, 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1 has no endpoints" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j REJECT',
    ]);
    expect(filterRules(r, 'KUBE-EXTERNAL-SERVICES')).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1 has no endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j REJECT',
    ]);
    expect(out(r, '10.0.0.2', '172.30.1.1')).toBe('REJECT');
    expect(out(r, ext, '1.2.3.4')).toBe('REJECT');
  });
});
