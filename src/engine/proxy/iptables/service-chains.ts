/**
 * The per-Service-port nat chains kube-proxy's iptables proxier writes (the second half of the per-service
 * loop in syncProxyRules, pkg/proxy/iptables/proxier.go): the policy chains KUBE-SVC (Cluster) and KUBE-SVL
 * (Local) with their probability cascade and affinity checks, KUBE-EXT, KUBE-FW and one KUBE-SEP per
 * endpoint. A fragment (service.ts) builds them on first use: a 10,000-Service ruleset has
 * ~300,000 such rules and a trace reads a few dozen.
 *
 * @example
 * const { chains } = buildServiceChains(plan);
 * chains[0].name; // "KUBE-SVC-XPGD46QRK7WJZT7O"
 */
import { ipInCidr } from '../../net/ip6';
import type { EndpointInfo } from '../shared/endpoint-info';
import { sepChainName } from '../shared/hash';
import type { NodeContext } from '../shared/node-info';
import { makeRule } from '../shared/rule';
import type { ServicePortInfo } from '../shared/service-port';
import type { Categorized } from '../shared/topology';
import type { Chain, Rule } from '../shared/types';

/** What the node and the proxy settings contribute to a Service's rules. */
export interface ProxyContext extends NodeContext {
  /** The local-traffic detector's CIDR (ClusterCIDR mode); "" disables the detector. */
  clusterCIDR: string; // "10.244.0.0/16"
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
  largeClusterMode: boolean;
}

/** The decisions syncProxyRules makes for one Service port before it writes a rule. */
export interface ServicePlan {
  sp: ServicePortInfo;
  cat: Categorized;
  ctx: ProxyContext;
  hasEndpoints: boolean;
  hasInternal: boolean;
  hasExternal: boolean;
  internalChain: string;
  externalPolicyChain: string;
  usesClusterPolicyChain: boolean;
  usesLocalPolicyChain: boolean;
  usesExt: boolean;
  usesFW: boolean;
}

export interface ServiceChains {
  /** In creation order. */
  chains: Chain[];
  byName: Map<string, Chain>;
  /** SEP chain name → the endpoint it DNATs to. */
  seps: Map<string, EndpointInfo>;
}

function probability(n: number): string {
  return (1 / n).toFixed(10); // Go's %0.10f
}

/** writeServiceToEndpointRules: affinity checks first, then the probability cascade. */
function endpointRules(
  p: ServicePlan,
  chainName: string,
  eps: EndpointInfo[],
  sepOf: (ep: EndpointInfo) => string,
  into: Rule[],
): void {
  const { sp, ctx } = p;
  const name = sp.name;
  if (sp.affinityClientIP)
    for (const ep of eps) {
      const sep = sepOf(ep);
      const args = ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', `${name} -> ${ep.endpoint}`];
      args.push('-m', 'recent', '--name', sep, '--rcheck', '--seconds', String(sp.stickySeconds), '--reap');
      args.push('-j', sep);
      into.push(makeRule(chainName, args, name, ctx.family));
    }
  for (let i = 0; i < eps.length; i++) {
    const ep = eps[i]!;
    const args = ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', `${name} -> ${ep.endpoint}`];
    if (i < eps.length - 1)
      args.push('-m', 'statistic', '--mode', 'random', '--probability', probability(eps.length - i));
    args.push('-j', sepOf(ep));
    into.push(makeRule(chainName, args, name, ctx.family));
  }
}

