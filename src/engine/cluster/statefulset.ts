/**
 * The StatefulSet controller at its steady state (pkg/controller/statefulset): pods named
 * `<set>-<ordinal>` for ordinals from `spec.ordinals.start`, each with `hostname` = its name and
 * `subdomain` = `spec.serviceName`, so that the headless Service gives every pod its own DNS name
 * (`cassandra-0.cassandra.default.svc.cluster.local`), and the labels the controller adds:
 * `controller-revision-hash` (the ControllerRevision's name, `<set>-<hash>`),
 * `statefulset.kubernetes.io/pod-name` and `apps.kubernetes.io/pod-index`.
 *
 * With `podManagementPolicy: OrderedReady` (the default) the controller creates ordinal N+1 only once N is
 * Running and Ready: the build runs the pods, then caps each set after its first pod that is not ready
 * (`orderedReadyCaps`) and builds again. `Parallel` creates them all at once.
 *
 * @example
 * expandStatefulSets([cassandra], new Set(), taken, 2000, 1).podGroups[0].pods.map((p) => p.metadata.name);
 * // ["cassandra-0", "cassandra-1", "cassandra-2"]
 */
import type { Pod, StatefulSet, Volume } from '../k8s/objects';
import { isPodReady } from '../k8s/pod';
import { podCreateError, statefulSetFailedCreate, type FailedCreate } from './pod-create';
import { controllerRef, podFromTemplate } from './pod-template';
import { SYSTEM_PRIORITY_TABLE, type PodPriority, type PriorityTable } from './priority';
import { computeHash, type PodGroup, type WorkloadResult } from './workloads';

export const STS_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** The ControllerRevision name a set's pods carry in controller-revision-hash. */
export function statefulSetRevision(set: StatefulSet): string {
  return `${set.metadata.name}-${computeHash(set.spec.template)}`;
}

export interface MoreWorkloads {
  podGroups: PodGroup[];
  limited: WorkloadResult['limited'];
  budgetLeft: number;
  /** Per set ("ns/name"), the first pod the API server refused to create, with the controller's event. */
  failedCreates: Map<string, FailedCreate>;
}

/**
 * Makes each set's missing pods, in set order. `existing` holds "ns/name" of every pod already there
 * (the user's, a dump's): an ordinal whose pod exists is not made again. `caps` bounds a set's pods
 * (OrderedReady stopping at a pod that is not ready). `counts` says whether a set is the user's (its pods
 * count against `budget`).
 */
export function expandStatefulSets(
  sets: StatefulSet[],
  existing: Set<string>,
  budget: number,
  seed: number,
  time: string | undefined,
  caps: ReadonlyMap<string, number> = new Map(),
  counts: (set: StatefulSet) => boolean = () => true,
  priority: PriorityTable = SYSTEM_PRIORITY_TABLE,
): MoreWorkloads {
  const podGroups: PodGroup[] = [];
  const limited: WorkloadResult['limited'] = [];
  const failedCreates = new Map<string, FailedCreate>();
  for (const set of sets) {
    const ns = set.metadata.namespace ?? 'default';
    const name = set.metadata.name ?? '';
    const replicas = Math.max(0, set.spec.replicas ?? 1);
    const start = set.spec.ordinals?.start ?? 0;
    const wanted = Math.min(replicas, caps.get(`${ns}/${name}`) ?? replicas);
    const revision = statefulSetRevision(set);
    const pods: Pod[] = [];
    const keys: string[] = [];
    let made = 0;
    const counted = counts(set);
    const ordered = (set.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const creation = new CreationCheck();
    for (let i = 0; i < wanted; i++) {
      const podName = `${name}-${start + i}`;
      if (existing.has(`${ns}/${podName}`)) {
        made++;
        continue;
      }
      if (counted && budget <= 0) break;
      const { pod, key, admission } = podFromTemplate(set.spec.template, {
        name: podName,
        namespace: ns,
        owner: set,
        seed,
        priority,
        ...(time !== undefined ? { time } : {}),
        labels: {
          [POD_INDEX_LABEL]: String(start + i),
          [CONTROLLER_REVISION_HASH_LABEL]: revision,
          [STS_POD_NAME_LABEL]: podName,
        },
        // initIdentity: the pod's hostname is its name, its subdomain the governing Service.
        spec: {
          hostname: podName,
          ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}),
          ...claimVolumes(set, start + i),
        },
      });
      // The API server validates each pod the controller creates (the set's template never was): a
      // refused pod is not made; OrderedReady waits there, Parallel goes on with the next ordinals.
      const refused = counted ? creation.refused(pod, admission) : undefined;
      if (refused) {
        const k = `${ns}/${name}`;
        if (!failedCreates.has(k))
          failedCreates.set(k, {
            pod: podName,
            event: statefulSetFailedCreate(name, podName, refused),
            on: `statefulset ${name}`,
            ...(admission?.forbidden !== undefined ? { priority: true as const } : {}),
          });
        if (ordered) break;
        continue;
      }
      if (counted) budget--;
      made++;
      existing.add(`${ns}/${podName}`);
      pods.push(pod);
      keys.push(key);
    }
    if (made < wanted && !failedCreates.has(`${ns}/${name}`))
      limited.push({ object: set, asked: replicas, made });
    if (pods.length) podGroups.push({ owner: `StatefulSet/${ns}/${name}`, ownerObject: set, pods, keys });
  }
  return { podGroups, limited, budgetLeft: budget, failedCreates };
}

