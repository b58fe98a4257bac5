/**
 * Whether a pod may go to a node, as kube-scheduler's TaintToleration and NodeAffinity filters and the
 * DaemonSet controller's NodeShouldRunDaemonPod decide it (component-helpers/scheduling/corev1:
 * ToleratesTaint, FindMatchingUntoleratedTaint, nodeaffinity.GetRequiredNodeAffinity): taints with effect
 * NoSchedule or NoExecute keep out a pod that does not tolerate them; `nodeSelector` and the required
 * node affinity (terms ORed, requirements in a term ANDed; `matchFields` on `metadata.name`) must match.
 *
 * @example
 * untoleratedTaint(controlPlane, []); // { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }
 * matchesNodeAffinity(pod, node); // true when nodeSelector and required affinity match
 */
import type { Node, NodeSelectorRequirement, Pod, Taint, Toleration } from '../k8s/objects';

/** What the node lifecycle controller puts on a node with `spec.unschedulable` (NodeUnschedulable reads it). */
export const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;

/**
 * ToleratesTaint: an empty effect tolerates every effect, an empty key with Exists every taint; Exists
 * ignores the value, Equal (the default) compares it.
 *
 * @example
 * tolerates({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
 *   { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }); // true
 */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false;
  if ((t.key ?? '') === '' && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/**
 * The first NoSchedule or NoExecute taint of the node that no toleration tolerates (the scheduler's
 * filter and the DaemonSet controller both ignore PreferNoSchedule), or undefined.
 *
 * @example
 * untoleratedTaint(node, [{ operator: 'Exists' }]); // undefined: "tolerate everything"
 */
export function untoleratedTaint(
  node: Node,
  tolerations: readonly Toleration[] | undefined,
): Taint | undefined {
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!(tolerations ?? []).some((t) => tolerates(t, taint))) return taint;
  }
  return undefined;
}

/** The scheduler's TaintToleration reason (taint_toleration.go). */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Validation requires one integer value; a label that is not an integer does not match.
      if (value === undefined || !/^-?\d+$/.test(value) || values.length !== 1) return false;
      const a = Number(value);
      const b = Number(values[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/**
 * NodeAffinity's filter: the pod's nodeSelector (every label equal) and its required node affinity (any
 * term whose matchExpressions on labels and matchFields on metadata.name all match; a term with neither
 * matches nothing).
 *
 * @example
 * matchesNodeAffinity({ spec: { nodeSelector: { disktype: 'ssd' } } }, ssdNode); // true
 */
export function matchesNodeAffinity(pod: Pick<Pod, 'spec'>, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  const sel = pod.spec.nodeSelector;
  if (sel) for (const k of Object.keys(sel)) if (labels[k] !== sel[k]) return false;
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return (
      exprs.every((r) => requirementMatches(r, Object.hasOwn(labels, r.key) ? labels[r.key] : undefined)) &&
      fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name ?? ''))
    );
  });
}
