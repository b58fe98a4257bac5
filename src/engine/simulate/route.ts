/**
 * Where a packet goes after a node's netfilter: to a pod on this node (cni0), across the overlay to
 * another node (with a cross-zone marker), to the node's own sockets, or nowhere (a virtual address no
 * rule captured, an address outside the cluster). Also the first steps of a request from each kind of
 * client. Internal to simulate/.
 */
import type { Pod, Service } from '../k8s/objects';
import type { Packet } from '../net/packet';
import { clusterIndex, nsName, type NodeInfo } from '../cluster/cluster-index';
import { link, linkFromOutside, locationOf, type Link, type Place } from './topology';
import { servicePortsOf } from '../proxy';
import { isIngressControllerPod } from '../ingress';
import { msg, type Msg } from '../messages';
import { appAccepts } from './app';
import { isIngressRequest, throughIngress } from './ingress-path';
import { owningGateway } from '../gateway/envoy-infra';
import { gatewayListenerPort, throughGateway } from './gateway-path';
import { cloudLoadBalancer } from './cloud-lb-path';
import { addHop, fail, tally, type Ctx, type End } from './context';
import { explainIcmpToVirtualIP, explainNoServicePort } from './explain';
import { apiServerAnswer } from './api-server';
import { kubeProxyHealth } from './node-sockets';
import { throughNode } from './node-path';
import { unroutedBlock } from './unrouted';

const MAX_DEPTH = 6;

/** The packet crosses from one node to another over the overlay. */
function cross(ctx: Ctx, from: string, to: string, p: Packet, via: 'overlay' | 'nodes' = 'overlay'): void {
  // A tally records neither the crossing nor the way back over it (only its reply hops would read it).
  if (tally(ctx)) return;
  const l = link(ctx.cluster, from, to, via);
  addHop(
    ctx,
    { stage: 'network', location: l.from, action: 'forward', crossZone: l.crossZone, note: l.note },
    p,
  );
  // The reply goes to the request's source: a pod address travels back through the overlay.
  const back = clusterIndex(ctx.cluster).ipOwner(p.src).kind === 'pod' ? 'overlay' : via;
  ctx.back.push({ kind: 'link', link: l, reverseNote: link(ctx.cluster, to, from, back).note });
}

/** Delivers to a pod's socket, or the pod refuses. */
export function deliverToPod(ctx: Ctx, pod: Pod, p: Packet, fromInside = false): End {
  const location = `pod/${nsName(pod)}`;
  // A Timeline's faults (src/engine/timeline/): a stopped node answers nothing; a crashed container refuses.
  const faults = ctx.cluster.faults;
  if (faults?.stoppedNodes.includes(pod.spec.nodeName ?? '')) {
    const why = msg('timeline.nodeDown', { node: pod.spec.nodeName ?? '' });
    addHop(ctx, { stage: 'pod', location, action: 'drop', note: why }, p);
    return fail('timeout', why);
  }
  if (faults?.crashedPods.includes(nsName(pod)) && !fromInside) {
    const why = msg('timeline.containerDown', { pod: nsName(pod) });
    addHop(ctx, { stage: 'pod', location, action: 'reject', note: why }, p);
    return fail('refused', why);
  }
  const acc = appAccepts(pod, p.dstPort, p.protocol, fromInside);
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
        ? msg('sim.hop.listens', { container: s.container, ip: s.ip, port: s.port, protocol: s.protocol })
        : msg('sim.hop.podEcho', {}),
    },
    p,
  );
  if (isIngressControllerPod(pod) && isIngressRequest(ctx, p))
    return throughIngress(ctx, pod, p, walkRequest);
  const gateway = owningGateway(pod);
  const listener = gateway ? gatewayListenerPort(ctx, gateway, p) : undefined;
  if (gateway && listener) return throughGateway(ctx, pod, gateway, listener, p, walkRequest);
  return { kind: 'pod', pod, arrived: p, socket: s, ...(fromInside ? { viaLoopback: true } : {}) };
}

function hostNetworkPods(ctx: Ctx, node: string): Pod[] {
  return ctx.cluster.pods.filter((q) => q.spec.hostNetwork && q.spec.nodeName === node && q.status?.podIP);
}

