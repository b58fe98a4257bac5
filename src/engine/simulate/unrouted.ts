/**
 * Address blocks no network routes: RFC 5737's documentation ranges. A SYN sent there from a node leaves by
 * the default gateway and is never answered (no RST, no ICMP), so the client's connect times out — curl's
 * error 28, like any other dropped SYN. Internal to simulate/.
 *
 * @example
 * unroutedBlock('192.0.2.80'); // "192.0.2.0/24 (TEST-NET-1, RFC 5737)"
 */
import { inCidr } from '../net/ip';

const BLOCKS: [string, string][] = [
  ['192.0.2.0/24', 'TEST-NET-1'],
  ['198.51.100.0/24', 'TEST-NET-2'],
  ['203.0.113.0/24', 'TEST-NET-3'],
];

/** The documentation block `ip` is in, described for a student, or undefined. */
export function unroutedBlock(ip: string): string | undefined {
  const b = BLOCKS.find(([cidr]) => inCidr(ip, cidr));
  return b ? `${b[0]} (${b[1]}, RFC 5737)` : undefined;
}
