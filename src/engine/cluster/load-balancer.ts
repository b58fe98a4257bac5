/**
 * The simulated cloud's service controller: every Service of type LoadBalancer gets
 * `status.loadBalancer.ingress` from the cloud's address pools, one address per IP family of the Service,
 * in the order of its `spec.ipFamilies` (as MetalLB hands a dual-stack Service one address of each family):
 * IPv4 from `config.loadBalancerPool`, IPv6 from `config.loadBalancerPoolV6`, the lowest free address of
 * each, with `ipMode: VIP` (the LoadBalancerIPMode default: the node's kube-proxy captures the VIP itself).
 * An IPv6-only Service gets an IPv6 address, never an IPv4 one its cluster cannot route. A Service stays
 * pending when a pool of one of its families is full. An ingress given in the YAML is kept;
 * `spec.loadBalancerIP` (deprecated, one address only, but honoured by most clouds) is used when it is of
 * one of the Service's families, in that family's pool and free; otherwise the Service stays pending, as
 * when a cloud cannot provide the requested address. A Service with `spec.loadBalancerClass` is left alone
 * (its ingress stays `<pending>`): the default controller ignores Services that name another
 * load-balancer implementation.
 *
 * @example
 * assignLoadBalancers([lbService], DEFAULT_CONFIG);
 * lbService.status.loadBalancer.ingress; // [{ ip: "198.51.100.1", ipMode: "VIP" }]
 */
import type { Service } from '../k8s/objects';
import { formatIp, parseIp } from '../net/ip';
import {
  canonicalIp,
  familyOfIp,
  parseAnyCidr,
  anyCidrContains,
  nthAddressText,
  anyCidrSize,
  type AnyCidr,
  type IPFamily,
} from '../net/ip6';
import { RangeAllocator } from './range-allocator';
import type { ClusterConfig } from './state';

/** One family's pool: take a given address, or the lowest free one. */
interface Pool {
  take(ip: string): boolean;
  lowest(): string | undefined;
}

function ipv4Pool(cidr: string): Pool | undefined {
  const pool = RangeAllocator.forCidr(cidr);
  if (!pool) return undefined;
  return {
    take: (ip) => {
      const v = parseIp(ip);
      return v !== undefined && pool.allocate(v) === 'ok';
    },
    lowest: () => {
      for (let v = pool.first; v <= pool.last; v++) if (pool.allocate(v) === 'ok') return formatIp(v);
      return undefined;
    },
  };
}

/** An IPv6 pool: every address but the network address (at most 2^16 looked at). */
function ipv6Pool(cidr: string): Pool | undefined {
  const c: AnyCidr | undefined = parseAnyCidr(cidr);
  if (!c || c.family !== 'IPv6') return undefined;
  const used = new Set<string>();
  const size = anyCidrSize(c) > 1n << 16n ? 1n << 16n : anyCidrSize(c);
  return {
    take: (ip) => {
      const canon = canonicalIp(ip);
      if (!anyCidrContains(c, canon) || canon === nthAddressText(c, 0n) || used.has(canon)) return false;
      used.add(canon);
      return true;
    },
    lowest: () => {
      for (let n = 1n; n < size; n++) {
        const ip = nthAddressText(c, n);
        if (!used.has(ip)) {
          used.add(ip);
          return ip;
        }
      }
      return undefined;
    },
  };
}

/**
 * Fills LoadBalancer ingress for the Services (mutates them), in creation order.
 *
 * @example
 * assignLoadBalancers(services, config); // returns nothing; read svc.status.loadBalancer.ingress
 */
export function assignLoadBalancers(services: Service[], config: ClusterConfig): void {
  const pools: Partial<Record<IPFamily, Pool>> = {};
  const v4 = ipv4Pool(config.loadBalancerPool);
  if (v4) pools.IPv4 = v4;
  const v6 = config.loadBalancerPoolV6 ? ipv6Pool(config.loadBalancerPoolV6) : undefined;
  if (v6) pools.IPv6 = v6;
  const lbs = services.filter((s) => s.spec.type === 'LoadBalancer');
  const given = (s: Service): boolean => (s.status?.loadBalancer?.ingress?.length ?? 0) > 0;
  for (const s of lbs) {
    if (!given(s)) continue;
    for (const ing of s.status!.loadBalancer!.ingress!) {
      const family = ing.ip ? familyOfIp(ing.ip) : undefined;
      if (family) pools[family]?.take(ing.ip!);
      if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
    }
  }
  for (const s of lbs) {
    if (given(s) || s.spec.loadBalancerClass) continue;
    const families = (s.spec.ipFamilies?.length ? s.spec.ipFamilies : ['IPv4']) as IPFamily[];
    let ips: string[] = [];
    if (s.spec.loadBalancerIP) {
      // A requested address outside the pool or taken: the cloud reports an error event and the Service
      // stays <pending>, as a real cloud controller would.
      const wanted = s.spec.loadBalancerIP;
      const family = familyOfIp(wanted);
      if (!family || !families.includes(family) || !pools[family]?.take(wanted)) continue;
      ips = [family === 'IPv6' ? canonicalIp(wanted) : wanted];
    } else {
      for (const f of families) {
        const ip = pools[f]?.lowest();
        if (ip === undefined) break;
        ips.push(ip);
      }
      if (ips.length < families.length) continue; // a family's pool is full (or absent): pending
    }
    s.status = { ...s.status, loadBalancer: { ingress: ips.map((ip) => ({ ip, ipMode: 'VIP' as const })) } };
  }
}
