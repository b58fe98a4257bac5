/**
 * The cluster as a real API server and its controllers would hold it after the user's YAML is applied:
 * defaults filled, IPs and ports allocated, pods made by their ReplicaSets, Endpoints and EndpointSlices
 * made by the controllers, plus the system objects every cluster has (kube-dns, CoreDNS, the ingress
 * controller) unless the user defined their own. This is data; the data plane reads it.
 */
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  CronJob,
  EndpointSlice,
  Endpoints,
  Ingress,
  IngressClass,
  ServiceCIDR,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PriorityClass,
  ReplicaSet,
  Secret,
  Service,
  StatefulSet,
} from '../k8s/objects';
import type { Gateway, GatewayClass, GRPCRoute, HTTPRoute, ReferenceGrant } from '../k8s/gateway-api';
import type { IPFamily } from '../net/ip6';

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

/** Cluster-wide settings, from ClusterConfiguration / KubeProxyConfiguration or their defaults. */
export interface ClusterConfig {
  /**
   * The family of kubeadm's first serviceSubnet: the cluster's primary family (see cluster/families.ts,
   * the one place that reads the fields below by family).
   */
  primaryFamily: IPFamily; // "IPv4"
  /** The IPv4 service CIDR ('' on an IPv6-only cluster). */
  serviceSubnet: string; // "10.96.0.0/12"
  /** The IPv4 pod CIDR ('' on an IPv6-only cluster). */
  podSubnet: string; // "10.244.0.0/16"
  /** The IPv6 service CIDR of a dual-stack cluster (kubeadm's second, comma-separated serviceSubnet). */
  serviceSubnetV6?: string; // "fd00:10:96::/112"
  /** The IPv6 pod CIDR of a dual-stack cluster: nodes get a /64 of it and pods an IPv6 address. */
  podSubnetV6?: string; // "fd00:10:244::/56"
  dnsDomain: string; // "cluster.local"
  nodePortRange: { min: number; max: number }; // 30000-32767
  proxy: {
    mode: ProxyMode; // "iptables"
    ipvsScheduler: string; // "rr"
    clusterCIDR: string; // "10.244.0.0/16" (defaults to podSubnet)
    /** The IPv6 clusterCIDR the IPv6 proxier uses (defaults to podSubnetV6). */
    clusterCIDRV6?: string;
    masqueradeAll: boolean;
    nodePortAddresses: string[]; // [] = all node addresses
    localhostNodePorts: boolean; // true (iptables default)
    /**
     * kube-proxy's startup error when the scene's KubeProxyConfiguration fails its validation
     * ("failed validate: …"): kube-proxy exits and its pod crash-loops, so no node gets its rules.
     */
    startError?: string;
  };
  /** The simulated cloud's pool for LoadBalancer ingress IPs. */
  loadBalancerPool: string; // "198.51.100.0/24"
  /** Its pool for IPv6 ingress addresses (IPv6-only and dual-stack Services; 2001:db8::/32 is documentation space). */
  loadBalancerPoolV6?: string; // "2001:db8:198:51::/120"
  /** The address an external client has unless the request names another. */
  externalClientIP: string; // "203.0.113.10"
  /** The simulated upstream DNS the cluster's CoreDNS forwards to. */
  upstreamDNS: string; // "192.0.2.53"
}

export const DEFAULT_CONFIG: ClusterConfig = {
  primaryFamily: 'IPv4',
  serviceSubnet: '10.96.0.0/12',
  podSubnet: '10.244.0.0/16',
  dnsDomain: 'cluster.local',
  nodePortRange: { min: 30000, max: 32767 },
  proxy: {
    mode: 'iptables',
    ipvsScheduler: 'rr',
    clusterCIDR: '10.244.0.0/16',
    masqueradeAll: false,
    nodePortAddresses: [],
    localhostNodePorts: true,
  },
  loadBalancerPool: '198.51.100.0/24',
  loadBalancerPoolV6: '2001:db8:198:51::/120',
  externalClientIP: '203.0.113.10',
  upstreamDNS: '192.0.2.53',
};

