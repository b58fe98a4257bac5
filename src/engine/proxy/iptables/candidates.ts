/**
 * The real chance of each endpoint behind a policy chain (KUBE-SVC/KUBE-SVL), read off the chain's own rules:
 * rule i of the cascade fires with its printed probability times the chance that no earlier rule fired, and
 * the last (unconditional) rule takes what is left. With 3 endpoints that is 1/3 each. When a `-m recent`
 * affinity rule matched, that endpoint had probability 1.
 *
 * @example
 * policyCandidates(nat, svcChain, 'KUBE-SEP-ABC', undefined);
 * // [{ endpoint: '10.244.1.5:8080', probability: 0.5, chosen: true, … }, { …, probability: 0.5 }]
 */
import { joinHostPort } from '../../net/ip6';
import type { Candidate } from '../../trace';
import type { Chain, IptablesTable } from '../shared/types';

export function policyCandidates(
  nat: IptablesTable,
  policy: Chain,
  chosenSep: string | undefined,
  affinityHit: string | undefined,
): Candidate[] {
  // The same policy chain gives the same candidates for the same choice: kept on the chain, so the walks
  // of a --count share them. A policy chain is built with its SEP chains (service-chains.ts, one
  // Service port's fragment) and replaced with them, so the chain object stands for both.
  const memo = (policy.candidates ??= new Map());
  const key = `${chosenSep ?? ''}|${affinityHit ?? ''}`;
  let candidates = memo.get(key);
  if (!candidates) memo.set(key, (candidates = readCandidates(nat, policy, chosenSep, affinityHit)));
  return candidates;
}

function readCandidates(
  nat: IptablesTable,
  policy: Chain,
  chosenSep: string | undefined,
  affinityHit: string | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  let remaining = 1;
  for (const rule of policy.rules) {
    if (rule.target.kind !== 'jump' || !rule.target.chain.startsWith('KUBE-SEP-')) continue;
    if (rule.match.recent?.op === 'rcheck') continue; // affinity rules repeat the endpoints
    const sep = nat.byName.get(rule.target.chain);
    const p = rule.match.probability;
    const chance = p === undefined ? remaining : remaining * p;
    remaining = p === undefined ? 0 : remaining * (1 - p);
    const ep = sep?.endpoint;
    const c: Candidate = {
      endpoint: ep ? joinHostPort(ep.ip, ep.port) : rule.target.chain,
      probability: affinityHit === undefined ? chance : rule.target.chain === affinityHit ? 1 : 0,
    };
    if (ep?.pod !== undefined) c.pod = ep.pod;
    if (ep?.node !== undefined) c.node = ep.node;
    if (rule.target.chain === chosenSep) c.chosen = true;
    out.push(c);
  }
  return out;
}
