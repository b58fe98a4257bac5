/**
 * The cluster's Nodes: the user's Node objects (InternalIP, spec.podCIDR, the topology.kubernetes.io/zone
 * label) completed with what a kubeadm cluster would have, or, without any Node, three default workers.
 * PodCIDRs are carved from podSubnet as /24s in order, as kube-controller-manager's node-ipam controller
 * does with the default --node-cidr-mask-size=24 (10.244.0.0/24, 10.244.1.0/24, …), skipping any a Node
 * already has.
 *
 * @example
 * const nodes = buildNodes([], DEFAULT_CONFIG).nodes;
 * nodes.map((n) => n.spec?.podCIDR); // ["10.244.0.0/24", "10.244.1.0/24", "10.244.2.0/24"]
 */
import type { Diagnostic } from '../diagnostics';
import { msg } from '../messages';
import { HOSTNAME_LABEL, ZONE_LABEL } from '../k8s/labels';
import { nodeInternalIP } from '../k8s/node';
import type { Node } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { cidrContains, cidrSize, formatIp, nthAddress, parseCidr, parseIp } from '../net/ip';
import { NODE_CIDR_MASK_SIZE } from './config';
import { NODE_MASK } from './subnets';
import { anyCidrSize, nthAddressText, parseAnyCidr, type AnyCidr } from '../net/ip6';
import { cloneJson } from '../manifest/clone';
import { objectDiagnostic } from './diag';
import type { ClusterConfig } from './state';

/** The kubelet version svclab's nodes report (the Kubernetes version svclab simulates). */
export const KUBELET_VERSION = 'v1.36.0';
/** Node addresses of the default nodes, as minikube/kind-style docker networks hand them out. */
export const DEFAULT_NODE_NETWORK = '192.168.49.0/24';

/** The IPv6 prefix of the default nodes' network on a dual-stack cluster (kind's docker network): "fc00:f853:ccd:e793::2". */
export const DEFAULT_NODE_NETWORK_V6 = 'fc00:f853:ccd:e793::';

/** The IPv6 /64s of podSubnetV6, in order, skipping those a Node already has. */
class V6Blocks {
  private readonly cidr: AnyCidr;
  private readonly used = new Set<string>();
  private n = 0n;

  constructor(podSubnetV6: string, nodes: Node[]) {
    this.cidr = parseAnyCidr(podSubnetV6)!;
    for (const node of nodes)
      for (const c of node.spec?.podCIDRs ?? []) {
        const p = typeof c === 'string' ? parseAnyCidr(c) : undefined;
        if (p?.family === 'IPv6') this.used.add(p.text);
      }
  }

  next(): string | undefined {
    const step = 1n << BigInt(128 - NODE_MASK.IPv6);
    const blocks = anyCidrSize(this.cidr) / step;
    while (this.n < blocks) {
      const text = `${nthAddressText(this.cidr, this.n++ * step)}/${NODE_MASK.IPv6}`;
      if (!this.used.has(text)) return text;
    }
    return undefined;
  }
}

const DEFAULT_NODES: { name: string; zone: string }[] = [
  { name: 'node-1', zone: 'zone-a' },
  { name: 'node-2', zone: 'zone-a' },
  { name: 'node-3', zone: 'zone-b' },
];

function defaultNode(name: string, zone: string): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { [ZONE_LABEL]: zone } }, spec: {} };
}

/**
 * Completes the given Nodes (cloned, not mutated) or makes the default three.
 *
 * @example
 * buildNodes([{ object: myNode, ... }], config).nodes[0].status.addresses; // InternalIP kept, Hostname added
 */
