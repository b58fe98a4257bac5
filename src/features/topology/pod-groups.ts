/**
 * Big workloads drawn as one box per node (issue 17): when a Deployment, StatefulSet, ReplicaSet,
 * DaemonSet or Job has more pods than `POD_GROUP_ABOVE`, its pods on each node are one group box with
 * their count, the workload's size ("×67", "Deployment of 200") and ready/not-ready tally, so a Deployment of
 * 200 pods is a box per node that runs them and the graph stays interactive.
 *
 * Per node, not one box for the whole workload: the graph draws each pod inside the node that runs it,
 * beside that node's kube-proxy, and a packet's hops go node → kube-proxy → pod on that node. Which
 * node a chosen pod is on is what several lessons turn on (externalTrafficPolicy: Local keeps a node
 * port's traffic on the node it arrived at; a hop to another node is SNATed and crosses the network;
 * topology hints and a stopped node's pods are read per node), so one box outside the nodes would put
 * the packet where no pod of it runs and hide the node hop. The share on each box says the boxes are
 * one workload. Expanding a group (click or Enter) lists its pods again under it.
 * A group keeps the engine's names underneath: `shownAs` says which box stands for a collapsed pod (the
 * packet, the route's links and the hop's lights go there), `groupOf` which group a pod belongs to (the
 * group lights with its pod, expanded or not); the event list and the inspector still name the pod.
 *
 * @example
 * const { rows, shownAs } = podRows(view, new Set());
 * rows.get('node-1')?.[0]; // { kind: 'group', group: { name: 'web', kind: 'Deployment', total: 67, ready: 67, … } }
 * shownAs.get('pod/default/web-85d78d4558-4wc5n'); // "group/default/Deployment/web@node-1"
 */
import type { ClusterView, PodView } from './cluster-view';
import { POD_GROUP_ABOVE } from './sizes';

export interface PodGroupView {
  id: string; // "group/default/Deployment/web@node-1"
  namespace: string;
  kind: string; // "Deployment"
  name: string; // "web"
  node: string; // "node-1"
  /** The group's pods on this node, in the order the node lists them. */
  pods: PodView[];
  /** The workload's pods on every node (this box shows `pods.length` of them). */
  total: number;
  /** Ready and not terminating, as the pods' own boxes say. */
  ready: number;
  expanded: boolean;
}

export type PodRow = { kind: 'pod'; pod: PodView } | { kind: 'group'; group: PodGroupView };

export interface PodRows {
  /** Node name → what its column lists: pods, groups, and an expanded group's pods after it. */
  rows: Map<string, PodRow[]>;
  /** A pod of a collapsed group → the group's box, which stands for it on the graph. */
  shownAs: Map<string, string>;
  /** Every grouped pod → its group's box (collapsed or expanded). */
  groupOf: Map<string, string>;
}

export const groupId = (p: PodView, node: string): string =>
  `group/${p.namespace}/${p.workload!.kind}/${p.workload!.name}@${node}`;

/** Is this graph id a group's box? */
export const isGroupId = (id: string): boolean => id.startsWith('group/');

export function podRows(
  view: Pick<ClusterView, 'nodes' | 'pods'>,
  expanded: ReadonlySet<string>,
  above = POD_GROUP_ABOVE,
): PodRows {
  const size = new Map<string, number>();
  const key = (p: PodView) => (p.workload ? `${p.namespace}/${p.workload.kind}/${p.workload.name}` : '');
  for (const p of view.pods) if (p.workload) size.set(key(p), (size.get(key(p)) ?? 0) + 1);
  const rows = new Map<string, PodRow[]>();
  const shownAs = new Map<string, string>();
  const groupOf = new Map<string, string>();
  for (const n of view.nodes) {
    const list: PodRow[] = [];
    const groups = new Map<string, PodGroupView>();
    for (const p of n.pods) {
      if (!p.workload || (size.get(key(p)) ?? 0) <= above) {
        list.push({ kind: 'pod', pod: p });
        continue;
      }
      const id = groupId(p, n.name);
      let g = groups.get(id);
      if (!g) {
        g = {
          id,
          namespace: p.namespace,
          kind: p.workload.kind,
          name: p.workload.name,
          node: n.name,
          pods: [],
          total: size.get(key(p)) ?? 0,
          ready: 0,
          expanded: expanded.has(id),
        };
        groups.set(id, g);
        list.push({ kind: 'group', group: g });
      }
      g.pods.push(p);
      if (p.ready && !p.terminating) g.ready++;
      groupOf.set(p.id, id);
      if (!g.expanded) shownAs.set(p.id, id);
    }
    // An expanded group's pods follow its box.
    rows.set(
      n.name,
      list.flatMap((r) =>
        r.kind === 'group' && r.group.expanded
          ? [r, ...r.group.pods.map((pod): PodRow => ({ kind: 'pod', pod }))]
          : [r],
      ),
    );
  }
  return { rows, shownAs, groupOf };
}
