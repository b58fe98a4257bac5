/**
 * Ingresses on the graph: each is a box in the load balancers' column, like a Gateway (it is what the
 * controller's address leads to), with a row per path — host and path, then the Service it sends to —
 * linked to those Services. The controller's pods and Service are drawn where they are, as any pod and
 * Service, because the packets go through them; the Ingress is the rule set nginx reads, and its row
 * lights when a request matched it. Read from the engine's ingressSummary (never re-derived here).
 *
 * @example
 * ingressHeight(view.ingresses[0]); // 50 + 3 × 44 + 8
 */
import type { Edge } from '@xyflow/react';
import type { IngressSummary } from '../../engine';
import * as S from './sizes';

/** The rows a box shows, and how many more paths it only counts. */
export function shownPaths(i: IngressSummary): { rows: IngressSummary['paths']; more: number } {
  const more = Math.max(0, i.paths.length - S.INGRESS_PATHS);
  return { rows: i.paths.slice(0, more ? S.INGRESS_PATHS - 1 : S.INGRESS_PATHS), more };
}

/** Room for the header, the path rows and a "+N more" row. */
export function ingressHeight(i: IngressSummary): number {
  const { rows, more } = shownPaths(i);
  return S.INGRESS_HEADER + (rows.length + (more ? 1 : 0)) * S.PATH_H + S.NODE_PAD;
}

/** The Services an Ingress's paths send to, once each, in order. */
export const ingressBackends = (i: IngressSummary): string[] => [
  ...new Set(i.paths.flatMap((p) => (p.service ? [p.service] : []))),
];

/** A link from the Ingress to each backend Service the graph shows. */
export function ingressEdges(i: IngressSummary, shown: ReadonlySet<string>): Edge[] {
  return ingressBackends(i)
    .filter((s) => shown.has(s))
    .map((s) => ({
      id: `i:${i.id}>${s}`,
      source: i.id,
      target: s,
      className: i.served ? 'edge-ingress-path' : 'edge-ingress-path refused',
    }));
}
