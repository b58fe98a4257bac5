/**
 * A packet on a node: conntrack first (a known flow follows its entry), otherwise kube-proxy's rules for
 * the connection's first packet (C1's `evaluate` over the node's generated rules), then POSTROUTING's
 * masquerade when the rules marked the packet. Internal to simulate/.
 *
 * @example
 * const out = throughNode(ctx, 'node-1', pkt, 'PREROUTING', 'entry'); // the packet after DNAT/SNAT, or an End
 */
import { isMsg, msg, type Msg } from '../messages';
import { joinHostPort } from '../net/ip6';
import { randomFullyPort, reversed, type Packet } from '../net/packet';
import { outgoingInterface } from './topology';
import { connectionClosed, MASQ_CHAIN, type ProxyVerdict, type RuleStep } from '../proxy';
import type { RuleRef } from '../trace';
import type { SimWorld } from '../world';
import {
  ctClose,
  ctCreate,
  ctExpire,
  ctKill,
  ctLookup,
  ctRefresh,
  ctReset,
  ctTakeCleared,
  formatEntry,
  type ClearedFlow,
  type ConntrackEntry,
} from './conntrack';
import { syncConntrack } from './conntrack-cleanup';
import { addHop, fail, samePacket, tally, type Ctx, type End, type HopInput } from './context';
import { explainProxyBlock, serviceKeyOf } from './explain';
import { decisionDetails, emptyForLocalPolicy } from './left-out';
import { kubeProxy, masqueradeRule, rulesFor } from './rules';

function ruleRef(node: string, step: RuleStep | undefined): RuleRef | undefined {
  if (!step) return undefined;
  const ref: RuleRef =
    step.table === 'ipvs'
      ? { node, chain: step.chain, index: step.index }
      : { node, table: step.table, chain: step.chain, index: step.index };
  if (step.family) ref.family = step.family;
  return ref;
}

/** Drops the node's expired conntrack entries, releasing the IPVS connections they still held open. */
export function expireAll(world: SimWorld, node: string): void {
  for (const e of ctExpire(world.conntrack, node, world.clock)) {
    if (e.ipvs && e.state !== 'TIME_WAIT' && e.state !== 'CLOSE')
      connectionClosed(world.proxy, e.ipvs, world.clock);
  }
}

/** Closes a connection's entries (FIN, or RST with `reset`), releasing the IPVS connections they held. */
export function closeEntries(world: SimWorld, entries: ConntrackEntry[], reset: boolean): void {
  for (const e of entries) {
    const wasOpen = e.state !== 'TIME_WAIT' && e.state !== 'CLOSE';
    if (reset) {
      e.seenReply = true;
      ctReset(world.conntrack, e, world.clock);
    } else ctClose(world.conntrack, e, world.clock);
    if (e.ipvs && e.state && wasOpen) connectionClosed(world.proxy, e.ipvs, world.clock);
  }
}

function modeText(ctx: Ctx, node: string): Msg {
  const mode = rulesFor(ctx.world.rules, ctx.cluster, node).mode;
  return mode === 'ipvs'
    ? msg('sim.mode.ipvs', { scheduler: ctx.cluster.config.proxy.ipvsScheduler })
    : msg('sim.mode.random', { mode });
}

/** The rules chose again because kube-proxy's cleanup deleted this flow's entry (conntrack-cleanup.ts). */
function clearedNote(flow: ClearedFlow, reason: Msg | undefined): Msg {
  return msg('sim.hop.udpEntryCleared', {
    endpoint: joinHostPort(flow.endpoint, flow.port),
    service: flow.service,
    reason: reason ?? null,
  });
}

/** The verdict followed ClientIP session affinity (the client's remembered endpoint, not a new pick). */
function isSticky(reason: Msg | undefined): boolean {
  const why = reason?.params.why;
  if (reason?.id === 'proxy.ipvs.sends') return isMsg(why) && why.id === 'proxy.ipvs.persistence';
  return isMsg(why) && (why.id === 'proxy.why.affinityRecent' || why.id === 'proxy.why.affinitySet');
}

/**
 * The rule that marked the packet for masquerade because its source is outside kube-proxy's clusterCIDR:
 * the Service chain's `! -s CIDR -d CLUSTER-IP … -j KUBE-MARK-MASQ` (iptables; the IPVS proxier's
 * KUBE-SERVICES `! -s CIDR … --match-set KUBE-CLUSTER-IP`), or nftables' `ip saddr != CIDR … jump
 * mark-for-masquerade` (proxier syncProxyRules: the local detector by cluster CIDR). A pod whose address is
 * outside it (an imported dump from a cluster with another pod range) is masqueraded like a node.
 */
function offClusterMark(steps: readonly RuleStep[]): { rule: string; cidr: string } | undefined {
  for (const s of steps) {
    const m =
      /! -s (\S+) .*-j KUBE-MARK-MASQ$/.exec(s.text) ??
      /saddr != (\S+) .*jump mark-for-masquerade$/.exec(s.text);
    if (m) return { rule: s.text, cidr: m[1]! };
  }
  return undefined;
}

