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
import { realServerLine, virtualServerLine } from './evaluate';
import { serverState } from './scheduler';
import { IPVS_INACTIVE_SECONDS, type ProxyState } from '../shared/proxy-state';
import type { NodeRules } from '../shared/types';

export function ipvsadmList(rules: NodeRules, state: ProxyState, now = Number.POSITIVE_INFINITY): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    `  -> ${'RemoteAddress:Port'.padEnd(28)} Forward Weight ActiveConn InActConn`,
  ];
  const vss = [...(rules.ipvs?.virtualServers ?? [])].sort(
    (a, b) =>
      a.protocol.localeCompare(b.protocol) || parseIp(a.address)! - parseIp(b.address)! || a.port - b.port,
  );
  for (const vs of vss) {
    lines.push(virtualServerLine(vs));
    const s = state.ipvs.get(rules.node)?.get(vs.key) ?? serverState(state, rules.node, vs.key);
    for (const rs of vs.realServers) {
      const key = `${rs.ip}:${rs.port}`;
      const c = s.conns.get(key);
      const inactive = c?.inactive.filter((t) => !(now - t > IPVS_INACTIVE_SECONDS)).length ?? 0;
      lines.push(realServerLine(key, rs.weight, c?.active ?? 0, inactive));
    }
  }
  return lines.join('\n') + '\n';
}
