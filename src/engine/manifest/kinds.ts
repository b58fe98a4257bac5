/**
 * The kinds svclab simulates, with the apiVersions a 1.36 API server (or kubeadm / kube-proxy config
 * loader) accepts for them, and whether they live in a namespace. Anything else is reported as `info`
 * and ignored, as a real cluster would store it but nothing in svclab's data path reads it.
 *
 * @example
 * supportedKind('Service'); // { kind: 'Service', apiVersions: ['v1'], namespaced: true, config: false }
 */
import { SERVED_CRDS } from './crd/served';

export interface KindInfo {
  kind: string; // "Service"
  apiVersions: string[]; // ["v1"]
  namespaced: boolean;
  /** A configuration file kind (kubeadm, kube-proxy): not an API object, metadata.name is optional. */
  config: boolean;
  /** Served by a CustomResourceDefinition (the Gateway API): admitted by manifest/crd/. */
  crd?: boolean;
}

const KINDS: KindInfo[] = [
  { kind: 'Service', apiVersions: ['v1'], namespaced: true, config: false },
  { kind: 'Endpoints', apiVersions: ['v1'], namespaced: true, config: false },
  { kind: 'Pod', apiVersions: ['v1'], namespaced: true, config: false },
  { kind: 'Node', apiVersions: ['v1'], namespaced: false, config: false },
  { kind: 'Namespace', apiVersions: ['v1'], namespaced: false, config: false },
  { kind: 'Secret', apiVersions: ['v1'], namespaced: true, config: false },
  { kind: 'ConfigMap', apiVersions: ['v1'], namespaced: true, config: false },
  { kind: 'EndpointSlice', apiVersions: ['discovery.k8s.io/v1'], namespaced: true, config: false },
  { kind: 'Ingress', apiVersions: ['networking.k8s.io/v1'], namespaced: true, config: false },
  { kind: 'IngressClass', apiVersions: ['networking.k8s.io/v1'], namespaced: false, config: false },
  { kind: 'ServiceCIDR', apiVersions: ['networking.k8s.io/v1'], namespaced: false, config: false },
  { kind: 'Deployment', apiVersions: ['apps/v1'], namespaced: true, config: false },
  { kind: 'ReplicaSet', apiVersions: ['apps/v1'], namespaced: true, config: false },
  { kind: 'StatefulSet', apiVersions: ['apps/v1'], namespaced: true, config: false },
  { kind: 'DaemonSet', apiVersions: ['apps/v1'], namespaced: true, config: false },
  { kind: 'Job', apiVersions: ['batch/v1'], namespaced: true, config: false },
  { kind: 'CronJob', apiVersions: ['batch/v1'], namespaced: true, config: false },
  { kind: 'HorizontalPodAutoscaler', apiVersions: ['autoscaling/v2'], namespaced: true, config: false },
  { kind: 'PriorityClass', apiVersions: ['scheduling.k8s.io/v1'], namespaced: false, config: false },
  {
    kind: 'ClusterConfiguration',
    apiVersions: ['kubeadm.k8s.io/v1beta4', 'kubeadm.k8s.io/v1beta3'],
    namespaced: false,
    config: true,
  },
  {
    kind: 'KubeProxyConfiguration',
    apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
    namespaced: false,
    config: true,
  },
  // svclab's own kind: faults at instants of the scene's clock (manifest/timeline.ts).
  { kind: 'Timeline', apiVersions: ['svclab.io/v1alpha1'], namespaced: false, config: true },
];

// The installed CRDs' kinds (Gateway API), with every version they serve.
for (const c of SERVED_CRDS)
  KINDS.push({
    kind: c.kind,
    apiVersions: c.versions.map((v) => `${c.group}/${v}`),
    namespaced: c.namespaced,
    config: false,
    crd: true,
  });

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

/** The kinds svclab simulates, in a stable order. */
export const SUPPORTED_KINDS: readonly KindInfo[] = KINDS;

/**
 * What svclab knows about a kind, or undefined when it does not simulate it.
 *
 * @example
 * supportedKind('PodDisruptionBudget'); // undefined
 */
export function supportedKind(kind: string): KindInfo | undefined {
  return BY_KIND.get(kind);
}
