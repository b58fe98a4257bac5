import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/objects';
import { clusterConfigFrom } from './config';

const kp = (extra: Record<string, unknown>): { object: KubeObject } => ({
  object: {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    metadata: {},
    ...extra,
  },
});
const cc = (networking: Record<string, unknown>): { object: KubeObject } => ({
  object: { apiVersion: 'kubeadm.k8s.io/v1beta4', kind: 'ClusterConfiguration', metadata: {}, networking },
});

describe('clusterConfigFrom', () => {
  it('keeps the defaults without config objects', () => {
    const { config, diagnostics } = clusterConfigFrom([]);
    expect(config.serviceSubnet).toBe('10.96.0.0/12');
    expect(config.podSubnet).toBe('10.244.0.0/16');
    expect(config.proxy.mode).toBe('iptables');
    expect(config.proxy.ipvsScheduler).toBe('rr');
    expect(diagnostics).toEqual([]);
  });

  it('reads ClusterConfiguration networking; clusterCIDR follows podSubnet', () => {
    const { config } = clusterConfigFrom([
      cc({ serviceSubnet: '10.100.0.0/16', podSubnet: '10.32.0.0/12', dnsDomain: 'corp.local' }),
    ]);
    expect(config.serviceSubnet).toBe('10.100.0.0/16');
    expect(config.podSubnet).toBe('10.32.0.0/12');
    expect(config.proxy.clusterCIDR).toBe('10.32.0.0/12');
    expect(config.dnsDomain).toBe('corp.local');
  });

  it('reads KubeProxyConfiguration', () => {
    const { config, diagnostics: all } = clusterConfigFrom([
      kp({
        mode: 'ipvs',
        ipvs: { scheduler: 'lc' },
        clusterCIDR: '10.0.0.0/8',
        iptables: { masqueradeAll: true, localhostNodePorts: false },
        nodePortAddresses: ['192.168.49.0/24'],
      }),
    ]);
    // Only kube-proxy's startup line about ipvs mode (contract/api-warnings.test.ts).
    const diagnostics = all.filter((d) => d.code !== 'config.proxyMode.ipvsDeprecated');
    expect(diagnostics).toEqual([]);
    expect(config.proxy).toEqual({
      mode: 'ipvs',
      ipvsScheduler: 'lc',
      clusterCIDR: '10.0.0.0/8',
      masqueradeAll: true,
      nodePortAddresses: ['192.168.49.0/24'],
      localhostNodePorts: false,
    });
  });

  it('rejects an unknown IPVS scheduler with kube-proxy wording', () => {
    const { config, diagnostics: all } = clusterConfigFrom([
      kp({ mode: 'ipvs', ipvs: { scheduler: 'random' } }),
    ]);
    // The field's error; then kube-proxy exits with it (config.kubeProxyExits, contract/kube-proxy-config-refused).
    const diagnostics = all.filter((d) => d.severity === 'error' && d.code !== 'config.kubeProxyExits');
    expect(config.proxy.ipvsScheduler).toBe('rr');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'KubeProxyConfiguration.KubeProxyIPVSConfiguration.Scheduler: Invalid value: "random": must be in [rr wrr lc wlc lblc lblcr sh dh sed nq ], blank means the default algorithm method (currently rr)',
    ]);
    expect(diagnostics[0]!.severity).toBe('error');
  });

  it('rejects an unknown proxy mode', () => {
    const { config, diagnostics } = clusterConfigFrom([kp({ mode: 'userspace' })]);
    expect(config.proxy.mode).toBe('iptables');
    expect(diagnostics[0]!.message).toBe(
      'KubeProxyConfiguration.ProxyMode: Invalid value: "userspace": must be iptables, ipvs, nftables or blank (blank means the best-available proxy [currently iptables])',
    );
  });

  it('rejects unparsable subnets and keeps the default', () => {
    const { config, diagnostics } = clusterConfigFrom([cc({ serviceSubnet: '10.96.0.0/33' })]);
    expect(config.serviceSubnet).toBe('10.96.0.0/12');
    expect(diagnostics[0]!.message).toBe(
      'networking.serviceSubnet: Invalid value: "10.96.0.0/33": couldn\'t parse subnet',
    );
  });

  describe('subnets as kubeadm takes them (ValidateNetworking)', () => {
    const messages = (networking: Record<string, unknown>): string[] =>
      clusterConfigFrom([cc(networking)]).diagnostics.map((d) => String(d.message));

    it('takes one CIDR per family, comma-separated, the IPv4 one first', () => {
      const { config, diagnostics } = clusterConfigFrom([
        cc({ serviceSubnet: '10.96.0.0/12,fd00:10:96::/112', podSubnet: '10.244.0.0/16,fd00:10:244::/56' }),
      ]);
      expect(diagnostics).toEqual([]);
      expect(config.serviceSubnet).toBe('10.96.0.0/12');
      expect(config.serviceSubnetV6).toBe('fd00:10:96::/112');
      expect(config.podSubnet).toBe('10.244.0.0/16');
      expect(config.podSubnetV6).toBe('fd00:10:244::/56');
      expect(config.proxy.clusterCIDR).toBe('10.244.0.0/16');
      expect(config.proxy.clusterCIDRV6).toBe('fd00:10:244::/56');
    });

    it('accepts host bits as net.ParseCIDR does, keeping the network', () => {
      const { config, diagnostics } = clusterConfigFrom([
        cc({ serviceSubnet: '10.96.0.1/12,fd00:10:96::1/112', podSubnet: '10.244.1.0/16' }),
      ]);
      expect(diagnostics).toEqual([]);
      expect(config.serviceSubnet).toBe('10.96.0.0/12');
      expect(config.serviceSubnetV6).toBe('fd00:10:96::/112');
      expect(config.podSubnet).toBe('10.244.0.0/16');
    });

    it("refuses what kubeadm refuses, with kubeadm's messages", () => {
      expect(messages({ serviceSubnet: '10.96.0.0/12, fd00:10:96::/112' })).toEqual([
        'networking.serviceSubnet: Invalid value: "10.96.0.0/12, fd00:10:96::/112": couldn\'t parse subnet',
      ]);
      expect(messages({ serviceSubnet: '10.96.0.0/12,10.100.0.0/16' })).toEqual([
        'networking.serviceSubnet: Invalid value: "10.96.0.0/12,10.100.0.0/16": expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking',
      ]);
      expect(messages({ podSubnet: '10.244.0.0/16,fd00::/56,10.1.0.0/16' })).toEqual([
        'networking.podSubnet: Invalid value: "10.244.0.0/16,fd00::/56,10.1.0.0/16": expected one (IPv4 or IPv6) CIDR or two CIDRs from each family for dual-stack networking',
      ]);
      expect(messages({ serviceSubnet: '10.96.0.0/12,fd00:10:96::/64' })).toEqual([
        'networking.serviceSubnet: Invalid value: "fd00:10:96::/64": specified service subnet is too large; for 128-bit addresses, the mask must be >= 108',
      ]);
      expect(messages({ serviceSubnet: '10.96.0.0/30' })).toEqual([
        'networking.serviceSubnet: Invalid value: "10.96.0.0/30": subnet with 4 address(es) is too small, the minimum is 10',
      ]);
      expect(messages({ podSubnet: '10.244.0.0/16,fd00:10:244::/72' })).toEqual([
        'networking.podSubnet: Invalid value: "fd00:10:244::/72": the size of pod subnet with mask 72 is smaller than the size of node subnet with mask 64',
      ]);
      expect(messages({ podSubnet: '10.0.0.0/7' })).toEqual([
        'networking.podSubnet: Invalid value: "10.0.0.0/7": pod subnet mask (7) and node-mask (24) difference is greater than 16',
      ]);
    });

    it('keeps the default of a refused field and says how to write it', () => {
      const { config, diagnostics } = clusterConfigFrom([cc({ serviceSubnet: '10.96.0.0/12;fd00::/112' })]);
      expect(config.serviceSubnet).toBe('10.96.0.0/12');
      expect(config.serviceSubnetV6).toBeUndefined();
      expect(diagnostics[0]!.hint).toEqual({
        id: 'dualStack.subnet.hint',
        params: { field: 'serviceSubnet', example: '10.96.0.0/12,fd00:10:96::/112' },
      });
    });

    it('takes the primary family from the first serviceSubnet (IPv6-first, IPv6-only)', () => {
      const first = clusterConfigFrom([cc({ serviceSubnet: 'fd00:10:96::/112,10.96.0.0/12' })]);
      expect(first.diagnostics).toEqual([]);
      expect(first.config).toMatchObject({
        primaryFamily: 'IPv6',
        serviceSubnet: '10.96.0.0/12',
        serviceSubnetV6: 'fd00:10:96::/112',
        // No podSubnet: kind's, one per Service family.
        podSubnet: '10.244.0.0/16',
        podSubnetV6: 'fd00:10:244::/56',
      });
      const only = clusterConfigFrom([cc({ serviceSubnet: 'fd00:10:96::/112' })]).config;
      expect(only).toMatchObject({ primaryFamily: 'IPv6', serviceSubnet: '', podSubnet: '' });
      expect(only.proxy).toMatchObject({ clusterCIDR: '', clusterCIDRV6: 'fd00:10:244::/56' });
    });
  });

  it("reads kube-proxy's clusterCIDR per family with kube-proxy's messages", () => {
    expect(clusterConfigFrom([kp({ clusterCIDR: '10.0.0.0/8,fd00::/48' })]).config.proxy).toMatchObject({
      clusterCIDR: '10.0.0.0/8',
      clusterCIDRV6: 'fd00::/48',
    });
    const refused = (v: string): string =>
      String(clusterConfigFrom([kp({ clusterCIDR: v })]).diagnostics[0]?.message);
    expect(refused('10.0.0.0/8,10.1.0.0/16')).toBe(
      'KubeProxyConfiguration.ClusterCIDR: Invalid value: "10.0.0.0/8,10.1.0.0/16": must be a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)',
    );
    expect(refused('10.0.0.0/8,fd00::/48,10.1.0.0/16')).toBe(
      'KubeProxyConfiguration.ClusterCIDR: Invalid value: "10.0.0.0/8,fd00::/48,10.1.0.0/16": only one CIDR allowed or a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)',
    );
  });

  it('accepts IPv6 nodePortAddresses, which the IPv4 proxier ignores', () => {
    const { config, diagnostics } = clusterConfigFrom([
      kp({ nodePortAddresses: ['fd00:1::/64', '192.168.49.0/24'] }),
    ]);
    expect(diagnostics).toEqual([]);
    expect(config.proxy.nodePortAddresses).toEqual(['fd00:1::/64', '192.168.49.0/24']);
  });

  it('reads masqueradeAll from the block of its mode: nftables.masqueradeAll in nftables mode only', () => {
    const all = (o: Record<string, unknown>): boolean =>
      clusterConfigFrom([kp(o)]).config.proxy.masqueradeAll;
    expect(all({ mode: 'nftables', iptables: { masqueradeAll: true } })).toBe(false);
    expect(all({ mode: 'nftables', nftables: { masqueradeAll: true } })).toBe(true);
    expect(all({ mode: 'iptables', nftables: { masqueradeAll: true } })).toBe(false);
    expect(all({ mode: 'ipvs', iptables: { masqueradeAll: true } })).toBe(true);
  });
});
