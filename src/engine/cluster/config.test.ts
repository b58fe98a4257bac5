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
    const { config, diagnostics } = clusterConfigFrom([
      kp({
        mode: 'ipvs',
        ipvs: { scheduler: 'lc' },
        clusterCIDR: '10.0.0.0/8',
        iptables: { masqueradeAll: true, localhostNodePorts: false },
        nodePortAddresses: ['192.168.49.0/24'],
      }),
    ]);
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
    const { config, diagnostics } = clusterConfigFrom([kp({ mode: 'ipvs', ipvs: { scheduler: 'random' } })]);
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
});
