import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { runCommand } from '../commands/run';
import type { Hop, Trace } from '../trace';
import { createWorld } from '../world';
import { request } from './request';
import { simulate, simulateMany } from './simulate';

type Mode = 'iptables' | 'ipvs' | 'nftables';
const MODES: Mode[] = ['iptables', 'ipvs', 'nftables'];

/**
 * kube-dns as the user writes it (so its spec can change), CoreDNS pods pinned to nodes, a web Service and
 * clients on node-1 (zone-a), node-2 (zone-a) and node-3 (zone-b).
 */
function yaml(mode: Mode, o: { dnsSpec?: string; coredns?: string[]; extra?: string } = {}): string {
  const coredns = (o.coredns ?? ['node-1', 'node-3'])
    .map(
      (node, i) => `---
apiVersion: v1
kind: Pod
metadata: { name: coredns-${i}, namespace: kube-system, labels: { k8s-app: kube-dns } }
spec:
  nodeName: ${node}
  dnsPolicy: Default
  containers:
    - name: coredns
      image: registry.k8s.io/coredns/coredns:v1.12.1
      ports: [{ containerPort: 53, protocol: UDP }, { containerPort: 53, protocol: TCP }]
`,
    )
    .join('');
  const client = (name: string, node: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec: { nodeName: ${node}, containers: [{ name: c, image: busybox }] }
`;
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ${mode}
---
apiVersion: v1
kind: Service
metadata: { name: kube-dns, namespace: kube-system }
spec:
  clusterIP: 10.96.0.10
  selector: { k8s-app: kube-dns }
  ports: [{ name: dns, port: 53, protocol: UDP }, { name: dns-tcp, port: 53, protocol: TCP }]
${o.dnsSpec ?? ''}
${coredns}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { clusterIP: 10.96.0.42, selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
# nginx-unprivileged binds 8080 (image-ports.ts), where the Service's targetPort points; plain nginx would bind 80.
spec: { nodeName: node-2, containers: [{ name: c, image: nginxinc/nginx-unprivileged, ports: [{ containerPort: 8080 }] }] }
${client('one', 'node-1')}${client('two', 'node-2')}${client('three', 'node-3')}${o.extra ?? ''}`;
}

function world(text: string) {
  const built = buildCluster([{ file: 'dns.yaml', text }], { seed: 1 });
  const errors = built.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('; '));
  const w = createWorld(1);
  const env = {
    cluster: built.cluster,
    world: w,
    diagnostics: built.diagnostics,
    json: false,
    lang: 'en' as const,
  };
  return {
    cluster: built.cluster,
    world: w,
    curl: (from: string, url: string): Trace => simulate(built.cluster, w, request({ from, target: url })),
    lookups: (from: string, name: string, count = 1): Trace[] =>
      simulateMany(built.cluster, w, request({ from, target: name, protocol: 'DNS', count })),
    run: (line: string) => runCommand(line, env),
    podIP: (name: string) => built.cluster.pods.find((p) => p.metadata.name === name)!.status!.podIP!,
  };
}

const dnsHops = (t: Trace): Hop[] => t.hops.filter((h) => h.phase === 'dns');

