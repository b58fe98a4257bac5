/**
 * When each object came into being, in the simulated cluster's apply order. Document order is creation
 * order (CLI contract); system objects come first. Each file is one kubectl apply, and what a pod's
 * containers see when they start is decided by applies, not documents (existsAtStart). A pod made by a controller is created when its owner
 * (ReplicaSet, and that ReplicaSet's Deployment) is applied, so it takes the owner's place in the order,
 * which is what decides which Services it finds in its environment.
 *
 * Each function takes an optional CreationIndex: callers asking for many objects (the lints) build one
 * per cluster and pass it, so that owner chains are resolved once; without it a fresh index serves the
 * one call.
 */
import type { ClusterState } from '../cluster/state';
import type { KubeObject, Pod } from '../k8s/objects';
import { creationIndex, type CreationIndex } from './creation-index';

/**
 * The owner chain's root key for a pod ("Deployment/default/web"), or the pod's own key.
 *
 * @example
 * creationRoot(cluster, pod); // "Deployment/default/web"
 */
export function creationRoot(cluster: ClusterState, obj: KubeObject, index?: CreationIndex): string {
  return (index ?? creationIndex(cluster)).root(obj);
}

/**
 * The creation order of an object: its own origin order, or for controller-made objects the order of the
 * user/system object at the root of its owner chain. Objects without any recorded origin sort last.
 *
 * @example
 * creationOrder(cluster, pod); // 3 (the Deployment "web" was the 4th document)
 */
export function creationOrder(cluster: ClusterState, obj: KubeObject, index?: CreationIndex): number {
  return (index ?? creationIndex(cluster)).order(obj);
}

/**
 * True when `before` was created strictly before `pod` (so the pod's kubelet could see it at start).
 * Without origins for either, the object is treated as existing (nothing to say otherwise).
 *
 * @example
 * existedBefore(cluster, dbService, webPod); // false when the Service comes later in the YAML
 */
export function existedBefore(
  cluster: ClusterState,
  before: KubeObject,
  pod: Pod,
  index?: CreationIndex,
): boolean {
  const ix = index ?? creationIndex(cluster);
  return ordersSayBefore(ix.order(before), ix.order(pod));
}

/** `existedBefore` on two creation orders. */
export function ordersSayBefore(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  return a < b;
}

/**
 * True when an object created in apply `a` exists when the containers of a pod created in apply `b`
 * start: kubectl apply sends every object of its file first, and kubelet starts containers after that,
 * so the whole apply is there, and every earlier one (CLI contract). Unknown applies count as existing.
 *
 * @example
 * existsAtStart(ix.apply(dbService), ix.apply(webPod)); // true when db is in the same file as web, or an earlier one
 */
export function existsAtStart(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  return a <= b;
}
