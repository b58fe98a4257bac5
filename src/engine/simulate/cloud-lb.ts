/**
 * The simulated cloud load balancer in front of a LoadBalancer Service, modelled on the AWS Load Balancer
 * Controller's NLB (reference §9). Instance mode (the default) targets every node on the Service's
 * NodePort; with externalTrafficPolicy Local its health check on healthCheckNodePort (served by kube-proxy:
 * 200 only when the node has a local ready endpoint) takes the other nodes out of rotation. IP mode
 * (`service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip`, or the legacy
 * `aws-load-balancer-type: nlb-ip`) targets the ready pod IPs directly. loadBalancerSourceRanges become the
 * LB's security group. A flow keeps its target for the LB's idle timeout (350 s TCP, 120 s UDP).
 *
 * This is the cloud's own target selection, not kube-proxy's: kube-proxy's decision on the node comes from
 * the node's rules afterwards.
 *
 * @example
 * lbTargets(cluster, svc, sp).map((t) => `${t.label} ${t.healthy}`); // ["node-1 true", "node-2 false", …]
 */
import { clusterIndex, type NodeInfo } from '../cluster/cluster-index';
import type { ClusterState } from '../cluster/state';
import type { Service } from '../k8s/objects';
import { msg, type Msg } from '../messages';
import { ipInCidr, joinHostPort, type IPFamily } from '../net/ip6';
import { endpointsFor, servicePortsOf, type EndpointInfo, type ServicePortInfo } from '../proxy';
import type { Rng } from '../util/rng';

export const NLB_TARGET_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type';
export const AWS_LB_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';
export const TARGET_GROUP_ATTRIBUTES = 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes';

export type LbTarget =
  | {
      kind: 'node';
      node: NodeInfo;
      port: number;
      /** the node's address of the LB address's family */ ip: string;
    }
  | { kind: 'pod'; endpoint: EndpointInfo };

export interface LbCandidate {
  target: LbTarget;
  label: string; // "node-1 192.168.49.2:30080" or "10.244.1.5:8080"
  healthy: boolean;
  /** Why the target is in or out of rotation ("health check :32000/healthz → 503, no local endpoint"). */
  health: Msg;
}

export interface LbFlow {
  target: LbTarget;
  srcPort: number; // the source port the LB used towards the target
  expires: number;
}

export interface CloudLbState {
  /** "lbIP|clientIP|clientPort|port|proto" → the flow's target. */
  flows: Map<string, LbFlow>;
}

/**
 * The Service's slices of one family (that family's kube-proxy's; the cloud's health checks follow what
 * it serves): the family of the load balancer's address the client reached.
 */
function slicesOf(cluster: ClusterState, serviceKey: string, family: IPFamily) {
  return clusterIndex(cluster).slicesOf(serviceKey, family);
}

/** "ip" or "instance": how the LB reaches the pods. @example targetMode(svcWithIpAnnotation) // "ip" */
export function targetMode(svc: Service): 'ip' | 'instance' {
  const a = svc.metadata.annotations ?? {};
  if (a[AWS_LB_TYPE]?.trim() === 'nlb-ip') return 'ip';
  return a[NLB_TARGET_TYPE]?.trim() === 'ip' ? 'ip' : 'instance';
}

/** Whether targets see the client's address. Instance targets always do; IP targets only when configured. */
export function preservesClientIP(svc: Service): boolean {
  if (targetMode(svc) === 'instance') return true;
  const attrs = svc.metadata.annotations?.[TARGET_GROUP_ATTRIBUTES] ?? '';
  return /(^|,)\s*preserve_client_ip\.enabled\s*=\s*true\s*(,|$)/.test(attrs);
}

/** The Service port the LB listens on for this port/protocol (its listener), if any. */
export function listenerFor(
  svc: Service,
  port: number,
  protocol: string,
  family: IPFamily = 'IPv4',
): ServicePortInfo | undefined {
  return servicePortsOf(svc, family).find((sp) => sp.port === port && sp.protocol === protocol);
}

/**
 * Whether the LB's security group (built from loadBalancerSourceRanges) lets the client in.
 *
 * @example sourceAllowed(sp, '203.0.113.10') // true when no ranges are set
 */
export function sourceAllowed(sp: ServicePortInfo, clientIP: string): boolean {
  if (sp.sourceRanges.length === 0) return true;
  return sp.sourceRanges.some((r) => ipInCidr(clientIP, r));
}

/**
 * Every target the LB registered for a listener, with its health as the LB's checks see it.
 *
 * @example lbTargets(cluster, svc, sp).filter((t) => t.healthy).length // 3 with eTP Cluster
 */
export function lbTargets(
  cluster: ClusterState,
  svc: Service,
  sp: ServicePortInfo,
  family: IPFamily = 'IPv4',
): LbCandidate[] {
  if (targetMode(svc) === 'ip') {
    const eps = endpointsFor(slicesOf(cluster, sp.serviceKey, family), sp, '');
    return eps.map((endpoint) => ({
      target: { kind: 'pod' as const, endpoint },
      label: endpoint.endpoint,
      healthy: endpoint.ready,
      health: endpoint.ready ? msg('sim.lb.health.podReady', {}) : msg('sim.lb.health.podNotReady', {}),
    }));
  }
  return clusterIndex(cluster)
    .nodes()
    .filter((node) => (family === 'IPv6' ? node.ip6 : node.ip) !== '')
    .map((node) => {
      const ip = family === 'IPv6' ? node.ip6 : node.ip;
      const label = `${node.name} ${joinHostPort(ip, sp.nodePort)}`;
      if (!sp.externalPolicyLocal || sp.healthCheckNodePort === 0) {
        return {
          target: { kind: 'node' as const, node, port: sp.nodePort, ip },
          label,
          healthy: true,
          health: msg('sim.lb.health.cluster', {}),
        };
      }
      // kube-proxy's health server answers 200 only when this node has a local ready endpoint.
      const local = endpointsFor(slicesOf(cluster, sp.serviceKey, family), sp, node.name).filter(
        (e) => e.isLocal && e.ready,
      ).length;
      return {
        target: { kind: 'node' as const, node, port: sp.nodePort, ip },
        label,
        healthy: local > 0,
        health:
          local > 0
            ? msg('sim.lb.health.up', { address: joinHostPort(ip, sp.healthCheckNodePort), count: local })
            : msg('sim.lb.health.down', { address: joinHostPort(ip, sp.healthCheckNodePort) }),
      };
    });
}

/**
 * Picks a healthy target for a new flow (a flow hash: uniform over healthy targets), or undefined when
 * none is healthy.
 */
export function pickTarget(candidates: LbCandidate[], rng: Rng): LbCandidate | undefined {
  const healthy = candidates.filter((c) => c.healthy);
  if (healthy.length === 0) return undefined;
  return healthy[rng.int(healthy.length)];
}

/** The LB's idle timeout for a protocol, seconds (NLB: 350 s TCP, 120 s UDP). */
export function idleTimeout(protocol: string): number {
  return protocol === 'UDP' ? 120 : 350;
}
