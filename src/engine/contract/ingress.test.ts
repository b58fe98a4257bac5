/**
 * Section 6 of the reference: every row of the website's path examples table and hostname wildcard table,
 * sent as `curl --from external -H 'Host: …' http://<controller address>/<path> -o json`; the Service the
 * controller chose is `backend.service`. Plus 404 without a default backend and 503 without ready endpoints.
 */
import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Row {
  paths: [string, 'Prefix' | 'Exact'][];
  requests: string[];
  /** The path (index into paths) that must win, or 'default' / 404 when none matches. */
  expect: number | 'default' | 404;
}

// The website's table (ingress.md "Examples"), one row per entry, in its order.
const ROWS: Row[] = [
  { paths: [['/', 'Prefix']], requests: ['/', '/foo', '/aaa/bbb/ccc'], expect: 0 },
  { paths: [['/foo', 'Exact']], requests: ['/foo'], expect: 0 },
  { paths: [['/foo', 'Exact']], requests: ['/bar'], expect: 404 },
  { paths: [['/foo', 'Exact']], requests: ['/foo/'], expect: 404 },
  { paths: [['/foo/', 'Exact']], requests: ['/foo'], expect: 404 },
  { paths: [['/foo', 'Prefix']], requests: ['/foo', '/foo/'], expect: 0 },
  { paths: [['/foo/', 'Prefix']], requests: ['/foo', '/foo/'], expect: 0 },
  { paths: [['/aaa/bb', 'Prefix']], requests: ['/aaa/bbb'], expect: 404 },
  { paths: [['/aaa/bbb', 'Prefix']], requests: ['/aaa/bbb'], expect: 0 },
  { paths: [['/aaa/bbb/', 'Prefix']], requests: ['/aaa/bbb'], expect: 0 },
  { paths: [['/aaa/bbb', 'Prefix']], requests: ['/aaa/bbb/'], expect: 0 },
  { paths: [['/aaa/bbb', 'Prefix']], requests: ['/aaa/bbb/ccc'], expect: 0 },
  { paths: [['/aaa/bbb', 'Prefix']], requests: ['/aaa/bbbxyz'], expect: 404 },
  {
    paths: [
      ['/', 'Prefix'],
      ['/aaa', 'Prefix'],
    ],
    requests: ['/aaa/ccc'],
    expect: 1,
  },
  {
    paths: [
      ['/', 'Prefix'],
      ['/aaa', 'Prefix'],
      ['/aaa/bbb', 'Prefix'],
    ],
    requests: ['/aaa/bbb'],
    expect: 2,
  },
  {
    paths: [
      ['/', 'Prefix'],
      ['/aaa', 'Prefix'],
      ['/aaa/bbb', 'Prefix'],
    ],
    requests: ['/ccc'],
    expect: 0,
  },
  { paths: [['/aaa', 'Prefix']], requests: ['/ccc'], expect: 'default' },
  {
    paths: [
      ['/foo', 'Prefix'],
      ['/foo', 'Exact'],
    ],
    requests: ['/foo'],
    expect: 1,
  },
];

const svcName = (row: number, path: number) => `r${row}-p${path}`;

function service(name: string, app = 'app'): string {
  return `apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  selector: { app: ${app} }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
`;
}

function ingressFor(row: Row, i: number): string {
  const paths = row.paths
    .map(
      ([p, type], j) => `          - path: ${p}
            pathType: ${type}
            backend: { service: { name: ${svcName(i, j)}, port: { number: 80 } } }`,
    )
    .join('\n');
  const def =
    row.expect === 'default'
      ? `  defaultBackend: { service: { name: r${i}-default, port: { name: http } } }\n`
      : '';
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: row-${i} }
spec:
${def}  rules:
    - host: row${i}.example.com
      http:
        paths:
