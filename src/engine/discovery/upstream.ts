/**
 * The simulated Internet DNS that CoreDNS forwards to (`forward . /etc/resolv.conf` → the node's
 * resolver, `config.upstreamDNS`) and that external clients and nodes use. Public names under real
 * top-level domains resolve to deterministic documentation addresses (RFC 5737 192.0.2.0/24, RFC 3849
 * 2001:db8::/32), so the same name always gets the same address; reserved names (RFC 2606/6761:
 * .example, .test, .invalid, .localhost, .local) and single labels do not exist. Ingress hosts resolve to
 * the ingress controller's load balancer (`externalHosts`), as if their owner had published A records.
 */
import type { ClusterState } from '../cluster/state';
import { externalHosts } from './external-hosts';
import { fqdn, labels, type DnsRecord, type Rcode, type RRType } from './records';

/** TTL the simulated Internet hands out (CoreDNS's `cache 30` caps what pods see). */
export const UPSTREAM_TTL = 300;

const PUBLIC_TLDS = new Set(
  'com net org io dev app co ai cloud edu gov mil int info biz me us uk kr jp de fr nl eu ca au in cn ru br es it se ch tv xyz site online tech page sh ly gg'.split(
    ' ',
  ),
);
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local', 'internal', 'arpa']);

export interface UpstreamAnswer {
  rcode: Rcode;
  answer: DnsRecord[];
  authority: DnsRecord[];
}

/** FNV-1a, for a stable address per name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The documentation address a public name resolves to (never .0, .53 — the resolver — or .255).
 *
 * @example
 * upstreamAddress('db.example.com.'); // "192.0.2.<n>", the same n every time
 */
export function upstreamAddress(name: string, type: 'A' | 'AAAA' = 'A'): string {
  const h = hash(fqdn(name));
  if (type === 'AAAA') return `2001:db8::${(h & 0xffff).toString(16)}`;
  let host = 1 + (h % 253);
  if (host === 53) host = 54;
  return `192.0.2.${host}`;
}

/** True when the simulated Internet has this name. */
export function isPublicName(name: string): boolean {
  const l = labels(name);
  if (l.length < 2) return false;
  const tld = l[l.length - 1]!;
  return PUBLIC_TLDS.has(tld) && !RESERVED_TLDS.has(tld);
}

/** The root zone's SOA, which the Internet returns with a name error. */
function rootSoa(ttl: number): DnsRecord {
  return {
    name: '.',
    ttl,
    type: 'SOA',
    data: 'a.root-servers.net. nstld.verisign-grs.com. 2026010100 1800 900 604800 86400',
  };
}

/**
 * Asks the simulated Internet. `maxTTL` is the cache cap on the way (CoreDNS `cache 30`).
 *
 * @example
 * upstreamQuery(cluster, 'www.example.com.', 'A').answer[0].data; // "192.0.2.<n>"
 */
export function upstreamQuery(
  cluster: ClusterState,
  qnameIn: string,
  qtype: RRType,
  maxTTL = UPSTREAM_TTL,
): UpstreamAnswer {
  const qname = fqdn(qnameIn);
  const ttl = Math.min(UPSTREAM_TTL, maxTTL);
  const hosts = externalHosts(cluster);
  const published = hosts.get(qname.slice(0, -1));
  if (published) {
    const want = qtype === 'AAAA' ? 'AAAA' : 'A';
    const answer = published
      .filter((ip) => (want === 'AAAA') === ip.includes(':'))
      .map((ip): DnsRecord => ({ name: qname, ttl, type: want, data: ip }));
    return { rcode: 'NOERROR', answer: qtype === 'A' || qtype === 'AAAA' ? answer : [], authority: [] };
  }
  if (!isPublicName(qname))
    return { rcode: 'NXDOMAIN', answer: [], authority: [rootSoa(Math.min(86400, maxTTL))] };
  if (qtype === 'A' || qtype === 'AAAA') {
    return {
      rcode: 'NOERROR',
      answer: [{ name: qname, ttl, type: qtype, data: upstreamAddress(qname, qtype) }],
      authority: [],
    };
  }
  return { rcode: 'NOERROR', answer: [], authority: [] };
}
