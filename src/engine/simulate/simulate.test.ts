import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace';
import { createWorld } from '../world';
import { request } from './request';
import { simulate, simulateMany } from './simulate';
import { addApp, addPod, addService, baseCluster } from '../testing/data-plane-objects';
import { en } from '../testing/render';

function webCluster(spec: Parameters<typeof addService>[2] = { clusterIP: '10.96.0.42' }, lbIP?: string) {
  const c = baseCluster();
  addApp(c, 'web', ['node-2', 'node-3']); // web-0 10.244.1.5 on node-2, web-1 10.244.2.5 on node-3
  addService(c, 'web', spec, lbIP);
  return c;
}

const stages = (t: Trace) =>
  t.hops.map((h) => `${h.direction === 'reply' ? '<' : '>'}${h.stage}:${h.action}`);

describe('ClusterIP from a pod', () => {
  it('DNATs on the client node, keeps the pod source, and un-NATs the reply', () => {
    const c = webCluster();
    const t = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('delivered');
    expect(t.backend?.service).toBe('default/web');
    expect(['10.244.1.5', '10.244.2.5']).toContain(t.backend?.ip);
    expect(t.response?.body.split('\n')[0]).toBe(`You've hit ${t.backend!.pod.split('/')[1]}`);
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.0\.5:\d+$/);
    const dnat = t.hops.find((h) => h.action === 'dnat')!;
    expect(dnat.location).toBe('node/node-1');
    expect(dnat.rule).toMatch(/^-A KUBE-SEP-[A-Z2-7]{16} .*-j DNAT --to-destination 10\.244\.[12]\.5:8080$/);
    expect(dnat.candidates?.map((x) => [x.endpoint, x.probability])).toEqual([
      ['10.244.1.5:8080', 0.5],
      ['10.244.2.5:8080', 0.5],
    ]);
    const last = t.hops[t.hops.length - 1]!;
    expect(last).toMatchObject({ stage: 'client', action: 'deliver', direction: 'reply' });
    expect(last.packet.src).toBe('10.96.0.42:80');
  });

  it('flags the overlay hop that crosses zones', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-3']);
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const t = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    const net = t.hops.filter((h) => h.stage === 'network');
    expect(net.map((h) => [h.location, h.crossZone, h.direction])).toEqual([
      ['node/node-1', true, 'request'],
      ['node/node-3', true, 'reply'],
    ]);
  });
});

describe('NodePort: externalTrafficPolicy Cluster vs Local', () => {
  const np = (etp: 'Cluster' | 'Local') =>
    webCluster({
      clusterIP: '10.96.0.42',
      type: 'NodePort',
      externalTrafficPolicy: etp,
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    });

  it('Cluster: SNAT to the sending interface, so the pod sees a cluster address', () => {
    const t = simulate(
      np('Cluster'),
      createWorld(1),
      request({ from: 'external', target: 'http://192.168.49.2:30080/' }),
    );
    expect(t.outcome).toBe('delivered');
    // node-1 has no web pod: the packet leaves by flannel.1 (10.244.0.0) towards node-2 or node-3.
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.0\.0:\d+$/);
    const snat = t.hops.find((h) => h.action === 'snat')!;
    expect(snat.rule).toBe(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    );
    expect(en(t.explanation)).toContain('masqueraded (SNAT)');
  });

  it('Local: the client address is preserved on a node with a local pod', () => {
    const t = simulate(
      np('Local'),
      createWorld(1),
      request({ from: 'external', target: 'http://192.168.49.3:30080/' }),
    );
    expect(t.outcome).toBe('delivered');
    expect(t.backend?.pod).toBe('default/web-0');
    expect(t.sourceSeenByBackend).toMatch(/^203\.0\.113\.10:\d+$/);
    expect(t.hops.some((h) => h.action === 'snat')).toBe(false);
  });

  it('Local: a node without a local pod drops the packet and the client times out', () => {
    const t = simulate(
      np('Local'),
      createWorld(1),
      request({ from: 'external', target: 'http://192.168.49.2:30080/', timeoutSeconds: 5 }),
    );
    expect(t.outcome).toBe('dropped');
    expect(t.backend).toBeNull();
    const drop = t.hops[t.hops.length - 1]!;
    expect(drop).toMatchObject({ stage: 'kube-proxy', location: 'node/node-1', action: 'drop' });
    expect(drop.rule).toContain('-j DROP');
    expect(en(t.explanation)).toContain('externalTrafficPolicy Local');
    expect(en(t.explanation)).toContain('node-1 has no ready pod');
  });
});

