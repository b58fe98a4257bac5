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
import type { Node } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { formatIp, nthAddress, parseCidr } from '../net/ip';
import { NODE_MASK } from './subnets';
import {
  anyCidrContains,
  anyCidrSize,
  nthAddressText,
  parseAnyCidr,
  type AnyCidr,
  type IPFamily,
} from '../net/ip6';
import { addressFamilies, podSubnetOf } from './families';
import { cloneJson } from '../manifest/clone';
import { objectDiagnostic } from './diag';
import type { ClusterConfig } from './state';

/** The kubelet version svclab's nodes report (the Kubernetes version svclab simulates). */
export const KUBELET_VERSION = 'v1.36.0';
/** What a node reports when its scene does not say (status.capacity; allocatable is the same). */
export const DEFAULT_CAPACITY = {
  cpu: '2',
  'ephemeral-storage': '61202244Ki',
  memory: '8039920Ki',
  pods: '110',
};
/** Node addresses of the default nodes, as minikube/kind-style docker networks hand them out. */
export const DEFAULT_NODE_NETWORK = '192.168.49.0/24';

/** The IPv6 prefix of the default nodes' network on a dual-stack cluster (kind's docker network): "fc00:f853:ccd:e793::2". */
export const DEFAULT_NODE_NETWORK_V6 = 'fc00:f853:ccd:e793::';

/** The node-sized blocks of one pod subnet (/24 for IPv4, /64 for IPv6), in order, skipping those a Node already has. */
class NodeBlocks {
  private readonly used = new Set<string>();
  private n = 0n;

  constructor(
    private readonly cidr: AnyCidr,
    nodes: Node[],
  ) {
    for (const node of nodes)
      for (const c of [node.spec?.podCIDR, ...(node.spec?.podCIDRs ?? [])]) {
        const p = typeof c === 'string' ? parseAnyCidr(c) : undefined;
        if (p?.family === cidr.family) this.used.add(p.text);
      }
  }

  next(): string | undefined {
    const mask = NODE_MASK[this.cidr.family];
    const step = 1n << BigInt(this.cidr.bits - mask);
    const blocks = anyCidrSize(this.cidr) / step;
    while (this.n < blocks) {
      const text = `${nthAddressText(this.cidr, this.n++ * step)}/${mask}`;
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
  const usedIPs = new Set<string>();
  for (const n of nodes)
    for (const a of n.status?.addresses ?? [])
      if (a?.type === 'InternalIP' && typeof a.address === 'string') usedIPs.add(a.address);
  // The families nodes and pods have addresses of, the cluster's primary first: node-ipam gives a node
  // one CIDR per family in that order, and a node's first InternalIP is of the primary family.
  const families = addressFamilies(config);
  const blocks = families.flatMap((family) => {
    const subnet = podSubnetOf(config, family);
    const cidr = subnet ? parseAnyCidr(subnet) : undefined;
    return cidr ? [{ subnet: subnet!, blocks: new NodeBlocks(cidr, nodes) }] : [];
  });
  const net = parseCidr(DEFAULT_NODE_NETWORK)!;
  let nextHost = 2; // .1 is the network's gateway
  nodes.forEach((n, i) => {
    n.spec ??= {};
    const name = n.metadata.name ?? `node-${i + 1}`;
    n.metadata.labels = { ...n.metadata.labels };
    n.metadata.labels[HOSTNAME_LABEL] ??= name;
    n.metadata.labels['kubernetes.io/os'] ??= 'linux';
    n.metadata.labels['kubernetes.io/arch'] ??= 'amd64';
    const cidr = n.spec.podCIDR ?? n.spec.podCIDRs?.[0];
    if (cidr === undefined) {
      // node-ipam's range allocator: one CIDR of each family, in the cluster's order.
      const carved: string[] = [];
      for (const b of blocks) {
        const c = b.blocks.next();
        if (c !== undefined) carved.push(c);
        else
          diagnostics.push(
            objectDiagnostic(undefined, n, 'spec.podCIDR', {
              severity: 'warning',
              source: 'lint',
              code: 'node.podCIDR.exhausted',
              message: msg('lint.node.podSubnetFull', {
                subnet: b.subnet,
                mask: NODE_MASK[parseAnyCidr(b.subnet)!.family],
                node: name,
              }),
            }),
          );
      }
      if (carved.length > 0) {
        n.spec.podCIDR = carved[0];
        n.spec.podCIDRs = carved;
      }
    } else {
      const c = typeof cidr === 'string' ? parseAnyCidr(cidr) : undefined;
      const subnet = c ? podSubnetOf(config, c.family) : undefined;
      const pool = subnet ? parseAnyCidr(subnet) : undefined;
      if (!c || !pool || !anyCidrContains(pool, nthAddressText(c, 0n)))
        diagnostics.push(
          objectDiagnostic(inputs[i] as SourcedObject | undefined, n, 'spec.podCIDR', {
            severity: 'warning',
            source: 'lint',
            code: 'node.podCIDR.outside',
            message: msg('lint.node.podCidrOutside', {
              cidr,
              subnet: subnet ?? podSubnetOf(config, config.primaryFamily) ?? '',
            }),
            hint: msg('lint.node.podCidrOutside.hint', {}),
          }),
        );
      n.spec.podCIDR = cidr;
      // A node that already has its CIDRs keeps them (occupyCIDRs).
      n.spec.podCIDRs ??= [cidr];
    }
    n.status = { ...n.status };
    const addresses = [...(n.status.addresses ?? [])];
    if (!addresses.some((a) => a.type === 'InternalIP')) {
      // kind's docker network has both families; host n is .n and ::n, the primary family's listed first.
      const at = (host: number): Record<IPFamily, string> => ({
        IPv4: formatIp(nthAddress(net, host)),
        IPv6: `${DEFAULT_NODE_NETWORK_V6}${host.toString(16)}`,
      });
      let host = nextHost++;
      while (families.some((f) => usedIPs.has(at(host)[f]))) host = nextHost++;
      const ips = families.map((f) => at(host)[f]);
      ips.forEach((ip) => usedIPs.add(ip));
      addresses.unshift(...ips.map((address) => ({ type: 'InternalIP' as const, address })));
    }
    if (!addresses.some((a) => a.type === 'Hostname')) addresses.push({ type: 'Hostname', address: name });
    n.status.addresses = addresses;
    n.status.conditions ??= [
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ];
    // kind's nodes report the host's CPUs and memory, with nothing reserved: allocatable = capacity.
    const st = n.status as Record<string, unknown>;
    st.capacity ??= { ...DEFAULT_CAPACITY };
    st.allocatable ??= { ...(st.capacity as object) };
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