export function buildNodes(
  inputs: Pick<SourcedObject, 'object'>[],
  config: ClusterConfig,
): { nodes: Node[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const given = inputs.map((s) => cloneJson(s.object) as Node);
  const nodes = given.length > 0 ? given : DEFAULT_NODES.map((d) => defaultNode(d.name, d.zone));
  const pod = parseCidr(config.podSubnet)!;
  const usedCidrs = new Set<string>();
  const usedIPs = new Set<string>();
  for (const n of nodes) {
    const c = n.spec?.podCIDR ?? n.spec?.podCIDRs?.[0];
    if (c && parseCidr(c)) usedCidrs.add(parseCidr(c)!.text);
    const ip = nodeInternalIP(n);
    if (ip) usedIPs.add(ip);
  }
  const dual = config.podSubnetV6 !== undefined || config.serviceSubnetV6 !== undefined;
  const v6Blocks = config.podSubnetV6 ? new V6Blocks(config.podSubnetV6, nodes) : undefined;
  const blockSize = 2 ** (32 - NODE_CIDR_MASK_SIZE);
  const blocks = Math.max(1, Math.floor(cidrSize(pod) / blockSize));
  let nextBlock = 0;
  const net = parseCidr(DEFAULT_NODE_NETWORK)!;
  let nextHost = 2; // .1 is the network's gateway
  nodes.forEach((n, i) => {
    n.spec ??= {};
    const name = n.metadata.name ?? `node-${i + 1}`;
    n.metadata.labels = { ...n.metadata.labels };
    n.metadata.labels[HOSTNAME_LABEL] ??= name;
    n.metadata.labels['kubernetes.io/os'] ??= 'linux';
    n.metadata.labels['kubernetes.io/arch'] ??= 'amd64';
    let cidr = n.spec.podCIDR ?? n.spec.podCIDRs?.[0];
    const carved = cidr === undefined;
    if (cidr === undefined) {
      while (nextBlock < blocks) {
        const c = `${formatIp(nthAddress(pod, nextBlock * blockSize))}/${NODE_CIDR_MASK_SIZE}`;
        nextBlock++;
        if (!usedCidrs.has(c)) {
          cidr = c;
          break;
        }
      }
      if (cidr === undefined)
        diagnostics.push(
          objectDiagnostic(undefined, n, 'spec.podCIDR', {
            severity: 'warning',
            source: 'lint',
            code: 'node.podCIDR.exhausted',
            message: msg('lint.node.podSubnetFull', {
              subnet: config.podSubnet,
              mask: NODE_CIDR_MASK_SIZE,
              node: name,
            }),
          }),
        );
    } else {
      const c = parseCidr(cidr);
      const base = c ? parseIp(formatIp(c.base)) : undefined;
      if (!c || base === undefined || !cidrContains(pod, base))
        diagnostics.push(
          objectDiagnostic(inputs[i] as SourcedObject | undefined, n, 'spec.podCIDR', {
            severity: 'warning',
            source: 'lint',
            code: 'node.podCIDR.outside',
            message: msg('lint.node.podCidrOutside', { cidr, subnet: config.podSubnet }),
            hint: msg('lint.node.podCidrOutside.hint', {}),
          }),
        );
    }
    if (cidr !== undefined) {
      n.spec.podCIDR = cidr;
      // node-ipam's dual-stack range allocator gives a node one CIDR per family, in the cluster's order;
      // a node that already has its CIDRs keeps them (occupyCIDRs).
      const v6 = carved ? v6Blocks?.next() : undefined;
      n.spec.podCIDRs ??= v6 ? [cidr, v6] : [cidr];
    }
    n.status = { ...n.status };
    const addresses = [...(n.status.addresses ?? [])];
    if (!addresses.some((a) => a.type === 'InternalIP')) {
      let host = nextHost++;
      let ip = formatIp(nthAddress(net, host));
      while (usedIPs.has(ip)) ip = formatIp(nthAddress(net, (host = nextHost++)));
      usedIPs.add(ip);
      addresses.unshift({ type: 'InternalIP', address: ip });
      // A dual-stack cluster's nodes have an address of each family (kind's docker network has both).
      if (dual)
        addresses.splice(1, 0, {
          type: 'InternalIP',
          address: `${DEFAULT_NODE_NETWORK_V6}${host.toString(16)}`,
        });
    }
    if (!addresses.some((a) => a.type === 'Hostname')) addresses.push({ type: 'Hostname', address: name });
    n.status.addresses = addresses;
    n.status.conditions ??= [
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ];
    (n.status as Record<string, unknown>).nodeInfo ??= {
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      containerRuntimeVersion: 'containerd://2.1.0',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      kernelVersion: '6.1.0-30-amd64',
      operatingSystem: 'linux',
      architecture: 'amd64',
    };
  });
  return { nodes, diagnostics };
}

/** Whether the node is Ready (condition Ready=True). */
export function nodeReady(node: Node): boolean {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'False';
}
