import { describe, expect, it } from 'vitest';
import { candidateRules, chainMentionsIp, indexChain } from './chain-index';
import { makeRule } from '../shared/rule';
import type { Chain } from '../shared/types';

describe('chain index from rule tokens', () => {
  const rules = Array.from({ length: 30 }, (_, i) =>
    makeRule('KUBE-SERVICES', [
      '-m',
      'tcp',
      '-p',
      'tcp',
      '-d',
      `172.30.0.${i}`,
      '--dport',
      '80',
      '-j',
      `KUBE-SVC-${i}`,
    ]),
  );
  rules.push(makeRule('KUBE-SERVICES', ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODEPORTS']));
  rules.splice(
    5,
    0,
    makeRule('KUBE-SERVICES', ['!', '-d', '10.0.0.0/8', '-p', 'udp', '--dport', '53', '-j', 'X']),
  );
  const chain: Chain = { name: 'KUBE-SERVICES', builtin: false, rules };

  it('files exact destinations, port-only rules and the rest, and keeps chain order', () => {
    indexChain(chain);
    expect(candidateRules(chain, '172.30.0.7', 80, 'tcp')).toEqual([8, 31]);
    expect(candidateRules(chain, '8.8.8.8', 53, 'udp')).toEqual([5, 31]);
    expect(candidateRules(chain, '172.30.0.7', 81, 'tcp')).toEqual([31]);
  });

  it('knows the exact addresses the chain captures, on any port', () => {
    expect(chainMentionsIp(chain, '172.30.0.29')).toBe(true);
    expect(chainMentionsIp(chain, '172.30.0.2')).toBe(true);
    expect(chainMentionsIp(chain, '172.30.0.30')).toBe(false);
    expect(chainMentionsIp(chain, '172.30.0.')).toBe(false);
    expect(chainMentionsIp(chain, '10.0.0.1')).toBe(false);
  });
});
