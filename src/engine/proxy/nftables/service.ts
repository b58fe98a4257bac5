/**
 * What kube-proxy's nftables proxier writes for ONE Service port on one node (the body of syncProxyRules'
 * per-service-port loop, pkg/proxy/nftables/proxier.go), as a fragment: the elements it adds to the shared
 * sets and verdict maps (cluster-ips, service-ips, service-nodeports, no-endpoint-*, firewall-ips) are made
 * at once; its own chains (service-, local-, external-, firewall-, endpoint-…) and affinity sets on first
 * use, in the order kube-proxy creates them. Fragments are immutable and shared by nodes with the same view.
 *
 * @example
 * const f = new NftFragment(sp, categorizeEndpoints(eps, sp, 'node-1'), ctx);
 * f.elements[0]; // { set: "cluster-ips", element: { key: "172.30.0.41" } }
 * f.chain('service-ULMVA6XW-ns1/svc1/tcp/p80')!.rules.length; // 2
 */
import { ipInCidr } from '../../net/ip6';
import type { EndpointInfo } from '../shared/endpoint-info';
import type { NodeContext } from '../shared/node-info';
import { nftRuleText } from './print';
import type { NftChain, NftElement, NftMatch, NftObject, NftRule, NftSet, NftVerdict } from './types';
import type { ServicePortInfo } from '../shared/service-port';
import { hash16Fast } from '../shared/sha256-short';
import type { Categorized } from '../shared/topology';

export const NFT_MASQ_MARK = 0x4000;

/** What the node and the proxy settings contribute to a port's chains and elements. */
export interface NftContext extends NodeContext {
  clusterCIDR: string;
  masqueradeAll: boolean;
}

/** hashAndTruncate: the first 8 base32 characters of sha256(name), then the name. */
function hashed(base: string): string {
  return `${hash16Fast(base).slice(0, 8)}-${base}`;
}

/** servicePortChainNameBase: "ns/name/proto/portName". */
export function nftServiceBase(sp: ServicePortInfo): string {
  const [ns, name] = sp.serviceKey.split('/') as [string, string];
  return hashed(`${ns}/${name}/${sp.proto}/${sp.portName}`);
}

/**
 * servicePortEndpointChainNameBase: "ns/name/proto/portName__ip/port"; an IPv6 address has its colons
 * replaced by dots (a chain name may not contain ':'): "…__fd00.10.244.1..5/8080".
 */
export function nftEndpointBase(sp: ServicePortInfo, ep: EndpointInfo): string {
  const [ns, name] = sp.serviceKey.split('/') as [string, string];
  return hashed(`${ns}/${name}/${sp.proto}/${sp.portName}__${ep.ip.replaceAll(':', '.')}/${ep.port}`);
}

/** An element this port adds to one of the table's shared sets or maps. */
export interface NftContribution {
  set: string; // "service-ips"
  element: NftElement;
}

interface Plan {
  base: string;
  hasEndpoints: boolean;
  hasInternal: boolean;
  hasExternal: boolean;
  usesCluster: boolean;
  usesLocal: boolean;
  usesExt: boolean;
  usesFW: boolean;
}

interface Objects {
  objects: NftObject[];
  chains: Map<string, NftChain>;
  sets: Map<string, NftSet>;
}

/** Whether `ip` is inside `cidr`, either family ("" is inside nothing; the families never match). */
export function inRange(ip: string, cidr: string): boolean {
  return ip !== '' && ipInCidr(ip, cidr);
}

export class NftFragment {
  readonly key: string;
  readonly sortKey: string;
  /** In the order kube-proxy adds them. */
  readonly elements: NftContribution[] = [];
  private readonly plan: Plan;
  private made?: Objects;

