/**
 * What the ingress controller remembers between requests: the round-robin position of each upstream
 * (ingress-nginx's default `round_robin` Lua balancer keeps one per upstream in each worker) and the
 * session-affinity routes its sticky balancer has handed out in cookies. It lives in the SimWorld, so the
 * same scene, seed and request sequence give the same answers.
 */

export interface IngressState {
  /** Upstream name ("default-web-80", as ingress-nginx names upstreams) → index of the next endpoint. */
  roundRobin: Map<string, number>;
  /** "<upstream>|<cookie key>" → the endpoint ("10.244.1.5:8080") the key currently maps to. */
  cookieRoutes: Map<string, string>;
  /** Sessions started so far: stands in for the random part of sticky_balanced's cookie key. */
  sessions: number;
  /** Requests proxied so far: stands in for nginx's random `$request_id`. */
  requests: number;
}

/**
 * A controller that has not served anything yet.
 *
 * @example
 * const state = createIngressState(); state.roundRobin.size; // 0
 */
export function createIngressState(): IngressState {
  return { roundRobin: new Map(), cookieRoutes: new Map(), sessions: 0, requests: 0 };
}
