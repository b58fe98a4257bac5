/**
 * What the Service registry does on create (pkg/registry/core/service/storage/alloc.go), for every Service
 * in creation order: ClusterIPs from the service CIDR, node ports for NodePort and LoadBalancer Services
 * (LoadBalancer only while allocateLoadBalancerNodePorts is true; a nodePort given by hand is always
 * allocated), and a healthCheckNodePort for LoadBalancer Services with externalTrafficPolicy Local.
 * A Service whose requested IP or port cannot be allocated is rejected, with the registry's own message.
 *
 * Determinism: values given in the YAML are allocated first (in creation order), then the rest, each from
 * a hash-derived start (range-allocator.ts), so a Service keeps its values when unrelated documents change.
 *
 * @example
 * const { accepted, diagnostics } = allocateServices([{ service: svc }], DEFAULT_CONFIG, 1);
 * accepted[0].spec.clusterIP; // "10.97.141.20"-like
 */
import type { Diagnostic } from '../diagnostics';
import type { Service } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { msg, type Msg } from '../messages';
import { isIPv6 } from '../net/ip';
import { objectDiagnostic } from './diag';
import { fnv32a } from './hash';
import { initIPFamilyFields, type IPFamily } from './ip-families';
import { RangeAllocator, type AllocateResult } from './range-allocator';
import { ClusterIPPool, familyRange, type FamilyRange } from './cluster-ip-pool';
import { clusterFamilies, primaryServiceSubnet, serviceSubnetOf } from './families';
import { DEFAULT_SERVICE_CIDR } from './service-cidrs';
import type { ClusterConfig } from './state';

/** The cluster's service IP families (the primary first) and an allocator for each. */
export function serviceIPFamilies(config: ClusterConfig): IPFamily[] {
  return clusterFamilies(config);
}

export interface ServiceInput {
  service: Service; // mutated: allocated values are written into it
  src?: SourcedObject;
  /** Its creation slot among the admitted objects (a ServiceCIDR made later is not ready for it). */
  at?: number;
}

/**
 * A ServiceCIDR's CIDRs and its slot among the admitted objects. The scene's text is the order things
 * happened in, so a ServiceCIDR being deleted (metadata.deletionTimestamp) stands where it was deleted
 * (`kubectl delete servicecidr` moves its document to the end): it is ready for the Services before that
 * slot and for none after it.
 */
export interface CidrInput {
  name?: string;
  cidrs: string[];
  at: number;
  deleting?: boolean;
}

/**
 * A family's ranges: the cluster's own (kubeadm's serviceSubnet, which the default ServiceCIDR mirrors),
 * then each ServiceCIDR's CIDR of that family, once, with a window of creation slots per ServiceCIDR
 * (MetaAllocator.syncAllocators: one allocator per CIDR, ready while one of its ServiceCIDRs is ready and
 * not being deleted).
 */
function familyPool(config: ClusterConfig, family: IPFamily, serviceCIDRs: CidrInput[]): ClusterIPPool {
  const own = serviceSubnetOf(config, family)!;
  // The default `kubernetes` ServiceCIDR exists before any Service; deleted, it stops where it was deleted.
  const byDefault = serviceCIDRs.find((c) => c.name === DEFAULT_SERVICE_CIDR);
  const ownUntil = byDefault?.deleting ? byDefault.at : Infinity;
  const ranges: FamilyRange[] = [familyRange(own, -1, ownUntil)!];
  for (const { name, cidrs, at, deleting } of serviceCIDRs) {
    const after = deleting || name === DEFAULT_SERVICE_CIDR ? -1 : at;
    const until = deleting ? at : Infinity;
    for (const cidr of cidrs) {
      if (isIPv6(cidr.split('/')[0] ?? '') !== (family === 'IPv6')) continue;
      const same = ranges.find((x) => x.cidr === cidr);
      if (same) {
        if (same.cidr !== own || name !== DEFAULT_SERVICE_CIDR) same.windows.push({ after, until });
        continue;
      }
      const r = familyRange(cidr, after, until);
      if (r) ranges.push(r);
    }
  }
  return new ClusterIPPool(ranges);
}

