/**
 * A small, deterministic stand-in for kube-scheduler: `spec.nodeName` is honoured as given (the scheduler
 * never sees such a pod); then, per node, the filter plugins in kube-scheduler's order: NodeUnschedulable
 * (`spec.unschedulable`, unless the pod tolerates its taint), TaintToleration (NoSchedule/NoExecute taints),
 * NodeAffinity (`spec.nodeSelector` and the required node affinity, node-fit.ts), NodePorts (a
 * hostPort/protocol/hostIP already taken on the node by a pod that is not terminal), PodTopologySpread
 * (the pod's DoNotSchedule spread constraints, topology-spread.ts). Among the nodes that pass, the best
 * PodTopologySpread score wins when the pod has ScheduleAnyway constraints; then the one with the fewest
 * pods, ties broken by name. The real scheduler scores many more plugins (resources, pod affinity,
 * preferred terms, the default spread constraints) and breaks ties at random; this keeps the outcome a
 * student would expect from a small cluster: replicas spread across nodes.
 *
 * When no node passes, the pod stays Pending with the scheduler's FailedScheduling message: each node's
 * first failing filter, counted, then what preemption found (`preemption.ts` does not exist here: all
 * pods have the same priority, so preemption finds no victims where the failure could be resolved).
 *
 * @example
 * const s = new Scheduler(nodes); s.place(pod); // { nodeName: "node-1" }
 */
import type { Node, Pod } from '../k8s/objects';
import { podHostPorts, HostPortUsage } from './host-ports';
import {
  matchesNodeAffinity,
  tolerates,
  UNSCHEDULABLE_TAINT,
  untoleratedTaint,
  untoleratedTaintReason,
} from './node-fit';
import { ERR_SPREAD, TopologySpread, type PlacedPod } from './topology-spread';

