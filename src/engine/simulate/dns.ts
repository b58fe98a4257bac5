/**
 * Name resolution before a request, as the trace's 'dns' phase. A pod with dnsPolicy ClusterFirst sends its
 * query (UDP 53) to the kube-dns ClusterIP; the query travels through the same data path as any packet
 * (kube-proxy's rules on the pod's node pick a CoreDNS pod) and CoreDNS (helper D's `serveDns`) answers.
 * Nodes and external clients use a resolver outside the cluster: they know the published Ingress hosts
 * (D's `externalHosts`) and nothing under the cluster domain.
 *
 * @example
 * resolveName(cluster, world, podPlace, 'web').ip; // "10.96.0.42", with the DNS hops in `.hops`
 */
import type { ClusterState } from '../cluster/state';
import { clusterDnsIP } from '../discovery/system-objects';
import { externalHosts } from '../discovery/external-hosts';
import { serveDns } from '../discovery/dns';
import { ephemeralPort } from '../net/packet';
import { nsName, type Place } from '../net/topology';
import type { Hop } from '../trace';
import type { SimWorld } from '../world';
import { addHop, createCtx } from './context';
import { walkReply } from './reply';
import { walkRequest } from './route';

export interface Resolution {
  ip: string | undefined; // "10.96.0.42"
  hops: Hop[];
  /** Why the name did not resolve, in student words. */
  explanation?: string;
}

/** The names a ClusterFirst pod's resolver tries, in order (resolv.conf search list, ndots:5). */
function candidates(cluster: ClusterState, pod: Extract<Place, { kind: 'pod' }>, host: string): string[] {
  if (host.endsWith('.')) return [host];
  const ns = pod.pod.metadata.namespace ?? 'default';
  const domain = cluster.config.dnsDomain;
  const search = [`${ns}.svc.${domain}`, `svc.${domain}`, domain].map((s) => `${host}.${s}`);
  const dots = host.split('.').length - 1;
  return dots >= 5 ? [host, ...search] : [...search, host];
}

function outsideResolver(cluster: ClusterState, host: string, who: string): Resolution {
  const ip = externalHosts(cluster).get(host.replace(/\.$/, ''))?.[0];
  if (ip) return { ip, hops: [] };
  const domain = cluster.config.dnsDomain;
  const inCluster = host.replace(/\.$/, '').endsWith(domain) || !host.includes('.');
  return {
    ip: undefined,
    hops: [],
    explanation: inCluster
      ? `${who} does not use the cluster's DNS (CoreDNS answers pods only), so "${host}" does not resolve there. Use the Service's address, or curl from a pod.`
      : `Nothing publishes "${host}": only Ingress hosts served by the ingress controller's load balancer resolve outside the cluster.`,
  };
}

/**
 * Resolves `host` for a client, walking the DNS query through the data path for pods.
 *
 * @example resolveName(cluster, world, { kind: 'external', ip: '203.0.113.10' }, 'shop.example.com').ip // "198.51.100.1"
 */
export function resolveName(cluster: ClusterState, world: SimWorld, place: Place, host: string): Resolution {
  if (host === 'localhost') return { ip: '127.0.0.1', hops: [] };
  if (place.kind === 'external') return outsideResolver(cluster, host, 'An external client');
  if (place.kind === 'node' || place.kind === 'lb')
    return outsideResolver(
      cluster,
      host,
      place.kind === 'node' ? `Node ${place.node.name}` : 'The load balancer',
    );
  const policy = place.pod.spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'Default')
    return outsideResolver(cluster, host, `Pod ${nsName(place.pod)} (dnsPolicy Default)`);
  const nameserver = place.pod.spec.dnsConfig?.nameservers?.[0] ?? clusterDnsIP(cluster.config);
  const names =
    policy === 'None' && !place.pod.spec.dnsConfig?.searches ? [host] : candidates(cluster, place, host);
  let answer: string | undefined;
  const tried: string[] = [];
  for (const name of names) {
    tried.push(name);
    const msg = serveDns(cluster, name, 'A', { rng: world.rng });
    answer = msg.answer.find((r) => r.type === 'A')?.data;
    if (answer) break;
  }
  const ctx = createCtx(cluster, world, { ...emptyRequest(), protocol: 'UDP' }, 'dns');
  const pkt = {
    src: place.ip,
    srcPort: ephemeralPort(world.rng),
    dst: nameserver,
    dstPort: 53,
    protocol: 'UDP' as const,
  };
  const end = walkRequest(ctx, place, pkt);
  if (end.kind === 'fail')
    return {
      ip: undefined,
      hops: ctx.hops,
      explanation: `The DNS query to ${nameserver}:53 got no answer: ${end.explanation}`,
    };
  const responder =
    end.kind === 'pod'
      ? { stage: 'pod' as const, location: `pod/${nsName(end.pod)}` }
      : { stage: 'node' as const, location: `node/${end.node.name}` };
  addHop(
    ctx,
    {
      stage: 'dns',
      location: responder.location,
      action: 'respond',
      note: answer
        ? `CoreDNS answers ${tried[tried.length - 1]} A ${answer} (names tried, in search-path order: ${tried.join(', ')}).`
        : `CoreDNS answers NXDOMAIN for every name tried: ${tried.join(', ')}.`,
    },
    { ...end.arrived },
  );
  walkReply(ctx, end.arrived, responder, `pod/${nsName(place.pod)}`);
  if (!answer)
    return {
      ip: undefined,
      hops: ctx.hops,
      explanation: `No Service or pod is called "${host}": CoreDNS answered NXDOMAIN for ${tried.join(', ')}.`,
    };
  return { ip: answer, hops: ctx.hops };
}

function emptyRequest() {
  return { from: '', target: '', method: 'GET', headers: {}, count: 1, keepalive: false, insecure: false };
}
