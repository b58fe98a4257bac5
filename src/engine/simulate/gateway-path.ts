/**
 * When an HTTP request reaches the Envoy pod of a Gateway on one of its listener ports, Envoy
 * (gateway/data-plane.ts) decides: it answers itself (404, 500, 503, a redirect), or it opens a new
 * connection from its pod straight to the chosen endpoint pod — no ClusterIP, no kube-proxy load
 * balancing — and relays the answer with the route's response header changes. That second connection
 * walks the data path like any other. Internal to simulate/.
 */
import { nsName } from '../cluster/cluster-index';
import { describeEntry } from '../gateway/http-match';
import { GRPC_CODES, grpcLocalReply, httpToGrpcStatus } from '../gateway/grpc-status';
import { applyHeaderModifier, flatHeaders, type HeaderMap } from '../gateway/filters';
import { routeGatewayRequest, type GatewayDecision } from '../gateway/data-plane';
import { gatewayModel } from '../gateway/status';
import type { Pod } from '../k8s/objects';
import { msg, sentences, type Msg } from '../messages';
import { ephemeralPort, type Packet } from '../net/packet';
import type { GatewayRef, HttpResponse } from '../trace';
import { podAnswer } from './grpc-app';
import { addHop, createCtx, fail, type Ctx, type End, type WalkFn } from './context';
import { gatewayTls, type GatewayTlsResult } from './gateway-tls';
import { walkReply } from './reply';
import { parseTarget, podPlace } from './request';

/** The Gateway listener port an Envoy container port serves (80 → 10080), for an HTTP request. */
export function gatewayListenerPort(
  ctx: Ctx,
  gatewayKey: string,
  p: Packet,
): { port: number; https: boolean } | undefined {
  const proto = ctx.req.protocol;
  if (ctx.phase !== 'request' || p.protocol !== 'TCP') return undefined;
  if (proto !== 'HTTP/1.0' && proto !== 'HTTP/1.1' && proto !== 'HTTP/2') return undefined;
  const g = gatewayModel(ctx.cluster).gateways.find((x) => x.key === gatewayKey);
  const l = g?.listeners.find(
    (x) =>
      x.ready &&
      x.containerPort === p.dstPort &&
      (x.listener.protocol === 'HTTP' || x.listener.protocol === 'HTTPS'),
  );
  return l ? { port: l.listener.port, https: l.listener.protocol === 'HTTPS' } : undefined;
}

/** The request line and headers curl sends: Host, User-Agent, Accept, then the user's -H headers. */
function clientHeaders(ctx: Ctx): Record<string, string> {
  if (ctx.req.grpc) return { ...ctx.req.headers }; // grpcurl's own: :authority (as Host), content-type, te, …
  const t = parseTarget(ctx.req.target);
  const defaultPort = t?.scheme === 'https' ? 443 : 80;
  const urlHost = t ? (t.port && t.port !== defaultPort ? `${t.host}:${t.port}` : t.host) : '';
  const out: Record<string, string> = { Host: urlHost, 'User-Agent': 'curl/8.5.0', Accept: '*/*' };
  for (const [k, v] of Object.entries(ctx.req.headers)) {
    const std = Object.keys(out).find((s) => s.toLowerCase() === k.toLowerCase());
    if (std) delete out[std];
    out[k] = v;
  }
  return out;
}

function routeNote(d: GatewayDecision): Msg[] {
  const skipped = d.selection.skipped.map((s) =>
    msg('gw.skip', {
      route: s.entry.routeKey,
      rule: s.entry.ruleIndex,
      match: describeEntry(s.entry),
      why: s.why,
      name: s.name ?? '',
    }),
  );
  if (!d.entry) return [];
  const grpc = d.entry.route.kind === 'GRPCRoute';
  return [
    msg('gw.hop.matched', {
      route: d.entry.routeKey,
      rule: d.entry.ruleIndex,
      match: describeEntry(d.entry),
      skipped,
      ...(grpc ? { kind: 'GRPCRoute' } : {}),
    }),
    ...(grpc ? [msg('gw.hop.grpcPath', {})] : []),
  ];
}

