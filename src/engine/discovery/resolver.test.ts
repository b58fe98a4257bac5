import { msg } from '../messages';
import { describe, expect, it } from 'vitest';
import type { Ingress, KubeObject, Pod } from '../k8s/objects';
import { formatResolvConf, podResolvConf } from './resolv-conf';
import type { ClusterState } from '../cluster/state';
import { isOutsideResolver, serverAnswer } from './dns-server';
import type { DnsTransport } from './dns-transport';
import { lookup, searchCandidates } from './resolver';
import type { LookupFrom, LookupOptions } from './types';
import type { RRType } from './records';
import { hostsFile } from './hosts-file';
import { externalHosts } from './external-hosts';
import { clusterOf, pod, slice, svc } from './test-cluster';
import { en } from '../testing/render';

const kubeDns = svc('kube-system', 'kube-dns', {
  clusterIP: '10.96.0.10',
  selector: { 'k8s-app': 'kube-dns' },
  ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
});
const web = pod('shop', 'web', '10.244.1.5');

/**
 * A network that delivers every query to kube-dns's CoreDNS (these tests are about the resolver's search
 * list and explanations; whether queries get through kube-proxy is simulate/dns.test.ts's).
 */
const delivered =
  (c: ClusterState): DnsTransport =>
  (q) => {
    if (isOutsideResolver(c, q.server))
      return { kind: 'answer', ...serverAnswer(c, { kind: 'upstream' }, q.name, q.type) };
    if (q.server !== '10.96.0.10') return { kind: 'timeout', why: msg('dns.nobodyThere', { ip: q.server }) };
    return { kind: 'answer', ...serverAnswer(c, { kind: 'coredns', pod: web }, q.name, q.type) };
  };
const look = (
  c: ClusterState,
  from: LookupFrom,
  name: string,
  type: RRType = 'A',
  opts: Omit<LookupOptions, 'transport'> = {},
) => lookup(c, from, name, type, { ...opts, transport: delivered(c) });
const scene = (...extra: KubeObject[]) =>
  clusterOf([
    kubeDns,
    svc('shop', 'db', { clusterIP: '10.96.0.42', ports: [{ port: 5432 }] }),
    svc('other', 'cache', { clusterIP: '10.96.0.50', ports: [{ port: 6379 }] }),
    svc('mongo', 'mongo-service', { clusterIP: 'None', ports: [{ port: 27017 }] }),
    slice('mongo', 'mongo-service', [
      { addresses: ['10.233.75.47'], targetRef: { kind: 'Pod', name: 'mongo-0' } },
      { addresses: ['10.233.71.16'], targetRef: { kind: 'Pod', name: 'mongo-1' } },
      { addresses: ['10.233.102.150'], targetRef: { kind: 'Pod', name: 'mongo-2' } },
    ]),
    web,
    ...extra,
  ]);

