/**
 * A copy of the built cluster that the timeline's changes edit, object by object (the built cluster's
 * pods share frozen parts, so a pod is cloned before it changes). `finish()` runs the endpoint controllers
 * again over the changed pods and nodes, as they would run after each change.
 *
 * @example
 * const s = mutable(cluster, 1); s.stopNode('node-2'); s.finish().faults; // { stoppedNodes: ['node-2'], crashedPods: [] }
 */
import { nsName } from '../cluster/cluster-index';
import { runEndpointControllers } from '../cluster/controllers';
import { uidFor } from '../cluster/hash';
import { objectKey, type ClusterState } from '../cluster/state';
import { formatTimestamp } from '../cluster/time';
import { cloneJson } from '../manifest/clone';
import type { CronJob, Job, Node, Pod, PodCondition, ServiceCIDR } from '../k8s/objects';
import { expandJobs } from '../cluster/job';
import { completedStatus } from '../cluster/pod-status';
import { TakenNames } from '../cluster/workloads';
import { cidrContains, formatIp, nthAddress, parseCidr, parseIp } from '../net/ip';
import { createRng } from '../util/rng';
import { UNREACHABLE_TAINT } from './defaults';
import { priorityTable, type PriorityTable } from '../cluster/priority';
import { byCodeUnits } from '../util/compare';

export interface Mutable {
  stopNode(node: string): void;
  /** The node lifecycle controller's verdict: Ready Unknown, unreachable taints, its pods not ready. */
  nodeUnreachable(node: string, at: number): void;
  cordon(node: string): void;
  setReady(pod: string, ready: boolean, reason?: string): void;
  crash(pod: string, down: boolean): void;
  terminate(pod: string, at: number): void;
  remove(pod: string): void;
  /** The ReplicaSet makes a new pod for `pod`, scheduled on a node that takes pods. */
  replace(pod: string, at: number): void;
  /**
   * A CronJob's Job, created at `at`; the Job controller runs its pods to completion (Completed), or,
   * when the API server refuses them (the Priority plugin over every PriorityClass, pod validation), the
   * Job has none and stays active.
   */
  addJob(job: Job, at: number): void;
  /**
   * The CronJob controller's status: the last scheduled time, the last successful one (when its Jobs
   * complete), and the Jobs still active.
   */
  cronJobScheduled(
    namespace: string,
    name: string,
    at: number,
    o?: { succeeded: boolean; active: readonly Job[] },
  ): void;
  /** A ServiceCIDR as given, in place of the one of its name (or added, as the user's object). */
  putServiceCIDR(cidr: ServiceCIDR): void;
  removeServiceCIDR(name: string): void;
  finish(): ClusterState;
}

// Kubernetes' rand.String alphabet (no vowels, no look-alikes) for generated name suffixes.
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function setCondition(conds: PodCondition[] | undefined, c: PodCondition): PodCondition[] {
  const out = (conds ?? []).filter((x) => x.type !== c.type);
  out.push(c);
  return out;
}

