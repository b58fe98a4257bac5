/**
 * The one or two sentences a student reads under a trace. They name the cause in Kubernetes words (the
 * Service, its selector, the pods' readiness, the traffic policy), not in netfilter words; the hop that
 * decided carries the exact rule. Reading the cluster here only words the explanation: the decision itself
 * was made by kube-proxy's rules.
 *
 * @example
 * whyNoEndpoints(cluster, 'default/web');
 * // "Service default/web has no ready endpoints: its selector app=web matches no pod."
 */
import { nsName } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Pod, Service } from '../k8s/objects';
import { isPodReady } from '../k8s/pod';

/** "ns/name" of the Service a kube-proxy servicePortName ("ns/name:port") belongs to. */
export function serviceKeyOf(servicePortName: string | undefined): string | null {
  if (!servicePortName) return null;
  const i = servicePortName.indexOf(':');
  return i < 0 ? servicePortName : servicePortName.slice(0, i);
}

export function findService(cluster: ClusterState, key: string | null): Service | undefined {
  if (!key) return undefined;
  return cluster.services.find((s) => nsName(s) === key);
}

function selectorText(sel: Record<string, string>): string {
  return Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The pods a Service's selector matches (same namespace). */
export function selectedPods(cluster: ClusterState, svc: Service): Pod[] {
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return [];
  const ns = svc.metadata.namespace ?? 'default';
  return cluster.pods.filter(
    (p) =>
      (p.metadata.namespace ?? 'default') === ns &&
      Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v),
  );
}

/**
 * Why a Service has no ready endpoints: no selector, a selector matching nothing, or pods that are not
 * ready (readiness probe failing, still starting, terminating).
 */
export function whyNoEndpoints(cluster: ClusterState, key: string | null): string {
  const svc = findService(cluster, key);
  const name = key ?? 'the Service';
  if (!svc) return `Service ${name} has no ready endpoints.`;
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0)
    return `Service ${name} has no selector and no ready addresses in its EndpointSlices, so it has no endpoints.`;
  const pods = selectedPods(cluster, svc);
  if (pods.length === 0)
    return `Service ${name} has no ready endpoints: its selector ${selectorText(sel)} matches no pod in namespace ${svc.metadata.namespace ?? 'default'}.`;
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp);
  if (terminating.length === pods.length)
    return `Service ${name} has no ready endpoints: every pod its selector matches is terminating.`;
  const notReady = pods.filter((p) => !isPodReady(p));
  if (notReady.length > 0) {
    const probe = notReady.some((p) => p.spec.containers.some((c) => c.readinessProbe));
    return `Service ${name} has no ready endpoints: its selector matches ${pods.length} pod(s), but none is Ready${probe ? ' (the readiness probe is failing)' : ''}.`;
  }
  return `Service ${name} has no ready endpoints for this port: check that the port's targetPort names a port the pods declare.`;
}

/** The cause of a kube-proxy DROP or REJECT, from the deciding rule kube-proxy wrote. */
export function explainProxyBlock(
  cluster: ClusterState,
  node: string,
  action: 'drop' | 'reject',
  ruleText: string | undefined,
  servicePortName: string | undefined,
  clientIP: string,
): string {
  const key = serviceKeyOf(servicePortName);
  const text = ruleText ?? '';
  if (action === 'reject')
    return `${whyNoEndpoints(cluster, key)} kube-proxy on ${node} REJECTs the connection, so the client sees "connection refused" at once.`;
  if (text.includes('KUBE-PROXY-FIREWALL') || text.includes('loadBalancerSourceRanges'))
    return `${clientIP} is not in Service ${key ?? ''}'s loadBalancerSourceRanges, so kube-proxy on ${node} drops the packet (KUBE-PROXY-FIREWALL); the client waits until it times out.`;
  if (text.includes('has no local endpoints'))
    return `Service ${key ?? ''} has externalTrafficPolicy Local (or internalTrafficPolicy Local) and ${node} has no ready pod of it, so kube-proxy on ${node} drops the packet instead of forwarding it to another node; the client waits until it times out.`;
  return `kube-proxy on ${node} drops the packet; the client waits until it times out.`;
}

/** ping to a virtual IP: nothing answers. */
export function explainIcmpToVirtualIP(ip: string, svc: Service, kind: 'ClusterIP' | 'external IP'): string {
  return `${ip} is the ${kind} of Service ${nsName(svc)}: a virtual address that exists only as kube-proxy DNAT rules for the Service's TCP/UDP/SCTP ports. No rule matches ICMP and no interface owns the address, so the ping gets no answer; TCP to a Service port works.`;
}

/** A packet to a Service address on a port the Service does not have. */
export function explainNoServicePort(ip: string, port: number, protocol: string, svc: Service): string {
  const ports = (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ');
  return `${ip} belongs to Service ${nsName(svc)}, which has no port ${port}/${protocol} (it has ${ports || 'none'}). No kube-proxy rule matches, nobody owns the address, and the connection times out.`;
}
