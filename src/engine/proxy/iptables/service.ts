/**
 * The rules kube-proxy's iptables proxier writes for ONE Service port on one node (the body of the
 * per-service loop in syncProxyRules, pkg/proxy/iptables/proxier.go), as a fragment that the node's tables
 * are assembled from: the rules it adds to the shared chains (KUBE-SERVICES, KUBE-NODEPORTS, the filter
 * chains) are made at once; its own chains (KUBE-SVC/SVL/EXT/FW/SEP, service-chains.ts) on first use.
 * Fragments are immutable, so nodes with the same view of a Service share one, and an edit regenerates
 * only the edited Service's fragments.
 *
 * @example
 * const f = new ServiceFragment(sp, categorizeEndpoints(eps, sp, 'node-1'), ctx);
 * f.natServices[0].text; // '-A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O'
 */
import type { EndpointInfo } from '../shared/endpoint-info';
import {
  buildServiceChains,
  type ProxyContext,
  type ServiceChains,
  type ServicePlan,
} from './service-chains';
import { makeRule } from '../shared/rule';
import type { ServicePortInfo } from '../shared/service-port';
import type { Categorized } from '../shared/topology';
import type { Chain, Rule } from '../shared/types';

export type { ProxyContext } from './service-chains';

export const MASQ_MARK = '0x4000';
const LOCALHOST_NODEPORT_COUNTER = 'localhost_nps_accepted_pkts';

/** The decisions of syncProxyRules for one Service port (which chains it uses, what has endpoints). */
function planOf(sp: ServicePortInfo, cat: Categorized, ctx: ProxyContext): ServicePlan {
  const hasEndpoints = cat.hasAnyEndpoints;
  const hasInternal = hasEndpoints && (!sp.internalPolicyLocal || cat.local.length > 0);
  const hasExternal = hasEndpoints && (!sp.externalPolicyLocal || cat.local.length > 0);
  return {
    sp,
    cat,
    ctx,
    hasEndpoints,
    hasInternal,
    hasExternal,
    // Read lazily: the chain names hash the port name, which a port without endpoints never needs.
    get internalChain() {
      return sp.internalPolicyLocal ? sp.chains.svl : sp.chains.svc;
    },
    get externalPolicyChain() {
      return sp.externalPolicyLocal ? sp.chains.svl : sp.chains.svc;
    },
    usesClusterPolicyChain: cat.cluster.length > 0 && (!sp.internalPolicyLocal || sp.externallyAccessible),
    usesLocalPolicyChain:
      cat.local.length > 0 && (sp.internalPolicyLocal || (sp.externalPolicyLocal && sp.externallyAccessible)),
    usesExt: hasEndpoints && sp.externallyAccessible,
    usesFW: hasEndpoints && sp.loadBalancerVIPs.length > 0 && sp.sourceRanges.length > 0,
  };
}

/** One Service port's contribution to a node's tables. */
export class ServiceFragment {
  readonly key: string; // "ns1/svc1"
  readonly sortKey: string;
  readonly natServices: Rule[] = [];
  readonly natNodePorts: Rule[] = [];
  readonly filterServices: Rule[] = [];
  readonly filterExternal: Rule[] = [];
  readonly filterNodePorts: Rule[] = [];
  readonly filterFirewall: Rule[] = [];
  private made?: ServiceChains;
  private readonly plan: ServicePlan;

  constructor(
    readonly servicePort: ServicePortInfo,
    readonly categorized: Categorized,
    readonly ctx: ProxyContext,
    /** All endpoints of the port, usable or not (for the large-cluster count). */
    readonly endpointCount = 0,
  ) {
    this.key = servicePort.serviceKey;
    this.sortKey = servicePort.serviceKey;
    this.plan = planOf(servicePort, categorized, ctx);
    writeSharedChainRules(this, this.plan);
  }

  /** Names of the chains this fragment may write, known without hashing its endpoints. */
  headNames(): string[] {
    if (!this.plan.hasEndpoints) return [];
    const c = this.servicePort.chains;
    return [c.svc, c.svl, c.ext, c.fw];
  }

  private chainsNow(): ServiceChains {
    return (this.made ??= this.plan.hasEndpoints
      ? buildServiceChains(this.plan)
      : { chains: [], byName: new Map(), seps: new Map() });
  }

