/**
 * `simulate(cluster, world, request)`: one request's path through the cluster as a Trace, hop by hop, with
 * the rules that decided each step. `simulateMany` sends `request.count` requests, reusing one connection
 * when the protocol keeps it alive (HTTP/1.1 keep-alive, HTTP/2 with `keepalive`), so the conntrack entry
 * of the first request decides the endpoint of all of them — why a browser keeps hitting the same pod
 * although sessionAffinity is None. Each request advances the simulated clock a little (0.1 s; a request
 * that times out advances it by the timeout).
 *
 * @example
 * const world = createWorld(1);
 * const t = simulate(cluster, world, request({ from: 'pod/default/client', target: 'http://10.96.0.10/' }));
 * t.outcome; // "delivered"
 * t.response?.body; // "You've hit web-7c9d8-abcde\nclient: 10.244.0.5:41234\n"
 */
import type { ClusterState } from '../cluster/state';
import { isIPv4 } from '../net/ip';
import { ephemeralPort, type Packet } from '../net/packet';
import { nsName } from '../cluster/cluster-index';
import { locationOf, outgoingInterface, type Place } from './topology';
import type { Trace } from '../trace';
import type { SimWorld } from '../world';
import { appResponse } from './app';
import type { ConntrackEntry } from './conntrack';
import { createCtx, type Ctx, type End } from './context';
import { resolveName, type Resolution } from './dns';
import { lookupTrace, lookupView } from './lookup-trace';
import { closeEntries } from './node-path';
import { walkReply } from './reply';
import {
  parseTarget,
  resolveFrom,
  reusesConnection,
  targetPort,
  wireProtocol,
  type Request,
} from './request';
import { walkRequest } from './route';

/** Simulated seconds one answered request takes. */
export const REQUEST_SECONDS = 0.1;
/** Without `-m`, a dropped SYN is retried by the kernel (tcp_syn_retries 6: 1+2+4+…+64 s) before connect fails. */
export const SYN_TIMEOUT_SECONDS = 127;

function failTrace(outcome: Trace['outcome'], explanation: string, hops: Trace['hops'] = []): Trace {
  return { outcome, explanation, response: null, backend: null, sourceSeenByBackend: null, hops };
}

function deliveredExplanation(
  ctx: Ctx,
  end: Extract<End, { kind: 'pod' | 'node' }>,
  seen: string,
  from: Place,
): string {
  const who =
    end.kind === 'pod'
      ? `pod ${nsName(end.pod)} (${end.arrived.dst}${end.arrived.protocol === 'ICMP' ? '' : `:${end.arrived.dstPort}`})${end.pod.spec.hostNetwork ? `, a hostNetwork pod: it uses ${end.pod.spec.nodeName ?? 'its node'}'s own network namespace and address, so no NAT rule was needed` : ''}`
      : end.what;
  const parts: string[] = [];
  let first = `The ${ctx.req.protocol === 'ICMP' ? 'ping' : 'request'} reached ${who}`;
  if (ctx.hostPort)
    first += ` through hostPort ${ctx.hostPort.port}/${ctx.hostPort.protocol} on ${ctx.hostPort.node}: the CNI portmap plugin's DNAT (CNI-HOSTPORT-DNAT → ${ctx.hostPort.chain}), which exists only on the node where the pod runs; no Service and no kube-proxy rule was involved`;
  else if (ctx.service) first += ` through Service ${ctx.service}`;
  if (ctx.decidedBy === 'conntrack')
    first += `; the connection's conntrack entry sent it to the same endpoint as the connection's first request (keep-alive reuses one connection, so even with sessionAffinity None these requests do not spread)`;
  else if (ctx.decidedBy === 'rules' && ctx.decision) {
    const d = ctx.decision;
    first += d.sticky
      ? `; ClientIP session affinity on ${d.node} sent it to the endpoint this client used before`
      : `; kube-proxy on ${d.node} chose it among ${d.candidates} endpoint(s) (${d.mode})`;
  }
  parts.push(`${first}.`);
  const clientIP = from.kind === 'node' ? undefined : from.kind === 'pod' ? from.ip : from.ip;
  if (ctx.masquerade)
    parts.push(
      `The backend sees the client as ${seen.split(':')[0]}: ${ctx.masquerade.by === 'portmap' ? "the portmap plugin's CNI-HOSTPORT-MASQ" : 'kube-proxy'} on ${ctx.masquerade.node} masqueraded (SNAT) the packet to ${ctx.masquerade.iface}'s address.`,
    );
  else if (ctx.lbSnat)
    parts.push(`The backend sees the load balancer's address ${ctx.lbSnat}, not the client's.`);
  else if (from.kind === 'external' && clientIP)
    parts.push(`The client address ${clientIP} is preserved: nothing on the way did SNAT.`);
  return parts.join(' ');
}

