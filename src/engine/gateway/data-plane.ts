/**
 * What the Envoy proxy of a Gateway does with one HTTP request that reached it on a listener port:
 * the virtual host and route entry (http-match.ts), the rule's filters, the backendRef chosen by weight
 * (Envoy's weighted choice, per request; a share that belongs to an invalid backendRef is answered 500,
 * as Envoy Gateway's `invalid-backend` cluster with cluster_not_found_response_code 500), then an
 * endpoint of that Service chosen by Envoy itself from the EndpointSlices (Envoy Gateway's default
 * LeastRequest; with no request in flight it is a uniform random pick), and the request as the backend
 * receives it. Envoy answers itself when no virtual host or route matches (404), when the rule has no
 * usable backend (500), on a redirect, and when the Service has no ready endpoint (503 "no healthy
 * upstream"). Pure, apart from the seeded random choices it draws from `rng`.
 *
 * @example
 * const d = routeGatewayRequest(cluster, rng, { gatewayKey: 'default/eg', port: 80, scheme: 'http',
 *   path: '/', method: 'GET', headers: { Host: 'shop.example.com' }, clientAddress: '203.0.113.10:41234' });
 * d.kind; // "proxy"
 */
import type { ClusterState } from '../cluster/state';
import type { HTTPRouteFilter } from '../k8s/gateway-api';
import { resolveUpstream, type UpstreamEndpoint } from '../ingress/upstream';
import type { Candidate, HttpResponse } from '../trace';
import type { Rng } from '../util/rng';
import type { BackendResult } from './backends';
import { applyHeaderModifier, redirectLocation, rewritePath, type HeaderMap } from './filters';
import { grpcLocalReply } from './grpc-status';
import { routeTable, selectRoute, type RouteEntry, type RouteSelection } from './http-match';
import { gatewayModel } from './status';

export interface GatewayRequest {
  gatewayKey: string; // "default/eg"
  port: number; // the listener port the request came in on: 80
  scheme: 'http' | 'https';
  path: string; // "/api?x=1"
  method: string; // "GET"
  /** The request headers as the client sent them, Host included. */
  headers: Record<string, string>;
  /** The client address as Envoy sees it: "203.0.113.10:41234". */
  clientAddress: string;
  /** A gRPC call (content-type application/grpc): Envoy's own answers are given as gRPC statuses. */
  grpc?: boolean;
}

/** The HTTP request as the backend pod receives it (the contract's `requestSeenByBackend`). */
export interface SeenRequest {
  method: string;
  path: string;
  host: string;
  headers: HeaderMap;
}

export interface WeightChoice {
  backend: BackendResult;
  weight: number;
  total: number;
  /** Every backendRef with a weight above 0: its share, and whether it can be used. */
  shares: { name: string; weight: number; valid: boolean }[];
}

interface Common {
  selection: RouteSelection;
  entry?: RouteEntry;
  choice?: WeightChoice;
}

export type GatewayDecision =
  | (Common & {
      kind: 'respond';
      status: number;
      body: string;
      headers: Record<string, string>;
      why: 'noVhost' | 'noRoute' | 'invalidBackends' | 'invalidShare' | 'noEndpoints' | 'redirect';
      /** A gRPC call: the answer as Envoy sends it (HTTP 200, grpc-status from `status`). */
      grpc?: HttpResponse;
    })
  | (Common & {
      kind: 'proxy';
      entry: RouteEntry;
      choice: WeightChoice;
      service: string; // "default/web-v1"
      endpoint: UpstreamEndpoint;
      candidates: Candidate[];
      request: SeenRequest;
      responseFilters: HTTPRouteFilter[];
      /** RequestMirror: the Service a copy of the request went to, and the endpoint. */
      mirrors: { service: string; endpoint?: UpstreamEndpoint }[];
    });

const hostOnly = (h: string): string =>
  h
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();

