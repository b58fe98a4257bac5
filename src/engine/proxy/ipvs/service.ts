/**
 * What kube-proxy's IPVS proxier programs for ONE Service port on one node (syncService / syncEndpoint in
 * pkg/proxy/ipvs/proxier.go): a virtual server per ClusterIP, externalIP, LoadBalancer IP and NodePort (per
 * node IP) with the port's real servers, and the ipset entries the iptables rules match. Virtual servers
 * that are the same on every node (no Local policy, not a NodePort) are made once per build and shared.
 *
 * @example
 * const f = new IpvsFragment(sp, cat, ctx, shared);
 * f.virtualServers[0].key; // "TCP 10.96.0.10:53"
 * f.entries[0]; // ["KUBE-CLUSTER-IP", "10.96.0.10,udp:53"]
 */
import { ipInCidr, joinHostPort } from '../../net/ip6';
import type { EndpointInfo } from '../shared/endpoint-info';
import type { IpsetName } from './ipsets';
import { memoized, memoTable, type ProxyMemo } from '../shared/memo';
import type { NodeContext } from '../shared/node-info';
import { isLocalTo } from '../shared/service-map';
import type { ServicePortInfo } from '../shared/service-port';
import type { Categorized } from '../shared/topology';
import type { IpvsRealServer, IpvsVirtualServer } from '../shared/types';

/** What the node and the proxy settings contribute to a port's virtual servers. */
export interface IpvsContext extends NodeContext {
  scheduler: string; // "rr"
}

/**
 * A port's virtual servers that do not depend on the node (made by the first node that needs them): the
 * cluster-IP server, and the others by "kind|address".
 */
export interface SharedServers {
  clusterIP?: IpvsVirtualServer;
  others: Map<string, IpvsVirtualServer>;
}

function realServers(eps: EndpointInfo[]): IpvsRealServer[] {
  return eps.map((ep) => {
    const rs: IpvsRealServer = { ip: ep.ip, port: ep.port, weight: 1 };
    if (ep.pod !== undefined) rs.pod = ep.pod;
    if (ep.nodeName !== undefined) rs.node = ep.nodeName;
    return rs;
  });
}

/** The ipsets whose entries depend on the node (its endpoints or its address); the rest are the same on every node. */
export const NODE_SETS: ReadonlySet<IpsetName> = new Set<IpsetName>([
  'KUBE-LOOP-BACK',
  'KUBE-NODE-PORT-SCTP-HASH',
  'KUBE-NODE-PORT-LOCAL-SCTP-HASH',
  'KUBE-LOAD-BALANCER-SOURCE-IP',
]);

export interface PortEntries {
  /** Entries of the node-independent ipsets, in the order kube-proxy adds them. */
  entries: [IpsetName, string][];
  /** The addresses the port binds to kube-ipvs0 (KUBE-IPVS-IPS). */
  bound: string[];
}

const PORT_ENTRIES = memoTable<ServicePortInfo, PortEntries>('ipvs port ipset entries');

/**
 * A port's entries in the ipsets that are the same on every node (made once per port and memo).
 *
 * @example
 * portEntries(memo, sp).entries[0]; // ["KUBE-CLUSTER-IP", "10.96.0.10,udp:53"]
 */
export function portEntries(memo: ProxyMemo, sp: ServicePortInfo): PortEntries {
  return memoized(memo, PORT_ENTRIES, sp, () => writePortEntries(sp));
}

