import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, objectKey } from '../cluster/state';
import type { ConfigMap, Deployment, EndpointSlice, KubeObject, Node, Service } from '../k8s/objects';
import { clusterDnsIP, dnsSystemObjects, kubeadmCorefile, kubernetesServiceIP } from './system-objects';

const node1: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1' },
  status: { addresses: [{ type: 'InternalIP', address: '192.168.49.2' }] },
};

const find = <T extends KubeObject>(objs: KubeObject[], key: string) =>
  objs.find((o) => objectKey(o) === key) as T | undefined;

describe('dnsSystemObjects', () => {
  it('adds kubeadm objects with the kube-dns IP at .10 of the service CIDR', () => {
    const objs = dnsSystemObjects(DEFAULT_CONFIG, [], [node1]);
    expect(objs.map(objectKey)).toEqual([
      'Namespace//default',
      'Namespace//kube-node-lease',
      'Namespace//kube-public',
      'Namespace//kube-system',
      'Service/default/kubernetes',
      'Endpoints/default/kubernetes',
      'EndpointSlice/default/kubernetes',
      'ConfigMap/kube-system/coredns',
      'Deployment/kube-system/coredns',
      'Service/kube-system/kube-dns',
    ]);
    const dns = find<Service>(objs, 'Service/kube-system/kube-dns')!;
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    expect(dns.spec.ports!.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual([
      'dns 53/UDP',
      'dns-tcp 53/TCP',
      'metrics 9153/TCP',
    ]);
    const k = find<Service>(objs, 'Service/default/kubernetes')!;
    expect(k.spec.clusterIP).toBe('10.96.0.1');
    expect(k.spec.selector).toBeUndefined();
    const slice = find<EndpointSlice>(objs, 'EndpointSlice/default/kubernetes')!;
    expect(slice.endpoints![0]!.addresses).toEqual(['192.168.49.2']);
    expect(slice.ports![0]!.port).toBe(6443);
    const dep = find<Deployment>(objs, 'Deployment/kube-system/coredns')!;
    expect(dep.spec.replicas).toBe(2);
    const ports = dep.spec.template.spec.containers[0]!.ports!.map((p) => p.name);
    expect(ports).toContain('readiness-probe');
  });

  it('renders the Corefile with the configured domain', () => {
    const objs = dnsSystemObjects({ ...DEFAULT_CONFIG, dnsDomain: 'corp.example' }, []);
    const cm = find<ConfigMap>(objs, 'ConfigMap/kube-system/coredns')!;
    expect(cm.data!.Corefile).toContain(
      '    kubernetes corp.example in-addr.arpa ip6.arpa {\n       pods insecure\n',
    );
    expect(cm.data!.Corefile).toContain('       disable success corp.example\n');
    expect(kubeadmCorefile('cluster.local')).toMatch(/ttl 30\n {4}}\n {4}prometheus :9153\n/);
  });

  it('skips user-defined objects, and all of CoreDNS when the user has a kube-dns Service', () => {
    const user: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-dns', namespace: 'kube-system' } },
    ];
    const keys = dnsSystemObjects(DEFAULT_CONFIG, user).map(objectKey);
    expect(keys).not.toContain('Namespace//default');
    expect(keys).not.toContain('ConfigMap/kube-system/coredns');
    expect(keys).not.toContain('Deployment/kube-system/coredns');
    expect(keys).not.toContain('Service/kube-system/kube-dns');
    expect(keys).toContain('Service/default/kubernetes');
  });

  it('uses the 10th address of a custom service subnet', () => {
    expect(clusterDnsIP({ ...DEFAULT_CONFIG, serviceSubnet: '10.233.0.0/18' })).toBe('10.233.0.10');
  });

  it('takes the DNS and API addresses from the first service subnet (kubeadm GetDNSIP)', () => {
    const v6First = {
      ...DEFAULT_CONFIG,
      primaryFamily: 'IPv6' as const,
      serviceSubnetV6: 'fd00:10:96::/112',
    };
    expect(clusterDnsIP(v6First)).toBe('fd00:10:96::a');
    expect(kubernetesServiceIP(v6First)).toBe('fd00:10:96::1');
    const v6Only = { ...v6First, serviceSubnet: '' };
    expect(clusterDnsIP(v6Only)).toBe('fd00:10:96::a');
  });
});
