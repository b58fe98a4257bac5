/**
 * What kube-proxy knows about one Service port (pkg/proxy/serviceport.go `BaseServicePortInfo`, and the
 * iptables proxier's `servicePortInfo`): addresses it captures, policies, affinity and its chain names.
 * Headless and ExternalName Services yield nothing (kube-proxy's service map skips them).
 *
 * @example
 * servicePortsOf(svc)[0].name; // "ns1/svc1:p80"
 * servicePortsOf(svc)[0].chains.svc; // "KUBE-SVC-XPGD46QRK7WJZT7O"
 */
import type { Protocol, Service } from '../../k8s/objects';
import { parseCidr, parseIp } from '../../net/ip';
import { familyOfIp, parseAnyCidr, type IPFamily } from '../../net/ip6';
import { serviceChainNames } from './hash';

export interface ServicePortInfo {
  /** The Service's "ns/name" (the unit of incremental updates). */
  serviceKey: string; // "ns1/svc1"
  /** kube-proxy's ServicePortName.String(): "ns/name" + ":" + port name when it has one. */
  name: string; // "ns1/svc1:p80"
  portName: string; // "p80"
  protocol: Protocol; // "TCP"
  proto: 'tcp' | 'udp' | 'sctp';
  /** The family of the proxier that reads this port (kube-proxy runs one proxier per family). */
  family: IPFamily; // "IPv4"
  /** The Service's ClusterIP of that family (GetClusterIPByFamily). */
  clusterIP: string; // "172.30.0.41" (IPv6: "fd00:10:96::a")
  port: number; // 80
  nodePort: number; // 0 when none
  targetPort: number | string | undefined;
  externalIPs: string[];
  /** status.loadBalancer.ingress IPs (ipMode Proxy ones excluded: kube-proxy does not capture them). */
  loadBalancerVIPs: string[];
  /** loadBalancerSourceRanges, trimmed and normalised ("203.0.113.0/25"). */
  sourceRanges: string[];
  healthCheckNodePort: number;
  affinityClientIP: boolean;
  stickySeconds: number; // 10800
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  /** nodePort != 0 || LB VIPs || externalIPs (the proxy's own definition). */
  externallyAccessible: boolean;
  trafficDistribution?: string;
  chains: { svc: string; svl: string; ext: string; fw: string };
}

/** Shared by every port without such addresses: read-only. */
const NONE: string[] = [];

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * The four per-service-port chain names (KUBE-SVC/SVL/EXT/FW share one hash), hashed on first use: IPVS and
 * nftables mode never need them, and iptables mode needs them only for the chains it writes.
 */
class ChainNames {
  private names?: { svc: string; svl: string; ext: string; fw: string };
  constructor(
    private readonly portName: string,
    private readonly proto: string,
  ) {}
  private get all(): { svc: string; svl: string; ext: string; fw: string } {
    return (this.names ??= serviceChainNames(this.portName, this.proto));
  }
  get svc(): string {
    return this.all.svc;
  }
  get svl(): string {
    return this.all.svl;
  }
  get ext(): string {
    return this.all.ext;
  }
  get fw(): string {
    return this.all.fw;
  }
}

/** API-level ExternallyAccessible (pkg/api/v1/service/util.go): LB, NodePort, or ClusterIP with externalIPs. */
function apiExternallyAccessible(svc: Service): boolean {
  const t = svc.spec.type ?? 'ClusterIP';
  return (
    t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0)
  );
}

/** True when kube-proxy's proxier of `family` would program anything for this Service. */
export function isProxiedService(svc: Service, family: IPFamily = 'IPv4'): boolean {
  if (svc.spec.type === 'ExternalName') return false;
  return clusterIPOf(svc, family) !== undefined;
}

/**
 * GetClusterIPByFamily(family, svc): the Service's ClusterIP of that family, primary or secondary;
 * undefined for headless and ExternalName Services and for a family the Service does not have.
 *
 * @example
 * clusterIPOf(dualStackSvc, 'IPv6'); // "fd00:10:96::a"
 */
export function clusterIPOf(svc: Service, family: IPFamily): string | undefined {
  if (family === 'IPv4') return clusterIPv4(svc);
  const ip = svc.spec.clusterIP;
  if (ip === undefined || ip === '' || ip === 'None') return undefined;
  if (familyOfIp(ip) === 'IPv6') return ip;
  return svc.spec.clusterIPs?.find((c) => familyOfIp(c) === 'IPv6');
}

