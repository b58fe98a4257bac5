/**
 * ReferenceGrant: a reference from one namespace to an object in another (a route's backendRef to a
 * Service, a Gateway's certificateRef to a Secret) is allowed only when a ReferenceGrant in the target's
 * namespace lists the source (group, kind, namespace) in `from` and the target (group, kind, and name
 * when given) in `to`. Same-namespace references need none.
 *
 * @example
 * crossNamespacePermitted(grants,
 *   { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' },
 *   { group: '', kind: 'Service', namespace: 'backend', name: 'api' }); // true when a grant allows it
 */
import type { ReferenceGrant } from '../k8s/gateway-api';

export interface RefFrom {
  group: string; // "gateway.networking.k8s.io"
  kind: string; // "HTTPRoute"
  namespace: string;
}

export interface RefTo {
  group: string; // "" (core)
  kind: string; // "Service"
  namespace: string;
  name: string;
}

/**
 * The ReferenceGrant that permits the reference, or undefined.
 *
 * @example
 * permittingGrant(grants, from, to)?.metadata.name; // "allow-shop"
 */
export function permittingGrant(
  grants: readonly ReferenceGrant[],
  from: RefFrom,
  to: RefTo,
): ReferenceGrant | undefined {
  return grants.find(
    (g) =>
      (g.metadata.namespace ?? 'default') === to.namespace &&
      (g.spec.from ?? []).some(
        (f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace,
      ) &&
      (g.spec.to ?? []).some(
        (t) =>
          t.group === to.group &&
          t.kind === to.kind &&
          (t.name === undefined || t.name === '' || t.name === to.name),
      ),
  );
}

/** Whether a cross-namespace reference is allowed (same-namespace ones always are). */
export function crossNamespacePermitted(
  grants: readonly ReferenceGrant[],
  from: RefFrom,
  to: RefTo,
): boolean {
  return from.namespace === to.namespace || permittingGrant(grants, from, to) !== undefined;
}
