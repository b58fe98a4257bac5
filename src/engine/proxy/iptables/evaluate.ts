/**
 * Walks a node's iptables rules for a connection's first packet, as netfilter does: nat PREROUTING (or
 * OUTPUT) → KUBE-SERVICES → …, then the filter table on the route the packet takes (INPUT when the
 * destination is now a local address, else FORWARD; OUTPUT for locally sent packets), then nat POSTROUTING
 * (KUBE-POSTROUTING masquerades packets marked 0x4000). Jumps, RETURN, first match and terminating targets
 * behave as in the kernel. The verdict lists every rule that matched and names the one that decided.
 *
 * @example
 * walkIptables(rules, pkt, state, rng, 0).steps.map((s) => s.chain);
 * // ["PREROUTING", "KUBE-SERVICES", "KUBE-SVC-…", "KUBE-SEP-…"]
 */
import type { Candidate } from '../../trace';
import type { Rng } from '../../util/rng';
import { policyCandidates } from './candidates';
import { candidateRules } from './chain-index';
import { ruleMatches, type MatchEnv, type WalkPacket } from './match';
import { explain } from './reasons';
import type { ProxyState } from '../shared/proxy-state';
import type { IptablesTable, NodeRules, TableName, WalkMemoEntry } from '../shared/types';
import { recalled, remember } from './walk-memo';
import type { IpvsConnectionRef, PacketIn, ProxyVerdict, RuleStep } from '../shared/verdict';
import type { Msg } from '../../messages';

/** `--to-destination` as written: "10.244.1.5:8080", "[fd00:10:244:1::5]:8080" or a bare address. */
function splitHostPort(text: string): { ip: string; port?: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? /^([^:]+)(?::(\d+))?$/.exec(text);
  if (!m) return { ip: text };
  return m[2] === undefined ? { ip: m[1]! } : { ip: m[1]!, port: Number(m[2]) };
}

/** The IPVS step of a walk (IPVS mode): ipset lookups for the iptables rules, and the scheduler. */
export interface IpvsStage {
  inSet: (name: string, flags: string, pkt: WalkPacket) => boolean;
  /** undefined: no virtual server for this packet. `to` undefined: a virtual server without real servers. */
  schedule: (pkt: WalkPacket) => IpvsStageResult | undefined;
}

export interface IpvsStageResult {
  to?: { ip: string; port: number; pod?: string; node?: string };
  steps: RuleStep[];
  candidates: Candidate[];
  service: string;
  /** The verdict's words, given the node the source is masqueraded to (or null). */
  reason: (masqNode: string | null) => Msg;
  connection?: IpvsConnectionRef;
}

type Outcome = 'continue' | 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'MASQUERADE';

interface Walk {
  pkt: WalkPacket;
  env: MatchEnv;
  ipvsResult?: IpvsStageResult;
  steps: RuleStep[];
  decisive?: RuleStep;
  masquerade: boolean;
  masqStep?: RuleStep;
  /** Policy chain (KUBE-SVC/SVL) whose endpoint rule fired, and the SEP chain it chose. */
  policy?: { chain: string; sep: string };
  depth: number;
  /** Stateless top-level walks may be recalled and recorded (walk-memo.ts). */
  memo: boolean;
}

function runChain(table: IptablesTable, name: string, w: Walk): Outcome {
  const chain = table.byName.get(name);
  if (!chain || w.depth > 64) return 'continue';
  w.depth++;
  try {
    const picked = candidateRules(chain, w.pkt.dst, w.pkt.dstPort, w.pkt.protocol);
    const n = picked ? picked.length : chain.rules.length;
    for (let k = 0; k < n; k++) {
      const i = picked ? picked[k]! : k;
      const rule = chain.rules[i]!;
      if (!ruleMatches(rule.match, w.pkt, w.env)) continue;
      const step: RuleStep = { table: table.name, chain: name, index: i, text: rule.text };
      w.steps.push(step);
      const t = rule.target;
      switch (t.kind) {
        case 'none':
          continue;
        case 'MARK':
          w.pkt.mark =
            (t.op === 'or'
              ? w.pkt.mark | t.value
              : t.op === 'xor'
                ? w.pkt.mark ^ t.value
                : (w.pkt.mark & ~(t.mask ?? 0xffffffff)) ^ t.value) >>> 0;
          continue;
        case 'RETURN':
          return 'continue';
        case 'jump': {
          if (
            t.chain.startsWith('KUBE-SEP-') &&
            (name.startsWith('KUBE-SVC-') || name.startsWith('KUBE-SVL-'))
          )
            w.policy = { chain: name, sep: t.chain };
          const r = runChain(table, t.chain, w);
          if (r !== 'continue') return r;
          continue;
        }
        case 'DNAT': {
          const { ip, port } = splitHostPort(t.toDestination);
          w.pkt.dst = ip;
          if (port !== undefined) w.pkt.dstPort = port;
          w.pkt.dnat = true;
          w.decisive = step;
          return 'DNAT';
        }
        case 'MASQUERADE':
          w.masquerade = true;
          w.masqStep = step;
          return 'MASQUERADE';
        default:
          if (t.kind !== 'ACCEPT') w.decisive = step;
          return t.kind;
      }
    }
    return 'continue';
  } finally {
    w.depth--;
  }
}

