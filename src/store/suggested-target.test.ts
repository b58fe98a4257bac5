import { describe, expect, it } from 'vitest';
import { emptyCluster } from '../engine/cluster/state';
import { hasPlaceholder, resolveTarget } from './suggested-target';

describe('resolveTarget', () => {
  const c = emptyCluster();
  c.nodes = [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-2' },
      status: { addresses: [{ type: 'InternalIP', address: '10.0.0.12' }] },
    },
  ];
  c.services = [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { type: 'LoadBalancer', clusterIP: '10.96.0.20', ports: [{ port: 80, nodePort: 32743 }] },
      status: { loadBalancer: { ingress: [{ ip: '198.51.100.1' }] } },
    },
  ];

  it('fills load balancer, node and Service addresses from the cluster', () => {
    expect(resolveTarget('http://{lb:default/web}/', c)).toBe('http://198.51.100.1/');
    expect(resolveTarget('http://{nodeIP:node-2}:{nodePort:web}', c)).toBe('http://10.0.0.12:32743');
    expect(resolveTarget('{clusterIP:default/web}:80', c)).toBe('10.96.0.20:80');
  });

  it('leaves what the cluster cannot answer as written', () => {
    expect(resolveTarget('http://{lb:default/nope}/', c)).toBe('http://{lb:default/nope}/');
    expect(hasPlaceholder('http://{lb:default/nope}/')).toBe(true);
    expect(hasPlaceholder('http://web')).toBe(false);
  });
});
