/**
 * podutil.FindPort (pkg/api/v1/pod/util.go): which container port a Service port's targetPort means for
 * one pod. A number is taken as is (no container needs to declare it); a name is looked up in the pod's
 * containers, then its sidecars (init containers with restartPolicy Always), matching name AND the
 * Service port's protocol; the first match wins. Pods of one Service may resolve a name to different
 * numbers — that is the point of named ports.
 *
 * @example
 * findPort(pod, { port: 80, targetPort: 'http', protocol: 'TCP' }); // 8080, or an Error
 */
import type { Pod, ServicePort } from '../k8s/objects';

/**
 * The container port for the service port, or an Error worded as upstream's.
 *
 * @example
 * findPort(pod, { port: 80, targetPort: 9376 }); // 9376
 */
export function findPort(pod: Pod, sp: ServicePort): number | Error {
  return findPortNumber(pod, sp) ?? new Error(`no suitable port for manifest: ${pod.metadata.uid ?? ''}`);
}

/**
 * findPort without the Error (the controllers resolve every Service port for every selected pod; an
 * Error per pod that does not resolve would capture a stack trace each time).
 *
 * @example
 * findPortNumber(pod, { port: 80, targetPort: 'nope' }); // undefined
 */
export function findPortNumber(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  const protocol = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}
