/**
 * Section 2 of the reference through `exec POD -- nslookup|dig … -o json`: the Kubernetes DNS
 * specification (A, SRV, PTR, headless, ExternalName), CoreDNS's answers beyond it (NODATA with SOA,
 * SRV on the bare name, pod records with `pods insecure`), and the search list a pod's resolver walks.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const YAML = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Service
metadata: { name: db, namespace: shop }
spec:
  selector: { app: db }
  ports: [{ name: pg, port: 5432 }]
---
apiVersion: v1
kind: Pod
metadata: { name: db-0, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: c, image: postgres, ports: [{ containerPort: 5432 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: shopper, namespace: shop }
spec: { containers: [{ name: c, image: busybox }] }
---
apiVersion: v1
kind: Service
metadata: { name: mongo }
spec:
  clusterIP: None
  selector: { app: mongo }
  ports: [{ name: mongo, port: 27017 }, { name: metrics, port: 9216 }]
---
apiVersion: v1
kind: Pod
metadata: { name: mongo-0, labels: { app: mongo } }
spec: { hostname: mongo-0, subdomain: mongo, containers: [{ name: c, image: mongo, ports: [{ containerPort: 27017 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: mongo-1, labels: { app: mongo } }
spec: { containers: [{ name: c, image: mongo, ports: [{ containerPort: 27017 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: mongo-2, labels: { app: mongo } }
spec: { containers: [{ name: c, image: mongo }] }
status: { phase: Running, podIP: 10.244.2.99, conditions: [{ type: Ready, status: "False" }] }
---
apiVersion: v1
kind: Service
metadata: { name: empty }
spec:
  clusterIP: None
  selector: { app: nobody }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  clusterIP: 10.96.0.42
  selector: { app: web }
  ports: [{ name: http, port: 80 }, { name: admin, port: 81 }]
---
apiVersion: v1
kind: Service
metadata: { name: solo }
spec:
  clusterIP: 10.96.0.43
  selector: { app: web }
  ports: [{ port: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: ext }
spec: { type: ExternalName, externalName: www.example.com }
---
apiVersion: v1
kind: Service
metadata: { name: alias }
spec: { type: ExternalName, externalName: web.default.svc.cluster.local }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
`;

const s = scene(YAML);
const dns = (pod: string, q: string, ns = 'default'): Obj => {
  const r = s.run(`exec ${pod} -n ${ns} -- ${q} -o json`);
  return { ...JSON.parse(r.stdout), exitCode: r.exitCode };
};
const ipOf = (name: string): string =>
  s.json('get pods -A -o json').items.find((p: Obj) => p.metadata.name === name).status.podIP;

describe('the search list (resolv.conf: search <ns>.svc.cluster.local svc.cluster.local cluster.local, ndots:5)', () => {
  it('resolv.conf is what kubelet writes for ClusterFirst', () => {
    const r = s.run('exec shopper -n shop -- cat /etc/resolv.conf');
    expect(r.stdout).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('nslookup db from namespace shop answers on the first suffix', () => {
    const r = dns('shopper', 'nslookup db', 'shop');
    expect(r.rcode).toBe('NOERROR');
    expect(r.queries).toEqual(['db.shop.svc.cluster.local.']);
    expect(r.answer).toEqual([
      { name: 'db.shop.svc.cluster.local.', ttl: 30, type: 'A', data: expect.stringMatching(/^10\./) },
    ]);
  });

  it('a name without a namespace is limited to the pod’s own namespace: every suffix, then the bare name', () => {
    const r = dns('client', 'nslookup db');
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.exitCode).toBe(1);
    expect(r.queries).toEqual([
      'db.default.svc.cluster.local.',
      'db.svc.cluster.local.',
      'db.cluster.local.',
      'db.',
    ]);
    expect(r.answer).toEqual([]);
  });

  it('db.shop from another namespace resolves on the second suffix', () => {
    const r = dns('client', 'nslookup db.shop');
    expect(r.queries).toEqual(['db.shop.default.svc.cluster.local.', 'db.shop.svc.cluster.local.']);
    expect(r.answer[0].name).toBe('db.shop.svc.cluster.local.');
  });

  it('a name ending in a dot is never expanded; dig does not search without +search', () => {
    expect(dns('client', 'nslookup db.shop.svc.cluster.local.').queries).toEqual([
      'db.shop.svc.cluster.local.',
    ]);
    expect(dns('client', 'dig web').queries).toEqual(['web.']);
    expect(dns('client', 'dig web').rcode).toBe('NXDOMAIN');
  });

  it('comparisons are case-insensitive', () => {
    expect(dns('client', 'dig WEB.Default.svc.cluster.local').answer[0].data).toBe('10.96.0.42');
  });
});

describe('records (DNS specification 1.1.0 and CoreDNS)', () => {
  it('ClusterIP Service: one A record with the ClusterIP; AAAA is NOERROR with no data and the SOA', () => {
    expect(dns('client', 'dig web.default.svc.cluster.local').answer).toEqual([
      { name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' },
    ]);
    const aaaa = dns('client', 'dig web.default.svc.cluster.local AAAA');
    expect(aaaa.rcode).toBe('NOERROR');
    expect(aaaa.answer).toEqual([]);
    expect(aaaa.authority[0]).toMatchObject({ name: 'cluster.local.', type: 'SOA' });
    expect(aaaa.authority[0].data).toMatch(
      /^ns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30$/,
    );
  });

  it('headless Service: one A per ready endpoint (not-ready left out), named by hostname or dashed IP', () => {
    const r = dns('client', 'dig mongo.default.svc.cluster.local');
    expect(r.answer.map((a: Obj) => a.data).sort()).toEqual([ipOf('mongo-0'), ipOf('mongo-1')].sort());
    expect(r.answer.map((a: Obj) => a.data)).not.toContain('10.244.2.99');
    expect(dns('client', 'dig mongo-0.mongo.default.svc.cluster.local').answer[0].data).toBe(ipOf('mongo-0'));
    const dashed = `${ipOf('mongo-1').replaceAll('.', '-')}.mongo.default.svc.cluster.local`;
    expect(dns('client', `dig ${dashed}`).answer[0].data).toBe(ipOf('mongo-1'));
  });

  it('headless Service without ready endpoints: NXDOMAIN', () => {
    const r = dns('client', 'dig empty.default.svc.cluster.local');
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.answer).toEqual([]);
  });

  it('SRV for each named port of a ClusterIP Service: priority 0, weight 100, target the Service', () => {
    expect(dns('client', 'dig _http._tcp.web.default.svc.cluster.local SRV').answer).toEqual([
      {
        name: '_http._tcp.web.default.svc.cluster.local.',
        ttl: 30,
        type: 'SRV',
        data: '0 100 80 web.default.svc.cluster.local.',
      },
    ]);
    expect(dns('client', 'dig _admin._tcp.web.default.svc.cluster.local SRV').answer[0].data).toBe(
      '0 100 81 web.default.svc.cluster.local.',
    );
    // "Unnamed ports do not have an SRV record."
    expect(dns('client', 'dig _udp._tcp.solo.default.svc.cluster.local SRV').answer).toEqual([]);
  });

  it('headless SRV: N ready endpoints × M named ports; the endpoint names are the targets', () => {
    const one = dns('client', 'dig _mongo._tcp.mongo.default.svc.cluster.local SRV').answer.map(
      (a: Obj) => a.data,
    );
    const dashed = `${ipOf('mongo-1').replaceAll('.', '-')}.mongo.default.svc.cluster.local.`;
    expect(one.sort()).toEqual(
      [`0 50 27017 mongo-0.mongo.default.svc.cluster.local.`, `0 50 27017 ${dashed}`].sort(),
    );
    const all = dns('client', 'dig mongo.default.svc.cluster.local SRV').answer;
    expect(all).toHaveLength(4);
  });

  it('PTR for a ClusterIP and for a headless endpoint', () => {
    expect(dns('client', 'dig -x 10.96.0.42').answer).toEqual([
      { name: '42.0.96.10.in-addr.arpa.', ttl: 30, type: 'PTR', data: 'web.default.svc.cluster.local.' },
    ]);
    const ip = ipOf('mongo-0');
    expect(dns('client', `dig -x ${ip}`).answer[0].data).toBe('mongo-0.mongo.default.svc.cluster.local.');
  });

  it('ExternalName: a CNAME, chased to an in-cluster target or through the upstream', () => {
    const ext = dns('client', 'dig ext.default.svc.cluster.local');
    expect(ext.answer[0]).toEqual({
      name: 'ext.default.svc.cluster.local.',
      ttl: 30,
      type: 'CNAME',
      data: 'www.example.com.',
    });
    expect(ext.answer[1]).toMatchObject({ name: 'www.example.com.', type: 'A' });
    const alias = dns('client', 'dig alias.default.svc.cluster.local');
    expect(alias.answer).toEqual([
      {
        name: 'alias.default.svc.cluster.local.',
        ttl: 30,
        type: 'CNAME',
        data: 'web.default.svc.cluster.local.',
      },
      { name: 'web.default.svc.cluster.local.', ttl: 30, type: 'A', data: '10.96.0.42' },
    ]);
  });

  it('pod records with `pods insecure` and the dns-version TXT', () => {
    expect(dns('client', 'dig 10-1-2-3.default.pod.cluster.local').answer[0].data).toBe('10.1.2.3');
    expect(dns('client', 'dig dns-version.cluster.local TXT').answer[0].data).toBe('"1.1.0"');
  });
});

describe('nslookup prints the layout of the real tool', () => {
  it('a ClusterIP Service', () => {
    expect(s.run('exec shopper -n shop -- nslookup db').stdout).toMatch(
      /^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10#53\n\nName:\tdb\.shop\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/,
    );
  });

  it('NXDOMAIN', () => {
    const r = s.run('exec client -- nslookup nope');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("** server can't find nope: NXDOMAIN");
  });
});
