/**
 * The creation order of a build: each admitted object, then what it caused (a Deployment's ReplicaSet, a
 * ReplicaSet's pods), depth first, as the workload controllers would create them right after their
 * owner. Part of the build's pipeline (assemble.ts).
 *
 * @example
 * const next = placeInOrder(cluster, admitted, acceptedServices, work, seed, time); // the next creation order
 */
import type { KubeObject } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { uidFor } from './hash';
import { objectKey, type ClusterState, type ObjectOrigin } from './state';
import type { expandWorkloads, PodGroup } from './workloads';

/** An object on its way into the cluster, with where it came from. */
export interface Entry {
  object: KubeObject;
  /** objectKey(object), computed once. */
  key: string;
  src?: SourcedObject;
  origin: ObjectOrigin;
}

/**
 * Puts the admitted objects and what the workload controllers made into the cluster in creation order:
 * each object, then what it caused (a Deployment's ReplicaSet, a ReplicaSet's pods), depth first. Sets
 * every object's origin (with its order), and a made object's uid and creationTimestamp. Given Endpoints
 * and EndpointSlices land in cluster.endpoints / endpointSlices, for the controllers to read. Returns how
 * many objects were placed (the next creation order).
 */
export function placeInOrder(
  cluster: ClusterState,
  admitted: Entry[],
  acceptedServices: Set<KubeObject>,
  work: ReturnType<typeof expandWorkloads>,
  seed: number,
  time: string,
): number {
  // Made objects by their owner object (identity lookups; no key strings to hash).
  const rsAfter = new Map<KubeObject, Entry[]>();
  for (const { object, owner, ownerObject } of work.replicaSets) {
    const key = objectKey(object);
    object.metadata.uid ??= uidFor(seed, key);
    object.metadata.creationTimestamp ??= time;
    const entry: Entry = { object, key, origin: { by: 'controller', owner, order: 0 } };
    const list = rsAfter.get(ownerObject);
    if (list) list.push(entry);
    else rsAfter.set(ownerObject, [entry]);
  }
  const podsAfter = new Map<KubeObject, PodGroup[]>();
  for (const g of work.podGroups) {
    const list = podsAfter.get(g.ownerObject);
    if (list) list.push(g);
    else podsAfter.set(g.ownerObject, [g]);
  }
  let order = 0;
  const lists: Partial<Record<string, KubeObject[]>> = {
    Namespace: cluster.namespaces,
    Deployment: cluster.deployments,
    ReplicaSet: cluster.replicaSets,
    StatefulSet: cluster.statefulSets,
    DaemonSet: cluster.daemonSets,
    Job: cluster.jobs,
    CronJob: cluster.cronJobs,
    HorizontalPodAutoscaler: cluster.horizontalPodAutoscalers,
    Pod: cluster.pods,
    Service: cluster.services,
    Endpoints: cluster.endpoints,
    EndpointSlice: cluster.endpointSlices,
    Ingress: cluster.ingresses,
    IngressClass: cluster.ingressClasses,
    ServiceCIDR: cluster.serviceCIDRs,
    Secret: cluster.secrets,
    ConfigMap: cluster.configMaps,
    PriorityClass: cluster.priorityClasses,
    GatewayClass: cluster.gatewayClasses,
    Gateway: cluster.gateways,
    HTTPRoute: cluster.httpRoutes,
    GRPCRoute: cluster.grpcRoutes,
    ReferenceGrant: cluster.referenceGrants,
  };
  const place = (e: Entry): void => {
    e.origin.order = order++;
    cluster.origins.set(e.key, e.origin);
    lists[e.object.kind]?.push(e.object);
    const rss = rsAfter.get(e.object);
    if (rss) for (const rs of rss) place(rs);
    const groups = podsAfter.get(e.object);
    if (!groups) return;
    // The pods come with their keys, uids and creationTimestamps (many pods: nothing is recomputed).
    for (const { pods, keys } of groups)
      for (let i = 0; i < pods.length; i++) {
        cluster.origins.set(keys[i]!, { by: 'controller', owner: e.key, order: order++ });
        cluster.pods.push(pods[i]!);
      }
  };
  for (const e of admitted) if (e.object.kind !== 'Service' || acceptedServices.has(e.object)) place(e);
  return order;
}
