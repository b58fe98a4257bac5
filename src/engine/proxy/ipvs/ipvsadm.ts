/**
 * `ipvsadm -Ln` for a node in IPVS mode: the header, then each virtual server (sorted by address and port,
 * as `--sort` does) with its real servers, their forwarding method (Masq), weight and the connection counts
 * the scheduler state holds.
 *
 * @example
 * ipvsadmList(rules, state);
 * // "IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  10.96.0.10:53 rr\n  -> 10.244.0.2:53                Masq    1      0          0\n"
 */
import { parseIp } from '../../net/ip';
import { joinHostPort, parseIp6 } from '../../net/ip6';
import { realServerLine, virtualServerLine } from './evaluate';
import { serverState } from './scheduler';
import { IPVS_INACTIVE_SECONDS, type ProxyState } from '../shared/proxy-state';
import type { IpvsVirtualServer, NodeRules } from '../shared/types';

/** Protocol numbers, as libipvs's ipvs_cmp_services compares them. */
const PROTO_NUMBER: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

/** ipvs_cmp_services for one family's virtual servers: protocol, then address, then port. */
function compareServers(a: IpvsVirtualServer, b: IpvsVirtualServer): number {
  const byProto = (PROTO_NUMBER[a.protocol] ?? 0) - (PROTO_NUMBER[b.protocol] ?? 0);
  if (byProto !== 0) return byProto;
  if (a.address.includes(':')) {
    const x = parseIp6(a.address)!;
    const y = parseIp6(b.address)!;
    if (x !== y) return x < y ? -1 : 1;
  } else {
    const d = parseIp(a.address)! - parseIp(b.address)!;
    if (d !== 0) return d;
  }
  return a.port - b.port;
}

/**
 * The node's IPVS table: on a dual-stack node both proxiers program the one kernel table, so its IPv4
 * virtual servers are listed, then its IPv6 ones (ipvs_cmp_services compares the address family first).
 */
export function ipvsadmList(rules: NodeRules, state: ProxyState, now = Number.POSITIVE_INFINITY): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    `  -> ${'RemoteAddress:Port'.padEnd(28)} Forward Weight ActiveConn InActConn`,
  ];
  const vss = [
    ...[...(rules.ipvs?.virtualServers ?? [])].sort(compareServers),
    ...[...(rules.ip6?.ipvs?.virtualServers ?? [])].sort(compareServers),
  ];
  for (const vs of vss) {
    lines.push(virtualServerLine(vs));
    const s = state.ipvs.get(rules.node)?.get(vs.key) ?? serverState(state, rules.node, vs.key);
    for (const rs of vs.realServers) {
      const key = joinHostPort(rs.ip, rs.port);
      const c = s.conns.get(key);
      const inactive = c?.inactive.filter((t) => !(now - t > IPVS_INACTIVE_SECONDS)).length ?? 0;
      lines.push(realServerLine(key, rs.weight, c?.active ?? 0, inactive));
    }
  }
  return lines.join('\n') + '\n';
}
