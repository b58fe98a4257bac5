/**
 * Which user object a lint about a pod's template belongs on: the pod itself, or the ReplicaSet or
 * Deployment whose template made it (the user wrote the field there).
 *
 * @example
 * templateOwners(cluster)(pod); // { obj: <Deployment web>, path: 'spec.template.spec' }
 */
import type { KubeObject, Pod } from '../k8s/objects';
import { objectKey, type ClusterState } from './state';

/** Finds the user object that carries a pod's template (the pod, its ReplicaSet, or that one's Deployment). */
export function templateOwners(cluster: ClusterState): (pod: Pod) => { obj: KubeObject; path: string } {
  let byKey: Map<string, KubeObject> | undefined;
  return (pod) => {
    // Built on first use: most builds have no pod to lint.
    byKey ??= new Map([...cluster.replicaSets, ...cluster.deployments].map((o) => [objectKey(o), o]));
    const origin = cluster.origins.get(objectKey(pod));
    const rs = origin?.by === 'controller' && origin.owner ? byKey.get(origin.owner) : undefined;
    if (!rs) return { obj: pod, path: 'spec' };
    const rsOrigin = cluster.origins.get(objectKey(rs));
    const d = rsOrigin?.by === 'controller' && rsOrigin.owner ? byKey.get(rsOrigin.owner) : undefined;
    return { obj: d ?? rs, path: 'spec.template.spec' };
  };
}
