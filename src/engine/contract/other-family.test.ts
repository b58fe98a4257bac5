/**
 * What a node of a single-stack cluster writes for the other address family. On Linux kube-proxy runs a
 * proxier per family whenever the node supports both (cmd/kube-proxy/app/server_linux.go
 * platformCheckSupported: iptables and IPVS when iptables and ip6tables are present, nftables always, "The
 * nft CLI always supports both families"; createProxier then makes NewDualStackProxier), whatever families
 * the cluster's Services have. The other family's proxier has no Service to write, so it writes its base
 * rules only: in nftables mode a `table ip6 kube-proxy` after `table ip kube-proxy` (no
 * "Drop traffic to unallocated ClusterIPs" rule, as no ServiceCIDR has an IPv6 range; NodePorts on every
 * local address, because `--nodeport-addresses primary` finds no IPv6 node IP and NewNodePortAddresses
 * then falls back to ::/0), in IPVS mode its ip6tables chains over the KUBE-6-… ipsets and no IPv6 virtual
 * server, in iptables mode its ip6tables chains. svclab wrote the IPv6 rules only on dual-stack clusters in
 * nftables and IPVS modes (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const proxy = (mode: string): string =>
  `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`;
const WEB = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  nodeName: node-2
  containers: [{ name: c, image: nginx, ports: [{ containerPort: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80 }]
`;
const IPV6_ONLY = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: fd00:10:96::/112
  podSubnet: fd00:10:244::/56
`;

/** One table block of `nft list ruleset`, from its `table …` line to its closing brace. */
const table = (ruleset: string, family: 'ip' | 'ip6'): string => {
  const start = ruleset.indexOf(`table ${family} kube-proxy {\n`);
  return start < 0 ? '' : ruleset.slice(start, ruleset.indexOf('\n}\n', start) + 3);
};

describe('an IPv4 cluster in nftables mode', () => {
  const s = scene([proxy('nftables'), WEB].join('---\n'));
  const ruleset = s.run('node node-1 -- nft list ruleset').stdout;
  const ip6 = table(ruleset, 'ip6');

  it('lists the ip table, then the IPv6 proxier’s ip6 table', () => {
    expect(ruleset.startsWith('table ip kube-proxy {\n')).toBe(true);
    expect(ruleset.indexOf('table ip6 kube-proxy {\n')).toBeGreaterThan(0);
    expect(ruleset.endsWith(ip6)).toBe(true);
  });

  it('the ip6 table has the base chains and empty sets and maps, no Service', () => {
    expect(ip6).toContain('\tchain filter-prerouting-pre-dnat {\n');
    expect(ip6).toContain(
      '\t\tip6 daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"\n',
    );
    expect(ip6).toContain('\tset cluster-ips {\n\t\ttype ipv6_addr\n\t\tcomment "Active ClusterIPs"\n\t}\n');
    expect(ip6).not.toMatch(/chain (service|endpoint|external)-[A-Z0-9]{8}-/);
    expect(ip6).not.toContain('elements');
    expect(ip6).not.toContain('Drop traffic to unallocated ClusterIPs');
  });

  it('NodePorts on every local IPv6 address: the node has no IPv6 address for `primary`', () => {
    expect(ip6).not.toContain('nodeport-ips');
    expect(ip6).toContain(
      '\t\tfib daddr type local ip6 daddr != ::1 meta l4proto . th dport vmap @no-endpoint-nodeports\n',
    );
    // The ip table keeps the node's primary address.
    expect(table(ruleset, 'ip')).toContain('\tset nodeport-ips {\n');
  });

  it('no ip6tables rule: nftables mode writes none', () => {
    expect(s.run('node node-1 -- ip6tables-save').stdout).not.toContain('KUBE-SERVICES');
  });
});

describe('an IPv4 cluster in IPVS mode', () => {
  const s = scene([proxy('ipvs'), WEB].join('---\n'));

  it('ip6tables-save has the IPv6 proxier’s chains over its KUBE-6- ipsets', () => {
    const save = s.run('node node-1 -- ip6tables-save').stdout;
    expect(save).toContain('-A KUBE-SERVICES -s ::1/128 -j RETURN\n');
    expect(save).toContain('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT\n');
    expect(save).toContain(
      '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-6-IPVS-IPS dst -j REJECT --reject-with icmp6-port-unreachable\n',
    );
    expect(save).toContain(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n',
    );
  });

  it('ipvsadm lists no IPv6 virtual server', () => {
    const list = s.run('node node-1 -- ipvsadm -Ln').stdout;
    expect(list).toContain('TCP  10.96.0.1:443 rr');
    expect(list).not.toContain('[');
  });
});

describe('an IPv4 cluster in iptables mode (unchanged)', () => {
  it('ip6tables-save has the IPv6 proxier’s KUBE-SERVICES', () => {
    const s = scene([proxy('iptables'), WEB].join('---\n'));
    expect(s.run('node node-1 -- ip6tables-save').stdout).toContain(
      '-A KUBE-SERVICES ! -d ::1/128 -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n',
    );
  });
});

describe('an IPv6-only cluster in nftables mode', () => {
  it('the IPv4 proxier’s ip table takes NodePorts on every local address (no IPv4 node IP)', () => {
    const s = scene([IPV6_ONLY, proxy('nftables'), WEB].join('---\n'));
    const ruleset = s.run('node node-1 -- nft list ruleset').stdout;
    const ip = table(ruleset, 'ip');
    expect(ip).not.toContain('nodeport-ips');
    expect(ip).toContain(
      '\t\tfib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @no-endpoint-nodeports\n',
    );
    expect(table(ruleset, 'ip6')).toContain('\tset nodeport-ips {\n');
  });
});