/**
 * POSTROUTING: MASQUERADE to the outgoing interface's address: kube-proxy's (KUBE-POSTROUTING, or the
 * `masquerading` chain in nftables mode), or portmap's for hostPort.
 */
function masquerade(
  ctx: Ctx,
  node: string,
  p: Packet,
  step: RuleStep | undefined,
  steps: readonly RuleStep[],
): Packet {
  const iface = outgoingInterface(ctx.cluster, node, p.dst);
  const outside = step?.chain === MASQ_CHAIN ? undefined : offClusterMark(steps);
  const portmap = step?.chain === MASQ_CHAIN;
  let text: string | undefined;
  let ref: RuleRef | undefined;
  let randomFully: boolean;
  if (step?.table === 'nft') {
    // nftables mode: the walk names the rule (`masquerade fully-random` in the masquerading chain).
    text = step.text;
    ref = ruleRef(node, step);
    randomFully = step.text.includes('fully-random');
  } else {
    const all = rulesFor(ctx.world.rules, ctx.cluster, node);
    // An IPv6 packet is masqueraded by the IPv6 proxier's KUBE-POSTROUTING (ip6tables).
    const rules = (p.dst.includes(':') ? all.ip6 : undefined) ?? all;
    const chain = portmap ? MASQ_CHAIN : 'KUBE-POSTROUTING';
    const rule = portmap ? rules.nat.byName.get(MASQ_CHAIN)?.rules[step.index] : masqueradeRule(rules);
    randomFully = rule?.target.kind === 'MASQUERADE' && rule.target.randomFully === true;
    const index = rule ? (rules.nat.byName.get(chain)?.rules.indexOf(rule) ?? -1) : -1;
    text = rule?.text;
    if (index >= 0)
      ref = { node, table: 'nat', chain, index, ...(rules.family ? { family: rules.family } : {}) };
  }
  const out = { ...p, src: iface.address, srcPort: randomFully ? randomFullyPort(ctx.world.rng) : p.srcPort };
  addHop(
    ctx,
    {
      stage: portmap ? 'node' : 'kube-proxy',
      location: `node/${node}`,
      action: 'snat',
      ...(text !== undefined ? { rule: text } : {}),
      ...(ref ? { ruleRef: ref } : {}),
      note: msg('sim.hop.masq', {
        portmap,
        nft: step?.table === 'nft',
        addr: iface.address,
        iface: iface.name,
        randomFully,
        ...(outside ? { src: p.src, cidr: outside.cidr, marked: outside.rule } : {}),
      }),
    },
    out,
  );
  ctx.masquerade = {
    node,
    from: p.src,
    to: iface.address,
    iface: iface.name,
    ...(portmap ? { by: 'portmap' as const } : {}),
    ...(outside ? { outside: outside.cidr } : {}),
  };
  return out;
}

/**
 * The hop of a verdict: where, the deciding rule, the candidates, and (`details`) why the other endpoints
 * were left out, which is the inspector's: a tally only counts the choice. Assigned field by field: a
 * `--count` makes one per request.
 */
function verdictHop(
  ctx: Ctx,
  node: string,
  v: ProxyVerdict,
  stage: HopInput['stage'],
  action: HopInput['action'],
  note: Msg | undefined,
  details: boolean,
  pre: Pick<Packet, 'dst' | 'dstPort'>,
): HopInput {
  const hop: HopInput = { stage, location: `node/${node}`, action };
  const ref = ruleRef(node, v.decidingRule);
  if (v.decidingRule) hop.rule = v.decidingRule.text;
  if (ref) hop.ruleRef = ref;
  if (v.candidates) hop.candidates = v.candidates;
  if (details && !tally(ctx)) Object.assign(hop, decisionDetails(ctx, node, v, pre));
  if (note) hop.note = note;
  return hop;
}

function decide(ctx: Ctx, node: string, v: ProxyVerdict): void {
  ctx.service = serviceKeyOf(v.service) ?? ctx.service;
  ctx.decidedBy = 'rules';
  ctx.decision = {
    node,
    candidates: v.candidates?.length ?? 0,
    mode: modeText(ctx, node),
    sticky: v.steps.some((st) => st.text.includes('--rcheck')) || isSticky(v.reason),
    ...(v.decidingRule ? { rule: v.decidingRule.text } : {}),
  };
}

/**
 * Runs a packet through a node's netfilter: an existing conntrack entry, or kube-proxy's rules.
 * `role` 'entry' is the node where the packet enters the cluster's data path (it shows a kube-proxy hop
 * even when no rule matched); 'transit' is a node the packet is merely forwarded through to a pod.
 */
