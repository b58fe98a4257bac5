/**
 * Reads what the graph shows out of a ClusterState: nodes by zone with their pods, Services with their
 * addresses and endpoints. Only reads what the engine computed, through the cluster's index (never
 * re-derives Kubernetes rules: which slices a Service has, readiness, what the system made).
 */
import {
  clusterIndex,
  gatewaySummary,
  ingressSummary,
  isIngressControllerPod,
  nsName,
  type ClusterIndex,
  type ClusterState,
  type GatewaySummary,
  type IngressSummary,
  type Pod,
  type Service,
} from '../../engine';

export interface PodView {
  id: string; // "pod/default/web-7c9d8-abcde"
  key: string; // "Pod/default/web-7c9d8-abcde"
  namespace: string;
  name: string;
  ip: string; // "10.244.1.5" or ""
  /** Every address of the pod, primary first (status.podIPs): two on a dual-stack cluster. */
  ips: string[]; // ["10.244.1.5", "fd00:10:244:1::5"]
  node: string; // "node-1" or ""
  ready: boolean;
  /** Deleted, in its grace period (metadata.deletionTimestamp): its endpoints are not ready, whatever its Ready condition says. */
  terminating: boolean;
  system: boolean; // made by the cluster itself (CoreDNS, ingress-nginx)
  ingressController: boolean;
  /** The Gateway whose Envoy proxy this pod is ("default/eg"), or null. */
  gateway: string | null;
  /** The workload that made it (a Deployment through its ReplicaSet), or null for a Pod written as one. */
  workload: { kind: string; name: string } | null; // { kind: "Deployment", name: "web" }
}

export interface EndpointView {
  podId: string | null;
  address: string;
  ready: boolean;
}

export interface ServiceView {
  id: string; // "Service/default/web"
  namespace: string;
  name: string;
  type: string; // "ClusterIP"
  clusterIP: string; // "10.96.0.10" | "None" | ""
  /** Every cluster IP, the Service's first family first (spec.clusterIPs): two for a dual-stack Service. */
  clusterIPs: string[]; // ["10.96.0.10", "fd00:10:96::a"]
  ports: string[]; // ["80→8080/TCP", "80:30080"]
  externalIPs: string[]; // LoadBalancer ingress IPs
  externalName: string | null;
  endpoints: EndpointView[];
  system: boolean;
}

export interface NodeView {
  id: string; // "node/node-1"
  name: string;
  ip: string;
  /** The node's IPv6 InternalIP on a dual-stack cluster, or "". */
  ip6: string;
  zone: string;
  pods: PodView[];
}

function portLabel(svc: Service): string[] {
  return (svc.spec.ports ?? []).map((p) => {
    const proto = p.protocol ?? 'TCP';
    const node = p.nodePort ? `:${p.nodePort}` : '';
    return `${p.port}${node}→${p.targetPort ?? p.port}/${proto}`;
  });
}

function endpointsOf(ix: ClusterIndex, svc: Service): EndpointView[] {
  const ns = svc.metadata.namespace ?? 'default';
  const out: EndpointView[] = [];
  for (const slice of ix.slicesOf(nsName(svc))) {
    for (const ep of slice.endpoints ?? []) {
      const ref =
        ep.targetRef?.kind === 'Pod' ? `pod/${ep.targetRef.namespace ?? ns}/${ep.targetRef.name}` : null;
      for (const address of ep.addresses) {
        const owner = ref ? undefined : ix.podByIP(address);
        const podId = ref ?? (owner ? `pod/${nsName(owner)}` : null);
        out.push({ podId, address, ready: ep.conditions?.ready !== false });
      }
    }
  }
  return out;
}

/**
 * The endpoints a Service box counts: one per pod, however many addresses it has (a dual-stack pod is in
 * the IPv4 and the IPv6 EndpointSlice, and a student who runs 2 replicas expects 2), and one per address
 * that no pod owns (a hand-written endpoint). kubectl counts per EndpointSlice, that is per family; the
 * inspector lists the addresses of both.
 *
 * @example
 * countEndpoints([{ podId: 'pod/default/a', address: '10.244.0.5', ready: true },
 *                 { podId: 'pod/default/a', address: 'fd00:10:244::5', ready: true }]); // { ready: 1, total: 1 }
 */
export function countEndpoints(endpoints: readonly EndpointView[]): { ready: number; total: number } {
  const all = new Set<string>();
  const ready = new Set<string>();
  for (const e of endpoints) {
    const id = e.podId ?? e.address;
    all.add(id);
    if (e.ready) ready.add(id);
  }
  return { ready: ready.size, total: all.size };
}

