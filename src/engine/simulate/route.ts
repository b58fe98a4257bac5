/**
 * Where a packet goes after a node's netfilter: to a pod on this node (cni0), across the overlay to
 * another node (with a cross-zone marker), to the node's own sockets, or nowhere (a virtual address no
 * rule captured, an address outside the cluster). Also the first steps of a request from each kind of
 * client. Internal to simulate/.
 */
import type { Pod } from '../k8s/objects';
import type { Packet } from '../net/packet';
import { clusterIndex, nsName, type NodeInfo } from '../cluster/cluster-index';
import { link, linkFromOutside, locationOf, type Place } from './topology';
import { servicePortsOf } from '../proxy/shared/service-port';
import { isIngressControllerPod } from '../ingress';
import { appAccepts } from './app';
import { isIngressRequest, throughIngress } from './ingress-path';
import { cloudLoadBalancer } from './cloud-lb-path';
import { addHop, fail, type Ctx, type End } from './context';
import { explainIcmpToVirtualIP, explainNoServicePort } from './explain';
import { kubeProxyHealth } from './node-sockets';
import { throughNode } from './node-path';
import { unroutedBlock } from './unrouted';

const MAX_DEPTH = 6;

/** The packet crosses from one node to another over the overlay. */
function cross(ctx: Ctx, from: string, to: string, p: Packet): void {
  const l = link(ctx.cluster, from, to);
  addHop(
    ctx,
    { stage: 'network', location: l.from, action: 'forward', crossZone: l.crossZone, note: l.note },
    p,
  );
  ctx.back.push({ kind: 'link', link: l, reverseNote: link(ctx.cluster, to, from).note });
}

/** Delivers to a pod's socket, or the pod refuses. */
export function deliverToPod(ctx: Ctx, pod: Pod, p: Packet, fromInside = false): End {
  const acc = appAccepts(pod, p.dstPort, p.protocol, fromInside);
  const location = `pod/${nsName(pod)}`;
  if (!acc.ok) {
    addHop(ctx, { stage: 'pod', location, action: 'reject', note: acc.explanation }, p);
    return fail('refused', acc.explanation);
  }
  const s = acc.socket;
  addHop(
    ctx,
    {
      stage: 'pod',
      location,
      action: 'deliver',
      note: s
        ? `Container ${s.container} listens on ${s.ip}:${s.port}/${s.protocol}.`
        : `The pod's kernel answers the echo request.`,
    },
    p,
  );
  if (isIngressControllerPod(pod) && isIngressRequest(ctx, p)) return throughIngress(ctx, pod, p);
  return { kind: 'pod', pod, arrived: p, socket: s, ...(fromInside ? { viaLoopback: true } : {}) };
}

function hostNetworkPods(ctx: Ctx, node: string): Pod[] {
  return ctx.cluster.pods.filter((q) => q.spec.hostNetwork && q.spec.nodeName === node && q.status?.podIP);
}

/** A hint when a pod on another node maps this port as its hostPort (a common hostPort/NodePort mix-up). */
function hostPortElsewhere(ctx: Ctx, node: string, p: Packet): string {
  const owners = ctx.cluster.pods.filter(
    (q) =>
      q.spec.nodeName !== undefined &&
      q.spec.nodeName !== node &&
      !q.spec.hostNetwork &&
      (q.spec.containers ?? []).some((c) =>
        (c.ports ?? []).some((pt) => pt.hostPort === p.dstPort && (pt.protocol ?? 'TCP') === p.protocol),
      ),
  );
  if (owners.length === 0) return '';
  const list = owners.map((q) => `${nsName(q)} on ${q.spec.nodeName}`).join(', ');
  return ` Pod ${list} has hostPort ${p.dstPort}, but a hostPort is opened (by the CNI portmap plugin) only on the node where that pod runs: use that node's address, or a NodePort Service, which opens its port on every node.`;
}