${paths}
`;
}

const docs: string[] = [deployment('app', 2)];
ROWS.forEach((row, i) => {
  row.paths.forEach((_, j) => docs.push(service(svcName(i, j))));
  if (row.expect === 'default') docs.push(service(`r${i}-default`));
  docs.push(ingressFor(row, i));
});
docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: wildcard }
spec:
  rules:
    - host: "*.foo.com"
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: wild, port: { number: 80 } } } }
`);
docs.push(service('wild'));
docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: unready }
spec:
  rules:
    - host: down.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: nobody, port: { number: 80 } } } }
`);
docs.push(service('nobody', 'nobody'));

const s = scene(docs.join('---\n'));
const address: string = s.json('get ingress row-0 -o json').items[0].status.loadBalancer.ingress[0].ip;

function send(host: string, path: string): Obj {
  return s.json(`curl --from external -H 'Host: ${host}' http://${address}${path} -o json`);
}

describe('Ingress path examples (website table), one Ingress per row', () => {
  it('every Ingress of the default class gets the controller address', () => {
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const all: Obj[] = s.json('get ingress -o json').items;
    for (const ing of all) expect(ing.status.loadBalancer.ingress).toEqual([{ ip: address }]);
  });

  ROWS.forEach((row, i) => {
    const paths = row.paths.map(([p, t]) => `${p} (${t})`).join(', ');
    for (const req of row.requests) {
      it(`row ${i + 1}: ${paths} ← ${req}: ${row.expect === 404 ? 'no match, 404' : row.expect === 'default' ? 'default backend' : `matches ${row.paths[row.expect]![0]}`}`, () => {
        const t = send(`row${i}.example.com`, req);
        expect(t.outcome).toBe('delivered');
        if (row.expect === 404) {
          expect(t.response.status).toBe(404);
          expect(t.backend).toBeNull();
        } else {
          expect(t.response.status).toBe(200);
          const want = row.expect === 'default' ? `r${i}-default` : svcName(i, row.expect);
          expect(t.backend.service).toBe(`default/${want}`);
          expect(t.backend.pod).toMatch(/^default\/app-/);
        }
      });
    }
  });
});

describe('hostname wildcard table', () => {
  it('*.foo.com matches bar.foo.com', () => {
    const t = send('bar.foo.com', '/');
    expect(t.response.status).toBe(200);
    expect(t.backend.service).toBe('default/wild');
  });

  it('*.foo.com does not match baz.bar.foo.com nor foo.com (one DNS label only): 404', () => {
    for (const host of ['baz.bar.foo.com', 'foo.com']) {
      const t = send(host, '/');
      expect(t.response.status).toBe(404);
      expect(t.backend).toBeNull();
    }
  });
});

describe('controller answers', () => {
  it('the 404 comes from the controller itself (ingress-nginx default backend), no pod involved', () => {
    const t = send('unknown.example.com', '/');
    expect(t.response.status).toBe(404);
    expect(t.response.body).toContain('404 Not Found');
    expect(t.hops.some((h: Obj) => h.stage === 'ingress-controller')).toBe(true);
    expect(t.hops.some((h: Obj) => h.stage === 'pod' && h.location.startsWith('pod/default/'))).toBe(false);
  });

  it('503 when the chosen Service has no ready endpoint', () => {
    const t = send('down.example.com', '/');
    expect(t.outcome).toBe('delivered');
    expect(t.response.status).toBe(503);
    expect(t.response.body).toContain('503 Service Temporarily Unavailable');
    expect(t.backend).toBeNull();
  });

  it('the controller connects to a pod IP directly: the Service ClusterIP never appears as a destination', () => {
    const t = send('row0.example.com', '/');
    const clusterIP: string = s.json('get svc r0-p0 -o json').items[0].spec.clusterIP;
    const after = t.hops.slice(t.hops.findIndex((h: Obj) => h.stage === 'ingress-controller'));
    expect(after.some((h: Obj) => h.packet.dst.startsWith(`${clusterIP}:`))).toBe(false);
    expect(after.some((h: Obj) => h.packet.dst === `${t.backend.ip}:8080`)).toBe(true);
  });
});