const LOOPBACK = /^(127\.|::1$)/;

/** Builds the local-address test for a node (node IPs, loopback, and IPVS's kube-ipvs0 addresses). */
function localTest(rules: NodeRules): (ip: string) => boolean {
  const nodeIPs = rules.nodeIPs;
  const extra = rules.extraLocalAddresses;
  const index = rules.extraLocalIndex ?? (extra && new Set(extra));
  return (ip) => nodeIPs.includes(ip) || (index?.has(ip) ?? false) || LOOPBACK.test(ip);
}

/**
 * A top-level chain (a hook's chain) for the walk's packet: recalled when the same packet walked it before
 * without reading any state, otherwise walked (and recorded when it read none).
 */
function runTop(rules: NodeRules, table: TableName, chain: string, w: Walk): Outcome {
  const t = table === 'nat' ? rules.nat : rules.filter;
  if (!w.memo) return runChain(t, chain, w);
  const hit = recalled(rules, table, chain, w.pkt);
  if (hit) {
    for (const step of hit.steps) w.steps.push(step);
    w.pkt.dst = hit.dst;
    w.pkt.dstPort = hit.dstPort;
    w.pkt.mark = hit.mark;
    w.pkt.dnat = hit.dnat;
    if (hit.decisive) w.decisive = hit.decisive;
    if (hit.masqStep) {
      w.masquerade = true;
      w.masqStep = hit.masqStep;
    }
    if (hit.policy) w.policy = hit.policy;
    return hit.outcome;
  }
  const entered = { ...w.pkt };
  const from = w.steps.length;
  const { decisive, masqStep, policy } = w;
  const stateful = w.env.stateful === true;
  w.env.stateful = false;
  const outcome = runChain(t, chain, w);
  if (!w.env.stateful) {
    const entry: WalkMemoEntry = {
      outcome,
      steps: w.steps.slice(from),
      dst: w.pkt.dst,
      dstPort: w.pkt.dstPort,
      mark: w.pkt.mark,
      dnat: w.pkt.dnat,
    };
    if (w.decisive !== decisive) entry.decisive = w.decisive;
    if (w.masqStep !== masqStep) entry.masqStep = w.masqStep;
    if (w.policy !== policy) entry.policy = w.policy;
    remember(rules, table, chain, entered, entry);
  }
  w.env.stateful = w.env.stateful || stateful;
  return outcome;
}

/** The recent lists of one node inside ProxyState. */
export function recentOf(state: ProxyState, node: string): Map<string, Map<string, number>> {
  let r = state.recent.get(node);
  if (!r) state.recent.set(node, (r = new Map()));
  return r;
}