/** The addresses of one family (MapIPsByIPFamily: the other family's are the other proxier's). */
function ofFamily(ips: readonly string[], family: IPFamily): string[] {
  return family === 'IPv4'
    ? ips.filter((ip) => parseIp(ip) !== undefined)
    : ips.filter((ip) => familyOfIp(ip) === 'IPv6');
}

/**
 * GetClusterIPByFamily(IPv4, svc): the Service's IPv4 ClusterIP, also when IPv6 is its primary family
 * (clusterIPs [IPv6, IPv4]); undefined for headless, ExternalName and IPv6-only Services.
 */
export function clusterIPv4(svc: Service): string | undefined {
  const ip = svc.spec.clusterIP;
  if (ip !== undefined && parseIp(ip) !== undefined) return ip;
  if (ip === undefined || ip === '' || ip === 'None') return undefined;
  return svc.spec.clusterIPs?.find((c) => parseIp(c) !== undefined);
}

/**
 * The proxied ports of a Service as the proxier of `family` sees them, in spec order (empty for headless
 * and ExternalName Services, and for a Service without a ClusterIP of that family).
 */
export function servicePortsOf(svc: Service, family: IPFamily = 'IPv4'): ServicePortInfo[] {
  const clusterIP = clusterIPOf(svc, family);
  if (clusterIP === undefined || svc.spec.type === 'ExternalName') return [];
  const ns = svc.metadata.namespace ?? 'default';
  const serviceKey = `${ns}/${svc.metadata.name ?? ''}`;
  const spec = svc.spec;
  // Most Services have none of these: share one empty list rather than allocate three per Service.
  const ingress = svc.status?.loadBalancer?.ingress;
  const lbVIPs = !ingress?.length
    ? NONE
    : ingress
        .filter(
          (ing) => ing.ip !== undefined && ofFamily([ing.ip], family).length > 0 && ing.ipMode !== 'Proxy',
        )
        .map((ing) => ing.ip!);
  const rawRanges =
    (spec.loadBalancerSourceRanges?.length ?? 0) > 0
      ? spec.loadBalancerSourceRanges!
      : svc.metadata.annotations?.[SOURCE_RANGES_ANNOTATION]?.split(',');
  const sourceRanges = !rawRanges?.length
    ? NONE
    : family === 'IPv4'
      ? rawRanges
          .map((r) => parseCidr(r.trim()))
          .filter((c) => c !== undefined)
          .map((c) => c.text)
      : rawRanges
          .map((r) => parseAnyCidr(r.trim()))
          .filter((c) => c?.family === 'IPv6')
          .map((c) => c!.text);
  const externalIPs = !spec.externalIPs?.length ? NONE : ofFamily(spec.externalIPs, family);
  const internalPolicyLocal = spec.internalTrafficPolicy === 'Local';
  const externalPolicyLocal = apiExternallyAccessible(svc) && spec.externalTrafficPolicy === 'Local';
  const affinityClientIP = spec.sessionAffinity === 'ClientIP';
  return (spec.ports ?? []).map((p) => {
    const protocol = p.protocol ?? 'TCP';
    const proto = protocol.toLowerCase() as ServicePortInfo['proto'];
    const name = p.name ? `${serviceKey}:${p.name}` : serviceKey;
    const nodePort = p.nodePort ?? 0;
    const info: ServicePortInfo = {
      serviceKey,
      name,
      portName: p.name ?? '',
      protocol,
      proto,
      family,
      clusterIP,
      port: p.port,
      nodePort,
      targetPort: p.targetPort,
      externalIPs,
      loadBalancerVIPs: lbVIPs,
      sourceRanges,
      // Only read when NeedsHealthCheck (type LoadBalancer with Local external policy).
      healthCheckNodePort:
        svc.spec.type === 'LoadBalancer' && externalPolicyLocal ? (spec.healthCheckNodePort ?? 0) : 0,
      affinityClientIP,
      stickySeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800,
      internalPolicyLocal,
      externalPolicyLocal,
      externallyAccessible: nodePort !== 0 || lbVIPs.length > 0 || externalIPs.length > 0,
      chains: new ChainNames(name, proto),
    };
    if (spec.trafficDistribution !== undefined) info.trafficDistribution = spec.trafficDistribution;
    return info;
  });
}

/** serviceport.go UsesClusterEndpoints: `!internalPolicyLocal || ExternallyAccessible()`. */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || sp.externallyAccessible;
}

/** serviceport.go UsesLocalEndpoints: `internalPolicyLocal || (externalPolicyLocal && ExternallyAccessible())`. */
export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && sp.externallyAccessible);
}
