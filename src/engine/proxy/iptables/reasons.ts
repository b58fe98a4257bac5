/**
 * The verdict in a student's words: which rule decided, and why that is what Kubernetes does.
 *
 * @example
 * explain(rules, pkt, verdict, undefined);
 * // msg('proxy.drop.externalLocal', { node: 'node-2' }): "KUBE-EXTERNAL-SERVICES drops it: …"
 */
import { joinHostPort } from '../../net/ip6';
import { msg, type Msg } from '../../messages';
import { chainMentionsIp } from './chain-index';
import type { NodeRules } from '../shared/types';
import type { PacketIn, ProxyVerdict } from '../shared/verdict';

function commentOf(text: string): string {
  return /--comment "?([^"]*?)"? -/.exec(text)?.[1] ?? '';
}

export function explain(
  rules: NodeRules,
  pkt: PacketIn,
  v: ProxyVerdict,
  affinityHit: string | undefined,
): Msg | undefined {
  const d = v.decidingRule;
  const service = v.service ?? '?';
  const node = rules.node;
  if (v.action === 'reject' && d) {
    if (d.text.includes('has no endpoints'))
      return msg('proxy.reject.noEndpoints', { chain: d.chain, service });
    return msg('proxy.reject', { chain: d.chain });
  }
  if (v.action === 'drop' && d) {
    if (d.chain === 'KUBE-EXTERNAL-SERVICES') return msg('proxy.drop.externalLocal', { node });
    if (d.chain === 'KUBE-SERVICES' && d.text.includes('has no local endpoints'))
      return msg('proxy.drop.internalLocal', { node });
    if (d.chain === 'KUBE-PROXY-FIREWALL')
      return msg('proxy.drop.firewall', { chain: d.chain, client: pkt.src, service });
    if (d.chain === 'KUBE-FIREWALL') return msg('proxy.drop.localhost', { comment: commentOf(d.text) });
    if (d.chain === 'KUBE-FORWARD') return msg('proxy.drop.invalid', {});
    return msg('proxy.drop', { chain: d.chain });
  }
  if (v.action === 'dnat' && v.endpoint && d?.chain.startsWith('CNI-DN-'))
    return msg('proxy.hostPort', {
      port: pkt.dstPort,
      protocol: pkt.protocol,
      chain: d.chain,
      to: joinHostPort(v.endpoint.ip, v.endpoint.port),
      pod: v.endpoint.pod ?? null,
      masqNode: v.masquerade ? node : null,
    });
  if (v.action === 'dnat' && v.endpoint) {
    const n = v.candidates?.length ?? 1;
    const why = affinityHit
      ? msg('proxy.why.affinityRecent', { list: affinityHit, client: pkt.src })
      : n === 1
        ? msg('proxy.why.only', {})
        : msg('proxy.why.random', { count: n });
    return msg('proxy.dnat', {
      to: joinHostPort(v.endpoint.ip, v.endpoint.port),
      pod: v.endpoint.pod ?? null,
      node: v.endpoint.node ?? null,
      why,
      masqNode: v.masquerade ? node : null,
    });
  }
  if (v.action === 'none') {
    const known = rules.nat.byName.get('KUBE-SERVICES');
    const isServiceIp = known !== undefined && chainMentionsIp(known, pkt.dst);
    if (pkt.protocol === 'ICMP' && isServiceIp) return msg('proxy.none.icmpVip', { ip: pkt.dst });
    if (isServiceIp)
      return msg('proxy.none.noPort', { ip: pkt.dst, port: pkt.dstPort, protocol: pkt.protocol });
  }
  return undefined;
}
