/**
 * `exec POD -- dig [@SERVER] [+short] [+search] [+tcp] [+time=T] [+tries=N] [-x IP] [-t TYPE] NAME [TYPE]`:
 * BIND 9.18's dig. dig sends the name as typed (no search list unless +search), prints the HEADER,
 * QUESTION and the non-empty sections, and the `;; SERVER:` line. CoreDNS answers cluster names with
 * `qr aa rd` and no `ra`, hence dig's "recursion requested but not available" warning; forwarded answers
 * carry `qr rd ra`. Each query walks the data path from the pod (simulate/dns.ts); a try that gets
 * nothing prints `;; communications error to …`, and when no try is answered dig prints its command
 * line and `;; no servers could be reached` (bin/dig/dighost.c `recv_done`).
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
import { commErrorLines } from '../discovery/nslookup-format';
import type { LookupResult } from '../discovery/types';
import { isIPv4, isIPv6 } from '../net/ip';
import { runLookup } from '../simulate/dns';
import { podPlace } from '../simulate/request';
import { lookupJson } from './nslookup';
import type { Pod } from '../k8s/objects';
import type { CommandEnv, CommandResult, PodCommandHandler } from './types';
import { json, ok, usage } from './types';

const DIG_VERSION = '9.18.33-1~deb12u2-Debian';

interface DigArgs {
  name?: string;
  type: RRType;
  short: boolean;
  search: boolean;
  server?: string;
  reverse: boolean;
  tcp: boolean;
  tries?: number;
  time?: number;
  error?: string;
  /** dig's warnings on standard error, such as a second type word. */
  warnings: string[];
}

// The classes dig takes as a bare word (dns_rdataclass_fromtext); svclab answers only IN.
const DNS_CLASSES = new Set(['IN', 'CH', 'CHAOS', 'HS', 'HESIOD', 'NONE']);

/** `+tries=N`, `+retry=N` (N + 1 tries) and `+time=T` (seconds, at least 1). */
function numberOption(a: string, out: DigArgs): boolean {
  const m = /^\+(tries|retry|time)=(\d+)$/.exec(a);
  if (!m) return false;
  const n = Number(m[2]);
  if (m[1] === 'tries') out.tries = Math.max(1, n);
  else if (m[1] === 'retry') out.tries = n + 1;
  else out.time = Math.max(1, n);
  return true;
}

function parseArgs(args: string[]): DigArgs {
  const out: DigArgs = {
    type: 'A',
    short: false,
    search: false,
    reverse: false,
    tcp: false,
    warnings: [],
  };
  let typeSet = false;
  let classSet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '+short') out.short = true;
    else if (a === '+search') out.search = true;
    else if (a === '+nosearch') out.search = false;
    else if (a === '+tcp' || a === '+vc') out.tcp = true;
    else if (a === '+notcp' || a === '+novc') out.tcp = false;
    else if (numberOption(a, out)) continue;
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
    } else if (parseRRType(a)) {
      // dig.c parse_args: a word that names a type is the type wherever it stands (`dig SRV name` and
      // `dig name SRV` ask the same question); a second one wins with a warning.
      if (typeSet) out.warnings.push(';; Warning, extra type option');
      out.type = parseRRType(a)!;
      typeSet = true;
    } else if (DNS_CLASSES.has(a.toUpperCase())) {
      if (classSet) out.warnings.push(';; Warning, extra class option');
      classSet = true;
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

/** dig's greeting (printgreeting): the command line, the servers named with @, the global options. */
function greeting(cmdline: string, a: DigArgs): string {
  return `\n; <<>> DiG ${DIG_VERSION} <<>> ${cmdline}\n${a.server ? '; (1 server found)\n' : ''};; global options: +cmd\n`;
}

function fullOutput(
  cmdline: string,
  a: DigArgs,
  qname: string,
  type: RRType,
  r: LookupResult,
  env: CommandEnv,
): string {
  const id = env.world.rng.int(65536);
  const flags = r.authoritative ? 'qr aa rd' : 'qr rd ra';
  const counts = `QUERY: 1, ANSWER: ${r.answer.length}, AUTHORITY: ${r.authority.length}, ADDITIONAL: ${r.additional.length + 1}`;
  let out = `${greeting(cmdline, a)};; Got answer:\n`;
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}\n;; flags: ${flags}; ${counts}\n`;
  if (r.authoritative) out += ';; WARNING: recursion requested but not available\n';
  out += `\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n${question(qname, type)}\n`;
  out +=
    section('ANSWER', r.answer) + section('AUTHORITY', r.authority) + section('ADDITIONAL', r.additional);
  const size = messageSize(qname, [...r.answer, ...r.authority, ...r.additional]);
  out += `;; Query time: 0 msec\n;; SERVER: ${r.server}#53(${r.server}) (${a.tcp ? 'TCP' : 'UDP'})\n;; WHEN: ${digDate(env.world.clock)}\n;; MSG SIZE  rcvd: ${size}\n\n`;
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
  const warned = a.warnings.map((w) => `${w}\n`).join('');
  const r = digRun(a, args, env, pod);
  return warned ? { ...r, stderr: warned + r.stderr } : r;
};

function digRun(a: DigArgs, args: string[], env: CommandEnv, pod: Pod): CommandResult {
  if (a.error) return { exitCode: 1, stdout: '', stderr: `dig: ${a.error}\n` };
  const place = podPlace(env.cluster, pod);
  if ('error' in place) return usage(place.error, 'exec', env.lang);
  const name = a.name ?? '.';
  const type = a.name ? a.type : 'NS';
  const { result: r, path } = runLookup(env.cluster, env.world, place.place, { pod }, name, type, {
    tool: 'dig',
    search: a.search,
    tcp: a.tcp,
    ...(a.server ? { server: a.server } : {}),
    ...(a.tries !== undefined ? { tries: a.tries } : {}),
    ...(a.time !== undefined ? { timeout: a.time } : {}),
  });
  if (env.json) return ok(json(lookupJson(r, path.hops), env.lang));
  const cmdline = args.join(' ');
  const errors = commErrorLines(r);
  if (r.rcode === 'TIMEOUT' || r.rcode === 'CONNREFUSED') {
    // dig prints its greeting (nothing with +short) before the final error, after the tries' warnings.
    const head = a.short ? '' : greeting(cmdline, a);
    return { exitCode: 1, stdout: `${errors}${head};; no servers could be reached\n`, stderr: '' };
  }
  if (a.short) return ok(errors + r.answer.map((x) => `${x.data}\n`).join(''));
  const qname = r.queries[r.queries.length - 1] ?? name;
  return ok(errors + fullOutput(cmdline, a, qname, type, r, env));
}
