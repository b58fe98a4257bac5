/**
 * A pod as a workload controller creates it from its template (controller_utils.go GetPodFromTemplate):
 * the template's labels and annotations (plus the controller's own), one controller ownerReference, a uid
 * and creationTimestamp, and its own copy of the spec (the scheduler writes `nodeName` into it).
 *
 * @example
 * podFromTemplate(sts.spec.template, { name: 'web-0', namespace: 'default', owner: sts, seed: 1 }).metadata.name; // "web-0"
 */
import type { KubeObject, Pod, PodSpec, PodTemplate } from '../k8s/objects';
import {
  admitPodPriority,
  setPodPriority,
  SYSTEM_PRIORITY_TABLE,
  type PodPriority,
  type PriorityTable,
} from './priority';
import { defaultPodRequests } from '../manifest/defaults-resources';
import { shallowCopy } from './clone';
import { mergeLabelKeys } from '../k8s/label-key-merge';
import { uidFor } from './hash';
import { objectKey } from './state';
import { ownerRef } from './workloads';

export interface PodFromTemplate {
  name: string;
  generateName?: string;
  namespace: string;
  owner: KubeObject;
  seed: number;
  time?: string;
  /** Labels and annotations the controller adds to the template's. */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Spec fields the controller sets (hostname, subdomain, affinity, tolerations). */
  spec?: Partial<PodSpec>;
  /** The PriorityClasses that exist (default: the system ones, an unknown class left alone). */
  priority?: PriorityTable;
}

/**
 * The pod, its objectKey, and the Priority admission plugin's answer (written into the pod's spec when it
 * accepts; a refused pod is not created: see pod-create.ts podCreateError).
 */
export function podFromTemplate(
  t: PodTemplate,
  o: PodFromTemplate,
): { pod: Pod; key: string; admission: PodPriority | undefined } {
  const labels = { ...t.metadata?.labels, ...o.labels };
  const annotations =
    t.metadata?.annotations || o.annotations ? { ...t.metadata?.annotations, ...o.annotations } : undefined;
  const metadata: Pod['metadata'] = {
    name: o.name,
    ...(o.generateName !== undefined ? { generateName: o.generateName } : {}),
    namespace: o.namespace,
    labels,
    ownerReferences: [ownerRef(o.owner, o.seed)],
    ...(annotations ? { annotations } : {}),
  };
  const spec = shallowCopy(t.spec);
  if (o.spec) Object.assign(spec, o.spec);
  const admission = admitPodPriority(spec, o.priority ?? SYSTEM_PRIORITY_TABLE);
  setPodPriority(spec, admission);
  defaultPodRequests(spec);
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata, spec };
  mergeLabelKeys(pod);
  const key = objectKey(pod);
  metadata.uid = uidFor(o.seed, key);
  if (o.time !== undefined) metadata.creationTimestamp = o.time;
  return { pod, key, admission };
}

/** The controller of an object: its ownerReference with controller: true. */
export function controllerRef(o: KubeObject): { kind: string; name: string } | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}
