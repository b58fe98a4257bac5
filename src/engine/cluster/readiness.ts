/**
 * Container readiness as the kubelet decides it: a container without a readiness probe is ready once
 * running; an httpGet or tcpSocket probe connects to the pod IP (never 127.0.0.1), so it fails when nothing
 * listens on that port on the pod's interfaces; exec and grpc probes are taken to pass (svclab does not run
 * programs). A named probe port is looked up in the container's own ports, as the kubelet's
 * ResolveContainerPort does.
 *
 * The pod annotation `svclab.io/ready: "false"` forces every container not ready (for lessons about
 * readiness), and `"true"` forces them ready.
 *
 * @example
 * probeContainer(pod, pod.spec.containers[0], '10.244.1.5');
 * // { ready: false, message: 'dial tcp 10.244.1.5:8080: connect: connection refused' }
 */
import type { Container, IntOrString, Pod } from '../k8s/objects';
import { acceptsOnPodIP, runningContainers } from './listen';

/** Forces readiness: "false" → every container not ready; "true" → every container ready. */
export const READY_ANNOTATION = 'svclab.io/ready';

export interface ProbeResult {
  ready: boolean;
  /** Why a probe failed, worded as the kubelet's "Readiness probe failed: …" event. */
  message?: string;
  /** The port the probe aimed at (resolved), for lints. */
  port?: number;
}

/** The shared result for a container that is ready (most are; no need for an object per pod). */
const READY: ProbeResult = Object.freeze({ ready: true });

function resolvePort(port: IntOrString, c: Container): number | string {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const p = c.ports?.find((x) => x.name === port);
  return p ? p.containerPort : `port ${port} not found`;
}

/**
 * Evaluates one container's readiness probe against what the pod listens on.
 *
 * @example
 * probeContainer(pod, c, '10.244.0.2').ready; // true when c has no probe
 */
export function probeContainer(pod: Pod, c: Container, podIP: string): ProbeResult {
  const forced = pod.metadata.annotations?.[READY_ANNOTATION];
  if (forced === 'false') return { ready: false, message: `${READY_ANNOTATION}: "false" on the pod` };
  if (forced === 'true') return READY;
  const probe = c.readinessProbe;
  if (!probe || probe.exec || probe.grpc) return READY;
  const target = probe.httpGet ?? probe.tcpSocket;
  if (!target) return READY;
  const port = resolvePort(target.port, c);
  if (typeof port === 'string') return { ready: false, message: port };
  // A probe with an explicit host goes elsewhere; svclab cannot see that host, so it trusts it.
  if (target.host && target.host !== podIP) return { ready: true, port };
  if (acceptsOnPodIP(pod, port, 'TCP')) return { ready: true, port };
  const dial = `dial tcp ${podIP}:${port}: connect: connection refused`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path ?? '/';
    return { ready: false, port, message: `Get "${scheme}://${podIP}:${port}${path}": ${dial}` };
  }
  return { ready: false, port, message: dial };
}

/** Readiness of every running container (app containers and sidecars), by name. */
export function containerReadiness(pod: Pod, podIP: string): Map<string, ProbeResult> {
  const out = new Map<string, ProbeResult>();
  for (const c of runningContainers(pod)) out.set(c.name, probeContainer(pod, c, podIP));
  return out;
}
