/**
 * nslookup's output (BIND 9.18's, as the dnsutils image ships it; the seeds' layout):
 *
 * ```
 * Server:		10.96.0.10
 * Address:	10.96.0.10#53
 *
 * Name:	mongo-service.mongo.svc.cluster.local
 * Address: 10.233.75.47
 * ```
 * `Non-authoritative answer:` before forwarded answers, `** server can't find NAME: NXDOMAIN` for name
 * errors, and for each try that got nothing `;; communications error to 10.96.0.10#53: timed out` (or
 * `connection refused`), ending in `;; no servers could be reached` when no try was answered
 * (bin/dig/dighost.c `recv_done`, bin/dig/nslookup.c).
 */
import type { DnsRecord } from './records';
import type { LookupResult } from './types';

const noDot = (n: string) => (n.endsWith('.') && n.length > 1 ? n.slice(0, -1) : n);

function header(server: string): string {
  return `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
}

function line(rec: DnsRecord, reverse: boolean): string {
  if (rec.type === 'CNAME') return `${noDot(rec.name)}\tcanonical name = ${rec.data}\n`;
  if (rec.type === 'PTR' || reverse) return `${noDot(rec.name)}\tname = ${rec.data}\n`;
  if (rec.type === 'A' || rec.type === 'AAAA') return `Name:\t${noDot(rec.name)}\nAddress: ${rec.data}\n`;
  if (rec.type === 'SRV') return `${noDot(rec.name)}\tservice = ${rec.data}\n`;
  if (rec.type === 'TXT') return `${noDot(rec.name)}\ttext = ${rec.data}\n`;
  return `${noDot(rec.name)}\t${rec.type.toLowerCase()} = ${rec.data}\n`;
}

/**
 * The lines BIND prints for each try that got no answer (dighost's `communications error`).
 *
 * @example commErrorLines(r); // ";; communications error to 10.96.0.10#53: timed out\n" × 3
 */
export function commErrorLines(r: Pick<LookupResult, 'commErrors'>): string {
  return r.commErrors.map((e) => `;; communications error to ${e.server}#53: ${e.error}\n`).join('');
}

/**
 * What nslookup prints for a lookup, and its exit status (1 when nothing was found).
 *
 * @example
 * nslookupOutput(result, 'db', false).stdout;
 * // "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tdb.shop.svc.cluster.local\nAddress: 10.96.0.42\n\n"
 */
export function nslookupOutput(
  r: LookupResult,
  name: string,
  reverse: boolean,
): { exitCode: 0 | 1; stdout: string } {
  const errors = commErrorLines(r);
  if (r.rcode === 'TIMEOUT' || r.rcode === 'CONNREFUSED')
    return { exitCode: 1, stdout: `${errors};; no servers could be reached\n\n` };
  const last = noDot(r.queries[r.queries.length - 1] ?? name);
  if (r.rcode !== 'NOERROR')
    return {
      exitCode: 1,
      stdout: `${errors}${header(r.server)}** server can't find ${last}: ${r.rcode}\n\n`,
    };
  if (r.answer.length === 0)
    return { exitCode: 1, stdout: `${errors}${header(r.server)}*** Can't find ${last}: No answer\n\n` };
  let body = r.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const rec of r.answer) body += line(rec, reverse);
  return { exitCode: 0, stdout: `${errors}${header(r.server)}${body}\n` };
}
