/**
 * A dual-stack cluster through the commands a user runs: kubeadm's comma-separated subnets, each node's
 * podCIDRs (one per family, carved as node-ipam does), pods with an address of each family.
 */
import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const DUAL_CONFIG = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
`;

describe('a dual-stack cluster', () => {
  const s = scene(`${DUAL_CONFIG}---\n${deployment('web', 2)}`);

  it('gives each node a podCIDR of each family and an address of each family', () => {
    const nodes = s.json('get nodes -o json').items;
    expect(nodes.map((n: Obj) => n.spec.podCIDRs)).toEqual([
      ['10.244.0.0/24', 'fd00:10:244::/64'],
      ['10.244.1.0/24', 'fd00:10:244:1::/64'],
      ['10.244.2.0/24', 'fd00:10:244:2::/64'],
    ]);
    expect(nodes.map((n: Obj) => n.spec.podCIDR)).toEqual([
      '10.244.0.0/24',
      '10.244.1.0/24',
      '10.244.2.0/24',
    ]);
    expect(nodes[0].status.addresses.filter((a: Obj) => a.type === 'InternalIP')).toEqual([
      { type: 'InternalIP', address: '192.168.49.2' },
      { type: 'InternalIP', address: 'fc00:f853:ccd:e793::2' },
    ]);
  });

  it('gives each pod an IPv4 and an IPv6 address from its node, IPv4 first', () => {
    const pods = s.json('get pods -o json').items;
    const nodes = s.json('get nodes -o json').items;
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      const [v4, v6] = p.status.podIPs.map((a: Obj) => a.ip);
      expect(p.status.podIP).toBe(v4);
      const node = nodes.find((n: Obj) => n.metadata.name === p.spec.nodeName);
      const n = node.spec.podCIDRs[1].replace('::/64', '');
      expect(v4.startsWith(node.spec.podCIDR.replace('0/24', ''))).toBe(true);
      expect(v6).toMatch(new RegExp(`^${n}::[0-9a-f]+$`));
    }
  });

  it("reports the node's two addresses in each pod's hostIPs", () => {
    const pod = s.json('get pods -o json').items[0];
    const node = s.json('get nodes -o json').items.find((n: Obj) => n.metadata.name === pod.spec.nodeName);
    const internal = node.status.addresses
      .filter((a: Obj) => a.type === 'InternalIP')
      .map((a: Obj) => a.address);
    expect(pod.status.hostIPs.map((h: Obj) => h.ip)).toEqual(internal);
    expect(pod.status.hostIP).toBe(internal[0]);
  });

  it('leaves a single-stack cluster as it was', () => {
    const single = scene(deployment('web', 1));
    const pod = single.json('get pods -o json').items[0];
    expect(pod.status.podIPs).toEqual([{ ip: pod.status.podIP }]);
    expect(pod.status.hostIPs).toEqual([{ ip: pod.status.hostIP }]);
    expect(single.json('get nodes -o json').items[0].spec.podCIDRs).toEqual(['10.244.0.0/24']);
  });
});

const svc = (name: string, extra: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: web
${extra}  ports:
    - port: 80
      targetPort: 8080
`;