/**
 * updateStorage: each volumeClaimTemplate becomes a volume of the pod, named as the template, claiming
 * `<template>-<set>-<ordinal>` (the controller's PVC; svclab does not model storage, so the claim is only
 * named), and replaces a template volume of the same name. Nothing when the set has no claim templates.
 */
function claimVolumes(set: StatefulSet, ordinal: number): { volumes?: Volume[] } {
  const claims = (set.spec as { volumeClaimTemplates?: unknown }).volumeClaimTemplates;
  if (!Array.isArray(claims) || claims.length === 0) return {};
  const names = claims
    .map((c) => (c as { metadata?: { name?: unknown } } | null)?.metadata?.name)
    .filter((n): n is string => typeof n === 'string' && n !== '');
  const volumes: Volume[] = names.map((n) => ({
    name: n,
    persistentVolumeClaim: { claimName: `${n}-${set.metadata.name ?? ''}-${ordinal}` },
  }));
  const own = set.spec.template.spec.volumes;
  if (Array.isArray(own)) for (const v of own) if (v && !names.includes(v.name)) volumes.push(v);
  return { volumes };
}

/**
 * Validates a set's pods as the API server does on create, once per name length: the pods of one set
 * differ only in their ordinal (name, hostname, the pod-name and pod-index labels), and each of those
 * rules depends on the length alone, so a 2,000-pod set is validated a handful of times, not 2,000.
 */
class CreationCheck {
  private readonly validByLength = new Map<number, boolean>();
  /** The API server's error for this pod, or undefined when it is created. */
  refused(pod: Pod, admission?: PodPriority): string | undefined {
    // The Priority plugin answers the same for every pod of the set (one template).
    if (admission?.forbidden !== undefined) return podCreateError(pod, admission);
    const length = (pod.metadata.name ?? '').length;
    if (this.validByLength.get(length) === true) return undefined;
    const error = podCreateError(pod);
    this.validByLength.set(length, error === undefined);
    return error;
  }
}

/**
 * For each OrderedReady set whose pods are not all ready, how many ordinals the controller has made:
 * up to and including the first pod (by ordinal) that is not Running and Ready. Sets already capped in
 * `caps` are left as they are.
 *
 * @example
 * orderedReadyCaps(sets, pods, new Map()); // Map { "default/web" => 1 } when web-0 never becomes ready
 */
export function orderedReadyCaps(
  sets: StatefulSet[],
  pods: Pod[],
  caps: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  const ordered = sets.filter((s) => (s.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady');
  if (ordered.length === 0) return out;
  const byOwner = new Map<string, Pod[]>();
  for (const p of pods) {
    const ref = controllerRef(p);
    if (ref?.kind !== 'StatefulSet') continue;
    const k = `${p.metadata.namespace ?? 'default'}/${ref.name}`;
    const list = byOwner.get(k);
    if (list) list.push(p);
    else byOwner.set(k, [p]);
  }
  for (const set of ordered) {
    const k = `${set.metadata.namespace ?? 'default'}/${set.metadata.name}`;
    if (caps.has(k)) continue;
    const start = set.spec.ordinals?.start ?? 0;
    const own = (byOwner.get(k) ?? [])
      .map((p) => ({
        p,
        ordinal: Number((p.metadata.name ?? '').slice((set.metadata.name ?? '').length + 1)),
      }))
      .filter((x) => Number.isInteger(x.ordinal) && x.ordinal >= start)
      .sort((a, b) => a.ordinal - b.ordinal);
    const firstNotReady = own.findIndex((x) => x.p.status?.phase !== 'Running' || !isPodReady(x.p));
    if (firstNotReady >= 0 && firstNotReady + 1 < (set.spec.replicas ?? 1))
      out.set(k, own[firstNotReady]!.ordinal - start + 1);
  }
  return out;
}