/** Runs the nat table and the filter table for one packet; IPVS mode adds its own step in between. */
export function walkIptables(
  rules: NodeRules,
  pkt: PacketIn,
  state: ProxyState,
  rng: Rng,
  now: number,
  ipvs?: IpvsStage,
  fromBridge?: (ip: string) => boolean,
): ProxyVerdict {
  const isLocal = localTest(rules);
  const w: Walk = {
    pkt: {
      src: pkt.src,
      srcPort: pkt.srcPort,
      dst: pkt.dst,
      dstPort: pkt.dstPort,
      protocol: pkt.protocol.toLowerCase(),
      mark: 0,
      dnat: false,
    },
    env: { isLocal, rng, now, recent: recentOf(state, rules.node) },
    steps: [],
    masquerade: false,
    depth: 0,
    // ipset membership and the bridge test come from the caller: only a plain iptables walk is recorded.
    memo: !ipvs && !fromBridge,
  };

  if (ipvs) w.env.inSet = ipvs.inSet;
  if (fromBridge) w.env.fromBridge = fromBridge;
  let natOut = runTop(rules, 'nat', pkt.hook, w);
  let filterOut: Outcome;
  let forwarded = false;
  const localIn = pkt.hook === 'PREROUTING' && isLocal(w.pkt.dst);
  if (pkt.hook === 'OUTPUT') filterOut = runTop(rules, 'filter', 'OUTPUT', w);
  else if (localIn) filterOut = runTop(rules, 'filter', 'INPUT', w);
  else {
    forwarded = true;
    filterOut = runTop(rules, 'filter', 'FORWARD', w);
  }
  // IPVS hooks LOCAL_IN and LOCAL_OUT: it sees packets to local addresses (its VIPs live on kube-ipvs0).
  const passed = filterOut === 'continue' || filterOut === 'ACCEPT';
  if (ipvs && passed && (localIn || pkt.hook === 'OUTPUT')) {
    const r = ipvs.schedule(w.pkt);
    if (r) {
      w.ipvsResult = r;
      w.steps.push(...r.steps);
      if (r.to) {
        w.pkt.dst = r.to.ip;
        w.pkt.dstPort = r.to.port;
        w.pkt.dnat = true;
        natOut = 'DNAT';
        forwarded = true;
      } else filterOut = 'REJECT';
      w.decisive = r.steps[r.steps.length - 1];
    }
  }
  if ((filterOut === 'continue' || filterOut === 'ACCEPT') && (forwarded || pkt.hook === 'OUTPUT'))
    runTop(rules, 'nat', 'POSTROUTING', w);

  let action: ProxyVerdict['action'];
  if (filterOut === 'DROP') action = 'drop';
  else if (filterOut === 'REJECT') action = 'reject';
  else if (natOut === 'DNAT') action = 'dnat';
  else if (
    filterOut === 'ACCEPT' &&
    w.steps.some((s) => s.table === 'filter' && /^-A KUBE-/.test(s.text) && / -j ACCEPT$/.test(s.text))
  )
    action = 'accept';
  else action = 'none';

  const verdict: ProxyVerdict = {
    action,
    packet: {
      src: w.pkt.src,
      srcPort: w.pkt.srcPort,
      dst: w.pkt.dst,
      dstPort: w.pkt.dstPort,
      protocol: pkt.protocol,
    },
    masquerade: w.masquerade && (action === 'dnat' || action === 'none' || action === 'accept'),
    steps: w.steps,
  };
  if (w.decisive) verdict.decidingRule = w.decisive;
  if (verdict.masquerade && w.masqStep) verdict.masqueradeStep = w.masqStep;
  if (w.ipvsResult) {
    const r = w.ipvsResult;
    verdict.candidates = r.candidates;
    if (r.to) verdict.endpoint = { ...r.to };
    if (r.connection) verdict.ipvsConnection = r.connection;
    verdict.service = r.service;
    verdict.reason = r.reason(verdict.masquerade ? rules.node : null);
    return verdict;
  }
  if (action === 'dnat' && w.policy) {
    const policy = rules.nat.byName.get(w.policy.chain);
    if (policy) verdict.candidates = policyCandidates(rules.nat, policy, w.policy.sep, w.env.recentHit);
    const ep = rules.nat.byName.get(w.policy.sep)?.endpoint;
    if (ep) verdict.endpoint = { ...ep };
  }
  if (action === 'dnat' && w.decisive?.chain.startsWith('CNI-DN-')) {
    // hostPort (CNI portmap): the DN chain belongs to one pod; the DNAT rule says which port.
    const ep = rules.nat.byName.get(w.decisive.chain)?.endpoint;
    if (ep) verdict.endpoint = { ...ep, ip: w.pkt.dst, port: w.pkt.dstPort };
  }
  const svc = w.steps.find((s) => s.chain === 'KUBE-SERVICES' || s.chain === 'KUBE-NODEPORTS');
  const svcRule =
    svc && (svc.table === 'nat' ? rules.nat : rules.filter).byName.get(svc.chain)?.rules[svc.index];
  const decidingRule =
    w.decisive &&
    (w.decisive.table === 'nat' ? rules.nat : rules.filter).byName.get(w.decisive.chain)?.rules[
      w.decisive.index
    ];
  const service = decidingRule?.service ?? svcRule?.service;
  if (service !== undefined) verdict.service = service;
  const reason = explain(rules, pkt, verdict, w.env.recentHit);
  if (reason) verdict.reason = reason;
  return verdict;
}
