/**
 * The simulated application in every pod: each socket the pod listens on (`listeningSockets`: where a
 * well-known image binds, else the declared containerPorts, or the `svclab.io/listen` annotation) serves HTTP, answering
 *
 *     You've hit <pod name>
 *     client: <address:port the pod saw>
 *
 * so a student sees both which pod answered and whether the source was NATed. A port nobody listens on
 * refuses the connection (TCP RST; ICMP port unreachable for UDP); a socket bound to 127.0.0.1 refuses
 * connections from outside the pod. The pod's kernel answers ping.
 *
 * @example
 * appAccepts(pod, 8080, 'TCP', false); // { ok: true, socket: { container: "web", ip: "0.0.0.0", … } }
 * appResponse(pod, '10.244.0.0:41234', 'GET').body; // "You've hit web-7c9d8-abcde\nclient: 10.244.0.0:41234\n"
 */
import { listenBasis, listeningSockets, type ListeningSocket } from '../cluster/listen';
import type { Pod } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import type { HttpResponse, WireProtocol } from '../trace';

export type Acceptance =
  | { ok: true; socket: ListeningSocket | null }
  | { ok: false; cause: 'closed' | 'loopback-only'; explanation: Msg };

function declared(pod: Pod): string[] {
  return listeningSockets(pod).map(
    (s) => `${s.ip === '127.0.0.1' ? '127.0.0.1:' : ''}${s.port}/${s.protocol}`,
  );
}

/**
 * Whether the pod takes a connection on port/protocol. `fromInside` is true for the pod's own traffic
 * (loopback), which may reach 127.0.0.1-only sockets.
 */
export function appAccepts(pod: Pod, port: number, protocol: WireProtocol, fromInside: boolean): Acceptance {
  if (protocol === 'ICMP') return { ok: true, socket: null };
  const name = pod.metadata.name ?? '';
  const matching = listeningSockets(pod).filter((s) => s.port === port && s.protocol === protocol);
  const open = matching.find((s) => s.ip === '0.0.0.0' || fromInside);
  if (open) return { ok: true, socket: open };
  if (matching.length > 0)
    return {
      ok: false,
      cause: 'loopback-only',
      explanation: msg('sim.podRefuses.loopback', { pod: name, port, protocol }),
    };
  return {
    ok: false,
    cause: 'closed',
    explanation: msg('sim.podRefuses.closed', {
      pod: name,
      port,
      protocol,
      listening: declared(pod),
      basis: listenBasis(pod),
    }),
  };
}

/**
 * The app's answer. HEAD gets the headers only.
 *
 * @example appResponse(pod, '10.244.0.5:41234', 'GET').status // 200
 */
export function appResponse(pod: Pod, seenSource: string, method: string): HttpResponse {
  const body = `You've hit ${pod.metadata.name ?? ''}\nclient: ${seenSource}\n`;
  return {
    status: 200,
    body: method.toUpperCase() === 'HEAD' ? '' : body,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) },
  };
}