function one(
  cluster: ClusterState,
  world: SimWorld,
  req: Request,
  from: Place,
  resolution: Resolution & { ip: string },
  srcPort: number,
): { trace: Trace; entries: ConntrackEntry[]; seconds: number; reset: boolean } {
  const target = parseTarget(req.target);
  const protocol = wireProtocol(req.protocol);
  const dstPort = protocol === 'ICMP' ? srcPort : target ? targetPort(target, req.port) : (req.port ?? 80);
  const ctx = createCtx(cluster, world, req, 'request');
  const srcIP = from.kind === 'node' ? sourceForNode(cluster, from, resolution.ip) : from.ip;
  const pkt: Packet = { src: srcIP, srcPort, dst: resolution.ip, dstPort, protocol };
  const end = walkRequest(ctx, from, pkt);
  const hops = [...resolution.hops, ...ctx.hops];
  if (end.kind === 'fail') {
    const waits = end.outcome === 'dropped' || end.outcome === 'timeout';
    const seconds = waits ? (req.timeoutSeconds ?? SYN_TIMEOUT_SECONDS) : 0.001;
    return {
      trace: failTrace(end.outcome, end.explanation, hops),
      entries: ctx.entries,
      seconds,
      reset: end.outcome === 'refused',
    };
  }
  if (end.kind === 'answered') {
    walkReply(ctx, end.arrived, end.responder, locationOf(from));
    const trace: Trace = {
      outcome: 'delivered',
      explanation: end.explanation,
      response: end.response,
      backend: end.backend,
      sourceSeenByBackend: end.seen,
      hops: [...resolution.hops, ...ctx.hops],
      ...(end.clientError ? { clientError: end.clientError } : {}),
    };
    return { trace, entries: ctx.entries, seconds: REQUEST_SECONDS, reset: false };
  }
  const responder =
    end.kind === 'pod'
      ? { stage: 'pod' as const, location: `pod/${nsName(end.pod)}` }
      : { stage: 'node' as const, location: `node/${end.node.name}` };
  const seen = protocol === 'ICMP' ? end.arrived.src : `${end.arrived.src}:${end.arrived.srcPort}`;
  walkReply(ctx, end.arrived, responder, locationOf(from));
  // The simulated apps speak plain HTTP: a TLS ClientHello gets an HTTP answer, which curl cannot parse.
  const tlsToPlain = target?.scheme === 'https' && protocol === 'TCP' && end.kind === 'pod';
  const response =
    protocol === 'ICMP' || tlsToPlain
      ? null
      : end.kind === 'pod'
        ? appResponse(end.pod, seen, req.method)
        : end.response;
  const backend =
    end.kind === 'pod'
      ? {
          pod: nsName(end.pod),
          ip: end.arrived.dst,
          port: end.arrived.dstPort,
          service: ctx.service,
        }
      : null;
  const trace: Trace = {
    outcome: 'delivered',
    explanation: tlsToPlain
      ? `${deliveredExplanation(ctx, end, seen, from)} The pod's app speaks plain HTTP, so the TLS handshake fails.`
      : deliveredExplanation(ctx, end, seen, from),
    response,
    backend,
    sourceSeenByBackend: seen,
    hops: [...resolution.hops, ...ctx.hops],
    ...(tlsToPlain
      ? {
          clientError: {
            curlExitCode: 35,
            message: 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
          },
        }
      : {}),
  };
  return { trace, entries: ctx.entries, seconds: REQUEST_SECONDS, reset: false };
}

