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
import { msg, sentences, type Msg } from '../messages';
import { isIPv4, isIPv6 } from '../net/ip';
import { canonicalIp } from '../net/ip6';
import { endpointText, ephemeralPort, splitEndpoint, type Packet } from '../net/packet';
import { nsName } from '../cluster/cluster-index';
import { locationOf, sourceAddress, type Place } from './topology';
import type { Hop, Trace } from '../trace';
import type { SimWorld } from '../world';
import { grpcCallOf, podAnswer } from './grpc-app';
import type { ConntrackEntry } from './conntrack';
import { createCtx, tally, type Ctx, type End } from './context';
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
import { withRewrites } from './rewrites';
import { walkRequest } from './route';

/** Simulated seconds one answered request takes. */
export const REQUEST_SECONDS = 0.1;
/** Without `-m`, a dropped SYN is retried by the kernel (tcp_syn_retries 6: 1+2+4+…+64 s) before connect fails. */
export const SYN_TIMEOUT_SECONDS = 127;

function failTrace(outcome: Trace['outcome'], explanation: Msg, hops: Trace['hops'] = []): Trace {
  return { outcome, explanation, response: null, backend: null, sourceSeenByBackend: null, hops };
}

function deliveredExplanation(
  ctx: Ctx,
  end: Extract<End, { kind: 'pod' | 'node' }>,
  seen: string,
  from: Place,
): Msg {
  const who =
    end.kind === 'pod'
      ? msg('sim.who.pod', {
          pod: nsName(end.pod),
          addr: endpointText(end.arrived.dst, end.arrived.dstPort, end.arrived.protocol),
        })
      : end.what;
  const hostNetworkNode =
    end.kind === 'pod' && end.pod.spec.hostNetwork ? (end.pod.spec.nodeName ?? '?') : null;
  const via = ctx.hostPort
    ? msg('sim.via.hostPort', {
        port: ctx.hostPort.port,
        protocol: ctx.hostPort.protocol,
        node: ctx.hostPort.node,
        chain: ctx.hostPort.chain,
      })
    : ctx.service
      ? msg('sim.via.service', { service: ctx.service })
      : null;
  let how: Msg | null = null;
  if (ctx.decidedBy === 'conntrack') how = msg('sim.how.conntrack', {});
  else if (ctx.decidedBy === 'rules' && ctx.decision) {
    const d = ctx.decision;
    how = d.sticky
      ? msg('sim.how.affinity', { node: d.node })
      : msg('sim.how.chosen', { node: d.node, count: d.candidates, mode: d.mode });
  }
  const reached = msg('sim.delivered', { ping: ctx.req.protocol === 'ICMP', who, hostNetworkNode, via, how });
  const clientIP = from.kind === 'node' ? undefined : from.ip;
  let seenBy: Msg | undefined;
  if (ctx.masquerade)
    seenBy = msg('sim.seen.masq', {
      addr: splitEndpoint(seen).ip,
      portmap: ctx.masquerade.by === 'portmap',
      node: ctx.masquerade.node,
      iface: ctx.masquerade.iface,
      ...(ctx.masquerade.outside !== undefined
        ? {
            src: splitEndpoint(ctx.masquerade.from).ip,
            cidr: ctx.masquerade.outside,
            pod: from.kind === 'pod',
          }
        : {}),
    });
  else if (ctx.lbSnat) seenBy = msg('sim.seen.lb', { addr: ctx.lbSnat });
  else if (from.kind === 'external' && clientIP) seenBy = msg('sim.seen.preserved', { addr: clientIP });
  return sentences([reached, seenBy]);
}

