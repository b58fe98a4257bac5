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
import { anyCidrContains, anyCidrSize, nthAddressText, parseAnyCidr, type AnyCidr } from '../net/ip6';
import { clusterFamilies, serviceSubnetOf } from './families';
import { uidFor } from './hash';
import type { ClusterConfig, ClusterState } from './state';

export const DEFAULT_SERVICE_CIDR = 'kubernetes';
export const SERVICE_CIDR_FINALIZER = 'networking.k8s.io/service-cidr-finalizer';
const FINALIZER = SERVICE_CIDR_FINALIZER;

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
 * The ServiceCIDR controller's work on each one (syncServiceCIDR). A live one gets the protection
 * finalizer and the condition Ready=True, "Kubernetes Service CIDR is ready", with no reason. One being
 * deleted (metadata.deletionTimestamp, as `kubectl delete` leaves an object that has a finalizer) keeps
 * its finalizer while canDeleteCIDR says no: some IPAddress would be left in no ServiceCIDR at all. Its
 * Ready condition is then False with the reason Terminating; the default `kubernetes` one is no exception
 * (the API server's default-ServiceCIDR controller leaves a ServiceCIDR being deleted to this one). When
 * nothing would be orphaned, the finalizer goes and the object is gone. (Upstream waits a deletion grace
 * period of 10 s first, so that no allocator still hands out its addresses; the built cluster is the one
 * after it, and the timeline (timeline/service-cidr.ts) shows the deletion at its deletionTimestamp and
 * the object until the grace period ends.)
 *
 * `addresses` are the IPAddress objects' names. Returns the ServiceCIDRs that are gone.
 */
export function syncServiceCIDRs(cidrs: ServiceCIDR[], addresses: string[]): Set<ServiceCIDR> {
  const gone = new Set<ServiceCIDR>();
  for (const c of cidrs) {
    const deleting = c.metadata.deletionTimestamp as string | undefined;
    if (!deleting) {
      markReady(c);
      continue;
    }
    if (!canDeleteCIDR(c, cidrs, addresses)) {
      addFinalizer(c);
      c.status = {
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            lastTransitionTime: deleting,
            reason: 'Terminating',
            message:
              'There are still IPAddresses referencing the ServiceCIDR, please remove them or create a new ServiceCIDR',
          },
        ],
      };
      continue;
    }
    gone.add(c);
  }
  return gone;
}

function addFinalizer(c: ServiceCIDR): void {
  const finalizers = (c.metadata.finalizers as string[] | undefined) ?? [];
  if (!finalizers.includes(FINALIZER)) c.metadata.finalizers = [...finalizers, FINALIZER];
}

function markReady(c: ServiceCIDR): void {
  addFinalizer(c);
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

const prefixesOf = (c: ServiceCIDR): AnyCidr[] => (c.spec?.cidrs ?? []).flatMap((t) => parseAnyCidr(t) ?? []);

/**
 * servicecidr.PrefixContainIP: inside the prefix, but neither its network address nor (IPv4) its
 * broadcast address, which the allocators never hand out.
 */
function prefixContainsIp(p: AnyCidr, ip: string): boolean {
  if (!anyCidrContains(p, ip)) return false;
  if (ip === nthAddressText(p, 0n)) return false;
  return p.family === 'IPv6' || ip !== nthAddressText(p, anyCidrSize(p) - 1n);
}

/**
 * canDeleteCIDR's answer as the addresses that stop it: none when every CIDR of it lies inside some other
 * ServiceCIDR (servicecidr.ContainsPrefix: overlapping, with a prefix as short or shorter); otherwise the
 * IPAddresses of its families that it alone contains (servicecidr.ContainsAddress over every ServiceCIDR,
 * those being deleted too). Upstream stops at the first; svclab lists them all, to say which Services.
 */
export function addressesHeldOnlyBy(self: ServiceCIDR, all: ServiceCIDR[], addresses: string[]): string[] {
  const own = prefixesOf(self);
  const hasParent = own.every((p) => {
    const network = nthAddressText(p, 0n);
    const containing = all.filter((o) =>
      prefixesOf(o).some((q) => q.family === p.family && q.prefix <= p.prefix && anyCidrContains(q, network)),
    );
    return !(containing.length === 0 || (containing.length === 1 && containing[0] === self));
  });
  if (hasParent) return [];
  const held: string[] = [];
  for (const ip of addresses) {
    if (!own.some((p) => isIPv6(ip) === (p.family === 'IPv6'))) continue;
    const holders = all.filter((o) => prefixesOf(o).some((q) => prefixContainsIp(q, ip)));
    if (holders.length === 1 && holders[0] === self) held.push(ip);
  }
  return held;
}

const canDeleteCIDR = (self: ServiceCIDR, all: ServiceCIDR[], addresses: string[]): boolean =>
  addressesHeldOnlyBy(self, all, addresses).length === 0;

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
