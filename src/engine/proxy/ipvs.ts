/**
 * kube-proxy IPVS mode for one node (pkg/proxy/ipvs/proxier.go): a virtual server per ClusterIP, externalIP,
 * LoadBalancer IP and NodePort (per node IP), all with the cluster-wide scheduler and real servers of weight 1,
 * persistence (`-p timeout`) for ClientIP affinity; the ipsets it fills; and the iptables rules that match
 * those ipsets (writeIptablesRules) for masquerading, NodePorts and loadBalancerSourceRanges.
 *
 * @example
 * const rules = buildIpvsRules(cluster, 'node-1');
 * rules.ipvs!.byKey.get('TCP 10.96.0.10:53')!.realServers.length; // 2
 */
import type { ClusterState } from '../cluster/state';
import { inCidr } from '../net/ip';
import { endpointsFor, slicesByService, type EndpointInfo } from './endpoint-info';
import type { BuildOptions } from './iptables';
import { findNode, nodeIPOf, zoneOf } from './node-info';
import { servicePortsOf, type ServicePortInfo } from './service-port';
import { categorizeEndpoints } from './topology';
import { ipvsTables } from './ipvs-iptables';
import { IPSET_INFO, type IpsetName } from './ipvs-ipsets';
import type { IpSet, IpvsRealServer, IpvsVirtualServer, NodeRules } from './types';

function realServers(eps: EndpointInfo[]): IpvsRealServer[] {
  return eps.map((ep) => {
    const rs: IpvsRealServer = { ip: ep.ip, port: ep.port, weight: 1 };
    if (ep.pod !== undefined) rs.pod = ep.pod;
    if (ep.nodeName !== undefined) rs.node = ep.nodeName;
    return rs;
  });
}

/**
 * All of a node's IPVS-mode state: virtual servers, ipsets and the iptables rules around them.
 *
 * @example
 * ipvsadmList(buildIpvsRules(cluster, 'node-1'), createProxyState());
 */
export function buildIpvsRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
): NodeRules {
  const node = findNode(cluster, nodeName);
  const nodeIP = nodeIPOf(node);
  const zone = zoneOf(node);
  const p = cluster.config.proxy;
  const scheduler = p.ipvsScheduler === '' ? 'rr' : p.ipvsScheduler;
  const slices = slicesByService(cluster.endpointSlices);
  const sets = new Map<IpsetName, Set<string>>(IPSET_INFO.map((i) => [i.name, new Set<string>()]));
  const add = (name: IpsetName, entry: string): void => void sets.get(name)!.add(entry);
  const vss: IpvsVirtualServer[] = [];
  const bound = new Set<string>();

  const ports: ServicePortInfo[] = [];
  for (const svc of cluster.services) ports.push(...servicePortsOf(svc));
  ports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const sp of ports) {
    const eps = endpointsFor(slices.get(sp.serviceKey), sp, nodeName);
    const cat = categorizeEndpoints(eps, sp, nodeName, zone);
    const proto = sp.proto;
    // syncEndpoint: "only node-local" uses local endpoints, or all cluster endpoints when there are none
    // locally (kubernetes#97081: pods can still reach it; external replies carry the pod address and are lost).
    const pick = (onlyLocal: boolean): EndpointInfo[] =>
      onlyLocal ? (cat.local.length > 0 ? cat.local : cat.cluster) : cat.cluster;
    const vs = (kind: IpvsVirtualServer['kind'], address: string, port: number, onlyLocal: boolean): void => {
      const v: IpvsVirtualServer = {
        key: `${sp.protocol} ${address}:${port}`,
        protocol: sp.protocol,
        address,
        port,
        scheduler,
        flags: scheduler === 'mh' ? ['mh-port'] : [],
        realServers: realServers(pick(onlyLocal)),
        service: sp.name,
        kind,
      };
      if (sp.affinityClientIP) v.persistent = sp.stickySeconds;
      vss.push(v);
    };
    for (const ep of cat.allReachable)
      if (ep.isLocal) add('KUBE-LOOP-BACK', `${ep.ip},${proto}:${ep.port},${ep.ip}`);
    add('KUBE-CLUSTER-IP', `${sp.clusterIP},${proto}:${sp.port}`);
    vs('clusterIP', sp.clusterIP, sp.port, sp.internalPolicyLocal);
    bound.add(sp.clusterIP);
    for (const ip of sp.externalIPs) {
      add(
        sp.externalPolicyLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP',
        `${ip},${proto}:${sp.port}`,
      );
      vs('externalIP', ip, sp.port, sp.externalPolicyLocal);
      bound.add(ip);
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
      bound.add(ip);
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
  for (const ip of bound) add('KUBE-IPVS-IPS', ip);
  const ipsets: IpSet[] = IPSET_INFO.map((i) => ({
    name: i.name,
    type: i.type,
    comment: i.comment,
    entries: [...sets.get(i.name)!].sort(),
  }));
  const nonEmpty = new Set(ipsets.filter((s) => s.entries.length > 0).map((s) => s.name));
  const { nat, filter } = ipvsTables(
    {
      clusterCIDR: p.clusterCIDR,
      masqueradeAll: p.masqueradeAll,
      randomFully: options.randomFully !== false,
    },
    nonEmpty,
  );
  return {
    node: nodeName,
    mode: 'ipvs',
    nodeIPs: nodeIP === '' ? [] : [nodeIP],
    nat,
    filter,
    ipvs: { virtualServers: vss, byKey: new Map(vss.map((v) => [v.key, v])), ipsets },
    extraLocalAddresses: [...bound],
    clusterCIDR: p.clusterCIDR,
    largeClusterMode: false,
  };
}