/** A packet for the node's own address: the kernel (ping), hostNetwork pods, kube-proxy's health server. */
function deliverToNode(ctx: Ctx, node: NodeInfo, p: Packet): End {
  const location = `node/${node.name}`;
  if (p.protocol === 'ICMP') {
    addHop(
      ctx,
      { stage: 'node', location, action: 'deliver', note: `${node.name}'s kernel answers the echo request.` },
      p,
    );
    return { kind: 'node', node, arrived: p, response: null, what: `node ${node.name}` };
  }
  for (const pod of hostNetworkPods(ctx, node.name)) {
    if (appAccepts(pod, p.dstPort, p.protocol, false).ok) return deliverToPod(ctx, pod, p);
  }
  const health = p.protocol === 'TCP' ? kubeProxyHealth(ctx.cluster, node.name, p.dstPort) : undefined;
  if (health) {
    addHop(ctx, { stage: 'node', location, action: 'deliver', note: health.note }, p);
    return { kind: 'node', node, arrived: p, response: health.response, what: `kube-proxy on ${node.name}` };
  }
  const why = `Nothing on ${node.name} listens on ${p.dstPort}/${p.protocol} and no kube-proxy rule (NodePort) matched it, so the node refuses the connection.${hostPortElsewhere(ctx, node.name, p)}`;
  addHop(ctx, { stage: 'node', location, action: 'reject', note: why }, p);
  return fail('refused', why);
}

function virtualIpEnd(ctx: Ctx, node: string, p: Packet): End {
  const owner = clusterIndex(ctx.cluster).ipOwner(p.dst);
  if (owner.kind !== 'cluster-ip' && owner.kind !== 'external-ip') return fail('timeout', '');
  const svc = owner.service;
  const kind = owner.kind === 'cluster-ip' ? 'ClusterIP' : 'external IP';
  let why: string;
  if (p.protocol === 'ICMP') why = explainIcmpToVirtualIP(p.dst, svc, kind);
  else if (!servicePortsOf(svc).some((sp) => sp.port === p.dstPort && sp.protocol === p.protocol))
    why = explainNoServicePort(p.dst, p.dstPort, p.protocol, svc);
  else
    why = `No kube-proxy rule on ${node} captured ${p.dst}:${p.dstPort}; nobody owns the address and the request times out.`;
  addHop(
    ctx,
    {
      stage: 'network',
      location: `node/${node}`,
      action: 'drop',
      note: `Sent towards the default gateway: no interface owns ${p.dst} (a virtual address), so nothing answers.`,
    },
    p,
  );
  return fail('timeout', why);
}

/** Routes a packet that has left `node`'s netfilter. */
export function route(ctx: Ctx, node: string, p: Packet): End {
  if (++ctx.depth > MAX_DEPTH) return fail('timeout', 'The packet loops between nodes and never arrives.');
  const owner = clusterIndex(ctx.cluster).ipOwner(p.dst);
  switch (owner.kind) {
    case 'pod': {
      const target = owner.node ?? node;
      if (target !== node) {
        cross(ctx, node, target, p);
        const r = throughNode(ctx, target, p, 'PREROUTING', 'transit');
        if ('kind' in r) return r;
        p = r;
      }
      return deliverToPod(ctx, owner.pod, p);
    }
    case 'node': {
      if (owner.node.name === node) return deliverToNode(ctx, owner.node, p);
      cross(ctx, node, owner.node.name, p);
      const r = throughNode(ctx, owner.node.name, p, 'PREROUTING', 'entry');
      if ('kind' in r) return r;
      return r.dst === p.dst && r.dstPort === p.dstPort
        ? deliverToNode(ctx, owner.node, r)
        : route(ctx, owner.node.name, r);
    }
    case 'cluster-ip':
    case 'external-ip':
      return virtualIpEnd(ctx, node, p);
    case 'load-balancer':
      return fail(
        'unreachable',
        `kube-proxy on ${node} did not capture ${p.dst} (the load balancer's address), and svclab does not simulate traffic leaving the cluster for the cloud load balancer.`,
      );
    case 'outside': {
      const block = unroutedBlock(p.dst);
      addHop(
        ctx,
        {
          stage: 'network',
          location: `node/${node}`,
          action: 'forward',
          note: `${p.dst} is outside the cluster: the packet leaves ${node} towards its default gateway.${block ? ` ${block} is documentation space that no network routes, so nothing ever answers.` : ''}`,
        },
        p,
      );
      if (block)
        return fail(
          'timeout',
          `${p.dst} is outside the cluster${ctx.service ? ` (an endpoint of Service ${ctx.service})` : ''}, in ${block}: documentation space that no network routes, and svclab simulates no host there. The ${p.protocol === 'ICMP' ? 'echo request' : 'SYN'} leaves ${node} by its default gateway and nothing answers (no reset, no ICMP error), so the ${p.protocol === 'ICMP' ? 'ping gets no reply' : 'connection attempt times out'}.`,
        );
      return fail(
        'unreachable',
        `${p.dst} is outside the cluster${ctx.service ? ` (an endpoint of Service ${ctx.service})` : ''}. svclab simulates no hosts outside the cluster, so it cannot say what answers there.`,
      );
    }
  }
}

