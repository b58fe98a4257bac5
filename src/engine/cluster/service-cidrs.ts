/**
 * ServiceCIDR and IPAddress (networking.k8s.io/v1, GA in 1.33; MultiCIDRServiceAllocator). The API server
 * keeps a ServiceCIDR named `kubernetes` made from its --service-cluster-ip-range (kubeadm's serviceSubnet,
 * one CIDR per family, the primary first: pkg/controlplane/controller/defaultservicecidr); the ServiceCIDR
 * controller (pkg/controller/servicecidrs) puts its finalizer on every ServiceCIDR and marks it Ready; and
 * the ClusterIP allocator records each address it hands out as an IPAddress named by the address, whose
 * parentRef is the Service (pkg/registry/core/service/ipallocator: createIPAddress, serviceToRef).
 *
 * @example
 * defaultServiceCIDR(DEFAULT_CONFIG).spec.cidrs; // ["10.96.0.0/12"]
 * ipAddressesOf(cluster).map((a) => a.metadata.name); // ["10.96.0.1", "10.96.0.10", …]
 */
import type { IPAddress, ServiceCIDR } from '../k8s/objects';
import { isIPv6 } from '../net/ip';
import { clusterFamilies, serviceSubnetOf } from './families';
import { uidFor } from './hash';
import type { ClusterConfig, ClusterState } from './state';

export const DEFAULT_SERVICE_CIDR = 'kubernetes';
const FINALIZER = 'networking.k8s.io/service-cidr-finalizer';

/** The API server's default ServiceCIDR, before the controller's finalizer and status. */
export function defaultServiceCIDR(config: ClusterConfig): ServiceCIDR {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'ServiceCIDR',
    metadata: { name: DEFAULT_SERVICE_CIDR },
    spec: { cidrs: clusterFamilies(config).map((f) => serviceSubnetOf(config, f)!) },
  };
}

/**
 * The ServiceCIDR controller's work on each one (syncServiceCIDR): the protection finalizer and the
 * condition Ready=True, "Kubernetes Service CIDR is ready", with no reason.
 */
export function markServiceCIDRsReady(cidrs: ServiceCIDR[]): void {
  for (const c of cidrs) {
    const finalizers = (c.metadata.finalizers as string[] | undefined) ?? [];
    if (!finalizers.includes(FINALIZER)) c.metadata.finalizers = [...finalizers, FINALIZER];
    c.status = {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastTransitionTime: c.metadata.creationTimestamp ?? '',
          reason: '',
          message: 'Kubernetes Service CIDR is ready',
        },
      ],
    };
  }
}

const made = new WeakMap<ClusterState['services'], IPAddress[]>();

/**
 * One IPAddress per allocated ClusterIP, sorted by name as the API server lists them (its storage keys):
 * the allocator's labels, the Service as parentRef (group "" is omitted, as the JSON omits an empty
 * string), created with the Service.
 */
export function ipAddressesOf(cluster: Pick<ClusterState, 'services'>): IPAddress[] {
  const cached = made.get(cluster.services);
  if (cached) return cached;
  const out: IPAddress[] = [];
  for (const svc of cluster.services)
    for (const ip of svc.spec.clusterIPs ?? []) {
      if (ip === 'None' || ip === '') continue;
      out.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IPAddress',
        metadata: {
          name: ip,
          uid: uidFor(0, `IPAddress//${ip}`),
          creationTimestamp: svc.metadata.creationTimestamp,
          labels: {
            'ipaddress.kubernetes.io/ip-family': isIPv6(ip) ? 'IPv6' : 'IPv4',
            'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io',
          },
        },
        spec: {
          parentRef: {
            resource: 'services',
            namespace: svc.metadata.namespace ?? 'default',
            name: svc.metadata.name ?? '',
          },
        },
      });
    }
  out.sort((a, b) =>
    a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0,
  );
  made.set(cluster.services, out);
  return out;
}
