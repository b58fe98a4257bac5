/**
 * `exec POD -- dig [@SERVER] [+short] [+search] [-x IP] [-t TYPE] NAME [TYPE]`: BIND 9.18's dig.
 * dig sends the name as typed (no search list unless +search), prints the HEADER, QUESTION and the
 * non-empty sections, and the `;; SERVER:` line. CoreDNS answers cluster names with `qr aa rd` and no
 * `ra`, hence dig's "recursion requested but not available" warning; forwarded answers carry `qr rd ra`.
 */
import { digDate, messageSize } from '../discovery/dig-format';
import {
  formatColumns,
  formatRecord,
  parseRRType,
  reverseName,
  type DnsRecord,
  type RRType,
} from '../discovery/records';
import { lookup, type LookupResult } from '../discovery/resolver';
import { isIPv4, isIPv6 } from '../net/ip';
import { lookupJson } from './nslookup';
import type { CommandEnv, CommandResult, PodCommandHandler } from './types';
import { json, ok } from './types';

const DIG_VERSION = '9.18.33-1~deb12u2-Debian';

interface DigArgs {
  name?: string;
  type: RRType;
  short: boolean;
  search: boolean;
  server?: string;
  reverse: boolean;
  error?: string;
}

function parseArgs(args: string[]): DigArgs {
  const out: DigArgs = { type: 'A', short: false, search: false, reverse: false };
  let typeSet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '+short') out.short = true;
    else if (a === '+search') out.search = true;
    else if (a === '+nosearch') out.search = false;
    else if (a.startsWith('+'))
      continue; // other display options are accepted and ignored
    else if (a.startsWith('@')) out.server = a.slice(1);
    else if (a === '-x') {
      const ip = args[++i];
      if (!ip || !(isIPv4(ip) || isIPv6(ip))) return { ...out, error: `Invalid IP address ${ip ?? ''}` };
      out.name = reverseName(ip);
      out.type = 'PTR';
      out.reverse = true;
    } else if (a === '-t') {
      const t = parseRRType(args[++i] ?? '');
      if (!t) return { ...out, error: `invalid type: ${args[i] ?? ''}` };
      out.type = t;
      typeSet = true;
    } else if (!out.name) out.name = a;
    else if (!typeSet && parseRRType(a)) {
      out.type = parseRRType(a)!;
      typeSet = true;
    } else out.name = a;
  }
  return out;
}

function section(title: string, records: DnsRecord[]): string {
  return records.length ? `;; ${title} SECTION:\n${records.map(formatRecord).join('\n')}\n\n` : '';
}

function question(name: string, type: RRType): string {
  // The question line uses the record columns without a TTL: class at 32, type at 40.
  return `${formatColumns(`;${name}`, [
    ['IN', 32],
    [type, 40],
  ])}\n`;
}

function fullOutput(cmdline: string, qname: string, type: RRType, r: LookupResult, env: CommandEnv): string {
  const id = env.world.rng.int(65536);
  const flags = r.authoritative ? 'qr aa rd' : 'qr rd ra';
  const counts = `QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length + 1}`;
  let out = `\n; <<>> DiG ${DIG_VERSION} <<>> ${cmdline}\n;; global options: +cmd\n;; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}\n;; flags: ${flags}; ${counts}\n`;
  if (r.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n${question(qname, type)}\n`;
  out +=
    section('ANSWER', r.answer) + section('AUTHORITY', r.authority) + section('ADDITIONAL', r.additional);
  const size = messageSize(qname, [...r.answer, ...r.authority, ...r.additional]);
  out += `;; Query time: 0 msec\n;; SERVER: ${r.server}#53(${r.server}) (UDP)\n;; WHEN: ${digDate(env.world.clock)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
  return out;
}

/**
 * Runs dig in the pod.
 *
 * @example
 * dig(['+short', 'db.shop.svc.cluster.local'], env, pod).stdout; // "10.96.0.42\n"
 */
export const dig: PodCommandHandler = (args: string[], env: CommandEnv, pod): CommandResult => {
  const a = parseArgs(args);
  if (a.error) return { exitCode: 1, stdout: '', stderr: `dig: ${a.error}\n` };
  const name = a.name ?? '.';
  const type = a.name ? a.type : 'NS';
  const r = lookup(env.cluster, { pod }, name, type, {
    tool: 'dig',
    search: a.search,
    rng: env.world.rng,
    ...(a.server ? { server: a.server } : {}),
  });
  if (env.json) return ok(json(lookupJson(r)));
  const cmdline = args.join(' ');
  if (r.rcode === 'TIMEOUT') {
    const head = a.short ? '' : `\n; <<>> DiG ${DIG_VERSION} <<>> ${cmdline}\n;; global options: +cmd\n`;
    return {
      exitCode: 1,
      stdout: `${head};; connection timed out; no servers could be reached\n`,
      stderr: '',
    };
  }
  if (a.short) return ok(r.answer.map((x) => `${x.data}\n`).join(''));
  const qname = r.queries[r.queries.length - 1] ?? name;
  return ok(fullOutput(cmdline, qname, type, r, env));
};
