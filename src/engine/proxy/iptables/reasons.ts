/**
 * The verdict in a student's words: which rule decided, and why that is what Kubernetes does.
 *
 * @example
 * explain(rules, pkt, verdict, undefined);
 * // "KUBE-EXTERNAL-SERVICES drops it: externalTrafficPolicy Local and no ready endpoint on node-2"
 */
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
): string | undefined {
  const d = v.decidingRule;
  const svc = v.service ?? 'the Service';
  const node = rules.node;
  if (v.action === 'reject' && d) {
    if (d.text.includes('has no endpoints'))
      return `${d.chain} rejects it: ${svc} has no endpoints (no ready or serving pod matches its selector), so the client gets "connection refused"`;
    return `${d.chain} rejects it`;
  }
  if (v.action === 'drop' && d) {
    if (d.chain === 'KUBE-EXTERNAL-SERVICES')
      return `KUBE-EXTERNAL-SERVICES drops it: externalTrafficPolicy Local and no ready endpoint on ${node}`;
    if (d.chain === 'KUBE-SERVICES' && d.text.includes('has no local endpoints'))
      return `KUBE-SERVICES drops it: internalTrafficPolicy Local and no ready endpoint on ${node}`;
    if (d.chain === 'KUBE-PROXY-FIREWALL')
      return `KUBE-PROXY-FIREWALL drops it: ${pkt.src} is not in loadBalancerSourceRanges of ${svc}`;
    if (d.chain === 'KUBE-FIREWALL')
      return `KUBE-FIREWALL drops it: connections to 127.0.0.0/8 from another host are blocked ("${commentOf(d.text)}")`;
    if (d.chain === 'KUBE-FORWARD') return 'KUBE-FORWARD drops it: conntrack marks the packet INVALID';
    return `${d.chain} drops it`;
  }
  if (v.action === 'dnat' && v.endpoint && d?.chain.startsWith('CNI-DN-')) {
    const who = v.endpoint.pod ? ` (${v.endpoint.pod})` : '';
    const masq = v.masquerade
      ? `; CNI-HOSTPORT-MASQ masquerades it to ${node}'s address (hairpin or localhost traffic)`
      : '';
    return `hostPort ${pkt.dstPort}/${pkt.protocol}: the CNI portmap plugin's ${d.chain} DNATs it to ${v.endpoint.ip}:${v.endpoint.port}${who}, not kube-proxy${masq}`;
  }
  if (v.action === 'dnat' && v.endpoint) {
    const to = `${v.endpoint.ip}:${v.endpoint.port}`;
    const who = v.endpoint.pod
      ? ` (${v.endpoint.pod}${v.endpoint.node ? ` on ${v.endpoint.node}` : ''})`
      : '';
    const n = v.candidates?.length ?? 1;
    let why: string;
    if (affinityHit) why = `sessionAffinity ClientIP: the recent list ${affinityHit} remembers ${pkt.src}`;
    else if (n === 1) why = 'the only endpoint';
    else why = `chosen at random among ${n} endpoints`;
    const masq = v.masquerade ? `; the source is masqueraded to ${node}'s address` : '';
    return `DNAT to ${to}${who}: ${why}${masq}`;
  }
  if (v.action === 'none') {
    const known = rules.nat.byName.get('KUBE-SERVICES');
    const isServiceIp = known !== undefined && chainMentionsIp(known, pkt.dst);
    if (pkt.protocol === 'ICMP' && isServiceIp)
      return `no rule matches ICMP to ${pkt.dst}: kube-proxy only captures the Service's ports (TCP/UDP/SCTP), and no interface owns a virtual IP, so nothing answers`;
    if (isServiceIp)
      return `no Service port ${pkt.dstPort}/${pkt.protocol} on ${pkt.dst}: no rule matches, so nothing answers`;
  }
  return undefined;
}