export function mutable(built: ClusterState, seed: number): Mutable {
  const c: ClusterState = {
    ...built,
    nodes: [...built.nodes],
    pods: [...built.pods],
    jobs: [...built.jobs],
    cronJobs: [...built.cronJobs],
    serviceCIDRs: [...built.serviceCIDRs],
    origins: new Map(built.origins),
  };
  // The PriorityClasses that exist (the system ones and the scene's), for the pods the Jobs create.
  let priority: PriorityTable | undefined;
  const stopped = new Set(built.faults?.stoppedNodes ?? []);
  const crashed = new Set(built.faults?.crashedPods ?? []);
  const rng = createRng(seed ^ 0x7173);
  const index = (pod: string) => c.pods.findIndex((p) => nsName(p) === pod);
  /** The pod, cloned into the copy before it is changed. */
  const own = (pod: string): Pod | undefined => {
    const i = index(pod);
    if (i < 0) return undefined;
    const p = cloneJson(c.pods[i]!) as Pod;
    c.pods[i] = p;
    return p;
  };
  const ownNode = (name: string): Node | undefined => {
    const i = c.nodes.findIndex((n) => n.metadata.name === name);
    if (i < 0) return undefined;
    const n = cloneJson(c.nodes[i]!) as Node;
    c.nodes[i] = n;
    return n;
  };
  const takesPods = (n: Node) =>
    !n.spec?.unschedulable &&
    !(n.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');

  const m: Mutable = {
    stopNode: (node) => void stopped.add(node),
    nodeUnreachable(node, at) {
      const n = ownNode(node);
      if (!n) return;
      const time = formatTimestamp(at);
      n.status = {
        ...n.status,
        conditions: setCondition(n.status?.conditions, {
          type: 'Ready',
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
        }),
      };
      n.spec = {
        ...n.spec,
        taints: [
          ...(n.spec?.taints ?? []),
          { key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: time },
          { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: time },
        ],
      };
      // MarkPodsNotReady: every pod on the node gets Ready False.
      for (const p of c.pods)
        if (p.spec.nodeName === node && !p.spec.hostNetwork) m.setReady(nsName(p), false, 'NodeNotReady');
    },
    cordon(node) {
      const n = ownNode(node);
      if (n) n.spec = { ...n.spec, unschedulable: true };
    },
    setReady(pod, ready, reason) {
      const p = own(pod);
      if (!p) return;
      const cond = (type: string): PodCondition =>
        ready ? { type, status: 'True' } : { type, status: 'False', ...(reason ? { reason } : {}) };
      p.status = {
        ...p.status,
        conditions: setCondition(setCondition(p.status?.conditions, cond('ContainersReady')), cond('Ready')),
      };
    },
    crash(pod, down) {
      if (down) crashed.add(pod);
      else crashed.delete(pod);
    },
    terminate(pod, at) {
      const p = own(pod);
      if (p) p.metadata.deletionTimestamp = formatTimestamp(at);
    },
    remove(pod) {
      const i = index(pod);
      if (i >= 0) c.pods.splice(i, 1);
    },
    replace(pod, at) {
      const old = c.pods[index(pod)];
      const rs = old?.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet');
      if (!old || !rs) return;
      const ns = old.metadata.namespace ?? 'default';
      const siblings = c.pods.filter(
        (p) => p.metadata.ownerReferences?.some((o) => o.uid === rs.uid) && !p.metadata.deletionTimestamp,
      );
      // The scheduler's spread, in short: a node that takes pods, with the fewest of this ReplicaSet, then of all.
      const candidates = c.nodes.filter((n) =>
        old.spec.nodeName && pinned(old, c) ? n.metadata.name === old.spec.nodeName : takesPods(n),
      );
      const count = (node: string, list: Pod[]) => list.filter((p) => p.spec.nodeName === node).length;
      const node = candidates.sort(
        (a, b) =>
          count(a.metadata.name ?? '', siblings) - count(b.metadata.name ?? '', siblings) ||
          count(a.metadata.name ?? '', c.pods) - count(b.metadata.name ?? '', c.pods) ||
          byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? ''),
      )[0];
      let name = '';
      do name = `${rs.name}-${Array.from({ length: 5 }, () => ALPHABET[rng.int(ALPHABET.length)]).join('')}`;
      while (c.pods.some((p) => p.metadata.name === name && (p.metadata.namespace ?? 'default') === ns));
      const p = cloneJson(old) as Pod;
      const time = formatTimestamp(at);
      p.metadata.name = name;
      p.metadata.uid = uidFor(seed, `Pod/${ns}/${name}`);
      p.metadata.creationTimestamp = time;
      delete p.metadata.deletionTimestamp;
      if (!node) {
        // No node takes it: Pending, as the scheduler leaves it.
        delete p.spec.nodeName;
        p.status = {
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
        };
      } else {
        const nodeName = node.metadata.name ?? '';
        p.spec.nodeName = nodeName;
        const ip = freeIp(c, node);
        const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
        const ready = !stopped.has(nodeName);
        p.status = {
          ...p.status,
          phase: 'Running',
          ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
          ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
          startTime: time,
          conditions: (p.status?.conditions ?? []).map((x) =>
            x.type === 'Ready' || x.type === 'ContainersReady'
              ? { type: x.type, status: ready ? 'True' : 'False' }
              : x,
          ),
        };
      }
      c.pods.push(p);
      c.origins.set(objectKey(p), {
        by: 'controller',
        order: c.origins.size,
        owner: `ReplicaSet/${ns}/${rs.name}`,
      });
    },
    addJob(job, at) {
      const ns = job.metadata.namespace ?? 'default';
      const time = formatTimestamp(at);
      const taken = new TakenNames();
      for (const p of c.pods) taken.add(p.metadata.namespace ?? 'default', p.metadata.name ?? '');
      priority ??= priorityTable(c.priorityClasses);
      const result = expandJobs([job], taken, Infinity, seed, time, () => true, priority);
      const made = result.podGroups[0];
      const owner = job.metadata.ownerReferences?.[0];
      c.jobs.push(job);
      c.origins.set(objectKey(job), {
        by: 'controller',
        order: c.origins.size,
        ...(owner ? { owner: `CronJob/${ns}/${owner.name}` } : {}),
      });
      if (result.failedCreates.size > 0) {
        // Every pod refused: the Job starts and waits (int32 counts of 0 are left out, as omitempty does).
        (job as { status?: unknown }).status = {
          ready: 0,
          startTime: time,
          terminating: 0,
          uncountedTerminatedPods: {},
        };
        return;
      }
      const pods = made?.pods ?? [];
      for (const p of pods) {
        // The scheduler's spread, in short: the node that takes pods with the fewest.
        const count = (n: Node) => c.pods.filter((x) => x.spec.nodeName === n.metadata.name).length;
        const node = c.nodes.filter(takesPods).sort((a, b) => count(a) - count(b))[0];
        const hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
        const ip = node ? freeIp(c, node) : undefined;
        if (node) p.spec.nodeName = node.metadata.name ?? '';
        p.status = {
          phase: 'Running',
          ...(hostIP ? { hostIP, hostIPs: [{ ip: hostIP }] } : {}),
          ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
          startTime: time,
        };
        p.status = completedStatus(p, time);
        c.pods.push(p);
        c.origins.set(objectKey(p), { by: 'controller', order: c.origins.size, owner: objectKey(job) });
      }
      const condition = (type: string) => ({
        lastProbeTime: time,
        lastTransitionTime: time,
        message: 'Reached expected number of succeeded pods',
        reason: 'CompletionsReached',
        status: 'True',
        type,
      });
      (job as { status?: unknown }).status = {
        completionTime: time,
        conditions: [condition('SuccessCriteriaMet'), condition('Complete')],
        ready: 0,
        startTime: time,
        succeeded: pods.length,
        terminating: 0,
        uncountedTerminatedPods: {},
      };
    },
    cronJobScheduled(namespace, name, at, o = { succeeded: true, active: [] }) {
      const i = c.cronJobs.findIndex(
        (j) => j.metadata.name === name && (j.metadata.namespace ?? 'default') === namespace,
      );
      if (i < 0) return;
      const cj = cloneJson(c.cronJobs[i]!) as CronJob;
      cj.status = {
        ...(o.active.length
          ? {
              active: o.active.map((j) => ({
                apiVersion: 'batch/v1',
                kind: 'Job',
                name: j.metadata.name ?? '',
                namespace,
                uid: j.metadata.uid ?? '',
              })),
            }
          : {}),
        lastScheduleTime: formatTimestamp(at),
        ...(o.succeeded ? { lastSuccessfulTime: formatTimestamp(at) } : {}),
      };
      c.cronJobs[i] = cj;
    },
    putServiceCIDR(cidr) {
      const i = c.serviceCIDRs.findIndex((x) => x.metadata.name === cidr.metadata.name);
      if (i >= 0) c.serviceCIDRs[i] = cidr;
      else {
        c.serviceCIDRs.push(cidr);
        const key = objectKey(cidr);
        if (!c.origins.has(key)) c.origins.set(key, { by: 'user', order: c.origins.size });
      }
    },
    removeServiceCIDR(name) {
      c.serviceCIDRs = c.serviceCIDRs.filter((x) => x.metadata.name !== name);
    },
    finish() {
      // The endpoint controllers run again over what changed (given Endpoints/slices are kept as given).
      const madeByController = (o: { kind: string; metadata: { namespace?: string; name?: string } }) =>
        c.origins.get(objectKey(o as never))?.by === 'controller';
      const ctl = runEndpointControllers({
        services: c.services,
        pods: c.pods,
        nodes: c.nodes,
        givenEndpoints: c.endpoints.filter((e) => !madeByController(e)),
        givenSlices: c.endpointSlices.filter((e) => !madeByController(e)),
        seed,
        triggerTime: formatTimestamp(0),
      });
      c.endpoints = ctl.endpoints;
      c.endpointSlices = ctl.endpointSlices;
      for (const o of [...c.endpoints, ...c.endpointSlices]) {
        const key = objectKey(o);
        if (!c.origins.has(key)) c.origins.set(key, { by: 'controller', order: c.origins.size });
      }
      c.faults = { stoppedNodes: [...stopped].sort(), crashedPods: [...crashed].sort() };
      return c;
    },
  };
  return m;
}

/** Is the pod's node written in its template (spec.nodeName bypasses the scheduler)? */
function pinned(p: Pod, c: ClusterState): boolean {
  const rs = p.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet');
  const owner = c.replicaSets.find(
    (r) => r.metadata.name === rs?.name && r.metadata.namespace === p.metadata.namespace,
  );
  return Boolean(
    (owner?.spec as { template?: { spec?: { nodeName?: string } } } | undefined)?.template?.spec?.nodeName,
  );
}

/** The next address of the node's pod CIDR no pod holds (the node's IPAM, host-local). */
function freeIp(c: ClusterState, node: Node): string | undefined {
  const cidr = parseCidr(node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0] ?? '');
  if (!cidr) return undefined;
  const used = new Set(c.pods.map((p) => p.status?.podIP).filter((x): x is string => Boolean(x)));
  for (let n = 2; n < 254; n++) {
    const ip = formatIp(nthAddress(cidr, n));
    const parsed = parseIp(ip);
    if (parsed !== undefined && cidrContains(cidr, parsed) && !used.has(ip)) return ip;
  }
  return undefined;
}