/** The first steps of a request from its client, up to the end of its path. */
export function walkRequest(ctx: Ctx, from: Place, p: Packet): End {
  addHop(ctx, { stage: 'client', location: locationOf(from), action: 'send' }, p);
  if (from.kind === 'pod') {
    if (p.dst === from.ip || p.dst.startsWith('127.')) return deliverToPod(ctx, from.pod, p, true);
    const r = throughNode(ctx, from.node ?? '', p, 'PREROUTING', 'entry');
    return 'kind' in r ? r : route(ctx, from.node ?? '', r);
  }
  if (from.kind === 'node') {
    const r = throughNode(ctx, from.node.name, p, 'OUTPUT', 'entry');
    if ('kind' in r) return r;
    if (r.dst.startsWith('127.')) return deliverToNode(ctx, from.node, r);
    return route(ctx, from.node.name, r);
  }
  const owner = clusterIndex(ctx.cluster).ipOwner(p.dst);
  switch (owner.kind) {
    case 'load-balancer':
      return cloudLoadBalancer(ctx, p, owner.service);
    case 'node':
    case 'external-ip': {
      const node = owner.kind === 'node' ? owner.node.name : (ctx.cluster.nodes[0]?.metadata.name ?? '');
      const l = linkFromOutside(ctx.cluster, from, node);
      const note =
        owner.kind === 'external-ip'
          ? `${l.note}. Kubernetes does not route externalIPs; svclab's network delivers them to ${node}, as an administrator's route would.`
          : l.note;
      addHop(ctx, { stage: 'network', location: l.from, action: 'forward', crossZone: false, note }, p);
      ctx.back.push({ kind: 'link', link: l, reverseNote: `${node} → ${l.from} over the provider network` });
      const r = throughNode(ctx, node, p, 'PREROUTING', 'entry');
      return 'kind' in r ? r : route(ctx, node, r);
    }
    case 'cluster-ip':
      return fail(
        'unreachable',
        `${p.dst} is the ClusterIP of Service ${nsName(owner.service)}: a virtual address that exists only as kube-proxy rules inside the cluster's nodes, so the outside network has no route to it. Use a NodePort or LoadBalancer Service (or an Ingress) to reach it from outside.`,
      );
    case 'pod':
      return fail(
        'unreachable',
        `${p.dst} is a pod address (${nsName(owner.pod)}); the pod network is an overlay inside the cluster, so the outside network has no route to it.`,
      );
    case 'outside':
      return fail(
        'unreachable',
        `Nothing owns ${p.dst}: it is neither a node, a load balancer nor an external IP of a Service.`,
      );
  }
}
