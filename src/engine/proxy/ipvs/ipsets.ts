/**
 * The ipsets kube-proxy's IPVS proxier maintains (pkg/proxy/ipvs/ipset.go), with their types and comments,
 * and the membership test the iptables `-m set --match-set NAME FLAGS` matches use.
 *
 * @example
 * ipsetContains({ type: 'hash:ip,port', … entries: ['10.96.0.10,udp:53'] }, 'dst,dst', pkt); // true for 10.96.0.10:53/udp
 */
import { ipInCidr } from '../../net/ip6';
import type { WalkPacket } from '../iptables/match';
import type { IpSet } from '../shared/types';

export const IPSET_INFO = [
  {
    name: 'KUBE-LOOP-BACK',
    type: 'hash:ip,port,ip',
    comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose',
  },
  {
    name: 'KUBE-CLUSTER-IP',
    type: 'hash:ip,port',
    comment: 'Kubernetes service cluster ip + port for masquerade purpose',
  },
  {
    name: 'KUBE-EXTERNAL-IP',
    type: 'hash:ip,port',
    comment: 'Kubernetes service external ip + port for masquerade and filter purpose',
  },
  {
    name: 'KUBE-EXTERNAL-IP-LOCAL',
    type: 'hash:ip,port',
    comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local',
  },
  { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal' },
  {
    name: 'KUBE-LOAD-BALANCER-FW',
    type: 'hash:ip,port',
    comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange',
  },
  {
    name: 'KUBE-LOAD-BALANCER-LOCAL',
    type: 'hash:ip,port',
    comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-LOAD-BALANCER-SOURCE-IP',
    type: 'hash:ip,port,ip',
    comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose',
  },
  {
    name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR',
    type: 'hash:ip,port,net',
    comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose',
  },
  {
    name: 'KUBE-NODE-PORT-TCP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport TCP port for masquerade purpose',
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-TCP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport TCP port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-NODE-PORT-UDP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport UDP port for masquerade purpose',
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-UDP',
    type: 'bitmap:port',
    comment: 'Kubernetes nodeport UDP port with externalTrafficPolicy=local',
  },
  {
    name: 'KUBE-NODE-PORT-SCTP-HASH',
    type: 'hash:ip,port',
    comment: "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  },
  {
    name: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH',
    type: 'hash:ip,port',
    comment: "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  },
  { name: 'KUBE-HEALTH-CHECK-NODE-PORT', type: 'bitmap:port', comment: 'Kubernetes health check node port' },
  { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: 'Addresses on the ipvs interface' },
] as const;

export type IpsetName = (typeof IPSET_INFO)[number]['name'];

/** The family of the proxier a set belongs to. */
export type IpsetFamily = 'IPv4' | 'IPv6';

/**
 * The set's name for a proxier of `family`: the IPv6 proxier's sets are "KUBE-6-…" (newIPSet in
 * pkg/proxy/ipvs/ipset.go: "the prefix for ipv6 is changed from KUBE- to KUBE-6-"), so both families'
 * sets can exist on one node.
 *
 * @example
 * ipsetName('KUBE-CLUSTER-IP', 'IPv6'); // "KUBE-6-CLUSTER-IP"
 */
export function ipsetName(name: IpsetName, family: IpsetFamily): string {
  return family === 'IPv6' ? name.replace('KUBE-', 'KUBE-6-') : name;
}

/**
 * One of kube-proxy's ipsets as data: `entries` (sorted) asks `list` when read, so a set nobody prints is
 * never sorted; lookups ask `index`, which must hold exactly those entries.
 *
 * @example
 * ipsetOf('KUBE-CLUSTER-IP', members, () => [...members].sort()).type; // "hash:ip,port"
 */
export function ipsetOf(
  name: IpsetName,
  index: { has(entry: string): boolean },
  list: () => string[],
  family: IpsetFamily = 'IPv4',
): IpSet {
  const info = IPSET_INFO.find((i) => i.name === name)!;
  const set = { name: ipsetName(name, family), type: info.type, comment: info.comment } as Omit<
    IpSet,
    'entries'
  >;
  if (family === 'IPv6') set.family = 'IPv6';
  Object.defineProperty(set, 'entries', { enumerable: true, get: list });
  set.index = index;
  return set as IpSet;
}

function has(set: IpSet, entry: string): boolean {
  return set.index ? set.index.has(entry) : set.entries.includes(entry);
}

/** Whether the packet's fields named by `flags` ("dst,dst", "dst,dst,src", "dst") form an entry of the set. */
export function ipsetContains(set: IpSet, flags: string, pkt: WalkPacket): boolean {
  const f = flags.split(',');
  const field = (i: number, kind: 'ip' | 'port'): string => {
    const which = f[i] === 'src' ? 'src' : 'dst';
    if (kind === 'port') return `${pkt.protocol}:${which === 'src' ? pkt.srcPort : pkt.dstPort}`;
    return which === 'src' ? pkt.src : pkt.dst;
  };
  switch (set.type) {
    case 'bitmap:port':
      return has(set, String(f[0] === 'src' ? pkt.srcPort : pkt.dstPort));
    case 'hash:ip':
      return has(set, field(0, 'ip'));
    case 'hash:ip,port':
      return has(set, `${field(0, 'ip')},${field(1, 'port')}`);
    case 'hash:ip,port,ip':
      return has(set, `${field(0, 'ip')},${field(1, 'port')},${field(2, 'ip')}`);
    case 'hash:ip,port,net': {
      const head = `${field(0, 'ip')},${field(1, 'port')},`;
      const ip = field(2, 'ip');
      return set.entries.some((e) => e.startsWith(head) && ipInCidr(ip, e.slice(head.length)));
    }
    default:
      return false;
  }
}

/**
 * `ipset list` output for the node's sets (header fields as ipset 7 prints them; sizes are not simulated).
 *
 * @example
 * ipsetList(sets); // "Name: KUBE-CLUSTER-IP\nType: hash:ip,port\n…Members:\n10.96.0.10,udp:53\n"
 */
export function ipsetList(sets: IpSet[]): string {
  return (
    sets
      .map((s) => {
        const header =
          s.type === 'bitmap:port'
            ? 'range 0-65535 comment'
            : `family ${s.family === 'IPv6' ? 'inet6' : 'inet'} hashsize 1024 maxelem 65536 comment`;
        return [
          `Name: ${s.name}`,
          `Type: ${s.type}`,
          'Revision: 0',
          `Header: ${header}`,
          'Size in memory: 0',
          'References: 0',
          `Number of entries: ${s.entries.length}`,
          'Members:',
          ...s.entries,
        ].join('\n');
      })
      .join('\n\n') + '\n'
  );
}