/** shouldAllocateNodePorts: NodePort always; LoadBalancer unless allocateLoadBalancerNodePorts is false. */
export function shouldAllocateNodePorts(svc: Service): boolean {
  if (svc.spec.type === 'NodePort') return true;
  if (svc.spec.type === 'LoadBalancer') return svc.spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

/** NeedsHealthCheck: type LoadBalancer and externalTrafficPolicy Local. */
export function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/** Go's %#v of a []string, as field.Invalid prints spec.clusterIPs. */
/** The port allocator's error text (portallocator/allocator.go: ErrAllocated, ErrNotInRange). */
function portAllocatorError(r: Exclude<AllocateResult, 'ok'>, config: ClusterConfig): string {
  return r === 'allocated'
    ? 'provided port is already allocated'
    : `provided port is not in the valid range. The range of valid ports is ${config.nodePortRange.min}-${config.nodePortRange.max}`;
}

function goStringSlice(v: string[]): string {
  return `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;
}

interface Txn {
  ips: { pool: ClusterIPPool; ip: string }[];
  ports: number[];
}

/**
 * Allocates ClusterIPs, node ports and health-check node ports for every Service (mutating them), in
 * creation order. Returns the Services the API server would have stored and an error for each one refused.
 *
 * @example
 * allocateServices([{ service: { ...svc, spec: { ...svc.spec, clusterIP: '10.0.0.1' } } }], DEFAULT_CONFIG, 1)
 *   .diagnostics[0].message;
 * // 'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided network does not match the current range'
 */
export function allocateServices(
  inputs: ServiceInput[],
  config: ClusterConfig,
  seed: number,
  serviceCIDRs: CidrInput[] = [],
): { accepted: Service[]; diagnostics: Diagnostic[] } {
  const families = serviceIPFamilies(config);
  const ipAllocs = new Map<IPFamily, ClusterIPPool>(
    families.map((f) => [f, familyPool(config, f, serviceCIDRs)]),
  );
  const ports = RangeAllocator.forPorts(config.nodePortRange.min, config.nodePortRange.max);
  const diagnostics: Diagnostic[] = [];
  const rejected = new Set<Service>();
  const txns = new Map<Service, Txn>();
  const hashOf = (svc: Service, what: string): number =>
    fnv32a(`${what}:${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`, (0x811c9dc5 ^ seed) >>> 0);

  const reject = (input: ServiceInput, field: string, code: string, message: string, hint?: Msg): void => {
    const t = txns.get(input.service);
    t?.ips.forEach((ip) => ip.pool.release(ip.ip));
    t?.ports.forEach((p) => ports.release(p));
    rejected.add(input.service);
    diagnostics.push(
      objectDiagnostic(input.src, input.service, field, {
        severity: 'error',
        source: 'api',
        code,
        message,
        ...(hint ? { hint } : {}),
      }),
    );
  };

  // Pass 1: what the user asked for, in creation order.
  for (const input of inputs) {
    const svc = input.service;
    const spec = svc.spec;
    const txn: Txn = { ips: [], ports: [] };
    txns.set(svc, txn);
    if (spec.type === 'ExternalName') continue;
    if (!spec.clusterIP && spec.clusterIPs?.[0]) spec.clusterIP = spec.clusterIPs[0];
    const familyErrors = initIPFamilyFields(svc, families);
    if (familyErrors.length > 0) {
      reject(input, familyErrors[0]!.field, 'service.ipFamilies', familyErrors[0]!.message);
      for (const e of familyErrors.slice(1))
        diagnostics.push(
          objectDiagnostic(input.src, svc, e.field, {
            severity: 'error',
            source: 'api',
            code: 'service.ipFamilies',
            message: e.message,
          }),
        );
      continue;
    }
    // allocIPs: every IP the user asked for, each from its family's allocator.
    const requested = spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
    let refused = false;
    for (const ip of requested) {
      if (ip === 'None') break;
      const alloc = ipAllocs.get(isIPv6(ip) ? 'IPv6' : 'IPv4');
      const result = alloc === undefined ? 'not-in-range' : alloc.allocate(ip, input.at ?? Infinity);
      if (result !== 'ok') {
        // 1.33+ (MultiCIDRServiceAllocator GA): an IP outside every ServiceCIDR finds no allocator and
        // fails with ErrMismatchedNetwork; older API servers said "the provided IP (…) is not in the valid range".
        const why =
          result === 'allocated'
            ? 'provided IP is already allocated'
            : 'the provided network does not match the current range';
        reject(
          input,
          'spec.clusterIPs',
          result === 'allocated' ? 'service.clusterIP.allocated' : 'service.clusterIP.range',
          `spec.clusterIPs: Invalid value: ${goStringSlice(requested)}: failed to allocate IP ${ip}: ${why}`,
          result === 'allocated'
            ? msg('api.hint.clusterIpTaken', {})
            : msg('apply.serviceCidr.hint', {
                cidr: serviceSubnetOf(config, isIPv6(ip) ? 'IPv6' : 'IPv4') ?? primaryServiceSubnet(config),
              }),
        );
        refused = true;
        break;
      }
      txn.ips.push({ pool: alloc!, ip });
    }
    if (refused) continue;
    // initNodePorts: a port number shares one nodePort across protocols; requested values are reserved.
    const byPort = new Map<number, number>();
    let failed = false;
    for (const [i, p] of (spec.ports ?? []).entries()) {
      if (!p.nodePort) continue;
      const shared = byPort.get(p.port);
      if (shared === p.nodePort) continue;
      const r = ports.allocate(p.nodePort);
      if (r !== 'ok') {
        const why = portAllocatorError(r, config);
        reject(
          input,
          `spec.ports[${i}].nodePort`,
          r === 'allocated' ? 'service.nodePort.allocated' : 'service.nodePort.range',
          `spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: ${why}`,
          r === 'allocated' ? msg('api.hint.nodePortTaken', {}) : undefined,
        );
        failed = true;
        break;
      }
      txn.ports.push(p.nodePort);
      if (shared === undefined) byPort.set(p.port, p.nodePort);
    }
    if (failed) continue;
    if (needsHealthCheck(svc) && spec.healthCheckNodePort) {
      const r = ports.allocate(spec.healthCheckNodePort);
      if (r !== 'ok') {
        const why = portAllocatorError(r, config);
        // allocHealthCheckNodePort returns a plain error, which the registry wraps as an InternalError.
        reject(
          input,
          'spec.healthCheckNodePort',
          'service.healthCheckNodePort.allocate',
          `Internal error occurred: failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${why}`,
        );
        continue;
      }
      txn.ports.push(spec.healthCheckNodePort);
    }
  }

  // Pass 2: everything left to allocate, in creation order.
  for (const input of inputs) {
    const svc = input.service;
    if (rejected.has(svc)) continue;
    const spec = svc.spec;
    if (spec.type === 'ExternalName') continue;
    if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
    else {
      // allocClusterIPs: one address per family of ipFamilies, in its order; the first is clusterIP.
      const ips = [...(spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []))];
      let full = false;
      for (const [i, fam] of (spec.ipFamilies ?? [config.primaryFamily]).entries()) {
        if (ips[i]) continue;
        const pool = ipAllocs.get(fam as IPFamily)!;
        const ip = pool.allocateNext(hashOf(svc, fam === 'IPv4' ? 'ip' : 'ip6'), input.at ?? Infinity);
        if (ip === undefined) {
          full = true;
          break;
        }
        txns.get(svc)!.ips.push({ pool, ip });
        ips[i] = ip;
      }
      if (full) {
        reject(
          input,
          'spec.clusterIP',
          'service.clusterIP.full',
          'Internal error occurred: failed to allocate a serviceIP: range is full',
        );
        continue;
      }
      spec.clusterIPs = ips;
      spec.clusterIP = ips[0];
    }
    const byPort = new Map<number, number>();
    for (const p of spec.ports ?? []) if (p.nodePort && !byPort.has(p.port)) byPort.set(p.port, p.nodePort);
    let full = false;
    for (const [i, p] of (spec.ports ?? []).entries()) {
      if (p.nodePort || !shouldAllocateNodePorts(svc)) continue;
      const shared = byPort.get(p.port);
      if (shared !== undefined) {
        p.nodePort = shared;
        continue;
      }
      const np = ports.allocateNext(hashOf(svc, `port${i}`));
      if (np === undefined) {
        full = true;
        break;
      }
      p.nodePort = np;
      byPort.set(p.port, np);
    }
    if (full) {
      reject(
        input,
        'spec.ports',
        'service.nodePort.full',
        'Internal error occurred: failed to allocate a nodePort: range is full',
      );
      continue;
    }
    if (needsHealthCheck(svc) && !spec.healthCheckNodePort) {
      const np = ports.allocateNext(hashOf(svc, 'hc'));
      if (np === undefined) {
        reject(
          input,
          'spec.healthCheckNodePort',
          'service.healthCheckNodePort.full',
          'Internal error occurred: failed to allocate a HealthCheck NodePort 0: range is full',
        );
        continue;
      }
      spec.healthCheckNodePort = np;
    }
  }
  return { accepted: inputs.map((i) => i.service).filter((s) => !rejected.has(s)), diagnostics };
}
