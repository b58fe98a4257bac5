/**
 * kubeadm's checks of ClusterConfiguration networking.serviceSubnet and podSubnet
 * (cmd/kubeadm/app/apis/kubeadm/validation: ValidateIPNetFromString, ValidateServiceSubnetSize,
 * ValidatePodSubnetNodeMask), with kubeadm's messages: one CIDR, or two of different families for
 * dual-stack, comma-separated without spaces; host bits are accepted (net.ParseCIDR keeps the network);
 * at least 10 addresses for services and 14 for pods; a service CIDR of at most 2^20 addresses; a pod
 * CIDR that holds the node CIDR (/24 for IPv4, /64 for IPv6, kube-controller-manager's defaults) and at
 * most 2^16 of them.
 *
 * @example
 * parseSubnets('serviceSubnet', '10.96.0.1/12,fd00:10:96::/112').cidrs.map((c) => c.text);
 * // ["10.96.0.0/12", "fd00:10:96::/112"]
 */
import { anyCidrSize, parseAnyCidr, type AnyCidr } from '../net/ip6';
import { goQuote } from './diag';

/** kube-controller-manager's default --node-cidr-mask-size-ipv4 / -ipv6. */
export const NODE_MASK = { IPv4: 24, IPv6: 64 } as const;
/** kubeadm constants: MinimumAddressesInServiceSubnet, MinimumAddressesInPodSubnet, MaximumBitsForServiceSubnet, PodSubnetNodeMaskMaxDiff. */
const MIN_ADDRESSES = { serviceSubnet: 10n, podSubnet: 14n } as const;
const MAX_SERVICE_BITS = 20;
const MAX_NODE_MASK_DIFF = 16;

export type SubnetField = 'serviceSubnet' | 'podSubnet';

export interface SubnetError {
  code: string; // "config.serviceSubnet"
  message: string; // the whole "networking.serviceSubnet: Invalid value: …" line
}

/**
 * Validates one of the two fields as kubeadm does; `cidrs` is empty when any check failed (kubeadm
 * refuses the whole configuration, svclab keeps its default for that field).
 */
export function parseSubnets(field: SubnetField, value: string): { cidrs: AnyCidr[]; errors: SubnetError[] } {
  const path = `networking.${field}`;
  const errors: SubnetError[] = [];
  const invalid = (code: string, v: string, detail: string): void => {
    errors.push({ code, message: `${path}: Invalid value: ${goQuote(v)}: ${detail}` });
  };
  const parsed = value.split(',').map(parseAnyCidr);
  if (parsed.some((c) => c === undefined)) {
    invalid(`config.${field}`, value, "couldn't parse subnet");
    return { cidrs: [], errors };
  }
  const cidrs = parsed as AnyCidr[];
  if (cidrs.length > 2 || (cidrs.length === 2 && cidrs[0]!.family === cidrs[1]!.family))
    invalid(
      `config.${field}.families`,
      value,
      'expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking',
    );
  for (const c of cidrs) {
    const size = anyCidrSize(c);
    // RangeSize caps at MaxInt64; any such subnet is far above the minimum anyway.
    if (size < MIN_ADDRESSES[field])
      invalid(
        `config.${field}.small`,
        c.text,
        `subnet with ${size} address(es) is too small, the minimum is ${MIN_ADDRESSES[field]}`,
      );
  }
  if (field === 'serviceSubnet')
    for (const c of cidrs)
      if (c.bits - c.prefix > MAX_SERVICE_BITS)
        invalid(
          'config.serviceSubnet.size',
          c.text,
          `specified service subnet is too large; for ${c.bits}-bit addresses, the mask must be >= ${c.bits - MAX_SERVICE_BITS}`,
        );
  if (field === 'podSubnet')
    for (const c of cidrs) {
      const nodeMask = NODE_MASK[c.family];
      if (c.prefix > nodeMask)
        invalid(
          'config.podSubnet.size',
          c.text,
          `the size of pod subnet with mask ${c.prefix} is smaller than the size of node subnet with mask ${nodeMask}`,
        );
      else if (nodeMask - c.prefix > MAX_NODE_MASK_DIFF)
        invalid(
          'config.podSubnet.size',
          c.text,
          `pod subnet mask (${c.prefix}) and node-mask (${nodeMask}) difference is greater than ${MAX_NODE_MASK_DIFF}`,
        );
    }
  return { cidrs: errors.length > 0 ? [] : cidrs, errors };
}