function respondNote(d: Extract<GatewayDecision, { kind: 'respond' }>, host: string, port: number): Msg {
  const skipped = d.selection.skipped.map((s) =>
    msg('gw.skip', {
      route: s.entry.routeKey,
      rule: s.entry.ruleIndex,
      match: describeEntry(s.entry),
      why: s.why,
      name: s.name ?? '',
    }),
  );
  switch (d.why) {
    case 'noVhost':
      return msg('gw.hop.noVhost', { host, port, domains: d.selection.domains.join(', ') });
    case 'noRoute':
      return msg('gw.hop.noRoute', { vhost: d.selection.vhost ?? '', skipped });
    case 'redirect':
      return msg('gw.hop.redirect', { status: d.status, location: d.headers.location ?? '' });
    case 'invalidBackends':
      return msg('gw.hop.invalidBackends', {
        route: d.entry?.routeKey ?? '',
        rule: d.entry?.ruleIndex ?? 0,
        kind: d.entry?.route.kind ?? 'HTTPRoute',
      });
    case 'invalidShare':
      return msg('gw.hop.invalidShare', {
        backend: d.choice ? `${d.choice.backend.namespace}/${d.choice.backend.ref.name}` : '',
        weight: d.choice?.weight ?? 0,
        total: d.choice?.total ?? 0,
      });
    case 'noEndpoints':
      return msg('gw.hop.noEndpoints', {
        service: d.choice ? `${d.choice.backend.namespace}/${d.choice.backend.ref.name}` : '',
      });
  }
}

const joinNotes = (notes: Msg[]): Msg => sentences(notes);

/** Envoy's answer to a gRPC call is a gRPC status: HTTP 200 and grpc-status from the HTTP code. */
function grpcNote(status: number): Msg {
  const code = httpToGrpcStatus(status);
  return msg('gw.hop.grpcStatus', { status, code, name: GRPC_CODES[code] ?? '' });
}

