/**
 * Host ports as kube-scheduler's NodePorts plugin sees them (framework/types.go HostPortInfo): a pod
 * asks for each container port with a hostPort (protocol default TCP, hostIP default 0.0.0.0); on one
 * node, two asks conflict when protocol and port are equal and either hostIP is 0.0.0.0 or both are
 * the same address.
 */
import type { Pod } from '../k8s/objects';

export interface HostPortAsk {
  hostIP: string; // "0.0.0.0"
  protocol: string; // "TCP"
  hostPort: number; // 8080
}

const ANY = '0.0.0.0';

/**
 * The host ports a pod asks for: its app containers' ports with a hostPort above 0 (init containers'
 * ports are not counted by the NodePorts plugin). hostNetwork pods have hostPort defaulted to
 * containerPort at admission, so their ports count too.
 *
 * @example
 * podHostPorts(pod); // [{ hostIP: "0.0.0.0", protocol: "TCP", hostPort: 8080 }]
 */
export function podHostPorts(pod: Pod): HostPortAsk[] {
  const out: HostPortAsk[] = [];
  for (const c of pod.spec.containers ?? [])
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ hostIP: p.hostIP || ANY, protocol: p.protocol || 'TCP', hostPort: p.hostPort });
    }
  return out;
}

/** The host ports in use on one node: "protocol/port" per host IP. */
export class HostPortUsage {
  private readonly byIP = new Map<string, Set<string>>();

  /** Records the asks of a pod placed on the node. */
  add(asks: HostPortAsk[]): void {
    for (const a of asks) {
      let set = this.byIP.get(a.hostIP);
      if (!set) this.byIP.set(a.hostIP, (set = new Set()));
      set.add(`${a.protocol}/${a.hostPort}`);
    }
  }

  /**
   * HostPortInfo.CheckConflict for each ask: 0.0.0.0 conflicts with the pair on any address; another
   * address with the pair on 0.0.0.0 or on itself.
   *
   * @example
   * usage.conflicts([{ hostIP: '0.0.0.0', protocol: 'TCP', hostPort: 80 }]); // true when a pod has TCP 80
   */
  conflicts(asks: HostPortAsk[]): boolean {
    for (const a of asks) {
      const pp = `${a.protocol}/${a.hostPort}`;
      if (a.hostIP === ANY) {
        for (const set of this.byIP.values()) if (set.has(pp)) return true;
      } else if (this.byIP.get(ANY)?.has(pp) || this.byIP.get(a.hostIP)?.has(pp)) return true;
    }
    return false;
  }
}
