/**
 * Pieces of dig's output that are not records: the wire size of a message (`;; MSG SIZE  rcvd:`), with
 * name compression as a DNS server applies it, and the `;; WHEN:` date from the simulated clock.
 */
import { formatTimestamp, SCENE_EPOCH } from '../cluster/time';
import { labels, type DnsRecord } from './records';

function rdataSize(r: DnsRecord, compress: (name: string) => number): number {
  switch (r.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return compress(r.data);
    case 'SRV':
      return 6 + compress(r.data.split(' ')[3] ?? '.');
    case 'TXT':
      return r.data.replace(/^"|"$/g, '').length + 1;
    case 'SOA': {
      const [m, h] = r.data.split(' ');
      return compress(m ?? '.') + compress(h ?? '.') + 20;
    }
  }
}

/**
 * The size in bytes of a response on the wire (header, question, records, an EDNS OPT record), with
 * names compressed against names already written.
 *
 * @example
 * messageSize('db.shop.svc.cluster.local.', [{ name: 'db.shop.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' }]);
 * // 86
 */
export function messageSize(qname: string, records: DnsRecord[], edns = true): number {
  const seen = new Set<string>();
  const compress = (name: string): number => {
    const l = labels(name);
    let size = 0;
    for (let i = 0; i < l.length; i++) {
      const suffix = l.slice(i).join('.');
      if (seen.has(suffix)) return size + 2;
      seen.add(suffix);
      size += l[i]!.length + 1;
    }
    return size + 1;
  };
  let size = 12 + compress(qname) + 4;
  for (const r of records) size += compress(r.name) + 10 + rdataSize(r, compress);
  return size + (edns ? 11 : 0);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The date as dig prints it after `;; WHEN:`.
 *
 * @example
 * digDate(5); // "Thu Jan 01 00:00:05 UTC 2026"
 */
export function digDate(clockSeconds: number): string {
  const iso = formatTimestamp(clockSeconds);
  const [y, mo, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = Math.floor((SCENE_EPOCH + Math.floor(clockSeconds)) / 86400);
  return `${DAYS[(day + 4) % 7]} ${MONTHS[mo - 1]} ${String(d).padStart(2, '0')} ${iso.slice(11, 19)} UTC ${y}`;
}
