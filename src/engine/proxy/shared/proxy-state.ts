/**
 * What kube-proxy's rules remember between packets on every node (the simulation world holds it): the
 * xt_recent lists of ClientIP affinity and the IPVS schedulers' state.
 *
 * @example
 * const state = createProxyState();
 * evaluate(rules, pkt, state, rng, now); // may remember the client in a recent list
 */
export interface IpvsServerState {
  /** rr/wrr: index of the last real server chosen (-1 before the first). */
  rrCursor: number;
  /** Per real server "ip:port": connections IPVS counts (active = established, inactive = closing/closed). */
  conns: Map<string, { active: number; inactive: number[] }>;
  /** Persistence templates (`-p`): client IP → real server, valid until `expires` (simulated seconds). */
  persistence: Map<string, { realServer: string; expires: number }>;
  /** lblc/lblcr: destination IP → assigned real server set. */
  locality: Map<string, { servers: string[]; lastModified: number }>;
}

export interface ProxyState {
  /** xt_recent lists, per node: node → list name → source IP → last-seen simulated time. */
  recent: Map<string, Map<string, Map<string, number>>>;
  /** IPVS scheduler state per node and virtual server key. */
  ipvs: Map<string, Map<string, IpvsServerState>>;
}

/**
 * A fresh, empty state (no affinity remembered, IPVS cursors at the start).
 *
 * @example
 * const state = createProxyState(); state.recent.size; // 0
 */
export function createProxyState(): ProxyState {
  return { recent: new Map(), ipvs: new Map() };
}

/** IPVS keeps a closed TCP connection as "inactive" for this long (TIME_WAIT, 2 minutes). */
export const IPVS_INACTIVE_SECONDS = 120;