/** All of one Service port's nat chains on one node, in the order kube-proxy creates them. */
export function buildServiceChains(p: ServicePlan): ServiceChains {
  const { sp, ctx, cat } = p;
  const { proto, name } = sp;
  const { svc: clusterPolicyChain, svl: localPolicyChain, ext: extChain, fw: fwChain } = sp.chains;
  const chainRules = new Map<string, Rule[]>();
  const rulesOf = (c: string): Rule[] => {
    let list = chainRules.get(c);
    if (!list) chainRules.set(c, (list = []));
    return list;
  };
  const r = (c: string, args: string[]): Rule => makeRule(c, args, name, ctx.family);

  // Internal traffic: masquerade off-cluster sources (or everything with masqueradeAll).
  if (p.hasInternal && (ctx.masqueradeAll || ctx.clusterCIDR !== '')) {
    const c = p.internalChain;
    const args = ['-m', 'comment', '--comment', `${name} cluster IP`, '-m', proto, '-p', proto];
    args.push('-d', sp.clusterIP, '--dport', String(sp.port));
    if (!ctx.masqueradeAll) args.push('!', '-s', ctx.clusterCIDR);
    args.push('-j', 'KUBE-MARK-MASQ');
    rulesOf(c).push(r(c, args));
  }

  if (p.usesExt) {
    const ext = rulesOf(extChain);
    const comment = (text: string): string[] => ['-m', 'comment', '--comment', text];
    if (!sp.externalPolicyLocal) {
      ext.push(
        r(extChain, [
          ...comment(`masquerade traffic for ${name} external destinations`),
          '-j',
          'KUBE-MARK-MASQ',
        ]),
      );
    } else {
      if (ctx.clusterCIDR !== '')
        ext.push(
          r(extChain, [
            ...comment(`pod traffic for ${name} external destinations`),
            '-s',
            ctx.clusterCIDR,
            '-j',
            clusterPolicyChain,
          ]),
        );
      const local = ['-m', 'addrtype', '--src-type', 'LOCAL'];
      ext.push(
        r(extChain, [
          ...comment(`masquerade LOCAL traffic for ${name} external destinations`),
          ...local,
          '-j',
          'KUBE-MARK-MASQ',
        ]),
      );
      ext.push(
        r(extChain, [
          ...comment(`route LOCAL traffic for ${name} external destinations`),
          ...local,
          '-j',
          clusterPolicyChain,
        ]),
      );
    }
    if (p.hasExternal) ext.push(r(extChain, ['-j', p.externalPolicyChain]));
  }

  if (p.usesFW) {
    const fw = rulesOf(fwChain);
    const head = ['-m', 'comment', '--comment', `${name} loadbalancer IP`];
    let allowFromNode = false;
    for (const cidr of sp.sourceRanges) {
      fw.push(r(fwChain, [...head, '-s', cidr, '-j', extChain]));
      if (ctx.nodeIP !== '' && ipInCidr(ctx.nodeIP, cidr)) allowFromNode = true;
    }
    // A VIP-like LB address is often local to the node; requests from the node then arrive with the VIP as source.
    if (allowFromNode)
      for (const ip of sp.loadBalancerVIPs) fw.push(r(fwChain, [...head, '-s', ip, '-j', extChain]));
    fw.push(
      r(fwChain, [
        '-m',
        'comment',
        '--comment',
        `other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`,
      ]),
    );
  }

  const sepNames = new Map<EndpointInfo, string>();
  const sepOf = (ep: EndpointInfo): string => {
    let n = sepNames.get(ep);
    if (n === undefined) sepNames.set(ep, (n = sepChainName(name, proto, ep.endpoint)));
    return n;
  };
  if (p.usesClusterPolicyChain)
    endpointRules(p, clusterPolicyChain, cat.cluster, sepOf, rulesOf(clusterPolicyChain));
  if (p.usesLocalPolicyChain) endpointRules(p, localPolicyChain, cat.local, sepOf, rulesOf(localPolicyChain));

  const seps = new Map<string, EndpointInfo>();
  for (const ep of cat.allReachable) {
    const sep = sepOf(ep);
    const comment = ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', name];
    const masq = [...comment, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ'];
    const dnat = comment;
    if (sp.affinityClientIP) dnat.push('-m', 'recent', '--name', sep, '--set');
    dnat.push('-m', proto, '-p', proto, '-j', 'DNAT', '--to-destination', ep.endpoint);
    // Hairpin: traffic that loops back to the originating pod must be SNATed, or the reply would bypass us.
    rulesOf(sep).push(r(sep, masq), r(sep, dnat));
    seps.set(sep, ep);
  }
  const chains: Chain[] = [];
  const byName = new Map<string, Chain>();
  for (const [c, rules] of chainRules) {
    const made: Chain = { name: c, builtin: false, rules };
    const ep = seps.get(c);
    if (ep) {
      made.endpoint = { ip: ep.ip, port: ep.port };
      if (ep.pod !== undefined) made.endpoint.pod = ep.pod;
      if (ep.nodeName !== undefined) made.endpoint.node = ep.nodeName;
    }
    chains.push(made);
    byName.set(c, made);
  }
  return { chains, byName, seps };
}
