/**
 * The IPVS stage of a walk in IPVS mode: the iptables rules run as in iptables mode (they only mark and
 * filter), then IPVS, hooked at LOCAL_IN/LOCAL_OUT, finds the virtual server for the packet's destination
 * and lets the scheduler pick a real server (masquerading forwarding = DNAT).
 *
 * @example
 * evaluateIpvs(rules, pkt, state, rng, now).candidates?.[0]?.state; // "weight 1, active 0, inactive 0"
 */
import { ipInCidr, joinHostPort } from '../../net/ip6';
import type { Rng } from '../../util/rng';
import { walkIptables, type IpvsStage } from '../iptables/evaluate';
import { ipsetContains } from './ipsets';
import { ipvsCandidates, openConnection, scheduleIpvs, serverState } from './scheduler';
import type { ProxyState } from '../shared/proxy-state';
import type { NodeRules } from '../shared/types';
import type { PacketIn, ProxyVerdict } from '../shared/verdict';
import { msg } from '../../messages';

/** The ipvsadm line of a virtual server, as `ipvsadm -Ln` prints it. */
export function virtualServerLine(vs: {
  protocol: string;
  address: string;
  port: number;
  scheduler: string;
  persistent?: number;
}): string {
  return `${vs.protocol}  ${joinHostPort(vs.address, vs.port)} ${vs.scheduler}${vs.persistent !== undefined ? ` persistent ${vs.persistent}` : ''}`;
}

/** The ipvsadm line of a real server (`ep` "ip:port", IPv6 "[ip]:port": ipvsadm's addrport_to_anyname). */
export function realServerLine(ep: string, weight: number, active: number, inactive: number): string {
  return `  -> ${ep.padEnd(28)} ${'Masq'.padEnd(7)} ${String(weight).padEnd(6)} ${String(active).padEnd(10)} ${inactive}`;
}

export function evaluateIpvs(
  rules: NodeRules,
  pkt: PacketIn,
  state: ProxyState,
  rng: Rng,
  now: number,
): ProxyVerdict {
  const ipvs = rules.ipvs!;
  const sets = new Map(ipvs.ipsets.map((s) => [s.name, s]));
  const stage: IpvsStage = {
    inSet: (name, flags, p) => {
      const set = sets.get(name);
      return set !== undefined && ipsetContains(set, flags, p);
    },
    schedule: (p) => {
      const key = `${p.protocol.toUpperCase()} ${joinHostPort(p.dst, p.dstPort)}`;
      const vs = ipvs.byKey.get(key);
      if (!vs) return undefined;
      const s = serverState(state, rules.node, vs.key);
      const pick = scheduleIpvs(vs, s, p, now);
      const candidates = ipvsCandidates(vs, s, pick, now);
      const vsStep = { table: 'ipvs' as const, chain: vs.key, index: -1, text: virtualServerLine(vs) };
      if (!pick)
        return {
          steps: [vsStep],
          candidates,
          service: vs.service,
          reason: () =>
            msg('proxy.ipvs.noRealServers', { address: vs.address, port: vs.port, service: vs.service }),
        };
      const rs = vs.realServers[pick.index]!;
      const c = candidates[pick.index]!;
      openConnection(s, pick.realServer, p.protocol, now);
      const counts = /active (\d+), inactive (\d+)/.exec(c.state ?? '')!;
      const rsStep = {
        table: 'ipvs' as const,
        chain: vs.key,
        index: pick.index,
        text: realServerLine(pick.realServer, rs.weight, Number(counts[1]), Number(counts[2])),
      };
      const to: { ip: string; port: number; pod?: string; node?: string } = { ip: rs.ip, port: rs.port };
      if (rs.pod !== undefined) to.pod = rs.pod;
      if (rs.node !== undefined) to.node = rs.node;
      const lostReply =
        vs.kind !== 'clusterIP' &&
        rs.node !== undefined &&
        rs.node !== rules.node &&
        !isPod(rules, p.src) &&
        !masqMarked(p.mark);
      return {
        to,
        steps: [vsStep, rsStep],
        candidates,
        service: vs.service,
        reason: (masqNode) =>
          msg('proxy.ipvs.sends', {
            scheduler: vs.scheduler,
            realServer: pick.realServer,
            pod: rs.pod ?? null,
            why: pick.why,
            lostReply,
            masqNode,
          }),
        connection: { node: rules.node, virtualServer: vs.key, realServer: pick.realServer },
      };
    },
  };
  const verdict = walkIptables(rules, pkt, state, rng, now, stage, (ip) =>
    rules.clusterCIDR ? ipInCidr(ip, rules.clusterCIDR) : false,
  );
  return verdict;
}

function isPod(rules: NodeRules, ip: string): boolean {
  return rules.clusterCIDR !== undefined && rules.clusterCIDR !== '' && ipInCidr(ip, rules.clusterCIDR);
}

function masqMarked(mark: number): boolean {
  return (mark & 0x4000) !== 0;
}
