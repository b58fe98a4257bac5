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
  return podIPOf(pod, 'IPv6');
}

/**
 * The pod's address of one family (status.podIP, else its status.podIPs entry of that family), or undefined.
 *
 * @example
 * podIPOf(pod, 'IPv4'); // "10.244.1.5", also on an IPv6-first cluster where podIPs[0] is IPv6
 */
export function podIPOf(pod: Pod, family: 'IPv4' | 'IPv6'): string | undefined {
  const v6 = family === 'IPv6';
  const primary = pod.status?.podIP;
  if (typeof primary === 'string' && primary !== '' && primary.includes(':') === v6) return primary;
  return pod.status?.podIPs?.find((a) => typeof a?.ip === 'string' && a.ip.includes(':') === v6)?.ip;
}
