/**
 * kube-proxy, per node: rules as data (iptables, IPVS, nftables), their printed forms, and the evaluator
 * that walks them. The data plane (src/engine/simulate) calls only these.
 *
 * @example
 * const rules = buildNodeRules(cluster, 'node-1');
 * const verdict = evaluate(rules, pkt, state, world.rng, world.clock);
 * iptablesSave(rules);
 */
import type { ClusterState } from '../cluster/state';
import type { IPFamily } from '../net/ip6';
import type { Rng } from '../util/rng';
import { updateIptablesRules } from './incremental/iptables';
import { updateIpvsRules } from './incremental/ipvs';
import { updateNftablesRules } from './incremental/nftables';
import { walkIptables } from './iptables/evaluate';
import { buildIptablesRules } from './iptables/proxier';
import { evaluateIpvs } from './ipvs/evaluate';
import { buildIpvsRules } from './ipvs/proxier';
import { evaluateNftables } from './nftables/evaluate';
import { buildNftablesRules } from './nftables/proxier';
import { applyPortmap, hasPortmap } from './shared/portmap';
import { createProxyMemo, type ProxyMemo } from './shared/memo';
import { findNode, nodeContext, zoneOf } from './shared/node-info';
import { explainSelection, type Selection } from './shared/selection';
import { serviceMapOf } from './shared/service-map';
import type { ProxyState } from './shared/proxy-state';
import type { BuildOptions, NodeRules } from './shared/types';
import type { IpvsConnectionRef, PacketIn, ProxyVerdict, RuleStep } from './shared/verdict';

export { iptablesSave } from './iptables/save';
export { ipvsadmList } from './ipvs/ipvsadm';
export { ipsetList } from './ipvs/ipsets';
export { nftListRuleset } from './nftables/print';
export type * from './nftables/types';
export { createProxyMemo, type ProxyMemo } from './shared/memo';
export { createProxyState, IPVS_INACTIVE_SECONDS } from './shared/proxy-state';
export type * from './shared/proxy-state';
export type { LeftOut, LeftOutReason, Selection, TopologyUse } from './shared/selection';
export type * from './shared/types';
export type * from './shared/verdict';
// What the data plane reads of Services and hostPorts besides the rules (health checks, cloud LBs, SNAT).
export { endpointsFor, type EndpointInfo } from './shared/endpoint-info';
export { servicePortsOf, type ServicePortInfo } from './shared/service-port';
// kube-proxy's Service port and endpoint maps (its stale UDP conntrack cleanup reads them too).
export { serviceMapOf } from './shared/service-map';
export { MASQ_CHAIN } from './shared/portmap';

/**
 * The rules kube-proxy on `nodeName` writes, in the cluster's proxy mode.
 *
 * @example
 * buildNodeRules(cluster, 'node-1').nat.byName.has('KUBE-SERVICES'); // true
 */
export function buildNodeRules(
  cluster: ClusterState,
  nodeName: string,
  options: BuildOptions = {},
): NodeRules {
  const mode = cluster.config.proxy.mode;
  const opts = { ...options, memo: options.memo ?? createProxyMemo() };
  const rules =
    cluster.config.proxy.startError !== undefined
      ? kubeProxyDownRules(cluster, nodeName, 'IPv4')
      : mode === 'ipvs'
        ? buildIpvsRules(cluster, nodeName, opts)
        : mode === 'nftables'
          ? buildNftablesRules(cluster, nodeName, opts)
          : buildIptablesRules(cluster, nodeName, opts);
  // The CNI portmap plugin's hostPort chains share the node's nat table with kube-proxy's.
  applyPortmap(rules, cluster, opts.memo);
  return withIp6(rules, cluster, nodeName, opts);
}

/**
 * A node where kube-proxy is not running (cmd/kube-proxy/app/server.go: Validate() failed, so kube-proxy
 * exited before any proxier was made): empty nat and filter tables, no IPVS table, no nftables table.
 */
