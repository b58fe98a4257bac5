/**
 * kube-proxy's nftables and IPVS modes on a dual-stack cluster.
 *
 * nftables: on a dual-stack cluster (pkg/proxy/nftables/proxier.go: NewDualStackProxier
 * runs one proxier per family, each with its own table): `nft list ruleset` lists `table ip kube-proxy`
 * then `table ip6 kube-proxy`, the latter with ipv6_addr sets and maps, `ip6 daddr`/`ip6 saddr` matches,
 * `ip6 daddr != ::1` for NodePorts on every local address, endpoint chains named with the IPv6 address's
 * colons as dots and `dnat to [IPv6]:port` (as knftables' own IPv6 dump test writes them); an IPv6 packet
 * walks the ip6 table only. A single-stack cluster's nodes run both proxiers too (contract/other-family.test.ts).
 *
 * IPVS: the IPv6 proxier programs IPv6 virtual servers into the node's one IPVS table (`ipvsadm -Ln` lists
 * them after the IPv4 ones, `[IPv6]:port`, as libipvs's ipvs_cmp_services sorts by family first), fills
 * its own KUBE-6-… ipsets (newIPSet in pkg/proxy/ipvs/ipset.go) and writes ip6tables rules over them
 * (writeIptablesRules: `-s ::1/128 -j RETURN`).
 */
