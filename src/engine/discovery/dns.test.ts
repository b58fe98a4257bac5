import { describe, expect, it } from 'vitest';
import type { ConfigMap, KubeObject } from '../k8s/objects';
import { createRng } from '../util/rng';
import { corednsSettings } from './coredns';
import { serveDns } from './dns';
import type { DnsMessage, DnsRecord } from './records';
import { kubeadmCorefile } from './system-objects';
import { clusterOf, pod, slice, svc } from './test-cluster';

/** A Corefile like kubeadm's but without `ttl`, so CoreDNS's default 5 s applies as in handler_test.go. */
const corefileTtl5: ConfigMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'coredns', namespace: 'kube-system' },
  data: { Corefile: kubeadmCorefile('cluster.local').replace('       ttl 30\n', '') },
};

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

// The objects of coredns plugin/kubernetes handler_test.go's APIConnServeTest (IPv4 part).
const upstreamFixture = (): KubeObject[] => [
  ns('testns'),
  svc('testns', 'svc1', { clusterIP: '10.0.0.1', ports: [{ name: 'http', protocol: 'TCP', port: 80 }] }),
  svc('testns', 'hdls1', { clusterIP: 'None', ports: [{ name: 'http', protocol: 'TCP', port: 80 }] }),
  slice(
    'testns',
    'hdls1',
    [
      { addresses: ['172.0.0.2'] },
      { addresses: ['172.0.0.3'], conditions: { ready: true } },
      { addresses: ['172.0.0.4'], hostname: 'dup-name' },
      { addresses: ['172.0.0.5'], hostname: 'dup-name' },
      { addresses: ['172.0.0.9'], conditions: { ready: false } },
    ],
    [{ name: 'http', port: 80, protocol: 'TCP' }],
  ),
  svc('testns', 'hdlsprtls', { clusterIP: 'None' }),
  slice('testns', 'hdlsprtls', [{ addresses: ['172.0.0.20'] }]),
  svc('testns', 'external', {
    type: 'ExternalName',
    externalName: 'ext.interwebs.test',
    ports: [{ name: 'http', port: 80 }],
  }),
  svc('testns', 'external-to-service', {
    type: 'ExternalName',
    externalName: 'svc1.testns.svc.cluster.local',
    ports: [{ name: 'http', port: 80 }],
  }),
  svc('testns', 'ext-public', { type: 'ExternalName', externalName: 'db.example.com' }),
  corefileTtl5,
];

const rr = (r: DnsRecord) => `${r.name}\t${r.ttl}\tIN\t${r.type}\t${r.data}`;
const show = (m: DnsMessage) => ({
  rcode: m.rcode,
  answer: m.answer.map(rr),
  extra: m.additional.map(rr),
  ns: m.authority.map(rr),
});
const SOA5 =
  'cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 5';

