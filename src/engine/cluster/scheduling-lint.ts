/**
 * The lint for pods kube-scheduler cannot place: they stay Pending with no node and no IP, and
 * `kubectl describe pod` shows a FailedScheduling event with the PodScheduled=False message. svclab says it
 * on the user's object that made the pods (the Pod, or its Deployment/ReplicaSet), once per message, at the
 * field that causes it: the first hostPort for a port conflict, the nodeSelector for a selector mismatch,
 * the topologySpreadConstraints for a spread the scheduler could not keep.
 */
import type { Diagnostic } from '../diagnostics';
import { msg } from '../messages';
import type { KubeObject, Pod } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { objectDiagnostic } from './diag';
import { templateOwners } from './template-owners';
import { ERR_HOST_PORTS, ERR_NODE_SELECTOR } from './scheduler';
import { ERR_SPREAD, ERR_SPREAD_LABEL } from './topology-spread';
import { objectKey, type ClusterState } from './state';

function failedScheduling(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return undefined;
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  if (c?.status !== 'False' || (c as { reason?: string }).reason !== 'Unschedulable') return undefined;
  return (c as { message?: string }).message ?? '';
}

function fieldFor(pod: Pod, path: string, message: string): string {
  if (message.includes(ERR_HOST_PORTS)) {
    const cs = pod.spec.containers ?? [];
    for (let i = 0; i < cs.length; i++) {
      const j = (cs[i]!.ports ?? []).findIndex((p) => (p.hostPort ?? 0) > 0);
      if (j >= 0) return `${path}.containers[${i}].ports[${j}].hostPort`;
    }
  }
  if (message.includes(ERR_NODE_SELECTOR) && pod.spec.nodeSelector) return `${path}.nodeSelector`;
  if (message.includes(ERR_SPREAD)) return `${path}.topologySpreadConstraints`;
  return 'metadata.name';
}

function hintFor(message: string) {
  if (message.includes(ERR_HOST_PORTS)) return { hint: msg('lint.pending.hostPort.hint', {}) };
  if (!message.includes(ERR_SPREAD)) return {};
  // The skew reason, or only "… (missing required label)" (each node's first failing filter is counted).
  const label = message
    .split(ERR_SPREAD)
    .slice(1)
    .every((rest) => rest.startsWith(ERR_SPREAD_LABEL.slice(ERR_SPREAD.length)));
  return { hint: msg('lint.pending.spread.hint', { label }) };
}

/**
 * `pod.unschedulable` warnings for the pods left Pending by the scheduler.
 *
 * @example
 * schedulingLints(cluster, srcOf)[0].message;
 * // "2 pods of Deployment web stay Pending (FailedScheduling): 0/3 nodes are available: 3 node(s) didn't have free ports …"
 */
export function schedulingLints(
  cluster: ClusterState,
  srcOf: (o: KubeObject) => SourcedObject | undefined,
): Diagnostic[] {
  const groups = new Map<string, { obj: KubeObject; pod: Pod; path: string; message: string; n: number }>();
  let templateOwner: ReturnType<typeof templateOwners> | undefined;
  for (const pod of cluster.pods) {
    const message = failedScheduling(pod);
    if (message === undefined) continue;
    templateOwner ??= templateOwners(cluster);
    const { obj, path } = templateOwner(pod);
    const key = `${objectKey(obj)}\n${message}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { obj, pod, path, message, n: 1 });
  }
  const out: Diagnostic[] = [];
  for (const { obj, pod, path, message, n } of groups.values()) {
    const src = srcOf(obj);
    if (!src) continue;
    out.push(
      objectDiagnostic(src, obj, fieldFor(pod, path, message), {
        severity: 'warning',
        source: 'lint',
        code: 'pod.unschedulable',
        // The scheduler's own words stay as `kubectl describe pod` prints them.
        message: msg('lint.pending', {
          kind: obj.kind,
          name: obj.metadata.name ?? '',
          count: n,
          scheduler: message,
        }),
        ...hintFor(message),
      }),
    );
  }
  return out;
}
