/**
 * When each object came into being, in the simulated cluster's apply order. Document order is creation
 * order (CLI contract); system objects come first. A pod made by a controller is created when its owner
 * (ReplicaSet, and that ReplicaSet's Deployment) is applied, so it takes the owner's place in the order,
 * which is what decides which Services it finds in its environment.
 */
import type { ClusterState } from '../cluster/state';
import { objectKey } from '../cluster/state';
import type { KubeObject, Pod } from '../k8s/objects';

/** The owner chain's root key for a pod ("Deployment/default/web"), or the pod's own key. */
export function creationRoot(cluster: ClusterState, obj: KubeObject): string {
  let key = objectKey(obj);
  let current: KubeObject | undefined = obj;
  const seen = new Set<string>();
  while (current && !seen.has(key)) {
    seen.add(key);
    const origin = cluster.origins.get(key);
    const ns = current.metadata.namespace ?? '';
    const ref =
      current.metadata.ownerReferences?.find((r) => r.controller) ?? current.metadata.ownerReferences?.[0];
    const ownerKey = origin?.owner ?? (ref ? `${ref.kind}/${ns}/${ref.name}` : undefined);
    if (!ownerKey || ownerKey === key) break;
    key = ownerKey;
    current = findByKey(cluster, ownerKey);
    if (!current) break;
  }
  return key;
}

function findByKey(cluster: ClusterState, key: string): KubeObject | undefined {
  const [kind] = key.split('/');
  const lists: Record<string, KubeObject[]> = {
    Deployment: cluster.deployments,
    ReplicaSet: cluster.replicaSets,
    Pod: cluster.pods,
  };
  return (lists[kind ?? ''] ?? []).find((o) => objectKey(o) === key);
}

/**
 * The creation order of an object: its own origin order, or for controller-made objects the order of the
 * user/system object at the root of its owner chain. Objects without any recorded origin sort last.
 *
 * @example
 * creationOrder(cluster, pod); // 3 (the Deployment "web" was the 4th document)
 */
export function creationOrder(cluster: ClusterState, obj: KubeObject): number {
  const root = cluster.origins.get(creationRoot(cluster, obj));
  if (root) return root.order;
  return cluster.origins.get(objectKey(obj))?.order ?? Number.POSITIVE_INFINITY;
}

/**
 * True when `before` was created strictly before `pod` (so the pod's kubelet could see it at start).
 * Without origins for either, the object is treated as existing (nothing to say otherwise).
 *
 * @example
 * existedBefore(cluster, dbService, webPod); // false when the Service comes later in the YAML
 */
export function existedBefore(cluster: ClusterState, before: KubeObject, pod: Pod): boolean {
  const a = creationOrder(cluster, before);
  const b = creationOrder(cluster, pod);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  return a < b;
}