/** A hint when a pod on another node maps this port as its hostPort (a common hostPort/NodePort mix-up). */
function hostPortElsewhere(ctx: Ctx, node: string, p: Packet): Msg | null {
  const owners = ctx.cluster.pods.filter(
    (q) =>
      q.spec.nodeName !== undefined &&
      q.spec.nodeName !== node &&
      !q.spec.hostNetwork &&
      (q.spec.containers ?? []).some((c) =>
        (c.ports ?? []).some((pt) => pt.hostPort === p.dstPort && (pt.protocol ?? 'TCP') === p.protocol),
      ),
  );
  if (owners.length === 0) return null;
  return msg('sim.hostPortElsewhere', {
    pods: owners.map(nsName),
    nodes: owners.map((q) => q.spec.nodeName ?? ''),
    port: p.dstPort,
  });
}

/** The Service whose NodePort the packet's destination port is (any Service: a NodePort is open on every node). */
function nodePortService(ctx: Ctx, p: Packet): Service | undefined {
  return ctx.cluster.services.find((svc) =>
    (svc.spec.ports ?? []).some((sp) => sp.nodePort === p.dstPort && (sp.protocol ?? 'TCP') === p.protocol),
  );
}

/** A packet for the node's own address: the kernel (ping), hostNetwork pods, kube-proxy's health server. */
function deliverToNode(ctx: Ctx, node: NodeInfo, p: Packet): End {
  const location = `node/${node.name}`;
  if (p.protocol === 'ICMP') {
    addHop(
      ctx,
      { stage: 'node', location, action: 'deliver', note: msg('sim.hop.nodeEcho', { node: node.name }) },
      p,
    );
    return { kind: 'node', node, arrived: p, response: null, what: msg('sim.who.node', { node: node.name }) };
  }
  for (const pod of hostNetworkPods(ctx, node.name)) {
    if (appAccepts(pod, p.dstPort, p.protocol, false).ok) return deliverToPod(ctx, pod, p);
  }
  const api = apiServerAnswer(ctx.cluster, node, p, ctx.req);
  if (api) {
    addHop(ctx, { stage: 'node', location, action: 'deliver', note: api.note }, p);
    return {
      kind: 'node',
      node,
      arrived: p,
      response: api.response,
      what: msg('apiserver.who', { node: node.name }),
      ...(api.clientError ? { clientError: api.clientError } : {}),
    };
  }
  const health = p.protocol === 'TCP' ? kubeProxyHealth(ctx.cluster, node.name, p.dstPort) : undefined;
  if (health) {
    addHop(ctx, { stage: 'node', location, action: 'deliver', note: health.note }, p);
    return {
      kind: 'node',
      node,
      arrived: p,
      response: health.response,
      what: msg('sim.who.kubeProxy', { node: node.name }),
    };
  }
  const down = ctx.cluster.config.proxy.startError;
  const nodePortOf = down !== undefined ? nodePortService(ctx, p) : undefined;
  const why = nodePortOf
    ? msg('kubeProxy.down.nodePort', {
        node: node.name,
        port: p.dstPort,
        protocol: p.protocol,
        service: nsName(nodePortOf),
        error: down!,
      })
    : msg('sim.nodeRefuses', {
        node: node.name,
        port: p.dstPort,
        protocol: p.protocol,
        hostPort: hostPortElsewhere(ctx, node.name, p),
      });
  addHop(ctx, { stage: 'node', location, action: 'reject', note: why }, p);
  return fail('refused', why);
}

function virtualIpEnd(ctx: Ctx, node: string, p: Packet): End {
  const owner = clusterIndex(ctx.cluster).ipOwner(p.dst);
  if (owner.kind !== 'cluster-ip' && owner.kind !== 'external-ip')
    return fail('timeout', msg('sim.noRuleCaptured', { node, ip: p.dst, port: p.dstPort }));
  const svc = owner.service;
  const kind = owner.kind === 'cluster-ip' ? 'ClusterIP' : 'external IP';
  let why: Msg;
  const down = ctx.cluster.config.proxy.startError;
  if (down !== undefined)
    why = msg('kubeProxy.down.vip', { node, ip: p.dst, service: nsName(svc), error: down });
  else if (p.protocol === 'ICMP') why = explainIcmpToVirtualIP(p.dst, svc, kind);
  else if (!servicePortsOf(svc).some((sp) => sp.port === p.dstPort && sp.protocol === p.protocol))
    why = explainNoServicePort(p.dst, p.dstPort, p.protocol, svc);
  else why = msg('sim.noRuleCaptured', { node, ip: p.dst, port: p.dstPort });
  addHop(
    ctx,
    {
      stage: 'network',
      location: `node/${node}`,
      action: 'drop',
      note: msg('sim.hop.vipToGateway', { ip: p.dst }),
    },
    p,
  );
  return fail('timeout', why);
}

