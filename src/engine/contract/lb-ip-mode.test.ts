/**
 * LoadBalancer `status.loadBalancer.ingress[].ipMode` (LoadBalancerIPMode, GA in 1.32): `VIP` (the default)
 * is captured by kube-proxy on every node, so in-cluster traffic to it never leaves the node; with `Proxy`
 * kube-proxy writes no rule for the address (pkg/proxy/serviceport.go: only VIP ingress IPs are load-balancer
 * IPs to it), so the packet goes out to the load balancer and comes back through a node's NodePort. The
 * status is validated as ValidateLoadBalancerStatus does (pkg/apis/core/validation/validation.go).
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LB_IP = '203.0.113.50';

const lb = (ingress: string, type = 'LoadBalancer'): string => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
status:
  loadBalancer:
    ingress: ${ingress}
`;

const CLIENT = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeName: node-1
  containers:
    - name: c
      image: curlimages/curl
`;

const proxyMode = (mode: string): string =>
  `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`;

const build = (mode: string, ipMode: string): ReturnType<typeof scene> =>
  scene(
    [
      proxyMode(mode),
      deployment('web', 2),
      lb(`[{ ip: ${LB_IP}${ipMode ? `, ipMode: ${ipMode}` : ''} }]`),
      CLIENT,
    ].join('---\n'),
  );

const curl = (s: ReturnType<typeof scene>): Obj => s.json(`curl --from pod/client http://${LB_IP}/ -o json`);

describe('ipMode VIP (the default): kube-proxy captures the address in the cluster', () => {
  const s = build('iptables', '');

  it('defaults ipMode to VIP and writes the load-balancer IP rule', () => {
    const svc = s.json('get svc web -o json').items[0];
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: LB_IP, ipMode: 'VIP' }]);
    expect(s.run('node node-1 -- iptables-save').stdout).toContain(
      `-A KUBE-SERVICES -d ${LB_IP}/32 -p tcp -m comment --comment "default/web loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-`,
    );
  });

  it('short-circuits an in-cluster request on the client’s own node: no load-balancer hop', () => {
    const t = curl(s);
    expect(t.outcome).toBe('delivered');
    expect(t.hops.some((h: Obj) => h.stage === 'cloud-lb')).toBe(false);
  });
});

describe('ipMode Proxy: in-cluster traffic goes out through the load balancer', () => {
  for (const mode of ['iptables', 'ipvs', 'nftables']) {
    it(`${mode}: kube-proxy writes no rule for the address`, () => {
      const s = build(mode, 'Proxy');
      const dump =
        mode === 'iptables'
          ? s.run('node node-1 -- iptables-save').stdout
          : mode === 'ipvs'
            ? s.run('node node-1 -- ipvsadm -Ln').stdout + s.run('node node-1 -- ipset list').stdout
            : s.run('node node-1 -- nft list ruleset').stdout;
      expect(dump.length).toBeGreaterThan(100);
      expect(dump).not.toContain(LB_IP);
      const same = build(mode, 'VIP');
      const vipDump =
        mode === 'iptables'
          ? same.run('node node-1 -- iptables-save').stdout
          : mode === 'ipvs'
            ? same.run('node node-1 -- ipvsadm -Ln').stdout
            : same.run('node node-1 -- nft list ruleset').stdout;
      expect(vipDump).toContain(LB_IP);
    });
  }

  const s = build('iptables', 'Proxy');

  it('keeps ipMode Proxy in the status', () => {
    expect(s.json('get svc web -o json').items[0].status.loadBalancer.ingress).toEqual([
      { ip: LB_IP, ipMode: 'Proxy' },
    ]);
  });

  it('leaves the node for the load balancer, which sends it to a NodePort; the reply retraces it', () => {
    const t = curl(s);
    const nodePort = s.json('get svc web -o json').items[0].spec.ports[0].nodePort as number;
    expect(t.outcome).toBe('delivered');
    const out = t.hops.find((h: Obj) => h.stage === 'network' && h.location === 'node/node-1');
    expect(out.note).toBe(
      `${LB_IP} is the load balancer's address of default/web with ipMode Proxy: kube-proxy writes no rule for it, so the packet leaves node-1 for the load balancer over the provider network, and comes back in the way an outside client's does.`,
    );
    expect(out.packet.dst).toBe(`${LB_IP}:80`);
    const lbHop = t.hops.find((h: Obj) => h.stage === 'cloud-lb');
    expect(lbHop.location).toBe('lb/default/web');
    expect(lbHop.packet.dst).toMatch(new RegExp(`:${nodePort}$`));
    // kube-proxy on the target node handles the NodePort and DNATs to a pod.
    const dnat = t.hops.find((h: Obj) => h.stage === 'kube-proxy' && h.action === 'dnat');
    expect(dnat.rule).toContain('KUBE-SEP-');
    expect(t.backend.service).toBe('default/web');
    // The reply comes back through the load balancer, from its address.
    const respond = t.hops.findIndex((h: Obj) => h.action === 'respond');
    const back = t.hops.slice(respond);
    expect(back.some((h: Obj) => h.stage === 'cloud-lb')).toBe(true);
    expect(back[back.length - 1].packet.src).toBe(`${LB_IP}:80`);
  });

  it('explains it in Korean', () => {
    s.env.lang = 'ko';
    const t = curl(s);
    s.env.lang = 'en';
    const out = t.hops.find((h: Obj) => h.stage === 'network' && h.location === 'node/node-1');
    expect(out.note).toContain('ipMode가 Proxy입니다');
  });
});

describe('ValidateLoadBalancerStatus', () => {
  const errors = (yaml: string): string[] =>
    buildCluster([{ file: 'svc.yaml', text: yaml }], { seed: 1 })
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => (typeof d.message === 'string' ? d.message : d.message.id));

  it('refuses ipMode without ip, an unknown ipMode, and a bad ip or hostname', () => {
    const text = errors(
      lb(
        `[{ hostname: lb.example.com, ipMode: Proxy }, { ip: ${LB_IP}, ipMode: Tunnel }, { ip: 300.1.1.1 }, { hostname: 10.0.0.1 }]`,
      ),
    ).join('\n');
    expect(text).toContain(
      'status.loadBalancer.ingress[0].ipMode: Forbidden: may not be specified when `ip` is not set',
    );
    expect(text).toContain(
      'status.loadBalancer.ingress[1].ipMode: Unsupported value: "Tunnel": supported values: "Proxy", "VIP"',
    );
    expect(text).toContain(
      'status.loadBalancer.ingress[2].ip: Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
    expect(text).toContain(
      'status.loadBalancer.ingress[3].hostname: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    );
  });

  it('refuses load-balancer status on a Service that is not a LoadBalancer', () => {
    expect(errors(lb(`[{ ip: ${LB_IP} }]`, 'NodePort')).join('\n')).toContain(
      "status.loadBalancer.ingress: Forbidden: may only be used when `spec.type` is 'LoadBalancer'",
    );
  });

  it('accepts a hostname-only ingress and ipMode VIP or Proxy', () => {
    expect(errors(lb(`[{ hostname: lb.example.com }, { ip: ${LB_IP}, ipMode: Proxy }]`))).toEqual([]);
  });
});
