/**
 * kube-scheduler's PodTopologySpread plugin (pkg/scheduler/framework/plugins/podtopologyspread), for the
 * constraints a pod writes in `spec.topologySpreadConstraints`:
 * - filter (whenUnsatisfiable DoNotSchedule; filtering.go): PreFilter counts, per constraint and per
 *   value of its topologyKey, the pods in the pod's namespace that match its labelSelector and are not
 *   terminating, over every node that carries all the constraints' keys and passes the constraint's node
 *   inclusion policies (nodeAffinityPolicy Honor by default: the pod's nodeSelector and required node
 *   affinity; nodeTaintsPolicy Ignore by default, Honor: the node's NoSchedule/NoExecute taints, a
 *   cordoned node's node.kubernetes.io/unschedulable among them, must be tolerated). Filter then refuses a node without the key ("… (missing required label)",
 *   UnschedulableAndUnresolvable) and a node where `count in its domain + 1 if the pod matches its own
 *   selector - the smallest count of any domain` exceeds maxSkew (Unschedulable). With fewer domains
 *   than minDomains the smallest count is taken as 0.
 * - score (ScheduleAnyway; scoring.go): each feasible node that has every key scores, per constraint,
 *   `count * log(domains + 2) + maxSkew - 1` (its own pods for kubernetes.io/hostname, its domain's
 *   pods otherwise, domains counted among the feasible nodes), rounded; NormalizeScore turns that into
 *   `100 * (max + min - score) / max` (fewer matching pods score higher), 0 for a node without a key.
 * The matchLabelKeys are already in the selectors (merged when the pod was created, label-key-merge.ts).
 * The cluster-wide default constraints (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway, for pods
 * that write none) are not applied: svclab's scheduler has no other score plugin to weigh them against.
 *
 * @example
 * const spread = TopologySpread.of(pod, nodes, (i) => podsOn(i)); // undefined: the pod writes no constraint
 * spread?.filter(2); // "node(s) didn't match pod topology spread constraints"
 */
import { HOSTNAME_LABEL } from '../k8s/labels';
import type { Node, Pod } from '../k8s/objects';
import { matchesNodeAffinity, tolerates, UNSCHEDULABLE_TAINT, untoleratedTaint } from './node-fit';

/** Filter reasons (podtopologyspread/plugin.go ErrReasonConstraintsNotMatch, ErrReasonNodeLabelNotMatch). */
export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
export const ERR_SPREAD_LABEL = `${ERR_SPREAD} (missing required label)`;

/** framework.MaxNodeScore. */
const MAX_NODE_SCORE = 100;

/** What the plugin reads of a pod already on a node. */
export interface PlacedPod {
  namespace: string;
  labels: Readonly<Record<string, string>>;
  /** metadata.deletionTimestamp is set: countPodsMatchSelector skips it. */
  terminating: boolean;
}

type Labels = Readonly<Record<string, string>>;
type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * metav1.LabelSelectorAsSelector: a missing selector matches nothing, an empty one everything;
 * matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) are ANDed.
 *
 * @example
 * labelSelectorMatcher({ matchLabels: { app: 'web' } })({ app: 'web', tier: 'a' }); // true
 */
export function labelSelectorMatcher(selector: unknown): (labels: Labels) => boolean {
  if (!isObj(selector)) return () => false;
  const tests: ((l: Labels) => boolean)[] = [];
  if (isObj(selector.matchLabels))
    for (const [k, v] of Object.entries(selector.matchLabels)) tests.push((l) => l[k] === v);
  for (const e of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    if (!isObj(e) || typeof e.key !== 'string') return () => false;
    const key = e.key;
    const values = Array.isArray(e.values) ? e.values : [];
    switch (e.operator) {
      case 'In':
        tests.push((l) => Object.hasOwn(l, key) && values.includes(l[key]));
        break;
      case 'NotIn':
        tests.push((l) => !Object.hasOwn(l, key) || !values.includes(l[key]));
        break;
      case 'Exists':
        tests.push((l) => Object.hasOwn(l, key));
        break;
      case 'DoesNotExist':
        tests.push((l) => !Object.hasOwn(l, key));
        break;
      default:
        return () => false;
    }
  }
  return (l) => tests.every((t) => t(l));
}

interface Constraint {
  maxSkew: number;
  key: string;
  matches: (labels: Labels) => boolean;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

/** filterTopologySpreadConstraints: the pod's constraints with the given whenUnsatisfiable, defaults applied. */
function constraintsOf(pod: Pod, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const list = (pod.spec as { topologySpreadConstraints?: unknown }).topologySpreadConstraints;
  if (!Array.isArray(list)) return [];
  const out: Constraint[] = [];
  for (const c of list) {
    if (!isObj(c) || c.whenUnsatisfiable !== action || typeof c.topologyKey !== 'string') continue;
    out.push({
      maxSkew: typeof c.maxSkew === 'number' ? c.maxSkew : 1,
      key: c.topologyKey,
      matches: labelSelectorMatcher(c.labelSelector),
      minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
      honorAffinity: c.nodeAffinityPolicy !== 'Ignore',
      honorTaints: c.nodeTaintsPolicy === 'Honor',
    });
  }
  return out;
}

const hasKeys = (labels: Labels, cs: Constraint[]): boolean => cs.every((c) => Object.hasOwn(labels, c.key));

/**
 * The spread plugin for one pod being scheduled: `of` returns undefined when the pod has no constraint.
 * `podsOn(i)` lists the pods the scheduler has on node i (placed or given a nodeName, not finished).
 */
export class TopologySpread {
  /** Per DoNotSchedule constraint: matching pods per topology value (PreFilter's TpValueToMatchNum). */
  private readonly counts: Map<string, number>[];
  /** Per DoNotSchedule constraint: the global minimum the skew is measured from. */
  private readonly minimum: number[];

