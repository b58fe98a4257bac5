/**
 * `exec POD -- nslookup [-type=T] [-timeout=S] [-retry=N] NAME [SERVER]`: BIND 9.18's nslookup as the
 * dnsutils image ships it. Its queries walk the data path from the pod (simulate/dns.ts): kube-proxy's
 * rules on the pod's node take them to a CoreDNS pod, or drop or reject them, and then nslookup prints
 * what BIND prints for each try that got nothing. It follows the search list (only NXDOMAIN moves on);
 * an address argument is looked up as PTR. Output layout: discovery/nslookup-format.ts.
 */
import { addressFamilies } from '../cluster/families';
import { nslookupOutput } from '../discovery/nslookup-format';
import { reverseName } from '../discovery/records';
import type { LookupResult } from '../discovery/types';
import { isIPv4, isIPv6 } from '../net/ip';
import { runLookup } from '../simulate/dns';
import { podPlace } from '../simulate/request';
import type { Hop } from '../trace';
import type { CommandEnv, CommandResult, PodCommandHandler } from './types';
import { json, ok, usage } from './types';

/** The JSON shape of the CLI contract, plus the server, the authority section, the explanation and the queries' hops. */
export function lookupJson(r: LookupResult, hops: Hop[]): unknown {
  return {
    rcode: r.rcode,
    queries: r.queries,
    answer: r.answer,
    additional: r.additional,
    authority: r.authority,
    server: r.server,
    explanation: r.explanation,
    hops,
  };
}

const positive = (text: string): number | undefined => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

type QType = 'A' | 'AAAA' | 'SRV' | 'TXT' | 'PTR' | 'NS' | 'SOA' | 'CNAME';

/** The A lookup and the AAAA lookup nslookup makes for one name, as one answer (A records first). */
function bothResult(a: LookupResult, aaaa: LookupResult): LookupResult {
  return { ...a, answer: [...a.answer, ...aaaa.answer], commErrors: [...a.commErrors, ...aaaa.commErrors] };
}

/**
 * Runs nslookup in the pod.
 *
 * @example
 * nslookup(['db'], env, pod).stdout; // "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tdb.shop.svc.cluster.local\nAddress: 10.96.0.42\n\n"
 */
export const nslookup: PodCommandHandler = (args: string[], env: CommandEnv, pod): CommandResult => {
  let type: QType = 'A';
  let typed = false;
  let tries: number | undefined;
  let timeout: number | undefined;
  const words: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|ty)=(\w+)$/i.exec(a);
    const t = /^-(timeout|retry)=(\d+)$/i.exec(a);
    if (m) {
      type = m[1]!.toUpperCase() as typeof type;
      typed = true;
    } else if (t?.[1]?.toLowerCase() === 'timeout') timeout = positive(t[2]!);
    else if (t) tries = positive(t[2]!);
    else if (!a.startsWith('-')) words.push(a);
  }
  const [name, server] = words;
  if (!name) return { exitCode: 2, stdout: '', stderr: 'Usage: nslookup [-type=TYPE] NAME [SERVER]\n' };
  const place = podPlace(env.cluster, pod);
  if ('error' in place) return usage(place.error, 'exec', env.lang);
  const reverse = isIPv4(name) || isIPv6(name);
  const qname = reverse ? reverseName(name) : name;
  const ask = (qtype: QType) =>
    runLookup(env.cluster, env.world, place.place, { pod }, qname, reverse ? 'PTR' : qtype, {
      tool: 'nslookup',
      ...(server ? { server } : {}),
      ...(tries !== undefined ? { tries } : {}),
      ...(timeout !== undefined ? { timeout } : {}),
    });
  const { result, path } = ask(type);
  // BIND's nslookup (9.11+) asks for A and then AAAA when no type is given; svclab leaves the AAAA
  // query out on a cluster without IPv6, where it could only come back empty.
  const both =
    !reverse && !typed && addressFamilies(env.cluster.config).includes('IPv6') && result.rcode === 'NOERROR';
  const aaaa = both ? ask('AAAA') : undefined;
  if (env.json) {
    const hops = aaaa ? [...path.hops, ...aaaa.path.hops] : path.hops;
    const answered = result.answer.length > 0 || (aaaa?.result.answer.length ?? 0) > 0;
    const text = json(lookupJson(aaaa ? bothResult(result, aaaa.result) : result, hops), env.lang);
    return result.rcode === 'NOERROR' && answered ? ok(text) : { exitCode: 1, stdout: text, stderr: '' };
  }
  if (aaaa) {
    const out = nslookupOutput(bothResult(result, aaaa.result), name, reverse);
    return { exitCode: out.exitCode, stdout: out.stdout, stderr: '' };
  }
  const out = nslookupOutput(result, name, reverse);
  return { exitCode: out.exitCode, stdout: out.stdout, stderr: '' };
};
