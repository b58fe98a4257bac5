/**
 * What the page's graph shows of the Ingresses, read from the objects, the IngressClass decision and
 * the merged routing table ingress-nginx builds (never re-derived): each Ingress with its class, whether
 * the controller serves it, the address it published, and its paths in order (host, path, type and the
 * Service they send to, and the field they come from, so a hop that matched one can light its row). A
 * path an earlier Ingress already claimed for the same host is kept with the Ingress that wins.
 *
 * @example
 * ingressSummary(cluster)[0];
 * // { id: "Ingress/default/shop-and-blog", className: "nginx", served: true, address: "203.0.113.20",
 * //   paths: [{ host: "shop.example.com", path: "/", pathType: "Prefix", service: "Service/default/shop-frontend",
 * //            port: "80", field: "spec.rules[0].http.paths[0]" }, …] }
 */
import type { ClusterState } from '../cluster/state';
import { ingressClassDecision } from './class';
import { buildRoutingTable, ingressKey } from './routing-table';

export interface IngressPathSummary {
  host: string | null; // "shop.example.com"; null: any host
  path: string; // "/api"
  pathType: string; // "Prefix"
  service: string | null; // "Service/default/shop-api"; null: a resource backend
  port: string; // "80" or "http"
  field: string; // "spec.rules[0].http.paths[1]" or "spec.defaultBackend"
  /** The Ingress whose same host and path ingress-nginx keeps instead of this one ("default/first"). */
  shadowedBy?: string;
}

export interface IngressSummary {
  id: string; // "Ingress/default/shop-and-blog"
  namespace: string;
  name: string;
  className: string | null;
  /** The ingress-nginx controller serves it (its class is the controller's). */
  served: boolean;
  address: string | null;
  paths: IngressPathSummary[];
}

/**
 * The scene's Ingresses in the order the controller merges them, served ones first.
 *
 * @example
 * ingressSummary(cluster).map((i) => i.paths.length); // [3]
 */
export function ingressSummary(cluster: ClusterState): IngressSummary[] {
  const table = buildRoutingTable(cluster);
  const order = new Map(table.ingresses.map((ing, i) => [ingressKey(ing), i]));
  const shadowed = new Map(table.conflicts.map((c) => [`${c.ignored}#${c.field}`, c.kept]));
  const out = cluster.ingresses.map((ing): IngressSummary => {
    const namespace = ing.metadata.namespace ?? 'default';
    const name = ing.metadata.name ?? '';
    const key = ingressKey(ing);
    const paths: IngressPathSummary[] = [];
    const svc = (s: string) => `Service/${namespace}/${s}`;
    (ing.spec?.rules ?? []).forEach((rule, r) =>
      (rule.http?.paths ?? []).forEach((p, i) => {
        const field = `spec.rules[${r}].http.paths[${i}]`;
        const s = p.backend?.service;
        const kept = shadowed.get(`${key}#${field}`);
        paths.push({
          host: rule.host || null,
          path: p.path || '/',
          pathType: p.pathType,
          service: s ? svc(s.name) : null,
          port: String(s?.port?.number ?? s?.port?.name ?? ''),
          field,
          ...(kept ? { shadowedBy: kept } : {}),
        });
      }),
    );
    const def = ing.spec?.defaultBackend?.service;
    if (def)
      paths.push({
        host: null,
        path: '/',
        pathType: 'Prefix',
        service: svc(def.name),
        port: String(def.port?.number ?? def.port?.name ?? ''),
        field: 'spec.defaultBackend',
      });
    const lb = ing.status?.loadBalancer?.ingress?.[0];
    return {
      id: `Ingress/${namespace}/${name}`,
      namespace,
      name,
      className: ingressClassDecision(cluster, ing).className ?? null,
      served: order.has(key),
      address: lb?.ip ?? lb?.hostname ?? null,
      paths,
    };
  });
  const rank = (i: IngressSummary) => order.get(`${i.namespace}/${i.name}`) ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => rank(a) - rank(b));
}
