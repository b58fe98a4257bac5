/**
 * `exec POD -- nslookup NAME [SERVER]`: BIND's nslookup as the dnsutils image ships it (the seeds' layout):
 *
 * ```
 * Server:		10.96.0.10
 * Address:	10.96.0.10#53
 *
 * Name:	mongo-service.mongo.svc.cluster.local
 * Address: 10.233.75.47
 * ```
 * It follows the search list (only NXDOMAIN moves on), prints `Non-authoritative answer:` for forwarded
 * answers and `** server can't find NAME: NXDOMAIN` for name errors; an address argument is looked up as PTR.
 */
import { lookup, type LookupResult } from '../discovery/resolver';
import { reverseName, type DnsRecord } from '../discovery/records';
import { isIPv4, isIPv6 } from '../net/ip';
import type { CommandEnv, CommandResult, PodCommandHandler } from './types';
import { fail, json, ok } from './types';

const noDot = (n: string) => (n.endsWith('.') && n.length > 1 ? n.slice(0, -1) : n);

function header(server: string): string {
  return `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
}

function body(r: LookupResult, reverse: boolean): string {
  let out = r.authoritative ? '' : 'Non-authoritative answer:\n';
  for (const rec of r.answer) out += line(rec, reverse);
  return `${out}\n`;
}

function line(rec: DnsRecord, reverse: boolean): string {
  if (rec.type === 'CNAME') return `${noDot(rec.name)}\tcanonical name = ${rec.data}\n`;
  if (rec.type === 'PTR' || reverse) return `${noDot(rec.name)}\tname = ${rec.data}\n`;
  if (rec.type === 'A' || rec.type === 'AAAA') return `Name:\t${noDot(rec.name)}\nAddress: ${rec.data}\n`;
  if (rec.type === 'SRV') return `${noDot(rec.name)}\tservice = ${rec.data}\n`;
  if (rec.type === 'TXT') return `${noDot(rec.name)}\ttext = ${rec.data}\n`;
  return `${noDot(rec.name)}\t${rec.type.toLowerCase()} = ${rec.data}\n`;
}

/** The JSON shape of the CLI contract, plus the server, the authority section and the explanation. */
export function lookupJson(r: LookupResult): unknown {
  return {
    rcode: r.rcode,
    queries: r.queries,
    answer: r.answer,
    additional: r.additional,
    authority: r.authority,
    server: r.server,
    explanation: r.explanation,
  };
}

/**
 * Runs nslookup in the pod.
 *
 * @example
 * nslookup(['db'], env, pod).stdout; // "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tdb.shop.svc.cluster.local\nAddress: 10.96.0.42\n\n"
 */
export const nslookup: PodCommandHandler = (args: string[], env: CommandEnv, pod): CommandResult => {
  let type: 'A' | 'AAAA' | 'SRV' | 'TXT' | 'PTR' | 'NS' | 'SOA' | 'CNAME' = 'A';
  const words: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|ty)=(\w+)$/i.exec(a);
    if (m) type = m[1]!.toUpperCase() as typeof type;
    else if (!a.startsWith('-')) words.push(a);
  }
  const [name, server] = words;
  if (!name) return { exitCode: 2, stdout: '', stderr: 'Usage: nslookup [-type=TYPE] NAME [SERVER]\n' };
  const reverse = isIPv4(name) || isIPv6(name);
  const qname = reverse ? reverseName(name) : name;
  const r = lookup(env.cluster, { pod }, qname, reverse ? 'PTR' : type, {
    tool: 'nslookup',
    rng: env.world.rng,
    ...(server ? { server } : {}),
  });
  if (env.json) {
    const text = json(lookupJson(r));
    return r.rcode === 'NOERROR' && r.answer.length ? ok(text) : { exitCode: 1, stdout: text, stderr: '' };
  }
  if (r.rcode === 'TIMEOUT') return fail('', ';; connection timed out; no servers could be reached\n\n');
  const last = noDot(r.queries[r.queries.length - 1] ?? name);
  if (r.rcode !== 'NOERROR') {
    return {
      exitCode: 1,
      stdout: `${header(r.server)}** server can't find ${last}: ${r.rcode}\n\n`,
      stderr: '',
    };
  }
  if (r.answer.length === 0) {
    return { exitCode: 1, stdout: `${header(r.server)}*** Can't find ${last}: No answer\n\n`, stderr: '' };
  }
  return ok(header(r.server) + body(r, reverse));
};
