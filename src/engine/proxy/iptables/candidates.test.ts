/**
 * The candidates of a policy chain are read off its rules once per choice and kept on the chain (a new
 * build of the Service makes new chains, read on their own).
 */
import { describe, expect, it } from 'vitest';
import { cluster, slice, svc, TEST_NODE, type EpSpec } from '../../testing/proxy-objects';
import { buildIptablesRules } from './proxier';
import { policyCandidates } from './candidates';

const ready = (ip: string, node: string): EpSpec => ({ ip, node, conditions: { ready: true } });

describe('policyCandidates', () => {
  const rules = buildIptablesRules(
    cluster(
      [svc('ns1', 'svc1', { clusterIP: '172.30.1.1', ports: [{ name: '', port: 80, protocol: 'TCP' }] })],
      [
        slice(
          'ns1',
          'svc1',
          [ready('10.0.1.1', TEST_NODE), ready('10.0.1.2', 'host1'), ready('10.0.1.3', 'host2')],
          [{ name: '', port: 80 }],
        ),
      ],
    ),
    TEST_NODE,
    { randomFully: false },
  );
  const policy = [...rules.nat.byName.values()].find((c) => c.name.startsWith('KUBE-SVC-'))!;
  const seps = policy.rules.flatMap((r) =>
    r.target.kind === 'jump' && r.target.chain.startsWith('KUBE-SEP-') ? [r.target.chain] : [],
  );

  it('gives the cascade’s chances, the chosen SEP marked, the same answer for the same choice', () => {
    const a = policyCandidates(rules.nat, policy, seps[1], undefined);
    expect(a.map((c) => [c.endpoint, c.probability!.toFixed(4), c.chosen ?? false])).toEqual([
      ['10.0.1.1:80', '0.3333', false],
      ['10.0.1.2:80', '0.3333', true],
      ['10.0.1.3:80', '0.3333', false],
    ]);
    expect(policyCandidates(rules.nat, policy, seps[1], undefined)).toBe(a);
    const other = policyCandidates(rules.nat, policy, seps[2], undefined);
    expect(other.find((c) => c.chosen)!.endpoint).toBe('10.0.1.3:80');
    // Affinity: the remembered endpoint had chance 1.
    const sticky = policyCandidates(rules.nat, policy, seps[0], seps[0]);
    expect(sticky.map((c) => c.probability)).toEqual([1, 0, 0]);
  });

  it('a new build of the Service (its endpoints moved) is read on its own', () => {
    const moved = buildIptablesRules(
      cluster(
        [svc('ns1', 'svc1', { clusterIP: '172.30.1.1', ports: [{ name: '', port: 80, protocol: 'TCP' }] })],
        [slice('ns1', 'svc1', [ready('10.0.1.1', 'host9')], [{ name: '', port: 80 }])],
      ),
      TEST_NODE,
      { randomFully: false },
    );
    const chain = [...moved.nat.byName.values()].find((c) => c.name.startsWith('KUBE-SVC-'))!;
    const sep = chain.rules.find((r) => r.target.kind === 'jump' && r.target.chain.startsWith('KUBE-SEP-'))!;
    const [only] = policyCandidates(moved.nat, chain, (sep.target as { chain: string }).chain, undefined);
    expect(only).toMatchObject({ endpoint: '10.0.1.1:80', node: 'host9', probability: 1, chosen: true });
  });
});