describe('LoadBalancer', () => {
  const lb = (annotations: Record<string, string> = {}, etp: 'Cluster' | 'Local' = 'Local') => {
    const c = webCluster(
      {
        clusterIP: '10.96.0.42',
        type: 'LoadBalancer',
        externalTrafficPolicy: etp,
        ...(etp === 'Local' ? { healthCheckNodePort: 32000 } : {}),
        ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
      },
      '198.51.100.1',
    );
    c.services[0]!.metadata.annotations = annotations;
    return c;
  };

  it('instance mode with Local: the health check takes node-1 out of rotation', () => {
    const t = simulate(lb(), createWorld(1), request({ from: 'external', target: 'http://198.51.100.1/' }));
    expect(t.outcome).toBe('delivered');
    const hop = t.hops.find((h) => h.stage === 'cloud-lb')!;
    expect(hop.location).toBe('lb/default/web');
    expect(hop.candidates?.map((x) => [x.endpoint, x.probability])).toEqual([
      ['192.168.49.2:30080', 0],
      ['192.168.49.3:30080', 0.5],
      ['192.168.49.4:30080', 0.5],
    ]);
    expect(en(hop.candidates?.[0]?.health)).toBe(
      'health check 192.168.49.2:32000/healthz → 503 (no local endpoint): out of rotation',
    );
    expect(t.sourceSeenByBackend).toMatch(/^203\.0\.113\.10:/);
    expect(stages(t)).toContain('>kube-proxy:dnat');
  });

  it('IP mode goes straight to a pod: no NodePort, no kube-proxy DNAT', () => {
    const c = lb({ 'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip' }, 'Cluster');
    const t = simulate(c, createWorld(1), request({ from: 'external', target: 'http://198.51.100.1/' }));
    expect(t.outcome).toBe('delivered');
    const hop = t.hops.find((h) => h.stage === 'cloud-lb')!;
    expect(hop.packet.dst).toMatch(/^10\.244\.[12]\.5:8080$/);
    expect(t.hops.some((h) => h.stage === 'kube-proxy')).toBe(false);
    // preserve_client_ip is off by default for IP targets: the pod sees the LB's address.
    expect(t.sourceSeenByBackend).toMatch(/^198\.51\.100\.1:/);
    const reply = t.hops[t.hops.length - 1]!;
    expect(reply.packet.src).toBe('198.51.100.1:80');
  });

  it('loadBalancerSourceRanges: the LB firewall drops other clients', () => {
    const c = lb({}, 'Cluster');
    c.services[0]!.spec.loadBalancerSourceRanges = ['192.0.2.0/24'];
    const t = simulate(c, createWorld(1), request({ from: 'external', target: 'http://198.51.100.1/' }));
    expect(t.outcome).toBe('dropped');
    expect(en(t.explanation)).toContain('loadBalancerSourceRanges');
    const ok = simulate(
      c,
      createWorld(1),
      request({ from: 'external:192.0.2.7', target: 'http://198.51.100.1/' }),
    );
    expect(ok.outcome).toBe('delivered');
  });
});

describe('connections, keep-alive and session affinity', () => {
  it('keep-alive reuses one connection: every request hits the same pod, decided by conntrack', () => {
    const c = webCluster();
    const ts = simulateMany(
      c,
      createWorld(1),
      request({ from: 'pod/client', target: 'http://10.96.0.42/', count: 20, keepalive: true }),
    );
    expect(new Set(ts.map((t) => t.backend?.pod)).size).toBe(1);
    expect(new Set(ts.map((t) => t.sourceSeenByBackend)).size).toBe(1);
    const later = ts[5]!.hops.find((h) => h.stage === 'kube-proxy' && h.action === 'dnat')!;
    expect(later.rule).toMatch(/^conntrack: tcp {6}6 86400 ESTABLISHED src=10\.244\.0\.5 dst=10\.96\.0\.42 /);
    expect(later.candidates).toBeUndefined();
    expect(en(ts[5]!.explanation)).toContain('keep-alive reuses one connection');
  });

  it('HTTP/1.0 opens a connection per request, so requests spread', () => {
    const c = webCluster();
    const ts = simulateMany(
      c,
      createWorld(1),
      request({
        from: 'pod/client',
        target: 'http://10.96.0.42/',
        count: 20,
        keepalive: true,
        protocol: 'HTTP/1.0',
      }),
    );
    expect(new Set(ts.map((t) => t.backend?.pod)).size).toBe(2);
  });

  it('ClientIP affinity sticks across connections until timeoutSeconds of silence', () => {
    const c = webCluster({
      clusterIP: '10.96.0.42',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } },
    });
    const world = createWorld(3);
    const ts = simulateMany(
      c,
      world,
      request({ from: 'pod/client', target: 'http://10.96.0.42/', count: 30 }),
    );
    expect(new Set(ts.map((t) => t.backend?.pod)).size).toBe(1);
    expect(en(ts[1]!.explanation)).toContain('ClientIP session affinity');
    // After more than 10 s of silence the recent list no longer matches: a fresh random choice.
    const pods = new Set<string>();
    for (let i = 0; i < 12; i++) {
      world.clock += 11;
      const t = simulate(c, world, request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
      expect(en(t.explanation)).not.toContain('ClientIP session affinity');
      pods.add(t.backend!.pod);
    }
    expect(pods.size).toBe(2);
  });
});

