/**
 * The simulation's mutable state between requests: the simulated clock, the seeded PRNG, and (added by
 * the data plane) conntrack tables, IPVS scheduler state, `-m recent` lists and cookie jars.
 * A fresh world is made from the seed; the same manifests, seed and requests give the same results.
 *
 * @example
 * const world = createWorld(1);
 * simulate(cluster, world, request({ from: 'external', target: 'http://198.51.100.1/' }));
 * world.clock; // 0.1: each request advances the simulated clock a little
 */
import { createRng, type Rng } from './util/rng';
import { createProxyState, type ProxyState } from './proxy';
import { createConntrack, type ConntrackTables } from './simulate/conntrack';
import { createRulesCache, type RulesCache } from './simulate/rules-cache';
import type { CloudLbState } from './simulate/cloud-lb';
import { createIngressState, type IngressState } from './ingress/state';

export interface SimWorld {
  seed: number; // 1
  /** Simulated seconds since the scene started. */
  clock: number;
  rng: Rng;
  /** kube-proxy's state between packets on every node: `-m recent` lists, IPVS scheduler state. */
  proxy: ProxyState;
  /** Every node's kube-proxy rules for the cluster states seen, kept across edits (updated, not rebuilt). */
  rules: RulesCache;
  /** Every node's conntrack table. */
  conntrack: ConntrackTables;
  /** The simulated cloud load balancers' flow tables (a flow keeps its target). */
  cloudLb: CloudLbState;
  /** The ingress controller's balancer state (round-robin cursors, cookie routes). */
  ingress: IngressState;
}

export function createWorld(seed = 1): SimWorld {
  return {
    seed,
    clock: 0,
    rng: createRng(seed),
    proxy: createProxyState(),
    rules: createRulesCache(),
    conntrack: createConntrack(),
    cloudLb: { flows: new Map() },
    ingress: createIngressState(),
  };
}