/** Filter plugins' reasons (pkg/scheduler/framework/plugins: nodeunschedulable, nodeaffinity, nodeports). */
export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';
export const ERR_NODE_SELECTOR = "node(s) didn't match Pod's node affinity/selector";
export const ERR_HOST_PORTS = "node(s) didn't have free ports for the requested pod ports";
/** Preemption's per-node verdicts (default_preemption.go / preemption.go). */
const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** Go's sortReasonsHistogram: "N reason" strings, sorted, joined by ", ". */
function histogram(counts: Map<string, number>): string {
  return [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/**
 * The FailedScheduling message (FitError.Error with the PostFilter messages: the DynamicResources
 * plugin's, then DefaultPreemption's), for `total` nodes and each node's first failing filter.
 *
 * @example
 * failedScheduling(3, [ERR_HOST_PORTS, ERR_HOST_PORTS, ERR_HOST_PORTS]);
 * // "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
 */
export function failedScheduling(total: number, reasons: string[]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const fit = new Map<string, number>();
  const preempt = new Map<string, number>();
  for (const r of reasons) {
    fit.set(r, (fit.get(r) ?? 0) + 1);
    // Unschedulable nodes, selector mismatches and a missing topology label are
    // UnschedulableAndUnresolvable: preemption skips the node. A port conflict or a spread skew
    // (Unschedulable) could be resolved by evicting a lower-priority pod, but every pod here has
    // priority 0, so the dry run finds no victims.
    const p = r === ERR_HOST_PORTS || r === ERR_SPREAD ? NO_VICTIMS : PREEMPTION_NOT_HELPFUL;
    preempt.set(p, (preempt.get(p) ?? 0) + 1);
  }
  return (
    `0/${total} nodes are available: ${histogram(fit)}. no new claims to deallocate, ` +
    `preemption: 0/${total} nodes are available: ${histogram(preempt)}.`
  );
}

export interface Placement {
  nodeName?: string; // "node-2"
  /** Why the pod could not be placed, as the scheduler's PodScheduled=False message says it. */
  unschedulable?: string;
  /** Each node's first failing filter reason (ERR_*), when the pod could not be placed. */
  reasons?: string[];
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
  /** Host ports in use, per counts slot (nodes) or unknown node name. */
  private readonly ports = new Map<number | string, HostPortUsage>();
  /** The pods on each counts slot, as PodTopologySpread counts them. */
  private readonly pods: PlacedPod[][];

  constructor(private readonly nodes: Node[]) {
    this.names = nodes.map((n) => n.metadata.name ?? '');
    this.counts = nodes.map(() => 0);
    this.names.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
    this.slot = this.names.map((name) => this.index.get(name)!);
    this.pods = nodes.map(() => []);
  }

  private record(slot: number, pod: Pod): void {
    this.pods[slot]!.push({
      namespace: pod.metadata.namespace ?? 'default',
      labels: pod.metadata.labels ?? {},
      terminating: !!pod.metadata.deletionTimestamp,
    });
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
    // Pods that have finished hold no ports and do not count (the scheduler's cache leaves out
    // Succeeded/Failed pods).
    const phase = pod.status?.phase;
    const finished = phase === 'Succeeded' || phase === 'Failed';
    const wanted = finished ? [] : podHostPorts(pod);
    if (given) {
      const i = this.index.get(given);
      if (finished) {
        // Not in the scheduler's view at all: neither its pod count nor its ports.
      } else if (i !== undefined) {
        this.counts[i]!++;
        this.record(i, pod);
      } else this.unknownCounts.set(given, (this.unknownCounts.get(given) ?? 0) + 1);
      if (wanted.length) this.usage(i ?? given).add(wanted);
      return this.placed(given);
    }
    const tolerations = pod.spec.tolerations;
    const toleratesUnschedulable = !!tolerations?.some((t) => tolerates(t, UNSCHEDULABLE_TAINT));
    const spread = TopologySpread.of(pod, this.nodes, (i) => this.pods[this.slot[i]!]!);
    const feasible: number[] = [];
    const reasons: string[] = [];
    for (let i = 0; i < this.nodes.length; i++) {
      const n = this.nodes[i]!;
      if (n.spec?.unschedulable && !toleratesUnschedulable) {
        reasons.push(ERR_UNSCHEDULABLE);
        continue;
      }
      const taint = n.spec?.taints?.length ? untoleratedTaint(n, tolerations) : undefined;
      if (taint) {
        reasons.push(untoleratedTaintReason(taint));
        continue;
      }
      if (!matchesNodeAffinity(pod, n)) {
        reasons.push(ERR_NODE_SELECTOR);
        continue;
      }
      if (wanted.length && this.ports.get(this.slot[i]!)?.conflicts(wanted)) {
        reasons.push(ERR_HOST_PORTS);
        continue;
      }
      const skewed = spread?.filter(i);
      if (skewed) {
        reasons.push(skewed);
        continue;
      }
      feasible.push(i);
    }
    if (feasible.length === 0)
      return { unschedulable: failedScheduling(this.nodes.length, reasons), reasons };
    // The best spread score wins (when the pod has ScheduleAnyway constraints), then the fewest pods,
    // ties broken by name (a node listed twice counts as the first of its name).
    const scores = spread?.scores(feasible);
    let best = 0;
    for (let k = 1; k < feasible.length; k++) {
      const i = feasible[k]!;
      const b = feasible[best]!;
      const ds = scores ? scores[k]! - scores[best]! : 0;
      if (ds !== 0) {
        if (ds > 0) best = k;
        continue;
      }
      const count = this.countOf(i);
      const bc = this.countOf(b);
      if (count < bc || (count === bc && this.names[i]! < this.names[b]!)) best = k;
    }
    const chosen = feasible[best]!;
    const name = this.names[chosen]!;
    this.counts[this.slot[chosen]!]!++;
    this.record(this.slot[chosen]!, pod);
    if (wanted.length) this.usage(this.slot[chosen]!).add(wanted);
    return this.placed(name);
  }

  private usage(key: number | string): HostPortUsage {
    let u = this.ports.get(key);
    if (!u) this.ports.set(key, (u = new HostPortUsage()));
    return u;
  }

  private countOf(i: number): number {
    return this.counts[this.slot[i]!]!;
  }

  node(name: string): Node | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.nodes[i];
  }
}
