/**
 * Walks kube-proxy's nftables table for a connection's first packet as netfilter runs it: the base chains of
 * each hook in priority order (prerouting: filter-prerouting-pre-dnat at -110, nat-prerouting at -100; then
 * filter-input or filter-forward at 0; output likewise; nat-postrouting at 100), `jump` returning to the
 * caller, `goto` not, verdict maps looked up by the packet's (daddr . l4proto . dport), `numgen random mod N`
 * drawing from the seeded Rng, affinity sets with their timeout (kept in ProxyState like xt_recent lists).
 *
 * @example
 * evaluateNftables(rules, pkt, state, rng, 0).steps.map((s) => s.chain);
 * // ["filter-prerouting-pre-dnat", "firewall-check", "nat-prerouting", "services", "service-…", "endpoint-…", …]
 */
import type { Candidate } from '../../trace';
import type { Rng } from '../../util/rng';
import { recentOf } from '../iptables/evaluate';
import type { NftChain, NftMatch, NftRule, NftTable } from './types';
import type { ProxyState } from '../shared/proxy-state';
import type { NodeRules } from '../shared/types';
import type { PacketIn, ProxyVerdict, RuleStep } from '../shared/verdict';
import { msg, type Msg } from '../../messages';
import { ipInCidr, joinHostPort } from '../../net/ip6';

type Outcome = 'continue' | 'accept' | 'drop' | 'reject' | 'dnat' | 'masquerade';

interface Walk {
  t: NftTable;
  src: string;
  dst: string;
  dport: number;
  proto: string;
  mark: number;
  isLocal: (ip: string) => boolean;
  rng: Rng;
  now: number;
  recent: Map<string, Map<string, number>>;
  steps: RuleStep[];
  decisive?: RuleStep;
  masquerade: boolean;
  /** The `masquerading` chain's rule that masqueraded the packet (the SNAT hop shows it). */
  masqStep?: RuleStep;
  numgen?: { chain: string; targets: string[]; chosen: string };
  affinityHit?: string;
  service?: string;
  mapHit?: { map: string; comment?: string; verdict: string };
  depth: number;
}

/** `ip daddr CIDR` / `ip6 daddr CIDR`: an address of the table's family inside the range. */
function inAddr(ip: string, cidr: string): boolean {
  return ipInCidr(ip, cidr);
}

function matches(m: NftMatch, w: Walk): boolean {
  if (m.ctNew === false) return false;
  if (m.fibDaddrLocalNotLoopback && (!w.isLocal(w.dst) || inAddr(w.dst, '127.0.0.0/8') || w.dst === '::1'))
    return false;
  if (m.daddrSet !== undefined && !w.t.sets.get(m.daddrSet)?.byKey.has(w.dst)) return false;
  if (m.daddr && m.daddr.cidrs.some((c) => inAddr(w.dst, c)) === !!m.daddr.negate) return false;
  if (m.dport && (m.dport.proto !== w.proto || m.dport.port !== w.dport)) return false;
  if (m.saddr && m.saddr.cidrs.some((c) => inAddr(w.src, c)) === !!m.saddr.negate) return false;
  if (m.fibSaddrLocal && !w.isLocal(w.src)) return false;
  if (m.markClear !== undefined && (w.mark & m.markClear) !== 0) return false;
  if (m.saddrSet !== undefined) {
    const seen = w.recent.get(m.saddrSet)?.get(w.src);
    const timeout = w.t.sets.get(m.saddrSet)?.timeout ?? Infinity;
    if (seen === undefined || w.now - seen > timeout) return false;
    w.affinityHit = m.saddrSet;
  }
  return true;
}

function step(w: Walk, chain: string, index: number, text: string): RuleStep {
  const s: RuleStep = { table: 'nft', chain, index, text };
  w.steps.push(s);
  return s;
}

/** A verdict-map lookup; undefined when no element matches (the rule then does nothing). */
function vmap(w: Walk, map: string, key: string): string | undefined {
  const set = w.t.sets.get(map);
  const e = set?.byKey.get(key);
  if (!set || !e || e.verdict === undefined) return undefined;
  const i = set.elements.indexOf(e);
  step(w, map, i, `${e.key}${e.comment !== undefined ? ` comment "${e.comment}"` : ''} : ${e.verdict}`);
  w.mapHit = { map, verdict: e.verdict, ...(e.comment !== undefined ? { comment: e.comment } : {}) };
  if (e.comment !== undefined) w.service ??= e.comment;
  return e.verdict;
}