  private constructor(
    private readonly pod: Pod,
    private readonly nodes: readonly Node[],
    private readonly podsOn: (i: number) => readonly PlacedPod[],
    private readonly hard: Constraint[],
    private readonly soft: Constraint[],
  ) {
    this.counts = hard.map(() => new Map());
    for (let i = 0; i < nodes.length; i++) {
      const labels = nodes[i]!.metadata.labels ?? {};
      if (!hasKeys(labels, hard)) continue;
      hard.forEach((c, j) => {
        if (!this.included(c, nodes[i]!)) return;
        const v = labels[c.key]!;
        const m = this.counts[j]!;
        m.set(v, (m.get(v) ?? 0) + this.matching(i, c));
      });
    }
    this.minimum = hard.map((c, j) => {
      const m = this.counts[j]!;
      // No eligible domain: Go's critical path keeps MaxInt32, so no skew can exceed maxSkew.
      if (m.size === 0) return -Infinity;
      if (m.size < c.minDomains) return 0;
      return Math.min(...m.values());
    });
  }

  static of(
    pod: Pod,
    nodes: readonly Node[],
    podsOn: (i: number) => readonly PlacedPod[],
  ): TopologySpread | undefined {
    const hard = constraintsOf(pod, 'DoNotSchedule');
    const soft = constraintsOf(pod, 'ScheduleAnyway');
    if (hard.length === 0 && soft.length === 0) return undefined;
    return new TopologySpread(pod, nodes, podsOn, hard, soft);
  }

  /** matchNodeInclusionPolicies. */
  private included(c: Constraint, node: Node): boolean {
    if (c.honorAffinity && !matchesNodeAffinity(this.pod, node)) return false;
    if (c.honorTaints) {
      const tolerations = this.pod.spec.tolerations;
      if (untoleratedTaint(node, tolerations)) return false;
      // A cordoned node carries the unschedulable taint (svclab's Node objects leave it implicit).
      if (node.spec?.unschedulable && !tolerations?.some((t) => tolerates(t, UNSCHEDULABLE_TAINT)))
        return false;
    }
    return true;
  }

  /** countPodsMatchSelector on node i: the pod's namespace, not terminating, matching the selector. */
  private matching(i: number, c: Constraint): number {
    const ns = this.pod.metadata.namespace ?? 'default';
    let n = 0;
    for (const p of this.podsOn(i)) if (!p.terminating && p.namespace === ns && c.matches(p.labels)) n++;
    return n;
  }

  /** Filter: the reason node i is refused, or undefined when every DoNotSchedule constraint holds. */
  filter(i: number): string | undefined {
    const labels = this.nodes[i]!.metadata.labels ?? {};
    const own = this.pod.metadata.labels ?? {};
    for (let j = 0; j < this.hard.length; j++) {
      const c = this.hard[j]!;
      if (!Object.hasOwn(labels, c.key)) return ERR_SPREAD_LABEL;
      const self = c.matches(own) ? 1 : 0;
      const skew = (this.counts[j]!.get(labels[c.key]!) ?? 0) + self - this.minimum[j]!;
      if (skew > c.maxSkew) return ERR_SPREAD;
    }
    return undefined;
  }

  /**
   * PreScore, Score and NormalizeScore over the feasible nodes (indices into the nodes): each one's
   * normalized score, 0..100, higher is better. Undefined when the pod has no ScheduleAnyway constraint.
   */
  scores(feasible: readonly number[]): number[] | undefined {
    const cs = this.soft;
    if (cs.length === 0) return undefined;
    const labelsOf = (i: number): Labels => this.nodes[i]!.metadata.labels ?? {};
    const ignored = new Set(feasible.filter((i) => !hasKeys(labelsOf(i), cs)));
    // initPreScoreState: the domains present among the scored nodes, and each constraint's weight.
    const counts = cs.map(() => new Map<string, number>());
    for (const i of feasible) {
      if (ignored.has(i)) continue;
      cs.forEach((c, j) => {
        if (c.key !== HOSTNAME_LABEL) counts[j]!.set(labelsOf(i)[c.key]!, 0);
      });
    }
    const weights = cs.map((c, j) =>
      Math.log((c.key === HOSTNAME_LABEL ? feasible.length - ignored.size : counts[j]!.size) + 2),
    );
    // PreScore: every node with all the keys and passing the inclusion policies adds to its domain.
    for (let i = 0; i < this.nodes.length; i++) {
      const labels = labelsOf(i);
      if (!hasKeys(labels, cs)) continue;
      cs.forEach((c, j) => {
        if (c.key === HOSTNAME_LABEL || !this.included(c, this.nodes[i]!)) return;
        const m = counts[j]!;
        const v = labels[c.key]!;
        if (m.has(v)) m.set(v, m.get(v)! + this.matching(i, c));
      });
    }
    const raw = feasible.map((i) => {
      if (ignored.has(i)) return -1;
      let s = 0;
      cs.forEach((c, j) => {
        const cnt = c.key === HOSTNAME_LABEL ? this.matching(i, c) : counts[j]!.get(labelsOf(i)[c.key]!)!;
        s += cnt * weights[j]! + (c.maxSkew - 1);
      });
      return Math.round(s);
    });
    let min = Infinity;
    let max = 0;
    for (const s of raw) {
      if (s < 0) continue;
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    return raw.map((s) => {
      if (s < 0) return 0;
      if (max === 0) return MAX_NODE_SCORE;
      return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max);
    });
  }
}
