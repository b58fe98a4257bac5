/**
 * The Deployment and ReplicaSet controllers, run to their steady state: a Deployment makes one ReplicaSet
 * named `<deployment>-<pod-template-hash>`, which makes `replicas` Pods named `<replicaset>-<5 chars>`.
 *
 * The hash follows Kubernetes' ComputeHash (pkg/controller/controller_utils.go): FNV-1a 32 over the pod
 * template, printed as a decimal number and passed through rand.SafeEncodeString. Kubernetes feeds the
 * hasher a spew dump of the Go struct; svclab feeds it the template's canonical JSON (keys sorted), so the
 * hashes look like real ones and change exactly when the template changes, but do not equal a real
 * cluster's. Pod suffixes are the API server's generateName (5 chars of the same alphabet), drawn from a
 * PRNG seeded by the world seed and the ReplicaSet's name, so that one workload's names do not move when
 * another document changes.
 *
 * Objects the user gave that a controller would own are adopted instead of duplicated (a
 * `kubectl get -o yaml` dump holds the Deployment, its ReplicaSet and its Pods): a ReplicaSet whose
 * ownerReference names a given Deployment replaces the one the Deployment would make, and Pods owned by a
 * given ReplicaSet count towards its replicas.
 *
 * @example
 * const out = expandWorkloads([deployment], [], [], 1);
 * out.replicaSets[0].metadata.name; // "web-7c9d8b5f4"-like
 * out.podGroups[0].pods.map((p) => p.metadata.name); // ["web-7c9d8b5f4-x2kqz", …]
 */
import { defaultPodRequests } from '../manifest/defaults-resources';
import { mergeLabelKeys } from '../k8s/label-key-merge';
import { podControlFailedCreate, podCreateError, type FailedCreate } from './pod-create';
import {
  admitPodPriority,
  setPodPriority,
  SYSTEM_PRIORITY_TABLE,
  type PodPriority,
  type PriorityTable,
} from './priority';
import type { Deployment, KubeObject, OwnerReference, Pod, PodTemplate, ReplicaSet } from '../k8s/objects';
import { fnv32a, fnv32aJSONString, randomSuffix, rngFor, safeEncodeString, uidFor, uidForHash } from './hash';
import { shallowCopy } from './clone';
import { objectKey } from './state';
import { byCodeUnits } from '../util/compare';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** The API server's name generator truncates the base so that base + 5 chars fits in 63 (maxGeneratedNameLength). */
export const MAX_GENERATED_BASE = 58;

/** Canonical JSON: object keys sorted, so equal templates hash equally whatever their key order. */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const COMMA = 0x2c;
const COLON = 0x3a;
const byte = (h: number, b: number): number => Math.imul(h ^ b, 0x01000193);

/** Object.keys sorted as Array.prototype.sort sorts strings (by UTF-16 code units), skipping the sort
 *  when they already are (keys often come in a stable order). */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort(byCodeUnits);
  return keys;
}

/** fnv32a(canonicalJSON(v), h), computed while walking v instead of building the string. */
function hashCanonical(v: unknown, h: number): number {
  if (typeof v === 'string') return fnv32aJSONString(v, h);
  if (Array.isArray(v)) {
    h = byte(h, 0x5b); // [
    for (let i = 0; i < v.length; i++) {
      if (i > 0) h = byte(h, COMMA);
      h = hashCanonical(v[i], h);
    }
    return byte(h, 0x5d) >>> 0; // ]
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = sortedKeys(o);
    h = byte(h, 0x7b); // {
    let first = true;
    for (const k of keys) {
      const x = o[k];
      if (x === undefined) continue;
      if (!first) h = byte(h, COMMA);
      first = false;
      h = byte(fnv32aJSONString(k, h), COLON);
      h = hashCanonical(x, h);
    }
    return byte(h, 0x7d) >>> 0; // }
  }
  return fnv32a(JSON.stringify(v) ?? 'null', h);
}

/**
 * FNV-1a of each template's canonical JSON, per template object: admitted objects are read-only and the
 * workspace builds from the same ones after every edit, so an unchanged Deployment is hashed once.
 */
const templateHashes = new WeakMap<PodTemplate, number>();

/**
 * ComputeHash(template, collisionCount): fnv32a → decimal → SafeEncodeString.
 *
 * @example
 * computeHash(template); // e.g. "5d8c9f7b64"
 */
export function computeHash(template: PodTemplate, collisionCount?: number): string {
  let h = templateHashes.get(template);
  if (h === undefined) templateHashes.set(template, (h = hashCanonical(template, 0x811c9dc5)));
  if (collisionCount !== undefined) {
    // Go writes the count as 8 little-endian bytes (only the low 4 are set).
    for (let i = 0; i < 8; i++) {
      const b = i < 4 ? (collisionCount >>> (8 * i)) & 0xff : 0;
      h = Math.imul(h ^ b, 0x01000193) >>> 0;
    }
  }
  return safeEncodeString(String(h >>> 0));
}

export function ownerRef(owner: KubeObject, seed: number): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? uidFor(seed, objectKey(owner)),
    controller: true,
    blockOwnerDeletion: true,
  };
}

