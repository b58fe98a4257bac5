/**
 * A request through the simulated cloud load balancer: its security group (loadBalancerSourceRanges), its
 * listener, its target choice (instance: a node's NodePort, health-checked; IP: a pod directly), then the
 * hop into the cluster. Internal to simulate/.
 */
import type { Service } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { familyOfIp, joinHostPort } from '../net/ip6';
import { ephemeralPort, type Packet } from '../net/packet';
import { nsName } from '../cluster/cluster-index';
import { linkFromOutside, loadBalancerIPs } from './topology';
import type { Candidate } from '../trace';
import {
  idleTimeout,
  lbTargets,
  listenerFor,
  pickTarget,
  preservesClientIP,
  sourceAllowed,
  targetMode,
  type LbCandidate,
  type LbTarget,
} from './cloud-lb';
import { addHop, fail, type Ctx, type End, type RouteFn } from './context';
import { throughNode } from './node-path';

function candidateOf(c: LbCandidate, healthy: number, chosen: boolean): Candidate {
  const t = c.target;
  const out: Candidate =
    t.kind === 'node'
      ? { endpoint: joinHostPort(t.ip, t.port), node: t.node.name }
      : {
          endpoint: t.endpoint.endpoint,
          ...(t.endpoint.pod ? { pod: t.endpoint.pod } : {}),
          ...(t.endpoint.nodeName ? { node: t.endpoint.nodeName } : {}),
        };
  out.probability = c.healthy && healthy > 0 ? 1 / healthy : 0;
  out.health = c.health;
  if (chosen) out.chosen = true;
  return out;
}

function targetNode(t: LbTarget): string {
  return t.kind === 'node' ? t.node.name : (t.endpoint.nodeName ?? '');
}

/** client → LB → node (instance mode) or pod (IP mode). */
export function cloudLoadBalancer(ctx: Ctx, p: Packet, svc: Service, route: RouteFn): End {
  const { world, cluster } = ctx;
  const location = `lb/${nsName(svc)}`;
  const lbIP = p.dst;
  // The cloud listens on each of its addresses with that family's view of the Service.
  const family = familyOfIp(lbIP) ?? 'IPv4';
  const drop = (note: Msg, outcome: 'timeout' | 'dropped', why: Msg): End => {
    addHop(ctx, { stage: 'cloud-lb', location, action: 'drop', note }, p);
    return fail(outcome, why);
  };
  if (p.protocol === 'ICMP')
    return drop(
      msg('sim.lb.icmpNote', {}),
      'timeout',
      msg('sim.lb.icmp', { ip: lbIP, service: nsName(svc) }),
    );
  const sp = listenerFor(svc, p.dstPort, p.protocol, family);
  if (!sp)
    return drop(
      msg('sim.lb.noListenerNote', { port: p.dstPort, protocol: p.protocol }),
      'timeout',
      msg('sim.lb.noListener', { service: nsName(svc), port: p.dstPort, protocol: p.protocol }),
    );
  if (!sourceAllowed(sp, p.src))
    return drop(
      msg('sim.lb.firewallNote', { ranges: sp.sourceRanges }),
      'dropped',
      msg('sim.lb.firewall', { client: p.src, service: nsName(svc), ranges: sp.sourceRanges }),
    );
  const mode = targetMode(svc);
  if (mode === 'instance' && sp.nodePort === 0)
    return drop(
      msg('sim.lb.noNodePortNote', {}),
      'timeout',
      msg('sim.lb.noNodePort', { service: nsName(svc) }),
    );
  ctx.service = nsName(svc);
  const key = `${lbIP}|${p.src}|${p.srcPort}|${p.dstPort}|${p.protocol}`;
  const flow = world.cloudLb.flows.get(key);
  const cands = lbTargets(cluster, svc, sp, family);
  let target: LbTarget;
  let srcPort: number;
  let note: Msg;
  let candidates: Candidate[] | undefined;
  if (flow && flow.expires > world.clock) {
    target = flow.target;
    srcPort = flow.srcPort;
    note = msg('sim.lb.existingFlow', {});
  } else {
    let chosen = pickTarget(cands, world.rng);
    let failOpen = false;
    if (!chosen && cands.length > 0) {
      // NLB fails open: with every target unhealthy it routes to all of them.
      chosen = cands[world.rng.int(cands.length)];
      failOpen = true;
    }
    if (!chosen)
      return drop(msg('sim.lb.emptyNote', {}), 'timeout', msg('sim.lb.empty', { service: nsName(svc) }));
    target = chosen.target;
    const healthy = cands.filter((c) => c.healthy).length;
    candidates = cands.map((c) => candidateOf(c, failOpen ? 0 : healthy, c === chosen));
    if (failOpen) for (const c of candidates) c.probability = 1 / cands.length;
    srcPort = preservesClientIP(svc) ? p.srcPort : ephemeralPort(world.rng);
    note =
      mode === 'instance'
        ? msg('sim.lb.instance', {
            nodePort: sp.nodePort,
            healthCheckNodePort: sp.externalPolicyLocal ? sp.healthCheckNodePort : null,
            failOpen,
          })
        : msg('sim.lb.ip', { preserve: preservesClientIP(svc), failOpen });
  }
  const src = preservesClientIP(svc)
    ? p.src
    : (loadBalancerIPs(svc).find((ip) => familyOfIp(ip) === family) ?? lbIP);
  if (!preservesClientIP(svc)) ctx.lbSnat = src;
  const out: Packet =
    target.kind === 'node'
      ? { ...p, src, srcPort, dst: target.ip, dstPort: target.port }
      : { ...p, src, srcPort, dst: target.endpoint.ip, dstPort: target.endpoint.port };
  world.cloudLb.flows.set(key, { target, srcPort, expires: world.clock + idleTimeout(p.protocol) });
  ctx.decidedBy ??= 'lb';
  addHop(
    ctx,
    {
      stage: 'cloud-lb',
      location,
      action: 'dnat',
      rule: `${mode === 'instance' ? 'instance' : 'ip'} target group of ${nsName(svc)} port ${sp.port}/${sp.protocol}`,
      ...(candidates ? { candidates } : {}),
      note,
    },
    out,
  );
  ctx.back.push({ kind: 'lb', location, clientPacket: p });
  const node = targetNode(target);
  const l = linkFromOutside(cluster, { kind: 'lb', service: svc, ip: lbIP }, node);
  addHop(ctx, { stage: 'network', location: l.from, action: 'forward', crossZone: false, note: l.note }, out);
  ctx.back.push({ kind: 'link', link: l, reverseNote: msg('net.providerBack', { from: node, to: l.from }) });
  const r = throughNode(ctx, node, out, 'PREROUTING', mode === 'instance' ? 'entry' : 'transit');
  if ('kind' in r) return r;
  return route(ctx, node, r);
}