function follow(w: Walk, verdict: string, decisive: RuleStep): Outcome {
  const [kind, chain] = verdict.split(' ');
  if (kind === 'goto' || kind === 'jump') return run(w, chain!);
  if (kind === 'drop' || kind === 'reject' || kind === 'accept') {
    if (kind !== 'accept') w.decisive = decisive;
    return kind;
  }
  return 'continue';
}

function execRule(w: Walk, c: NftChain, i: number, r: NftRule): Outcome | undefined {
  if (!matches(r.match, w)) return undefined;
  const s = step(w, c.name, i, r.text);
  if (r.service !== undefined) w.service ??= r.service;
  const st = r.stmt;
  if (st && 'markOr' in st) w.mark |= st.markOr;
  if (st && 'markXor' in st) w.mark ^= st.markXor;
  if (st && 'update' in st) {
    let list = w.recent.get(st.update);
    if (!list) w.recent.set(st.update, (list = new Map()));
    list.set(w.src, w.now);
  }
  const v = r.verdict;
  switch (v.kind) {
    case 'continue':
      return undefined;
    case 'return':
      return 'continue';
    case 'jump': {
      const out = run(w, v.chain);
      return out === 'continue' ? undefined : out;
    }
    case 'goto':
      if (r.match.saddrSet !== undefined) {
        // An affinity hit skips numgen; the candidates are still the ones numgen would have chosen from.
        const ng = c.rules.find((x) => x.verdict.kind === 'numgen')?.verdict;
        if (ng?.kind === 'numgen') w.numgen = { chain: c.name, targets: ng.targets, chosen: v.chain };
      }
      return run(w, v.chain);
    case 'vmap': {
      const key =
        v.key === 'daddr.proto.dport' ? `${w.dst} . ${w.proto} . ${w.dport}` : `${w.proto} . ${w.dport}`;
      const verdict = vmap(w, v.map, key);
      if (verdict === undefined) return undefined;
      const out = follow(w, verdict, s);
      // A vmap `jump` returns here and the chain goes on; `goto` and final verdicts end this chain.
      if (verdict.startsWith('jump ') && out === 'continue') return undefined;
      return out;
    }
    case 'numgen': {
      const pick = v.targets[Math.floor(w.rng.next() * v.targets.length)]!;
      w.numgen = { chain: c.name, targets: v.targets, chosen: pick };
      return run(w, pick);
    }
    case 'dnat': {
      // "10.244.1.5:8080" or "[fd00:10:244:1::5]:8080"
      const colon = v.to.lastIndexOf(':');
      w.dst = v.to.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
      w.dport = Number(v.to.slice(colon + 1));
      w.decisive = s;
      return 'dnat';
    }
    case 'masquerade':
      w.masquerade = true;
      w.masqStep = s;
      return 'masquerade';
    default:
      if (v.kind !== 'accept') w.decisive = s;
      return v.kind;
  }
}

function run(w: Walk, name: string): Outcome {
  const c = w.t.chains.get(name);
  if (!c || w.depth > 64) return 'continue';
  w.depth++;
  try {
    for (let i = 0; i < c.rules.length; i++) {
      const out = execRule(w, c, i, c.rules[i]!);
      if (out !== undefined) return out;
    }
    return 'continue';
  } finally {
    w.depth--;
  }
}

function candidates(w: Walk): Candidate[] | undefined {
  const n = w.numgen;
  if (!n) return undefined;
  return n.targets.map((t) => {
    const ep = w.t.chains.get(t)?.endpoint;
    const affinity = w.affinityHit !== undefined ? `affinity-${t.slice('endpoint-'.length)}` : undefined;
    const c: Candidate = {
      endpoint: ep ? joinHostPort(ep.ip, ep.port) : t,
      probability: affinity === undefined ? 1 / n.targets.length : affinity === w.affinityHit ? 1 : 0,
    };
    if (ep?.pod !== undefined) c.pod = ep.pod;
    if (ep?.node !== undefined) c.node = ep.node;
    if (t === n.chosen) c.chosen = true;
    return c;
  });
}

/**
 * kube-proxy's verdict (nftables mode) on a connection's first packet at this node.
 *
 * @example
 * evaluateNftables(rules, { src: '10.0.0.2', srcPort: 40000, dst: '172.30.0.41', dstPort: 80, protocol: 'TCP',
 *   hook: 'PREROUTING' }, createProxyState(), createRng(1), 0).action; // "dnat"
 */