function headerOf(h: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(h)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** Envoy's own headers on the way to the backend (use_remote_address: the client's address is appended). */
function forwarded(req: GatewayRequest, headers: HeaderMap, rng: Rng): HeaderMap {
  const client = req.clientAddress.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  const out: HeaderMap = { ...headers };
  const xffKey = Object.keys(out).find((k) => k.toLowerCase() === 'x-forwarded-for');
  const xff = xffKey ? out[xffKey] : undefined;
  if (xffKey) delete out[xffKey];
  out['X-Forwarded-For'] = xff ? `${Array.isArray(xff) ? xff.join(',') : xff},${client}` : client;
  out['X-Forwarded-Proto'] = req.scheme;
  const ridKey = Object.keys(out).find((k) => k.toLowerCase() === 'x-request-id');
  if (ridKey) delete out[ridKey];
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16)).join('');
  out['X-Request-Id'] =
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[rng.int(4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
  return out;
}

function respond(
  req: GatewayRequest,
  common: Common,
  status: number,
  why: Extract<GatewayDecision, { kind: 'respond' }>['why'],
  body = '',
  extra: Record<string, string> = {},
): GatewayDecision {
  const headers: Record<string, string> = { ...extra, 'content-length': String(body.length) };
  if (body !== '') headers['content-type'] = 'text/plain';
  return {
    ...common,
    kind: 'respond',
    status,
    why,
    body,
    headers: { ...headers, server: 'envoy' },
    ...(req.grpc ? { grpc: grpcLocalReply(status, body) } : {}),
  };
}

/** The weighted choice among a rule's backendRefs (weight 0 never chosen). */
function chooseBackend(backends: readonly BackendResult[], rng: Rng): WeightChoice | undefined {
  const live = backends.filter((b) => b.weight > 0);
  const total = live.reduce((s, b) => s + b.weight, 0);
  if (total === 0) return undefined;
  let r = rng.int(total);
  let chosen = live[live.length - 1]!;
  for (const b of live) {
    if (r < b.weight) {
      chosen = b;
      break;
    }
    r -= b.weight;
  }
  const shares = live.map((b) => ({
    name: `${b.namespace}/${b.ref.name}`,
    weight: b.weight,
    valid: !b.error,
  }));
  return { backend: chosen, weight: chosen.weight, total, shares };
}

function endpointsOf(cluster: ClusterState, b: BackendResult): UpstreamEndpoint[] {
  if (b.error || b.ref.port === undefined) return [];
  return resolveUpstream(cluster, b.namespace, { name: b.ref.name, port: { number: b.ref.port } }).endpoints;
}

const filtersOf = (list: readonly HTTPRouteFilter[] | undefined, type: string): HTTPRouteFilter[] =>
  (list ?? []).filter((f) => f.type === type);

/**
 * Envoy's handling of one request on a Gateway port.
 *
 * @example
 * routeGatewayRequest(cluster, rng, { ...req, path: '/nothing-here' }).kind; // "respond" (404)
 */
export function routeGatewayRequest(cluster: ClusterState, rng: Rng, req: GatewayRequest): GatewayDecision {
  const hostHeader = headerOf(req.headers, 'host') ?? '';
  const host = hostOnly(hostHeader);
  const table = routeTable(gatewayModel(cluster), req.gatewayKey, req.port, req.scheme.toUpperCase());
  const selection = selectRoute(table, { host, path: req.path, method: req.method, headers: req.headers });
  if (!selection.vhost) return respond(req, { selection }, 404, 'noVhost');
  const entry = selection.matched;
  if (!entry) return respond(req, { selection }, 404, 'noRoute');
  const rule = entry.rule;
  const redirect = filtersOf(rule.filters, 'RequestRedirect')[0]?.requestRedirect;
  if (redirect) {
    const location = redirectLocation(
      redirect,
      { scheme: req.scheme, host, listenerPort: req.port, path: req.path },
      entry.match,
    );
    return respond(req, { selection, entry }, redirect.statusCode ?? 302, 'redirect', '', { location });
  }
  if (rule.direct500) return respond(req, { selection, entry }, 500, 'invalidBackends');
  const choice = chooseBackend(rule.backends, rng);
  if (!choice) return respond(req, { selection, entry }, 500, 'invalidBackends');
  const common = { selection, entry, choice };
  if (choice.backend.error) return respond(req, common, 500, 'invalidShare');
  const endpoints = endpointsOf(cluster, choice.backend);
  if (endpoints.length === 0) return respond(req, common, 503, 'noEndpoints', 'no healthy upstream');
  const endpoint = endpoints[rng.int(endpoints.length)]!;
  const share = choice.weight / choice.total;
  const candidates: Candidate[] = endpoints.map((e) => ({
    endpoint: `${e.ip.includes(':') ? `[${e.ip}]` : e.ip}:${e.port}`,
    probability: share / endpoints.length,
    ...(e.pod ? { pod: e.pod } : {}),
    ...(e.node ? { node: e.node } : {}),
    ...(e === endpoint ? { chosen: true } : {}),
  }));

  // The request towards the backend: route filters, then the chosen backendRef's own filters.
  let headers: HeaderMap = { ...req.headers };
  let path = req.path;
  const filters = [...rule.filters, ...(choice.backend.ref.filters ?? [])];
  for (const f of filters) {
    if (f.type === 'RequestHeaderModifier' && f.requestHeaderModifier)
      headers = applyHeaderModifier(headers, f.requestHeaderModifier);
    if (f.type === 'URLRewrite' && f.urlRewrite) {
      if (f.urlRewrite.hostname)
        headers = applyHeaderModifier(headers, { set: [{ name: 'Host', value: f.urlRewrite.hostname }] });
      if (f.urlRewrite.path) path = rewritePath(path, f.urlRewrite.path, entry.match);
    }
  }
  headers = forwarded(req, headers, rng);
  const hostKey = Object.keys(headers).find((k) => k.toLowerCase() === 'host');
  const seenHost = hostKey ? String(headers[hostKey]) : hostHeader;
  const mirrors = filtersOf(filters, 'RequestMirror').flatMap((f) => {
    const m = f.requestMirror;
    if (!m) return [];
    // percent / fraction: Envoy's runtime_fraction, drawn per request.
    const num = m.fraction ? m.fraction.numerator : m.percent;
    const den = m.fraction ? (m.fraction.denominator ?? 100) : 100;
    if (num !== undefined && rng.int(den) >= num) return [];
    const ns = m.backendRef.namespace ?? entry.route.metadata.namespace ?? 'default';
    const service = `${ns}/${m.backendRef.name}`;
    const eps = resolveUpstream(cluster, ns, {
      name: m.backendRef.name,
      port: { number: m.backendRef.port ?? 0 },
    }).endpoints;
    return [{ service, ...(eps.length > 0 ? { endpoint: eps[rng.int(eps.length)]! } : {}) }];
  });
  return {
    kind: 'proxy',
    selection,
    entry,
    choice,
    service: `${choice.backend.namespace}/${choice.backend.ref.name}`,
    endpoint,
    candidates,
    request: { method: req.method, path, host: seenHost, headers },
    responseFilters: filtersOf(filters, 'ResponseHeaderModifier'),
    mirrors,
  };
}