describe.each(MODES)('DNS walks kube-proxy (%s)', (mode) => {
  it('a query travels through the client node’s rules to a CoreDNS pod and comes back un-DNATed', () => {
    const s = world(yaml(mode));
    const t = s.curl('pod/default/two', 'http://web/');
    expect(t.outcome).toBe('delivered');
    const dns = dnsHops(t);
    expect(dns[0]).toMatchObject({ stage: 'client', location: 'pod/default/two', action: 'send' });
    expect(dns[0]!.packet).toMatchObject({ dst: '10.96.0.10:53', protocol: 'UDP' });
    const dnat = dns.find((h) => h.action === 'dnat')!;
    expect(dnat).toMatchObject({ stage: 'kube-proxy', location: 'node/node-2' });
    const corednsIPs = [s.podIP('coredns-0'), s.podIP('coredns-1')].map((ip) => `${ip}:53`);
    expect(corednsIPs).toContain(dnat.packet.dst);
    expect(dnat.candidates?.map((c) => c.endpoint).sort()).toEqual([...corednsIPs].sort());
    const answer = dns.find((h) => h.stage === 'dns')!;
    expect(answer).toMatchObject({ action: 'respond', direction: 'reply' });
    expect(answer.location).toMatch(/^pod\/kube-system\/coredns-[01]$/);
    expect(en(answer.note)).toBe(
      'CoreDNS answers web.default.svc.cluster.local. A 10.96.0.42 (from its kubernetes plugin).',
    );
    const unNat = dns.find((h) => h.direction === 'reply' && h.stage === 'kube-proxy')!;
    expect(unNat.rule).toMatch(/^conntrack: udp /);
    expect(dns[dns.length - 1]).toMatchObject({ stage: 'client', action: 'deliver' });
    expect(dns[dns.length - 1]!.packet.src).toBe('10.96.0.10:53');
    expect(t.hops.find((h) => h.phase === 'request')!.packet.dst).toBe('10.96.0.42:80');
  });

  it('internalTrafficPolicy Local: pods on a node without CoreDNS get no answer, the others resolve', () => {
    const s = world(yaml(mode, { dnsSpec: '  internalTrafficPolicy: Local', coredns: ['node-1'] }));
    expect(s.curl('pod/default/one', 'http://web/').outcome).toBe('delivered');
    const before = s.world.clock;
    const t = s.curl('pod/default/two', 'http://web/');
    expect(t.outcome).toBe('dns-failure');
    if (mode === 'ipvs') {
      // IPVS has no real server for it on node-2 and answers ICMP port unreachable (ip_vs_leave).
      expect(t.lookup).toMatchObject({ rcode: 'CONNREFUSED', queries: ['web.default.svc.cluster.local.'] });
      expect(s.world.clock - before).toBeCloseTo(0.1);
      expect(s.run('exec two -- nslookup web').stdout).toBe(
        `${';; communications error to 10.96.0.10#53: connection refused\n'.repeat(3)};; no servers could be reached\n\n`,
      );
      return;
    }
    expect(t.lookup).toMatchObject({ rcode: 'TIMEOUT', queries: ['web.default.svc.cluster.local.', 'web.'] });
    // glibc: the first suffix times out (2 tries × 5 s), which ends the list; the name as-is does too.
    expect(s.world.clock - before).toBeCloseTo(20.1);
    const drops = dnsHops(t).filter((h) => h.action === 'drop');
    expect(drops).toHaveLength(4);
    expect(drops.every((h) => h.location === 'node/node-2' && h.stage === 'kube-proxy')).toBe(true);
    expect(en(t.explanation)).toMatch(
      /^No DNS server answered at 10\.96\.0\.10 \(the resolver gave up after 20 s/,
    );
    const clock = s.world.clock;
    expect(s.run('exec two -- nslookup web')).toEqual({
      exitCode: 1,
      stdout: `${';; communications error to 10.96.0.10#53: timed out\n'.repeat(3)};; no servers could be reached\n\n`,
      stderr: '',
    });
    expect(s.world.clock - clock).toBe(15); // BIND: 3 tries × 5 s
  });

  it('no ready CoreDNS pod: kube-proxy rejects the query and the lookup is refused at once', () => {
    const s = world(yaml(mode, { coredns: [] }));
    const before = s.world.clock;
    const t = s.curl('pod/default/two', 'http://web/');
    expect(t.outcome).toBe('dns-failure');
    expect(t.lookup).toMatchObject({ rcode: 'CONNREFUSED', queries: ['web.default.svc.cluster.local.'] });
    expect(s.world.clock - before).toBeCloseTo(0.1);
    const rejects = dnsHops(t).filter((h) => h.action === 'reject');
    expect(rejects).toHaveLength(2); // glibc's two attempts, each on a new socket after the ICMP error
    expect(rejects[0]!.packet.src).not.toBe(rejects[1]!.packet.src);
    expect(en(t.explanation)).toMatch(
      /^Every query to 10\.96\.0\.10:53 was refused \(connection refused\): /,
    );
    expect(s.run('exec two -- dig +short web.default.svc.cluster.local').stdout).toBe(
      `${';; communications error to 10.96.0.10#53: connection refused\n'.repeat(3)};; no servers could be reached\n`,
    );
  });

  it('trafficDistribution PreferClose keeps lookups in the client’s zone', () => {
    const spread = world(yaml(mode));
    const everywhere = new Set(spread.lookups('pod/default/two', 'web', 12).map((t) => t.backend?.pod));
    expect(everywhere).toEqual(new Set(['kube-system/coredns-0', 'kube-system/coredns-1']));
    const close = world(yaml(mode, { dnsSpec: '  trafficDistribution: PreferClose' }));
    const zoneA = close.lookups('pod/default/two', 'web', 12);
    expect(new Set(zoneA.map((t) => t.backend?.pod))).toEqual(new Set(['kube-system/coredns-0']));
    expect(new Set(close.lookups('pod/default/three', 'web', 6).map((t) => t.backend?.pod))).toEqual(
      new Set(['kube-system/coredns-1']),
    );
  });
});

describe('DNS lookups as requests (the request bar’s DNS protocol)', () => {
  it('one trace per lookup: its queries’ hops, the CoreDNS pod as backend, nslookup’s output', () => {
    const s = world(yaml('iptables'));
    const [t] = s.lookups('pod/default/one', 'http://web:8080/x');
    expect(t!.outcome).toBe('delivered');
    expect(t!.hops.length).toBeGreaterThan(4);
    expect(t!.hops.every((h) => h.phase === 'dns')).toBe(true);
    expect(t!.backend).toMatchObject({ port: 53, service: 'kube-system/kube-dns' });
    expect(t!.backend!.pod).toMatch(/^kube-system\/coredns-[01]$/);
    expect(t!.sourceSeenByBackend).toMatch(new RegExp(`^${s.podIP('one').replace(/\./g, '\\.')}:\\d+$`));
    expect(t!.lookup).toEqual({
      rcode: 'NOERROR',
      queries: ['web.default.svc.cluster.local.'],
      answer: [{ name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' }],
      additional: [],
      server: '10.96.0.10',
      output:
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.42\n\n',
    });
  });

  it('a name that does not exist is a dns-failure after the whole search list; an address is a PTR lookup', () => {
    const s = world(yaml('iptables'));
    const [nx] = s.lookups('pod/default/one', 'nope');
    expect(nx!.outcome).toBe('dns-failure');
    expect(nx!.lookup!.queries).toHaveLength(4);
    expect(nx!.hops.filter((h) => h.stage === 'dns')).toHaveLength(4);
    const [ptr] = s.lookups('pod/default/one', '10.96.0.42');
    expect(ptr!.lookup!.answer[0]).toMatchObject({ type: 'PTR', data: 'web.default.svc.cluster.local.' });
  });
});

describe('where a query ends decides the answer', () => {
  const pod = (name: string, spec: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: node-2
  containers: [{ name: c, image: busybox }]
${spec}`;

  it('a dnsConfig nameserver nobody runs times out; a public one answers like the Internet', () => {
    const s = world(
      yaml('iptables', {
        extra:
          pod('ghost', '  dnsPolicy: None\n  dnsConfig: { nameservers: [10.96.0.99] }\n') +
          pod('public', '  dnsPolicy: None\n  dnsConfig: { nameservers: [8.8.8.8] }\n'),
      }),
    );
    const t = s.curl('pod/default/ghost', 'http://web/');
    expect(t.lookup?.rcode).toBe('TIMEOUT');
    expect(dnsHops(t).at(-1)).toMatchObject({ stage: 'network', location: 'node/node-2' });
    expect(en(t.explanation)).toContain('Nothing in the cluster owns 10.96.0.99');
    expect(s.run('exec public -- nslookup web.default.svc.cluster.local').stdout).toContain(
      "** server can't find web.default.svc.cluster.local: NXDOMAIN",
    );
  });

  it("the docs' example nameserver 192.0.2.1 runs no DNS server: the pod's queries time out", () => {
    const s = world(
      yaml('iptables', {
        extra: pod(
          'docs',
          '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [192.0.2.1]\n    searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]\n    options: [{ name: ndots, value: "2" }, { name: edns0 }]\n',
        ),
      }),
    );
    const r = s.run('exec docs -- dig +short web.default.svc.cluster.local');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/;; no servers could be reached\n$/);
    expect(s.curl('pod/default/docs', 'http://web/').lookup?.rcode).toBe('TIMEOUT');
  });

  it('a nameserver on the pod’s own loopback with nothing listening: refused inside the pod', () => {
    const s = world(
      yaml('iptables', {
        extra: pod('lonely', '  dnsPolicy: None\n  dnsConfig: { nameservers: [127.0.0.1] }\n'),
      }),
    );
    const t = s.curl('pod/default/lonely', 'http://web/');
    expect(t.lookup).toMatchObject({ rcode: 'CONNREFUSED', server: '127.0.0.1' });
    expect(dnsHops(t)[1]).toMatchObject({ stage: 'pod', action: 'reject', location: 'pod/default/lonely' });
  });

  it('a query DNATed to a pod that runs no DNS server gets no answer; the retry follows conntrack', () => {
    const fake = `---
apiVersion: v1
kind: Service
metadata: { name: kube-dns, namespace: kube-system }
spec:
  clusterIP: 10.96.0.10
  selector: { app: not-dns }
  ports: [{ name: dns, port: 53, protocol: UDP }]
---
apiVersion: v1
kind: Pod
metadata: { name: not-dns, namespace: kube-system, labels: { app: not-dns } }
spec: { nodeName: node-3, containers: [{ name: c, image: registry.example/udp-sink:1, ports: [{ containerPort: 53, protocol: UDP }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { nodeName: node-1, containers: [{ name: c, image: busybox }] }
`;
    // An image svclab does not know binds its declared port, 53/UDP, and is no DNS server.
    const s = world(fake);
    const t = s.curl('pod/default/client', 'http://anything/');
    expect(t.lookup?.rcode).toBe('TIMEOUT');
    expect(en(t.explanation)).toContain('The query reached pod kube-system/not-dns, which listens on 53/UDP');
    const natted = dnsHops(t).filter((h) => h.action === 'dnat');
    expect(natted[0]!.rule).toContain('kube-system/kube-dns:dns');
    expect(natted[1]!.rule).toMatch(/^conntrack: udp /); // same socket, so the first try's entry
    // nginx binds 80/TCP whatever its ports list declares: nothing is bound on 53/UDP, so the kernel
    // answers ICMP port unreachable and the resolver reports the query refused instead of waiting.
    const nginx = world(fake.replace('registry.example/udp-sink:1', 'nginx'));
    expect(nginx.curl('pod/default/client', 'http://anything/').lookup?.rcode).toBe('CONNREFUSED');
  });

  it('a hostNetwork pod with ClusterFirstWithHostNet sends its queries from the node', () => {
    const s = world(
      yaml('iptables', {
        extra: `---
apiVersion: v1
kind: Pod
metadata: { name: agent }
spec: { nodeName: node-2, hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet, containers: [{ name: c, image: busybox }] }
`,
      }),
    );
    const t = s.curl('pod/default/agent', 'http://web/');
    expect(t.outcome).toBe('delivered');
    const first = dnsHops(t)[0]!;
    expect(first).toMatchObject({ location: 'node/node-2', action: 'send' });
    expect(first.packet.dst).toBe('10.96.0.10:53');
  });

  it('dig +tcp asks over TCP and closes the connection', () => {
    const s = world(yaml('iptables'));
    const out = s.run('exec one -- dig +tcp web.default.svc.cluster.local').stdout;
    expect(out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (TCP)');
    const j = JSON.parse(s.run('exec one -- dig +tcp web.default.svc.cluster.local -o json').stdout);
    expect(j.hops[0].packet.protocol).toBe('TCP');
    expect(s.run('node node-1 -- conntrack -L').stdout).toMatch(
      /tcp +6 \d+ TIME_WAIT src=10\.244\.0\.\d+ dst=10\.96\.0\.10 /,
    );
  });
});
