/**
 * What each hop really did to the packet, decided in one place from the trace's own data: the packet as
 * the previous hop sent it, the packet as this hop sends it, and what kind of hop this is. The inspector
 * and the event list show these labels, and only `dnat`, `snat`, `dnat+snat` and `un-nat` highlight
 * addresses as rewritten:
 *
 * - a DNS answer is followed by a NEW packet (the client's first packet to the address it learnt), not a
 *   rewrite of the DNS query;
 * - a reply swaps source and destination because it is a reply, not because of NAT;
 * - on the way back, conntrack undoes the NAT of the way in (`un-nat`);
 * - a proxy (the ingress controller, a Gateway) opens a NEW connection to the backend: the packet it sends
 *   is its own, not the client's packet rewritten;
 * - a load balancer in IP mode without client IP preservation rewrites both addresses (`dnat+snat`).
 *
 * @example
 * withRewrites([
 *   { stage: 'client', action: 'send', packet: { src: '10.244.2.3:5000', dst: '10.96.0.20:80', protocol: 'TCP' }, … },
 *   { stage: 'kube-proxy', action: 'dnat', packet: { src: '10.244.2.3:5000', dst: '10.244.1.5:8080', protocol: 'TCP' }, … },
 * ]).map((h) => h.rewrite); // ['new', 'dnat']
 */
import type { Hop, HopRewrite, PacketView } from '../trace';

/** Stages where a proxy terminates the client's connection and opens its own to the backend. */
const PROXY_STAGES: ReadonlySet<string> = new Set(['ingress-controller', 'gateway']);

const samePacket = (a: PacketView, b: PacketView) =>
  a.src === b.src && a.dst === b.dst && a.protocol === b.protocol;

/**
 * The label of hop `hop` given the hop before it (undefined for the first hop).
 *
 * @example rewriteOf(natHop, sendHop); // "dnat"
 */
export function rewriteOf(hop: Hop, prev: Hop | undefined): HopRewrite {
  if (!prev || hop.action === 'send' || (hop.phase ?? 'request') !== (prev.phase ?? 'request')) return 'new';
  const reply = hop.direction === 'reply';
  if (hop.action === 'respond' || (reply && prev.direction !== 'reply')) return 'reply';
  if (samePacket(hop.packet, prev.packet)) return 'none';
  if (PROXY_STAGES.has(hop.stage)) return 'proxy';
  if (reply) return 'un-nat';
  const src = hop.packet.src !== prev.packet.src;
  const dst = hop.packet.dst !== prev.packet.dst;
  if (src && dst) return 'dnat+snat';
  return dst ? 'dnat' : src ? 'snat' : 'none';
}

/**
 * The hops with `rewrite` filled in. Returns new hop objects; the input is not changed.
 *
 * @example withRewrites(trace.hops)[0].rewrite; // "new"
 */
export function withRewrites(hops: readonly Hop[]): Hop[] {
  return hops.map((hop, i) => ({ ...hop, rewrite: rewriteOf(hop, hops[i - 1]) }));
}
