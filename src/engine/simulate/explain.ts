/**
 * The one or two sentences a student reads under a trace. They name the cause in Kubernetes words (the
 * Service, its selector, the pods' readiness, the traffic policy), not in netfilter words; the hop that
 * decided carries the exact rule. Reading the cluster here only words the explanation: the decision itself
 * was made by kube-proxy's rules.
 *
 * They are message descriptors (architecture principle 15): rendered in the reader's language where
 * they are printed.
 *
 * @example
 * render(whyNoEndpoints(cluster, 'default/web'), 'en');
 * // "Service default/web has no ready endpoints: its selector app=web matches no pod in namespace default."
 */
import { clusterIndex, nsName } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Pod, Service } from '../k8s/objects';
import { isPodReady } from '../k8s/pod';
import { msg, type Msg } from '../messages';
import { familyOfIp } from '../net/ip6';
import type { Packet } from '../net/packet';
import type { RuleStep } from '../proxy';

/** "ns/name" of the Service a kube-proxy servicePortName ("ns/name:port") belongs to. */
export function serviceKeyOf(servicePortName: string | undefined): string | null {
  if (!servicePortName) return null;
  const i = servicePortName.indexOf(':');
  return i < 0 ? servicePortName : servicePortName.slice(0, i);
}

export function findService(cluster: ClusterState, key: string | null): Service | undefined {
  if (!key) return undefined;
  return cluster.services.find((s) => nsName(s) === key);
}

function selectorText(sel: Record<string, string>): string {
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The pods a Service's selector matches (same namespace). */
export function selectedPods(cluster: ClusterState, svc: Service): Pod[] {
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return [];
  const ns = svc.metadata.namespace ?? 'default';
  return cluster.pods.filter(
    (p) =>
      (p.metadata.namespace ?? 'default') === ns &&
      Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v),
  );
}

/** Whether a hand-written EndpointSlice of the Service has a ready address of another family. */
function readyInOtherFamily(cluster: ClusterState, svc: Service, family: 'IPv4' | 'IPv6'): boolean {
  const ns = svc.metadata.namespace ?? 'default';
  return cluster.endpointSlices.some(
    (s) =>
      (s.metadata.namespace ?? 'default') === ns &&
      s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name &&
      s.addressType !== family &&
      (s.endpoints ?? []).some((e) => e.conditions?.ready !== false && e.addresses.length > 0),
  );
}

/**
 * Why a Service has no ready endpoints: no selector, a selector matching nothing, or pods that are not
 * ready (readiness probe failing, still starting, terminating). `family` is the packet's: kube-proxy's
 * proxier of that family reads only the EndpointSlices of that addressType, so a Service without a
 * selector whose slices are all of the other family has no endpoints for it.
 */
export function whyNoEndpoints(cluster: ClusterState, key: string | null, family?: 'IPv4' | 'IPv6'): Msg {
  const svc = findService(cluster, key);
  const service = key ?? '?';
  if (!svc) return msg('sim.noEndpoints.unknown', { service });
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0)
    return family && readyInOtherFamily(cluster, svc, family)
      ? msg('sim.noEndpoints.noSelectorFamily', { service, family })
      : msg('sim.noEndpoints.noSelector', { service });
  const pods = selectedPods(cluster, svc);
  if (pods.length === 0)
    return msg('sim.noEndpoints.noMatch', {
      service,
      selector: selectorText(sel),
      namespace: svc.metadata.namespace ?? 'default',
    });
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp);
  if (terminating.length === pods.length) return msg('sim.noEndpoints.terminating', { service });
  const notReady = pods.filter((p) => !isPodReady(p));
  if (notReady.length > 0) {
    const probe = notReady.some((p) => p.spec.containers.some((c) => c.readinessProbe));
    return msg('sim.noEndpoints.notReady', { service, count: pods.length, probe });
  }
  return msg('sim.noEndpoints.port', { service });
}

/**
 * The REJECT of a packet to a Service address on no port of the Service: KUBE-IPVS-FILTER (IPVS mode,
 * where the address is on kube-ipvs0) or cluster-ips-check (nftables mode). Null for other REJECTs.
 */
