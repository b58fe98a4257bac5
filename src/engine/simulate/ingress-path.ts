/**
 * When an HTTP request reaches an ingress-nginx controller pod, nginx (ingress/controller.ts's `routeIngress`) decides:
 * it answers itself (404 default backend, 503 empty upstream, 308 HTTPS redirect, a TLS error), or it opens
 * a new connection from the controller pod straight to the chosen endpoint pod — no ClusterIP, no kube-proxy
 * load balancing — and relays the answer. That second connection walks the data path like any other.
 * Internal to simulate/.
 */
import { nsName } from '../cluster/cluster-index';
import type { Pod } from '../k8s/objects';
import { routeIngress, type IngressRequest } from '../ingress';
import { msg, type Msg } from '../messages';
import { isIPv4, isIPv6 } from '../net/ip';
import { ephemeralPort, type Packet } from '../net/packet';
import type { HttpResponse, IngressRef } from '../trace';
import { appResponse } from './app';
import { addHop, createCtx, fail, type Ctx, type End, type WalkFn } from './context';
import { walkReply } from './reply';
import { parseTarget, podPlace } from './request';

function nginxPage(status: string): string {
  return `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const PLAIN_TO_HTTPS_BODY =
  '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n' +
  '<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function header(headers: Record<string, string>, name: string): string | undefined {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name);
  return k === undefined ? undefined : headers[k];
}

/** Whether this delivery is an HTTP request to an ingress-nginx controller's http/https port. */
export function isIngressRequest(ctx: Ctx, p: Packet): boolean {
  const proto = ctx.req.protocol;
  return (
    ctx.phase === 'request' &&
    p.protocol === 'TCP' &&
    (proto === 'HTTP/1.0' || proto === 'HTTP/1.1' || proto === 'HTTP/2') &&
    (p.dstPort === 80 || p.dstPort === 443)
  );
}

/** What the page lights for nginx's decision: the Ingress, the path that matched, its Service. */
function ingressRef(d: { ingress?: string; field?: string; service?: string }): IngressRef | undefined {
  if (!d.ingress) return undefined;
  return {
    ingress: `Ingress/${d.ingress}`,
    ...(d.field ? { field: d.field } : {}),
    ...(d.service ? { service: `Service/${d.service}` } : {}),
  };
}

/** The controller pod took the connection: let nginx route the request. */
export function throughIngress(ctx: Ctx, controller: Pod, arrived: Packet, walkRequest: WalkFn): End {
  const { cluster, world, req } = ctx;
  const t = parseTarget(req.target);
  // The controller's port decides what nginx speaks (443: ssl, 80: plain); the URL what curl speaks.
  const scheme = arrived.dstPort === 443 ? 'https' : 'http';
  const clientTls = t?.scheme === 'https';
  const defaultPort = t?.scheme === 'https' ? 443 : 80;
  const urlHost = t ? (t.port && t.port !== defaultPort ? `${t.host}:${t.port}` : t.host) : undefined;
  const host = header(req.headers, 'host') ?? urlHost;
  const location = `pod/${nsName(controller)}`;
  const ireq: IngressRequest = {
    ...(host !== undefined ? { host } : {}),
    path: t?.path ?? '/',
    method: req.method,
    scheme,
    headers: req.headers,
    clientAddress: `${arrived.src}:${arrived.srcPort}`,
    ...(scheme === 'https' && t && !isIPv4(t.host) && !isIPv6(t.host) ? { sni: t.host } : {}),
    insecure: req.insecure,
    ...(req.alpn ? { alpn: req.alpn } : {}),
    now: world.clock,
  };
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
    explanation,
    ...extra,
  });
  if (scheme === 'https' && !clientTls) {
    // ngx_http_special_response.c: the 497 error ("plain HTTP to an ssl port") is answered as this 400.
    const note = msg('ingress.tls.plainToHttps', {});
    addHop(ctx, { stage: 'ingress-controller', location, action: 'respond', note }, arrived);
    return answered(
      { status: 400, body: PLAIN_TO_HTTPS_BODY, headers: { 'Content-Type': 'text/html' } },
      msg('sim.ingress.answers', { status: 400, note }),
    );
  }
  if (scheme === 'http' && clientTls) {
    const note = msg('ingress.tls.tlsToPlain', { port: arrived.dstPort });
    addHop(ctx, { stage: 'ingress-controller', location, action: 'reject', note }, arrived);
    return answered(null, msg('sim.ingress.tlsError', { note }), {
      clientError: {
        curlExitCode: 35,
        message: 'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
      },
    });
  }
  const d = routeIngress(cluster, world.ingress, ireq);
  if (d.kind === 'tls-error') {
    addHop(ctx, { stage: 'ingress-controller', location, action: 'reject', note: d.note }, arrived);
    return answered(null, msg('sim.ingress.tlsError', { note: d.note }), {
      clientError: { curlExitCode: d.curlExitCode, message: d.message },
      tls: d.tls,
    });
  }
  const tls = d.tls ? { tls: d.tls.view } : {};
  if (d.kind === 'respond') {
    addHop(
      ctx,
      {
        stage: 'ingress-controller',
        location,
        action: 'respond',
        ...(d.rule ? { rule: d.rule } : {}),
        ...(d.ingress ? { ingressRef: ingressRef(d)! } : {}),
        note: d.note,
      },
      arrived,
    );
    if (d.service) ctx.service = d.service;
    return answered(
      { status: d.status, body: d.body, headers: d.headers },
      msg('sim.ingress.answers', { status: d.status, note: d.note }),
      tls,
    );
  }
  ctx.service = d.service;
  const from = podPlace(cluster, controller);
  if ('error' in from) return fail('unreachable', msg('sim.sourceError', { error: from.error }));
  const out: Packet = {
    src: from.place.kind === 'pod' ? from.place.ip : arrived.dst,
    srcPort: ephemeralPort(world.rng),
    dst: d.endpoint.ip,
    dstPort: d.endpoint.port,
    protocol: 'TCP',
  };
  addHop(
    ctx,
    {
      stage: 'ingress-controller',
      location,
      action: 'forward',
      rule: d.rule,
      ingressRef: ingressRef(d)!,
      candidates: d.candidates,
      note: d.note,
    },
    out,
  );
  const inner = createCtx(cluster, world, req, 'request');
  const end = walkRequest(inner, from.place, out);
  ctx.hops.push(...inner.hops.slice(1)); // the controller's own "send" is the ingress-controller hop above
  ctx.entries.push(...inner.entries);
  if (end.kind === 'fail') {
    const gw =
      end.outcome === 'timeout' || end.outcome === 'dropped' ? '504 Gateway Time-out' : '502 Bad Gateway';
    const status = Number(gw.slice(0, 3));
    return answered(
      { status, body: nginxPage(gw), headers: { 'Content-Type': 'text/html' } },
      msg('sim.ingress.unreachable', {
        endpoint: `${d.endpoint.ip}:${d.endpoint.port}`,
        why: end.explanation,
        gateway: gw,
      }),
      tls,
    );
  }
  if (end.kind !== 'pod') return answered(null, msg('sim.ingress.notPod', {}), tls);
  const seen = `${end.arrived.src}:${end.arrived.srcPort}`;
  const hopsBefore = inner.hops.length;
  walkReply(inner, end.arrived, { stage: 'pod', location: `pod/${nsName(end.pod)}` }, location);
  const replyHops = inner.hops.slice(hopsBefore);
  const last = replyHops[replyHops.length - 1];
  if (last) {
    last.stage = 'ingress-controller';
    last.note = msg('sim.ingress.relay', {});
  }
  ctx.hops.push(...replyHops);
  const app = appResponse(end.pod, seen, req.method);
  const response: HttpResponse = { ...app, headers: { ...app.headers, ...d.responseHeaders } };
  return answered(
    response,
    msg('sim.ingress.proxied', {
      rule: d.rule,
      ingress: d.ingress,
      pod: end.pod.metadata.name ?? '',
      endpoint: `${d.endpoint.ip}:${d.endpoint.port}`,
      service: d.service,
      controller: end.arrived.src,
    }),
    {
      backend: { pod: nsName(end.pod), ip: end.arrived.dst, port: end.arrived.dstPort, service: d.service },
      seen,
      ...tls,
    },
  );
}
