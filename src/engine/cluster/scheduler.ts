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
  /** Pods per node, by the node's index in `nodes`; nodeNames that name no Node are counted apart. */
  private readonly counts: number[];
  private readonly unknownCounts = new Map<string, number>();
  private readonly index = new Map<string, number>();
  private readonly names: string[];
  /** counts slot of each node: the index of the first node with its name. */
  private readonly slot: number[];
  /** One Placement per node name, shared (placements are read-only). */
  private readonly placements = new Map<string, Placement>();

  constructor(private readonly nodes: Node[]) {
    this.names = nodes.map((n) => n.metadata.name ?? '');
    this.counts = nodes.map(() => 0);
    this.names.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
    this.slot = this.names.map((name) => this.index.get(name)!);
  }

  private placed(name: string): Placement {
    let p = this.placements.get(name);
    if (!p) this.placements.set(name, (p = Object.freeze({ nodeName: name })));
    return p;
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
      const i = this.index.get(given);
      if (i !== undefined) this.counts[i]!++;
      else this.unknownCounts.set(given, (this.unknownCounts.get(given) ?? 0) + 1);
      return this.placed(given);
    }
    const sel = pod.spec.nodeSelector;
    const selKeys = sel ? Object.keys(sel) : [];
    // The fewest pods wins, ties broken by name (a node listed twice counts as the first of its name).
    let best = -1;
    for (let i = 0; i < this.nodes.length; i++) {
      const n = this.nodes[i]!;
      if (n.spec?.unschedulable) continue;
      if (selKeys.length && !selKeys.every((k) => n.metadata.labels?.[k] === sel![k])) continue;
      const count = this.countOf(i);
      if (best < 0) {
        best = i;
        continue;
      }
      const b = this.countOf(best);
      if (count < b || (count === b && this.names[i]! < this.names[best]!)) best = i;
    }
    if (best < 0) {
      const total = this.nodes.length;
      const why =
        selKeys.length > 0
          ? `${total} node(s) didn't match Pod's node affinity/selector`
          : `${total} node(s) were unschedulable`;
      return {
        unschedulable: `0/${total} nodes are available: ${why}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`,
      };
    }
    const name = this.names[best]!;
    this.counts[this.slot[best]!]!++;
    return this.placed(name);
  }

  private countOf(i: number): number {
    return this.counts[this.slot[i]!]!;
  }

  node(name: string): Node | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.nodes[i];
  }
}