import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const IPVS = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
`;
const NFT = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: nftables
`;
const DUAL_CONFIG = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
`;
const svc = (name: string, extra: string, selector = 'web'): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${selector}
${extra}  ports:
    - port: 80
      targetPort: 8080
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

describe('kube-proxy nftables mode on a dual-stack cluster', () => {
  const s = scene(
    [
      DUAL_CONFIG,
      NFT,
      deployment('web', 2),
      svc('both', '  ipFamilyPolicy: PreferDualStack\n  type: NodePort\n  sessionAffinity: ClientIP\n'),
      svc('six', '  ipFamilies: [IPv6]\n'),
      svc('empty6', '  ipFamilies: [IPv6]\n', 'nothing'),
      CLIENT,
    ].join('---\n'),
  );
  const svcOf = (name: string): Obj => s.json(`get svc ${name} -o json`).items[0];
  const six = svcOf('six').spec.clusterIP as string;
  const both = svcOf('both').spec.clusterIPs as string[];
  const nodePort = svcOf('both').spec.ports[0].nodePort as number;
  const ruleset = s.run('node node-1 -- nft list ruleset').stdout;
  const [v4, v6] = ruleset.split(/^(?=table ip6 kube-proxy \{$)/m) as [string, string];
  const pods6 = s.json('get pods -l app=web -o json').items.map((p: Obj) => p.status.podIPs[1].ip as string);
  const node6 = s
    .json('get nodes node-1 -o json')
    .items[0].status.addresses.filter((a: Obj) => a.type === 'InternalIP')[1].address as string;

  it('lists the ip table, then the ip6 table right after it', () => {
    expect(v4.startsWith('table ip kube-proxy {\n')).toBe(true);
    expect(v4.endsWith('\n}\n')).toBe(true);
    expect(v6.startsWith('table ip6 kube-proxy {\n\tcomment "rules for kube-proxy"\n')).toBe(true);
  });

  it('writes the IPv6 table with ipv6_addr sets and ip6 matches (setupNFTables with ipX = ip6)', () => {
    expect(v6).toContain('\tset cluster-ips {\n\t\ttype ipv6_addr\n\t\tcomment "Active ClusterIPs"\n');
    expect(v6).toContain('\t\ttype ipv6_addr . inet_proto . inet_service : verdict\n');
    expect(v6).toContain('\t\tip6 daddr . meta l4proto . th dport vmap @service-ips\n');
    expect(v6).toContain('\t\tip6 daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports\n');
    expect(v6).toContain(
      `\tset nodeport-ips {\n\t\ttype ipv6_addr\n\t\tcomment "IPs that accept NodePort traffic"\n\t\telements = { ${node6} }\n`,
    );
    expect(v6).toContain(
      '\t\tip6 daddr fd00:10:96::/112 drop comment "Drop traffic to unallocated ClusterIPs"\n',
    );
    expect(v6).not.toMatch(/\bip (daddr|saddr)\b/);
    expect(v6).not.toContain('10.96.');
    expect(v4).not.toContain(six);
  });

  it('names endpoint chains with the address colons as dots and DNATs to [IPv6]:port', () => {
    for (const ip of pods6) {
      expect(v6).toContain(`__${ip.replaceAll(':', '.')}/8080 {`);
      expect(v6).toContain(`\t\tip6 saddr ${ip} jump mark-for-masquerade\n`);
      expect(v6).toContain(`\t\tmeta l4proto tcp dnat to [${ip}]:8080\n`);
    }
    // The local-traffic detector uses the IPv6 pod network; affinity sets hold IPv6 sources.
    expect(v6).toContain(`ip6 daddr ${six} ip6 saddr != fd00:10:244::/56 jump mark-for-masquerade`);
    expect(v6).toMatch(
      /\tset affinity-[A-Z0-9]{8}-default\/both\/tcp\/__fd00\.[^ ]+ \{\n\t\ttype ipv6_addr\n\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n/,
    );
    expect(v6).toContain('update @affinity-');
    expect(v6).toContain(' { ip6 saddr }');
    expect(v6).toContain('\t\tip6 daddr . meta l4proto . th dport vmap @no-endpoint-services\n');
    expect(v6).toContain(`${both[1]} . tcp . 80 : goto service-`);
    expect(v6).toContain(`tcp . ${nodePort} : goto external-`);
  });

  it('curl http://six/ reaches a pod over IPv6 through the ip6 table', () => {
    const t = s.json('exec client -- curl http://six/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(pods6).toContain(t.backend.ip);
    const dnat = t.hops.find(
      (h: Obj) => h.phase !== 'dns' && h.action === 'dnat' && h.stage === 'kube-proxy',
    );
    expect(dnat.ruleRef).toMatchObject({ node: 'node-1', table: 'nft', family: 'IPv6' });
    expect(dnat.rule).toBe(`meta l4proto tcp dnat to [${t.backend.ip}]:8080`);
    expect(dnat.candidates.map((c: Obj) => c.endpoint).sort()).toEqual(
      pods6.map((ip: string) => `[${ip}]:8080`).sort(),
    );
    const client6 = s.json('get pod client -o json').items[0].status.podIPs[1].ip;
    expect(t.sourceSeenByBackend).toMatch(new RegExp(`^\\[${client6}\\]:\\d+$`));
  });

  it('an IPv6 Service without endpoints is rejected by reject-chain through no-endpoint-services', () => {
    const t = s.json('exec client -- curl http://empty6/ -o json');
    expect(t.outcome).toBe('rejected');
    const hop = t.hops.find((h: Obj) => h.action === 'reject');
    expect(hop.ruleRef).toMatchObject({ table: 'nft', chain: 'reject-chain', family: 'IPv6' });
    expect(hop.noteMsg).toEqual({
      id: 'proxy.nft.rejectNoEndpoints',
      params: { map: 'no-endpoint-services', service: 'default/empty6' },
    });
  });

  it("a NodePort on the node's IPv6 address from outside is masqueraded to a pod's IPv6 address", () => {
    const ext = s.json(`curl --from external http://[${node6}]:${nodePort}/ -o json`);
    expect(ext.outcome).toBe('delivered');
    expect(pods6).toContain(ext.backend.ip);
    expect(ext.sourceSeenByBackend).toMatch(/^\[fd00:10:244:/);
  });

  it('ClientIP affinity holds over IPv6 (the affinity set keyed by the IPv6 source)', () => {
    const r = s.json('exec client -- curl -6 http://both/ --count 6 -o json');
    expect(new Set(r.results.map((t: Obj) => t.backend.pod)).size).toBe(1);
  });
});