describe('resolv.conf', () => {
  it('ClusterFirst: cluster DNS, namespace search path, ndots:5', () => {
    const c = scene();
    expect(formatResolvConf(podResolvConf(c, web))).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('hostNetwork + ClusterFirst falls back to Default; ClusterFirstWithHostNet keeps cluster DNS', () => {
    const c = scene();
    const hn = pod('shop', 'hn', '192.168.49.2', { hostNetwork: true });
    expect(formatResolvConf(podResolvConf(c, hn))).toBe('nameserver 192.0.2.53\n');
    expect(podResolvConf(c, hn).notes[0]).toContain('ClusterFirstWithHostNet');
    const hn2 = pod('shop', 'hn2', '192.168.49.2', {
      hostNetwork: true,
      dnsPolicy: 'ClusterFirstWithHostNet',
    });
    expect(podResolvConf(c, hn2).nameservers).toEqual(['10.96.0.10']);
    expect(formatResolvConf(podResolvConf(c, pod('shop', 'd', '10.244.1.9', { dnsPolicy: 'Default' })))).toBe(
      'nameserver 192.0.2.53\n',
    );
  });

  it('None + dnsConfig as in the website example', () => {
    const p = pod('ns1', 'dns-example', '10.244.1.9', {
      dnsPolicy: 'None',
      dnsConfig: {
        nameservers: ['192.0.2.1'],
        searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'],
        options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
      },
    });
    expect(formatResolvConf(podResolvConf(scene(), p))).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n',
    );
  });

  it('dnsConfig merges into ClusterFirst: options override by name, duplicates dropped, limits applied', () => {
    const many = Array.from({ length: 40 }, (_, i) => `s${i}.example.com`);
    const p = pod('shop', 'x', '10.244.1.9', {
      dnsConfig: { searches: ['svc.cluster.local', ...many], options: [{ name: 'ndots', value: '1' }] },
    });
    const conf = podResolvConf(scene(), p);
    expect(conf.options).toEqual(['ndots:1']);
    expect(conf.searches).toHaveLength(32);
    expect(conf.searches.slice(0, 4)).toEqual([
      'shop.svc.cluster.local',
      'svc.cluster.local',
      'cluster.local',
      's0.example.com',
    ]);
    expect(conf.notes[0]).toMatch(/^Search Line limits were exceeded/);
  });
});

describe('search-list expansion', () => {
  it('tries suffixes first below ndots, the name first at or above it', () => {
    const s = ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
    expect(searchCandidates('db', s, 5)).toEqual([
      'db.shop.svc.cluster.local.',
      'db.svc.cluster.local.',
      'db.cluster.local.',
      'db.',
    ]);
    expect(searchCandidates('a.b.c.d.e.f', s, 5)[0]).toBe('a.b.c.d.e.f.');
    expect(searchCandidates('db.shop.svc.cluster.local.', s, 5)).toEqual(['db.shop.svc.cluster.local.']);
  });

  it('nslookup db from namespace shop answers on the first suffix', () => {
    const r = look(scene(), { pod: web }, 'db');
    expect(r.queries).toEqual(['db.shop.svc.cluster.local.']);
    expect(r.answer).toEqual([
      { name: 'db.shop.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' },
    ]);
    expect(r.server).toBe('10.96.0.10');
    expect(en(r.explanation)).toContain('search suffix shop.svc.cluster.local');
    expect(en(r.explanation)).toContain('ClusterIP 10.96.0.42');
  });

  it('cache.other resolves on the second suffix', () => {
    const r = look(scene(), { pod: web }, 'cache.other');
    expect(r.queries).toEqual(['cache.other.shop.svc.cluster.local.', 'cache.other.svc.cluster.local.']);
    expect(r.answer[0]!.data).toBe('10.96.0.50');
  });

  it('an outside name walks the whole search list first (ndots:5)', () => {
    const r = look(scene(), { pod: web }, 'www.example.com');
    expect(r.queries).toEqual([
      'www.example.com.shop.svc.cluster.local.',
      'www.example.com.svc.cluster.local.',
      'www.example.com.cluster.local.',
      'www.example.com.',
    ]);
    expect(r.answer[0]!.data).toMatch(/^192\.0\.2\.\d+$/);
  });

  it('explains a wrong namespace, a typo and a headless Service without ready endpoints', () => {
    const r1 = look(scene(), { pod: web }, 'cache');
    expect(r1.rcode).toBe('NXDOMAIN');
    expect(r1.queries).toHaveLength(4);
    expect(en(r1.explanation)).toContain('use cache.other');
    const r2 = look(scene(), { pod: web }, 'dbb');
    expect(en(r2.explanation)).toContain('Did you mean db');
    const c = scene(
      svc('shop', 'ghost', { clusterIP: 'None', ports: [{ port: 1 }] }),
      slice('shop', 'ghost', []),
    );
    expect(en(look(c, { pod: web }, 'ghost').explanation)).toContain('headless and has no ready endpoints');
  });

  it('headless: three addresses, explained', () => {
    const r = look(scene(), { pod: web }, 'mongo-service.mongo', 'A', { tool: 'nslookup' });
    expect(r.answer.map((a) => a.data)).toEqual(['10.233.75.47', '10.233.71.16', '10.233.102.150']);
    expect(en(r.explanation)).toContain('headless Service');
    expect(en(r.explanation)).toContain('3 pod addresses (mongo-0, mongo-1, mongo-2)');
  });

  it('dig does not search unless +search', () => {
    const r = look(scene(), { pod: web }, 'db', 'A', { tool: 'dig' });
    expect(r.queries).toEqual(['db.']);
    expect(r.rcode).toBe('NXDOMAIN');
    expect(en(r.explanation)).toContain('+search');
    expect(look(scene(), { pod: web }, 'db', 'A', { tool: 'dig', search: true }).rcode).toBe('NOERROR');
  });

  it('glibc keeps searching after NODATA; nslookup stops there', () => {
    // "default.svc.cluster.local." names the namespace default: NOERROR without data.
    const c = scene(svc('default', 'x', { clusterIP: '10.96.0.77', ports: [{ port: 1 }] }));
    expect(look(c, { pod: web }, 'default').queries).toHaveLength(4);
    expect(look(c, { pod: web }, 'default').rcode).toBe('NOERROR');
    expect(look(c, { pod: web }, 'default', 'A', { tool: 'nslookup' }).queries).toEqual([
      'default.shop.svc.cluster.local.',
      'default.svc.cluster.local.',
    ]);
  });

  it('nodes and external clients use the upstream: no cluster names', () => {
    const r = look(scene(), { node: 'node-1' }, 'db.shop.svc.cluster.local');
    expect(r).toMatchObject({ rcode: 'NXDOMAIN', server: '192.0.2.53', source: 'upstream' });
    expect(en(look(scene(), { external: true }, 'db.shop.svc.cluster.local').explanation)).toContain(
      'only resolve inside',
    );
  });

  it('external clients resolve Ingress hosts to the controller LB address', () => {
    const controller = svc('ingress-nginx', 'ingress-nginx-controller', {
      type: 'LoadBalancer',
      clusterIP: '10.96.0.200',
      ports: [{ port: 80 }],
    });
    controller.status = { loadBalancer: { ingress: [{ ip: '198.51.100.1' }] } };
    const ing: Ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'shop' },
      spec: { rules: [{ host: 'Shop.Example.com' }, { host: '*.wild.example.com' }] },
    };
    const c = scene(controller, ing);
    expect([...externalHosts(c)]).toEqual([['shop.example.com', ['198.51.100.1']]]);
    expect(look(c, { external: true }, 'shop.example.com').answer[0]!.data).toBe('198.51.100.1');
  });

  it('/etc/hosts answers the pod hostname first for getaddrinfo', () => {
    const p: Pod = pod('shop', 'web-2', '10.244.1.8', { hostname: 'web', subdomain: 'db' });
    const c = scene(p);
    expect(hostsFile(c, p)).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
        '10.244.1.8\tweb.db.shop.svc.cluster.local\tweb\n',
    );
    const r = look(c, { pod: p }, 'web');
    expect(r).toMatchObject({ source: 'hosts', queries: [] });
    expect(r.answer[0]!.data).toBe('10.244.1.8');
  });
});
