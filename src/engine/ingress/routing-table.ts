/**
 * The routing table ingress-nginx builds from the Ingresses it serves: one "server" per host (plus the
 * catch-all server "_"), each with "locations" (path + pathType → backend). Built the way
 * internal/ingress/controller/controller.go does it (createServers, then getBackendServers):
 *  - every server starts with a root location "/" (Prefix) on the default backend; for a host, that is
 *    the first Ingress's `spec.defaultBackend` when it has one, else the controller's own 404 backend;
 *  - an Ingress with a `defaultBackend` and no rules takes over the catch-all server's root location;
 *  - paths are merged per host across Ingresses, oldest Ingress first; a path already claimed with the
 *    same pathType by an earlier Ingress stays with it (the later one is ignored for that path, and the
 *    admission webhook would have refused it), except that the default root location can be replaced;
 *  - the same path with a different pathType is a separate location (Exact "/foo" beside Prefix "/foo").
 */
import type { ClusterState } from '../cluster/state';
import type { HTTPIngressPath, Ingress, IngressServiceBackend } from '../k8s/objects';
import { servedIngresses } from './class';

/** ingress-nginx's name for the catch-all server (`defServerName`). */
export const CATCH_ALL = '_';

export type PathType = HTTPIngressPath['pathType'];

export interface Location {
  path: string; // "/foo" as written ("/" when the rule has no path)
  pathType: PathType;
  /** The Service backend; null = the controller's default backend (404). */
  backend: IngressServiceBackend | null;
  /** Still the server's initial root location (not claimed by any rule path). */
  isDefaultBackend: boolean;
  /** The Ingress the location came from; undefined for the catch-all's built-in default. */
  ingress?: Ingress;
  /** Where in that Ingress: "spec.rules[0].http.paths[1]" or "spec.defaultBackend". */
  field?: string;
}

export interface Server {
  host: string; // "foo.bar.com", "*.foo.com" or "_"
  locations: Location[];
}

/** A path a later Ingress also defined for the same host (ingress-nginx keeps the earlier one). */
export interface PathConflict {
  host: string;
  path: string;
  pathType: PathType;
  kept: string; // "default/first"
  ignored: string; // "default/second"
  field: string; // "spec.rules[0].http.paths[0]"
}

export interface RoutingTable {
  servers: Map<string, Server>;
  conflicts: PathConflict[];
  /** The served Ingresses in merge order. */
  ingresses: Ingress[];
}

export const ingressKey = (i: Ingress): string => `${i.metadata.namespace ?? ''}/${i.metadata.name ?? ''}`;

/**
 * Builds the merged routing table from the Ingresses ingress-nginx serves.
 *
 * @example
 * buildRoutingTable(cluster).servers.get('foo.bar.com')?.locations.map((l) => l.path); // ["/", "/foo"]
 */
export function buildRoutingTable(cluster: ClusterState): RoutingTable {
  const ingresses = servedIngresses(cluster);
  const servers = new Map<string, Server>();
  servers.set(CATCH_ALL, {
    host: CATCH_ALL,
    locations: [{ path: '/', pathType: 'Prefix', backend: null, isDefaultBackend: true }],
  });

  // createServers: root locations, and the catch-all taken over by a rule-less Ingress's defaultBackend.
  for (const ing of ingresses) {
    const def = ing.spec?.defaultBackend?.service ?? null;
    const rules = ing.spec?.rules ?? [];
    const catchAllRoot = servers.get(CATCH_ALL)!.locations[0]!;
    if (def && rules.length === 0 && catchAllRoot.isDefaultBackend) {
      Object.assign(catchAllRoot, {
        backend: def,
        isDefaultBackend: false,
        ingress: ing,
        field: 'spec.defaultBackend',
      });
    }
    for (const rule of rules) {
      const host = rule.host || CATCH_ALL;
      if (servers.has(host)) continue;
      servers.set(host, {
        host,
        locations: [
          {
            path: '/',
            pathType: 'Prefix',
            backend: def,
            isDefaultBackend: true,
            ingress: ing,
            ...(def ? { field: 'spec.defaultBackend' } : {}),
          },
        ],
      });
    }
  }

  // getBackendServers: rule paths become locations, merged per host, oldest Ingress first.
  const conflicts: PathConflict[] = [];
  for (const ing of ingresses) {
    (ing.spec?.rules ?? []).forEach((rule, r) => {
      const server = servers.get(rule.host || CATCH_ALL)!;
      (rule.http?.paths ?? []).forEach((p, i) => {
        if (!p.backend?.service) return; // resource backends: ingress-nginx skips them
        const field = `spec.rules[${r}].http.paths[${i}]`;
        const path = p.path || '/';
        let add = true;
        for (const loc of server.locations) {
          if (loc.path !== path) continue;
          // Same path, different type: a separate location (upstream breaks out and adds it).
          if (loc.pathType !== p.pathType) break;
          add = false;
          if (!loc.isDefaultBackend) {
            conflicts.push({
              host: server.host,
              path,
              pathType: p.pathType,
              kept: loc.ingress ? ingressKey(loc.ingress) : '',
              ignored: ingressKey(ing),
              field,
            });
            break;
          }
          Object.assign(loc, { backend: p.backend.service, isDefaultBackend: false, ingress: ing, field });
          break;
        }
        if (add) {
          server.locations.push({
            path,
            pathType: p.pathType,
            backend: p.backend.service,
            isDefaultBackend: false,
            ingress: ing,
            field,
          });
        }
      });
    });
  }
  return { servers, conflicts, ingresses };
}