/** The lookup's hops, then the request's (a tally keeps the request's decisions only). */
function withLookup(resolution: Resolution, ctx: Ctx): Hop[] {
  return tally(ctx) ? ctx.hops : [...resolution.hops, ...ctx.hops];
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
  const dstPort =
    protocol === 'ICMP'
      ? srcPort
      : (req.connectPort ?? (target ? targetPort(target, req.port) : (req.port ?? 80)));
  const ctx = createCtx(cluster, world, req, 'request');
  const srcIP = sourceAddress(cluster, from, resolution.ip);
  if (srcIP === undefined) {
    const why = msg('dualStack.noAddressOfFamily', {
      from: locationOf(from),
      ip: resolution.ip,
      family: resolution.ip.includes(':') ? 'IPv6' : 'IPv4',
    });
    return {
      trace: failTrace('unreachable', why, resolution.hops),
      entries: [],
      seconds: 0.001,
      reset: false,
    };
  }
  const pkt: Packet = { src: srcIP, srcPort, dst: resolution.ip, dstPort, protocol };
  const end = walkRequest(ctx, from, pkt);
  const hops = withLookup(resolution, ctx);
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
      ...(end.requestSeen !== undefined ? { requestSeenByBackend: end.requestSeen } : {}),
      hops: withLookup(resolution, ctx),
      ...(end.clientError ? { clientError: end.clientError } : {}),
      ...(end.tls ? { tls: end.tls } : {}),
    };
    return { trace, entries: ctx.entries, seconds: REQUEST_SECONDS, reset: false };
  }
  const responder =
    end.kind === 'pod'
      ? { stage: 'pod' as const, location: `pod/${nsName(end.pod)}` }
      : { stage: 'node' as const, location: `node/${end.node.name}` };
  const seen = endpointText(end.arrived.src, end.arrived.srcPort, protocol);
  walkReply(ctx, end.arrived, responder, locationOf(from));
  // The simulated apps speak plain HTTP: a TLS ClientHello gets an HTTP answer, which curl cannot parse.
  const tlsToPlain = target?.scheme === 'https' && protocol === 'TCP' && end.kind === 'pod';
  const response =
    protocol === 'ICMP' || tlsToPlain
      ? null
      : end.kind === 'pod'
        ? podAnswer(
            ctx.cluster,
            end.pod,
            end.arrived.dstPort,
            seen,
            req.method,
            req.grpc ? grpcCallOf(req) : undefined,
          )
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
      ? msg('sim.tlsToPlain', { delivered: deliveredExplanation(ctx, end, seen, from) })
      : deliveredExplanation(ctx, end, seen, from),
    response,
    backend,
    sourceSeenByBackend: seen,
    hops: withLookup(resolution, ctx),
    ...(end.kind === 'node' && end.clientError ? { clientError: end.clientError } : {}),
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
 * Sends `request.count` requests (at least one) and returns one Trace per request, every hop labelled
 * with what it did to the packet (rewrites.ts).
 *
 * @example
 * simulateMany(cluster, world, request({ from: 'external', target: 'http://198.51.100.1/', count: 3 })).length; // 3
 */
export function simulateMany(cluster: ClusterState, world: SimWorld, req: Request): Trace[] {
  const traces = sendAll(cluster, world, req);
  // A tally's few hops are not shown hop by hop: their rewrites are nobody's to read.
  return req.detail === 'tally' ? traces : traces.map((t) => ({ ...t, hops: withRewrites(t.hops) }));
}

function sendAll(cluster: ClusterState, world: SimWorld, req: Request): Trace[] {
  const from = resolveFrom(cluster, req.from);
  if ('error' in from) return [failTrace('unreachable', msg('sim.sourceError', { error: from.error }))];
  if (req.protocol === 'DNS') return lookups(cluster, world, req, from.place);
  const target = parseTarget(req.target);
  if (!target && req.protocol !== 'ICMP')
    return [failTrace('dns-failure', msg('sim.notUrl', { target: req.target }))];
  // curl --connect-to: the connection goes to another host; the request (Host, SNI) keeps the URL's.
  const host = req.connectHost ?? target?.host ?? req.target;
  const traces: Trace[] = [];
  const reuse = reusesConnection(req);
  let open: { srcPort: number; entries: ConntrackEntry[] } | undefined;
  const count = Math.max(1, req.count);
  const icmpId = 1 + world.rng.int(65535);
  for (let i = 0; i < count; i++) {
    if (i > 0) world.clock += req.interval ?? 0;
    const pinned = req.resolveTo ?? host;
    const resolution =
      isIPv4(pinned) || isIPv6(pinned)
        ? { ip: canonicalIp(pinned), hops: [] }
        : resolveName(cluster, world, from.place, host, req.ipFamily);
    if (resolution.ip === undefined) {
      const failed = failTrace(
        'dns-failure',
        resolution.explanation ?? msg('sim.cannotResolve', { host }),
        resolution.hops,
      );
      traces.push(resolution.lookup ? { ...failed, lookup: lookupView(resolution.lookup) } : failed);
      world.clock += REQUEST_SECONDS;
      continue;
    }
    const srcPort = req.protocol === 'ICMP' ? icmpId : (open?.srcPort ?? ephemeralPort(world.rng));
    const r = one(cluster, world, req, from.place, { ...resolution, ip: resolution.ip }, srcPort);
    traces.push(
      req.keepLookup && resolution.lookup ? { ...r.trace, lookup: lookupView(resolution.lookup) } : r.trace,
    );
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
