/**
 * In nftables mode the explanations of a blocked connection name what kube-proxy's nftables table did
 * (pkg/proxy/nftables/proxier.go): `cluster-ips-check` rejects a ClusterIP's port that no Service port
 * defines ("Reject traffic to invalid ports of ClusterIPs", even when the Service has no endpoints) and
 * drops an unallocated address of the Service CIDR ("Drop traffic to unallocated ClusterIPs"); the
 * `firewall-…` chain drops a source outside loadBalancerSourceRanges; the no-endpoint maps' `drop`
 * elements drop a Local Service's traffic on a node without a local endpoint. Before, three of them fell
 * back to "kube-proxy drops the packet" and the firewall one named iptables' KUBE-PROXY-FIREWALL (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run';
import { scene, type Scene, WEB_AND_CLIENT_PODS } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const yaml = (mode: string): string =>
  [
    `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n`,
    ...WEB_AND_CLIENT_PODS,
    `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
    `apiVersion: v1
kind: Service
metadata: { name: empty }
spec:
  selector: { app: nothing }
  ports: [{ port: 80 }]
`,
    `apiVersion: v1
kind: Service
metadata: { name: local }
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  internalTrafficPolicy: Local
  loadBalancerSourceRanges: [10.9.9.0/24]
  selector: { app: web }
  ports: [{ port: 80, nodePort: 30081 }]
`,
  ].join('---\n');

const svc = (s: Scene, name: string): Obj => {
  const o = s.json(`get svc ${name} -o json`);
  return o.items ? o.items[0] : o;
};
const nodeIP = (s: Scene, node: string): string =>
  s
    .json('get nodes -o json')
    .items.find((n: Obj) => n.metadata.name === node)
    .status.addresses.find((a: Obj) => a.type === 'InternalIP').address;

const curl = (s: Scene, from: string, url: string, lang: 'en' | 'ko' = 'en'): Obj =>
  JSON.parse(runCommand(`curl --from ${from} -m 2 ${url} -o json`, { ...s.env, lang }).stdout);

/** The hop that blocked the connection. */
const blockHop = (t: Obj): Obj => t.hops.find((h: Obj) => h.action === 'drop' || h.action === 'reject');

describe('nftables mode: why kube-proxy blocked a connection', () => {
  const s = scene(yaml('nftables'));
  const webIP = svc(s, 'web').spec.clusterIP as string;
  const emptyIP = svc(s, 'empty').spec.clusterIP as string;
  const local = svc(s, 'local');
  const lbIP = local.status.loadBalancer.ingress[0].ip as string;
  const ruleset = s.run('node node-1 -- nft list ruleset').stdout;
  const cases: [string, string, string][] = [
    ['pod/client', `http://${webIP}:81/`, 'sim.vip.clusterIpsCheck'],
    ['pod/client', `http://${emptyIP}:81/`, 'sim.vip.clusterIpsCheck'],
    ['pod/client', 'http://10.96.200.200/', 'sim.block.unallocated'],
    ['pod/client', `http://${lbIP}/`, 'sim.block.firewall'],
    ['pod/client', `http://${local.spec.clusterIP}/`, 'sim.block.local'],
    ['external', `http://${nodeIP(s, 'node-1')}:30081/`, 'sim.block.local'],
  ];

  it.each(cases)('from %s to %s: %s', (from, url, id) => {
    const t = curl(s, from, url);
    expect(t.explanationMsg.id).toBe(id);
    const hop = blockHop(t);
    expect(hop.ruleRef).toMatchObject({ node: 'node-1', table: 'nft' });
    expect(ruleset).toContain(`\t\t${hop.rule}\n`);
  });

  it('a port the Service does not define is cluster-ips-check’s reject, not "no ready endpoints"', () => {
    for (const ip of [webIP, emptyIP]) {
      const t = curl(s, 'pod/client', `http://${ip}:81/`);
      expect(t.outcome).toBe('rejected');
      expect(blockHop(t).ruleRef.chain).toBe('cluster-ips-check');
      expect(blockHop(t).noteMsg.id).toBe('proxy.nft.invalidPort');
      expect(t.explanation).toContain('Reject traffic to invalid ports of ClusterIPs');
      expect(t.explanation).not.toContain('no ready endpoints');
    }
    // Port 80 of the Service without endpoints is the no-endpoint map's reject.
    const t = curl(s, 'pod/client', `http://${emptyIP}/`);
    expect(t.explanationMsg.id).toBe('sim.block.reject');
    expect(blockHop(t).noteMsg.id).toBe('proxy.nft.rejectNoEndpoints');
  });

  it('an unallocated ClusterIP is dropped by cluster-ips-check’s rule for the Service CIDR', () => {
    const t = curl(s, 'pod/client', 'http://10.96.200.200/');
    expect(t.outcome).toBe('dropped');
    expect(blockHop(t).rule).toBe(
      'ip daddr 10.96.0.0/12 drop comment "Drop traffic to unallocated ClusterIPs"',
    );
    expect(t.explanation).toContain('10.96.200.200 is inside a Service CIDR but no Service has it');
    const ko = curl(s, 'pod/client', 'http://10.96.200.200/', 'ko');
    expect(ko.explanation).toContain('할당되지 않은 클러스터 IP');
  });

  it('the firewall drop names the Service’s firewall chain', () => {
    const t = curl(s, 'pod/client', `http://${lbIP}/`);
    const chain = blockHop(t).ruleRef.chain as string;
    expect(chain).toMatch(/^firewall-[A-Z0-9]{8}-default\/local\/tcp\/$/);
    expect(t.explanationMsg.params.chain).toBe(chain);
    expect(t.explanation).toContain(`(${chain})`);
  });

  it('names no iptables chain in any note or explanation, English or Korean', () => {
    for (const [from, url] of cases)
      for (const lang of ['en', 'ko'] as const) {
        const text = JSON.stringify(curl(s, from, url, lang));
        expect(text, `${from} ${url} ${lang}`).not.toMatch(/KUBE-[A-Z]/);
      }
  });
});

describe('iptables and IPVS modes keep their own chains', () => {
  it('iptables: KUBE-PROXY-FIREWALL', () => {
    const s = scene(yaml('iptables'));
    const lbIP = svc(s, 'local').status.loadBalancer.ingress[0].ip as string;
    const t = curl(s, 'pod/client', `http://${lbIP}/`);
    expect(t.explanationMsg).toMatchObject({
      id: 'sim.block.firewall',
      params: { chain: 'KUBE-PROXY-FIREWALL' },
    });
  });

  it('IPVS: KUBE-SOURCE-RANGES-FIREWALL', () => {
    const s = scene(yaml('ipvs'));
    const lbIP = svc(s, 'local').status.loadBalancer.ingress[0].ip as string;
    const t = curl(s, 'pod/client', `http://${lbIP}/`);
    expect(blockHop(t).ruleRef.chain).toBe('KUBE-SOURCE-RANGES-FIREWALL');
    expect(t.explanationMsg).toMatchObject({
      id: 'sim.block.firewall',
      params: { chain: 'KUBE-SOURCE-RANGES-FIREWALL' },
    });
  });
});
