/**
 * The lookups the discovery code needs about creation order, built once per cluster build: objects by
 * key, owner chains resolved once per object, and each namespace's Services sorted by creation order.
 * Without it, finding a pod's owner scanned every workload object for every pod, and asking which
 * Services a pod saw at start walked every Service for every pod (quadratic in the scene's size).
 *
 * The index reads the cluster as it is when each lookup first happens and remembers the answer: build a
 * new one after changing the cluster (a built cluster is read-only, see ClusterState.pods).
 */
import { objectKey, type ClusterState, type ObjectKey } from '../cluster/state';
import type { KubeObject, Service } from '../k8s/objects';

export interface CreationIndex {
  readonly cluster: ClusterState;
  /** The Deployment, ReplicaSet or Pod with this key. */
  object(key: ObjectKey): KubeObject | undefined;
  /** The owner chain's root key ("Deployment/default/web"), or the object's own key. */
  root(obj: KubeObject): ObjectKey;
  /** Creation order of the object (its owner chain's root's), +Infinity when nothing records it. */
  order(obj: KubeObject): number;
  /**
   * The kubectl apply that created the object (its owner chain's root): 0 for the system's objects, which
   * exist before any apply, 1… for the user's files in order, +Infinity when nothing records it.
   */
  apply(obj: KubeObject): number;
  /** The Services of a namespace, oldest first (ties, and unordered Services last, in list order). */
  services(namespace: string): readonly Service[];
  /** The Service namespace/name (the first of that name in cluster.services). */
  service(namespace: string, name: string): Service | undefined;
  /**
   * A lookup derived from this index, built on first use and kept as long as the index (one cluster
   * build), so callers cache per build without module-level state.
   *
   * @example ix.derived('env-names/shop', () => new Map(...)) // the same Map on every later call
   */
  derived<T>(key: string, build: () => T): T;
}

/** The owner key an object names: its recorded origin's owner, else its controller ownerReference. */
function ownerKeyOf(cluster: ClusterState, key: ObjectKey, obj: KubeObject): ObjectKey | undefined {
  const origin = cluster.origins.get(key);
  if (origin?.owner) return origin.owner;
  const refs = obj.metadata.ownerReferences;
  const ref = refs?.find((r) => r.controller) ?? refs?.[0];
  return ref ? `${ref.kind}/${obj.metadata.namespace ?? ''}/${ref.name}` : undefined;
}

/**
 * A lazily filled index over the cluster: each part is built on its first use, each answer kept.
 *
 * @example
 * const ix = creationIndex(cluster);
 * ix.root(pod); // "Deployment/default/web"
 * ix.services('default').map((s) => s.metadata.name); // ["kubernetes", "web", "db"]
 */
export function creationIndex(cluster: ClusterState): CreationIndex {
  const byKind = new Map<string, Map<ObjectKey, KubeObject>>();
  let byNamespace: Map<string, Service[]> | undefined;
  let byName: Map<string, Service> | undefined;
  const lists: Record<string, KubeObject[]> = {
    Deployment: cluster.deployments,
    ReplicaSet: cluster.replicaSets,
    Pod: cluster.pods,
  };

  const object = (key: ObjectKey): KubeObject | undefined => {
    // A key starts with its kind, so one map per kind, each built when a key of that kind is first
    // asked for: owner chains name ReplicaSets and Deployments, and the pods' map is rarely needed.
    const kind = key.slice(0, key.indexOf('/'));
    let map = byKind.get(kind);
    if (!map) {
      map = new Map();
      for (const o of lists[kind] ?? []) {
        const k = objectKey(o);
        if (!map.has(k)) map.set(k, o); // the first of a key wins, as a find() would
      }
      byKind.set(kind, map);
    }
    return map.get(key);
  };

  // The root reached from each first owner key, so that the pods of one ReplicaSet walk its chain once.
  const ownerRoots = new Map<ObjectKey, ObjectKey>();

  const root = (obj: KubeObject): ObjectKey => {
    let key = objectKey(obj);
    const firstOwner = ownerKeyOf(cluster, key, obj);
    let result = firstOwner === undefined ? undefined : ownerRoots.get(firstOwner);
    if (result === undefined) {
      let current: KubeObject | undefined = obj;
      const seen: ObjectKey[] = [];
      let cycle = false;
      // Owner chains are short (Pod → ReplicaSet → Deployment); a cycle stops at the repeated key.
      while (current) {
        if (seen.includes(key)) {
          cycle = true;
          break;
        }
        seen.push(key);
        const owner = seen.length === 1 ? firstOwner : ownerKeyOf(cluster, key, current);
        if (!owner || owner === key) break;
        key = owner;
        current = object(owner);
      }
      result = key;
      // Only a chain without a cycle has the same root from its first owner for every object under it.
      if (firstOwner !== undefined && !cycle) ownerRoots.set(firstOwner, result);
    }
    return result;
  };

  const order = (obj: KubeObject): number =>
    cluster.origins.get(root(obj))?.order ??
    cluster.origins.get(objectKey(obj))?.order ??
    Number.POSITIVE_INFINITY;

  const apply = (obj: KubeObject): number => {
    const o = cluster.origins.get(root(obj)) ?? cluster.origins.get(objectKey(obj));
    if (!o) return Number.POSITIVE_INFINITY;
    if (o.by === 'system') return 0;
    return o.apply ?? (o.by === 'user' ? 1 : Number.POSITIVE_INFINITY);
  };

  const services = (namespace: string): readonly Service[] => {
    if (!byNamespace) {
      byNamespace = new Map();
      for (const s of cluster.services) {
        const ns = s.metadata.namespace ?? 'default';
        const list = byNamespace.get(ns);
        if (list) list.push(s);
        else byNamespace.set(ns, [s]);
      }
      // Array.prototype.sort is stable: equal orders keep cluster.services' order.
      for (const list of byNamespace.values()) {
        const orders = new Map(list.map((s) => [s, order(s)]));
        list.sort((a, b) => {
          const x = orders.get(a)!;
          const y = orders.get(b)!;
          return x === y ? 0 : x < y ? -1 : 1;
        });
      }
    }
    return byNamespace.get(namespace) ?? [];
  };

  const service = (namespace: string, name: string): Service | undefined => {
    if (!byName) {
      byName = new Map();
      for (const s of cluster.services) {
        const k = `${s.metadata.namespace ?? 'default'}/${s.metadata.name ?? ''}`;
        if (!byName.has(k)) byName.set(k, s);
      }
    }
    return byName.get(`${namespace}/${name}`);
  };

  const derivedValues = new Map<string, unknown>();
  const derived = <T>(key: string, build: () => T): T => {
    if (!derivedValues.has(key)) derivedValues.set(key, build());
    return derivedValues.get(key) as T;
  };

  return { cluster, object, root, order, apply, services, service, derived };
}
