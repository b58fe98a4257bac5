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
import { defaultClaimSpec, defaultPodSpec } from './defaults-pod';
import { defaultPodRequests } from './defaults-resources';
import {
  canonicalClaimTemplates,
  canonicalHpaQuantities,
  canonicalNodeQuantities,
} from './canonical-quantities';

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

/**
 * SetDefaults_StatefulSet (apps/v1): OrderedReady, RollingUpdate with partition 0, Retain/Retain. Unlike
 * a Deployment's or a DaemonSet's, the rollingUpdate block is made only when the type was left out: a
 * StatefulSet that says `type: RollingUpdate` alone keeps no rollingUpdate (and so no partition).
 */
function defaultStatefulSet(obj: Obj): void {
  if (!isObj(obj.spec)) return;
  const spec = obj.spec;
  if (empty(spec.podManagementPolicy)) spec.podManagementPolicy = 'OrderedReady';
  if (!isObj(spec.updateStrategy)) spec.updateStrategy = {};
  const strategy = spec.updateStrategy as Obj;
  if (empty(strategy.type)) {
    strategy.type = 'RollingUpdate';
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
  }
  if (strategy.type === 'RollingUpdate' && isObj(strategy.rollingUpdate))
    strategy.rollingUpdate.partition ??= 0;
  if (!isObj(spec.persistentVolumeClaimRetentionPolicy)) spec.persistentVolumeClaimRetentionPolicy = {};
  const retention = spec.persistentVolumeClaimRetentionPolicy as Obj;
  if (empty(retention.whenDeleted)) retention.whenDeleted = 'Retain';
  if (empty(retention.whenScaled)) retention.whenScaled = 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  if (isObj(spec.template)) defaultPodSpec(spec.template.spec);
  // Each claim template is a PersistentVolumeClaim: SetDefaults_PersistentVolumeClaim (status.phase
  // Pending) and SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem) reach it.
  for (const claim of objects(spec.volumeClaimTemplates)) {
    defaultClaimSpec(claim.spec);
    if (!isObj(claim.status)) claim.status = {};
    const status = claim.status as Obj;
    if (empty(status.phase)) status.phase = 'Pending';
  }
  canonicalClaimTemplates(spec);
}

/** SetDefaults_DaemonSet (apps/v1): RollingUpdate, maxUnavailable 1, maxSurge 0. */
function defaultDaemonSet(obj: Obj): void {
  if (!isObj(obj.spec)) return;
  const spec = obj.spec;
  if (!isObj(spec.updateStrategy)) spec.updateStrategy = {};
  const strategy = spec.updateStrategy as Obj;
  if (empty(strategy.type)) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    const ru = strategy.rollingUpdate as Obj;
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  if (isObj(spec.template)) defaultPodSpec(spec.template.spec);
}

/**
 * SetDefaults_PodFailurePolicyOnPodConditionsPattern (batch/v1): a pattern without a status matches
 * status True. A type's defaulter, so it reaches a CronJob's job template too.
 */
function defaultPodFailurePolicy(policy: unknown): void {
  if (!isObj(policy)) return;
  for (const rule of objects(policy.rules))
    for (const pattern of objects(rule.onPodConditions)) if (empty(pattern.status)) pattern.status = 'True';
}

/**
 * SetDefaults_Job (batch/v1): completions and parallelism 1 when both are unset (a work queue keeps
 * completions unset), backoffLimit 6, NonIndexed, not suspended, manualSelector false, pods replaced
 * once terminating or failed, and a pod failure policy's onPodConditions patterns without a status match
 * status True. Its last rule, a Job without labels takes its template's, is applied with the generated
 * selector (cluster/job.ts generateJobSelector), whose labels the stored Job shows too.
 */
