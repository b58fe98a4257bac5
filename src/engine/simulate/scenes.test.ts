import { describe, expect, it } from 'vitest';
import { findScenario, type ScenarioId } from '../../scenarios';
import { buildCluster } from '../build';
import { curlCommand } from '../commands/curl';
import { createWorld } from '../world';
import { request } from './request';
import { simulate, simulateMany } from './simulate';
import { en } from '../testing/render';

function scene(id: ScenarioId) {
  const s = findScenario(id)!;
  return buildCluster([{ file: s.file, text: s.yaml }], { seed: 1 }).cluster;
}

describe('lesson scenes through the data path', () => {
  it('clusterip-three-pods: the DNS query travels to CoreDNS first, then the request', () => {
    const t = simulate(
      scene('clusterip-three-pods'),
      createWorld(1),
      request({ from: 'pod/default/client', target: 'http://web' }),
    );
    expect(t.outcome).toBe('delivered');
    const dns = t.hops.filter((h) => h.phase === 'dns');
    expect(dns[0]).toMatchObject({ stage: 'client', action: 'send' });
    expect(dns[0]!.packet.dst).toBe('10.96.0.10:53');
    expect(dns[0]!.packet.protocol).toBe('UDP');
    const dnat = dns.find((h) => h.action === 'dnat')!;
    expect(dnat.rule).toContain('--comment "kube-system/kube-dns:dns"');
    const answer = dns.find((h) => h.stage === 'dns')!;
    expect(en(answer.note)).toMatch(
      /^CoreDNS answers web\.default\.svc\.cluster\.local\. A 10\.\d+\.\d+\.\d+ /,
    );
    expect(dns[dns.length - 1]!.packet.src).toBe('10.96.0.10:53');
    const first = t.hops.find((h) => h.phase === 'request')!;
    expect(first.packet.dst).toBe(`${en(answer.note).split(' A ')[1]!.split(' ')[0]}:80`);
    expect(t.backend?.service).toBe('default/web');
  });

  it('loadbalancer: HTTP/1.0 spreads, keep-alive sticks to one pod', () => {
    const c = scene('loadbalancer');
    const spread = simulateMany(
      c,
      createWorld(1),
      request({ from: 'external', target: 'http://198.51.100.1/', protocol: 'HTTP/1.0', count: 20 }),
    );
    expect(new Set(spread.map((t) => t.backend?.pod)).size).toBe(3);
    const browser = simulateMany(
      c,
      createWorld(1),
      request({
        from: 'external',
        target: 'http://198.51.100.1/',
        protocol: 'HTTP/2',
        keepalive: true,
        count: 20,
      }),
    );
    expect(new Set(browser.map((t) => t.backend?.pod)).size).toBe(1);
    expect(en(browser[19]!.hops.find((h) => h.stage === 'cloud-lb')!.note)).toContain('existing flow');
  });

  it('session-affinity: every HTTP/1.0 request from one client lands on one pod', () => {
    const ts = simulateMany(
      scene('session-affinity'),
      createWorld(1),
      request({ from: 'pod/default/client', target: 'http://sticky', protocol: 'HTTP/1.0', count: 20 }),
    );
    expect(new Set(ts.map((t) => t.backend?.pod)).size).toBe(1);
  });

  it('readiness: the unready pod never gets traffic', () => {
    const c = scene('readiness');
    const ts = simulateMany(
      c,
      createWorld(1),
      request({ from: 'pod/default/client', target: 'http://api', protocol: 'HTTP/1.0', count: 100 }),
    );
    const pods = new Set(ts.map((t) => t.backend?.pod));
    const unready = c.pods.filter((p) =>
      p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'False'),
    );
    expect(unready.length).toBeGreaterThan(0);
    for (const p of unready) expect(pods.has(`default/${p.metadata.name}`)).toBe(false);
  });

  it('ingress: https through the LB to the controller, then straight to a pod (no ClusterIP)', () => {
    const t = simulate(
      scene('ingress'),
      createWorld(1),
      request({ from: 'external', target: 'https://shop.example.com/api/orders', insecure: true }),
    );
    expect(t.outcome).toBe('delivered');
    expect(t.backend?.service).toBe('default/shop-api');
    const ic = t.hops.find((h) => h.stage === 'ingress-controller')!;
    expect(ic.rule).toBe('shop.example.com /api (Prefix) → shop-api:http');
    expect(ic.packet.dst).toBe(`${t.backend!.ip}:${t.backend!.port}`);
    const after = t.hops.slice(t.hops.indexOf(ic) + 1).filter((h) => h.direction === 'request');
    expect(after.some((h) => h.action === 'dnat')).toBe(false);
    expect(t.sourceSeenByBackend?.split(':')[0]).toBe(ic.packet.src.split(':')[0]);
    const http = simulate(
      scene('ingress'),
      createWorld(1),
      request({ from: 'external', target: 'http://shop.example.com/' }),
    );
    expect(http.response?.status).toBe(308);
    // lua_ingress.lua drops the trailing '/' of $request_uri (preserve-trailing-slash is false).
    expect(http.response?.headers?.Location).toBe('https://shop.example.com');
  });

  it('externalname: legacy-api DNATs to 192.0.2.80, where nothing answers; trace and curl both say timeout', () => {
    const c = scene('externalname');
    const t = simulate(
      c,
      createWorld(1),
      request({ from: 'pod/default/client', target: 'http://legacy-api' }),
    );
    expect(t.outcome).toBe('timeout');
    expect(t.backend).toBeNull();
    const dnat = t.hops.find((h) => h.phase === 'request' && h.action === 'dnat')!;
    expect(dnat.packet.dst).toBe('192.0.2.80:8080');
    const node = c.pods.find((p) => p.metadata.name === 'client')!.spec.nodeName;
    expect(node).toBe('node-3');
    expect(en(t.explanation)).toBe(
      '192.0.2.80 is outside the cluster (an endpoint of Service default/legacy-api), in 192.0.2.0/24 (TEST-NET-1, RFC 5737): documentation space that no network routes, and svclab simulates no host there. The SYN leaves node-3 by its default gateway and nothing answers (no reset, no ICMP error), so the connection attempt times out.',
    );
    const world = createWorld(1);
    const r = curlCommand(['--from', 'pod/client', 'http://legacy-api'], {
      cluster: c,
      world,
      diagnostics: [],
      json: false,
      lang: 'en',
    });
    expect(r.exitCode).toBe(1); // the CLI contract: 1 when the request got no response (curl itself exits 28)
    expect(r.stderr).toBe(
      "curl: (28) Failed to connect to legacy-api port 80 after 127001 ms: Couldn't connect to server\n",
    );
    const limited = curlCommand(['--from', 'pod/client', '-m', '5', 'http://legacy-api'], {
      cluster: c,
      world: createWorld(1),
      diagnostics: [],
      json: false,
      lang: 'en',
    });
    expect(limited.stderr).toBe('curl: (28) Connection timed out after 5001 milliseconds\n');
  });

  it('hostport-vs-nodeport: the hostPort answers only on node-2; the NodePort on every node', () => {
    const c = scene('hostport-vs-nodeport');
    const send = (target: string) => simulate(c, createWorld(1), request({ from: 'external', target }));
    const own = send('http://10.0.0.12:8080/');
    expect([own.outcome, own.backend?.pod, own.sourceSeenByBackend?.split(':')[0]]).toEqual([
      'delivered',
      'default/hostport-pod',
      '203.0.113.10',
    ]);
    expect(own.hops.find((h) => h.action === 'dnat')!.rule).toMatch(
      /^-A CNI-DN-[0-9a-f]{21} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10\.244\.2\.\d+:80$/,
    );
    const other = send('http://10.0.0.11:8080/');
    expect(other.outcome).toBe('refused');
    expect(en(other.explanation)).toContain('Pod default/hostport-pod on node-2 has hostPort 8080');
    const nodePort = send('http://10.0.0.11:30080/');
    expect([
      nodePort.outcome,
      nodePort.backend?.service,
      nodePort.sourceSeenByBackend?.split(':')[0],
      // node-1 forwards to node-2 over flannel.1 and masquerades to that interface's address
    ]).toEqual(['delivered', 'default/web', '10.244.1.0']);
    const s = findScenario('hostport-vs-nodeport')!;
    const bad = buildCluster([{ file: s.file, text: s.yaml.replace('nodePort: 30080', 'nodePort: 32768') }], {
      seed: 1,
    });
    expect(bad.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'spec.ports[0].nodePort: Invalid value: 32768: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  it('loadbalancer-ip-mode: IP targets skip the node and kube-proxy; the pod sees the NLB', () => {
    const c = scene('loadbalancer-ip-mode');
    const lb = (name: string) =>
      c.services.find((x) => x.metadata.name === name)!.status!.loadBalancer!.ingress![0]!.ip!;
    const ip = simulate(c, createWorld(1), request({ from: 'external', target: `http://${lb('web-ip')}/` }));
    expect(ip.outcome).toBe('delivered');
    const stages = ip.hops.filter((h) => h.direction === 'request').map((h) => `${h.stage}:${h.action}`);
    expect(stages).toEqual([
      'client:send',
      'cloud-lb:dnat',
      'network:forward',
      'node:forward',
      'pod:deliver',
    ]);
    expect(ip.sourceSeenByBackend?.split(':')[0]).toBe(lb('web-ip'));
    const inst = simulate(
      c,
      createWorld(1),
      request({ from: 'external', target: `http://${lb('web-instance')}/` }),
    );
    expect(inst.outcome).toBe('delivered');
    expect(inst.hops.some((h) => h.stage === 'kube-proxy' && h.action === 'dnat')).toBe(true);
  });

  it('client-ip-and-keepalive: one kept-alive connection, one pod; Local keeps the client IP', () => {
    const c = scene('client-ip-and-keepalive');
    const lb = (name: string) =>
      `http://${c.services.find((x) => x.metadata.name === name)!.status!.loadBalancer!.ingress![0]!.ip!}/`;
    const kept = simulateMany(
      c,
      createWorld(1),
      request({
        from: 'external',
        target: lb('app-cluster'),
        protocol: 'HTTP/1.1',
        keepalive: true,
        count: 10,
      }),
    );
    expect(kept.every((t) => t.outcome === 'delivered')).toBe(true);
    expect(new Set(kept.map((t) => t.backend?.pod)).size).toBe(1);
    expect(kept[0]!.sourceSeenByBackend?.startsWith('203.0.113.10:')).toBe(false);
    const spread = simulateMany(
      c,
      createWorld(1),
      request({ from: 'external', target: lb('app-cluster'), protocol: 'HTTP/1.0', count: 20 }),
    );
    expect(new Set(spread.map((t) => t.backend?.pod)).size).toBeGreaterThan(1);
    const local = simulate(c, createWorld(1), request({ from: 'external', target: lb('app-local') }));
    expect(local.sourceSeenByBackend?.split(':')[0]).toBe('203.0.113.10');
    const ing = simulate(c, createWorld(1), request({ from: 'external', target: 'http://app.example.com/' }));
    expect(ing.outcome).toBe('delivered');
    expect(ing.backend?.service).toBe('default/app-cluster');
    expect(en(ing.explanation)).toMatch(
      /the pod sees the controller's address 10\.244\.\d+\.\d+, the client's is in X-Forwarded-For\.$/,
    );
  });
});
