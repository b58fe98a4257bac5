/**
 * A DNS lookup as a request of its own (protocol `DNS`, the request bar's "DNS lookup"): what
 * `nslookup NAME` does from the client, as a Trace whose hops are its queries walking kube-proxy's rules
 * to a CoreDNS pod and back, so a lookup animates like any request. The backend is the CoreDNS pod that
 * answered; `lookup` holds the answer in the CLI contract's dig shape and nslookup's output.
 *
 * @example
 * const t = lookupTrace(cluster, world, place, 'web');
 * t.outcome; // "delivered"
 * t.backend?.pod; // "kube-system/coredns-6d4b574f6d-w8vpc"
 * t.lookup?.output; // "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\n…"
 */
import { joinHostPort } from '../net/ip6';
import type { ClusterState } from '../cluster/state';
import { nslookupOutput } from '../discovery/nslookup-format';
import { reverseName } from '../discovery/records';
import type { LookupResult } from '../discovery/types';
import { isIPv4, isIPv6 } from '../net/ip';
import { nsName } from '../cluster/cluster-index';
import type { Place } from './topology';
import type { LookupView, Outcome, Trace } from '../trace';
import type { SimWorld } from '../world';
import { lookupFrom, runLookup, type DnsPath } from './dns';
import { parseTarget } from './request';

/**
 * The contract's view of a lookup result.
 *
 * @example lookupView(result).queries; // ["web.default.svc.cluster.local."]
 */
export function lookupView(r: LookupResult, output?: string): LookupView {
  return {
    rcode: r.rcode,
    queries: r.queries,
    answer: r.answer,
    additional: r.additional,
    server: r.server,
    ...(output !== undefined ? { output } : {}),
  };
}

function outcomeOf(r: LookupResult): Outcome {
  if (r.rcode === 'NOERROR' && r.answer.length > 0) return 'delivered';
  if (r.rcode === 'TIMEOUT') return 'timeout';
  if (r.rcode === 'CONNREFUSED') return 'refused';
  return 'dns-failure';
}

/** The trace of a lookup whose queries took `path`. */
export function traceOfLookup(r: LookupResult, path: DnsPath, output?: string): Trace {
  const by = path.answeredBy;
  return {
    outcome: outcomeOf(r),
    explanation: r.explanation,
    response: null,
    backend: by
      ? { pod: nsName(by.pod), ip: by.arrived.dst, port: by.arrived.dstPort, service: by.service }
      : null,
    sourceSeenByBackend: by ? joinHostPort(by.arrived.src, by.arrived.srcPort) : null,
    hops: path.hops,
    lookup: lookupView(r, output),
  };
}

/**
 * `nslookup TARGET` from `place` as a Trace (an address is looked up as PTR, a URL by its host).
 *
 * @example lookupTrace(cluster, world, place, 'http://web:8080/').lookup?.queries[0]; // "web.default.svc.cluster.local."
 */
export function lookupTrace(cluster: ClusterState, world: SimWorld, place: Place, target: string): Trace {
  const host = parseTarget(target)?.host ?? target.trim();
  const reverse = isIPv4(host) || isIPv6(host);
  const { result, path } = runLookup(
    cluster,
    world,
    place,
    lookupFrom(place),
    reverse ? reverseName(host) : host,
    reverse ? 'PTR' : 'A',
    { tool: 'nslookup' },
  );
  return traceOfLookup(result, path, nslookupOutput(result, host, reverse).stdout);
}
