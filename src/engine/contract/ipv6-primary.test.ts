/**
 * IPv6-first and IPv6-only clusters through the commands a user runs: kubeadm's first serviceSubnet makes
 * the primary family, so the nodes' first InternalIP, the pods' podIPs[0], a Service's default
 * ipFamilies, the `kubernetes` Service, kube-dns (kubeadm's GetDNSIP: the 10th address of the first
 * serviceSubnet), the env vars, nslookup and curl all follow it.
 */
import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const config = (serviceSubnet: string, podSubnet?: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: ${serviceSubnet}
${podSubnet ? `  podSubnet: ${podSubnet}\n` : ''}`;

const services = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: both }
spec:
  ipFamilyPolicy: PreferDualStack
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: curlimages/curl }]
`;

describe('an IPv6-first dual-stack cluster (serviceSubnet fd00:10:96::/112,10.96.0.0/12)', () => {
  const s = scene(
    `${config('fd00:10:96::/112,10.96.0.0/12', 'fd00:10:244::/56,10.244.0.0/16')}---\n${deployment('web', 2)}---\n${services}`,
  );

  it('lists each node IPv6 address first and carves its IPv6 podCIDR first', () => {
    const nodes = s.json('get nodes -o json').items;
    expect(nodes[0].spec.podCIDRs).toEqual(['fd00:10:244::/64', '10.244.0.0/24']);
    expect(nodes[0].spec.podCIDR).toBe('fd00:10:244::/64');
    expect(nodes[0].status.addresses.filter((a: Obj) => a.type === 'InternalIP')).toEqual([
      { type: 'InternalIP', address: 'fc00:f853:ccd:e793::2' },
      { type: 'InternalIP', address: '192.168.49.2' },
    ]);
    expect(s.run('get nodes -o wide').stdout).toMatch(/node-1 +Ready .* fc00:f853:ccd:e793::2 /);
  });

  it("gives pods their IPv6 address first (podIP), and hostIPs in the node's order", () => {
    for (const p of s.json('get pods -o json').items) {
      const [first, second] = p.status.podIPs.map((a: Obj) => a.ip);
      expect(first).toMatch(/^fd00:10:244:/);
      expect(second).toMatch(/^10\.244\./);
      expect(p.status.podIP).toBe(first);
      expect(p.status.hostIPs.map((h: Obj) => h.ip)).toEqual([
        p.status.hostIP,
        expect.stringMatching(/^192\./),
      ]);
    }
  });

  it('defaults a Service to [IPv6] and a PreferDualStack one to [IPv6, IPv4]', () => {
    const svc = (n: string): Obj => s.json(`get svc ${n} -o json`).items[0].spec;
    expect(svc('web')).toMatchObject({ ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' });
    expect(svc('web').clusterIP).toMatch(/^fd00:10:96::/);
    expect(svc('both').ipFamilies).toEqual(['IPv6', 'IPv4']);
    expect(svc('both').clusterIPs[0]).toBe(svc('both').clusterIP);
    expect(svc('both').clusterIPs[1]).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./);
  });

  it('gives kubernetes and kube-dns addresses of the first serviceSubnet', () => {
    const out = s.run('get svc -A').stdout;
    expect(out).toMatch(/default +kubernetes +ClusterIP +fd00:10:96::1 /);
    expect(out).toMatch(/kube-system +kube-dns +ClusterIP +fd00:10:96::a /);
    expect(s.json('get endpointslices kubernetes -o json').items[0]).toMatchObject({
      addressType: 'IPv6',
      endpoints: [{ addresses: ['fc00:f853:ccd:e793::2'] }],
    });
  });

  it('writes the env vars of the primary ClusterIP, bracketed in the URLs', () => {
    const env = s.run('exec client -- env').stdout;
    expect(env).toContain('KUBERNETES_SERVICE_HOST=fd00:10:96::1\n');
    expect(env).toContain('KUBERNETES_PORT=tcp://[fd00:10:96::1]:443\n');
    const host = s.json('get svc both -o json').items[0].spec.clusterIP;
    expect(env).toContain(`BOTH_SERVICE_HOST=${host}\n`);
    expect(env).toContain(`BOTH_PORT_80_TCP=tcp://[${host}]:80\n`);
  });

  it('nslookup asks for A and AAAA (BIND 9.11+) and prints both of a dual-stack Service', () => {
    const [v6, v4] = s.json('get svc both -o json').items[0].spec.clusterIPs;
    expect(s.run('exec client -- nslookup both').stdout).toBe(
      'Server:\t\tfd00:10:96::a\nAddress:\tfd00:10:96::a#53\n\n' +
        `Name:\tboth.default.svc.cluster.local\nAddress: ${v4}\n` +
        `Name:\tboth.default.svc.cluster.local\nAddress: ${v6}\n\n`,
    );
    const web = s.json('get svc web -o json').items[0].spec.clusterIP;
    expect(s.run('exec client -- nslookup web').stdout).toBe(
      'Server:\t\tfd00:10:96::a\nAddress:\tfd00:10:96::a#53\n\n' +
        `Name:\tweb.default.svc.cluster.local\nAddress: ${web}\n\n`,
    );
  });

  it('curl reaches an IPv6-only Service from the IPv6 pod address', () => {
    const r = s.run('curl -v --from pod/client http://web/');
    expect(r.exitCode).toBe(0);
    const client = s.json('get pod client -o json').items[0].status.podIP;
    expect(r.stdout).toContain(`client: [${client}]:`);
    expect(r.stderr).toContain(`*   Trying [${s.json('get svc web -o json').items[0].spec.clusterIP}]:80...`);
  });
});

describe('an IPv6-only cluster (serviceSubnet fd00:10:96::/112, no podSubnet)', () => {
  const s = scene(`${config('fd00:10:96::/112')}---\n${deployment('web', 2)}---\n${services}`);

  it("gives nodes and pods IPv6 addresses only (kind's fd00:10:244::/56 for pods)", () => {
    const nodes = s.json('get nodes -o json').items;
    expect(nodes.map((n: Obj) => n.spec.podCIDRs)).toEqual([
      ['fd00:10:244::/64'],
      ['fd00:10:244:1::/64'],
      ['fd00:10:244:2::/64'],
    ]);
    expect(nodes[0].status.addresses).toEqual([
      { type: 'InternalIP', address: 'fc00:f853:ccd:e793::2' },
      { type: 'Hostname', address: 'node-1' },
    ]);
    for (const p of s.json('get pods -o json').items) {
      expect(p.status.podIPs).toEqual([{ ip: p.status.podIP }]);
      expect(p.status.podIP).toMatch(/^fd00:10:244:/);
    }
  });

  it('refuses what needs IPv4, with the API server messages', () => {
    const refused = (spec: string): string => {
      try {
        scene(
          `${config('fd00:10:96::/112')}---\napiVersion: v1\nkind: Service\nmetadata: { name: x }\nspec:\n${spec}  ports: [{ port: 80 }]\n`,
        );
        return '';
      } catch (e) {
        return String(e);
      }
    };
    expect(refused('  ipFamilies: [IPv4]\n')).toContain(
      'spec.ipFamilies[0]: Invalid value: "IPv4": not configured on this cluster',
    );
    expect(refused('  ipFamilyPolicy: RequireDualStack\n')).toContain(
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    );
  });

  it('gives PreferDualStack one family and only IPv6 EndpointSlices', () => {
    expect(s.json('get svc both -o json').items[0].spec).toMatchObject({
      ipFamilyPolicy: 'PreferDualStack',
      ipFamilies: ['IPv6'],
    });
    const slices = s.json('get endpointslices -A -o json').items;
    expect(new Set(slices.map((e: Obj) => e.addressType))).toEqual(new Set(['IPv6']));
    const dns = slices.find((e: Obj) => e.metadata.labels['kubernetes.io/service-name'] === 'kube-dns');
    expect(dns.endpoints).toHaveLength(2);
  });

  it('resolves and curls over IPv6 only', () => {
    const web = s.json('get svc web -o json').items[0].spec.clusterIP;
    expect(s.run('exec client -- nslookup web').stdout).toBe(
      'Server:\t\tfd00:10:96::a\nAddress:\tfd00:10:96::a#53\n\n' +
        `Name:\tweb.default.svc.cluster.local\nAddress: ${web}\n\n`,
    );
    const r = s.run('curl -v --from pod/client http://web/');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('* IPv4: (none)\n');
    expect(s.run('curl -4 --from pod/client http://web/').exitCode).not.toBe(0);
  });

  it("writes the Services into node-1's ip6tables rules and none into its iptables ones", () => {
    const web = s.json('get svc web -o json').items[0].spec.clusterIP;
    const v6 = s.run('node node-1 -- ip6tables-save').stdout;
    expect(v6).toContain(
      `-A KUBE-SERVICES -d ${web}/128 -p tcp -m comment --comment "default/web:http cluster IP"`,
    );
    expect(v6).toMatch(
      /-A KUBE-SEP-\w+ -p tcp -m comment --comment "default\/web:http" -m tcp -j DNAT --to-destination \[fd00:10:244:/,
    );
    const v4 = s.run('node node-1 -- iptables-save').stdout;
    expect(v4).not.toContain('default/web');
    expect(v4).not.toContain('KUBE-SVC-');
  });
});
