/**
 * The simulated cloud's LoadBalancer addresses by IP family, through the commands a user runs: an
 * IPv6-only cluster's LoadBalancer Service gets an IPv6 ingress address (before, an IPv4 one that no
 * proxier of the cluster captured), a dual-stack Service gets one address per family in the order of its
 * spec.ipFamilies, a single-stack one only its own family, and spec.loadBalancerIP of a family the Service
 * does not have leaves it pending. Every address handed out is captured by kube-proxy of its family.
 */
import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const config = (services: string, pods: string): string => `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: ${services}
  podSubnet: ${pods}
`;
const V6 = config('fd00:10:96::/112', 'fd00:10:244::/56');
const DUAL = config('10.96.0.0/12,fd00:10:96::/112', '10.244.0.0/16,fd00:10:244::/56');

const lb = (name: string, extra = ''): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: LoadBalancer
  selector:
    app: web
${extra}  ports:
    - port: 80
      targetPort: 8080
`;

const ingressOf = (s: ReturnType<typeof scene>, name: string): Obj[] | undefined =>
  s.json(`get svc ${name} -o json`).items[0].status?.loadBalancer?.ingress;

describe('LoadBalancer ingress on an IPv6-only cluster', () => {
  const s = scene([V6, deployment('web', 2), lb('web'), lb('second')].join('---\n'));

  it('hands out IPv6 addresses from the cloud’s IPv6 pool, the lowest free first', () => {
    expect(ingressOf(s, 'web')).toEqual([{ ip: '2001:db8:198:51::1', ipMode: 'VIP' }]);
    expect(ingressOf(s, 'second')).toEqual([{ ip: '2001:db8:198:51::2', ipMode: 'VIP' }]);
    // kubectl cuts the column at 16 characters unless -o wide (loadBalancerStatusStringer).
    expect(s.run('get svc web').stdout).toMatch(
      /\nweb +LoadBalancer +fd00:10:96::[0-9a-f]+ +2001:db8:198:\.\.\. +80:3\d{4}\/TCP /,
    );
    expect(s.run('get svc web -o wide').stdout).toMatch(/ 2001:db8:198:51::1 /);
  });

  it('an external IPv6 client reaches the pods through it (ip6tables captures the address)', () => {
    const t = s.json('curl --from external:2001:db8:ffff::10 http://[2001:db8:198:51::1]/ -o json');
    expect(t.outcome).toBe('delivered');
    expect(t.response.status).toBe(200);
    expect(s.run('node node-1 -- ip6tables-save').stdout).toContain('-d 2001:db8:198:51::1/128');
  });
});

describe('LoadBalancer ingress on a dual-stack cluster', () => {
  const s = scene(
    [
      DUAL,
      deployment('web', 2),
      lb('v4'),
      lb('both', '  ipFamilyPolicy: PreferDualStack\n'),
      lb('six-first', '  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [IPv6, IPv4]\n'),
      lb('six', '  ipFamilies: [IPv6]\n'),
      lb('wrong-family', '  loadBalancerIP: 2001:db8:198:51::80\n'),
      lb('asked6', '  ipFamilies: [IPv6]\n  loadBalancerIP: 2001:db8:198:51::80\n'),
    ].join('---\n'),
  );

  it('a single-stack Service gets one address of its family', () => {
    expect(ingressOf(s, 'v4')).toEqual([{ ip: '198.51.100.1', ipMode: 'VIP' }]);
    expect(ingressOf(s, 'six')).toEqual([{ ip: '2001:db8:198:51::3', ipMode: 'VIP' }]);
  });

  it('a dual-stack Service gets one address per family, in the order of spec.ipFamilies', () => {
    expect(ingressOf(s, 'both')).toEqual([
      { ip: '198.51.100.2', ipMode: 'VIP' },
      { ip: '2001:db8:198:51::1', ipMode: 'VIP' },
    ]);
    expect(ingressOf(s, 'six-first')).toEqual([
      { ip: '2001:db8:198:51::2', ipMode: 'VIP' },
      { ip: '198.51.100.3', ipMode: 'VIP' },
    ]);
    expect(s.run('get svc both -o wide').stdout).toMatch(/ 198\.51\.100\.2,2001:db8:198:51::1 /);
  });

  it('spec.loadBalancerIP must be of one of the Service’s families', () => {
    expect(ingressOf(s, 'wrong-family')).toBeUndefined();
    expect(s.run('get svc wrong-family').stdout).toMatch(/<pending>/);
    expect(ingressOf(s, 'asked6')).toEqual([{ ip: '2001:db8:198:51::80', ipMode: 'VIP' }]);
  });

  it('each family’s kube-proxy captures its own address of a dual-stack Service', () => {
    expect(s.json('curl --from external http://198.51.100.2/ -o json').outcome).toBe('delivered');
    expect(
      s.json('curl --from external:2001:db8:ffff::10 http://[2001:db8:198:51::1]/ -o json').outcome,
    ).toBe('delivered');
    const v4 = s.run('node node-1 -- iptables-save').stdout;
    const v6 = s.run('node node-1 -- ip6tables-save').stdout;
    expect(v4).toContain('-d 198.51.100.2/32');
    expect(v4).not.toContain('2001:db8:198:51::1');
    expect(v6).toContain('-d 2001:db8:198:51::1/128');
  });
});