describe('dual-stack Services and their endpoints', () => {
  const s = scene(
    [
      DUAL_CONFIG,
      deployment('web', 2),
      svc('both', '  ipFamilyPolicy: PreferDualStack\n'),
      svc('six', '  ipFamilies: [IPv6]\n'),
      svc('four', ''),
    ].join('---\n'),
  );
  const slicesOf = (name: string): Obj[] =>
    s
      .json('get endpointslices -o json')
      .items.filter((e: Obj) => e.metadata.labels['kubernetes.io/service-name'] === name);
  const pods = s.json('get pods -o json').items;
  const podIPs = (fam: number): string[] => pods.map((p: Obj) => p.status.podIPs[fam].ip).sort();

  it('gives a PreferDualStack Service an address of each family, IPv4 first', () => {
    const both = s.json('get svc both -o json').items[0];
    expect(both.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(both.spec.clusterIPs).toHaveLength(2);
    expect(both.spec.clusterIP).toBe(both.spec.clusterIPs[0]);
    expect(both.spec.clusterIPs[1]).toMatch(/^fd00:10:96::/);
  });

  it("writes one EndpointSlice per family, each with the pods' addresses of that family", () => {
    const slices = slicesOf('both');
    expect(slices.map((x) => x.addressType)).toEqual(['IPv4', 'IPv6']);
    const addrs = (x: Obj): string[] => x.endpoints.map((e: Obj) => e.addresses[0]).sort();
    expect(addrs(slices[0]!)).toEqual(podIPs(0));
    expect(addrs(slices[1]!)).toEqual(podIPs(1));
    expect(slices[1]!.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slicesOf('four').map((x) => x.addressType)).toEqual(['IPv4']);
    expect(slicesOf('six').map((x) => x.addressType)).toEqual(['IPv6']);
  });

  it("keeps v1 Endpoints to the Service's primary family", () => {
    const ips = (name: string): string[] =>
      s
        .json(`get endpoints ${name} -o json`)
        .items[0].subsets[0].addresses.map((a: Obj) => a.ip)
        .sort();
    expect(ips('both')).toEqual(podIPs(0));
    expect(ips('six')).toEqual(podIPs(1));
  });

  it('an IPv6 single-stack Service gets an IPv6 ClusterIP and no IPv4 rules', () => {
    const six = s.json('get svc six -o json').items[0];
    expect([six.spec.ipFamilyPolicy, six.spec.clusterIPs.length]).toEqual(['SingleStack', 1]);
    expect(six.spec.clusterIP).toMatch(/^fd00:10:96::[0-9a-f]+$/);
    const rules = s.run('node node-1 -- iptables-save').stdout;
    expect(rules).toContain('default/both');
    expect(rules).not.toContain('default/six');
  });
});

const headless = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  ipFamilyPolicy: PreferDualStack
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`;
const named = (name: string, extra: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: web
${extra}  ports:
    - name: http
      port: 80
      targetPort: 8080
`;
const client = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: c
      image: busybox
`;

describe('DNS and environment variables on a dual-stack cluster (CoreDNS kubernetes plugin, kubelet envvars)', () => {
  const s = scene([
    [
      DUAL_CONFIG,
      deployment('web', 2),
      headless,
      named('both', '  ipFamilyPolicy: RequireDualStack\n'),
      named('six', '  ipFamilies: [IPv6]\n'),
    ].join('---\n'),
    client,
  ]);
  const dig = (q: string): Obj => JSON.parse(s.run(`exec client -- dig ${q} -o json`).stdout);
  const svcOf = (name: string): Obj => s.json(`get svc ${name} -o json`).items[0];
  const pods = s.json('get pods -l app=web -o json').items;

  it('answers A with the IPv4 ClusterIP and AAAA with the IPv6 one', () => {
    const both = svcOf('both');
    expect(dig('both.default.svc.cluster.local').answer.map((r: Obj) => [r.type, r.data])).toEqual([
      ['A', both.spec.clusterIPs[0]],
    ]);
    expect(dig('both.default.svc.cluster.local AAAA').answer.map((r: Obj) => [r.type, r.data])).toEqual([
      ['AAAA', both.spec.clusterIPs[1]],
    ]);
  });

  it('an IPv6 single-stack Service has AAAA and no A (NOERROR, no data)', () => {
    const a = dig('six.default.svc.cluster.local');
    expect([a.rcode, a.answer]).toEqual(['NOERROR', []]);
    expect(dig('six.default.svc.cluster.local AAAA').answer[0].data).toBe(svcOf('six').spec.clusterIP);
  });

  it('SRV on a dual-stack ClusterIP: one record of weight 50, A and AAAA in the additional section', () => {
    const r = dig('_http._tcp.both.default.svc.cluster.local SRV');
    expect(r.answer.map((x: Obj) => x.data)).toEqual(['0 50 80 both.default.svc.cluster.local.']);
    expect(r.additional.map((x: Obj) => x.type).sort()).toEqual(['A', 'AAAA']);
  });

  it("a dual-stack headless Service answers AAAA with every ready pod's IPv6 address", () => {
    const v6 = pods.map((p: Obj) => p.status.podIPs[1].ip).sort();
    const v4 = pods.map((p: Obj) => p.status.podIPs[0].ip).sort();
    expect(
      dig('db.default.svc.cluster.local AAAA')
        .answer.map((r: Obj) => r.data)
        .sort(),
    ).toEqual(v6);
    expect(
      dig('db.default.svc.cluster.local')
        .answer.map((r: Obj) => r.data)
        .sort(),
    ).toEqual(v4);
    // SRV: one record per endpoint address (2 pods × 2 families) of weight 25.
    const srv = dig('_http._tcp.db.default.svc.cluster.local SRV').answer.map((x: Obj) => x.data);
    expect(srv).toHaveLength(4);
    for (const d of srv) expect(d).toMatch(/^0 25 8080 /);
  });

  it('brackets an IPv6 ClusterIP in the _PORT URLs, not in _SERVICE_HOST or _ADDR (net.JoinHostPort)', () => {
    const env = s.json('exec client -- env -o json').env as Record<string, string>;
    const ip6 = svcOf('six').spec.clusterIP;
    expect(env.SIX_SERVICE_HOST).toBe(ip6);
    expect(env.SIX_PORT).toBe(`tcp://[${ip6}]:80`);
    expect(env.SIX_PORT_80_TCP).toBe(`tcp://[${ip6}]:80`);
    expect(env.SIX_PORT_80_TCP_ADDR).toBe(ip6);
    // A dual-stack Service's variables use spec.clusterIP, its primary family.
    expect(env.BOTH_SERVICE_HOST).toBe(svcOf('both').spec.clusterIPs[0]);
  });
});
