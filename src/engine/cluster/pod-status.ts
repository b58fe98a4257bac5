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
import { nodeInternalIP, nodeInternalIPOf } from '../k8s/node';
import type { Container, Node, Pod, PodCondition, PodStatus } from '../k8s/objects';
import { containerStatuses, initContainerStatuses, type ContainerStatus } from './container-statuses';
import { runningContainers } from './listen';
import { PodIPAM } from './pod-ip';
import { podQOSClass } from './qos';
import { probeContainer, type ProbeResult } from './readiness';
import { ipExhaustedEvent } from './sandbox';
import { containerConfigError, type ContainerConfigError, type KubeletObjects } from './container-config';
import { Scheduler } from './scheduler';
import { formatTimestamp } from './time';

export interface PodRun {
  /** Probe results of the pods that have a failing readiness probe, per pod key ("default/web-abc") and
   *  container, for lints and `describe`-like views. Pods whose containers all pass are not listed. */
  probes: Map<string, Map<string, ProbeResult>>;
  /** The FailedCreatePodSandBox event of each pod whose sandbox could not be set up (its node's pod
   *  range is used up), per pod key: the pod stays Pending in ContainerCreating, with no IP. */
  sandboxFailures: Map<string, string>;
}

function cond(type: string, ok: boolean, time: string, reason?: string, message?: string): PodCondition {
  const c: Record<string, unknown> = { type, status: ok ? 'True' : 'False' };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  c.lastProbeTime = null;
  c.lastTransitionTime = time;
  return c as unknown as PodCondition;
}

