/**
 * The DaemonSet controller at its steady state (pkg/controller/daemon): one pod per node that should run
 * it (NodeShouldRunDaemonPod: the template's nodeName, nodeSelector and required node affinity match
 * the node, and the node has no NoSchedule/NoExecute taint the pod does not tolerate, counting the
 * tolerations the controller adds to every daemon pod). Each pod is bound to its node by a required node
 * affinity on `metadata.name` (ReplaceDaemonSetPodNodeNameNodeAffinity), which the scheduler honours, and
 * carries `controller-revision-hash` and `pod-template-generation`. A control-plane node's
 * `node-role.kubernetes.io/control-plane:NoSchedule` taint keeps a daemon off it unless the template
 * tolerates it, as on a kubeadm cluster.
 *
 * @example
 * expandDaemonSets([fluentd], nodes, new Set(), taken, 2000, 1).podGroups[0].pods.length; // one per eligible node
 */
import type { DaemonSet, Node, Pod, Toleration } from '../k8s/objects';
import { matchesNodeAffinity, untoleratedTaint } from './node-fit';
import { podControlFailedCreate, podCreateError, type FailedCreate } from './pod-create';
import { controllerRef, podFromTemplate } from './pod-template';
import { SYSTEM_PRIORITY_TABLE, type PriorityTable } from './priority';
import type { MoreWorkloads } from './statefulset';
import { CONTROLLER_REVISION_HASH_LABEL } from './statefulset';
import {
  computeHash,
  MAX_GENERATED_BASE,
  type TakenNames,
  type WorkloadResult,
  type PodGroup,
} from './workloads';
import { randomSuffix, rngFor } from './hash';

/** AddOrUpdateDaemonPodTolerations (pkg/controller/daemon/util). */
export function daemonPodTolerations(template: DaemonSet['spec']['template']): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (template.spec.hostNetwork)
    add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const own = template.spec.tolerations ?? [];
  // AddOrUpdateTolerationInPodSpec: one that is already there (same key, operator, value, effect) is kept.
  const same = (a: Toleration, b: Toleration): boolean =>
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? 'Equal') === (b.operator ?? 'Equal') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '');
  return [...own, ...add.filter((t) => !own.some((o) => same(o, t)))];
}

/** NodeShouldRunDaemonPod's predicates, for a template with the daemon tolerations. */
export function shouldRunOn(ds: DaemonSet, tolerations: Toleration[], node: Node): boolean {
  const given = ds.spec.template.spec.nodeName;
  if (given && given !== node.metadata.name) return false;
  if (!matchesNodeAffinity(ds.spec.template, node)) return false;
  return untoleratedTaint(node, tolerations) === undefined;
}

/**
 * Makes each DaemonSet's pods on the nodes that should run it and have none of its pods yet.
 */
export function expandDaemonSets(
  sets: DaemonSet[],
  nodes: Node[],
  existingPods: Pod[],
  taken: TakenNames,
  budget: number,
  seed: number,
  time: string | undefined,
  counts: (set: DaemonSet) => boolean = () => true,
  priority: PriorityTable = SYSTEM_PRIORITY_TABLE,
): MoreWorkloads {
  const podGroups: PodGroup[] = [];
  const limited: WorkloadResult['limited'] = [];
  const failedCreates = new Map<string, FailedCreate>();
  const onNode = new Set<string>();
  for (const p of existingPods) {
    const ref = controllerRef(p);
    if (ref?.kind === 'DaemonSet' && p.spec.nodeName)
      onNode.add(`${p.metadata.namespace ?? 'default'}/${ref.name}/${p.spec.nodeName}`);
  }
  for (const ds of sets) {
    const ns = ds.metadata.namespace ?? 'default';
    const name = ds.metadata.name ?? '';
    const tolerations = daemonPodTolerations(ds.spec.template);
    const hash = computeHash(ds.spec.template);
    const base = `${name}-`.slice(0, MAX_GENERATED_BASE);
    const rng = rngFor(seed, `pods:${ns}/${name}`);
    const suffixes = taken.suffixesOf(ns, base);
    const pods: Pod[] = [];
    const keys: string[] = [];
    const counted = counts(ds);
    let wanted = 0;
    for (const node of nodes) {
      const nodeName = node.metadata.name ?? '';
      if (!shouldRunOn(ds, tolerations, node)) continue;
      wanted++;
      if (onNode.has(`${ns}/${name}/${nodeName}`)) continue;
      if (counted && budget <= 0) continue;
      if (counted) budget--;
      let suffix = randomSuffix(rng);
      while (suffixes.has(suffix)) suffix = randomSuffix(rng);
      suffixes.add(suffix);
      const { pod, key, admission } = podFromTemplate(ds.spec.template, {
        name: base + suffix,
        generateName: base,
        namespace: ns,
        owner: ds,
        seed,
        priority,
        ...(time !== undefined ? { time } : {}),
        labels: { [CONTROLLER_REVISION_HASH_LABEL]: hash, 'pod-template-generation': '1' },
        spec: {
          affinity: {
            ...ds.spec.template.spec.affinity,
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] },
                ],
              },
            },
          },
          tolerations,
        },
      });
      // The API server validates the pod on create (pod-only rules, the labels the controller adds):
      // every pod of the set has the same template, so a refused first pod means none is made.
      const refused = counted && pods.length === 0 ? podCreateError(pod, admission) : undefined;
      if (refused) {
        failedCreates.set(`${ns}/${name}`, {
          pod: pod.metadata.name ?? '',
          event: podControlFailedCreate(refused),
          on: `daemonset ${name}`,
          ...(admission?.forbidden !== undefined ? { priority: true as const } : {}),
        });
        break;
      }
      pods.push(pod);
      keys.push(key);
    }
    if (failedCreates.has(`${ns}/${name}`)) continue;
    if (counted && pods.length + onNodeCount(onNode, ns, name) < wanted)
      limited.push({ object: ds, asked: wanted, made: pods.length, field: 'spec.template' });
    if (pods.length) podGroups.push({ owner: `DaemonSet/${ns}/${name}`, ownerObject: ds, pods, keys });
  }
  return { podGroups, limited, budgetLeft: budget, failedCreates };
}

function onNodeCount(onNode: Set<string>, ns: string, name: string): number {
  let n = 0;
  const prefix = `${ns}/${name}/`;
  for (const k of onNode) if (k.startsWith(prefix)) n++;
  return n;
}
