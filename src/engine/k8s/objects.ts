/**
 * The subset of Kubernetes API objects svclab reads and writes, typed as the API server stores them
 * (Kubernetes 1.36, core/v1, discovery/v1, networking/v1, apps/v1). Fields svclab does not use are
 * still kept in the objects (they are plain JSON); these types only name the ones the engine reads.
 *
 * @example
 * const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
 *   spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } };
 */

export interface ObjectMeta {
  name?: string; // "web"
  generateName?: string; // "web-7c9d8-"
  namespace?: string; // "default"
  uid?: string; // "3f1c…" (deterministic in svclab)
  labels?: Record<string, string>; // { app: "web" }
  annotations?: Record<string, string>;
  creationTimestamp?: string; // "2026-01-01T00:00:00Z" (simulated clock)
  deletionTimestamp?: string; // set when the pod is terminating
  ownerReferences?: OwnerReference[];
  resourceVersion?: string;
  generation?: number; // 1 when created (set by the API server for objects with a spec, custom resources)
  [extra: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeObject {
  apiVersion: string; // "v1"
  kind: string; // "Service"
  metadata: ObjectMeta;
  [extra: string]: unknown;
}

export type IntOrString = number | string;

// ── core/v1 Service ──────────────────────────────────────────────────────────────────────────────

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type TrafficPolicy = 'Cluster' | 'Local';

export interface ServicePort {
  name?: string; // "http"
  protocol?: Protocol; // "TCP" (defaulted)
  appProtocol?: string;
  port: number; // 80
  targetPort?: IntOrString; // 8080 or "http" (defaulted to port)
  nodePort?: number; // 30080 (allocated for NodePort/LoadBalancer)
}

export interface ServiceSpec {
  type?: ServiceType;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string; // "10.96.0.42" or "None"
  clusterIPs?: string[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  externalIPs?: string[];
  externalName?: string;
  externalTrafficPolicy?: TrafficPolicy;
  internalTrafficPolicy?: TrafficPolicy;
  healthCheckNodePort?: number;
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  loadBalancerClass?: string;
  allocateLoadBalancerNodePorts?: boolean;
  sessionAffinity?: 'None' | 'ClientIP';
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  publishNotReadyAddresses?: boolean;
  trafficDistribution?: string;
}

export interface LoadBalancerIngress {
  ip?: string; // "198.51.100.10"
  hostname?: string;
  ipMode?: 'VIP' | 'Proxy';
  ports?: { port: number; protocol: Protocol; error?: string }[];
}

export interface Service extends KubeObject {
  kind: 'Service';
  spec: ServiceSpec;
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

// ── core/v1 Endpoints, discovery/v1 EndpointSlice ────────────────────────────────────────────────

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: Protocol;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints extends KubeObject {
  kind: 'Endpoints';
  subsets?: EndpointSubset[];
}

export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions?: EndpointConditions;
  hostname?: string;
  targetRef?: ObjectReference;
  nodeName?: string;
  zone?: string;
  hints?: { forZones?: { name: string }[]; forNodes?: { name: string }[] };
}

export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints?: SliceEndpoint[];
  ports?: EndpointPort[];
}

// ── core/v1 Pod, apps/v1 workloads ───────────────────────────────────────────────────────────────

export interface ContainerPort {
  name?: string; // "http"
  containerPort: number; // 8080
  protocol?: Protocol;
  hostPort?: number;
  hostIP?: string;
}

export interface Probe {
  httpGet?: { path?: string; port: IntOrString; host?: string; scheme?: string };
  tcpSocket?: { port: IntOrString; host?: string };
  grpc?: { port: number };
  exec?: { command?: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: unknown[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  restartPolicy?: string; // "Always" for sidecar init containers
  args?: string[];
  command?: string[];
}

export interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name: string; value?: string }[];
}

/** A pod volume: its name and one source (emptyDir, configMap, persistentVolumeClaim, …). */
export interface Volume {
  name: string;
  [source: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  nodeName?: string;
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  dnsConfig?: PodDNSConfig;
  enableServiceLinks?: boolean;
  nodeSelector?: Record<string, string>;
  restartPolicy?: string;
  affinity?: Affinity;
  tolerations?: Toleration[];
  terminationGracePeriodSeconds?: number; // 30
  priorityClassName?: string; // "system-node-critical"
  /** Set by the Priority admission plugin when the pod is created. */
  priority?: number; // 0
  preemptionPolicy?: string; // "PreemptLowerPriority"
}

export interface NodeSelectorRequirement {
  key: string; // "kubernetes.io/os", or "metadata.name" in matchFields
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
  };
}

export interface Toleration {
  key?: string; // "node-role.kubernetes.io/control-plane"
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | '';
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string; // "2026-01-01T00:01:00Z": set by the node lifecycle controller on NoExecute taints
}

export interface PodCondition {
  type: string; // "Ready"
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface PodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  podIP?: string; // "10.244.1.5"
  podIPs?: { ip: string }[];
  hostIP?: string; // "192.168.49.3"
  hostIPs?: { ip: string }[];
  conditions?: PodCondition[];
  startTime?: string;
}

export interface Pod extends KubeObject {
  kind: 'Pod';
  spec: PodSpec;
  status?: PodStatus;
}

export interface PodTemplate {
  metadata?: ObjectMeta;
  spec: PodSpec;
}

export interface Deployment extends KubeObject {
  kind: 'Deployment';
  spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template: PodTemplate };
}

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet';
  spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template: PodTemplate };
}

