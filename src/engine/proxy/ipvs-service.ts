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
import { inCidr } from '../net/ip';
import type { EndpointInfo } from './endpoint-info';
import type { IpsetName } from './ipvs-ipsets';
import { isLocalTo } from './service-map';
import type { ServicePortInfo } from './service-port';
import type { Categorized } from './topology';
import type { IpvsRealServer, IpvsVirtualServer } from './types';

export interface IpvsContext {
  nodeName: string;
  nodeIP: string;
  zone: string;
  scheduler: string; // "rr"
}

/** Virtual servers that do not depend on the node, by "kind|address|port" of one Service port. */
export type SharedServers = Map<string, IpvsVirtualServer>;

function realServers(eps: EndpointInfo[]): IpvsRealServer[] {
  return eps.map((ep) => {
    const rs: IpvsRealServer = { ip: ep.ip, port: ep.port, weight: 1 };
    if (ep.pod !== undefined) rs.pod = ep.pod;
    if (ep.nodeName !== undefined) rs.node = ep.nodeName;
    return rs;
  });
}

export class IpvsFragment {
  readonly key: string;
  readonly sortKey: string;
  /** In the order kube-proxy adds them: cluster IP, external IPs, load-balancer IPs, node port. */
  readonly virtualServers: IpvsVirtualServer[] = [];
  /** Every ipset entry this port adds, in order (a set keeps one copy of each). */
  readonly entries: [IpsetName, string][] = [];
  /** The addresses it binds to kube-ipvs0. */
  readonly bound: string[] = [];

  constructor(sp: ServicePortInfo, cat: Categorized, ctx: IpvsContext, shared: SharedServers | undefined) {
    this.key = sp.serviceKey;
    this.sortKey = sp.name;
    const { nodeIP } = ctx;
    const proto = sp.proto;
    const add = (name: IpsetName, entry: string): void => void this.entries.push([name, entry]);
    // syncEndpoint: "only node-local" uses local endpoints, or all cluster endpoints when there are none
    // locally (kubernetes#97081: pods can still reach it; external replies carry the pod address and are lost).
    const pick = (onlyLocal: boolean): EndpointInfo[] =>
      onlyLocal ? (cat.local.length > 0 ? cat.local : cat.cluster) : cat.cluster;
    const vs = (kind: IpvsVirtualServer['kind'], address: string, port: number, onlyLocal: boolean): void => {
      // Only the node-port server (the node's address) and Local-policy servers differ between nodes.
      const sk =
        kind !== 'nodePort' && !onlyLocal && shared ? `${sp.name}|${kind}|${address}|${port}` : undefined;
      const known = sk === undefined ? undefined : shared!.get(sk);
      if (known) return void this.virtualServers.push(known);
      const v: IpvsVirtualServer = {
        key: `${sp.protocol} ${address}:${port}`,
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
      if (sk !== undefined) shared!.set(sk, v);
      this.virtualServers.push(v);
    };
    for (const ep of cat.allReachable)
      if (isLocalTo(ep, ctx.nodeName)) add('KUBE-LOOP-BACK', `${ep.ip},${proto}:${ep.port},${ep.ip}`);
    add('KUBE-CLUSTER-IP', `${sp.clusterIP},${proto}:${sp.port}`);
    vs('clusterIP', sp.clusterIP, sp.port, sp.internalPolicyLocal);
    this.bound.push(sp.clusterIP);
    for (const ip of sp.externalIPs) {
      add(
        sp.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP',
        `${ip},${proto}:${sp.port}`,
      );
      vs('externalIP', ip, sp.port, sp.externalPolicyLocal);
      this.bound.push(ip);
    }
    for (const ip of sp.loadBalancerVIPs) {
      const entry = `${ip},${proto}:${sp.port}`;
      add('KUBE-LOAD-BALANCER', entry);
      if (sp.externalPolicyLocal) add('KUBE-LOAD-BALANCER-LOCAL', entry);
      if (sp.sourceRanges.length > 0) {
        add('KUBE-LOAD-BALANCER-FW', entry);
        let allowFromNode = false;
        for (const cidr of sp.sourceRanges) {
          add('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${entry},${cidr}`);
          if (inCidr(nodeIP, cidr)) allowFromNode = true;
        }
        if (allowFromNode) add('KUBE-LOAD-BALANCER-SOURCE-IP', `${entry},${ip}`);
      }
      vs('loadBalancer', ip, sp.port, sp.externalPolicyLocal);
      this.bound.push(ip);
    }
    if (sp.nodePort !== 0) {
      const P = sp.protocol;
      if (P === 'SCTP') {
        add(
          sp.externalPolicyLocal ? 'KUBE-NODE-PORT-LOCAL-SCTP-HASH' : 'KUBE-NODE-PORT-SCTP-HASH',
          `${nodeIP},sctp:${sp.nodePort}`,
        );
      } else {
        add(`KUBE-NODE-PORT-${P}`, String(sp.nodePort));
        if (sp.externalPolicyLocal) add(`KUBE-NODE-PORT-LOCAL-${P}`, String(sp.nodePort));
      }
      if (nodeIP !== '') vs('nodePort', nodeIP, sp.nodePort, sp.externalPolicyLocal);
    }
    if (sp.healthCheckNodePort !== 0) add('KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort));
  }
}
