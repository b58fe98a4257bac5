/**
 * A request through the simulated cloud load balancer: its security group (loadBalancerSourceRanges), its
 * listener, its target choice (instance: a node's NodePort, health-checked; IP: a pod directly), then the
 * hop into the cluster. Internal to simulate/.
 */
import type { Service } from '../k8s/objects';
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
import { addHop, fail, type Ctx, type End } from './context';
import { throughNode } from './node-path';
import { route } from './route';

function candidateOf(c: LbCandidate, healthy: number, chosen: boolean): Candidate {
  const t = c.target;
  const out: Candidate =
    t.kind === 'node'
      ? { endpoint: `${t.node.ip}:${t.port}`, node: t.node.name }
      : {
          endpoint: t.endpoint.endpoint,
          ...(t.endpoint.pod ? { pod: t.endpoint.pod } : {}),
          ...(t.endpoint.nodeName ? { node: t.endpoint.nodeName } : {}),
        };
  out.probability = c.healthy && healthy > 0 ? 1 / healthy : 0;
  out.state = c.health;
  if (chosen) out.chosen = true;
  return out;
}

function targetNode(t: LbTarget): string {
  return t.kind === 'node' ? t.node.name : (t.endpoint.nodeName ?? '');
}

/** client → LB → node (instance mode) or pod (IP mode). */
export function cloudLoadBalancer(ctx: Ctx, p: Packet, svc: Service): End {
  const { world, cluster } = ctx;
  const location = `lb/${nsName(svc)}`;
  const lbIP = p.dst;
  const drop = (note: string, outcome: 'timeout' | 'dropped', why: string): End => {
    addHop(ctx, { stage: 'cloud-lb', location, action: 'drop', note }, p);
    return fail(outcome, why);
  };
  if (p.protocol === 'ICMP')
    return drop(
      'The load balancer forwards only its listeners’ TCP/UDP ports; it does not answer ping.',
      'timeout',
      `${lbIP} is Service ${nsName(svc)}'s cloud load balancer, which only forwards its listener ports; ping gets no answer.`,
    );
  const sp = listenerFor(svc, p.dstPort, p.protocol);
  if (!sp)
    return drop(
      `No listener on ${p.dstPort}/${p.protocol}.`,
      'timeout',
      `The load balancer of Service ${nsName(svc)} has no listener on ${p.dstPort}/${p.protocol} (one per Service port), so the connection times out.`,
    );
  if (!sourceAllowed(sp, p.src))
    return drop(
      `The LB's security group allows only ${sp.sourceRanges.join(', ')} (loadBalancerSourceRanges).`,
      'dropped',
      `${p.src} is not in Service ${nsName(svc)}'s loadBalancerSourceRanges (${sp.sourceRanges.join(', ')}), so the cloud load balancer's firewall drops the connection; the client waits until it times out.`,
    );
  const mode = targetMode(svc);
  if (mode === 'instance' && sp.nodePort === 0)
    return drop(
      'Instance targets need a NodePort, and this Service has none (allocateLoadBalancerNodePorts: false).',
      'timeout',
      `Service ${nsName(svc)} has no NodePort (allocateLoadBalancerNodePorts: false), so an instance-mode load balancer has nothing to send to; use IP targets.`,
    );
  ctx.service = nsName(svc);
  const key = `${lbIP}|${p.src}|${p.srcPort}|${p.dstPort}|${p.protocol}`;
  const flow = world.cloudLb.flows.get(key);
  const cands = lbTargets(cluster, svc, sp);
  let target: LbTarget;
  let srcPort: number;
  let note: string;
  let candidates: Candidate[] | undefined;
  if (flow && flow.expires > world.clock) {
    target = flow.target;
    srcPort = flow.srcPort;
    note = 'An existing flow: the load balancer keeps sending it to the same target.';
  } else {
    let chosen = pickTarget(cands, world.rng);
    let failOpen = false;
    if (!chosen && cands.length > 0) {
      // NLB fails open: with every target unhealthy it routes to all of them.
      chosen = cands[world.rng.int(cands.length)];
      failOpen = true;
    }
    if (!chosen)
      return drop(
        'The target group is empty.',
        'timeout',
        `Service ${nsName(svc)} has no ready pods, so its IP-mode target group is empty and the load balancer has nowhere to send the connection.`,
      );
    target = chosen.target;
    const healthy = cands.filter((c) => c.healthy).length;
    candidates = cands.map((c) => candidateOf(c, failOpen ? 0 : healthy, c === chosen));
    if (failOpen) for (const c of candidates) c.probability = 1 / cands.length;
    srcPort = preservesClientIP(svc) ? p.srcPort : ephemeralPort(world.rng);
    note =
      mode === 'instance'
        ? `Instance targets: every node on NodePort ${sp.nodePort}${sp.externalPolicyLocal ? `, health-checked on healthCheckNodePort ${sp.healthCheckNodePort}` : ''}; the client address is kept.`
        : `IP targets (${'aws-load-balancer-nlb-target-type: ip'}): straight to a pod, no NodePort and no kube-proxy hop${preservesClientIP(svc) ? '; client IP preserved by the target group attribute' : "; the pod sees the load balancer's address (preserve_client_ip is off by default for IP targets)"}.`;
    if (failOpen)
      note += ' Every target failed its health check, so the load balancer fails open and uses them all.';
  }
  const src = preservesClientIP(svc) ? p.src : (loadBalancerIPs(svc)[0] ?? lbIP);
  if (!preservesClientIP(svc)) ctx.lbSnat = src;
  const out: Packet =
    target.kind === 'node'
      ? { ...p, src, srcPort, dst: target.node.ip, dstPort: target.port }
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
  ctx.back.push({ kind: 'link', link: l, reverseNote: `${node} → ${l.from} over the provider network` });
  const r = throughNode(ctx, node, out, 'PREROUTING', mode === 'instance' ? 'entry' : 'transit');
  if ('kind' in r) return r;
  return route(ctx, node, r);
}