  constructor(
    readonly sp: ServicePortInfo,
    readonly cat: Categorized,
    readonly ctx: NftContext,
  ) {
    this.key = sp.serviceKey;
    this.sortKey = sp.name;
    const hasEndpoints = cat.hasAnyEndpoints;
    this.plan = {
      base: hasEndpoints ? nftServiceBase(sp) : '',
      hasEndpoints,
      hasInternal: hasEndpoints && (!sp.internalPolicyLocal || cat.local.length > 0),
      hasExternal: hasEndpoints && (!sp.externalPolicyLocal || cat.local.length > 0),
      usesCluster: cat.cluster.length > 0 && (!sp.internalPolicyLocal || sp.externallyAccessible),
      usesLocal:
        cat.local.length > 0 &&
        (sp.internalPolicyLocal || (sp.externalPolicyLocal && sp.externallyAccessible)),
      usesExt: hasEndpoints && sp.externallyAccessible,
      usesFW: sp.loadBalancerVIPs.length > 0 && sp.sourceRanges.length > 0,
    };
    this.writeElements();
  }

  /** Names of the chains this port may create, known without hashing its endpoints. */
  headNames(): string[] {
    const b = this.plan.base || nftServiceBase(this.sp);
    return [`service-${b}`, `local-${b}`, `external-${b}`, `firewall-${b}`];
  }

  private writeElements(): void {
    const { sp, plan: p } = this;
    const svc = sp.name;
    const proto = sp.proto;
    const key = (ip: string): string => `${ip} . ${proto} . ${sp.port}`;
    const add = (set: string, k: string, verdict?: string, comment?: string): void => {
      const e: NftElement = { key: k };
      if (comment !== undefined) e.comment = comment;
      if (verdict !== undefined) e.verdict = verdict;
      this.elements.push({ set, element: e });
    };
    const internalChain = sp.internalPolicyLocal ? `local-${p.base}` : `service-${p.base}`;
    const extChain = `external-${p.base}`;
    const verdict = p.hasEndpoints ? 'drop' : 'goto reject-chain';
    add('cluster-ips', sp.clusterIP);
    if (p.hasInternal) add('service-ips', key(sp.clusterIP), `goto ${internalChain}`);
    else add('no-endpoint-services', key(sp.clusterIP), verdict, svc);
    for (const ip of sp.externalIPs) {
      if (p.hasEndpoints) add('service-ips', key(ip), `goto ${extChain}`);
      if (!p.hasExternal) add('no-endpoint-services', key(ip), verdict, svc);
    }
    const fwChain = p.usesFW ? `firewall-${nftServiceBase(sp)}` : '';
    for (const ip of sp.loadBalancerVIPs) {
      if (p.hasEndpoints) add('service-ips', key(ip), `goto ${extChain}`);
      if (p.usesFW) add('firewall-ips', key(ip), `goto ${fwChain}`);
    }
    if (!p.hasExternal)
      for (const ip of sp.loadBalancerVIPs) add('no-endpoint-services', key(ip), verdict, svc);
    if (sp.nodePort !== 0) {
      const npKey = `${proto} . ${sp.nodePort}`;
      if (p.hasEndpoints) add('service-nodeports', npKey, `goto ${extChain}`);
      if (!p.hasExternal) add('no-endpoint-nodeports', npKey, verdict, svc);
    }
  }

  /** The port's sets and chains, in creation order (built on first use). */
  get objects(): NftObject[] {
    return this.build().objects;
  }

  chain(name: string): NftChain | undefined {
    return this.build().chains.get(name);
  }

  set(name: string): NftSet | undefined {
    return this.build().sets.get(name);
  }

  /** Every name this port created (chains and sets). */
  names(): string[] {
    const b = this.build();
    return [...b.chains.keys(), ...b.sets.keys()];
  }

  private build(): Objects {
    return (this.made ??= this.writeObjects());
  }