/** A process on a node sends from the address of the interface the route picks (see outgoingInterface). */
function sourceForNode(cluster: ClusterState, from: Extract<Place, { kind: 'node' }>, dst: string): string {
  if (dst.startsWith('127.')) return '127.0.0.1';
  return outgoingInterface(cluster, from.node.name, dst).address;
}

/** `count` DNS lookups of the target (protocol DNS), each a trace of its own queries. */
function lookups(cluster: ClusterState, world: SimWorld, req: Request, from: Place): Trace[] {
  const traces: Trace[] = [];
  for (let i = 0; i < Math.max(1, req.count); i++) {
    if (i > 0) world.clock += req.interval ?? 0;
    traces.push(lookupTrace(cluster, world, from, req.target));
    world.clock += REQUEST_SECONDS;
  }
  return traces;
}

/**
 * Sends `request.count` requests (at least one) and returns one Trace per request.
 *
 * @example
 * simulateMany(cluster, world, request({ from: 'external', target: 'http://198.51.100.1/', count: 3 })).length; // 3
 */
export function simulateMany(cluster: ClusterState, world: SimWorld, req: Request): Trace[] {
  const from = resolveFrom(cluster, req.from);
  if ('error' in from) return [failTrace('unreachable', from.error)];
  if (req.protocol === 'DNS') return lookups(cluster, world, req, from.place);
  const target = parseTarget(req.target);
  if (!target && req.protocol !== 'ICMP') return [failTrace('dns-failure', `"${req.target}" is not a URL.`)];
  const host = target?.host ?? req.target;
  const traces: Trace[] = [];
  const reuse = reusesConnection(req);
  let open: { srcPort: number; entries: ConntrackEntry[] } | undefined;
  const count = Math.max(1, req.count);
  const icmpId = 1 + world.rng.int(65535);
  for (let i = 0; i < count; i++) {
    if (i > 0) world.clock += req.interval ?? 0;
    const resolution = isIPv4(host) ? { ip: host, hops: [] } : resolveName(cluster, world, from.place, host);
    if (resolution.ip === undefined) {
      const failed = failTrace(
        'dns-failure',
        resolution.explanation ?? `Could not resolve host: ${host}`,
        resolution.hops,
      );
      traces.push(resolution.lookup ? { ...failed, lookup: lookupView(resolution.lookup) } : failed);
      world.clock += REQUEST_SECONDS;
      continue;
    }
    const srcPort = req.protocol === 'ICMP' ? icmpId : (open?.srcPort ?? ephemeralPort(world.rng));
    const r = one(cluster, world, req, from.place, { ...resolution, ip: resolution.ip }, srcPort);
    traces.push(r.trace);
    world.clock += r.seconds;
    const delivered = r.trace.outcome === 'delivered';
    if (reuse && delivered) {
      open = { srcPort, entries: [...new Set([...(open?.entries ?? []), ...r.entries])] };
    } else {
      if (open) closeEntries(world, open.entries, false);
      open = undefined;
      closeEntries(world, r.entries, r.reset);
    }
  }
  if (open) closeEntries(world, open.entries, false);
  return traces;
}

/**
 * One request (ignores `count`).
 *
 * @example simulate(cluster, world, request({ from: 'node/node-1', target: '10.96.0.10', protocol: 'ICMP' })).outcome // "timeout"
 */
export function simulate(cluster: ClusterState, world: SimWorld, req: Request): Trace {
  return simulateMany(cluster, world, { ...req, count: 1 })[0]!;
}
