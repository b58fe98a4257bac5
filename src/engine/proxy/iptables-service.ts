/**
 * The rules kube-proxy's iptables proxier writes for ONE Service port on one node (the body of the
 * per-service loop in syncProxyRules, pkg/proxy/iptables/proxier.go), as a fragment that the node's tables
 * are assembled from. Fragments are immutable, so nodes with the same view of a Service share them and an
 * edit regenerates only the edited Service's fragments.
 *
 * @example
 * const f = buildServiceFragment(sp, categorizeEndpoints(eps, sp, 'node-1'), ctx);
 * f.natServices[0].text; // '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O'
 */
import { inCidr } from '../net/ip';
import type { EndpointInfo } from './endpoint-info';
import { sepChainName } from './hash';
import { makeRule } from './rule';
import type { ServicePortInfo } from './service-port';
import type { Categorized } from './topology';
import type { Chain, Rule } from './types';

/** What the node-level settings contribute to a Service's rules. */
export interface ProxyContext {
  nodeName: string; // "node-1"
  nodeIP: string; // "192.168.49.2"
  zone: string; // "zone-a" ("" when the node has no zone label)
  /** The local-traffic detector's CIDR (ClusterCIDR mode); "" disables the detector. */
  clusterCIDR: string; // "10.244.0.0/16"
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
  largeClusterMode: boolean;
}

export interface ServiceFragment {
  servicePort: ServicePortInfo;
  categorized: Categorized;
  natServices: Rule[];
  natNodePorts: Rule[];
  filterServices: Rule[];
  filterExternal: Rule[];
  filterNodePorts: Rule[];
  filterFirewall: Rule[];
  /** KUBE-EXT / KUBE-FW / KUBE-SVC / KUBE-SVL / KUBE-SEP chains of this Service port. */
  natChains: Chain[];
  /** SEP chain name → the endpoint it DNATs to. */
  seps: Map<string, EndpointInfo>;
  /** All endpoints of the port, usable or not (for the large-cluster count). */
  endpointCount: number;
}

export const MASQ_MARK = '0x4000';
const LOCALHOST_NODEPORT_COUNTER = 'localhost_nps_accepted_pkts';

function probability(n: number): string {
  return (1 / n).toFixed(10); // Go's %0.10f
}

function chain(name: string, rules: Rule[]): Chain {
  return { name, builtin: false, rules };
}

/** writeServiceToEndpointRules: affinity checks first, then the probability cascade. */
function endpointRules(
  sp: ServicePortInfo,
  chainName: string,
  eps: EndpointInfo[],
  sepOf: (ep: EndpointInfo) => string,
  ctx: ProxyContext,
): Rule[] {
  const rules: Rule[] = [];
  const comment = (ep: EndpointInfo): string[] =>
    ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', `${sp.name} -> ${ep.endpoint}`];
  if (sp.affinityClientIP) {
    for (const ep of eps) {
      const sep = sepOf(ep);
      const args = [...comment(ep), '-m', 'recent', '--name', sep, '--rcheck', '--seconds'];
      args.push(String(sp.stickySeconds), '--reap', '-j', sep);
      rules.push(makeRule(chainName, args, sp.name));
    }
  }
  eps.forEach((ep, i) => {
    const args = comment(ep);
    if (i < eps.length - 1)
      args.push('-m', 'statistic', '--mode', 'random', '--probability', probability(eps.length - i));
    rules.push(makeRule(chainName, [...args, '-j', sepOf(ep)], sp.name));
  });
  return rules;
}

