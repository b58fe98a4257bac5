/**
 * Name lookups on the data path, as the trace's 'dns' phase. The stub resolver (discovery/resolver.ts:
 * glibc's for curl and ping, BIND's for nslookup and dig) decides what to ask; every try of every query
 * is a UDP (or, for `dig +tcp`, TCP) packet that walks the client node's netfilter like any other packet:
 * kube-proxy's rules DNAT `10.96.0.10:53` to a CoreDNS pod (or drop or reject it), the pod that receives
 * it answers if it runs CoreDNS, and the reply comes back un-NATed by conntrack. A lookup therefore fails
 * exactly when kube-proxy would not deliver it (no ready CoreDNS pod, internalTrafficPolicy Local on a
 * node without one, a REJECT), after the resolver's retries and timeouts in simulated time. Resolvers
 * outside the cluster (the nodes' upstream, a public address in dnsConfig) answer without a walk:
 * svclab does not simulate the network beyond the nodes.
 *
 * @example
 * resolveName(cluster, world, podPlace, 'web').ip; // "10.96.0.42", with the query's hops in `.hops`
 */
import { joinHostPort } from '../net/ip6';
import { clusterIndex, nsName } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import { isDualStack } from '../cluster/families';
import { dnsServerAt, isOutsideResolver, serverAnswer } from '../discovery/dns-server';
import type { DnsExchange, DnsQuery, DnsTransport } from '../discovery/dns-transport';
import { lookup } from '../discovery/resolver';
import type { LookupFrom, LookupOptions, LookupResult } from '../discovery/types';
import type { RRType } from '../discovery/records';
import type { Pod } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { ephemeralPort, type Packet } from '../net/packet';
import { locationOf, sourceAddress, type Place } from './topology';
import type { Hop } from '../trace';
import type { SimWorld } from '../world';
import { createCtx, type Ctx, type End } from './context';
import { closeEntries } from './node-path';
import { walkReply } from './reply';
import type { Request } from './request';
import { walkRequest } from './route';

export interface Resolution {
  ip: string | undefined; // "10.96.0.42"
  hops: Hop[];
  /** Why the name did not resolve, in student words. */
  explanation?: Msg;
  /** The resolver's result (absent when the target was an address). */
  lookup?: LookupResult;
}

/** The hops of a lookup's queries, and the CoreDNS pod that gave the last answer. */
export interface DnsPath {
  hops: Hop[];
  answeredBy?: { pod: Pod; arrived: Packet; service: string | null };
}

function dnsRequest(q: DnsQuery): Request {
  return {
    from: '',
    target: q.server,
    protocol: q.tcp ? 'TCP' : 'UDP',
    method: 'GET',
    headers: {},
    count: 1,
    keepalive: false,
    insecure: false,
  };
}

/** The address a client sends from: a pod's own, a node's outgoing interface, an outside client's. */
function sourceOf(cluster: ClusterState, place: Place, dst: string): string {
  return sourceAddress(cluster, place, dst) ?? (place.kind === 'node' ? place.node.ip : place.ip);
}

/** The resolver configuration of the client at a place (a hostNetwork pod's own, on its node). */
export function lookupFrom(place: Place): LookupFrom {
  if (place.kind === 'pod') return { pod: place.pod };
  if (place.kind === 'node') return place.pod ? { pod: place.pod } : { node: place.node.name };
  return { external: true };
}

function answered(
  ctx: Ctx,
  place: Place,
  end: Extract<End, { kind: 'pod' | 'node' }>,
  q: DnsQuery,
  path: DnsPath,
): DnsExchange {
  const { cluster, world } = ctx;
  const server = dnsServerAt(cluster, end.arrived.dst);
  if (server.kind !== 'coredns') {
    world.clock += q.waitSeconds;
    const why =
      end.kind === 'pod'
        ? msg('dns.noServerInPod', {
            pod: nsName(end.pod),
            port: end.arrived.dstPort,
            protocol: end.arrived.protocol,
          })
        : msg('dns.noServerAt', { at: joinHostPort(end.arrived.dst, end.arrived.dstPort) });
    return { kind: 'timeout', why };
  }
  const { message, source } = serverAnswer(cluster, server, q.name, q.type, world.rng);
  const before = ctx.hops.length;
  walkReply(ctx, end.arrived, { stage: 'pod', location: `pod/${nsName(server.pod)}` }, locationOf(place));
  const respond = ctx.hops[before];
  if (respond) {
    // The responder's answer is CoreDNS at work: the DNS stage, with what it answered.
    respond.stage = 'dns';
    respond.note = msg('dns.corednsAnswers', {
      name: q.name,
      type: q.type,
      rcode: message.rcode,
      records: message.answer.map((r) => (r.type === q.type ? r.data : `${r.type} ${r.data}`)),
      forwarded: message.via === 'forward',
    });
  }
  // A DNS-over-TCP connection closes once the answer is in.
  if (q.tcp) closeEntries(world, ctx.entries, false);
  path.answeredBy = { pod: server.pod, arrived: end.arrived, service: ctx.service };
  return { kind: 'answer', message, source };
}

/**
 * A transport whose queries walk the data path from `place`; the hops collect in `path`. A try that gets
 * no answer advances the simulated clock by the time the client waits for it.
 *
 * @example
 * const { send, path } = walkingTransport(cluster, world, place);
 * send({ server: '10.96.0.10', name: 'web.default.svc.cluster.local.', type: 'A', socket: 1, attempt: 1, waitSeconds: 5, tcp: false });
 * path.hops.length; // 9 when CoreDNS runs on another node
 */