function explainVipReject(cluster: ClusterState, node: string, ruleText: string, p: Packet): Msg | null {
  const ipvs = /^-A KUBE-IPVS-FILTER /.test(ruleText);
  if (!ipvs && !ruleText.includes('invalid ports of ClusterIPs')) return null;
  const owner = clusterIndex(cluster).ipOwner(p.dst);
  if (owner.kind !== 'cluster-ip' && owner.kind !== 'external-ip') return null;
  const svc = owner.service;
  const params = {
    ip: p.dst,
    node,
    service: nsName(svc),
    ports: (svc.spec.ports ?? []).map((sp) => `${sp.port}/${sp.protocol ?? 'TCP'}`),
    ...(p.protocol === 'ICMP' ? {} : { port: `${p.dstPort}/${p.protocol}` }),
  };
  return ipvs
    ? msg('sim.vip.ipvsFilter', { ...params, external: owner.kind === 'external-ip' })
    : msg('sim.vip.clusterIpsCheck', params);
}

/** The firewall chain that dropped a packet for loadBalancerSourceRanges, in each mode's own name. */
function firewallChain(rule: RuleStep): string | null {
  if (rule.table === 'nft') return rule.chain.startsWith('firewall-') ? rule.chain : null;
  if (rule.chain === 'KUBE-SOURCE-RANGES-FIREWALL') return rule.chain; // IPVS mode
  if (rule.text.includes('KUBE-PROXY-FIREWALL') || rule.text.includes('loadBalancerSourceRanges'))
    return 'KUBE-PROXY-FIREWALL';
  return null;
}

/** nftables mode: the DROP of a Local Service's traffic by a no-endpoint map (the vmap's `drop` element). */
const NFT_NO_ENDPOINT_CHECKS = new Set(['service-endpoints-check', 'nodeport-endpoints-check']);

/**
 * The cause of a kube-proxy DROP or REJECT, from the deciding rule kube-proxy wrote (its table and chain
 * name the mode: iptables' KUBE-* chains, IPVS's, or nftables' `table ip kube-proxy`).
 *
 * @example
 * render(explainProxyBlock(cluster, 'node-1', 'reject', rule, 'default/web:http', packet), 'en');
 * // "Service default/web has no ready endpoints: … kube-proxy on node-1 REJECTs the connection, …"
 */
export function explainProxyBlock(
  cluster: ClusterState,
  node: string,
  action: 'drop' | 'reject',
  rule: RuleStep | undefined,
  servicePortName: string | undefined,
  packet: Packet,
): Msg {
  const key = serviceKeyOf(servicePortName);
  const text = rule?.text ?? '';
  if (action === 'reject')
    return (
      explainVipReject(cluster, node, text, packet) ??
      msg('sim.block.reject', { why: whyNoEndpoints(cluster, key, familyOfIp(packet.dst)), node })
    );
  const firewall = rule ? firewallChain(rule) : null;
  if (firewall !== null)
    return msg('sim.block.firewall', { client: packet.src, service: key ?? '', node, chain: firewall });
  const nft = rule?.table === 'nft';
  if (text.includes('has no local endpoints') || (nft && NFT_NO_ENDPOINT_CHECKS.has(rule.chain)))
    return msg('sim.block.local', { service: key ?? '', node });
  if (nft && rule.chain === 'cluster-ips-check')
    return msg('sim.block.unallocated', { ip: packet.dst, node, rule: rule.text });
  return msg('sim.block.drop', { node });
}

/** ping to a virtual IP: nothing answers. */
export function explainIcmpToVirtualIP(ip: string, svc: Service, kind: 'ClusterIP' | 'external IP'): Msg {
  return msg('sim.icmpToVip', { ip, service: nsName(svc), external: kind === 'external IP' });
}

/** A packet to a Service address on a port the Service does not have. */
export function explainNoServicePort(ip: string, port: number, protocol: string, svc: Service): Msg {
  const ports = (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`);
  return msg('sim.noServicePort', { ip, port, protocol, service: nsName(svc), ports });
}
