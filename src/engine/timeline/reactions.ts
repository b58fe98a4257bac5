/**
 * What a fault sets going in a Kubernetes 1.36 cluster, as a list of changes at instants: each with the
 * event that explains it (a message descriptor) and what it does to the cluster. The chains follow the
 * components that own them: the kubelet's probes and restarts, the node lifecycle controller (grace
 * period, taints, pods marked not ready), taint-based eviction after the pods' tolerationSeconds, the
 * ReplicaSet controller's replacements, the endpoint controllers and kube-proxy.
 *
 * @example
 * planChanges(cluster, [{ at: 10, fault: 'NodeStopped', target: 'node-2', namespace: 'default', file: 't.yaml' }])
 *   .map((c) => [c.at, c.msg.id]); // [[10, 'timeline.nodeStopped'], [60, 'timeline.nodeNotReady'], …]
 */
import type { ClusterState } from '../cluster/state';
import type { Pod } from '../k8s/objects';
import type { TimelineFault } from '../manifest/timeline';
import { msg, type Msg } from '../messages';
import {
  CRASH_BACKOFF_SECONDS,
  DEFAULT_TOLERATION_SECONDS,
  NODE_MONITOR_GRACE_PERIOD,
  PROBE_FAILURE_THRESHOLD,
  PROBE_PERIOD_SECONDS,
  TERMINATION_GRACE_SECONDS,
  UNREACHABLE_TAINT,
} from './defaults';
import type { Mutable } from './state';

export interface Change {
  at: number; // seconds since the scene started
  msg: Msg;
  /** The fault itself (true) or the cluster's reaction to it. */
  fault: boolean;
  apply?: (s: Mutable) => void;
}