export interface StatefulSet extends KubeObject {
  kind: 'StatefulSet';
  spec: {
    replicas?: number;
    serviceName?: string; // "cassandra": the headless Service that gives each pod its DNS name
    podManagementPolicy?: 'OrderedReady' | 'Parallel';
    ordinals?: { start?: number };
    selector?: { matchLabels?: Record<string, string> };
    template: PodTemplate;
  };
}

export interface DaemonSet extends KubeObject {
  kind: 'DaemonSet';
  spec: { selector?: { matchLabels?: Record<string, string> }; template: PodTemplate };
}

export interface Job extends KubeObject {
  kind: 'Job';
  spec: {
    parallelism?: number;
    completions?: number | null;
    completionMode?: 'NonIndexed' | 'Indexed';
    suspend?: boolean;
    manualSelector?: boolean;
    selector?: { matchLabels?: Record<string, string> };
    template: PodTemplate;
  };
}

export interface CronJob extends KubeObject {
  kind: 'CronJob';
  spec: {
    schedule: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    suspend?: boolean;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec: Job['spec'];
    };
  };
}

export interface HorizontalPodAutoscaler extends KubeObject {
  kind: 'HorizontalPodAutoscaler';
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: unknown[];
  };
}

// ── core/v1 Node, Namespace, Secret, ConfigMap ───────────────────────────────────────────────────

export interface NodeAddress {
  type: 'InternalIP' | 'ExternalIP' | 'Hostname' | 'InternalDNS' | 'ExternalDNS';
  address: string;
}

export interface Node extends KubeObject {
  kind: 'Node';
  spec?: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; taints?: Taint[] };
  status?: { addresses?: NodeAddress[]; conditions?: PodCondition[] };
}

export interface Namespace extends KubeObject {
  kind: 'Namespace';
}

export interface Secret extends KubeObject {
  kind: 'Secret';
  type?: string; // "kubernetes.io/tls"
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
}

// ── networking/v1 Ingress, IngressClass ──────────────────────────────────────────────────────────

export interface IngressServiceBackend {
  name: string;
  port?: { number?: number; name?: string };
}

export interface IngressBackend {
  service?: IngressServiceBackend;
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface HTTPIngressPath {
  path?: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackend;
}

export interface IngressRule {
  host?: string;
  http?: { paths: HTTPIngressPath[] };
}

export interface Ingress extends KubeObject {
  kind: 'Ingress';
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: IngressRule[];
  };
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

export interface IngressClass extends KubeObject {
  kind: 'IngressClass';
  spec?: { controller?: string; parameters?: unknown };
}

/** networking.k8s.io/v1 ServiceCIDR (GA in 1.33): a range ClusterIPs are allocated from. */
export interface ServiceCIDR extends KubeObject {
  kind: 'ServiceCIDR';
  spec?: { cidrs?: string[] };
  status?: {
    conditions?: {
      type: string;
      status: string;
      reason: string;
      message: string;
      lastTransitionTime: string;
    }[];
  };
}

/**
 * scheduling.k8s.io/v1 PriorityClass: a name for a pod priority (cluster-scoped, no spec). The API server
 * makes system-cluster-critical and system-node-critical at start; the Priority admission plugin copies a
 * class's value and preemptionPolicy into each pod that names it (cluster/priority.ts).
 */
export interface PriorityClass extends KubeObject {
  kind: 'PriorityClass';
  value?: number; // 1000000
  globalDefault?: boolean;
  /** Defaulted to PreemptLowerPriority (SetDefaults_PriorityClass). */
  preemptionPolicy?: string; // "Never"
  description?: string;
}

/** networking.k8s.io/v1 IPAddress: one allocated ClusterIP, named by the address, owned by its Service. */
export interface IPAddress extends KubeObject {
  kind: 'IPAddress';
  spec: { parentRef: { group?: string; resource: string; namespace?: string; name: string } };
}

// ── configuration kinds (kubeadm, kube-proxy) ────────────────────────────────────────────────────

export interface ClusterConfiguration extends KubeObject {
  kind: 'ClusterConfiguration';
  networking?: { serviceSubnet?: string; podSubnet?: string; dnsDomain?: string };
  apiServer?: { extraArgs?: unknown };
}

export interface KubeProxyConfiguration extends KubeObject {
  kind: 'KubeProxyConfiguration';
  mode?: '' | 'iptables' | 'ipvs' | 'nftables';
  clusterCIDR?: string;
  ipvs?: { scheduler?: string; strictARP?: boolean };
  iptables?: { masqueradeAll?: boolean; localhostNodePorts?: boolean };
  nftables?: { masqueradeAll?: boolean };
  nodePortAddresses?: string[];
}