export interface ClusterView {
  nodes: NodeView[];
  zones: string[];
  services: ServiceView[];
  pods: PodView[];
  proxyMode: string;
  /** kube-proxy exited at startup (its configuration was refused): it writes no rule on any node. */
  proxyDown: boolean;
  /** Gateways Envoy Gateway manages: listeners, attached routes, the proxy's pods and Service. */
  gateways: GatewaySummary[];
  /** Ingresses with their paths, whether ingress-nginx serves them, and its controller pods. */
  ingresses: IngressSummary[];
  ingressControllers: string[];
}

/**
 * A pod's workload, read from its controller reference: a ReplicaSet named `<deployment>-<its
 * pod-template-hash label>` belongs to that Deployment (the page's copy keeps Deployments, not
 * ReplicaSets), any other controller is the workload itself.
 */
function workloadOf(p: Pod, deployments: ReadonlySet<string>): PodView['workload'] {
  const refs = p.metadata.ownerReferences;
  const ref = refs?.find((o) => o.controller) ?? refs?.[0];
  if (!ref?.kind || !ref.name) return null;
  const hash = p.metadata.labels?.['pod-template-hash'];
  const ns = p.metadata.namespace ?? 'default';
  if (ref.kind === 'ReplicaSet' && hash && ref.name.endsWith(`-${hash}`)) {
    const name = ref.name.slice(0, -hash.length - 1);
    if (deployments.has(`${ns}/${name}`)) return { kind: 'Deployment', name };
  }
  return { kind: ref.kind, name: ref.name };
}

/** kubeadm's kube-proxy DaemonSet pod (proxy/system-objects.ts), one per node. */
function isKubeProxyPod(p: PodView): boolean {
  return (
    p.system &&
    p.namespace === 'kube-system' &&
    p.workload?.kind === 'DaemonSet' &&
    p.workload.name === 'kube-proxy'
  );
}

export function viewCluster(cluster: ClusterState): ClusterView {
  const ix = clusterIndex(cluster);
  const gateways = gatewaySummary(cluster);
  const proxyOf = new Map(gateways.flatMap((g) => g.proxyPods.map((p) => [p, `${g.namespace}/${g.name}`])));
  const deployments = new Set(cluster.deployments.map((d) => nsName(d)));
  const pods: PodView[] = cluster.pods.map((p) => {
    const ns = p.metadata.namespace ?? 'default';
    const name = p.metadata.name ?? '';
    const key = `Pod/${ns}/${name}`;
    return {
      id: `pod/${ns}/${name}`,
      key,
      namespace: ns,
      name,
      ip: p.status?.podIP ?? '',
      // The worker's slim copy keeps podIPs only when there are two (a single-stack pod has its podIP).
      ips: p.status?.podIPs?.length
        ? p.status.podIPs.map((x) => x.ip).filter(Boolean)
        : p.status?.podIP
          ? [p.status.podIP]
          : [],
      node: p.spec.nodeName ?? '',
      ready: ix.ready(p),
      terminating: !!p.metadata.deletionTimestamp,
      system: ix.isSystem(key),
      ingressController: isIngressControllerPod(p),
      gateway: proxyOf.get(`pod/${ns}/${name}`) ?? null,
      workload: workloadOf(p, deployments),
    };
  });
  const nodes: NodeView[] = cluster.nodes.map((n) => {
    const name = n.metadata.name ?? '';
    const info = ix.node(name);
    return {
      id: `node/${name}`,
      name,
      ip: info?.ip ?? '',
      ip6: info?.ip6 ?? '',
      zone: info?.zone ?? '',
      // kube-proxy's own pod on the node is drawn as the node's kube-proxy box, not as a pod row.
      pods: pods.filter((p) => p.node === name && !isKubeProxyPod(p)),
    };
  });
  const services: ServiceView[] = cluster.services.map((s) => {
    const ns = s.metadata.namespace ?? 'default';
    const key = `Service/${ns}/${s.metadata.name ?? ''}`;
    return {
      id: key,
      namespace: ns,
      name: s.metadata.name ?? '',
      type: s.spec.type ?? 'ClusterIP',
      clusterIP: s.spec.clusterIP ?? '',
      clusterIPs: s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : []),
      ports: portLabel(s),
      externalIPs: (s.status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip ?? i.hostname ?? '')
        .filter(Boolean),
      externalName: s.spec.externalName ?? null,
      endpoints: endpointsOf(ix, s),
      system: ix.isSystem(key),
    };
  });
  const zones = [...new Set(nodes.map((n) => n.zone))].sort();
  return {
    nodes,
    zones,
    services,
    pods,
    proxyMode: cluster.config.proxy.mode,
    proxyDown: cluster.config.proxy.startError !== undefined,
    gateways,
    ingresses: ingressSummary(cluster),
    ingressControllers: pods.filter((p) => p.ingressController).map((p) => p.id),
  };
}
