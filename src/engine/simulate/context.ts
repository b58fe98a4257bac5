/**
 * The state of one request while it is walked: the hops so far, what the reply must retrace (conntrack
 * entries to un-NAT, links, the cloud LB), and the facts the explanation needs. Internal to simulate/.
 */
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import type { ListeningSocket } from '../cluster/listen';
import type { Msg } from '../messages';
import type { Packet } from '../net/packet';
import { view } from '../net/packet';
import type { NodeInfo } from '../cluster/cluster-index';
import type { Link, Place } from './topology';
import type { Backend, Hop, HttpResponse, Outcome, SeenHttpRequest, TlsView } from '../trace';
import type { SimWorld } from '../world';
import type { ConntrackEntry } from './conntrack';
import type { Request } from './request';

/** What the reply retraces, in request order. */
export type BackStep =
  | { kind: 'ct'; node: string; entry: ConntrackEntry }
  /** `reverseNote` describes the link the way the reply crosses it. */
  | { kind: 'link'; link: Link; reverseNote: Msg }
  | { kind: 'lb'; location: string; clientPacket: Packet };

export interface Ctx {
  cluster: ClusterState;
  world: SimWorld;
  req: Request;
  phase: 'dns' | 'request';
  hops: Hop[];
  back: BackStep[];
  /** Conntrack entries this request created or used (closed when its connection closes). */
  entries: ConntrackEntry[];
  /** "ns/name" of the Service the request went through. */
  service: string | null;
  /** How the endpoint was chosen: by kube-proxy's rules, by an existing conntrack entry, or by the cloud LB. */
  decidedBy: 'rules' | 'conntrack' | 'lb' | null;
  decision?: { node: string; candidates: number; rule?: string; mode: Msg; sticky: boolean };
  /** The SNAT the request went through, if any. */
  /** `by`: kube-proxy's KUBE-POSTROUTING, or the CNI portmap plugin's CNI-HOSTPORT-MASQ (hostPort hairpin). */
  /** `outside`: the clusterCIDR the client's address is outside of, when that is why the rules marked it. */
  masquerade?: { node: string; from: string; to: string; iface: string; by?: 'portmap'; outside?: string };
  /** The request reached its pod through a hostPort (the CNI portmap plugin's DNAT on `node`). */
  hostPort?: { node: string; port: number; protocol: string; chain: string };
  /** The client's address got replaced by the LB (IP mode without client IP preservation). */
  lbSnat?: string;
  depth: number;
}

export type End =
  | { kind: 'pod'; pod: Pod; arrived: Packet; socket: ListeningSocket | null; viaLoopback?: boolean }
  | {
      kind: 'node';
      node: NodeInfo;
      arrived: Packet;
      response: HttpResponse | null;
      what: Msg;
      /** The client gave up on what answered (curl's exit code and message), e.g. an untrusted certificate. */
      clientError?: { curlExitCode: number; message: string };
    }
  /** A component answered for the backend (the ingress controller): its response, and who served it. */
  | {
      kind: 'answered';
      responder: { stage: 'pod'; location: string };
      arrived: Packet;
      response: HttpResponse | null;
      backend: Backend | null;
      /** The client address the backend pod saw (the controller's), or null when no pod served it. */
      seen: string | null;
      explanation: Msg;
      clientError?: { curlExitCode: number; message: string };
      /** The client's TLS handshake with the component, where it terminated TLS. */
      tls?: TlsView;
      /** The request as the backend pod received it (null: no pod answered); absent: not modelled. */
      requestSeen?: SeenHttpRequest | null;
    }
  | { kind: 'fail'; outcome: Outcome; explanation: Msg };

/**
 * Routes a packet that has left a node's netfilter (route.ts's `route`). The paths that hand a packet
 * back to the network (the cloud LB, the ingress controller's upstream request) receive it as an
 * argument, so that route.ts, which leads into them, is the only module that knows all paths.
 */
export type RouteFn = (ctx: Ctx, node: string, p: Packet) => End;

/** Walks a new request from its client (route.ts's `walkRequest`); passed in, as RouteFn. */
export type WalkFn = (ctx: Ctx, from: Place, p: Packet) => End;

export function createCtx(
  cluster: ClusterState,
  world: SimWorld,
  req: Request,
  phase: 'dns' | 'request',
): Ctx {
  return {
    cluster,
    world,
    req,
    phase,
    hops: [],
    back: [],
    entries: [],
    service: null,
    decidedBy: null,
    depth: 0,
  };
}

export type HopInput = Omit<Hop, 'packet' | 'direction' | 'phase'>;

/** A hop with its fields in the CLI contract's order (stage, location, action, packet, rule, candidates, note). */
function ordered(h: HopInput, p: Packet, direction: 'request' | 'reply', phase: Ctx['phase']): Hop {
  // Assigned one by one (not spread): a --count makes tens of thousands of these.
  const hop: Hop = { stage: h.stage, location: h.location, action: h.action, packet: view(p) };
  if (h.rule !== undefined) hop.rule = h.rule;
  if (h.ruleRef !== undefined) hop.ruleRef = h.ruleRef;
  if (h.gatewayRef !== undefined) hop.gatewayRef = h.gatewayRef;
  if (h.ingressRef !== undefined) hop.ingressRef = h.ingressRef;
  if (h.candidates !== undefined) hop.candidates = h.candidates;
  if (h.leftOut !== undefined) hop.leftOut = h.leftOut;
  if (h.topology !== undefined) hop.topology = h.topology;
  if (h.note !== undefined) hop.note = h.note;
  if (h.crossZone !== undefined) hop.crossZone = h.crossZone;
  hop.direction = direction;
  hop.phase = phase;
  return hop;
}

/** A tally keeps the client's packet (curl's -w reads it) and the load-balancing decisions only. */
export function tally(ctx: Ctx): boolean {
  return ctx.req.detail === 'tally';
}

/** Appends a request-direction hop showing the packet as it leaves. */
export function addHop(ctx: Ctx, h: HopInput, p: Packet): void {
  if (tally(ctx) && h.stage !== 'client' && h.candidates === undefined) return;
  ctx.hops.push(ordered(h, p, 'request', ctx.phase));
}

/** Appends a reply-direction hop. */
export function addReplyHop(ctx: Ctx, h: HopInput, p: Packet): void {
  if (tally(ctx)) return;
  ctx.hops.push(ordered(h, p, 'reply', ctx.phase));
}

export function fail(outcome: Outcome, explanation: Msg): End {
  return { kind: 'fail', outcome, explanation };
}

export function samePacket(a: Packet, b: Packet): boolean {
  return a.src === b.src && a.srcPort === b.srcPort && a.dst === b.dst && a.dstPort === b.dstPort;
}