describe('kube-proxy IPVS mode on a dual-stack cluster', () => {
  const s = scene(
    [
      DUAL_CONFIG,
      IPVS,
      deployment('web', 2),
      svc('both', '  ipFamilyPolicy: PreferDualStack\n  type: NodePort\n  sessionAffinity: ClientIP\n'),
      svc('six', '  ipFamilies: [IPv6]\n'),
      CLIENT,
    ].join('---\n'),
  );
  const svcOf = (name: string): Obj => s.json(`get svc ${name} -o json`).items[0];
  const six = svcOf('six').spec.clusterIP as string;
  const both = svcOf('both').spec.clusterIPs as string[];
  const nodePort = svcOf('both').spec.ports[0].nodePort as number;
  const pods6 = s.json('get pods -l app=web -o json').items.map((p: Obj) => p.status.podIPs[1].ip as string);
  const node2v6 = s
    .json('get nodes node-2 -o json')
    .items[0].status.addresses.filter((a: Obj) => a.type === 'InternalIP')[1].address as string;
  const table = s.run('node node-2 -- ipvsadm -Ln').stdout;

  it('ipvsadm -Ln lists the IPv6 virtual servers after the IPv4 ones, bracketed as ipvsadm prints them', () => {
    const lines = table.split('\n');
    const first6 = lines.findIndex((l) => /^(TCP|UDP|SCTP) {2}\[/.test(l));
    expect(first6).toBeGreaterThan(3);
    expect(lines.slice(first6).filter((l) => /^(TCP|UDP) {2}\d/.test(l))).toEqual([]);
    expect(table).toContain(`TCP  [${six}]:80 rr\n`);
    expect(table).toContain(`TCP  [${both[1]}]:80 rr persistent 10800\n`);
    expect(table).toContain(`TCP  ${both[0]}:80 rr persistent 10800\n`);
    expect(table).toContain(`TCP  [${node2v6}]:${nodePort} rr persistent 10800\n`);
    for (const ip of pods6)
      expect(table).toContain(`  -> ${`[${ip}]:8080`.padEnd(28)} Masq    1      0          0\n`);
  });

  it('ip6tables-save shows the IPv6 proxier rules over its KUBE-6- ipsets', () => {
    const v6 = s.run('node node-2 -- ip6tables-save').stdout;
    expect(v6).toContain('-A KUBE-SERVICES -s ::1/128 -j RETURN\n');
    expect(v6).toContain(
      '-A KUBE-SERVICES ! -s fd00:10:244::/56 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-6-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ\n',
    );
    expect(v6).toContain('--match-set KUBE-6-IPVS-IPS dst -j REJECT --reject-with icmp6-port-unreachable\n');
    expect(v6).toContain('--match-set KUBE-6-NODE-PORT-TCP dst -j KUBE-MARK-MASQ\n');
    expect(v6).not.toMatch(/--match-set KUBE-(?!6-)/);
    const v4 = s.run('node node-2 -- iptables-save').stdout;
    expect(v4).toContain('-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN\n');
    expect(v4).not.toContain('KUBE-6-');
  });

  it('curl http://six/ is scheduled by the IPv6 virtual server to a pod over IPv6', () => {
    const t = s.json('exec client -- curl http://six/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(pods6).toContain(t.backend.ip);
    const hop = t.hops.find((h: Obj) => h.phase !== 'dns' && h.action === 'dnat' && h.stage === 'kube-proxy');
    expect(hop.ruleRef).toMatchObject({ node: 'node-1', chain: `TCP [${six}]:80`, family: 'IPv6' });
    expect(hop.candidates.map((c: Obj) => c.endpoint).sort()).toEqual(
      pods6.map((ip: string) => `[${ip}]:8080`).sort(),
    );
    expect(hop.noteMsg.params.realServer).toBe(`[${t.backend.ip}]:8080`);
  });

  it("a NodePort on a node's IPv6 address from outside reaches a pod over IPv6, masqueraded", () => {
    const ext = s.json(`curl --from external http://[${node2v6}]:${nodePort}/ -o json`);
    expect(ext.outcome).toBe('delivered');
    expect(pods6).toContain(ext.backend.ip);
    expect(ext.sourceSeenByBackend).toMatch(/^\[fd00:10:244:/);
  });

  it('persistence (ClientIP affinity) holds over IPv6', () => {
    const r = s.json('exec client -- curl -6 http://both/ --count 6 -o json');
    expect(new Set(r.results.map((t: Obj) => t.backend.pod)).size).toBe(1);
  });
});

describe('kube-proxy IPVS mode on a single-stack cluster', () => {
  const s = scene([IPVS, deployment('web', 1), svc('web', '')].join('---\n'));

  it('lists IPv4 virtual servers only', () => {
    expect(s.run('node node-1 -- ipvsadm -Ln').stdout).not.toContain('[');
  });
});