function controllerOf(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
}

export interface MadeObject<T extends KubeObject> {
  object: T;
  /** objectKey of the controller's owner ("Deployment/default/web"). */
  owner: string;
  /** The owner itself. */
  ownerObject: KubeObject;
}

/** The pods one controller made (a ReplicaSet, a StatefulSet, a DaemonSet, a Job), in creation order. */
export interface PodGroup {
  /** objectKey of the owner ("ReplicaSet/default/web-7c9d8b5f4"). */
  owner: string;
  /** The owner itself. */
  ownerObject: KubeObject;
  pods: Pod[];
  /** objectKey of each pod, in the same order. */
  keys: string[];
}

export interface WorkloadResult {
  replicaSets: MadeObject<ReplicaSet>[];
  /** One group per ReplicaSet that made pods (a group, not an entry per pod: 100,000 pods are common). */
  podGroups: PodGroup[];
  /**
   * The workloads that asked for more pods than the scene's pod budget had left: the user's object
   * (the Deployment, or a ReplicaSet the user wrote), the replicas it asked for and the pods it got.
   */
  limited: { object: KubeObject; asked: number; made: number; field?: string }[];
  /** Pod names in use after these controllers (the other workload controllers go on from here). */
  taken: TakenNames;
  /** What is left of the pod budget for the user's other workloads. */
  budgetLeft: number;
  /** Per user workload ("Kind/ns/name"), the pod the API server refused to create (pod-create.ts). */
  failedCreates: Map<string, FailedCreate>;
}

