/**
 * A small, deterministic stand-in for kube-scheduler: `spec.nodeName` is honoured as given (the scheduler
 * never sees such a pod); `spec.nodeSelector` must match the node's labels; unschedulable nodes are skipped;
 * among the rest the node with the fewest pods wins, ties broken by name. The real scheduler scores many
 * more plugins (resources, affinity, topology spread, taints); this keeps the outcome a student would expect
 * from a small cluster: replicas spread across nodes.
 *
 * @example
 * const s = new Scheduler(nodes); s.place(pod); // { nodeName: "node-1" }
 */
import type { Node, Pod } from '../k8s/objects';

export interface Placement {
  nodeName?: string; // "node-2"
  /** Why the pod could not be placed, as the scheduler's PodScheduled=False message says it. */
  unschedulable?: string;
}

export class Scheduler {
  private readonly counts = new Map<string, number>();
  private readonly byName = new Map<string, Node>();

  constructor(private readonly nodes: Node[]) {
    for (const n of nodes) {
      this.counts.set(n.metadata.name ?? '', 0);
      this.byName.set(n.metadata.name ?? '', n);
    }
  }

  /**
   * Places one pod (call in creation order).
   *
   * @example
   * scheduler.place({ ...pod, spec: { ...pod.spec, nodeSelector: { 'topology.kubernetes.io/zone': 'zone-b' } } });
   * // { nodeName: "node-3" }
   */
  place(pod: Pod): Placement {
    const given = pod.spec.nodeName;
    if (given) {
      this.counts.set(given, (this.counts.get(given) ?? 0) + 1);
      return { nodeName: given };
    }
    const sel = pod.spec.nodeSelector ?? {};
    const fits = this.nodes.filter(
      (n) => !n.spec?.unschedulable && Object.entries(sel).every(([k, v]) => n.metadata.labels?.[k] === v),
    );
    if (fits.length === 0) {
      const total = this.nodes.length;
      const why =
        Object.keys(sel).length > 0
          ? `${total} node(s) didn't match Pod's node affinity/selector`
          : `${total} node(s) were unschedulable`;
      return {
        unschedulable: `0/${total} nodes are available: ${why}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`,
      };
    }
    let best = fits[0]!;
    for (const n of fits) {
      const a = this.counts.get(n.metadata.name ?? '') ?? 0;
      const b = this.counts.get(best.metadata.name ?? '') ?? 0;
      if (a < b || (a === b && (n.metadata.name ?? '') < (best.metadata.name ?? ''))) best = n;
    }
    const name = best.metadata.name ?? '';
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return { nodeName: name };
  }

  node(name: string): Node | undefined {
    return this.byName.get(name);
  }
}
