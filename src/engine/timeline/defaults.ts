/**
 * The Kubernetes 1.36 defaults the reactions to a fault run on, each from the component that owns it.
 *
 * @example NODE_MONITOR_GRACE_PERIOD // 50
 */

/**
 * kube-controller-manager --node-monitor-grace-period: how long a node may go without posting status
 * before the node lifecycle controller marks it Ready=Unknown. 40 s until 1.31; 50 s since 1.32 (so it
 * is longer than the kubelet's node lease renewal tolerance). The controller checks every
 * --node-monitor-period (5 s), so a real cluster notices up to 5 s later; svclab takes the grace period.
 */
export const NODE_MONITOR_GRACE_PERIOD = 50;

/**
 * The DefaultTolerationSeconds admission plugin adds node.kubernetes.io/not-ready and /unreachable
 * NoExecute tolerations with tolerationSeconds 300 to every pod that has none of its own.
 */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** Probe defaults (core/v1 Probe): periodSeconds 10, failureThreshold 3, initialDelaySeconds 0. */
export const PROBE_PERIOD_SECONDS = 10;
export const PROBE_FAILURE_THRESHOLD = 3;

/** PodSpec.terminationGracePeriodSeconds default. */
export const TERMINATION_GRACE_SECONDS = 30;

/** The kubelet's first crash-loop back-off before it restarts a container (then 20 s, 40 s … 300 s). */
export const CRASH_BACKOFF_SECONDS = 10;

/** kube-proxy's minSyncPeriod (iptables, nftables: 1 s): a change is written at most this long after it. */
export const PROXY_MIN_SYNC_SECONDS = 1;

export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