describe('failures name their cause', () => {
  it('ping to a ClusterIP gets no answer; ping to a pod does', () => {
    const c = webCluster();
    const t = simulate(
      c,
      createWorld(1),
      request({ from: 'pod/client', target: '10.96.0.42', protocol: 'ICMP' }),
    );
    expect(t.outcome).toBe('timeout');
    expect(en(t.explanation)).toContain('No rule matches ICMP');
    const p = simulate(
      c,
      createWorld(1),
      request({ from: 'pod/client', target: '10.244.1.5', protocol: 'ICMP' }),
    );
    expect(p.outcome).toBe('delivered');
    expect(p.sourceSeenByBackend).toBe('10.244.0.5');
    expect(p.hops[0]!.packet).toEqual({ src: '10.244.0.5', dst: '10.244.1.5', protocol: 'ICMP' });
  });

  it('a targetPort nobody listens on is refused by the pod', () => {
    const c = webCluster({ clusterIP: '10.96.0.42', ports: [{ port: 80, targetPort: 9090 }] });
    const t = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('refused');
    expect(t.hops[t.hops.length - 1]).toMatchObject({ stage: 'pod', action: 'reject' });
    expect(en(t.explanation)).toMatch(
      /^Nothing in pod web-[01] listens on 9090\/TCP \(it listens on 8080\/TCP\)/,
    );
  });

  it('a loopback-only listener refuses connections from outside the pod', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2'], { annotations: { 'svclab.io/listen': '127.0.0.1:8080' } });
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const t = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('refused');
    expect(en(t.explanation)).toContain('listens on 127.0.0.1:8080/TCP only');
    const inside = simulate(
      c,
      createWorld(1),
      request({ from: 'pod/web-0', target: 'http://127.0.0.1:8080/' }),
    );
    expect(inside.outcome).toBe('delivered');
  });

  it('no endpoints: kube-proxy REJECTs, and the explanation says why', () => {
    const c = baseCluster();
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const t = simulate(c, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('rejected');
    expect(en(t.explanation)).toMatch(
      /^Service default\/web has no ready endpoints: its selector app=web matches no pod/,
    );
    const r = baseCluster();
    addApp(r, 'web', ['node-2'], { ready: false });
    addService(r, 'web', { clusterIP: '10.96.0.42' });
    const t2 = simulate(r, createWorld(1), request({ from: 'pod/client', target: 'http://10.96.0.42/' }));
    expect(t2.outcome).toBe('rejected');
    expect(en(t2.explanation)).toContain('but none is Ready');
  });

  it('a ClusterIP is unreachable from outside the cluster', () => {
    const t = simulate(
      webCluster(),
      createWorld(1),
      request({ from: 'external', target: 'http://10.96.0.42/' }),
    );
    expect(t.outcome).toBe('unreachable');
  });
});

describe('hairpin', () => {
  it('a pod reaching itself through its Service is masqueraded to the cni0 bridge address', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2']);
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const t = simulate(c, createWorld(1), request({ from: 'pod/web-0', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('delivered');
    expect(t.backend?.pod).toBe('default/web-0');
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.1\.1:\d+$/);
    expect(en(t.hops.find((h) => h.action === 'snat')?.note)).toContain('cni0');
  });
});

describe('from a node', () => {
  it('a node reaching a ClusterIP is masqueraded (its source is not in the cluster CIDR)', () => {
    const c = baseCluster();
    addApp(c, 'web', ['node-2']);
    addService(c, 'web', { clusterIP: '10.96.0.42' });
    const t = simulate(c, createWorld(1), request({ from: 'node/node-1', target: 'http://10.96.0.42/' }));
    expect(t.outcome).toBe('delivered');
    expect(t.hops[0]!.packet.src).toMatch(/^192\.168\.49\.2:/);
    expect(t.sourceSeenByBackend).toMatch(/^10\.244\.0\.0:/);
  });

  it('a hostNetwork pod answers on its node address', () => {
    const c = baseCluster();
    addPod(c, 'agent', 'node-2', { app: 'agent' }, [{ containerPort: 9100 }], { hostNetwork: true });
    const t = simulate(
      c,
      createWorld(1),
      request({ from: 'pod/client', target: 'http://192.168.49.3:9100/' }),
    );
    expect(t.outcome).toBe('delivered');
    expect(t.backend?.pod).toBe('default/agent');
  });
});
