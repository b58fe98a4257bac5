/**
 * Which parts of a packet a hop rewrote: compares the packet before (as the previous hop left it) and
 * after, address and port separately, so the inspector can highlight exactly what NAT changed.
 *
 * @example
 * diffEndpoint('10.96.0.10:80', '10.244.1.5:8080'); // { ip: true, port: true }
 */
export interface EndpointDiff {
  ip: boolean;
  port: boolean;
}

export function splitEndpoint(s: string): { ip: string; port: string } {
  const i = s.lastIndexOf(':');
  // A bare IPv4 (ICMP) has no colon; IPv6 is written [addr]:port.
  if (i < 0 || (s.includes('::') && !s.startsWith('['))) return { ip: s, port: '' };
  return { ip: s.slice(0, i), port: s.slice(i + 1) };
}

export function diffEndpoint(before: string | undefined, after: string): EndpointDiff {
  if (before === undefined) return { ip: false, port: false };
  const a = splitEndpoint(before);
  const b = splitEndpoint(after);
  return { ip: a.ip !== b.ip, port: a.port !== b.port };
}