function defaultJob(obj: Obj): void {
  if (!isObj(obj.spec)) return;
  const spec = obj.spec;
  const unset = (v: unknown): boolean => v === undefined || v === null;
  if (unset(spec.completions) && unset(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (unset(spec.parallelism)) spec.parallelism = 1;
  if (unset(spec.backoffLimit)) spec.backoffLimit = unset(spec.backoffLimitPerIndex) ? 6 : 2147483647;
  if (empty(spec.completionMode)) spec.completionMode = 'NonIndexed';
  spec.suspend ??= false;
  if (empty(spec.podReplacementPolicy))
    spec.podReplacementPolicy = isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodFailurePolicy(spec.podFailurePolicy);
  if (isObj(spec.template)) defaultPodSpec(spec.template.spec);
}

/**
 * SetDefaults_CronJob (batch/v1): concurrencyPolicy Allow, not suspended, history limits 3 and 1. The
 * job template's Job fields are not defaulted (SetDefaults_Job is for Jobs: the Jobs made from it get
 * them on create); its pod template is (SetDefaults_PodSpec).
 */
function defaultCronJob(obj: Obj): void {
  if (!isObj(obj.spec)) return;
  const spec = obj.spec;
  if (empty(spec.concurrencyPolicy)) spec.concurrencyPolicy = 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobSpec = isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined;
  if (jobSpec) defaultPodFailurePolicy(jobSpec.podFailurePolicy);
  if (jobSpec && isObj(jobSpec.template)) defaultPodSpec(jobSpec.template.spec);
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): minReplicas 1, CPU at 80 % utilization. */
function defaultHorizontalPodAutoscaler(obj: Obj): void {
  if (!isObj(obj.spec)) return;
  const spec = obj.spec;
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0)
    spec.metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ];
  canonicalHpaQuantities(obj);
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
      defaultPodSpec(obj.spec);
      return defaultPodRequests(obj.spec);
    case 'Deployment':
      return defaultWorkload(obj, true);
    case 'ReplicaSet':
      return defaultWorkload(obj, false);
    case 'StatefulSet':
      return defaultStatefulSet(obj);
    case 'DaemonSet':
      return defaultDaemonSet(obj);
    case 'Job':
      return defaultJob(obj);
    case 'CronJob':
      return defaultCronJob(obj);
    case 'HorizontalPodAutoscaler':
      return defaultHorizontalPodAutoscaler(obj);
    case 'Node':
      // SetDefaults_NodeStatus (core/v1): a node that reports no allocatable has its capacity allocatable.
      if (isObj(obj.status) && isObj(obj.status.capacity) && (obj.status.allocatable ?? null) === null)
        obj.status.allocatable = { ...obj.status.capacity };
      return canonicalNodeQuantities(obj);
    case 'Endpoints':
      for (const s of objects(obj.subsets)) defaultEndpointPorts(s.ports, false);
      return;
    case 'EndpointSlice':
      return defaultEndpointPorts(obj.ports, true);
    case 'Secret':
      if (empty(obj.type)) obj.type = 'Opaque';
      return;
    case 'PriorityClass':
      // SetDefaults_PriorityClass (scheduling/v1).
      if (obj.preemptionPolicy === undefined) obj.preemptionPolicy = 'PreemptLowerPriority';
      return;
    case 'IngressClass': {
      // SetDefaults_IngressClass (networking/v1): parameters without a scope refer to a cluster-scoped object.
      const params = (obj.spec as Obj | undefined)?.parameters;
      if (
        typeof params === 'object' &&
        params !== null &&
        !Array.isArray(params) &&
        empty((params as Obj).scope)
      )
        (params as Obj).scope = 'Cluster';
      return;
    }
    case 'Namespace': {
      // The NamespaceDefaultLabelName admission: every namespace carries its own name as a label.
      const meta = obj.metadata as Obj;
      const labels = typeof meta.labels === 'object' && meta.labels !== null ? (meta.labels as Obj) : {};
      meta.labels = { ...labels, 'kubernetes.io/metadata.name': meta.name };
      // The namespace strategy's PrepareForCreate (registry/core/namespace/strategy.go): the `kubernetes`
      // finalizer is added when missing, and the status is Active whatever was written
      // (SetDefaults_NamespaceStatus defaults an empty phase to Active too).
      if (!isObj(obj.spec)) obj.spec = {};
      const spec = obj.spec as Obj;
      const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers : [];
      spec.finalizers = finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'];
      obj.status = { phase: 'Active' };
      return;
    }
    default:
      return;
  }
}
