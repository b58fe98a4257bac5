/**
 * The links a request's packets travel, read from its hops: consecutive hops at different graph
 * elements make a link (a hop that stays in place, e.g. a pod answering, makes none).
 *
 * @example
 * routeOf(trace).map((l) => `${l.from}>${l.to}`); // ["pod/default/client>kube-proxy/node-3", …]
 */
import type { Trace } from '../../engine';
import { hopNodeId } from '../../store/graph-ids';

export interface RouteLink {
  from: string; // "pod/default/client"
  to: string; // "kube-proxy/node-3"
  /** The hop the packet leaves from (it arrives at hop + 1). */
  hop: number;
  /** The exchange the link belongs to: the DNS lookup or the request itself. */
  phase?: 'dns' | 'request';
}

export function routeOf(trace: Trace | undefined): RouteLink[] {
  const hops = trace?.hops ?? [];
  const links: RouteLink[] = [];
  for (let i = 0; i + 1 < hops.length; i++) {
    const from = hopNodeId(hops[i]!.location, hops[i]!.stage);
    const to = hopNodeId(hops[i + 1]!.location, hops[i + 1]!.stage);
    if (from !== to) links.push({ from, to, hop: i, phase: hops[i + 1]!.phase });
  }
  return links;
}

/**
 * Every link some request of a burst travels, once each ("from>to"), so the burst's spread is drawn as
 * the links it fans out over. Capped: a burst over more links than this draws only the followed route.
 */
export function burstLinks(traces: readonly Trace[], cap = 400): string[] {
  const seen = new Set<string>();
  for (const trace of traces) {
    for (const l of routeOf(trace)) {
      seen.add(`${l.from}>${l.to}`);
      if (seen.size > cap) return [];
    }
  }
  return [...seen];
}
