import { describe, expect, it } from 'vitest';
import { emptyCluster, type ClusterState } from '../../engine/cluster/state';
import type { Node, Pod, Service } from '../../engine/k8s/objects';
import { emptyHistory, pushHistory, recall } from './history';
import { consoleSuggestions, targetHost } from './suggestions';

const pod = (name: string, node: string, namespace = 'default'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { nodeName: node, containers: [{ name: 'c', image: 'x' }] },
});
const node = (name: string, ip: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec,
  ...(status ? { status } : {}),
});

function scene(mode: 'iptables' | 'ipvs' = 'iptables'): ClusterState {
  const c = emptyCluster();
  c.config = { ...c.config, proxy: { ...c.config.proxy, mode } };
  c.nodes = [node('node-1', '10.0.0.11'), node('node-2', '10.0.0.12')];
  c.pods = [pod('coredns-x', 'node-1', 'kube-system'), pod('web-1', 'node-1'), pod('client', 'node-2')];
  c.services = [
    svc('kubernetes', { clusterIP: '10.96.0.1', ports: [{ port: 443 }] }),
    svc('web', { type: 'ClusterIP', clusterIP: '10.96.0.20', ports: [{ port: 80 }] }),
    svc('db', { type: 'ClusterIP', clusterIP: '10.96.0.30', ports: [{ port: 5432 }] }),
  ];
  // As the builder records them: the cluster made these itself (see the engine's clusterIndex).
  c.origins.set('Service/default/kubernetes', { by: 'system', order: 0 });
  c.origins.set('Pod/kube-system/coredns-x', { by: 'system', order: 1 });
  return c;
}

describe('console suggestions', () => {
  it('uses the request source pod, the targeted Service and the pod’s node', () => {
    expect(consoleSuggestions(scene(), 'pod/default/client', 'http://db:5432/x')).toEqual([
      'get svc',
      'get pods -o wide',
      'exec client -- nslookup db',
      'exec client -- curl http://db:5432',
      'node node-2 -- iptables-save -t nat',
      'node node-2 -- conntrack -L',
      'exec client -- cat /etc/resolv.conf',
      'get endpointslices',
    ]);
  });

  it('offers the allocated load balancer address and the IPVS dump when that is the mode', () => {
    const c = scene('ipvs');
    c.services.push(
      svc(
        'lb',
        { type: 'LoadBalancer', ports: [{ port: 80, nodePort: 31000 }] },
        {
          loadBalancer: { ingress: [{ ip: '198.51.100.7' }] },
        },
      ),
    );
    const s = consoleSuggestions(c, 'external', 'http://198.51.100.7/');
    expect(s).toContain('curl --from external http://198.51.100.7/');
    expect(s).toContain('node node-2 -- ipvsadm -Ln');
    expect(s).toContain('exec client -- curl http://web');
  });

  it('offers a NodePort on the last node when there is no load balancer', () => {
    const c = scene();
    c.services.push(svc('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(consoleSuggestions(c, 'external', 'http://10.0.0.12:30080')).toContain(
      'curl --from external http://10.0.0.12:30080/',
    );
  });

  it('reads the host out of a URL, a name or an address', () => {
    expect(targetHost('https://shop.example.com/api')).toBe('shop.example.com');
    expect(targetHost('10.96.0.10:53')).toBe('10.96.0.10');
    expect(targetHost(' mongo-headless ')).toBe('mongo-headless');
  });
});

describe('console history', () => {
  it('recalls older and newer lines and gives the draft back', () => {
    let h = pushHistory(pushHistory(emptyHistory(), 'get svc'), 'get pods');
    h = recall(h, -1, 'exec cl');
    expect(h.line).toBe('get pods');
    h = recall(h, -1, h.line);
    expect(h.line).toBe('get svc');
    h = recall(h, -1, h.line);
    expect(h.line).toBe('get svc');
    h = recall(h, 1, h.line);
    expect(h.line).toBe('get pods');
    h = recall(h, 1, h.line);
    expect(h.line).toBe('exec cl');
  });
  it('does not repeat the same line twice in a row', () => {
    expect(pushHistory(pushHistory(emptyHistory(), 'get svc'), 'get svc').lines).toEqual(['get svc']);
  });
});
