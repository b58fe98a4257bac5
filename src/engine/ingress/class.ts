/**
 * Which Ingresses this controller serves. ingress-nginx (`--controller-class=k8s.io/ingress-nginx`,
 * `--ingress-class=nginx`, `--watch-ingress-without-class=false`, its defaults in the cloud manifest)
 * decides per Ingress (internal/ingress/controller/store/store.go, GetIngressClass):
 *  1. `spec.ingressClassName` names an IngressClass whose `spec.controller` is k8s.io/ingress-nginx;
 *  2. else the deprecated `kubernetes.io/ingress.class` annotation equals "nginx";
 *  3. else it is ignored.
 * A class-less Ingress never reaches step 3 when a default IngressClass exists: the API server's
 * DefaultIngressClass admission plugin writes the default class into `spec.ingressClassName` on create
 * (several defaults: the newest wins, ties by name).
 */
import type { ClusterState } from '../cluster/state';
import { objectKey } from '../cluster/state';
import type { Ingress, IngressClass } from '../k8s/objects';
import { CONTROLLER_CLASS, CONTROLLER_INGRESS_CLASS, DEFAULT_CLASS_ANNOTATION } from './system-objects';
import { msg, type Msg } from '../messages';
import { byCodeUnits } from '../util/compare';

export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export interface ClassDecision {
  served: boolean;
  /** The class the Ingress ends up with ("nginx"), or undefined when it has none. */
  className?: string;
  /** Why, as a descriptor. */
  reason: Msg;
}

/** A creation rank: the creationTimestamp when set, else the apply order svclab recorded. */
function created(cluster: ClusterState, o: Ingress | IngressClass): [string, number] {
  return [o.metadata.creationTimestamp ?? '', cluster.origins.get(objectKey(o))?.order ?? 0];
}

function compareCreated(a: [string, number], b: [string, number]): number {
  return a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1;
}

/**
 * The IngressClass the DefaultIngressClass admission plugin assigns to a class-less Ingress.
 *
 * @example
 * defaultIngressClass(cluster)?.metadata.name; // "nginx"
 */
export function defaultIngressClass(cluster: ClusterState): IngressClass | undefined {
  const defaults = cluster.ingressClasses.filter(
    (c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true',
  );
  // plugin/pkg/admission/network/defaultingressclass: newest first, equal times by name ascending.
  defaults.sort(
    (a, b) =>
      compareCreated(created(cluster, b), created(cluster, a)) ||
      byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? ''),
  );
  return defaults[0];
}

/**
 * Whether ingress-nginx serves this Ingress, and why.
 *
 * @example
 * ingressClassDecision(cluster, ing); // { served: true, className: 'nginx', reason: msg('lint.ingress.class.handled', …) }
 */
export function ingressClassDecision(cluster: ClusterState, ing: Ingress): ClassDecision {
  const annotation = ing.metadata.annotations?.[CLASS_ANNOTATION];
  let name = ing.spec?.ingressClassName;
  let byDefault = false;
  if (name === undefined && annotation === undefined) {
    name = defaultIngressClass(cluster)?.metadata.name;
    byDefault = true;
    if (name === undefined) return { served: false, reason: msg('lint.ingress.class.none', {}) };
  }
  if (name !== undefined) {
    const cls = cluster.ingressClasses.find((c) => c.metadata.name === name);
    if (!cls) return { served: false, className: name, reason: msg('lint.ingress.class.missing', { name }) };
    if (cls.spec?.controller !== CONTROLLER_CLASS) {
      return {
        served: false,
        className: name,
        reason: msg('lint.ingress.class.otherController', {
          name,
          controller: cls.spec?.controller ?? '',
          ours: CONTROLLER_CLASS,
        }),
      };
    }
    return {
      served: true,
      className: name,
      reason: msg('lint.ingress.class.handled', { byDefault, name, ours: CONTROLLER_CLASS }),
    };
  }
  if (annotation === CONTROLLER_INGRESS_CLASS) {
    return {
      served: true,
      className: annotation,
      reason: msg('lint.ingress.class.deprecatedAnnotation', {
        annotation: CLASS_ANNOTATION,
        value: annotation,
      }),
    };
  }
  return {
    served: false,
    className: annotation,
    reason: msg('lint.ingress.class.otherAnnotation', {
      annotation: CLASS_ANNOTATION,
      value: annotation ?? '',
      ours: CONTROLLER_INGRESS_CLASS,
    }),
  };
}

/**
 * The Ingresses ingress-nginx serves, in the order it merges them: oldest first (store.go
 * sortIngressSlice). Objects applied in the same second share a creationTimestamp; upstream then sorts
 * by "namespace/name" descending, but with its admission webhook installed the later-applied of two
 * conflicting Ingresses is refused, so the cluster keeps the one applied first. svclab therefore breaks
 * equal timestamps by apply order, and only then by name, descending.
 *
 * @example
 * servedIngresses(cluster).map((i) => i.metadata.name); // ["web", "api"]
 */
export function servedIngresses(cluster: ClusterState): Ingress[] {
  const served = cluster.ingresses.filter((i) => ingressClassDecision(cluster, i).served);
  const key = (i: Ingress) => `${i.metadata.namespace ?? ''}/${i.metadata.name ?? ''}`;
  return served.sort(
    (a, b) =>
      compareCreated(created(cluster, a), created(cluster, b)) ||
      (key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : 0),
  );
}

/**
 * The DefaultIngressClass admission plugin, applied to every Ingress: one with neither
 * `spec.ingressClassName` nor the `kubernetes.io/ingress.class` annotation gets the default class written
 * into `spec.ingressClassName` (so `kubectl get ingress` shows CLASS nginx). Mutates the Ingresses.
 *
 * @example
 * admitDefaultIngressClass(cluster); cluster.ingresses[0].spec.ingressClassName; // "nginx"
 */
export function admitDefaultIngressClass(cluster: ClusterState): void {
  const def = defaultIngressClass(cluster)?.metadata.name;
  if (def === undefined) return;
  for (const ing of cluster.ingresses) {
    if (ing.spec?.ingressClassName !== undefined) continue;
    if (ing.metadata.annotations?.[CLASS_ANNOTATION] !== undefined) continue;
    ing.spec = { ...(ing.spec ?? {}), ingressClassName: def };
  }
}