/** The Envoy pod took the connection on a listener port: let Envoy route the request. */
export function throughGateway(
  ctx: Ctx,
  envoy: Pod,
  gatewayKey: string,
  listener: { port: number; https: boolean },
  arrived: Packet,
  walkRequest: WalkFn,
): End {
  const { cluster, world, req } = ctx;
  const t = parseTarget(req.target);
  const headers = clientHeaders(ctx);
  const host = (Object.entries(headers).find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '').replace(
    /:\d+$/,
    '',
  );
  const location = `pod/${nsName(envoy)}`;
  const g = gatewayModel(cluster).gateways.find((x) => x.key === gatewayKey);
  const tlsLeg: GatewayTlsResult = g ? gatewayTls(ctx, g, listener) : { ok: true, notes: [] };
  if (!tlsLeg.ok) {
    addHop(ctx, { stage: 'gateway', location, action: 'reject', note: tlsLeg.note }, arrived);
    return {
      kind: 'answered',
      responder: { stage: 'pod', location },
      arrived,
      response: null,
      backend: null,
      seen: null,
      requestSeen: null,
      explanation: msg('gw.tls.failed', { note: tlsLeg.note }),
      clientError: tlsLeg.clientError,
      ...(tlsLeg.tls ? { tls: tlsLeg.tls } : {}),
    };
  }
  const d = routeGatewayRequest(cluster, world.rng, {
    gatewayKey,
    port: listener.port,
    scheme: listener.https ? 'https' : 'http',
    path: t?.path ?? '/',
    method: req.method,
    headers,
    clientAddress: `${arrived.src}:${arrived.srcPort}`,
    ...(req.grpc ? { grpc: true } : {}),
  });
  const listeners = (g?.listeners ?? [])
    .filter((l) => l.ready && l.listener.port === listener.port)
    .map((l) => l.listener.name);
  const gatewayRef = (): GatewayRef => ({
    gateway: `Gateway/${gatewayKey}`,
    listeners: d.entry?.listeners ?? listeners,
    ...(d.entry ? { route: `${d.entry.route.kind}/${d.entry.routeKey}`, rule: d.entry.ruleIndex } : {}),
    ...(d.kind === 'proxy' ? { service: `Service/${d.service}` } : {}),
  });
  const vhostNote = [
    ...tlsLeg.notes,
    ...(d.selection.vhost
      ? [
          msg('gw.hop.vhost', {
            gateway: gatewayKey,
            port: listener.port,
            listeners: listeners.join(', '),
            host,
            vhost: d.selection.vhost,
          }),
        ]
      : []),
  ];
  const answered = (
    response: HttpResponse | null,
    explanation: Msg,
    extra: Partial<Extract<End, { kind: 'answered' }>> = {},
  ): End => ({
    kind: 'answered',
    responder: { stage: 'pod', location },
    arrived,
    response,
    backend: null,
    seen: null,
    requestSeen: null,
    explanation,
    ...(tlsLeg.tls ? { tls: tlsLeg.tls } : {}),
    ...extra,
  });
  if (d.kind === 'respond') {
    const why = respondNote(d, host, listener.port);
    const asGrpc = d.grpc ? [grpcNote(d.status)] : [];
    const note = joinNotes([...vhostNote, ...routeNote(d), why, ...asGrpc]);
    addHop(ctx, { stage: 'gateway', location, action: 'respond', gatewayRef: gatewayRef(), note }, arrived);
    return answered(
      d.grpc ?? { status: d.status, body: d.body, headers: d.headers },
      msg('gw.answers', { status: d.status, note: joinNotes([why, ...asGrpc]) }),
    );
  }
  ctx.service = d.service;
  const from = podPlace(cluster, envoy);
  if ('error' in from) return fail('unreachable', msg('sim.sourceError', { error: from.error }));
  const out: Packet = {
    src: from.place.kind === 'pod' ? from.place.ip : arrived.dst,
    srcPort: ephemeralPort(world.rng),
    dst: d.endpoint.ip,
    dstPort: d.endpoint.port,
    protocol: 'TCP',
  };
  const notes = [
    ...vhostNote,
    ...routeNote(d),
    msg('gw.hop.weight', {
      service: d.service,
      weight: d.choice.weight,
      total: d.choice.total,
      shares: d.choice.shares.map((s) => `${s.name} ${s.weight}${s.valid ? '' : ' (invalid)'}`).join(', '),
    }),
    msg('gw.hop.endpoint', {
      service: d.service,
      count: d.candidates.length,
      endpoint: `${d.endpoint.ip}:${d.endpoint.port}`,
      pod: d.endpoint.pod ?? '',
    }),
    ...d.mirrors.map((m) =>
      msg('gw.hop.mirror', {
        service: m.service,
        endpoint: m.endpoint ? `${m.endpoint.ip}:${m.endpoint.port}` : '',
      }),
    ),
  ];
  addHop(
    ctx,
    {
      stage: 'gateway',
      location,
      action: 'forward',
      rule: `${d.entry.routeKey} rule ${d.entry.ruleIndex}: ${describeEntry(d.entry)} → ${d.service}`,
      gatewayRef: gatewayRef(),
      candidates: d.candidates,
      note: joinNotes(notes),
    },
    out,
  );
  const inner = createCtx(cluster, world, req, 'request');
  const end = walkRequest(inner, from.place, out);
  ctx.hops.push(...inner.hops.slice(1)); // Envoy's own "send" is the gateway hop above
  ctx.entries.push(...inner.entries);
  if (end.kind === 'fail') {
    const timeout = end.outcome === 'timeout' || end.outcome === 'dropped';
    const status = timeout ? 504 : 503;
    const body = timeout
      ? 'upstream request timeout'
      : 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
    const why = msg('gw.unreachable', {
      endpoint: `${d.endpoint.ip}:${d.endpoint.port}`,
      why: end.explanation,
      status,
    });
    return answered(
      req.grpc
        ? grpcLocalReply(status, body)
        : {
            status,
            body,
            headers: { 'content-length': String(body.length), 'content-type': 'text/plain', server: 'envoy' },
          },
      req.grpc ? joinNotes([why, grpcNote(status)]) : why,
    );
  }
  if (end.kind !== 'pod') return answered(null, msg('sim.ingress.notPod', {}));
  const seen = `${end.arrived.src}:${end.arrived.srcPort}`;
  const hopsBefore = inner.hops.length;
  walkReply(inner, end.arrived, { stage: 'pod', location: `pod/${nsName(end.pod)}` }, location);
  const replyHops = inner.hops.slice(hopsBefore);
  const last = replyHops[replyHops.length - 1];
  if (last) {
    last.stage = 'gateway';
    last.note = msg('gw.hop.relay', {});
  }
  ctx.hops.push(...replyHops);
  const app = podAnswer(
    cluster,
    end.pod,
    end.arrived.dstPort,
    seen,
    req.method,
    req.grpc ? { path: d.request.path, host: d.request.host, headers: d.request.headers } : undefined,
  );
  let respHeaders: HeaderMap = { ...(app.headers ?? {}), server: 'envoy' };
  for (const f of d.responseFilters)
    if (f.responseHeaderModifier) respHeaders = applyHeaderModifier(respHeaders, f.responseHeaderModifier);
  const response: HttpResponse = { ...app, headers: flatHeaders(respHeaders) };
  return answered(
    response,
    msg('gw.proxied', {
      gateway: gatewayKey,
      route: d.entry.routeKey,
      rule: d.entry.ruleIndex,
      pod: end.pod.metadata.name ?? '',
      endpoint: `${d.endpoint.ip}:${d.endpoint.port}`,
      service: d.service,
      envoy: end.arrived.src,
      ...(d.entry.route.kind === 'GRPCRoute' ? { kind: 'GRPCRoute' } : {}),
    }),
    {
      backend: { pod: nsName(end.pod), ip: end.arrived.dst, port: end.arrived.dstPort, service: d.service },
      seen,
      requestSeen: d.request,
    },
  );
}