/** The conditions the kubelet reports for a pod, as of `time`. */
function conditions(running: boolean, unready: string[], time: string): PodCondition[] {
  const ready = running && unready.length === 0;
  const reason = ready ? undefined : 'ContainersNotReady';
  const message = ready ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  return [
    cond('PodReadyToStartContainers', running, time),
    cond('Initialized', true, time),
    cond('Ready', ready, time, reason, message),
    cond('ContainersReady', ready, time, reason, message),
    cond('PodScheduled', true, time),
  ];
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The status of a pod whose sandbox could not be created: scheduled, Pending, containers waiting. */
function creatingStatus(pod: Pod, hostIP: string, hostIPs: { ip: string }[], time: string): PodStatus {
  const names = runningContainers(pod).map((c) => c.name);
  const inits = pod.spec.initContainers ?? [];
  return {
    conditions: [
      cond('PodReadyToStartContainers', false, time),
      // No init container has run (GeneratePodInitializedCondition lists the incomplete ones).
      inits.length
        ? cond(
            'Initialized',
            false,
            time,
            'ContainersNotInitialized',
            `containers with incomplete status: [${inits.map((c) => c.name).join(' ')}]`,
          )
        : cond('Initialized', true, time),
      cond(
        'Ready',
        false,
        time,
        'ContainersNotReady',
        `containers with unready status: [${names.join(' ')}]`,
      ),
      cond(
        'ContainersReady',
        false,
        time,
        'ContainersNotReady',
        `containers with unready status: [${names.join(' ')}]`,
      ),
      cond('PodScheduled', true, time),
    ],
    containerStatuses: containerStatuses(
      pod.spec.containers ?? [],
      'Pending',
      time,
      () => false,
      inits.length > 0,
    ),
    ...(inits.length
      ? { initContainerStatuses: initContainerStatuses(inits, 'Pending', time, () => false) }
      : {}),
    hostIP,
    hostIPs,
    phase: 'Pending',
    qosClass: podQOSClass(pod.spec),
    startTime: time,
  } as PodStatus;
}

/**
 * The first init container the kubelet cannot create: init containers start one at a time, in spec
 * order (kuberuntime computeInitContainerActions), so the kubelet stops at it and never reaches the
 * app containers.
 */
function initConfigError(
  pod: Pod,
  objects: KubeletObjects,
): { name: string; error: ContainerConfigError } | undefined {
  for (const c of pod.spec.initContainers ?? []) {
    const error = containerConfigError(pod, c, objects);
    if (error) return { name: c.name, error };
  }
  return undefined;
}

/**
 * A pod whose init container the kubelet cannot create: its sandbox and IP exist; the init containers
 * before it have completed (a sidecar runs), it waits in CreateContainerConfigError, those after it and
 * every app container wait in PodInitializing; Initialized is False (GeneratePodInitializedCondition
 * lists the init containers that have not completed), so the pod is Pending, not Ready, and kubectl
 * prints `Init:CreateContainerConfigError`.
 */
function initConfigErrorStatus(
  pod: Pod,
  addresses: { hostIP: string; hostIPs: { ip: string }[]; podIP: string; podIPs: { ip: string }[] },
  failed: { name: string; error: ContainerConfigError },
  time: string,
): PodStatus {
  const inits = pod.spec.initContainers ?? [];
  const at = inits.findIndex((c) => c.name === failed.name);
  const failing = inits[at]!;
  const initStatuses = [
    ...initContainerStatuses(inits.slice(0, at), 'Running', time, () => true),
    {
      name: failing.name,
      image: failing.image ?? '',
      imageID: '',
      ready: false,
      restartCount: 0,
      started: false,
      state: { waiting: { reason: 'CreateContainerConfigError', message: failed.error.message } },
    },
    ...initContainerStatuses(inits.slice(at + 1), 'Pending', time, () => false),
  ];
  const incomplete = inits.slice(at).map((c) => c.name);
  const started = new Set(inits.slice(0, at).map((c) => c.name));
  const unready = runningContainers(pod)
    .map((c) => c.name)
    .filter((n) => !started.has(n));
  const notReady = `containers with unready status: [${unready.join(' ')}]`;
  return {
    ...addresses,
    phase: 'Pending',
    startTime: time,
    conditions: [
      cond('PodReadyToStartContainers', true, time),
      cond(
        'Initialized',
        false,
        time,
        'ContainersNotInitialized',
        `containers with incomplete status: [${incomplete.join(' ')}]`,
      ),
      cond('Ready', false, time, 'ContainersNotReady', notReady),
      cond('ContainersReady', false, time, 'ContainersNotReady', notReady),
      cond('PodScheduled', true, time),
    ],
    containerStatuses: containerStatuses(pod.spec.containers ?? [], 'Pending', time, () => false, true),
    initContainerStatuses: initStatuses,
    qosClass: podQOSClass(pod.spec),
  } as PodStatus;
}

/** The containers the kubelet cannot create, by name (undefined when it can create them all). */
function configErrors(pod: Pod, objects: KubeletObjects): Map<string, ContainerConfigError> | undefined {
  let out: Map<string, ContainerConfigError> | undefined;
  for (const c of pod.spec.containers ?? []) {
    const e = containerConfigError(pod, c, objects);
    if (e) (out ??= new Map()).set(c.name, e);
  }
  return out;
}

/**
 * A pod whose sandbox and IP exist but one of whose containers the kubelet cannot create: Pending (a
 * container has not started: kubelet getPhase), that container waiting in CreateContainerConfigError with the
 * kubelet's message, the others running; not Ready, so its endpoint is not ready.
 */
function configErrorStatus(
  pod: Pod,
  addresses: { hostIP: string; hostIPs: { ip: string }[]; podIP: string; podIPs: { ip: string }[] },
  failed: Map<string, ContainerConfigError>,
  time: string,
): PodStatus {
  const readyOf = (name: string): boolean =>
    !failed.has(name) &&
    probeContainer(
      pod,
      pod.spec.containers!.find((c) => c.name === name)!,
      addresses.podIP,
    ).ready;
  const statuses = containerStatuses(pod.spec.containers ?? [], 'Running', time, readyOf).map((s) => {
    const e = failed.get(s.name);
    return e
      ? {
          ...s,
          ready: false,
          started: false,
          state: { waiting: { reason: 'CreateContainerConfigError', message: e.message } },
        }
      : s;
  });
  const unready = runningContainers(pod)
    .map((c) => c.name)
    .filter((n) => failed.has(n) || !statuses.find((s) => s.name === n)?.ready);
  const inits = pod.spec.initContainers;
  return {
    ...addresses,
    phase: 'Pending',
    startTime: time,
    containerStatuses: statuses,
    ...(inits?.length
      ? { initContainerStatuses: initContainerStatuses(inits, 'Running', time, () => true) }
      : {}),
    conditions: conditions(true, unready, time),
    qosClass: podQOSClass(pod.spec),
  } as PodStatus;
}

/**
 * Status parts that many pods have in common, made once per build and shared (frozen): the conditions of
 * a running, ready pod; the containerStatuses of a running, ready pod per containers array (the pods of
 * one ReplicaSet share theirs); hostIPs per node. Pods are read-only once built (ClusterState.pods).
 */
class SharedStatus {
  private readyConditions: PodCondition[] | undefined;
  private readonly readyStatuses = new WeakMap<Container[], ContainerStatus[]>();
  private readonly readyInitStatuses = new WeakMap<Container[], ContainerStatus[]>();
  private readonly hostIPs = new Map<string, { ip: string }[]>();
  /** The last probe-free verdict: pods with these containers, init containers and annotations are all ready. */
  private probed: { containers: unknown; init: unknown; annotations: unknown } | undefined;

  constructor(private readonly time: string) {}

  conditionsOfReady(): PodCondition[] {
    return (this.readyConditions ??= deepFreeze(conditions(true, [], this.time)));
  }

  statusesOfReady(containers: Container[]): ContainerStatus[] {
    let s = this.readyStatuses.get(containers);
    if (!s)
      this.readyStatuses.set(
        containers,
        (s = deepFreeze(containerStatuses(containers, 'Running', this.time, () => true))),
      );
    return s;
  }

  /** The initContainerStatuses of a running pod whose sidecars are all ready (undefined without init containers). */
  initStatusesOfReady(inits: Container[] | undefined): ContainerStatus[] | undefined {
    if (!inits?.length) return undefined;
    let s = this.readyInitStatuses.get(inits);
    if (!s)
      this.readyInitStatuses.set(
        inits,
        (s = deepFreeze(initContainerStatuses(inits, 'Running', this.time, () => true))),
      );
    return s;
  }

  /** status.hostIPs: the node's address, and on a dual-stack node its IPv6 address too (kubelet 1.29+). */
  hostIPsOf(ip: string, ip6?: string): { ip: string }[] {
    const key = ip6 ? `${ip}|${ip6}` : ip;
    let s = this.hostIPs.get(key);
    if (!s) this.hostIPs.set(key, (s = deepFreeze(ip6 ? [{ ip }, { ip: ip6 }] : [{ ip }])));
    return s;
  }

  /** True when the previous pod proved that every running container of a pod like this one is ready. */
  knownReady(pod: Pod): boolean {
    const p = this.probed;
    return (
      p !== undefined &&
      p.containers === pod.spec.containers &&
      p.init === pod.spec.initContainers &&
      p.annotations === pod.metadata.annotations
    );
  }

  /**
   * Remembers that this pod's containers are all ready whatever its IP: readiness depends only on the
   * containers, the init containers (sidecars) and the annotations (svclab.io/ready, svclab.io/listen).
   */
  rememberReady(pod: Pod): void {
    this.probed = {
      containers: pod.spec.containers,
      init: pod.spec.initContainers,
      annotations: pod.metadata.annotations,
    };
  }
}

/**
 * Probes every running container; undefined when all are ready, else the results by container name.
 * Remembers (in `shared`) when the verdict did not depend on the pod's IP, so that the next pod of the
 * same template is not probed again.
 */
function probePod(pod: Pod, podIP: string, shared: SharedStatus): Map<string, ProbeResult> | undefined {
  if (shared.knownReady(pod)) return undefined;
  let results: Map<string, ProbeResult> | undefined;
  let ipDependent = false;
  for (const c of runningContainers(pod)) {
    const target = c.readinessProbe?.httpGet ?? c.readinessProbe?.tcpSocket;
    if (target?.host) ipDependent = true;
    const r = probeContainer(pod, c, podIP);
    if (r.ready) continue;
    (results ??= new Map()).set(c.name, r);
  }
  if (!results && !ipDependent) shared.rememberReady(pod);
  return results;
}

/**
 * The containers a given status (with conditions but no containerStatuses) says are not ready, as the
 * kubelet would have reported them: ContainersReady, or Ready when the pod has no readiness gates (then
 * Ready is ContainersReady), names them in its message "containers with unready status: [a b]"; without
 * that message every running container is taken as not ready. Undefined when the conditions say nothing.
 *
 * @example
 * unreadyFromConditions(pod, [{ type: 'Ready', status: 'False' }]); // Set {"api"}
 */
export function unreadyFromConditions(pod: Pod, conds: PodCondition[] | undefined): Set<string> | undefined {
  const gates = (pod.spec as { readinessGates?: unknown[] }).readinessGates;
  const c =
    conds?.find((x) => x.type === 'ContainersReady') ??
    (gates?.length ? undefined : conds?.find((x) => x.type === 'Ready'));
  if (!c) return undefined;
  if (c.status === 'True') return new Set();
  if (c.status !== 'False') return undefined;
  const listed = /containers with unready status: \[([^\]]*)\]/.exec(
    (c as { message?: string }).message ?? '',
  );
  if (listed) return new Set(listed[1]!.split(' ').filter((n) => n !== ''));
  return new Set(runningContainers(pod).map((x) => x.name));
}