  /** KUBE-EXT / KUBE-FW / KUBE-SVC / KUBE-SVL / KUBE-SEP chains of this Service port (built on first use). */
  get natChains(): Chain[] {
    return this.chainsNow().chains;
  }

  /** SEP chain name → the endpoint it DNATs to. */
  get seps(): Map<string, EndpointInfo> {
    return this.chainsNow().seps;
  }

  chain(name: string): Chain | undefined {
    return this.chainsNow().byName.get(name);
  }
}

/** KUBE-SERVICES-style capture: `-m comment --comment C -m tcp -p tcp -d IP --dport PORT -j TARGET`. */
function capture(sp: ServicePortInfo, comment: string, ip: string, target: string): string[] {
  const p = sp.proto;
  return [
    '-m',
    'comment',
    '--comment',
    comment,
    '-m',
    p,
    '-p',
    p,
    '-d',
    ip,
    '--dport',
    String(sp.port),
    '-j',
    target,
  ];
}

/** The rules a Service port adds to the chains every Service shares. */
function writeSharedChainRules(f: ServiceFragment, p: ServicePlan): void {
  const { sp, ctx } = p;
  const { proto, name } = sp;
  const r = (c: string, args: string[]): Rule => makeRule(c, args, name, ctx.family);
  let internalFilterTarget = '';
  let internalFilterComment = '';
  let externalFilterTarget = '';
  let externalFilterComment = '';
  if (!p.hasEndpoints) {
    internalFilterTarget = externalFilterTarget = 'REJECT';
    internalFilterComment = externalFilterComment = `${name} has no endpoints`;
  } else {
    if (!p.hasInternal)
      [internalFilterTarget, internalFilterComment] = ['DROP', `${name} has no local endpoints`];
    if (!p.hasExternal)
      [externalFilterTarget, externalFilterComment] = ['DROP', `${name} has no local endpoints`];
  }
  const extChain = p.hasEndpoints ? sp.chains.ext : '';

  // Capture the clusterIP.
  if (p.hasInternal)
    f.natServices.push(r('KUBE-SERVICES', capture(sp, `${name} cluster IP`, sp.clusterIP, p.internalChain)));
  else
    f.filterServices.push(
      r('KUBE-SERVICES', capture(sp, internalFilterComment, sp.clusterIP, internalFilterTarget)),
    );

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (p.hasEndpoints)
      f.natServices.push(r('KUBE-SERVICES', capture(sp, `${name} external IP`, ip, extChain)));
    if (!p.hasExternal)
      f.filterExternal.push(
        r('KUBE-EXTERNAL-SERVICES', capture(sp, externalFilterComment, ip, externalFilterTarget)),
      );
  }

  // Capture load-balancer ingress.
  const lbChain = p.usesFW ? sp.chains.fw : extChain;
  for (const ip of sp.loadBalancerVIPs) {
    if (p.hasEndpoints)
      f.natServices.push(r('KUBE-SERVICES', capture(sp, `${name} loadbalancer IP`, ip, lbChain)));
    if (p.usesFW)
      f.filterFirewall.push(
        r('KUBE-PROXY-FIREWALL', capture(sp, `${name} traffic not accepted by ${sp.chains.fw}`, ip, 'DROP')),
      );
  }
  if (!p.hasExternal)
    for (const ip of sp.loadBalancerVIPs)
      f.filterExternal.push(
        r('KUBE-EXTERNAL-SERVICES', capture(sp, externalFilterComment, ip, externalFilterTarget)),
      );

  // Capture nodeports ("nodeports are not subect to loadBalancerSourceRanges", says kube-proxy).
  if (sp.nodePort !== 0) {
    const np = String(sp.nodePort);
    const head = ['-m', 'comment', '--comment', name, '-m', proto, '-p', proto];
    if (p.hasEndpoints) {
      if (ctx.localhostNodePorts)
        f.natNodePorts.push(
          r('KUBE-NODEPORTS', [
            ...head,
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
      f.natNodePorts.push(r('KUBE-NODEPORTS', [...head, '--dport', np, '-j', extChain]));
    }
    if (!p.hasExternal)
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
}
