/**
 * Reads of a Pod's status that Kubernetes defines once and every controller shares (upstream:
 * k8s.io/kubernetes/pkg/api/v1/pod/util.go). The engine, the UI and the commands ask these, never the
 * conditions directly, so that "ready" means one thing everywhere.
 *
 * @example
 * isPodReady(pod); // true when the Ready condition is True
 * podIP(pod); // "10.244.1.5"
 */
import type { Pod } from './objects';

/**
 * IsPodReady: the Ready condition is True (a loop, not a closure: it runs for every pod of every Service).
 *
 * @example
 * isPodReady({ ...pod, status: { conditions: [{ type: 'Ready', status: 'True' }] } }); // true
 */
export function isPodReady(pod: Pod): boolean {
  const conds = pod.status?.conditions;
  if (!conds) return false;
  for (let i = 0; i < conds.length; i++)
    if (conds[i]!.type === 'Ready' && conds[i]!.status === 'True') return true;
  return false;
}

/**
 * Phase Succeeded or Failed: the pod's containers have exited for good.
 *
 * @example
 * isPodTerminal({ ...pod, status: { phase: 'Succeeded' } }); // true
 */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * The pod's (first) IP: its node's IP for hostNetwork pods once scheduled; undefined before it has one.
 *
 * @example
 * podIP(pod); // "10.244.1.5"
 */
export function podIP(pod: Pod): string | undefined {
  return pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
}

/**
 * The pod's IPv6 address on a dual-stack or IPv6 cluster (from `status.podIPs`), or undefined.
 *
 * @example
 * podIPv6(pod); // "fd00:10:244:1::5"
 */
export function podIPv6(pod: Pod): string | undefined {
  const primary = pod.status?.podIP;
  if (typeof primary === 'string' && primary.includes(':')) return primary;
  return pod.status?.podIPs?.find((a) => typeof a?.ip === 'string' && a.ip.includes(':'))?.ip;
}