export function evaluateNftables(
  rules: NodeRules,
  pkt: PacketIn,
  state: ProxyState,
  rng: Rng,
  now: number,
): ProxyVerdict {
  const local = new Set(rules.nodeIPs);
  const w: Walk = {
    t: rules.nft!,
    src: pkt.src,
    dst: pkt.dst,
    dport: pkt.dstPort,
    proto: pkt.protocol.toLowerCase(),
    mark: 0,
    isLocal: (ip) => local.has(ip) || ip.startsWith('127.') || ip === '::1',
    rng,
    now,
    recent: recentOf(state, rules.node),
    steps: [],
    masquerade: false,
    depth: 0,
  };
  const out = pkt.hook === 'OUTPUT';
  let result: Outcome = run(w, out ? 'filter-output-pre-dnat' : 'filter-prerouting-pre-dnat');
  let dnat = false;
  let forwarded = false;
  if (result !== 'drop' && result !== 'reject') {
    dnat = run(w, out ? 'nat-output' : 'nat-prerouting') === 'dnat';
    const inputPath = !out && w.isLocal(w.dst);
    forwarded = !out && !inputPath;
    result = run(w, out ? 'filter-output' : inputPath ? 'filter-input' : 'filter-forward');
  }
  if (result !== 'drop' && result !== 'reject' && (forwarded || out)) run(w, 'nat-postrouting');
  const action: ProxyVerdict['action'] =
    result === 'drop' ? 'drop' : result === 'reject' ? 'reject' : dnat ? 'dnat' : 'none';
  const v: ProxyVerdict = {
    action,
    packet: { src: pkt.src, srcPort: pkt.srcPort, dst: w.dst, dstPort: w.dport, protocol: pkt.protocol },
    masquerade: w.masquerade && action === 'dnat',
    steps: w.steps,
  };
  if (w.decisive) v.decidingRule = w.decisive;
  if (v.masquerade && w.masqStep) v.masqueradeStep = w.masqStep;
  if (w.service !== undefined) v.service = w.service;
  const c = action === 'dnat' ? candidates(w) : undefined;
  if (c) v.candidates = c;
  const ep = action === 'dnat' && w.numgen ? w.t.chains.get(w.numgen.chosen)?.endpoint : undefined;
  if (ep) v.endpoint = { ...ep };
  v.reason = reason(rules, pkt, v, w);
  return v;
}

function reason(rules: NodeRules, pkt: PacketIn, v: ProxyVerdict, w: Walk): Msg {
  const node = rules.node;
  const service = v.service ?? '?';
  const d = v.decidingRule;
  if (v.action === 'dnat' && v.endpoint) {
    const n = v.candidates?.length ?? 1;
    const why = w.affinityHit
      ? msg('proxy.why.affinitySet', { set: w.affinityHit, client: pkt.src })
      : n === 1
        ? msg('proxy.why.only', {})
        : msg('proxy.why.numgen', { count: n });
    return msg('proxy.dnat', {
      to: joinHostPort(v.endpoint.ip, v.endpoint.port),
      pod: v.endpoint.pod ?? null,
      node: v.endpoint.node ?? null,
      why,
      masqNode: v.masquerade ? node : null,
    });
  }
  const hit = w.mapHit;
  if (v.action === 'reject' && hit?.map.startsWith('no-endpoint'))
    return msg('proxy.nft.rejectNoEndpoints', { map: hit.map, service });
  if (v.action === 'drop' && hit?.map.startsWith('no-endpoint'))
    return msg('proxy.nft.dropLocal', { map: hit.map, service, node });
  if (v.action === 'drop' && d?.chain.startsWith('firewall-'))
    return msg('proxy.drop.firewall', { chain: d.chain, client: pkt.src, service });
  if (d?.chain === 'cluster-ips-check')
    return v.action === 'reject'
      ? msg('proxy.nft.invalidPort', { ip: pkt.dst, port: pkt.dstPort, protocol: pkt.protocol })
      : msg('proxy.nft.unallocated', { ip: pkt.dst });
  if (v.action === 'none')
    return msg('proxy.none', { ip: pkt.dst, port: pkt.dstPort, protocol: pkt.protocol });
  const chain = d?.chain ?? 'kube-proxy';
  return v.action === 'drop' ? msg('proxy.drop', { chain }) : msg('proxy.reject', { chain });
}