export function throughNode(
  ctx: Ctx,
  node: string,
  p: Packet,
  hook: 'PREROUTING' | 'OUTPUT',
  role: 'entry' | 'transit',
): Packet | End {
  const { world } = ctx;
  if (ctx.cluster.faults?.stoppedNodes.includes(node)) {
    const why = msg('timeline.nodeDown', { node });
    addHop(ctx, { stage: 'node', location: `node/${node}`, action: 'drop', note: why }, p);
    return fail('timeout', why);
  }
  expireAll(world, node);
  // kube-proxy on this node has synced to this cluster state: stale UDP entries are gone.
  syncConntrack(world, ctx.cluster, node);
  let hit = ctLookup(world.conntrack, node, p, world.clock);
  if (hit && (hit.entry.state === 'TIME_WAIT' || hit.entry.state === 'CLOSE')) {
    // A new SYN on the tuple of a finished connection: conntrack drops the old entry, the packet is NEW.
    ctKill(world.conntrack, hit.entry);
    hit = undefined;
  }
  if (hit && hit.direction === 'original') {
    const e = hit.entry;
    ctRefresh(e, world.clock);
    const out = reversed(e.reply);
    ctx.back.push({ kind: 'ct', node, entry: e });
    if (!ctx.entries.includes(e)) ctx.entries.push(e);
    if (!samePacket(out, p)) {
      ctx.service = serviceKeyOf(e.service) ?? ctx.service;
      ctx.decidedBy = 'conntrack';
      // A tally keeps no conntrack hop (it holds no candidates): the entry's text is not printed.
      if (!tally(ctx))
        addHop(
          ctx,
          {
            stage: 'kube-proxy',
            location: `node/${node}`,
            action: out.dst !== p.dst || out.dstPort !== p.dstPort ? 'dnat' : 'snat',
            rule: `conntrack: ${formatEntry(e, world.clock)}`,
            note: msg('sim.hop.conntrack', {}),
          },
          out,
        );
    } else if (role === 'transit') {
      addHop(
        ctx,
        { stage: 'node', location: `node/${node}`, action: 'forward', note: msg('sim.hop.knownFlow', {}) },
        out,
      );
    }
    return out;
  }

  const cleared = ctTakeCleared(world.conntrack, node, p);
  const v = kubeProxy(ctx.cluster, world, node, p, hook);
  if (v.action === 'drop' || v.action === 'reject') {
    ctx.service = serviceKeyOf(v.service) ?? ctx.service;
    addHop(ctx, verdictHop(ctx, node, v, 'kube-proxy', v.action, v.reason, true, p), p);
    const rule = v.decidingRule;
    // IPVS mode: a virtual server left without real servers by the Local policy (syncEndpoint with
    // onlyNodeLocalEndpoints) is IPVS's ICMP port unreachable, not a Service without endpoints.
    const why =
      v.action === 'reject' && rule?.table === 'ipvs' && emptyForLocalPolicy(ctx, node, v)
        ? msg('sim.block.ipvsLocal', {
            service: serviceKeyOf(v.service) ?? '',
            node,
            virtualServer: rule.chain,
          })
        : explainProxyBlock(ctx.cluster, node, v.action, rule, v.service, p);
    return fail(v.action === 'drop' ? 'dropped' : 'rejected', why);
  }
  let out: Packet = { ...v.packet };
  const hostPort = v.action === 'dnat' && v.decidingRule?.chain.startsWith('CNI-DN-');
  if (hostPort) {
    // Not kube-proxy: the CNI portmap plugin's DNAT for a pod's hostPort.
    ctx.hostPort = { node, port: p.dstPort, protocol: p.protocol, chain: v.decidingRule!.chain };
    addHop(ctx, verdictHop(ctx, node, v, 'node', 'dnat', v.reason, false, p), out);
  } else if (v.action === 'dnat') {
    decide(ctx, node, v);
    const note = cleared ? clearedNote(cleared, v.reason) : v.reason;
    addHop(ctx, verdictHop(ctx, node, v, 'kube-proxy', 'dnat', note, true, p), out);
  } else if (!tally(ctx)) {
    // (A tally keeps no forwarding hop: it holds no candidates.)
    const note = v.reason
      ? v.reason
      : ctx.cluster.config.proxy.startError !== undefined
        ? msg('kubeProxy.down.hop', { node })
        : role === 'entry'
          ? msg('sim.hop.noRewrite', { ip: p.dst, port: p.dstPort, protocol: p.protocol })
          : msg('sim.hop.transit', { node });
    const stage = role === 'entry' ? 'kube-proxy' : 'node';
    addHop(ctx, verdictHop(ctx, node, v, stage, 'forward', note, false, p), out);
  }
  if (v.masquerade) out = masquerade(ctx, node, out, v.masqueradeStep, v.steps);
  const extra: Pick<ConntrackEntry, 'ipvs' | 'service' | 'rule'> = {};
  if (v.ipvsConnection) extra.ipvs = v.ipvsConnection;
  if (v.service) extra.service = v.service;
  if (v.decidingRule) extra.rule = v.decidingRule.text;
  const e = ctCreate(world.conntrack, node, p, out, world.clock, extra);
  ctx.entries.push(e);
  ctx.back.push({ kind: 'ct', node, entry: e });
  return out;
}
