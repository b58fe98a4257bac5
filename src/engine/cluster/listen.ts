/**
 * What the processes in a pod listen on. A real container listens where its program binds, whether or not
 * a `containerPort` declares it (containerPort is informational; it opens nothing). For well-known images
 * svclab knows where their program binds (image-ports.ts: nginx on 80 whatever its ports list says); for
 * any other image it assumes each declared containerPort is bound on all interfaces; the pod annotation `svclab.io/listen`
 * states what the app really binds when that differs, e.g. `"8080,127.0.0.1:9090,53/UDP"`: 8080/TCP on
 * all interfaces, 9090/TCP on loopback only (reachable from the pod itself, never through a Service), and
 * 53/UDP on all interfaces. An optional `container=` prefix names the container (`"sidecar=127.0.0.1:15000"`);
 * otherwise a port belongs to the container that declares it, or the first container.
 *
 * Containers of a pod share one network namespace, so a socket bound by any container answers on the pod IP.
 * Results are cached: treat a pod's containers as immutable once the cluster is built.
 *
 * @example
 * listeningSockets(pod); // [{ container: "web", ip: "0.0.0.0", port: 8080, protocol: "TCP" }]
 * acceptsOnPodIP(pod, 8080, 'TCP'); // the socket, or undefined
 */
import type { Container, Pod, Protocol } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { imagePorts } from './image-ports';

/** The annotation that says what the pod's processes bind ("8080,127.0.0.1:9090,53/UDP"). */
export const LISTEN_ANNOTATION = 'svclab.io/listen';

export interface ListeningSocket {
  container: string; // "web"
  ip: '0.0.0.0' | '127.0.0.1';
  port: number; // 8080
  protocol: Protocol; // "TCP"
}

export interface ListenParse {
  sockets: ListeningSocket[];
  /** Entries that could not be read, with why (`lint.listen.badEntry`, `lint.listen.noContainer`). */
  errors: Msg[];
}

/** Containers that run for the pod's lifetime: app containers and sidecars (init containers with restartPolicy Always). */
export function runningContainers(pod: Pod): Container[] {
  if (!pod.spec.initContainers?.length) return pod.spec.containers ?? [];
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return [...sidecars, ...(pod.spec.containers ?? [])];
}

/**
 * Parses the `svclab.io/listen` annotation value against the pod's containers.
 *
 * @example
 * parseListenAnnotation('8080,127.0.0.1:9090,53/UDP', pod).sockets.length; // 3
 */
export function parseListenAnnotation(value: string, pod: Pod): ListenParse {
  const containers = runningContainers(pod);
  const sockets: ListeningSocket[] = [];
  const errors: Msg[] = [];
  for (const raw of value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m =
      /^(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?)=)?(?:(0\.0\.0\.0|127\.0\.0\.1|\*):)?(\d{1,5})(?:\/(TCP|UDP|SCTP))?$/i.exec(
        raw,
      );
    const port = m ? Number(m[4]) : NaN;
    if (!m || port < 1 || port > 65535) {
      errors.push(msg('lint.listen.badEntry', { entry: raw }));
      continue;
    }
    const protocol = (m[5]?.toUpperCase() ?? 'TCP') as Protocol;
    let container = m[1];
    if (container !== undefined && !containers.some((c) => c.name === container)) {
      errors.push(msg('lint.listen.noContainer', { entry: raw, container }));
      continue;
    }
    container ??=
      containers.find((c) =>
        c.ports?.some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol),
      )?.name ??
      containers[0]?.name ??
      '';
    sockets.push({ container, ip: m[3] === '127.0.0.1' ? '127.0.0.1' : '0.0.0.0', port, protocol });
  }
  return { sockets, errors };
}

/**
 * Sockets depend only on the containers and the annotation, and the pods of one ReplicaSet share their
 * containers, so the result is cached per containers array and annotation value.
 */
const cache = new WeakMap<object, Map<string, ListeningSocket[]>>();

/**
 * Every socket the pod's processes listen on: from `svclab.io/listen` when present, otherwise every declared
 * containerPort on all interfaces.
 *
 * @example
 * listeningSockets(podWithPorts8080); // [{ container: "web", ip: "0.0.0.0", port: 8080, protocol: "TCP" }]
 */
export function listeningSockets(pod: Pod): ListeningSocket[] {
  const annotation = pod.metadata.annotations?.[LISTEN_ANNOTATION];
  const key = pod.spec.containers ?? pod.spec;
  const sub = `${annotation ?? '\u0000'}\u0000${pod.spec.initContainers ? JSON.stringify(pod.spec.initContainers.map((c) => [c.name, c.restartPolicy, c.ports])) : ''}`;
  let byAnnotation = cache.get(key);
  const hit = byAnnotation?.get(sub);
  if (hit) return hit;
  let out: ListeningSocket[];
  if (annotation !== undefined) out = parseListenAnnotation(annotation, pod).sockets;
  else
    out = runningContainers(pod).flatMap((c) => {
      // A well-known image listens where its program binds; any other, where its ports list says.
      const known = imagePorts(c);
      if (known)
        return known.sockets.map((s) => ({
          container: c.name,
          ip: s.ip ?? ('0.0.0.0' as const),
          port: s.port,
          protocol: s.protocol,
        }));
      return (c.ports ?? []).map((p) => ({
        container: c.name,
        ip: '0.0.0.0' as const,
        port: p.containerPort,
        protocol: (p.protocol ?? 'TCP') as Protocol,
      }));
    });
  if (!byAnnotation) cache.set(key, (byAnnotation = new Map()));
  byAnnotation.set(sub, out);
  return out;
}

/** The socket that accepts a connection to the pod IP on port/protocol (loopback-only sockets do not). */
export function acceptsOnPodIP(
  pod: Pod,
  port: number,
  protocol: Protocol = 'TCP',
): ListeningSocket | undefined {
  return listeningSockets(pod).find((s) => s.port === port && s.protocol === protocol && s.ip === '0.0.0.0');
}

/** The socket that accepts a connection from inside the pod to 127.0.0.1:port (any bound socket does). */
export function acceptsOnLoopback(
  pod: Pod,
  port: number,
  protocol: Protocol = 'TCP',
): ListeningSocket | undefined {
  return listeningSockets(pod).find((s) => s.port === port && s.protocol === protocol);
}

/**
 * Why svclab takes the pod to listen where it does, one descriptor per container (or one for the
 * annotation): the image's program, or the declared ports of an image svclab does not know.
 *
 * @example
 * listenBasis(nginxPod); // [msg('listen.image', { container: 'web', image: 'nginx', sockets: ['80/TCP'] })]
 */
export function listenBasis(pod: Pod): Msg[] {
  const annotation = pod.metadata.annotations?.[LISTEN_ANNOTATION];
  if (annotation !== undefined) return [msg('listen.annotation', { value: annotation })];
  return runningContainers(pod).map((c) => {
    const known = imagePorts(c);
    return known
      ? msg('listen.image', {
          container: c.name,
          image: known.image,
          sockets: known.sockets.map((s) => `${s.ip ? `${s.ip}:` : ''}${s.port}/${s.protocol}`),
        })
      : msg('listen.declared', { container: c.name, image: c.image ?? '' });
  });
}
