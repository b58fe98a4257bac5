/**
 * kube-proxy and user ServiceCIDR objects (networking.k8s.io/v1). kube-proxy watches ServiceCIDRs
 * (pkg/proxy/config ServiceCIDRConfig: the spec.cidrs of every object, the default `kubernetes` one
 * included) and hands them to OnServiceCIDRsChanged. Only the nftables proxier uses them: its family's
 * CIDRs go into cluster-ips-check's "Drop traffic to unallocated ClusterIPs" rule as one anonymous set
 * (`ip daddr { … } drop`), which the kernel lists sorted with overlapping and adjacent ranges merged. The
 * iptables and IPVS proxiers' OnServiceCIDRsChanged do nothing: KUBE-SERVICES still ends with the
 * nodeports rule, and an unallocated address of a ServiceCIDR is not kube-proxy's business there.
 */
import { describe, expect, it } from 'vitest';
import { scene, type Scene, WEB_AND_CLIENT_PODS } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DROP = 'drop comment "Drop traffic to unallocated ClusterIPs"';

const yaml = (mode: string, cidrs: string[]): string =>
  [
    `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`,
    ...cidrs.map(
      (c, i) => `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: { name: extra-${i} }
spec:
  cidrs: [${c}]
`,
    ),
    ...WEB_AND_CLIENT_PODS,
    `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  clusterIP: 172.20.0.10
  ports: [{ port: 80 }]
`,
  ].join('---\n');

const curl = (s: Scene, url: string): Obj => s.json(`curl --from pod/client -m 2 ${url} -o json`);
const dropRule = (s: Scene, node = 'node-1'): string | undefined =>
  s
    .run(`node ${node} -- nft list ruleset`)
    .stdout.split('\n')
    .find((l) => l.endsWith(DROP))
    ?.trim();

describe('nftables mode: cluster-ips-check covers every ServiceCIDR', () => {
  const s = scene(yaml('nftables', ['172.20.0.0/24']));

  it('the drop rule lists the default ServiceCIDR and the user’s, in address order', () => {
    const objects = s.json('get servicecidrs -o json').items.map((c: Obj) => c.spec.cidrs[0]);
    expect(objects.sort()).toEqual(['10.96.0.0/12', '172.20.0.0/24']);
    for (const node of ['node-1', 'node-2', 'node-3'])
      expect(dropRule(s, node)).toBe(`ip daddr { 10.96.0.0/12, 172.20.0.0/24 } ${DROP}`);
  });

  it('an unallocated address of the extra ServiceCIDR is dropped there', () => {
    const t = curl(s, 'http://172.20.0.99/');
    expect(t.outcome).toBe('dropped');
    const hop = t.hops.find((h: Obj) => h.action === 'drop');
    expect(hop.ruleRef).toMatchObject({ table: 'nft', chain: 'cluster-ips-check', index: 1 });
    expect(hop.rule).toBe(`ip daddr { 10.96.0.0/12, 172.20.0.0/24 } ${DROP}`);
    expect(t.explanationMsg).toMatchObject({ id: 'sim.block.unallocated', params: { ip: '172.20.0.99' } });
  });

  it('a Service whose ClusterIP comes from it works, and its other ports are rejected', () => {
    expect(curl(s, 'http://172.20.0.10/').outcome).toBe('delivered');
    const t = curl(s, 'http://172.20.0.10:81/');
    expect(t.outcome).toBe('rejected');
    expect(t.explanationMsg.id).toBe('sim.vip.clusterIpsCheck');
  });

  it('an address outside every ServiceCIDR is not cluster-ips-check’s', () => {
    const t = curl(s, 'http://172.21.0.99/');
    expect(t.hops.some((h: Obj) => h.ruleRef?.chain === 'cluster-ips-check')).toBe(false);
  });

  it('lists overlapping and adjacent ServiceCIDRs merged, as the kernel does', () => {
    // 10.100.0.0/24 lies inside 10.96.0.0/12; 172.20.0.0/24 and 172.20.1.0/24 make 172.20.0.0/23.
    const merged = scene(yaml('nftables', ['10.100.0.0/24', '172.20.0.0/24', '172.20.1.0/24']));
    expect(dropRule(merged)).toBe(`ip daddr { 10.96.0.0/12, 172.20.0.0/23 } ${DROP}`);
    // Merged to one interval, it is still a set: nft keeps the braces.
    const inside = scene(yaml('nftables', ['10.100.0.0/24']).replace(/ {2}clusterIP: 172\.20\.0\.10\n/, ''));
    expect(dropRule(inside)).toBe(`ip daddr { 10.96.0.0/12 } ${DROP}`);
  });

  it('without a user ServiceCIDR the rule is the default one, as kube-proxy’s own tests print it', () => {
    const plain = scene(yaml('nftables', []).replace(/ {2}clusterIP: 172\.20\.0\.10\n/, ''));
    expect(dropRule(plain)).toBe(`ip daddr 10.96.0.0/12 ${DROP}`);
  });
});

describe('iptables and IPVS modes ignore ServiceCIDRs (OnServiceCIDRsChanged does nothing)', () => {
  it.each(['iptables', 'ipvs'])(
    '%s: KUBE-SERVICES ends with the nodeports rule; no rule for the range',
    (mode) => {
      const s = scene(yaml(mode, ['172.20.0.0/24']));
      const save = s.run('node node-1 -- iptables-save').stdout;
      expect(save).not.toContain('172.20.0.0/24');
      if (mode === 'iptables') {
        const services = save.split('\n').filter((l) => l.startsWith('-A KUBE-SERVICES '));
        expect(services.at(-1)).toBe(
          '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
        );
      }
      expect(curl(s, 'http://172.20.0.10/').outcome).toBe('delivered');
      const t = curl(s, 'http://172.20.0.99/');
      expect(t.outcome).not.toBe('dropped');
    },
  );
});
