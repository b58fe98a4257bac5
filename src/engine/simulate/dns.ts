/**
 * Name resolution before a request, as the trace's 'dns' phase. Helper D's resolver decides the answer (the
 * pod's /etc/hosts and resolv.conf search list, CoreDNS, or the upstream resolver nodes and external
 * clients use). When a pod asks the cluster DNS, its query (UDP 53) travels through the same data path as
 * any packet: kube-proxy's rules on the pod's node pick a CoreDNS pod, and the answer comes back un-NATed.
 *
 * @example
 * resolveName(cluster, world, podPlace, 'web').ip; // "10.96.0.42", with the DNS hops in `.hops`
 */
import { nsName } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import { lookup, type LookupFrom } from '../discovery/resolver';
import { ephemeralPort } from '../net/packet';
import type { Place } from './topology';
import type { Hop } from '../trace';
import type { SimWorld } from '../world';
import { createCtx } from './context';
import { walkReply } from './reply';
import { walkRequest } from './route';

export interface Resolution {
  ip: string | undefined; // "10.96.0.42"
  hops: Hop[];
  /** Why the name did not resolve, in student words. */
  explanation?: string;
}

function lookupFrom(place: Place): LookupFrom {
  if (place.kind === 'pod') return { pod: place.pod };
  if (place.kind === 'node') return { node: place.node.name };
  return { external: true };
}

/**
 * Resolves `host` for a client with helper D's resolver (hosts file, search list, CoreDNS or the upstream),
 * and, when a pod asked the cluster DNS, walks its query through the data path as the 'dns' phase.
 *
 * @example resolveName(cluster, world, { kind: 'external', ip: '203.0.113.10' }, 'shop.example.com').ip // "198.51.100.1"
 */
export function resolveName(cluster: ClusterState, world: SimWorld, place: Place, host: string): Resolution {
  const r = lookup(cluster, lookupFrom(place), host, 'A', { rng: world.rng });
  const ip = r.rcode === 'NOERROR' ? r.answer.find((a) => a.type === 'A')?.data : undefined;
  if (place.kind !== 'pod' || r.source !== 'cluster-dns') {
    return ip ? { ip, hops: [] } : { ip: undefined, hops: [], explanation: r.explanation };
  }
  const ctx = createCtx(cluster, world, { ...emptyRequest(), protocol: 'UDP' }, 'dns');
  const pkt = {
    src: place.ip,
    srcPort: ephemeralPort(world.rng),
    dst: r.server,
    dstPort: 53,
    protocol: 'UDP' as const,
  };
  const end = walkRequest(ctx, place, pkt);
  if (end.kind === 'fail')
    return {
      ip: undefined,
      hops: ctx.hops,
      explanation: `The DNS query to ${r.server}:53 got no answer: ${end.explanation}`,
    };
  const responder =
    end.kind === 'pod'
      ? { stage: 'pod' as const, location: `pod/${nsName(end.pod)}` }
      : end.kind === 'node'
        ? { stage: 'node' as const, location: `node/${end.node.name}` }
        : end.responder;
  const names = r.queries.join(', ');
  const before = ctx.hops.length;
  walkReply(ctx, end.arrived, responder, `pod/${nsName(place.pod)}`);
  // The responder's answer is CoreDNS at work: show it as the DNS stage, with what it answered.
  const answerHop = ctx.hops[before];
  if (answerHop) {
    answerHop.stage = 'dns';
    answerHop.note = ip
      ? `CoreDNS answers ${r.queries[r.queries.length - 1] ?? host} A ${ip} (names tried, in search-path order: ${names}).`
      : `CoreDNS answers ${r.rcode} (names tried: ${names}).`;
  }
  return ip ? { ip, hops: ctx.hops } : { ip: undefined, hops: ctx.hops, explanation: r.explanation };
}

function emptyRequest() {
  return { from: '', target: '', method: 'GET', headers: {}, count: 1, keepalive: false, insecure: false };
}