function kubeProxyDownRules(cluster: ClusterState, nodeName: string, family: IPFamily): NodeRules {
  const ip = nodeContext(cluster, nodeName, family).nodeIP;
  const empty = (name: 'nat' | 'filter'): NodeRules['nat'] => ({ name, chains: [], byName: new Map() });
  return {
    node: nodeName,
    mode: cluster.config.proxy.mode,
    nodeIPs: ip === '' ? [] : [ip],
    nat: empty('nat'),
    filter: empty('filter'),
    largeClusterMode: false,
    kubeProxyDown: cluster.config.proxy.startError,
  };
}

/** The IPv6 proxier's rules of one node, in the cluster's proxy mode (always a full build: scenes are small). */
function buildIp6Rules(cluster: ClusterState, nodeName: string, opts: BuildOptions): NodeRules {
  const mode = cluster.config.proxy.mode;
  const rules =
    cluster.config.proxy.startError !== undefined
      ? kubeProxyDownRules(cluster, nodeName, 'IPv6')
      : mode === 'nftables'
        ? buildNftablesRules(cluster, nodeName, opts, 'IPv6')
        : mode === 'ipvs'
          ? buildIpvsRules(cluster, nodeName, opts, 'IPv6')
          : buildIptablesRules(cluster, nodeName, opts, 'IPv6');
  rules.family = 'IPv6';
  return rules;
}

/**
 * `rules` with its `ip6` rules made on first use (most scenes never send an IPv6 packet). kube-proxy runs an
 * IPv6 proxier beside the IPv4 one: on Linux it does in
 * every mode whenever the node can do both families (cmd/kube-proxy/app/server_linux.go
 * platformCheckSupported: iptables and IPVS when both iptables and ip6tables work, nftables always, "The
 * nft CLI always supports both families"; then createProxier makes NewDualStackProxier), whatever the
 * cluster's Service families. So a single-stack IPv4 cluster's nodes also have the IPv6 proxier's rules:
 * its base chains in ip6tables-save (iptables, IPVS), its `table ip6 kube-proxy` (nftables), with no
 * Service in them. svclab's nodes are such Linux nodes: every node's rules carry their `ip6` rules.
 */
function withIp6(rules: NodeRules, cluster: ClusterState, nodeName: string, opts: BuildOptions): NodeRules {
  let made: NodeRules | undefined;
  Object.defineProperty(rules, 'ip6', {
    get: () => (made ??= buildIp6Rules(cluster, nodeName, opts)),
    enumerable: false,
    configurable: true,
  });
  return rules;
}

/**
 * Regenerates only the changed Services' rules ("ns/name" keys: Services whose spec or EndpointSlices
 * changed, added or deleted) in every mode: iptables chains, IPVS virtual servers and ipset entries, nftables
 * chains and map elements; the result prints and walks exactly as a full build would. Anything else that
 * changed (proxy settings, the node, large-cluster mode) means a full build. `prev` is consumed: do not use
 * it afterwards (other nodes' rules built from the same cluster are not affected).
 *
 * @example
 * rules = updateNodeRules(rules, cluster, ['default/web']);
 */
export function updateNodeRules(
  prev: NodeRules,
  cluster: ClusterState,
  changedServiceKeys: Iterable<string>,
  options: BuildOptions = {},
): NodeRules {
  const opts = { ...options, memo: options.memo ?? prev.cache?.memo ?? createProxyMemo() };
  if (
    prev.mode !== cluster.config.proxy.mode ||
    prev.kubeProxyDown !== cluster.config.proxy.startError ||
    prev.kubeProxyDown !== undefined
  )
    return buildNodeRules(cluster, prev.node, opts);
  const rules =
    prev.mode === 'ipvs'
      ? updateIpvsRules(prev, cluster, changedServiceKeys, opts)
      : prev.mode === 'nftables'
        ? updateNftablesRules(prev, cluster, changedServiceKeys, opts)
        : updateIptablesRules(prev, cluster, changedServiceKeys, opts);
  // hostPort chains follow the pods, not the Services: always re-applied (cheap: the node's hostPort pods).
  applyPortmap(rules, cluster, opts.memo);
  // The walks recorded on the previous rules (iptables/walk-memo.ts) may no longer be what these give.
  delete rules.walks;
  return withIp6(rules, cluster, prev.node, opts);
}