export function walkingTransport(
  cluster: ClusterState,
  world: SimWorld,
  place: Place,
): { send: DnsTransport; path: DnsPath } {
  const ports = new Map<number, number>();
  const previous = new Map<string, 'timeout' | 'refused'>();
  const path: DnsPath = { hops: [] };
  const send: DnsTransport = (q) => {
    if (isOutsideResolver(cluster, q.server)) {
      const { message, source } = serverAnswer(cluster, { kind: 'upstream' }, q.name, q.type);
      return { kind: 'answer', message, source };
    }
    const reused = ports.has(q.socket);
    const srcPort = ports.get(q.socket) ?? ephemeralPort(world.rng);
    ports.set(q.socket, srcPort);
    const ctx = createCtx(cluster, world, dnsRequest(q), 'dns');
    const pkt: Packet = {
      src: sourceOf(cluster, place, q.server),
      srcPort,
      dst: q.server,
      dstPort: 53,
      protocol: q.tcp ? 'TCP' : 'UDP',
    };
    const end = walkRequest(ctx, place, pkt);
    const first = ctx.hops[0];
    if (first)
      first.note = msg('dns.query', {
        server: q.server,
        name: q.name,
        type: q.type,
        attempt: q.attempt,
        previous: previous.get(`${q.server} ${q.name}`) ?? null,
        sameSocket: reused,
        tcp: q.tcp,
      });
    let ex: DnsExchange;
    if (end.kind === 'fail') {
      const refused = end.outcome === 'refused' || end.outcome === 'rejected';
      if (!refused) world.clock += q.waitSeconds;
      // Beyond the nodes svclab simulates no host; to its DNS model nothing answers there.
      const why = end.outcome === 'unreachable' ? msg('dns.nobodyThere', { ip: q.server }) : end.explanation;
      ex = refused ? { kind: 'refused', why } : { kind: 'timeout', why };
    } else if (end.kind === 'answered') {
      world.clock += q.waitSeconds;
      ex = {
        kind: 'timeout',
        why: msg('dns.noServerAt', { at: joinHostPort(end.arrived.dst, end.arrived.dstPort) }),
      };
    } else ex = answered(ctx, place, end, q, path);
    if (ex.kind !== 'answer') previous.set(`${q.server} ${q.name}`, ex.kind);
    path.hops.push(...ctx.hops);
    return ex;
  };
  return { send, path };
}

/**
 * One lookup from a place, every query walked: the resolver's result and the path its queries took.
 *
 * @example runLookup(cluster, world, place, lookupFrom(place), 'web', 'A', { tool: 'nslookup' }).result.rcode // "NOERROR"
 */
export function runLookup(
  cluster: ClusterState,
  world: SimWorld,
  place: Place,
  from: LookupFrom,
  name: string,
  type: RRType,
  opts: Omit<LookupOptions, 'transport'>,
): { result: LookupResult; path: DnsPath } {
  const { send, path } = walkingTransport(cluster, world, place);
  return { result: lookup(cluster, from, name, type, { ...opts, transport: send }), path };
}

/**
 * Resolves `host` for a client the way getaddrinfo does (hosts file, search list, glibc's tries),
 * every query walking the data path as the 'dns' phase.
 *
 * @example resolveName(cluster, world, { kind: 'external', ip: '203.0.113.10' }, 'shop.example.com').ip // "198.51.100.1"
 */
export function resolveName(
  cluster: ClusterState,
  world: SimWorld,
  place: Place,
  host: string,
  family?: 'IPv4' | 'IPv6',
): Resolution {
  const dual = isDualStack(cluster.config);
  const ask = (type: 'A' | 'AAAA'): Resolution => {
    const { result, path } = runLookup(cluster, world, place, lookupFrom(place), host, type, {});
    const ip = result.rcode === 'NOERROR' ? result.answer.find((a) => a.type === type)?.data : undefined;
    return ip
      ? { ip, hops: path.hops, lookup: result }
      : { ip: undefined, hops: path.hops, explanation: result.explanation, lookup: result };
  };
  if (family === 'IPv6') return ask('AAAA');
  // A single-stack cluster's clients ask for their family's records only (svclab leaves the other query out).
  if (family === 'IPv4') return ask('A');
  if (!dual) return ask(cluster.config.primaryFamily === 'IPv6' ? 'AAAA' : 'A');
  // getaddrinfo(AF_UNSPEC) asks for both; curl connects to the Service's primary family first, as the CLI
  // contract fixes it. A real client's order comes from its libc's address sorting, not from ipFamilies:
  // glibc (sysdeps/posix/getaddrinfo.c) still uses RFC 3484's precedences (::/0 40, ::ffff:0:0/96 10), so a
  // ULA ClusterIP (fd00::/8) comes before the IPv4 one; musl (Alpine images such as curlimages/curl) uses
  // RFC 6724's (::ffff:0:0/96 35, fc00::/7 3), so IPv4 comes first. Neither follows the Service, and the
  // cluster answers either family the same way, so the contract's choice shows the Service's own order.
  const a = ask('A');
  const aaaa = ask('AAAA');
  const hops = [...a.hops, ...aaaa.hops];
  if (a.ip === undefined) return aaaa.ip === undefined ? { ...a, hops } : { ...aaaa, hops };
  if (aaaa.ip === undefined) return { ...a, hops };
  const owner = clusterIndex(cluster).ipOwner(a.ip);
  const primary6 = owner.kind === 'cluster-ip' && owner.service.spec.ipFamilies?.[0] === 'IPv6';
  return primary6 ? { ...aaaa, hops } : { ...a, hops };
}
