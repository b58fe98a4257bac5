/**
 * Runs pods to their steady state: schedules them (scheduler.ts), gives them IPs (pod-ip.ts; hostNetwork
 * pods share the node's IP) and writes `status` as the kubelet would report it: phase Running, the
 * conditions PodReadyToStartContainers / Initialized / ContainersReady / Ready / PodScheduled, and a
 * containerStatus per container, ready when its readiness probe passes (readiness.ts).
 *
 * A status given in the YAML (as `kubectl get -o yaml` dumps it) wins field by field: phase, podIP,
 * hostIP, conditions and containerStatuses are kept; only what is missing is simulated. A pod with a
 * `metadata.deletionTimestamp` is terminating.
 *
 * @example
 * const { pods } = runPods(pods, nodes, 0);
 * pods[0].status; // { phase: "Running", podIP: "10.244.0.2", hostIP: "192.168.49.2", conditions: [...] }
 */
import type { Node, Pod, PodCondition, PodStatus } from '../k8s/objects';
import { runningContainers } from './listen';
import { nodeInternalIP } from './nodes';
import { PodIPAM } from './pod-ip';
import { probeContainer, type ProbeResult } from './readiness';
import { Scheduler } from './scheduler';
import { formatTimestamp } from './time';

export interface PodRun {
  /** Probe results of the pods that have a failing readiness probe, per pod key ("default/web-abc") and
   *  container, for lints and `describe`-like views. Pods whose containers all pass are not listed. */
  probes: Map<string, Map<string, ProbeResult>>;
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Phase Succeeded or Failed: the pod's containers have exited for good. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function cond(type: string, ok: boolean, time: string, reason?: string, message?: string): PodCondition {
  return {
    type,
    status: ok ? 'True' : 'False',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastProbeTime: null,
    lastTransitionTime: time,
  } as PodCondition;
}

/**
 * Schedules, addresses and statuses every pod (mutates the given pod objects, which the caller owns).
 *
 * @example
 * runPods([pod], nodes, 0).probes.get('default/web')?.get('web')?.ready; // true
 */
export function runPods(pods: Pod[], nodes: Node[], clock: number): PodRun {
  const scheduler = new Scheduler(nodes);
  const ipam = new PodIPAM();
  const probes = new Map<string, Map<string, ProbeResult>>();
  for (const p of pods) if (p.status?.podIP && !p.spec.hostNetwork) ipam.reserve(p.status.podIP);
  const time = formatTimestamp(clock);
  for (const pod of pods) {
    const given: PodStatus = pod.status ?? {};
    const placement = scheduler.place(pod);
    const status: PodStatus = { ...given };
    if (!placement.nodeName) {
      status.phase ??= 'Pending';
      status.conditions ??= [cond('PodScheduled', false, time, 'Unschedulable', placement.unschedulable)];
      (status as Record<string, unknown>).qosClass ??= 'BestEffort';
      pod.status = status;
      continue;
    }
    pod.spec.nodeName = placement.nodeName;
    const node = scheduler.node(placement.nodeName);
    const hostIP = given.hostIP ?? (node ? nodeInternalIP(node) : undefined);
    if (hostIP) {
      status.hostIP = hostIP;
      status.hostIPs ??= [{ ip: hostIP }];
    }
    // A nodeName that names no Node: no kubelet will ever run the pod.
    if (!node && !given.phase) {
      status.phase = 'Pending';
      pod.status = status;
      continue;
    }
    status.phase ??= 'Running';
    if (!status.podIP && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
      const ip = pod.spec.hostNetwork
        ? hostIP
        : node?.spec?.podCIDR
          ? ipam.next(node.spec.podCIDR)
          : undefined;
      if (ip) status.podIP = ip;
    }
    if (status.podIP) status.podIPs ??= [{ ip: status.podIP }];
    status.startTime ??= time;
    const running = status.phase === 'Running';
    let results: Map<string, ProbeResult> | undefined;
    for (const c of runningContainers(pod)) {
      const r = probeContainer(pod, c, status.podIP ?? '');
      if (r.ready) continue;
      if (!results)
        probes.set(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, (results = new Map()));
      results.set(c.name, r);
    }
    const givenStatuses = (given as Record<string, unknown>).containerStatuses as
      { name: string; ready: boolean }[] | undefined;
    const readyOf = (name: string): boolean =>
      givenStatuses?.find((c) => c.name === name)?.ready ?? (running && (results?.get(name)?.ready ?? true));
    if (!givenStatuses) {
      (status as Record<string, unknown>).containerStatuses = (pod.spec.containers ?? []).map((c) => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        ready: readyOf(c.name),
        restartCount: 0,
        started: running,
        state: running
          ? { running: { startedAt: time } }
          : { terminated: { exitCode: 0, reason: 'Completed' } },
      }));
    }
    if (!given.conditions) {
      const unready = runningContainers(pod)
        .map((c) => c.name)
        .filter((n) => !readyOf(n));
      const ready = running && unready.length === 0;
      const why = ready
        ? []
        : (['ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`] as const);
      status.conditions = [
        cond('PodReadyToStartContainers', running, time),
        cond('Initialized', true, time),
        cond('Ready', ready, time, why[0], why[1]),
        cond('ContainersReady', ready, time, why[0], why[1]),
        cond('PodScheduled', true, time),
      ];
    }
    (status as Record<string, unknown>).qosClass ??= 'BestEffort';
    pod.status = status;
  }
  return { probes };
}
