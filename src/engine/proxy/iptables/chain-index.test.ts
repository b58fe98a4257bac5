import { describe, expect, it } from 'vitest';
import { candidateRules, chainMentionsIp, indexChain, spliceIndex } from './chain-index';
import { makeRule } from '../shared/rule';
import type { Chain, Rule } from '../shared/types';

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

describe('the lookup kept in step with an edit (spliceIndex)', () => {
  const rule = (ip: string, port: number, proto = 'tcp') =>
    makeRule('KUBE-SERVICES', ['-m', proto, '-p', proto, '-d', ip, '--dport', `${port}`, '-j', 'KUBE-SVC-X']);
  const tail = makeRule('KUBE-SERVICES', ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODEPORTS']);
  /** Every question a walk or an explanation asks, for addresses 172.30.0.0-49 on two ports. */
  const answers = (chain: Chain) =>
    Array.from({ length: 50 }, (_, i) => `172.30.0.${i}`).map((ip) => [
      candidateRules(chain, ip, 80, 'tcp'),
      candidateRules(chain, ip, 53, 'udp'),
      chainMentionsIp(chain, ip),
    ]);

  it('answers as a lookup made again from the edited rules, edit after edit', () => {
    const rules = [...Array.from({ length: 30 }, (_, i) => rule(`172.30.0.${i}`, 80)), tail];
    const kept: Chain = { name: 'KUBE-SERVICES', builtin: false, rules };
    indexChain(kept);
    answers(kept); // the per-destination answers and the address set exist before the edits
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    for (let edit = 0; edit < 200; edit++) {
      // Replace up to 3 rules somewhere before the tail with up to 3 rules for random addresses and ports.
      const at = next(rules.length);
      const removed = Math.min(next(4), rules.length - 1 - at);
      const added = Array.from({ length: next(4) }, () =>
        next(3) === 0 ? rule(`172.30.0.${next(50)}`, 53, 'udp') : rule(`172.30.0.${next(50)}`, 80),
      );
      const gone = rules.splice(at, removed, ...added);
      spliceIndex(kept.index!, at, gone, added);
      const fresh: Chain = { name: 'KUBE-SERVICES', builtin: false, rules: [...rules] };
      expect(answers(kept), `edit ${edit}`).toEqual(answers(fresh));
    }
  });

  it('answers as a fresh lookup when an edit replaces rules one for one (a Service spec edited)', () => {
    // Exact destinations, a port-only rule (any address but 10/8) and a generic rule, so that a
    // replacement can move a position between an address's bucket, a port's bucket and the generic list.
    const portOnly = () =>
      makeRule('KUBE-SERVICES', ['!', '-d', '10.0.0.0/8', '-p', 'udp', '--dport', '53', '-j', 'X']);
    const generic = () =>
      makeRule('KUBE-SERVICES', ['-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'KUBE-NODEPORTS']);
    let seed = 11;
    // The generator's high bits: its low bits repeat with a short period (the lowest one alternates).
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % n;
    const anyMaker = (): (() => Rule) => {
      const k = next(8);
      if (k === 0) return portOnly;
      if (k === 1) return generic;
      const ip = `172.30.0.${next(50)}`;
      return k === 2 ? () => rule(ip, 53, 'udp') : () => rule(ip, 80);
    };
    // How each rule was made, so that an edit can make the same rule again.
    const makers: (() => Rule)[] = Array.from({ length: 30 }, (_, i) => () => rule(`172.30.0.${i}`, 80));
    const rules = [...makers.map((m) => m()), tail];
    const kept: Chain = { name: 'KUBE-SERVICES', builtin: false, rules };
    indexChain(kept);
    answers(kept);
    for (let edit = 0; edit < 300; edit++) {
      const at = next(rules.length - 1);
      const n = Math.min(1 + next(3), rules.length - 1 - at);
      // Half the time the same rules are made again (a spec edit that keeps the Service's ports).
      const again = next(2) === 0;
      const fresh = Array.from({ length: n }, (_, i) => (again ? makers[at + i]! : anyMaker()));
      makers.splice(at, n, ...fresh);
      const added = fresh.map((m) => m());
      const gone = rules.splice(at, n, ...added);
      spliceIndex(kept.index!, at, gone, added);
      const made: Chain = { name: 'KUBE-SERVICES', builtin: false, rules: [...rules] };
      expect(answers(kept), `edit ${edit}`).toEqual(answers(made));
    }
  });
});
