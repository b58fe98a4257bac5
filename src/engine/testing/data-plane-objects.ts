/**
 * ClusterState literals for the data-plane tests, shaped as the cluster builder makes them: three nodes
 * (node-1 and node-2 in zone-a, node-3 in zone-b, podCIDRs 10.244.0-2.0/24), pods with IPs on their node's
 * CIDR, Services with allocated IPs and the EndpointSlices the controller would write. Test-only.
 *
 * @example
 * const c = baseCluster(); addApp(c, 'web', ['node-2', 'node-3']); addService(c, 'web', { clusterIP: '10.96.0.42' });
 */
import { DEFAULT_CONFIG, emptyCluster, type ClusterConfig, type ClusterState } from '../cluster/state';
import type { ContainerPort, EndpointSlice, Node, Pod, Service, ServiceSpec } from '../k8s/objects';

export const NODES = [
  { name: 'node-1', ip: '192.168.49.2', zone: 'zone-a', cidr: '10.244.0.0/24' },
  { name: 'node-2', ip: '192.168.49.3', zone: 'zone-a', cidr: '10.244.1.0/24' },
  { name: 'node-3', ip: '192.168.49.4', zone: 'zone-b', cidr: '10.244.2.0/24' },
];

const nextHost = new WeakMap<ClusterState, Map<string, number>>();

export function baseCluster(config: Partial<ClusterConfig['proxy']> = {}): ClusterState {
  const c = emptyCluster({ ...DEFAULT_CONFIG, proxy: { ...DEFAULT_CONFIG.proxy, ...config } });
  for (const n of NODES) {
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, labels: { 'topology.kubernetes.io/zone': n.zone } },
      spec: { podCIDR: n.cidr },
      status: { addresses: [{ type: 'InternalIP', address: n.ip }] },
    };
    c.nodes.push(node);
  }
  nextHost.set(c, new Map());
  addPod(c, 'client', 'node-1', { app: 'client' }, []);
  return c;
}

function podIP(c: ClusterState, node: string): string {
  const m = nextHost.get(c)!;
  const n = NODES.find((x) => x.name === node)!;
  const host = (m.get(node) ?? 5) + 0;
  m.set(node, host + 1);
  return n.cidr.replace(/0\/24$/, String(host));
}

export function addPod(
  c: ClusterState,
  name: string,
  node: string,
  labels: Record<string, string>,
  ports: ContainerPort[] = [{ containerPort: 8080 }],
  opts: { ready?: boolean; annotations?: Record<string, string>; hostNetwork?: boolean } = {},
): Pod {
  const ip = opts.hostNetwork ? NODES.find((n) => n.name === node)!.ip : podIP(c, node);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels,
      ...(opts.annotations ? { annotations: opts.annotations } : {}),
    },
    spec: {
      containers: [{ name: 'app', image: 'svclab/echo', ports }],
      nodeName: node,
      ...(opts.hostNetwork ? { hostNetwork: true } : {}),
    },
    status: {
      phase: 'Running',
      podIP: ip,
      hostIP: NODES.find((n) => n.name === node)!.ip,
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
  c.pods.push(pod);
  return pod;
}

/** Pods `name-0…` on the given nodes, labelled app=name. */
export function addApp(
  c: ClusterState,
  name: string,
  nodes: string[],
  opts: { ports?: ContainerPort[]; ready?: boolean; annotations?: Record<string, string> } = {},
): Pod[] {
  return nodes.map((n, i) => addPod(c, `${name}-${i}`, n, { app: name }, opts.ports, opts));
}

/**
 * A Service selecting app=name, with its EndpointSlice (numeric targetPorts, ports named as the Service's).
 */
export function addService(
  c: ClusterState,
  name: string,
  spec: Partial<ServiceSpec> & { clusterIP: string },
  lbIP?: string,
): Service {
  const full: ServiceSpec = {
    type: 'ClusterIP',
    selector: { app: name },
    ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    sessionAffinity: 'None',
    ...spec,
  };
  full.ports = full.ports!.map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p }));
  if (full.sessionAffinity === 'ClientIP' && !full.sessionAffinityConfig)
    full.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  if ((full.type === 'NodePort' || full.type === 'LoadBalancer') && !full.externalTrafficPolicy)
    full.externalTrafficPolicy = 'Cluster';
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: full,
  };
  if (lbIP) svc.status = { loadBalancer: { ingress: [{ ip: lbIP, ipMode: 'VIP' }] } };
  c.services.push(svc);
  const pods = c.pods.filter((p) =>
    Object.entries(full.selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v),
  );
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${name}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    endpoints: pods.map((p) => {
      const ready = p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
      return {
        addresses: [p.status!.podIP!],
        conditions: { ready, serving: ready, terminating: false },
        nodeName: p.spec.nodeName!,
        zone: NODES.find((n) => n.name === p.spec.nodeName)!.zone,
        targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name! },
      };
    }),
    ports: full.ports.map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      port: Number(p.targetPort),
      protocol: p.protocol ?? 'TCP',
    })),
  };
  c.endpointSlices.push(slice);
  return svc;
}