/**
 * kube-proxy's verdict on a connection's first packet at this node (later packets follow conntrack).
 *
 * @example
 * evaluate(rules, { src: '10.244.1.3', srcPort: 40000, dst: '10.96.0.10', dstPort: 53, protocol: 'UDP',
 *   hook: 'PREROUTING' }, state, rng, 0).action; // "dnat"
 */
export function evaluate(
  rules: NodeRules,
  pkt: PacketIn,
  state: ProxyState,
  rng: Rng,
  now: number,
): ProxyVerdict {
  if (pkt.dst.includes(':') && rules.family !== 'IPv6') {
    // An IPv6 packet meets the IPv6 proxier's rules only (ip6tables, `table ip6 kube-proxy`).
    const ip6 = rules.ip6;
    const { hook: _hook, ...packet } = pkt;
    if (!ip6) return { action: 'none', packet, masquerade: false, steps: [] };
    const v = evaluate(ip6, pkt, state, rng, now);
    const mark = <T extends RuleStep | undefined>(st: T): T => (st ? { ...st, family: 'IPv6' } : st);
    return {
      ...v,
      steps: v.steps.map(mark),
      ...(v.decidingRule ? { decidingRule: mark(v.decidingRule) } : {}),
      ...(v.masqueradeStep ? { masqueradeStep: mark(v.masqueradeStep) } : {}),
    };
  }
  if (rules.mode === 'ipvs' && rules.ipvs) return evaluateIpvs(rules, pkt, state, rng, now);
  if (rules.mode === 'nftables' && rules.nft) {
    const v = evaluateNftables(rules, pkt, state, rng, now);
    // The portmap plugin writes iptables(-nft) rules even when kube-proxy uses nftables: a packet no
    // kube-proxy rule rewrote or blocked meets the plugin's nat chains too (both hook dstnat at -100).
    if ((v.action !== 'none' && v.action !== 'accept') || !hasPortmap(rules)) return v;
    const pm = walkIptables(rules, pkt, state, rng, now);
    return pm.action === 'dnat' ? { ...pm, steps: [...v.steps, ...pm.steps] } : v;
  }
  return walkIptables(rules, pkt, state, rng, now);
}

/**
 * conntrack ended an IPVS connection: the real server's active count drops (it stays inactive for a while).
 *
 * @example
 * connectionClosed(state, verdict.ipvsConnection!, world.clock);
 */
export function connectionClosed(state: ProxyState, ref: IpvsConnectionRef, now: number): void {
  const vs = state.ipvs.get(ref.node)?.get(ref.virtualServer);
  const c = vs?.conns.get(ref.realServer);
  if (!c || c.active === 0) return;
  c.active--;
  c.inactive.push(now);
}

/**
 * Why kube-proxy on `nodeName` chose among `chosen` ("ip:port") for Service port `servicePort`
 * ("ns/name:port", a verdict's `service`) and left the port's other endpoints out; undefined when the
 * Service port is not proxied.
 *
 * @example
 * explainDecision(memo, cluster, 'node-1', 'default/web:http', new Set(['10.244.1.5:8080']))?.leftOut;
 * // [{ ep: { endpoint: '10.244.2.7:8080', … }, reason: { kind: 'otherZone', hinted: ['zone-b'], zone: 'zone-a' } }]
 */
export function explainDecision(
  memo: ProxyMemo,
  cluster: ClusterState,
  nodeName: string,
  servicePort: string,
  chosen: ReadonlySet<string>,
  family: 'IPv4' | 'IPv6' = 'IPv4',
): Selection | undefined {
  const colon = servicePort.lastIndexOf(':');
  const entry = serviceMapOf(memo, cluster, family).entries.get(
    colon < 0 ? servicePort : servicePort.slice(0, colon),
  );
  const i = entry?.ports.findIndex((sp) => sp.name === servicePort) ?? -1;
  if (!entry || i < 0) return undefined;
  return explainSelection(
    entry.endpoints[i]!,
    entry.ports[i]!,
    nodeName,
    zoneOf(findNode(cluster, nodeName)),
    chosen,
  );
}
