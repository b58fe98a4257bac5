import { describe, expect, it } from 'vitest';
import type { Service } from '../k8s/objects';
import { inCidr, parseIp } from '../net/ip';
import { assignLoadBalancers } from './load-balancer';
import { RangeAllocator } from './range-allocator';
import { allocateServices } from './service-alloc';
import { DEFAULT_CONFIG } from './state';
import { service } from '../testing/cluster-objects';

const alloc = (svcs: Service[], seed = 1): ReturnType<typeof allocateServices> =>
  allocateServices(
    svcs.map((service) => ({ service })),
    DEFAULT_CONFIG,
    seed,
  );

describe('RangeAllocator', () => {
  it('has the upstream static bands', () => {
    const ips = RangeAllocator.forCidr('10.96.0.0/12')!;
    expect(ips.offset).toBe(256);
    expect(ips.allocate(ips.first - 1)).toBe('not-in-range'); // network address
    expect(RangeAllocator.forPorts(30000, 32767).offset).toBe(86);
  });
});

describe('allocateServices', () => {
  it('allocates ClusterIPs in the service CIDR outside the static band, deterministically', () => {
    const a = service('a', { app: 'a' });
    const b = service('b', { app: 'b' });
    const { accepted, diagnostics } = alloc([a, b]);
    expect(diagnostics).toEqual([]);
    expect(accepted).toHaveLength(2);
    for (const s of accepted) {
      expect(inCidr(s.spec.clusterIP!, '10.96.0.0/12')).toBe(true);
      // Dynamic IPs avoid the static band 10.96.0.1–10.96.1.0 (KEP-3070).
      expect(parseIp(s.spec.clusterIP!)!).toBeGreaterThanOrEqual(parseIp('10.96.1.1')!);
      expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
      expect(s.spec.ipFamilies).toEqual(['IPv4']);
      expect(s.spec.ipFamilyPolicy).toBe('SingleStack');
    }
    expect(a.spec.clusterIP).not.toBe(b.spec.clusterIP);
    // Same input and seed → same IPs; an unrelated Service does not move them.
    const a2 = service('a', { app: 'a' });
    alloc([service('zzz', {}), a2]);
    expect(a2.spec.clusterIP).toBe(a.spec.clusterIP);
    const a3 = service('a', { app: 'a' });
    alloc([a3], 2);
    expect(a3.spec.clusterIP).not.toBe(a.spec.clusterIP);
  });

  it('honours given IPs and rejects conflicts and out-of-range IPs with the registry wording', () => {
    const dns = service('kube-dns', {}, undefined, { clusterIP: '10.96.0.10' });
    const dup = service('dup', {}, undefined, { clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
    const out = service('out', {}, undefined, { clusterIP: '10.0.0.1' });
    const headless = service('h', { app: 'h' }, undefined, { clusterIP: 'None' });
    const ext: Service = {
      ...service('e', undefined, []),
      spec: { type: 'ExternalName', externalName: 'example.com' },
    };
    const { accepted, diagnostics } = alloc([dns, dup, out, headless, ext]);
    expect(accepted.map((s) => s.metadata.name)).toEqual(['kube-dns', 'h', 'e']);
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    expect(headless.spec.clusterIPs).toEqual(['None']);
    expect(ext.spec.clusterIP).toBeUndefined();
    expect(diagnostics.map((d) => [d.field, d.message])).toEqual([
      [
        'spec.clusterIPs',
        'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
      ],
      [
        'spec.clusterIPs',
        'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided network does not match the current range',
      ],
    ]);
    expect(diagnostics.every((d) => d.severity === 'error' && d.source === 'api')).toBe(true);
  });

  it('a given value wins over an earlier Service that would have picked it dynamically', () => {
    const first = service('first', {});
    alloc([first]);
    const later = service('later', {}, undefined, { clusterIP: first.spec.clusterIP! });
    const again = service('first', {});
    const { diagnostics } = alloc([again, later]);
    expect(diagnostics).toEqual([]);
    expect(later.spec.clusterIP).toBe(first.spec.clusterIP);
    expect(again.spec.clusterIP).not.toBe(first.spec.clusterIP);
  });

  it('allocates nodePorts for NodePort and LoadBalancer; range and duplicate errors as section 5', () => {
    const np = service('np', {}, [{ port: 80, protocol: 'TCP', targetPort: 8080 }], { type: 'NodePort' });
    const given = service('given', {}, [{ port: 80, protocol: 'TCP', nodePort: 30080 }], {
      type: 'NodePort',
    });
    const low = service('low', {}, [{ port: 80, protocol: 'TCP', nodePort: 80 }], { type: 'NodePort' });
    const dup = service('dup', {}, [{ port: 81, protocol: 'TCP', nodePort: 30080 }], { type: 'NodePort' });
    const { diagnostics } = alloc([np, given, low, dup]);
    expect(np.spec.ports![0]!.nodePort).toBeGreaterThanOrEqual(30086);
    expect(np.spec.ports![0]!.nodePort).toBeLessThanOrEqual(32767);
    expect(given.spec.ports![0]!.nodePort).toBe(30080);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ]);
  });

  it('shares one nodePort between TCP and UDP on the same port; honours allocateLoadBalancerNodePorts', () => {
    const dns = service(
      'dns',
      {},
      [
        { name: 'udp', port: 53, protocol: 'UDP' },
        { name: 'tcp', port: 53, protocol: 'TCP' },
      ],
      { type: 'NodePort' },
    );
    const noNp = service('lb', {}, [{ port: 80, protocol: 'TCP' }], {
      type: 'LoadBalancer',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: 'Cluster',
    });
    const lbGiven = service('lb2', {}, [{ port: 80, protocol: 'TCP', nodePort: 30001 }], {
      type: 'LoadBalancer',
      allocateLoadBalancerNodePorts: false,
    });
    alloc([dns, noNp, lbGiven]);
    expect(dns.spec.ports![0]!.nodePort).toBe(dns.spec.ports![1]!.nodePort);
    expect(noNp.spec.ports![0]!.nodePort).toBeUndefined();
    expect(lbGiven.spec.ports![0]!.nodePort).toBe(30001);
  });

  it('allocates healthCheckNodePort only for LoadBalancer + Local; a taken one is an internal error', () => {
    const local = service('local', {}, [{ port: 80, protocol: 'TCP' }], {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
    });
    const cluster = service('cluster', {}, [{ port: 80, protocol: 'TCP' }], {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
    });
    const clash = service('clash', {}, [{ port: 80, protocol: 'TCP', nodePort: 31000 }], {
      type: 'NodePort',
    });
    const hc = service('hc', {}, [{ port: 80, protocol: 'TCP' }], {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31000,
    });
    const { diagnostics } = alloc([local, cluster, clash, hc]);
    expect(local.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(local.spec.healthCheckNodePort).not.toBe(local.spec.ports![0]!.nodePort);
    expect(cluster.spec.healthCheckNodePort).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Internal error occurred: failed to allocate requested HealthCheck NodePort 31000: provided port is already allocated',
    ]);
  });
});