function writePortEntries(sp: ServicePortInfo): PortEntries {
  const out: PortEntries = { entries: [], bound: [] };
  const { entries, bound } = out;
  const proto = sp.proto;
  entries.push(['KUBE-CLUSTER-IP', `${sp.clusterIP},${proto}:${sp.port}`]);
  bound.push(sp.clusterIP);
  for (const ip of sp.externalIPs) {
    entries.push([
      sp.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP',
      `${ip},${proto}:${sp.port}`,
    ]);
    bound.push(ip);
  }
  for (const ip of sp.loadBalancerVIPs) {
    const entry = `${ip},${proto}:${sp.port}`;
    entries.push(['KUBE-LOAD-BALANCER', entry]);
    if (sp.externalPolicyLocal) entries.push(['KUBE-LOAD-BALANCER-LOCAL', entry]);
    if (sp.sourceRanges.length > 0) {
      entries.push(['KUBE-LOAD-BALANCER-FW', entry]);
      for (const cidr of sp.sourceRanges)
        entries.push(['KUBE-LOAD-BALANCER-SOURCE-CIDR', `${entry},${cidr}`]);
    }
    bound.push(ip);
  }
  if (sp.nodePort !== 0 && sp.protocol !== 'SCTP') {
    entries.push([`KUBE-NODE-PORT-${sp.protocol}`, String(sp.nodePort)]);
    if (sp.externalPolicyLocal) entries.push([`KUBE-NODE-PORT-LOCAL-${sp.protocol}`, String(sp.nodePort)]);
  }
  if (sp.healthCheckNodePort !== 0)
    entries.push(['KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort)]);
  return out;
}

/** One Service port's virtual servers and node-specific ipset entries on one node. */
export class IpvsFragment {
  readonly key: string;
  readonly sortKey: string;
  /** In the order kube-proxy adds them: cluster IP, external IPs, load-balancer IPs, node port. */
  readonly virtualServers: IpvsVirtualServer[] = [];
  /** KUBE-LOOP-BACK members: this node's reachable endpoints ("ip:port", protocol `sp.proto`). */
  readonly loopback: string[] = [];
  /** Entries of the other NODE_SETS ipsets (the node-independent ones: `portEntries(sp)`). */
  readonly nodeEntries: [IpsetName, string][] = [];

  constructor(
    readonly sp: ServicePortInfo,
    cat: Categorized,
    ctx: IpvsContext,
    shared: SharedServers | undefined,
  ) {
    this.key = sp.serviceKey;
    this.sortKey = sp.name;
    const { nodeIP } = ctx;
    const proto = sp.proto;
    // syncEndpoint: "only node-local" uses local endpoints, or all cluster endpoints when there are none
    // locally (kubernetes#97081: pods can still reach it; external replies carry the pod address and are lost).
    const pick = (onlyLocal: boolean): EndpointInfo[] =>
      onlyLocal ? (cat.local.length > 0 ? cat.local : cat.cluster) : cat.cluster;
    const vs = (kind: IpvsVirtualServer['kind'], address: string, port: number, onlyLocal: boolean): void => {
      // Only the node-port server (the node's address) and Local-policy servers differ between nodes.
      const canShare = kind !== 'nodePort' && !onlyLocal && shared !== undefined;
      const sk = canShare && kind !== 'clusterIP' ? `${kind}|${address}` : '';
      const known = !canShare ? undefined : sk === '' ? shared.clusterIP : shared.others.get(sk);
      if (known) return void this.virtualServers.push(known);
      const v: IpvsVirtualServer = {
        key: `${sp.protocol} ${joinHostPort(address, port)}`,
        protocol: sp.protocol,
        address,
        port,
        scheduler: ctx.scheduler,
        flags: ctx.scheduler === 'mh' ? ['mh-port'] : [],
        realServers: realServers(pick(onlyLocal)),
        service: sp.name,
        kind,
      };
      if (sp.affinityClientIP) v.persistent = sp.stickySeconds;
      if (canShare && sk === '') shared.clusterIP = v;
      else if (canShare) shared.others.set(sk, v);
      this.virtualServers.push(v);
    };
    for (const ep of cat.allReachable) if (isLocalTo(ep, ctx.nodeName)) this.loopback.push(ep.endpoint);
    vs('clusterIP', sp.clusterIP, sp.port, sp.internalPolicyLocal);
    for (const ip of sp.externalIPs) vs('externalIP', ip, sp.port, sp.externalPolicyLocal);
    for (const ip of sp.loadBalancerVIPs) {
      if (nodeIP !== '' && sp.sourceRanges.some((cidr) => ipInCidr(nodeIP, cidr)))
        this.nodeEntries.push(['KUBE-LOAD-BALANCER-SOURCE-IP', `${ip},${proto}:${sp.port},${ip}`]);
      vs('loadBalancer', ip, sp.port, sp.externalPolicyLocal);
    }
    if (sp.nodePort !== 0) {
      if (sp.protocol === 'SCTP')
        this.nodeEntries.push([
          sp.externalPolicyLocal ? 'KUBE-NODE-PORT-LOCAL-SCTP-HASH' : 'KUBE-NODE-PORT-SCTP-HASH',
          `${nodeIP},sctp:${sp.nodePort}`,
        ]);
      if (nodeIP !== '') vs('nodePort', nodeIP, sp.nodePort, sp.externalPolicyLocal);
    }
  }
}
