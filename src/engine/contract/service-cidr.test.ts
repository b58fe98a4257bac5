/**
 * ServiceCIDR and IPAddress (networking.k8s.io/v1, GA in 1.33) through the commands a user runs: the API
 * server's default ServiceCIDR `kubernetes` from kubeadm's serviceSubnet, Ready, with its finalizer; an
 * IPAddress per ClusterIP (name = the address, parentRef = the Service) as `kubectl get ipaddresses` prints
 * them; a ServiceCIDR extends where ClusterIPs come from for the Services created after it (the website's
 * "Extend Service IP Ranges" task: a /28 with 13 Services, then a /24); ValidateServiceCIDR's messages.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const config = (subnets: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: ${subnets}
`;
const cidr = (name: string, cidrs: string): string => `apiVersion: networking.k8s.io/v1
kind: ServiceCIDR
metadata: { name: ${name} }
spec:
  cidrs: ${cidrs}
`;
const service = (name: string, extra = ''): string => `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
${extra}  ports: [{ port: 80 }]
`;
const services = (from: number, to: number): string[] => {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(service(`test-${i}`));
  return out;
};
const errorsOf = (docs: string[]): string[] =>
  buildCluster([{ file: 'scene.yaml', text: docs.join('---\n') }], { seed: 1 })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.id));

describe('the default ServiceCIDR and the IPAddresses', () => {
  const s = scene([config('10.96.0.0/12'), service('web')].join('---\n'));

  it('get servicecidrs prints kubernetes with kubeadm’s serviceSubnet', () => {
    expect(s.run('get servicecidrs').stdout).toBe(
      'NAME         CIDRS          AGE\nkubernetes   10.96.0.0/12   0s\n',
    );
  });

  it('marks it Ready with the controller’s message, no reason, and its finalizer', () => {
    const c = s.json('get servicecidr kubernetes -o json').items[0];
    expect(c.apiVersion).toBe('networking.k8s.io/v1');
    expect(c.metadata.finalizers).toEqual(['networking.k8s.io/service-cidr-finalizer']);
    expect(c.status.conditions).toEqual([
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: c.metadata.creationTimestamp,
        reason: '',
        message: 'Kubernetes Service CIDR is ready',
      },
    ]);
  });

  it('get ipaddresses lists every ClusterIP with its Service, sorted by name', () => {
    const web = s.json('get svc web -o json').items[0].spec.clusterIP as string;
    const lines = s.run('get ipaddresses').stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +PARENTREF$/);
    const rows = lines.slice(1).map((l) => l.split(/ +/));
    expect(rows).toContainEqual(['10.96.0.1', 'services/default/kubernetes']);
    expect(rows).toContainEqual(['10.96.0.10', 'services/kube-system/kube-dns']);
    expect(rows).toContainEqual([web, 'services/default/web']);
    const names = rows.map((r) => r[0]!);
    expect(names).toEqual([...names].sort());
    expect(s.run('get ipaddress 10.96.0.1').stdout).toMatch(
      /^NAME +PARENTREF\n10\.96\.0\.1 +services\/default\/kubernetes\n$/,
    );
  });

  it('an IPAddress carries the allocator’s labels and its parentRef', () => {
    const a = s.json('get ipaddress 10.96.0.10 -o json').items[0];
    expect(a).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IPAddress',
      metadata: {
        name: '10.96.0.10',
        labels: {
          'ipaddress.kubernetes.io/ip-family': 'IPv4',
          'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io',
        },
      },
      spec: { parentRef: { resource: 'services', namespace: 'kube-system', name: 'kube-dns' } },
    });
    expect(a.spec.parentRef.group).toBeUndefined();
  });

  it('a headless Service has no IPAddress; a NotFound names the resource', () => {
    const h = scene([service('h', '  clusterIP: None\n')].join('---\n'));
    expect(h.run('get ipaddresses').stdout).not.toContain('services/default/h');
    const r = h.run('get ipaddress 10.96.0.99');
    expect(r.stderr).toContain('ipaddresses.networking.k8s.io "10.96.0.99" not found');
  });

  it('a dual-stack cluster: both CIDRs, primary first, and an IPv6 IPAddress per IPv6 ClusterIP', () => {
    const d = scene(
      [config('fd00:10:96::/112,10.96.0.0/12'), service('both', '  ipFamilyPolicy: PreferDualStack\n')].join(
        '---\n',
      ),
    );
    expect(d.run('get servicecidrs').stdout).toContain('kubernetes   fd00:10:96::/112,10.96.0.0/12');
    const ips = d.json('get svc both -o json').items[0].spec.clusterIPs as string[];
    const addrs = d.json('get ipaddresses -o json').items as Obj[];
    const six = addrs.find((a) => a.metadata.name === ips[0])!;
    expect(six.metadata.labels['ipaddress.kubernetes.io/ip-family']).toBe('IPv6');
    expect(addrs.find((a) => a.metadata.name === ips[1])!.spec.parentRef.name).toBe('both');
  });
});

describe('a ServiceCIDR extends the ranges ClusterIPs come from', () => {
  it('a /28 holds 12 Services besides kubernetes and kube-dns; the 13th: range is full', () => {
    expect(errorsOf([config('10.96.0.0/28'), ...services(1, 13)])).toEqual([
      'Internal error occurred: failed to allocate a serviceIP: range is full',
    ]);
  });

  it('with newcidr1 10.96.0.0/24 the 13th and 14th get addresses from it', () => {
    const s = scene(
      [config('10.96.0.0/28'), cidr('newcidr1', '[10.96.0.0/24]'), ...services(1, 14)].join('---\n'),
    );
    expect(s.run('get servicecidrs').stdout).toBe(
      'NAME         CIDRS          AGE\nkubernetes   10.96.0.0/28   0s\nnewcidr1     10.96.0.0/24   0s\n',
    );
    const ips = (s.json('get svc -o json').items as Obj[]).map((x) => x.spec.clusterIP as string);
    const last = (ip: string): number => Number(ip.split('.')[3]);
    expect(ips.filter((ip) => last(ip) > 15)).toHaveLength(2);
    expect(new Set(ips).size).toBe(ips.length);
    expect(s.json('get servicecidr newcidr1 -o json').items[0].status.conditions[0].status).toBe('True');
  });

  it('a ClusterIP inside a ServiceCIDR is allocated only for a Service created after it', () => {
    const wanted = service('fixed', '  clusterIP: 10.200.0.20\n');
    expect(errorsOf([wanted, cidr('extra', '[10.200.0.0/24]')])).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.200.0.20"}: failed to allocate IP 10.200.0.20: the provided network does not match the current range',
    ]);
    expect(errorsOf([cidr('extra', '[10.200.0.0/24]'), wanted])).toEqual([]);
  });

  it('a ServiceCIDR of a family the cluster has no Services for is stored but gives no addresses', () => {
    const s = scene([cidr('six', '[fd00:99::/112]'), service('web')].join('---\n'));
    expect(s.run('get servicecidrs').stdout).toContain('six          fd00:99::/112');
    expect(errorsOf([cidr('six', '[fd00:99::/112]'), service('v6', '  ipFamilies: [IPv6]\n')])).toEqual([
      'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    ]);
  });
});

describe('ValidateServiceCIDR', () => {
  it.each([
    ['[]', 'spec.cidrs: Required value: at least one CIDR required'],
    [
      '[10.0.0.0/24, 10.1.0.0/24]',
      'spec.cidrs: Invalid value: networking.ServiceCIDRSpec{CIDRs:[]string{"10.0.0.0/24", "10.1.0.0/24"}}: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64',
    ],
    [
      '[10.0.0.0/24, fd00::/64, 10.2.0.0/24]',
      'spec.cidrs: Invalid value: networking.ServiceCIDRSpec{CIDRs:[]string{"10.0.0.0/24", "fd00::/64", "10.2.0.0/24"}}: may only hold up to 2 values',
    ],
    [
      '[10.0.0.0/33]',
      'spec.cidrs[0]: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ],
  ])('cidrs %s', (cidrs, message) => {
    expect(errorsOf([cidr('bad', cidrs)])).toEqual([message]);
  });

  it('the name is a DNS subdomain', () => {
    expect(errorsOf([cidr('Bad_Name', '[10.0.0.0/24]')])[0]).toMatch(
      /^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
  });
});