/** Where an object came from: the user's YAML (file + document), or the simulated cluster itself. */
export interface ObjectOrigin {
  /** "user": written in the YAML; "controller": made by a controller (ReplicaSet → Pod, Endpoints…);
   *  "system": a component every cluster has (kube-dns, CoreDNS, ingress-nginx). */
  by: 'user' | 'controller' | 'system';
  file?: string; // "scene.yaml"
  docIndex?: number; // 0-based document index in that file
  /** 1-based line range of the document in the file. */
  startLine?: number;
  endLine?: number;
  /** For controller-made objects: the object that caused it, "Deployment/default/web". */
  owner?: string;
  /** Creation order (document order is apply order). Lower is older. */
  order: number;
  /**
   * The `kubectl apply` that created a user's object: 1 for the first file, 2 for the next (each `-f FILE`
   * and each file of a scene is one apply); absent for the system's objects, which exist before any apply.
   * Re-applying an object in a later file does not change it.
   */
  apply?: number;
}

/** "Kind/namespace/name" ("Node//node-1" for cluster-scoped kinds). */
export type ObjectKey = string;

export function objectKey(o: Pick<KubeObject, 'kind' | 'metadata'>): ObjectKey {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

export interface ClusterState {
  config: ClusterConfig;
  nodes: Node[];
  namespaces: Namespace[];
  deployments: Deployment[];
  replicaSets: ReplicaSet[];
  statefulSets: StatefulSet[];
  daemonSets: DaemonSet[];
  jobs: Job[];
  cronJobs: CronJob[];
  horizontalPodAutoscalers: HorizontalPodAutoscaler[];
  /**
   * Pods in creation order. Read-only once the cluster is built: pods share parts with each other (the
   * pods of one ReplicaSet share labels, annotations, ownerReferences and containers; ready pods share
   * their conditions and containerStatuses; pods on one node share hostIPs), and the shared parts are
   * frozen. To change a pod, change the YAML and build again.
   */
  pods: Pod[];
  services: Service[];
  endpoints: Endpoints[];
  endpointSlices: EndpointSlice[];
  ingresses: Ingress[];
  ingressClasses: IngressClass[];
  /** networking.k8s.io/v1 ServiceCIDRs: the API server's `kubernetes` first, then the scene's. */
  serviceCIDRs: ServiceCIDR[];
  secrets: Secret[];
  configMaps: ConfigMap[];
  /** scheduling.k8s.io/v1 PriorityClasses: the API server's two system classes, then the scene's. */
  priorityClasses: PriorityClass[];
  /** Gateway API objects (CRDs), in creation order; their status is written by the Gateway controller. */
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: HTTPRoute[];
  grpcRoutes: GRPCRoute[];
  referenceGrants: ReferenceGrant[];
  /** Where each object came from, keyed by objectKey. */
  origins: Map<ObjectKey, ObjectOrigin>;
  /**
   * What a Timeline's faults have stopped at this instant (src/engine/timeline/): the data path drops
   * packets to a stopped node and its pods, and a crashed container's pod refuses connections.
   */
  faults?: ClusterFaults;
}

export interface ClusterFaults {
  /** Nodes that are down or cut off ("node-2"). */
  stoppedNodes: string[];
  /** Pods whose containers are not running ("default/web-abc"). */
  crashedPods: string[];
}

export function emptyCluster(config: ClusterConfig = DEFAULT_CONFIG): ClusterState {
  return {
    config,
    nodes: [],
    namespaces: [],
    deployments: [],
    replicaSets: [],
    statefulSets: [],
    daemonSets: [],
    jobs: [],
    cronJobs: [],
    horizontalPodAutoscalers: [],
    pods: [],
    services: [],
    endpoints: [],
    endpointSlices: [],
    ingresses: [],
    ingressClasses: [],
    serviceCIDRs: [],
    secrets: [],
    configMaps: [],
    priorityClasses: [],
    gatewayClasses: [],
    gateways: [],
    httpRoutes: [],
    grpcRoutes: [],
    referenceGrants: [],
    origins: new Map(),
  };
}
