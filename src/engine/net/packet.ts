/**
 * A packet's addressing as the data plane moves it: the 5-tuple (plus ICMP's id) that conntrack and
 * kube-proxy match on, and how a trace prints it. NAT is a change of this tuple between hops.
 *
 * @example
 * const p = packet('10.244.0.5', 41234, '10.96.0.10', 80, 'TCP');
 * view(p); // { src: "10.244.0.5:41234", dst: "10.96.0.10:80", protocol: "TCP" }
 * view(reversed(p)).src; // "10.96.0.10:80"
 */
import type { Rng } from '../util/rng';
import type { PacketView, WireProtocol } from '../trace';

export interface Packet {
  src: string; // "10.244.0.5"
  srcPort: number; // 41234 (0 for ICMP)
  dst: string; // "10.96.0.10"
  dstPort: number; // 80 (0 for ICMP)
  protocol: WireProtocol;
}

/** Builds a packet. @example packet('203.0.113.10', 40000, '198.51.100.1', 80, 'TCP') */
export function packet(
  src: string,
  srcPort: number,
  dst: string,
  dstPort: number,
  protocol: WireProtocol,
): Packet {
  return { src, srcPort, dst, dstPort, protocol };
}

/** "ip:port" ("[ipv6]:port"), or the bare IP for ICMP (which has no ports). */
export function endpointText(ip: string, port: number, protocol: WireProtocol): string {
  return protocol === 'ICMP' ? ip : ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * An "ip:port" or "[ipv6]:port" text split back into its parts (a bare address has no port).
 *
 * @example splitEndpoint('[fd00:10:96::a]:80') // { ip: 'fd00:10:96::a', port: '80' }
 */
export function splitEndpoint(text: string): { ip: string; port: string } {
  const m = /^\[([^\]]+)\](?::(\d*))?$/.exec(text);
  if (m) return { ip: m[1]!, port: m[2] ?? '' };
  if (text.split(':').length > 2) return { ip: text, port: '' };
  const [ip, port] = text.split(':');
  return { ip: ip ?? '', port: port ?? '' };
}

/** The trace's view of a packet. @example view(p).dst // "10.96.0.10:80" */
export function view(p: Packet): PacketView {
  return {
    src: endpointText(p.src, p.srcPort, p.protocol),
    dst: endpointText(p.dst, p.dstPort, p.protocol),
    protocol: p.protocol,
  };
}

/** The same flow in the other direction (what a reply looks like before any un-NAT). */
export function reversed(p: Packet): Packet {
  return { src: p.dst, srcPort: p.dstPort, dst: p.src, dstPort: p.srcPort, protocol: p.protocol };
}

/** Linux's default ephemeral port range (`net.ipv4.ip_local_port_range` = 32768 60999). */
export const EPHEMERAL_PORTS = { min: 32768, max: 60999 };

/**
 * A client source port, drawn from the seeded PRNG inside Linux's ephemeral range.
 *
 * @example ephemeralPort(createRng(1)) // a number in 32768..60999, the same for the same seed
 */
export function ephemeralPort(rng: Rng): number {
  return EPHEMERAL_PORTS.min + rng.int(EPHEMERAL_PORTS.max - EPHEMERAL_PORTS.min + 1);
}

/**
 * The source port MASQUERADE gives with `--random-fully` (kube-proxy uses it when the kernel supports it):
 * a fully random port in 1024..65535 instead of keeping the client's port.
 */
export function randomFullyPort(rng: Rng): number {
  return 1024 + rng.int(65536 - 1024);
}