const podKey = (p: Pod) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`;

/** The pod's readiness probe settings (the first container that has one), or undefined. */
function readinessProbe(p: Pod): { period: number; threshold: number; initialDelay: number } | undefined {
  for (const c of p.spec.containers) {
    const r = c.readinessProbe;
    if (r)
      return {
        period: r.periodSeconds ?? PROBE_PERIOD_SECONDS,
        threshold: r.failureThreshold ?? PROBE_FAILURE_THRESHOLD,
        initialDelay: r.initialDelaySeconds ?? 0,
      };
  }
  return undefined;
}

/** tolerationSeconds of the pod's toleration for the unreachable taint (DefaultTolerationSeconds: 300). */
function unreachableToleration(p: Pod): number | null {
  const t = p.spec.tolerations?.find(
    (x) =>
      (x.key === UNREACHABLE_TAINT || (x.key === undefined && x.operator === 'Exists')) &&
      (!x.effect || x.effect === 'NoExecute'),
  );
  if (!t) return DEFAULT_TOLERATION_SECONDS;
  return t.tolerationSeconds ?? null; // no tolerationSeconds: tolerated for ever
}

/** A pod is deleted at `at`: Terminating at once, gone after its grace period; its ReplicaSet replaces it. */
function deletePod(
  p: Pod,
  at: number,
  why: 'deleted' | 'evicted' | 'drained',
  out: Change[],
  nodeAlive: boolean,
): void {
  const pod = podKey(p);
  const owner = p.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet');
  out.push({
    at,
    fault: false,
    msg: msg('timeline.podTerminating', {
      pod,
      why,
      grace: p.spec.terminationGracePeriodSeconds ?? TERMINATION_GRACE_SECONDS,
    }),
    apply: (s) => s.terminate(pod, at),
  });
  if (owner)
    out.push({
      at,
      fault: false,
      msg: msg('timeline.podReplaced', {
        pod,
        replicaSet: `${p.metadata.namespace ?? 'default'}/${owner.name}`,
      }),
      apply: (s) => s.replace(pod, at),
    });
  // On a node that cannot be reached the kubelet never confirms: the pod stays Terminating.
  if (nodeAlive) {
    const grace = p.spec.terminationGracePeriodSeconds ?? TERMINATION_GRACE_SECONDS;
    out.push({
      at: at + grace,
      fault: false,
      msg: msg('timeline.podGone', { pod, grace }),
      apply: (s) => s.remove(pod),
    });
  }
}

function nodeStopped(cluster: ClusterState, f: TimelineFault, out: Change[]): void {
  const node = f.target;
  out.push({
    at: f.at,
    fault: true,
    msg: msg('timeline.nodeStopped', { node }),
    apply: (s) => s.stopNode(node),
  });
  const notReady = f.at + NODE_MONITOR_GRACE_PERIOD;
  const pods = cluster.pods.filter((p) => p.spec.nodeName === node && !p.spec.hostNetwork);
  out.push({
    at: notReady,
    fault: false,
    msg: msg('timeline.nodeNotReady', { node, grace: NODE_MONITOR_GRACE_PERIOD, pods: pods.length }),
    apply: (s) => s.nodeUnreachable(node, notReady),
  });
  for (const p of pods) {
    const tolerate = unreachableToleration(p);
    if (tolerate === null) continue;
    const at = notReady + tolerate;
    out.push({
      at,
      fault: false,
      msg: msg('timeline.podEvicted', { pod: podKey(p), node, seconds: tolerate }),
    });
    deletePod(p, at, 'evicted', out, false);
  }
}

function podFault(cluster: ClusterState, f: TimelineFault, out: Change[]): void {
  const p = cluster.pods.find(
    (x) => x.metadata.name === f.target && (x.metadata.namespace ?? 'default') === f.namespace,
  );
  const pod = `${f.namespace}/${f.target}`;
  if (!p) {
    out.push({
      at: f.at,
      fault: true,
      msg: msg('timeline.noSuchPod', { pod, file: f.file, line: f.line ?? 0 }),
    });
    return;
  }
  if (f.fault === 'PodDeleted') {
    out.push({ at: f.at, fault: true, msg: msg('timeline.podDeleted', { pod }) });
    deletePod(p, f.at, 'deleted', out, true);
  } else if (f.fault === 'ReadinessFailing') {
    const probe = readinessProbe(p);
    if (!probe) {
      out.push({ at: f.at, fault: true, msg: msg('timeline.noReadinessProbe', { pod }) });
      return;
    }
    out.push({ at: f.at, fault: true, msg: msg('timeline.readinessFailing', { pod }) });
    const seconds = probe.threshold * probe.period;
    out.push({
      at: f.at + seconds,
      fault: false,
      msg: msg('timeline.readinessFailed', {
        pod,
        threshold: probe.threshold,
        period: probe.period,
        seconds,
      }),
      apply: (s) => s.setReady(pod, false, 'ContainersNotReady'),
    });
  } else if (f.fault === 'ContainerCrashed') {
    const container = f.container ?? p.spec.containers[0]?.name ?? '';
    out.push({
      at: f.at,
      fault: true,
      msg: msg('timeline.containerCrashed', { pod, container }),
      apply: (s) => {
        s.crash(pod, true);
        s.setReady(pod, false, 'ContainersNotReady');
      },
    });
    const restart = f.at + CRASH_BACKOFF_SECONDS;
    const delay = readinessProbe(p)?.initialDelay ?? 0;
    out.push({
      at: restart,
      fault: false,
      msg: msg('timeline.containerRestarted', { pod, container, backoff: CRASH_BACKOFF_SECONDS }),
      apply: (s) => {
        s.crash(pod, false);
        if (delay === 0) s.setReady(pod, true);
      },
    });
    if (delay > 0)
      out.push({
        at: restart + delay,
        fault: false,
        msg: msg('timeline.podReadyAgain', { pod, delay }),
        apply: (s) => s.setReady(pod, true),
      });
  }
}

function nodeDrained(cluster: ClusterState, f: TimelineFault, out: Change[]): void {
  const node = f.target;
  out.push({
    at: f.at,
    fault: true,
    msg: msg('timeline.nodeDrained', { node }),
    apply: (s) => s.cordon(node),
  });
  for (const p of cluster.pods.filter((x) => x.spec.nodeName === node && !x.spec.hostNetwork))
    deletePod(p, f.at, 'drained', out, true);
}

/**
 * Every change the faults set going, in time order (the order they were planned among equal times).
 */
export function planChanges(cluster: ClusterState, faults: TimelineFault[]): Change[] {
  const out: Change[] = [];
  for (const f of faults) {
    if (
      (f.fault === 'NodeStopped' || f.fault === 'NodeDrained') &&
      !cluster.nodes.some((n) => n.metadata.name === f.target)
    ) {
      out.push({
        at: f.at,
        fault: true,
        msg: msg('timeline.noSuchNode', { node: f.target, file: f.file, line: f.line ?? 0 }),
      });
      continue;
    }
    if (f.fault === 'NodeStopped') nodeStopped(cluster, f, out);
    else if (f.fault === 'NodeDrained') nodeDrained(cluster, f, out);
    else podFault(cluster, f, out);
  }
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.at - b.c.at || a.i - b.i)
    .map(({ c }) => c);
}