/** All of one Service port's rules on one node. */
export function buildServiceFragment(
  sp: ServicePortInfo,
  cat: Categorized,
  ctx: ProxyContext,
  endpointCount = 0,
): ServiceFragment {
  const { proto, name } = sp;
  const port = String(sp.port);
  const { svc: clusterPolicyChain, svl: localPolicyChain, ext: extChain, fw: fwChain } = sp.chains;
  const hasEndpoints = cat.hasAnyEndpoints;
  const usesClusterPolicyChain =
    cat.cluster.length > 0 && (!sp.internalPolicyLocal || sp.externallyAccessible);
  const usesLocalPolicyChain =
    cat.local.length > 0 && (sp.internalPolicyLocal || (sp.externalPolicyLocal && sp.externallyAccessible));
  let internalChain = clusterPolicyChain;
  let hasInternal = hasEndpoints;
  if (sp.internalPolicyLocal) {
    internalChain = localPolicyChain;
    if (cat.local.length === 0) hasInternal = false;
  }
  let externalPolicyChain = clusterPolicyChain;
  let hasExternal = hasEndpoints;
  if (sp.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain;
    if (cat.local.length === 0) hasExternal = false;
  }
  const usesExt = hasEndpoints && sp.externallyAccessible;
  const usesFW = hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.sourceRanges.length > 0;
  const lbChain = usesFW ? fwChain : extChain;

  let internalFilterTarget = '';
  let internalFilterComment = '';
  let externalFilterTarget = '';
  let externalFilterComment = '';
  if (!hasEndpoints) {
    internalFilterTarget = externalFilterTarget = 'REJECT';
    internalFilterComment = externalFilterComment = `${name} has no endpoints`;
  } else {
    if (!hasInternal)
      [internalFilterTarget, internalFilterComment] = ['DROP', `${name} has no local endpoints`];
    if (!hasExternal)
      [externalFilterTarget, externalFilterComment] = ['DROP', `${name} has no local endpoints`];
  }

  const f: ServiceFragment = {
    servicePort: sp,
    categorized: cat,
    natServices: [],
    natNodePorts: [],
    filterServices: [],
    filterExternal: [],
    filterNodePorts: [],
    filterFirewall: [],
    natChains: [],
    seps: new Map(),
    endpointCount,
  };
  const r = (c: string, args: string[]): Rule => makeRule(c, args, name);
  const capture = (comment: string, ip: string): string[] => [
    '-m',
    'comment',
    '--comment',
    comment,
    '-m',
    proto,
    '-p',
    proto,
    '-d',
    ip,
    '--dport',
    port,
  ];

  // Capture the clusterIP.
  if (hasInternal)
    f.natServices.push(
      r('KUBE-SERVICES', [...capture(`${name} cluster IP`, sp.clusterIP), '-j', internalChain]),
    );
  else
    f.filterServices.push(
      r('KUBE-SERVICES', [...capture(internalFilterComment, sp.clusterIP), '-j', internalFilterTarget]),
    );

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (hasEndpoints)
      f.natServices.push(r('KUBE-SERVICES', [...capture(`${name} external IP`, ip), '-j', extChain]));
    if (!hasExternal)
      f.filterExternal.push(
        r('KUBE-EXTERNAL-SERVICES', [...capture(externalFilterComment, ip), '-j', externalFilterTarget]),
      );
  }

  // Capture load-balancer ingress.
  for (const ip of sp.loadBalancerVIPs) {
    if (hasEndpoints)
      f.natServices.push(r('KUBE-SERVICES', [...capture(`${name} loadbalancer IP`, ip), '-j', lbChain]));
    if (usesFW)
      f.filterFirewall.push(
        r('KUBE-PROXY-FIREWALL', [
          ...capture(`${name} traffic not accepted by ${fwChain}`, ip),
          '-j',
          'DROP',
        ]),
      );
  }
  if (!hasExternal)
    for (const ip of sp.loadBalancerVIPs)
      f.filterExternal.push(
        r('KUBE-EXTERNAL-SERVICES', [...capture(externalFilterComment, ip), '-j', externalFilterTarget]),
      );

  // Capture nodeports ("nodeports are not subect to loadBalancerSourceRanges", says kube-proxy).
  if (sp.nodePort !== 0) {
    const np = String(sp.nodePort);
    if (hasEndpoints) {
      if (ctx.localhostNodePorts)
        f.natNodePorts.push(
          r('KUBE-NODEPORTS', [
            '-m',
            'comment',
            '--comment',
            name,
            '-m',
            proto,
            '-p',
            proto,
            '-d',
            '127.0.0.0/8',
            '--dport',
            np,
            '-m',
            'nfacct',
            '--nfacct-name',
            LOCALHOST_NODEPORT_COUNTER,
            '-j',
            extChain,
          ]),
        );
      f.natNodePorts.push(
        r('KUBE-NODEPORTS', [
          '-m',
          'comment',
          '--comment',
          name,
          '-m',
          proto,
          '-p',
          proto,
          '--dport',
          np,
          '-j',
          extChain,
        ]),
      );
    }
    if (!hasExternal)
      f.filterExternal.push(
        r('KUBE-EXTERNAL-SERVICES', [
          '-m',
          'comment',
          '--comment',
          externalFilterComment,
          '-m',
          'addrtype',
          '--dst-type',
          'LOCAL',
          '-m',
          proto,
          '-p',
          proto,
          '--dport',
          np,
          '-j',
          externalFilterTarget,
        ]),
      );
  }

  // Health-check node port: accepted "no matter if node has local endpoints".
  if (sp.healthCheckNodePort !== 0)
    f.filterNodePorts.push(
      r('KUBE-NODEPORTS', [
        '-m',
        'comment',
        '--comment',
        `${name} health check node port`,
        '-m',
        'tcp',
        '-p',
        'tcp',
        '--dport',
        String(sp.healthCheckNodePort),
        '-j',
        'ACCEPT',
      ]),
    );

  const chainRules = new Map<string, Rule[]>();
  const rulesOf = (c: string): Rule[] => {
    let list = chainRules.get(c);
    if (!list) chainRules.set(c, (list = []));
    return list;
  };

  // Internal traffic: masquerade off-cluster sources (or everything with masqueradeAll).
  if (hasInternal) {
    const args = capture(`${name} cluster IP`, sp.clusterIP);
    if (ctx.masqueradeAll) rulesOf(internalChain).push(r(internalChain, [...args, '-j', 'KUBE-MARK-MASQ']));
    else if (ctx.clusterCIDR !== '')
      rulesOf(internalChain).push(
        r(internalChain, [...args, '!', '-s', ctx.clusterCIDR, '-j', 'KUBE-MARK-MASQ']),
      );
  }

  if (usesExt) {
    const ext = rulesOf(extChain);
    if (!sp.externalPolicyLocal) {
      ext.push(
        r(extChain, [
          '-m',
          'comment',
          '--comment',
          `masquerade traffic for ${name} external destinations`,
          '-j',
          'KUBE-MARK-MASQ',
        ]),
      );
    } else {
      if (ctx.clusterCIDR !== '')
        ext.push(
          r(extChain, [
            '-m',
            'comment',
            '--comment',
            `pod traffic for ${name} external destinations`,
            '-s',
            ctx.clusterCIDR,
            '-j',
            clusterPolicyChain,
          ]),
        );
      ext.push(
        r(extChain, [
          '-m',
          'comment',
          '--comment',
          `masquerade LOCAL traffic for ${name} external destinations`,
          '-m',
          'addrtype',
          '--src-type',
          'LOCAL',
          '-j',
          'KUBE-MARK-MASQ',
        ]),
      );
      ext.push(
        r(extChain, [
          '-m',
          'comment',
          '--comment',
          `route LOCAL traffic for ${name} external destinations`,
          '-m',
          'addrtype',
          '--src-type',
          'LOCAL',
          '-j',
          clusterPolicyChain,
        ]),
      );
    }
    if (hasExternal) ext.push(r(extChain, ['-j', externalPolicyChain]));
  }

  if (usesFW) {
    const fw = rulesOf(fwChain);
    const head = ['-m', 'comment', '--comment', `${name} loadbalancer IP`];
    let allowFromNode = false;
    for (const cidr of sp.sourceRanges) {
      fw.push(r(fwChain, [...head, '-s', cidr, '-j', extChain]));
      if (inCidr(ctx.nodeIP, cidr)) allowFromNode = true;
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
  if (usesClusterPolicyChain)
    rulesOf(clusterPolicyChain).push(...endpointRules(sp, clusterPolicyChain, cat.cluster, sepOf, ctx));
  if (usesLocalPolicyChain)
    rulesOf(localPolicyChain).push(...endpointRules(sp, localPolicyChain, cat.local, sepOf, ctx));

  for (const ep of cat.allReachable) {
    const sep = sepOf(ep);
    const base = ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', name];
    const dnat = [...base];
    if (sp.affinityClientIP) dnat.push('-m', 'recent', '--name', sep, '--set');
    dnat.push('-m', proto, '-p', proto, '-j', 'DNAT', '--to-destination', ep.endpoint);
    // Hairpin: traffic that loops back to the originating pod must be SNATed, or the reply would bypass us.
    rulesOf(sep).push(r(sep, [...base, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ']), r(sep, dnat));
    f.seps.set(sep, ep);
  }
  for (const [c, rules] of chainRules) {
    const made = chain(c, rules);
    const ep = f.seps.get(c);
    if (ep) {
      made.endpoint = { ip: ep.ip, port: ep.port };
      if (ep.pod !== undefined) made.endpoint.pod = ep.pod;
      if (ep.nodeName !== undefined) made.endpoint.node = ep.nodeName;
    }
    f.natChains.push(made);
  }
  // A used policy chain exists even when empty of masquerade rules; SVC/SVL always get endpoint rules.
  return f;
}