function replicaSetFor(d: Deployment, seed: number): ReplicaSet {
  // The ReplicaSet's template shares the Deployment's pod spec (read-only from here on).
  const template = d.spec.template;
  const hash = computeHash(template);
  const labels = { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const replicas = d.spec.replicas ?? 1;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace ?? 'default',
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + Math.max(1, Math.ceil(replicas / 4))),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [ownerRef(d, seed)],
    },
    spec: {
      replicas,
      selector: {
        ...d.spec.selector,
        matchLabels: { ...d.spec.selector?.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
}

/**
 * The pods a ReplicaSet makes, with their uid, creationTimestamp and object key. Pods are read-only once
 * the cluster is built (see ClusterState.pods), so the pods of one ReplicaSet share their labels,
 * annotations and ownerReferences (frozen, one copy per ReplicaSet) and their containers; each pod's own
 * spec object is its own, since the scheduler writes `nodeName` into it. Names are `generateName` + 5
 * seeded characters, unique per namespace.
 */
function podsFor(
  rs: ReplicaSet,
  count: number,
  seed: number,
  time: string | undefined,
  taken: TakenNames,
  admission: PodPriority | undefined,
): { pods: Pod[]; keys: string[] } {
  const pods: Pod[] = [];
  const keys: string[] = [];
  if (count <= 0) return { pods, keys };
  const ns = rs.metadata.namespace ?? 'default';
  const base = `${rs.metadata.name}-`.slice(0, MAX_GENERATED_BASE);
  const rng = rngFor(seed, `pods:${ns}/${rs.metadata.name}`);
  const suffixes = taken.suffixesOf(ns, base);
  const t = rs.spec.template;
  // SetDefaults_Pod's requests from limits, once for all the template's pods (they share its containers).
  const podSpec = shallowCopy(t.spec);
  defaultPodRequests(podSpec);
  const labels = Object.freeze({ ...t.metadata?.labels });
  const ownerReferences = Object.freeze([Object.freeze(ownerRef(rs, seed))]) as OwnerReference[];
  const annotations = t.metadata?.annotations ? Object.freeze({ ...t.metadata.annotations }) : undefined;
  const keyPrefix = `Pod/${ns}/${base}`;
  const prefixHash = fnv32a(keyPrefix);
  for (let i = 0; i < count; i++) {
    let suffix = randomSuffix(rng);
    while (suffixes.has(suffix)) suffix = randomSuffix(rng);
    suffixes.add(suffix);
    const name = base + suffix;
    const uid = uidForHash(seed, fnv32a(suffix, prefixHash));
    // Literals in the order the fields were always written (annotations, when present, before uid).
    const metadata: Pod['metadata'] = annotations
      ? { name, generateName: base, namespace: ns, labels, ownerReferences, annotations, uid }
      : { name, generateName: base, namespace: ns, labels, ownerReferences, uid };
    if (time !== undefined) metadata.creationTimestamp = time;
    const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec: shallowCopy(podSpec) };
    setPodPriority(pod.spec, admission);
    mergeLabelKeys(pod);
    pods.push(pod);
    keys.push(keyPrefix + suffix);
  }
  return { pods, keys };
}

/**
 * Pod names in use, per namespace, split as generateName base + 5-character suffix: a generated name is
 * base + 5 characters, so it can only collide with a name of the same base (names of the same length
 * share their first length − 5 characters). Checking a 5-character suffix is much cheaper than hashing
 * a whole name per pod.
 */
export class TakenNames {
  private readonly byNs = new Map<string, Map<string, Set<string>>>();

  add(ns: string, name: string): void {
    if (name.length < 5) return; // shorter than any generated name
    this.suffixesOf(ns, name.slice(0, -5)).add(name.slice(-5));
  }

  suffixesOf(ns: string, base: string): Set<string> {
    let bases = this.byNs.get(ns);
    if (!bases) this.byNs.set(ns, (bases = new Map()));
    let s = bases.get(base);
    if (!s) bases.set(base, (s = new Set()));
    return s;
  }
}

/**
 * Runs the Deployment and ReplicaSet controllers over the given objects (in creation order).
 * `existingPods` are the user's Pods (for adoption and name collisions).
 *
 * @example
 * expandWorkloads([web], [], [], 1).podGroups[0].pods.length; // web.spec.replicas
 */
export function expandWorkloads(
  deployments: Deployment[],
  givenReplicaSets: ReplicaSet[],
  existingPods: Pod[],
  seed: number,
  /** creationTimestamp for the objects made (the build's clock); left unset when undefined. */
  time?: string,
  /**
   * How many pods the controllers may make for the user's workloads (svclab's pod limit less the user's
   * Pods), and which workloads are the user's; the system's (CoreDNS, the ingress controller) are not
   * counted. Default: no limit.
   */
  podBudget: { pods: number; counts: (workload: Deployment | ReplicaSet) => boolean } = {
    pods: Infinity,
    counts: () => false,
  },
  /** The PriorityClasses that exist once every apply is done (the controllers' steady state). */
  priority: PriorityTable = SYSTEM_PRIORITY_TABLE,
): WorkloadResult {
  const replicaSets: MadeObject<ReplicaSet>[] = [];
  const podGroups: PodGroup[] = [];
  const limited: WorkloadResult['limited'] = [];
  const failedCreates = new Map<string, FailedCreate>();
  let budget = Math.max(0, podBudget.pods);
  const taken = new TakenNames();
  for (const p of existingPods) taken.add(p.metadata.namespace ?? 'default', p.metadata.name ?? '');
  const adoptedBy = new Set<string>();
  for (const rs of givenReplicaSets) {
    const ref = controllerOf(rs);
    if (ref?.kind === 'Deployment') adoptedBy.add(`${rs.metadata.namespace ?? 'default'}/${ref.name}`);
  }
  const ownedPods = new Map<string, number>();
  for (const p of existingPods) {
    const ref = controllerOf(p);
    if (ref?.kind === 'ReplicaSet') {
      const k = `${p.metadata.namespace ?? 'default'}/${ref.name}`;
      ownedPods.set(k, (ownedPods.get(k) ?? 0) + 1);
    }
  }
  const runReplicaSet = (rs: ReplicaSet, ownerKey: string, userObject: Deployment | ReplicaSet): void => {
    const k = `${rs.metadata.namespace ?? 'default'}/${rs.metadata.name}`;
    const missing = Math.max(0, (rs.spec.replicas ?? 1) - (ownedPods.get(k) ?? 0));
    // Never loop over what the user asked (replicas: 2147483647 is a valid int32): only over the budget.
    const counted = podBudget.counts(userObject);
    const count = counted ? Math.min(missing, budget) : missing;
    if (counted) budget -= count;
    if (count < missing)
      limited.push({
        object: userObject,
        asked: rs.spec.replicas ?? 1,
        made: count + (ownedPods.get(k) ?? 0),
      });
    // The Priority admission plugin answers the same for every pod of one template.
    const admission = count > 0 ? admitPodPriority(rs.spec.template.spec, priority) : undefined;
    const { pods, keys } = podsFor(rs, count, seed, time, taken, admission);
    // The API server validates each pod on create, with rules a template is not checked against (an
    // image with surrounding whitespace): the pods of one ReplicaSet differ only in their name. Only the
    // user's: the add-ons' own workloads (CoreDNS) are written without the defaults admission adds.
    const refused = counted && pods.length ? podCreateError(pods[0]!, admission) : undefined;
    if (refused) {
      const u = userObject.metadata;
      failedCreates.set(`${userObject.kind}/${u.namespace ?? 'default'}/${u.name}`, {
        pod: pods[0]!.metadata.name ?? '',
        event: podControlFailedCreate(refused),
        on: `replicaset ${rs.metadata.name}`,
        ...(admission?.forbidden !== undefined ? { priority: true as const } : {}),
      });
      return;
    }
    if (pods.length) podGroups.push({ owner: ownerKey, ownerObject: rs, pods, keys });
  };
  for (const d of deployments) {
    const k = `${d.metadata.namespace ?? 'default'}/${d.metadata.name}`;
    if (adoptedBy.has(k)) continue;
    const rs = replicaSetFor(d, seed);
    replicaSets.push({ object: rs, owner: objectKey(d), ownerObject: d });
    runReplicaSet(rs, objectKey(rs), d);
  }
  for (const rs of givenReplicaSets) runReplicaSet(rs, objectKey(rs), rs);
  return { replicaSets, podGroups, limited, taken, budgetLeft: budget, failedCreates };
}
