/**
 * The simulated cloud's service controller: every Service of type LoadBalancer gets
 * `status.loadBalancer.ingress[0].ip` from `config.loadBalancerPool` (the lowest free address, as MetalLB
 * and kind's cloud-provider hand them out), with `ipMode: VIP` (the LoadBalancerIPMode default: the node's
 * kube-proxy captures the VIP itself). An ingress given in the YAML is kept; `spec.loadBalancerIP`
 * (deprecated, but honoured by most clouds) is used when it is in the pool and free; otherwise the Service
 * stays pending, as when a cloud cannot provide the requested address. A Service with
 * `spec.loadBalancerClass` is left alone (its ingress stays `<pending>`): the default controller ignores
 * Services that name another load-balancer implementation.
 *
 * @example
 * assignLoadBalancers([lbService], DEFAULT_CONFIG);
 * lbService.status.loadBalancer.ingress; // [{ ip: "198.51.100.1", ipMode: "VIP" }]
 */
import type { Service } from '../k8s/objects';
import { formatIp, parseIp } from '../net/ip';
import { RangeAllocator } from './range-allocator';
import type { ClusterConfig } from './state';

/**
 * Fills LoadBalancer ingress for the Services (mutates them), in creation order.
 *
 * @example
 * assignLoadBalancers(services, config); // returns nothing; read svc.status.loadBalancer.ingress
 */
export function assignLoadBalancers(services: Service[], config: ClusterConfig): void {
  const pool = RangeAllocator.forCidr(config.loadBalancerPool);
  if (!pool) return;
  const lbs = services.filter((s) => s.spec.type === 'LoadBalancer');
  const given = (s: Service): boolean => (s.status?.loadBalancer?.ingress?.length ?? 0) > 0;
  for (const s of lbs) {
    if (!given(s)) continue;
    for (const ing of s.status!.loadBalancer!.ingress!) {
      const ip = ing.ip ? parseIp(ing.ip) : undefined;
      if (ip !== undefined) pool.allocate(ip);
      if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
    }
  }
  for (const s of lbs) {
    if (given(s) || s.spec.loadBalancerClass) continue;
    let ip: number | undefined;
    if (s.spec.loadBalancerIP) {
      // A requested address outside the pool or taken: the cloud reports an error event and the Service
      // stays <pending>, as a real cloud controller would.
      const wanted = parseIp(s.spec.loadBalancerIP);
      if (wanted === undefined || pool.allocate(wanted) !== 'ok') continue;
      ip = wanted;
    } else ip = lowestFree(pool);
    if (ip === undefined) continue;
    s.status = { ...s.status, loadBalancer: { ingress: [{ ip: formatIp(ip), ipMode: 'VIP' }] } };
  }
}

function lowestFree(pool: RangeAllocator): number | undefined {
  for (let v = pool.first; v <= pool.last; v++) if (pool.allocate(v) === 'ok') return v;
  return undefined;
}
