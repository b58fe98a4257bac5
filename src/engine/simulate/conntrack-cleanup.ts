/**
 * kube-proxy's stale UDP conntrack cleanup (pkg/proxy/conntrack/cleanup.go `CleanStaleEntries`, run after
 * every sync of its rules). UDP has no connection for the rules to end: once the kernel has an entry for a
 * flow, every later datagram of that flow (a resolver's retry from the same socket, a long-lived UDP client)
 * follows the entry's DNAT, even to an endpoint kube-proxy no longer lists. So after each sync kube-proxy
 * deletes the UDP entries whose original destination is a UDP Service port's frontend (ClusterIP,
 * LoadBalancer or external IP and port; or any address at its NodePort) and whose reply comes from an address
 * that is not one of that port's serving endpoints. A port without serving endpoints keeps its entries, as
 * do TCP flows (their connections end by themselves), and traffic policies, topology and terminating status
 * are not taken into account ("changes to the service should not affect existing flows").
 *
 * svclab's kube-proxy syncs when a node first sees a cluster state (an edit, another instant of the
 * timeline): the cleanup runs then, on that node's table, and remembers what it deleted so the next packet
 * of that flow can say why it is NEW again.
 *
 * @example
 * syncConntrack(world, cluster, 'node-1'); // entries to endpoints that stopped serving are gone
 * world.conntrack.cleared.get('node-1'); // Map { "UDP|10.244.0.4|41000|10.96.0.10|53" => { endpoint: … } }
 */
import { clusterFamilies } from '../cluster/families';
import type { ClusterState } from '../cluster/state';
import { serviceMapOf } from '../proxy';
import type { SimWorld } from '../world';
import { ctEntries, ctKill, type ClearedFlow } from './conntrack';

/** Serving endpoint addresses of each UDP frontend ("ip|port", and NodePorts by number). */
interface UdpFrontends {
  byAddress: Map<string, { service: string; serving: Set<string> }>;
  byNodePort: Map<number, { service: string; serving: Set<string> }>;
}

function udpFrontends(world: SimWorld, cluster: ClusterState): UdpFrontends {
  const byAddress: UdpFrontends['byAddress'] = new Map();
  const byNodePort: UdpFrontends['byNodePort'] = new Map();
  for (const family of clusterFamilies(cluster.config))
    for (const entry of serviceMapOf(world.rules.memo, cluster, family).entries.values())
      entry.ports.forEach((sp, i) => {
        if (sp.protocol !== 'UDP') return;
        const serving = new Set<string>();
        for (const ep of entry.endpoints[i]!) if (ep.serving) serving.add(ep.ip);
        // A Service without serving endpoints does not need its entries cleaned (cleanup.go).
        if (serving.size === 0) return;
        const frontend = { service: sp.name, serving };
        for (const ip of [sp.clusterIP, ...sp.loadBalancerVIPs, ...sp.externalIPs])
          if (ip) byAddress.set(`${ip}|${sp.port}`, frontend);
        if (sp.nodePort !== 0) byNodePort.set(sp.nodePort, frontend);
      });
  return { byAddress, byNodePort };
}

/**
 * kube-proxy on `node` has synced to `cluster`: its stale UDP conntrack entries are deleted (once per
 * cluster state and node), each remembered in `world.conntrack.cleared` for the flow's next packet.
 */
export function syncConntrack(world: SimWorld, cluster: ClusterState, node: string): void {
  const ct = world.conntrack;
  if (ct.syncedWith.get(node) === cluster) return;
  ct.syncedWith.set(node, cluster);
  // What an earlier sync deleted is told only until the next one (the map does not grow with flows that
  // never come back).
  ct.cleared.delete(node);
  const entries = ctEntries(ct, node, world.clock).filter((e) => e.orig.protocol === 'UDP');
  if (entries.length === 0) return;
  const fronts = udpFrontends(world, cluster);
  let cleared: Map<string, ClearedFlow> | undefined;
  for (const e of entries) {
    const endpoint = e.reply.src; // the reply's source: the endpoint the entry DNATs to
    // Both of cleanup.go's filters: the Service address and port, and any address at a NodePort.
    const front = [
      fronts.byAddress.get(`${e.orig.dst}|${e.orig.dstPort}`),
      fronts.byNodePort.get(e.orig.dstPort),
    ].find((f) => f !== undefined && !f.serving.has(endpoint));
    if (!front) continue;
    ctKill(ct, e);
    if (!cleared) ct.cleared.set(node, (cleared = new Map()));
    const flow: ClearedFlow = { endpoint, port: e.reply.srcPort, service: front.service };
    cleared.set(e.keys[0], flow);
  }
}
