/**
 * What the API server writes into a new pod's scheduling terms before it stores it (pod strategy's
 * PrepareForCreate, pkg/registry/core/pod/strategy.go): each `matchLabelKeys` key the pod has as a label
 * becomes `key In [value]` in the term's labelSelector, each `mismatchLabelKeys` key `key NotIn [value]`.
 * - topologySpreadConstraints (mutateTopologySpreadConstraints): KEP-3243's selector merge, feature gate
 *   MatchLabelKeysInPodTopologySpreadSelectorMerge, beta and on by default since 1.33;
 * - pod affinity and anti-affinity terms, required and preferred (mutatePodAffinity): KEP-3633's
 *   MatchLabelKeysInPodAffinity, on by default since 1.31 (GA 1.33).
 * A term without a labelSelector is left alone (a nil selector matches nothing), and a key the pod does
 * not carry adds nothing. `kubectl get pod -o yaml` shows the merged selector, so a Deployment whose
 * template spreads by `pod-template-hash` shows each pod spreading only among its own ReplicaSet's pods.
 *
 * @example
 * mergeLabelKeys(pod); // spec.topologySpreadConstraints[0].labelSelector.matchExpressions gains
 * //   { key: "pod-template-hash", operator: "In", values: ["7c9d8b5f4"] }
 */
import type { Pod } from './objects';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const strings = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((k): k is string => typeof k === 'string') : [];

/** The term with its selector merged (a new object), or the term itself when nothing applies. */
function merged(term: unknown, labels: Record<string, string>, withMismatch: boolean): unknown {
  if (!isObj(term) || !isObj(term.labelSelector)) return term;
  const add = (keys: string[], operator: 'In' | 'NotIn') =>
    keys.filter((k) => Object.hasOwn(labels, k)).map((key) => ({ key, operator, values: [labels[key]!] }));
  const extra = [
    ...add(strings(term.matchLabelKeys), 'In'),
    ...(withMismatch ? add(strings(term.mismatchLabelKeys), 'NotIn') : []),
  ];
  if (extra.length === 0) return term;
  const selector = term.labelSelector;
  const own = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return { ...term, labelSelector: { ...selector, matchExpressions: [...own, ...extra] } };
}

/** Merges the pod's labels into its terms' selectors, in place on the pod (the terms are new objects). */
export function mergeLabelKeys(pod: Pod): void {
  const spec = pod.spec as unknown as Obj;
  const labels = pod.metadata.labels ?? {};
  if (Array.isArray(spec.topologySpreadConstraints))
    spec.topologySpreadConstraints = spec.topologySpreadConstraints.map((c) => merged(c, labels, false));
  const affinity = spec.affinity;
  if (!isObj(affinity)) return;
  let copy: Obj | undefined;
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const a = affinity[kind];
    if (!isObj(a)) continue;
    const required = Array.isArray(a.requiredDuringSchedulingIgnoredDuringExecution)
      ? a.requiredDuringSchedulingIgnoredDuringExecution.map((t) => merged(t, labels, true))
      : a.requiredDuringSchedulingIgnoredDuringExecution;
    const preferred = Array.isArray(a.preferredDuringSchedulingIgnoredDuringExecution)
      ? a.preferredDuringSchedulingIgnoredDuringExecution.map((w) =>
          isObj(w) && isObj(w.podAffinityTerm)
            ? { ...w, podAffinityTerm: merged(w.podAffinityTerm, labels, true) }
            : w,
        )
      : a.preferredDuringSchedulingIgnoredDuringExecution;
    copy ??= { ...affinity };
    copy[kind] = {
      ...a,
      ...(required !== undefined ? { requiredDuringSchedulingIgnoredDuringExecution: required } : {}),
      ...(preferred !== undefined ? { preferredDuringSchedulingIgnoredDuringExecution: preferred } : {}),
    };
  }
  if (copy) spec.affinity = copy;
}
