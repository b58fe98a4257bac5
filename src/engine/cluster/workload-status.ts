/**
 * Workload status: what the ReplicaSet and Deployment controllers write into `status` once their pods
 * run (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, unavailableReplicas). Pods count
 * for the owner their first ownerReference names (kind/namespace/name).
 *
 * @example
 * fillWorkloadStatus(cluster); cluster.replicaSets[0].status.readyReplicas; // 3
 */
import type { KubeObject } from '../k8s/objects';
import { isPodReady } from '../k8s/pod';
import type { ClusterState } from './state';

/** Counts per owner kind/namespace/name, without building a key string per lookup. */
class OwnerCounts {
  private readonly byKind = new Map<string, Map<string, Map<string, { replicas: number; ready: number }>>>();

  get(
    kind: string,
    ns: string,
    name: string,
    create = false,
  ): { replicas: number; ready: number } | undefined {
    let byNs = this.byKind.get(kind);
    if (!byNs) {
      if (!create) return undefined;
      this.byKind.set(kind, (byNs = new Map()));
    }
    let byName = byNs.get(ns);
    if (!byName) {
      if (!create) return undefined;
      byNs.set(ns, (byName = new Map()));
    }
    let c = byName.get(name);
    if (!c && create) byName.set(name, (c = { replicas: 0, ready: 0 }));
    return c;
  }
}

/**
 * ReplicaSet and Deployment status from their pods (replicas, ready, available), as the controllers
 * report them at steady state. Mutates the cluster's ReplicaSets and Deployments (their status).
 *
 * @example
 * fillWorkloadStatus(cluster); cluster.deployments[0].status; // { observedGeneration: 1, replicas: 3, … }
 */
export function fillWorkloadStatus(cluster: ClusterState): void {
  const byOwner = new OwnerCounts();
  // Consecutive pods of one ReplicaSet share their ownerReferences array and their conditions array.
  let lastRefs: unknown;
  let counts: { replicas: number; ready: number } | undefined;
  let lastConditions: unknown;
  let lastReady = false;
  for (const p of cluster.pods) {
    const refs = p.metadata.ownerReferences;
    if (refs !== lastRefs) {
      lastRefs = refs;
      const ref = refs?.[0];
      counts = ref ? byOwner.get(ref.kind, p.metadata.namespace ?? '', ref.name, true) : undefined;
    }
    if (!counts) continue;
    counts.replicas++;
    const conditions = p.status?.conditions;
    if (conditions !== lastConditions || conditions === undefined) {
      lastConditions = conditions;
      lastReady = isPodReady(p);
    }
    if (lastReady) counts.ready++;
  }
  const rsStatus = new OwnerCounts();
  for (const rs of cluster.replicaSets) {
    const ns = rs.metadata.namespace ?? '';
    const { replicas, ready: r } = byOwner.get('ReplicaSet', ns, rs.metadata.name ?? '') ?? {
      replicas: 0,
      ready: 0,
    };
    (rs as KubeObject).status = omitZeros(
      {
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: r,
        availableReplicas: r,
        observedGeneration: 1,
      },
      ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'],
    );
    const ref = rs.metadata.ownerReferences?.[0];
    if (ref) Object.assign(rsStatus.get(ref.kind, ns, ref.name, true)!, { replicas, ready: r });
  }
  for (const d of cluster.deployments) {
    const s = rsStatus.get('Deployment', d.metadata.namespace ?? '', d.metadata.name ?? '') ?? {
      replicas: 0,
      ready: 0,
    };
    (d as KubeObject).status = omitZeros(
      {
        observedGeneration: 1,
        replicas: s.replicas,
        updatedReplicas: s.replicas,
        readyReplicas: s.ready,
        availableReplicas: s.ready,
        unavailableReplicas: s.replicas - s.ready,
      },
      ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'],
    );
  }
}

/**
 * A controller's status as the API server stores it: the counts that are plain int32 with `omitempty` in
 * k8s.io/api apps/v1 (DeploymentStatus's five counts, ReplicaSetStatus's fullyLabeledReplicas,
 * readyReplicas and availableReplicas, StatefulSetStatus's readyReplicas, currentReplicas and
 * updatedReplicas, DaemonSetStatus's updatedNumberScheduled, numberAvailable and numberUnavailable) are
 * not written when they are 0; the others (replicas of a ReplicaSet or StatefulSet, a StatefulSet's
 * availableReplicas, a DaemonSet's numberReady) are.
 */
export function omitZeros<T extends Record<string, unknown>>(status: T, omitEmpty: readonly (keyof T)[]): T {
  for (const k of omitEmpty) if (status[k] === 0) delete status[k];
  return status;
}
