/**
 * The cluster's IP families, read one way everywhere. kubeadm's serviceSubnet lists one CIDR per family
 * and its first one makes the cluster's primary family: the API server allocates a Service's first
 * ClusterIP from it (a SingleStack or PreferDualStack Service without ipFamilies gets that family), the
 * `kubernetes` Service and kube-dns take their addresses from it, and the nodes' first InternalIP and the
 * pods' first podIPs entry are of that family (kubelet sorts a pod's IPs by its node IP's family). A
 * field of the other family is `''`/undefined when the cluster does not have it: serviceSubnet and
 * podSubnet are the IPv4 networks ('' on an IPv6-only cluster), serviceSubnetV6 and podSubnetV6 the IPv6 ones.
 *
 * @example
 * clusterFamilies({ ...DEFAULT_CONFIG, primaryFamily: 'IPv6', serviceSubnetV6: 'fd00:10:96::/112' });
 * // ["IPv6", "IPv4"]
 */
import type { IPFamily } from '../net/ip6';
import type { ClusterConfig } from './state';

type FamilyFields = Pick<
  ClusterConfig,
  'primaryFamily' | 'serviceSubnet' | 'serviceSubnetV6' | 'podSubnet' | 'podSubnetV6'
>;

/** The other family. @example otherFamily('IPv4') // "IPv6" */
export function otherFamily(f: IPFamily): IPFamily {
  return f === 'IPv4' ? 'IPv6' : 'IPv4';
}

/** The service CIDR of one family, or undefined. @example serviceSubnetOf(DEFAULT_CONFIG, 'IPv4') // "10.96.0.0/12" */
export function serviceSubnetOf(config: FamilyFields, family: IPFamily): string | undefined {
  return (family === 'IPv4' ? config.serviceSubnet : config.serviceSubnetV6) || undefined;
}

/** The pod CIDR of one family, or undefined. @example podSubnetOf(DEFAULT_CONFIG, 'IPv6') // undefined */
export function podSubnetOf(config: FamilyFields, family: IPFamily): string | undefined {
  return (family === 'IPv4' ? config.podSubnet : config.podSubnetV6) || undefined;
}

/** The Service IP families the cluster is configured for, primary first (the allocator's order). */
export function clusterFamilies(config: FamilyFields): IPFamily[] {
  const second = otherFamily(config.primaryFamily);
  return serviceSubnetOf(config, second) ? [config.primaryFamily, second] : [config.primaryFamily];
}

/** The service CIDR of the primary family (kubeadm's first serviceSubnet). */
export function primaryServiceSubnet(config: FamilyFields): string {
  return serviceSubnetOf(config, config.primaryFamily) ?? '';
}

/**
 * The families pods and nodes have addresses of, primary first: the service families and the pod
 * subnets' (a pod subnet of a family the Services lack still gives pods that address).
 */
export function addressFamilies(config: FamilyFields): IPFamily[] {
  const fams = clusterFamilies(config);
  const second = otherFamily(config.primaryFamily);
  if (!fams.includes(second) && podSubnetOf(config, second)) fams.push(second);
  return fams;
}

/** Whether the cluster's pods and nodes have addresses of both families. */
export function isDualStack(config: FamilyFields): boolean {
  return addressFamilies(config).length === 2;
}
