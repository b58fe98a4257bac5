import { describe, expect, it } from 'vitest';
import { createWorld } from '../world';
import { request } from './request';
import { simulate } from './simulate';
import { addApp, addService, baseCluster } from '../testing/data-plane-objects';
import { en } from '../testing/render';

describe('more paths', () => {
  it('UDP and SCTP go through the same rules', () => {
    const c = baseCluster();
    addApp(c, 'dns', ['node-2'], { ports: [{ containerPort: 5353, protocol: 'UDP' }] });
    addService(c, 'dns', {
      clusterIP: '10.96.0.53',
      ports: [{ port: 53, targetPort: 5353, protocol: 'UDP' }],
    });
    const t = simulate(
      c,
      createWorld(1),
      request({ from: 'pod/client', target: 'http://10.96.0.53:53/', protocol: 'UDP' }),
    );
    expect(t.outcome).toBe('delivered');
    expect(t.hops.find((h) => h.action === 'dnat')!.rule).toContain(
      '-m udp -j DNAT --to-destination 10.244.1.5:5353',
    );
    const tcp = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.53:53/' }));
    expect(tcp.outcome).toBe('timeout');
    expect(en(tcp.explanation)).toContain('has no port 53/TCP (it has 53/UDP)');

    const s = baseCluster();
    addApp(s, 'sig', ['node-3'], { ports: [{ containerPort: 3868, protocol: 'SCTP' }] });
    addService(s, 'sig', { clusterIP: '10.96.0.70', ports: [{ port: 3868, protocol: 'SCTP' }] });
    const st = simulate(
      s,
      createWorld(1),
      request({ from: 'pod/client', target: 'http://10.96.0.70:3868/', protocol: 'SCTP' }),
    );
    expect(st.outcome).toBe('delivered');
    expect(st.hops[0]!.packet.protocol).toBe('SCTP');
  });

  it('kube-proxy answers the health check node port: 200 with a local endpoint, 503 without', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2']);
    addService(
      c,
      'web',
      {
        clusterIP: '10.96.0.42',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      '198.51.100.1',
    );
    const ok = simulate(
      c,
      createWorld(1),
      request({ from: 'external', target: 'http://192.168.49.3:32000/healthz' }),
    );
    expect(ok.response?.status).toBe(200);
    expect(ok.response?.body).toBe(
      '{\n\t"service": {\n\t\t"namespace": "default",\n\t\t"name": "web"\n\t},\n\t"localEndpoints": 1,\n\t"serviceProxyHealthy": true\n}',
    );
    const no = simulate(
      c,
      createWorld(1),
      request({ from: 'external', target: 'http://192.168.49.2:32000/healthz' }),
    );
    expect(no.response?.status).toBe(503);
  });

  it('with every target unhealthy the LB fails open, and kube-proxy drops', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2'], { ready: false });
    addService(
      c,
      'web',
      {
        clusterIP: '10.96.0.42',
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      '198.51.100.1',
    );
    const t = simulate(c, createWorld(1), request({ from: 'external', target: 'http://198.51.100.1/' }));
    expect(en(t.hops.find((h) => h.stage === 'cloud-lb')!.note)).toContain('fails open');
    expect(['dropped', 'rejected']).toContain(t.outcome);
  });

  it('IP targets with preserve_client_ip keep the client address', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2']);
    const svc = addService(
      c,
      'web',
      {
        clusterIP: '10.96.0.42',
        type: 'LoadBalancer',
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      '198.51.100.1',
    );
    svc.metadata.annotations = {
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes':
        'preserve_client_ip.enabled=true',
    };
    const t = simulate(c, createWorld(1), request({ from: 'external', target: 'http://198.51.100.1/' }));
    expect(t.sourceSeenByBackend).toMatch(/^203\.0\.113\.10:/);
  });

  it('internalTrafficPolicy Local: a client node without a local endpoint drops', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2']);
    addService(c, 'web', { clusterIP: '10.96.0.42', internalTrafficPolicy: 'Local' });
    const t = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('dropped');
    expect(en(t.explanation)).toContain('node-1 has no ready pod');
  });

  it('names: unknown names fail with dns-failure; nodes do not use the cluster DNS', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2']);
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const ext = simulate(c, createWorld(1), request({ from: 'external', target: 'http://web/' }));
    expect(ext.outcome).toBe('dns-failure');
    const node = simulate(
      c,
      createWorld(1),
      request({ from: 'node/node-1', target: 'http://web.default.svc.cluster.local/' }),
    );
    expect(node.outcome).toBe('dns-failure');
  });
});
