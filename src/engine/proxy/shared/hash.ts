/**
 * kube-proxy's chain names: a prefix plus the first 16 characters of base32(sha256(...)), because iptables
 * chain names must be at most 28 characters (pkg/proxy/iptables/proxier.go, portProtoHash and
 * servicePortEndpointChainName). The hash is SHA-256 (sha256-short.ts, checked against @noble/hashes).
 *
 * @example
 * portProtoHash('ns1/svc1:p80', 'tcp'); // "XPGD46QRK7WJZT7O"
 * sepChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80'); // "KUBE-SEP-SXIVWICOYRO3J4NJ"
 */
import { hash16Fast } from './sha256-short';

function hash16(text: string): string {
  return hash16Fast(text);
}

/** The 16-character hash of a Service port name and lower-case protocol. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol);
}

/** `KUBE-SEP-` + hash of service port name, protocol and "ip:port". */
export function sepChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + hash16(servicePortName + protocol + endpoint);
}

/** The four per-service-port chain names (KUBE-SVC/SVL/EXT/FW share one hash). */
export function serviceChainNames(
  servicePortName: string,
  protocol: string,
): { svc: string; svl: string; ext: string; fw: string } {
  const h = portProtoHash(servicePortName, protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}