/** The load balancer gave `ip` with `ipMode: Proxy` (LoadBalancerIPMode): kube-proxy does not capture it. */
function isProxyMode(svc: Service, ip: string): boolean {
  return (svc.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip && i.ipMode === 'Proxy');
}

/**
 * In-cluster traffic to an `ipMode: Proxy` address: with no kube-proxy rule for it, the node sends it to the
 * load balancer over the provider network, and the load balancer brings it back in as it does any
 * client's (a node's NodePort, or a pod in IP target mode).
 */
function outToLoadBalancer(ctx: Ctx, node: string, p: Packet, svc: Service): End {
  const lb = `lb/${nsName(svc)}`;
  const l: Link = {
    from: `node/${node}`,
    to: lb,
    crossZone: false,
    note: msg('sim.hop.lbProxyMode', { ip: p.dst, node, service: nsName(svc) }),
  };
  addHop(ctx, { stage: 'network', location: l.from, action: 'forward', crossZone: false, note: l.note }, p);
  ctx.back.push({ kind: 'link', link: l, reverseNote: msg('net.providerBack', { from: lb, to: node }) });
  return cloudLoadBalancer(ctx, p, svc, route);
}

/** Routes a packet that has left `node`'s netfilter. */
export function route(ctx: Ctx, node: string, p: Packet): End {
  if (++ctx.depth > MAX_DEPTH) return fail('timeout', msg('sim.loop', {}));
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
      cross(ctx, node, owner.node.name, p, 'nodes');
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
      if (isProxyMode(owner.service, p.dst)) return outToLoadBalancer(ctx, node, p, owner.service);
      if (ctx.cluster.config.proxy.startError !== undefined)
        return fail(
          'unreachable',
          msg('kubeProxy.down.lb', {
            node,
            ip: p.dst,
            service: nsName(owner.service),
            error: ctx.cluster.config.proxy.startError,
          }),
        );
      return fail('unreachable', msg('sim.lbFromInside', { node, ip: p.dst }));
    case 'outside': {
      const block = unroutedBlock(p.dst);
      addHop(
        ctx,
        {
          stage: 'network',
          location: `node/${node}`,
          action: 'forward',
          note: msg('sim.hop.outside', { ip: p.dst, node, block: block ?? null }),
        },
        p,
      );
      if (block)
        return fail(
          'timeout',
          msg('sim.outside.unrouted', {
            ip: p.dst,
            service: ctx.service,
            block,
            node,
            icmp: p.protocol === 'ICMP',
          }),
        );
      return fail('unreachable', msg('sim.outside.unknown', { ip: p.dst, service: ctx.service }));
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
      return cloudLoadBalancer(ctx, p, owner.service, route);
    case 'node':
    case 'external-ip': {
      const node = owner.kind === 'node' ? owner.node.name : (ctx.cluster.nodes[0]?.metadata.name ?? '');
      const l = linkFromOutside(ctx.cluster, from, node);
      const note = owner.kind === 'external-ip' ? msg('sim.hop.externalIp', { link: l.note, node }) : l.note;
      addHop(ctx, { stage: 'network', location: l.from, action: 'forward', crossZone: false, note }, p);
      ctx.back.push({
        kind: 'link',
        link: l,
        reverseNote: msg('net.providerBack', { from: node, to: l.from }),
      });
      const r = throughNode(ctx, node, p, 'PREROUTING', 'entry');
      return 'kind' in r ? r : route(ctx, node, r);
    }
    case 'cluster-ip':
      return fail(
        'unreachable',
        msg('sim.external.clusterIp', { ip: p.dst, service: nsName(owner.service) }),
      );
    case 'pod':
      return fail('unreachable', msg('sim.external.podIp', { ip: p.dst, pod: nsName(owner.pod) }));
    case 'outside':
      return fail('unreachable', msg('sim.external.nothing', { ip: p.dst }));
  }
}
