/**
 * The evaluator's contract: the packet kube-proxy's rules are walked for, and the verdict the walk returns
 * (what it did, every rule that matched, the one that decided, and why).
 *
 * @example
 * const v: ProxyVerdict = evaluate(rules, { src: '10.244.1.3', srcPort: 40000, dst: '10.96.0.10',
 *   dstPort: 53, protocol: 'UDP', hook: 'PREROUTING' }, state, rng, 0);
 * v.decidingRule?.text; // "-A KUBE-SEP-… -m udp -p udp -j DNAT --to-destination 10.244.0.2:53"
 */
import type { Candidate, WireProtocol } from '../../trace';
import type { RuleStep } from './types';

export type { RuleStep };
import type { Msg } from '../../messages';

export interface PacketIn {
  src: string; // "10.244.1.3"
  srcPort: number; // 40000
  dst: string; // "10.96.0.10"
  dstPort: number; // 53
  protocol: WireProtocol;
  /** PREROUTING: arrived from a pod or from outside; OUTPUT: sent by a process on the node itself. */
  hook: 'PREROUTING' | 'OUTPUT';
}

export interface PacketOut {
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
  protocol: WireProtocol;
}

export interface ProxyVerdict {
  /**
   * accept: no kube-proxy rule rewrote it, and nothing rejected it (it goes on to normal routing);
   * dnat: rewritten to an endpoint; drop / reject: a kube-proxy rule dropped or rejected it;
   * none: no rule applied at all (e.g. ICMP to a ClusterIP: nothing matches, so nothing answers).
   */
  action: 'accept' | 'dnat' | 'drop' | 'reject' | 'none';
  /** The packet after DNAT (unchanged when there was none). SNAT is not applied here: see `masquerade`. */
  packet: PacketOut;
  /** POSTROUTING will MASQUERADE it (mark 0x4000 was set): the source becomes the node's address. */
  masquerade: boolean;
  endpoint?: { ip: string; port: number; pod?: string; node?: string };
  service?: string; // "ns1/svc1:p80"
  /** Every rule that matched, in order (jumps included). */
  steps: RuleStep[];
  /** The rule that decided the outcome (the DNAT, REJECT or DROP), one of `steps`. */
  decidingRule?: RuleStep;
  /**
   * The POSTROUTING rule that masqueraded the packet (KUBE-POSTROUTING's, or the CNI portmap plugin's
   * CNI-HOSTPORT-MASQ for hostPort hairpin/localhost traffic), one of `steps`.
   */
  masqueradeStep?: RuleStep;
  /** Every endpoint the load-balancing decision could have picked, with its real probability. */
  candidates?: Candidate[];
  /** In student words, as a descriptor: msg('proxy.drop.externalLocal', { node: 'node-2' }). */
  reason?: Msg;
  /** IPVS only: the connection this verdict opened, to hand back to `connectionClosed` when conntrack ends it. */
  ipvsConnection?: IpvsConnectionRef;
}

export interface IpvsConnectionRef {
  node: string; // "node-1"
  virtualServer: string; // "TCP 10.96.0.10:53"
  realServer: string; // "10.244.0.2:53"
}