describe('serveDns: coredns handler_test.go cases', () => {
  const c = clusterOf(upstreamFixture());
  const q = (name: string, type: Parameters<typeof serveDns>[2] = 'A') => show(serveDns(c, name, type));

  it('reads the Corefile from the ConfigMap', () => {
    expect(corednsSettings(c)).toMatchObject({
      ttl: 5,
      pods: 'insecure',
      fallthrough: ['in-addr.arpa.', 'ip6.arpa.'],
    });
  });

  it('A for a ClusterIP Service', () => {
    expect(q('svc1.testns.svc.cluster.local.')).toEqual({
      rcode: 'NOERROR',
      answer: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'],
      extra: [],
      ns: [],
    });
  });

  it('SRV on the bare name and on _http._tcp', () => {
    const want = {
      rcode: 'NOERROR',
      extra: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'],
      ns: [],
    };
    expect(q('svc1.testns.svc.cluster.local.', 'SRV')).toEqual({
      ...want,
      answer: ['svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.'],
    });
    expect(q('_http._tcp.svc1.testns.svc.cluster.local.', 'SRV')).toEqual({
      ...want,
      answer: [
        '_http._tcp.svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.',
      ],
    });
  });

  it('headless: one A per ready endpoint (ready nil counts as ready)', () => {
    expect(q('hdls1.testns.svc.cluster.local.').answer).toEqual([
      'hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2',
      'hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.3',
      'hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4',
      'hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5',
    ]);
    expect(q('hdlsprtls.testns.svc.cluster.local.').answer).toEqual([
      'hdlsprtls.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.20',
    ]);
  });

  it('endpoint names: dashed IP or hostname', () => {
    expect(q('172-0-0-2.hdls1.testns.svc.cluster.local.').answer).toEqual([
      '172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2',
    ]);
    expect(q('172-0-0-20.hdlsprtls.testns.svc.cluster.local.').answer).toEqual([
      '172-0-0-20.hdlsprtls.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.20',
    ]);
    expect(q('dup-name.hdls1.testns.svc.cluster.local.').answer).toEqual([
      'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4',
      'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5',
    ]);
    expect(q('bogusendpoint.hdls1.testns.svc.cluster.local.')).toEqual({
      rcode: 'NXDOMAIN',
      answer: [],
      extra: [],
      ns: [SOA5],
    });
    expect(q('172-0-0-9.hdls1.testns.svc.cluster.local.').rcode).toBe('NXDOMAIN');
  });

  it('headless SRV: N×M records, weight floor(100/N), targets in the additional section', () => {
    const m = q('_http._tcp.hdls1.testns.svc.cluster.local.', 'SRV');
    expect(m.answer).toEqual([
      '_http._tcp.hdls1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 25 80 172-0-0-2.hdls1.testns.svc.cluster.local.',
      '_http._tcp.hdls1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 25 80 172-0-0-3.hdls1.testns.svc.cluster.local.',
      '_http._tcp.hdls1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 25 80 dup-name.hdls1.testns.svc.cluster.local.',
    ]);
    expect(m.extra).toEqual([
      '172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2',
      '172-0-0-3.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.3',
      'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4',
      'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5',
    ]);
  });

  it('ExternalName: CNAME, chased in-cluster, and through the upstream for public names', () => {
    expect(q('external.testns.svc.cluster.local.', 'CNAME').answer).toEqual([
      'external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.',
    ]);
    // .test is reserved (RFC 6761): the upstream has no address, so only the CNAME answers.
    expect(q('external.testns.svc.cluster.local.')).toMatchObject({
      rcode: 'NOERROR',
      answer: ['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.'],
    });
    expect(q('external-to-service.testns.svc.cluster.local').answer).toEqual([
      'external-to-service.testns.svc.cluster.local.\t5\tIN\tCNAME\tsvc1.testns.svc.cluster.local.',
      'svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1',
    ]);
    const pub = q('ext-public.testns.svc.cluster.local.').answer;
    expect(pub[0]).toBe('ext-public.testns.svc.cluster.local.\t5\tIN\tCNAME\tdb.example.com.');
    expect(pub[1]).toMatch(/^db\.example\.com\.\t30\tIN\tA\t192\.0\.2\.\d+$/);
    expect(q('endpoint.external.testns.svc.cluster.local.', 'CNAME').rcode).toBe('NXDOMAIN');
  });

  it('NODATA with the SOA versus NXDOMAIN', () => {
    expect(q('svc1.testns.svc.cluster.local.', 'AAAA')).toEqual({
      rcode: 'NOERROR',
      answer: [],
      extra: [],
      ns: [SOA5],
    });
    expect(q('svc0.testns.svc.cluster.local.', 'AAAA')).toEqual({
      rcode: 'NXDOMAIN',
      answer: [],
      extra: [],
      ns: [SOA5],
    });
    expect(q('svc0.svc-nons.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    expect(q('bogusendpoint.svc0.testns.svc.cluster.local.').rcode).toBe('NXDOMAIN');
    for (const n of ['svc.cluster.local.', 'pod.cluster.local.', 'testns.svc.cluster.local.']) {
      expect(q(n)).toEqual({ rcode: 'NOERROR', answer: [], extra: [], ns: [SOA5] });
    }
    expect(q('svc.cluster.local.', 'NS').rcode).toBe('NOERROR');
    expect(q('foo.cluster.local.', 'NS').rcode).toBe('NXDOMAIN');
    expect(q('foo.svc.cluster.local.', 'NS').rcode).toBe('NXDOMAIN');
    expect(q('svc1.testns.svc.cluster.local.', 'SOA')).toEqual({
      rcode: 'NOERROR',
      answer: [],
      extra: [],
      ns: [SOA5],
    });
  });

  it('dns-version TXT', () => {
    expect(q('dns-version.cluster.local.', 'TXT').answer).toEqual([
      'dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"',
    ]);
  });

  it('is case-insensitive', () => {
    expect(q('SVC1.TestNS.svc.Cluster.Local.').answer).toEqual([
      'svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1',
    ]);
  });

  it('PTR for ClusterIPs and endpoints; other addresses fall through to the upstream', () => {
    expect(q('1.0.0.10.in-addr.arpa.', 'PTR').answer).toEqual([
      '1.0.0.10.in-addr.arpa.\t5\tIN\tPTR\tsvc1.testns.svc.cluster.local.',
    ]);
    expect(q('4.0.0.172.in-addr.arpa.', 'PTR').answer).toEqual([
      '4.0.0.172.in-addr.arpa.\t5\tIN\tPTR\tdup-name.hdls1.testns.svc.cluster.local.',
    ]);
    const miss = serveDns(c, '9.9.9.10.in-addr.arpa.', 'PTR');
    expect(miss).toMatchObject({ rcode: 'NXDOMAIN', via: 'forward', authoritative: false });
  });
});

describe('serveDns: kubeadm cluster behaviour', () => {
  it('uses the Corefile ttl 30 and pods insecure', () => {
    const c = clusterOf([svc('default', 'web', { clusterIP: '10.96.0.42', ports: [{ port: 80 }] })]);
    expect(serveDns(c, 'web.default.svc.cluster.local', 'A').answer).toEqual([
      { name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' },
    ]);
    expect(serveDns(c, '10-244-1-5.default.pod.cluster.local', 'A').answer[0]!.data).toBe('10.244.1.5');
    expect(serveDns(c, '10-244-1-5.nope.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(serveDns(c, 'not-an-ip.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });

  it('headless: NXDOMAIN without ready endpoints, unless publishNotReadyAddresses', () => {
    const eps = [{ addresses: ['10.244.1.7'], conditions: { ready: false } }];
    const c1 = clusterOf([
      svc('db', 'mongo', { clusterIP: 'None', ports: [{ port: 27017 }] }),
      slice('db', 'mongo', eps),
    ]);
    expect(serveDns(c1, 'mongo.db.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    const c2 = clusterOf([
      svc('db', 'mongo', { clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ port: 27017 }] }),
      slice('db', 'mongo', eps),
    ]);
    expect(serveDns(c2, 'mongo.db.svc.cluster.local', 'A').answer.map((r) => r.data)).toEqual(['10.244.1.7']);
  });

  it('hostname/subdomain pod records come from the endpoint hostname', () => {
    const p = pod('default', 'busybox-1', '10.244.2.9', {
      hostname: 'busybox-1',
      subdomain: 'busybox-subdomain',
    });
    const c = clusterOf([
      svc('default', 'busybox-subdomain', { clusterIP: 'None', ports: [{ name: 'foo', port: 1234 }] }),
      p,
      slice('default', 'busybox-subdomain', [
        { addresses: ['10.244.2.9'], targetRef: { kind: 'Pod', name: 'busybox-1' } },
      ]),
    ]);
    expect(serveDns(c, 'busybox-1.busybox-subdomain.default.svc.cluster.local', 'A').answer[0]!.data).toBe(
      '10.244.2.9',
    );
  });

  it('loadbalance shuffles A records deterministically with the seed', () => {
    const eps = ['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5'].map((ip) => ({ addresses: [ip] }));
    const c = clusterOf([
      svc('db', 'mongo', { clusterIP: 'None', ports: [{ port: 27017 }] }),
      slice('db', 'mongo', eps),
    ]);
    const a = serveDns(c, 'mongo.db.svc.cluster.local', 'A', { rng: createRng(7) }).answer.map((r) => r.data);
    const b = serveDns(c, 'mongo.db.svc.cluster.local', 'A', { rng: createRng(7) }).answer.map((r) => r.data);
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5']);
    const rng = createRng(7);
    const orders = new Set(
      Array.from({ length: 10 }, () =>
        serveDns(c, 'mongo.db.svc.cluster.local', 'A', { rng })
          .answer.map((r) => r.data)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('forwards names outside the zone to the upstream with cache-capped TTLs', () => {
    const c = clusterOf([]);
    const m = serveDns(c, 'www.google.com', 'A');
    expect(m).toMatchObject({ rcode: 'NOERROR', via: 'forward', authoritative: false });
    expect(m.answer[0]!.ttl).toBe(30);
    expect(serveDns(c, 'db.', 'A').rcode).toBe('NXDOMAIN');
    expect(serveDns(c, 'intranet.example', 'A').rcode).toBe('NXDOMAIN');
  });
});