/**
 * Schedules, addresses and statuses every pod (mutates the given pod objects, which the caller owns).
 * Each pod gets its own status object; parts that are the same for many pods (see SharedStatus) are shared.
 *
 * @example
 * runPods([pod], nodes, 0).probes.get('default/web')?.get('web')?.ready; // true
 */
export function runPods(
  pods: Pod[],
  nodes: Node[],
  clock: number,
  /** Pods whose containers run to completion (a Job's): once running, they end Succeeded. */
  completes?: ReadonlySet<Pod>,
  /** The ConfigMaps and Secrets the kubelet reads when it creates containers (none: nothing is checked). */
  kubelet?: KubeletObjects,
): PodRun {
  const scheduler = new Scheduler(nodes);
  const ipam = new PodIPAM();
  const probes = new Map<string, Map<string, ProbeResult>>();
  const sandboxFailures = new Map<string, string>();
  for (const p of pods) {
    if (p.spec.hostNetwork) continue;
    if (p.status?.podIP) ipam.reserve(p.status.podIP);
    for (const a of p.status?.podIPs ?? []) if (a?.ip && a.ip !== p.status?.podIP) ipam.reserve(a.ip);
  }
  const time = formatTimestamp(clock);
  const shared = new SharedStatus(time);
  const hostIPOf = new Map<Node, string | undefined>();
  for (const pod of pods) {
    const given: PodStatus | undefined = pod.status;
    const placement = scheduler.place(pod);
    if (!placement.nodeName) {
      const status: PodStatus = given ? { ...given } : {};
      status.phase ??= 'Pending';
      status.conditions ??= [cond('PodScheduled', false, time, 'Unschedulable', placement.unschedulable)];
      (status as Record<string, unknown>).qosClass ??= podQOSClass(pod.spec);
      pod.status = status;
      continue;
    }
    pod.spec.nodeName = placement.nodeName;
    const node = scheduler.node(placement.nodeName);
    let nodeIP: string | undefined;
    if (node) {
      if (hostIPOf.has(node)) nodeIP = hostIPOf.get(node);
      else hostIPOf.set(node, (nodeIP = nodeInternalIP(node)));
    }
    const hostIP = given?.hostIP ?? nodeIP;
    // A dual-stack node's InternalIP of the other family, reported in hostIPs after the primary one.
    const hostIP6 =
      node && hostIP && hostIP === nodeIP
        ? nodeInternalIPOf(node, hostIP.includes(':') ? 'IPv4' : 'IPv6')
        : undefined;
    // The common case, a simulated pod on a node with a podCIDR: allocate, probe, and when every probe
    // passes write the whole status as one literal (the same fields, in the same order, as below).
    let allocated: string | undefined;
    // A dual-stack node's second podCIDR (the other family): host-local gives the pod an address from
    // each range, and kubelet lists them in the node IP's family order (sortPodIPs), which is the CIDRs'.
    const podCIDR6 = node?.spec?.podCIDRs?.[1];
    let allocated6: string | undefined;
    let probed: Map<string, ProbeResult> | undefined;
    if (!given && node && hostIP && !pod.spec.hostNetwork && node.spec?.podCIDR) {
      allocated = ipam.nextIn(node.spec.podCIDR);
      if (!allocated) {
        // host-local has no address left in the node's range: CNI ADD fails, the sandbox is never made,
        // the kubelet retries forever. The pod waits in ContainerCreating with no IP (so no endpoint).
        sandboxFailures.set(
          `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
          ipExhaustedEvent(pod, node.spec.podCIDR),
        );
        pod.status = creatingStatus(pod, hostIP, shared.hostIPsOf(hostIP, hostIP6), time);
        continue;
      }
      if (podCIDR6) allocated6 = ipam.nextIn(podCIDR6);
      const initFailed =
        kubelet && pod.spec.initContainers?.length ? initConfigError(pod, kubelet) : undefined;
      const failed = kubelet && !initFailed ? configErrors(pod, kubelet) : undefined;
      if (initFailed || failed) {
        const podIPs = allocated6 ? [{ ip: allocated }, { ip: allocated6 }] : [{ ip: allocated }];
        const hostIPs = shared.hostIPsOf(hostIP, hostIP6);
        const addresses = { hostIP, hostIPs, podIP: allocated, podIPs };
        pod.status = initFailed
          ? initConfigErrorStatus(pod, addresses, initFailed, time)
          : configErrorStatus(pod, addresses, failed!, time);
        continue;
      }
      probed = probePod(pod, allocated, shared);
      if (!probed) {
        pod.status = {
          hostIP,
          hostIPs: shared.hostIPsOf(hostIP, hostIP6),
          phase: 'Running',
          podIP: allocated,
          podIPs: allocated6 ? [{ ip: allocated }, { ip: allocated6 }] : [{ ip: allocated }],
          startTime: time,
          containerStatuses: shared.statusesOfReady(pod.spec.containers ?? []),
          conditions: shared.conditionsOfReady(),
          qosClass: podQOSClass(pod.spec),
        } as PodStatus;
        const inits = shared.initStatusesOfReady(pod.spec.initContainers);
        if (inits) (pod.status as Record<string, unknown>).initContainerStatuses = inits;
        continue;
      }
    }
    const status: PodStatus = given ? { ...given } : {};
    const extra = status as Record<string, unknown>;
    if (hostIP) {
      status.hostIP = hostIP;
      status.hostIPs ??= shared.hostIPsOf(hostIP, hostIP6);
    }
    // A nodeName that names no Node: no kubelet will ever run the pod.
    if (!node && !given?.phase) {
      status.phase = 'Pending';
      pod.status = status;
      continue;
    }
    status.phase ??= 'Running';
    // A given Pending status without podIP (a dump of a ContainerCreating pod) has no sandbox yet, so
    // no IP: the endpoint controllers leave such a pod out (ShouldPodBeInEndpoints).
    if (!status.podIP && (status.phase === 'Running' || status.phase === 'Unknown')) {
      const ip = allocated
        ? allocated
        : pod.spec.hostNetwork
          ? hostIP
          : node?.spec?.podCIDR
            ? ipam.nextIn(node.spec.podCIDR)
            : undefined;
      if (ip) status.podIP = ip;
      if (ip && !pod.spec.hostNetwork && podCIDR6) {
        allocated6 ??= ipam.nextIn(podCIDR6);
        if (allocated6) status.podIPs ??= [{ ip }, { ip: allocated6 }];
      }
    }
    if (status.podIP) status.podIPs ??= [{ ip: status.podIP }];
    status.startTime ??= time;
    const running = status.phase === 'Running';
    const results = allocated ? probed : probePod(pod, status.podIP ?? '', shared);
    if (results) probes.set(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, results);
    const givenStatuses = (given as Record<string, unknown> | undefined)?.containerStatuses as
      ContainerStatus[] | undefined;
    const givenInitStatuses = (given as Record<string, unknown> | undefined)?.initContainerStatuses as
      ContainerStatus[] | undefined;
    const hasGivenStatuses = !!givenStatuses;
    const inits = pod.spec.initContainers;
    // Given conditions without containerStatuses: the containers are as the conditions say (the kubelet
    // marks a container not ready when its probe fails, so a Ready=False pod shows 0/1).
    const unready = hasGivenStatuses ? undefined : unreadyFromConditions(pod, given?.conditions);
    // The common case (simulated, running, every probe passing) takes the shared parts.
    if (running && !results && !hasGivenStatuses && !unready?.size) {
      extra.containerStatuses = shared.statusesOfReady(pod.spec.containers ?? []);
      if (!givenInitStatuses && inits?.length)
        extra.initContainerStatuses = shared.initStatusesOfReady(inits);
      if (!given?.conditions) status.conditions = shared.conditionsOfReady();
    } else {
      // A sidecar's given status is among the initContainerStatuses (a dump keeps them apart).
      const givenReady = (name: string): boolean | undefined =>
        (Array.isArray(givenStatuses) ? givenStatuses.find((c) => c?.name === name)?.ready : undefined) ??
        (Array.isArray(givenInitStatuses)
          ? givenInitStatuses.find((c) => c?.name === name)?.ready
          : undefined);
      const readyOf = (name: string): boolean =>
        (hasGivenStatuses || givenInitStatuses ? givenReady(name) : undefined) ??
        (running && (unready ? !unready.has(name) : (results?.get(name)?.ready ?? true)));
      if (!hasGivenStatuses)
        extra.containerStatuses = containerStatuses(
          pod.spec.containers ?? [],
          status.phase,
          time,
          readyOf,
          !!inits?.length,
        );
      if (!givenInitStatuses && inits?.length)
        extra.initContainerStatuses = initContainerStatuses(inits, status.phase, time, readyOf);
      if (!given?.conditions)
        status.conditions = conditions(
          running,
          runningContainers(pod)
            .map((c) => c.name)
            .filter((n) => !readyOf(n)),
          time,
        );
    }
    extra.qosClass ??= podQOSClass(pod.spec);
    pod.status = status;
  }
  if (completes?.size)
    for (const pod of completes) if (pod.status?.phase === 'Running') pod.status = completedStatus(pod, time);
  return { probes, sandboxFailures };
}

/**
 * The status the kubelet reports once every container exited 0 (restartPolicy Never or OnFailure): phase
 * Succeeded, conditions with reason PodCompleted, each container terminated Completed. The pod keeps its
 * addresses, and no longer counts as an endpoint (a terminal pod).
 */
export function completedStatus(pod: Pod, time: string): PodStatus {
  const prev = pod.status!;
  const done = (type: string): PodCondition => cond(type, false, time, 'PodCompleted');
  return {
    ...prev,
    phase: 'Succeeded',
    conditions: [
      cond('PodReadyToStartContainers', false, time),
      cond('Initialized', true, time, 'PodCompleted'),
      done('Ready'),
      done('ContainersReady'),
      cond('PodScheduled', true, time),
    ],
    containerStatuses: (pod.spec.containers ?? []).map((c) => ({
      name: c.name,
      image: c.image ?? '',
      imageID: '',
      ready: false,
      restartCount: 0,
      started: false,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: time, finishedAt: time } },
    })),
    ...(pod.spec.initContainers?.length
      ? {
          initContainerStatuses: initContainerStatuses(
            pod.spec.initContainers,
            'Succeeded',
            time,
            () => false,
          ),
        }
      : {}),
  } as PodStatus;
}