  private writeObjects(): Objects {
    const { sp, cat, ctx, plan: p } = this;
    const out: Objects = { objects: [], chains: new Map(), sets: new Map() };
    const chain = (name: string): NftChain => {
      let c = out.chains.get(name);
      if (!c) {
        c = { name, rules: [] };
        out.chains.set(name, c);
        out.objects.push({ chain: c });
      }
      return c;
    };
    const o = { service: sp.name };
    const ipX = ctx.family === 'IPv6' ? 'ip6' : 'ip';
    const rule = (c: string, match: NftMatch, verdict: NftVerdict, opts: Partial<NftRule> = o): void => {
      const r: NftRule = { chain: c, match, verdict, text: '' };
      if (opts.stmt) r.stmt = opts.stmt;
      if (opts.comment !== undefined) r.comment = opts.comment;
      if (opts.service !== undefined) r.service = opts.service;
      r.text = nftRuleText(r, ipX);
      chain(c).rules.push(r);
    };
    const base = p.base || nftServiceBase(sp);
    const clusterChain = `service-${base}`;
    const localChain = `local-${base}`;
    const extChain = `external-${base}`;
    const fwChain = `firewall-${base}`;
    const internalChain = sp.internalPolicyLocal ? localChain : clusterChain;
    const externalPolicyChain = sp.externalPolicyLocal ? localChain : clusterChain;
    const epBase = new Map(cat.allReachable.map((ep) => [ep, nftEndpointBase(sp, ep)]));

    if (sp.affinityClientIP)
      for (const ep of cat.allReachable) {
        const s: NftSet = {
          name: `affinity-${epBase.get(ep)}`,
          kind: 'set',
          type: ipX === 'ip' ? 'ipv4_addr' : 'ipv6_addr',
          elements: [],
          byKey: new Map(),
          flags: ['dynamic', 'timeout'],
          timeout: sp.stickySeconds,
        };
        out.sets.set(s.name, s);
        out.objects.push({ set: s });
      }
    if (p.usesCluster) chain(clusterChain);
    if (p.usesLocal) chain(localChain);
    if (p.usesExt) chain(extChain);
    if (p.usesFW) chain(fwChain);

    const markMasq: NftVerdict = { kind: 'jump', chain: 'mark-for-masquerade' };
    if (p.hasInternal) {
      const daddr = { cidrs: [sp.clusterIP] };
      if (ctx.masqueradeAll) rule(internalChain, { daddr }, markMasq);
      else if (ctx.clusterCIDR !== '')
        rule(internalChain, { daddr, saddr: { cidrs: [ctx.clusterCIDR], negate: true } }, markMasq);
    }
    if (p.usesExt) {
      if (!sp.externalPolicyLocal) rule(extChain, {}, markMasq);
      else {
        const toCluster: NftVerdict = { kind: 'goto', chain: clusterChain };
        if (ctx.clusterCIDR !== '')
          rule(extChain, { saddr: { cidrs: [ctx.clusterCIDR] } }, toCluster, {
            ...o,
            comment: 'short-circuit pod traffic',
          });
        rule(extChain, { fibSaddrLocal: true }, markMasq, { ...o, comment: 'masquerade local traffic' });
        rule(extChain, { fibSaddrLocal: true }, toCluster, { ...o, comment: 'short-circuit local traffic' });
      }
      if (p.hasExternal) rule(extChain, {}, { kind: 'goto', chain: externalPolicyChain });
    }
    if (p.usesFW) {
      const sources = [...sp.sourceRanges];
      if (sp.sourceRanges.some((c) => inRange(ctx.nodeIP, c))) sources.push(...sp.loadBalancerVIPs);
      rule(fwChain, { saddr: { cidrs: sources, negate: true } }, { kind: 'drop' });
    }
    const toEndpoints = (c: string, list: EndpointInfo[]): void => {
      if (sp.affinityClientIP)
        for (const ep of list)
          rule(
            c,
            { saddrSet: `affinity-${epBase.get(ep)}` },
            { kind: 'goto', chain: `endpoint-${epBase.get(ep)}` },
          );
      rule(c, {}, { kind: 'numgen', targets: list.map((ep) => `endpoint-${epBase.get(ep)}`) });
    };
    if (p.usesCluster) toEndpoints(clusterChain, cat.cluster);
    if (p.usesLocal) toEndpoints(localChain, cat.local);
    for (const ep of cat.allReachable) {
      const name = `endpoint-${epBase.get(ep)}`;
      const c = chain(name);
      c.endpoint = { ip: ep.ip, port: ep.port };
      if (ep.pod !== undefined) c.endpoint.pod = ep.pod;
      if (ep.nodeName !== undefined) c.endpoint.node = ep.nodeName;
      rule(name, { saddr: { cidrs: [ep.ip] } }, markMasq);
      if (sp.affinityClientIP)
        rule(name, {}, { kind: 'continue' }, { ...o, stmt: { update: `affinity-${epBase.get(ep)}` } });
      rule(name, {}, { kind: 'dnat', proto: sp.proto, to: ep.endpoint }, o);
    }
    return out;
  }
}
