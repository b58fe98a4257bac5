/**
 * KUBE-LOOP-BACK, the ipset of a node's local endpoints ("ip,proto:port,ip") that IPVS mode masquerades
 * hairpin traffic for. A large cluster has one entry per local endpoint (~33,000 per node for 100,000
 * endpoints on 3 nodes), so the set keeps the endpoints' own "ip:port" strings per protocol and writes the
 * ipset entries only when they are listed; lookups parse the entry they are asked about instead.
 *
 * @example
 * const lb = new LoopbackSet(); lb.add('tcp', '10.244.1.5:8080', 1);
 * lb.ipset().entries; // ["10.244.1.5,tcp:8080,10.244.1.5"]
 */
import { joinHostPort } from '../../net/ip6';
import { ipsetOf, type IpsetFamily } from './ipsets';
import type { IpSet } from '../shared/types';

export class LoopbackSet {
  /** The IPv6 proxier's set is KUBE-6-LOOP-BACK (family inet6). */
  constructor(private readonly family: IpsetFamily = 'IPv4') {}

  /** proto → endpoint "ip:port" → how many ports list it. */
  private readonly byProto = new Map<string, Map<string, number>>();

  /** Adds (1) or removes (-1) one port's endpoint; true when the set's membership changed. */
  add(proto: string, endpoint: string, by: 1 | -1): boolean {
    let m = this.byProto.get(proto);
    if (!m) this.byProto.set(proto, (m = new Map()));
    const n = (m.get(endpoint) ?? 0) + by;
    if (n <= 0) return m.delete(endpoint);
    m.set(endpoint, n);
    return n === 1;
  }

  get size(): number {
    let n = 0;
    for (const m of this.byProto.values()) n += m.size;
    return n;
  }

  /** `ipsetContains` asks for "dstIP,proto:dstPort,srcIP": a member when src is dst and it is one of ours. */
  has(entry: string): boolean {
    const c1 = entry.indexOf(',');
    const colon = entry.indexOf(':', c1);
    const c2 = entry.indexOf(',', colon);
    if (c1 < 0 || colon < 0 || c2 < 0) return false;
    const ip = entry.slice(0, c1);
    if (entry.slice(c2 + 1) !== ip) return false;
    const port = entry.slice(colon + 1, c2);
    return this.byProto.get(entry.slice(c1 + 1, colon))?.has(joinHostPort(ip, port)) ?? false;
  }

  /**
   * The ipset as data, its sorted entries written on first use. It reads this set as it is then: make a new
   * one after a change (the rules it belongs to are replaced on every edit anyway).
   */
  ipset(): IpSet {
    let entries: string[] | undefined;
    return ipsetOf(
      'KUBE-LOOP-BACK',
      this,
      () =>
        (entries ??= [...this.byProto]
          .flatMap(([proto, eps]) =>
            [...eps.keys()].map((ep) => {
              // "10.244.1.5:8080" or "[fd00:10:244:1::5]:8080"
              const i = ep.lastIndexOf(':');
              const ip = ep.slice(0, i).replace(/^\[(.*)\]$/, '$1');
              return `${ip},${proto}:${ep.slice(i + 1)},${ip}`;
            }),
          )
          .sort()),
      this.family,
    );
  }
}
