import { describe, expect, it } from 'vitest';
import type { HTTPIngressPath } from '../k8s/objects';
import { buildRoutingTable } from './routing-table';
import { hostMatches, matchRequest } from './match';
import { clusterWithController, ingress } from '../testing/ingress-objects';
import { en } from '../testing/render';

type P = [string, HTTPIngressPath['pathType']];

/** One Ingress with the given paths, path i going to Service "svc-i"; returns the chosen Service or "default". */
function route(paths: P[], requestPath: string): string {
  const c = clusterWithController();
  ingress(c, 'table', {
    rules: [
      {
        http: {
          paths: paths.map(([path, pathType], i) => ({
            path,
            pathType,
            backend: { service: { name: `svc-${i}`, port: { number: 80 } } },
          })),
        },
      },
    ],
  });
  const m = matchRequest(buildRoutingTable(c), 'example.com', requestPath);
  return m.location.backend?.name ?? 'default';
}

// kubernetes/website ingress.md "Examples" table (reference §6.2), row by row.
describe('path matching: the Ingress examples table', () => {
  it.each([
    ['/', '/x/y/z'],
    ['/', '/'],
    ['/', '/anything'],
  ])('Prefix / matches all paths (%s, %s)', (p, req) => {
    expect(route([[p, 'Prefix']], req)).toBe('svc-0');
  });
  const rows: [string, P[], string, string][] = [
    ['Exact /foo, /foo: Yes', [['/foo', 'Exact']], '/foo', 'svc-0'],
    ['Exact /foo, /bar: No', [['/foo', 'Exact']], '/bar', 'default'],
    ['Exact /foo, /foo/: No', [['/foo', 'Exact']], '/foo/', 'default'],
    ['Exact /foo/, /foo: No', [['/foo/', 'Exact']], '/foo', 'default'],
    ['Prefix /foo, /foo: Yes', [['/foo', 'Prefix']], '/foo', 'svc-0'],
    ['Prefix /foo, /foo/: Yes', [['/foo', 'Prefix']], '/foo/', 'svc-0'],
    ['Prefix /foo/, /foo: Yes', [['/foo/', 'Prefix']], '/foo', 'svc-0'],
    ['Prefix /foo/, /foo/: Yes', [['/foo/', 'Prefix']], '/foo/', 'svc-0'],
    ['Prefix /aaa/bb, /aaa/bbb: No', [['/aaa/bb', 'Prefix']], '/aaa/bbb', 'default'],
    ['Prefix /aaa/bbb, /aaa/bbb: Yes', [['/aaa/bbb', 'Prefix']], '/aaa/bbb', 'svc-0'],
    [
      'Prefix /aaa/bbb/, /aaa/bbb: Yes, ignores trailing slash',
      [['/aaa/bbb/', 'Prefix']],
      '/aaa/bbb',
      'svc-0',
    ],
    [
      'Prefix /aaa/bbb, /aaa/bbb/: Yes, matches trailing slash',
      [['/aaa/bbb', 'Prefix']],
      '/aaa/bbb/',
      'svc-0',
    ],
    [
      'Prefix /aaa/bbb, /aaa/bbb/ccc: Yes, matches subpath',
      [['/aaa/bbb', 'Prefix']],
      '/aaa/bbb/ccc',
      'svc-0',
    ],
    [
      'Prefix /aaa/bbb, /aaa/bbbxyz: No, does not match string prefix',
      [['/aaa/bbb', 'Prefix']],
      '/aaa/bbbxyz',
      'default',
    ],
    [
      'Prefix /, /aaa → /aaa/ccc: matches /aaa prefix',
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
      ],
      '/aaa/ccc',
      'svc-1',
    ],
    [
      'Prefix /, /aaa, /aaa/bbb → /aaa/bbb: matches /aaa/bbb prefix',
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
        ['/aaa/bbb', 'Prefix'],
      ],
      '/aaa/bbb',
      'svc-2',
    ],
    [
      'Prefix /, /aaa, /aaa/bbb → /ccc: matches / prefix',
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
        ['/aaa/bbb', 'Prefix'],
      ],
      '/ccc',
      'svc-0',
    ],
    ['Prefix /aaa → /ccc: No, uses default backend', [['/aaa', 'Prefix']], '/ccc', 'default'],
    [
      'Mixed /foo (Prefix), /foo (Exact) → /foo: prefers Exact',
      [
        ['/foo', 'Prefix'],
        ['/foo', 'Exact'],
      ],
      '/foo',
      'svc-1',
    ],
  ];
  it.each(rows)('%s', (_name, paths, req, want) => {
    expect(route(paths, req)).toBe(want);
  });

  it('is case sensitive', () => {
    expect(route([['/foo', 'Prefix']], '/FOO')).toBe('default');
    expect(route([['/foo', 'Exact']], '/Foo')).toBe('default');
  });

  it('treats ImplementationSpecific as Prefix and says so', () => {
    const c = clusterWithController();
    ingress(c, 'is', {
      rules: [
        {
          http: {
            paths: [
              {
                path: '/api',
                pathType: 'ImplementationSpecific',
                backend: { service: { name: 'api', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    });
    const t = buildRoutingTable(c);
    expect(matchRequest(t, 'x', '/api/v1').location.backend?.name).toBe('api');
    expect(matchRequest(t, 'x', '/apiv1').location.backend).toBeNull();
    expect(en(matchRequest(t, 'x', '/api/v1').note)).toBe(
      'no rule host matches "x", so the catch-all server handles it; path /api (ImplementationSpecific) matches /api/v1; ImplementationSpecific is matched as Prefix here (the spec leaves it to the IngressClass).',
    );
  });

  it('ignores the query string', () => {
    expect(route([['/foo', 'Exact']], '/foo?x=1')).toBe('svc-0');
  });
});

// kubernetes/website ingress.md "Hostname wildcards" table (reference §6.2).
describe('host matching: the wildcard table', () => {
  it.each([
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
  ])('%s vs Host %s → %s', (rule, host, want) => {
    expect(hostMatches(rule, host)).toBe(want);
  });

  it('routes through the routing table the same way', () => {
    const c = clusterWithController();
    const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
    ingress(c, 'w', {
      rules: [
        { host: '*.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] } },
        {
          host: 'exact.foo.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('exact') }] },
        },
      ],
    });
    const t = buildRoutingTable(c);
    const pick = (h: string) => matchRequest(t, h, '/').location.backend?.name ?? 'default';
    expect(pick('bar.foo.com')).toBe('wild');
    expect(pick('baz.bar.foo.com')).toBe('default');
    expect(pick('foo.com')).toBe('default');
    expect(pick('exact.foo.com')).toBe('exact');
    expect(pick('BAR.Foo.com:8080')).toBe('wild');
  });

  it('a rule without host matches any host; named hosts win over it', () => {
    const c = clusterWithController();
    const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
    // The website's name-based virtual hosting example: first.bar.com, second.bar.com, then any host.
    ingress(c, 'vhosts', {
      rules: [
        {
          host: 'first.bar.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('service1') }] },
        },
        {
          host: 'second.bar.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('service2') }] },
        },
        { http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('service3') }] } },
      ],
    });
    const t = buildRoutingTable(c);
    const pick = (h: string) => matchRequest(t, h, '/x').location.backend?.name;
    expect(pick('first.bar.com')).toBe('service1');
    expect(pick('second.bar.com')).toBe('service2');
    expect(pick('third.bar.com')).toBe('service3');
    expect(pick('198.51.100.1')).toBe('service3');
  });
});