describe('assignLoadBalancers', () => {
  it('gives the lowest free pool address with ipMode VIP, keeps given ingress, skips loadBalancerClass', () => {
    const given: Service = {
      ...service('given', {}, undefined, { type: 'LoadBalancer' }),
      status: { loadBalancer: { ingress: [{ ip: '198.51.100.1' }] } },
    };
    const a = service('a', {}, undefined, { type: 'LoadBalancer' });
    const wanted = service('w', {}, undefined, { type: 'LoadBalancer', loadBalancerIP: '198.51.100.50' });
    const other = service('o', {}, undefined, { type: 'LoadBalancer', loadBalancerClass: 'example.com/lb' });
    const outside = service('x', {}, undefined, { type: 'LoadBalancer', loadBalancerIP: '203.0.113.5' });
    assignLoadBalancers([given, a, wanted, other, outside], DEFAULT_CONFIG);
    expect(given.status?.loadBalancer?.ingress).toEqual([{ ip: '198.51.100.1', ipMode: 'VIP' }]);
    expect(a.status?.loadBalancer?.ingress).toEqual([{ ip: '198.51.100.2', ipMode: 'VIP' }]);
    expect(wanted.status?.loadBalancer?.ingress).toEqual([{ ip: '198.51.100.50', ipMode: 'VIP' }]);
    expect(other.status).toBeUndefined();
    expect(outside.status).toBeUndefined();
  });
});
