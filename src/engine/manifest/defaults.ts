/**
 * Stateless defaulting, as the API server's SetDefaults_* functions (pkg/apis/core/v1/defaults.go,
 * apps/v1, discovery/v1) and the Service strategy's PrepareForCreate do BEFORE validation.
 * Allocation (clusterIP, nodePorts, healthCheckNodePort, LoadBalancer IPs) is the registry's, not here.
 *
 * @example
 * const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } };
 * applyDefaults(svc);
 * svc.spec; // { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', type: 'ClusterIP',
 *           //   internalTrafficPolicy: 'Cluster' } (ipFamilyPolicy and ipFamilies come from the registry)
 */
import { defaultPodSpec } from './defaults-pod';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const empty = (v: unknown): boolean => v === undefined || v === null || v === '';

/** DefaultClientIPServiceAffinitySeconds (pkg/apis/core/types.go). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/**
 * service.ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with externalIPs.
 *
 * @example
 * externallyAccessible({ type: 'ClusterIP', externalIPs: ['192.0.2.1'] }); // true
 */
export function externallyAccessible(spec: Obj): boolean {
  return (
    spec.type === 'LoadBalancer' ||
    spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  );
}

function defaultService(obj: Obj): void {
  if (!isObj(obj.spec)) obj.spec = {};
  const spec = obj.spec as Obj;
  if (empty(spec.sessionAffinity)) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const clientIP = isObj(cfg) ? cfg.clientIP : undefined;
    if (!isObj(clientIP) || clientIP.timeoutSeconds === undefined || clientIP.timeoutSeconds === null)
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (empty(spec.type)) spec.type = 'ClusterIP';
  for (const p of objects(spec.ports)) {
    if (empty(p.protocol)) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '')
      p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && empty(spec.externalTrafficPolicy)) spec.externalTrafficPolicy = 'Cluster';
  if (
    (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) &&
    (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')
  )
    spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts ?? null) === null)
    spec.allocateLoadBalancerNodePorts = true;
  // LoadBalancerIPMode (GA in 1.32): an ingress IP without ipMode is a VIP.
  if (spec.type === 'LoadBalancer' && isObj(obj.status) && isObj(obj.status.loadBalancer))
    for (const ing of objects(obj.status.loadBalancer.ingress))
      if (!empty(ing.ip) && empty(ing.ipMode)) ing.ipMode = 'VIP';
  // PrepareForCreate (normalizeClusterIPs): clusterIP and clusterIPs[0] mirror each other.
  const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (ips.length === 0 && !empty(spec.clusterIP)) spec.clusterIPs = [spec.clusterIP];
  else if (ips.length > 0 && empty(spec.clusterIP)) spec.clusterIP = ips[0];
  // ipFamilyPolicy and ipFamilies are not defaults: the registry fills them knowing the cluster's IP
  // families (cluster/ip-families.ts, alloc.go initIPFamilyFields).
}

function defaultWorkload(obj: Obj, deployment: boolean): void {
  if (!isObj(obj.spec)) return;
  const spec = obj.spec;
  spec.replicas ??= 1;
  if (deployment) {
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    if (!isObj(spec.strategy)) spec.strategy = {};
    const strategy = spec.strategy as Obj;
    if (empty(strategy.type)) strategy.type = 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') {
      if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
      const ru = strategy.rollingUpdate as Obj;
      ru.maxUnavailable ??= '25%';
      ru.maxSurge ??= '25%';
    }
  }
  if (isObj(spec.template)) defaultPodSpec(spec.template.spec);
}

function defaultEndpointPorts(ports: unknown, sliceStyle: boolean): void {
  for (const p of objects(ports)) {
    if (empty(p.protocol)) p.protocol = 'TCP';
    // discovery/v1 SetDefaults_EndpointPort also defaults a nil name to "".
    if (sliceStyle && (p.name === undefined || p.name === null)) p.name = '';
  }
}

/**
 * Fills the defaults of one object in place (the object must already be a copy the caller owns).
 *
 * @example
 * const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { spec: { containers: [] } } } };
 * applyDefaults(rs); rs.spec.replicas; // 1
 */
export function applyDefaults(obj: Obj): void {
  switch (obj.kind) {
    case 'Service':
      return defaultService(obj);
    case 'Pod':
      return defaultPodSpec(obj.spec);
    case 'Deployment':
      return defaultWorkload(obj, true);
    case 'ReplicaSet':
      return defaultWorkload(obj, false);
    case 'Endpoints':
      for (const s of objects(obj.subsets)) defaultEndpointPorts(s.ports, false);
      return;
    case 'EndpointSlice':
      return defaultEndpointPorts(obj.ports, true);
    case 'Secret':
      if (empty(obj.type)) obj.type = 'Opaque';
      return;
    case 'Namespace': {
      // The NamespaceDefaultLabelName admission: every namespace carries its own name as a label.
      const meta = obj.metadata as Obj;
      const labels = typeof meta.labels === 'object' && meta.labels !== null ? (meta.labels as Obj) : {};
      meta.labels = { ...labels, 'kubernetes.io/metadata.name': meta.name };
      return;
    }
    default:
      return;
  }
}
