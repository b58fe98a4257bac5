/**
 * Remembered walks (walk-memo.ts): a replayed walk is exactly the walk, a walk that read state (a random
 * draw, an affinity list) is never replayed, and an edit forgets what was recorded.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/rng';
import { buildNodeRules, createProxyState, evaluate, updateNodeRules } from '../index';
import { overallCluster, TEST_NODE, TEST_NODE_IP } from '../../testing/proxy-objects';
import type { PacketIn } from '../shared/verdict';
import type { NodeRules } from '../shared/types';
import { recalled } from './walk-memo';

const packets: [string, string, number][] = [
  ['10.0.0.2', '172.30.0.41', 80], // pod → cluster IP, one endpoint
  ['192.168.0.3', '172.30.0.41', 80], // from outside the cluster CIDR: masqueraded
  ['10.0.0.2', '172.30.0.44', 80], // two endpoints: a random draw
  ['10.0.0.2', '172.30.0.45', 80], // ClientIP affinity: the recent list
  ['10.0.0.2', '172.30.0.46', 80], // no endpoints: REJECT
  ['203.0.113.9', TEST_NODE_IP, 3003], // NodePort
  ['203.0.113.9', TEST_NODE_IP, 3001], // eTP Local without local endpoints: DROP
  ['203.0.113.200', '5.6.7.8', 80], // LB source range denies
  ['10.0.0.2', '10.180.0.3', 80], // pod → pod: forwarded through
  ['10.0.0.2', '172.30.0.41', 81], // a port the Service does not have
];

function pkt([src, dst, dstPort]: [string, string, number], srcPort: number): PacketIn {
  return { src, srcPort, dst, dstPort, protocol: 'TCP', hook: 'PREROUTING' };
}

/** The same 300 packets through `rules`, `forget` dropping every record before each walk. */
function walkAll(rules: NodeRules, forget: boolean) {
  const state = createProxyState();
  const rng = createRng(11);
  const verdicts = [];
  for (let i = 0; i < 300; i++) {
    if (forget) delete rules.walks;
    verdicts.push(evaluate(rules, pkt(packets[i % packets.length]!, 40000 + i), state, rng, i));
  }
  return { verdicts, next: rng.next(), recent: state.recent };
}

describe('remembered walks', () => {
  it('gives every packet the verdict a fresh walk gives, drawing the same random numbers', () => {
    const remembered = walkAll(buildNodeRules(overallCluster(), TEST_NODE), false);
    const fresh = walkAll(buildNodeRules(overallCluster(), TEST_NODE), true);
    expect(remembered.verdicts).toEqual(fresh.verdicts);
    expect(remembered.next).toBe(fresh.next);
    expect(remembered.recent).toEqual(fresh.recent);
    // Each verdict keeps its own request's source port.
    expect(remembered.verdicts[11]!.packet.srcPort).toBe(40011);
  });

  it('records stateless walks only', () => {
    const rules = buildNodeRules(overallCluster(), TEST_NODE);
    walkAll(rules, false);
    const walk = (p: [string, string, number]) => ({ ...pkt(p, 1), protocol: 'tcp', mark: 0, dnat: false });
    // One endpoint: no draw, so PREROUTING is replayed.
    expect(recalled(rules, 'nat', 'PREROUTING', walk(packets[0]!))).toBeDefined();
    // Two endpoints (a statistic match) and ClientIP affinity (a recent list): walked every time.
    expect(recalled(rules, 'nat', 'PREROUTING', walk(packets[2]!))).toBeUndefined();
    expect(recalled(rules, 'nat', 'PREROUTING', walk(packets[3]!))).toBeUndefined();
    // After the DNAT, the filter table saw the endpoint's address and is replayed.
    expect(
      recalled(rules, 'filter', 'FORWARD', { ...walk(packets[2]!), dst: '10.180.0.4', dnat: true }),
    ).toBeDefined();
  });

  it('forgets what it recorded when the rules are updated', () => {
    const before = overallCluster();
    const rules = buildNodeRules(before, TEST_NODE);
    const p = pkt(packets[0]!, 40000);
    expect(evaluate(rules, p, createProxyState(), createRng(1), 0).action).toBe('dnat');
    expect(rules.walks).toBeDefined();
    // svc1 loses its endpoints: the same packet is now rejected, not replayed as a DNAT.
    const after = overallCluster();
    after.endpointSlices = after.endpointSlices.filter((s) => s.metadata.namespace !== 'ns1');
    const updated = updateNodeRules(rules, after, ['ns1/svc1']);
    expect(updated.walks).toBeUndefined();
    expect(evaluate(updated, p, createProxyState(), createRng(1), 0).action).toBe('reject');
  });
});
