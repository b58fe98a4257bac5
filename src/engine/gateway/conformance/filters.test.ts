/**
 * The Gateway API conformance suite's HTTPRoute filter, weight and invalid-backend tests
 * (httproute-request-header-modifier, -rewrite-path, -redirect-path, -redirect-host-and-status,
 * -redirect-port-and-scheme, -weight, -invalid-nonexistent-backendref): the request the backend saw
 * (requestSeenByBackend, a repeated header compared as the echo server's "a,b"), the redirect's status
 * and Location, and the spread of 500 weighted requests within the suite's 5-point tolerance.
 */
import { describe, expect, it } from 'vitest';
import { NS, conformance, svc } from './infra.test-helper';

const route = (
  name: string,
  rules: string,
  parent = 'same-namespace',
): string => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: ${NS} }
spec:
  parentRefs: [{ name: ${parent} }]
  rules:
${rules}`;

const BE = '    backendRefs: [{ name: infra-backend-v1, port: 8080 }]\n';
const prefix = (p: string): string => `  - matches: [{ path: { type: PathPrefix, value: ${p} } }]\n`;

type Headers = Record<string, string | string[]>;
function header(h: Headers, name: string): string | undefined {
  const k = Object.keys(h).find((x) => x.toLowerCase() === name.toLowerCase());
  if (k === undefined) return undefined;
  const v = h[k]!;
  return Array.isArray(v) ? v.join(',') : v;
}

describe('Gateway API conformance: request filters', () => {
  it('HTTPRouteRequestHeaderModifier: set, add, remove, several at once, any case', () => {
    const c = conformance(
      route(
        'request-header-modifier',
        `${prefix('/set')}    filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: X-Header-Set, value: set-overwrites-values }] } }]
${BE}${prefix('/add')}    filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { add: [{ name: X-Header-Add, value: add-appends-values }] } }]
${BE}${prefix('/remove')}    filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { remove: [X-Header-Remove] } }]
${BE}${prefix('/multiple')}    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{ name: X-Header-Set-1, value: header-set-1 }, { name: X-Header-Set-2, value: header-set-2 }]
        add: [{ name: X-Header-Add-1, value: header-add-1 }, { name: X-Header-Add-2, value: header-add-2 }, { name: X-Header-Add-3, value: header-add-3 }]
        remove: [X-Header-Remove-1, X-Header-Remove-2]
${BE}${prefix('/case-insensitivity')}    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{ name: X-Header-Set, value: header-set }]
        add: [{ name: X-Header-Add, value: header-add }]
        remove: [X-Header-Remove]
${BE}`,
      ),
    );
    const cases: [string, Record<string, string>, Record<string, string>, string[]][] = [
      [
        '/set',
        { 'Some-Other-Header': 'val' },
        { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' },
        [],
      ],
      [
        '/set',
        { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' },
        { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' },
        [],
      ],
      [
        '/add',
        { 'Some-Other-Header': 'val' },
        { 'Some-Other-Header': 'val', 'X-Header-Add': 'add-appends-values' },
        [],
      ],
      [
        '/add',
        { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' },
        { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value,add-appends-values' },
        [],
      ],
      ['/remove', { 'X-Header-Remove': 'val' }, {}, ['X-Header-Remove']],
      [
        '/multiple',
        {
          'X-Header-Set-2': 'set-val-2',
          'X-Header-Add-2': 'add-val-2',
          'X-Header-Remove-2': 'remove-val-2',
          'Another-Header': 'another-header-val',
        },
        {
          'X-Header-Set-1': 'header-set-1',
          'X-Header-Set-2': 'header-set-2',
          'X-Header-Add-1': 'header-add-1',
          'X-Header-Add-2': 'add-val-2,header-add-2',
          'X-Header-Add-3': 'header-add-3',
          'Another-Header': 'another-header-val',
        },
        ['X-Header-Remove-1', 'X-Header-Remove-2'],
      ],
      [
        '/case-insensitivity',
        {
          'x-header-set': 'original-val-set',
          'x-header-add': 'original-val-add',
          'x-header-remove': 'original-val-remove',
          'Another-Header': 'another-header-val',
        },
        {
          'X-Header-Set': 'header-set',
          'X-Header-Add': 'original-val-add,header-add',
          'Another-Header': 'another-header-val',
        },
        ['X-Header-Remove'],
      ],
    ];
    for (const [path, sent, want, absent] of cases) {
      const t = c.send({ path, headers: sent });
      expect(t.backend.service).toBe(svc('infra-backend-v1'));
      const seen = t.requestSeenByBackend;
      expect(seen.path).toBe(path);
      for (const [k, v] of Object.entries(want)) expect(header(seen.headers, k), `${path} ${k}`).toBe(v);
      for (const k of absent) expect(header(seen.headers, k), `${path} ${k}`).toBeUndefined();
    }
  });

  it('HTTPRouteRewritePath: ReplacePrefixMatch and ReplaceFullPath, with header changes', () => {
    const mods = `    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{ name: X-Header-Set, value: set-overwrites-values }]
        add: [{ name: X-Header-Add, value: header-val-1 }, { name: X-Header-Add-Append, value: header-val-2 }]
        remove: [X-Header-Remove]
`;
    const c = conformance(
      route(
        'rewrite-path',
        `${prefix('/prefix/one')}    filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /one } } }]
${BE}${prefix('/strip-prefix')}    filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: / } } }]
${BE}${prefix('/full/one')}    filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplaceFullPath, replaceFullPath: /one } } }]
${BE}${prefix('/full/rewrite-path-and-modify-headers')}    filters:
    - { type: URLRewrite, urlRewrite: { path: { type: ReplaceFullPath, replaceFullPath: /test } } }
${mods}${BE}${prefix('/prefix/rewrite-path-and-modify-headers')}    filters:
    - { type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /prefix } } }
${mods}${BE}`,
      ),
    );
    const plain: [string, string][] = [
      ['/prefix/one/two', '/one/two'],
      ['/strip-prefix/three', '/three'],
      ['/strip-prefix', '/'],
      ['/full/one/two', '/one'],
    ];
    for (const [from, to] of plain) expect(c.send({ path: from }).requestSeenByBackend.path, from).toBe(to);
    const sent = {
      'X-Header-Remove': 'remove-val',
      'X-Header-Add-Append': 'append-val-1',
      'X-Header-Set': 'set-val',
    };
    for (const [from, to] of [
      ['/full/rewrite-path-and-modify-headers/test', '/test'],
      ['/prefix/rewrite-path-and-modify-headers/one', '/prefix/one'],
    ] as const) {
      const seen = c.send({ path: from, headers: sent }).requestSeenByBackend;
      expect(seen.path).toBe(to);
      expect(header(seen.headers, 'X-Header-Add')).toBe('header-val-1');
      expect(header(seen.headers, 'X-Header-Add-Append')).toBe('append-val-1,header-val-2');
      expect(header(seen.headers, 'X-Header-Set')).toBe('set-overwrites-values');
      expect(header(seen.headers, 'X-Header-Remove')).toBeUndefined();
    }
  });
});

describe('Gateway API conformance: redirects', () => {
  const redirect = (p: string, r: string): string =>
    `${prefix(p)}    filters: [{ type: RequestRedirect, requestRedirect: ${r} }]\n`;

  it('HTTPRouteRedirectPath and HTTPRouteRedirectHostAndStatus', () => {
    const c = conformance(
      route(
        'redirect-path',
        redirect(
          '/original-prefix',
          '{ path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix } }',
        ) +
          redirect('/full', '{ path: { type: ReplaceFullPath, replaceFullPath: /full-path-replacement } }') +
          redirect(
            '/path-and-host',
            '{ hostname: example.org, path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix } }',
          ) +
          redirect(
            '/path-and-status',
            '{ statusCode: 301, path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix } }',
          ) +
          redirect(
            '/full-path-and-host',
            '{ hostname: example.org, path: { type: ReplaceFullPath, replaceFullPath: /replacement-full } }',
          ) +
          redirect(
            '/full-path-and-status',
            '{ statusCode: 301, path: { type: ReplaceFullPath, replaceFullPath: /replacement-full } }',
          ) +
          redirect('/hostname-redirect', '{ hostname: example.org }') +
          redirect('/host-and-status', '{ hostname: example.org, statusCode: 301 }'),
      ),
    );
    const cases: [string, number, string][] = [
      ['/original-prefix/lemon', 302, 'http://example.com/replacement-prefix/lemon'],
      ['/full/path/original', 302, 'http://example.com/full-path-replacement'],
      ['/path-and-host', 302, 'http://example.org/replacement-prefix'],
      ['/path-and-status', 301, 'http://example.com/replacement-prefix'],
      ['/full-path-and-host', 302, 'http://example.org/replacement-full'],
      ['/full-path-and-status', 301, 'http://example.com/replacement-full'],
      ['/hostname-redirect', 302, 'http://example.org/hostname-redirect'],
      ['/host-and-status', 301, 'http://example.org/host-and-status'],
    ];
    for (const [path, status, location] of cases) {
      const t = c.send({ path });
      expect(t.response.status, path).toBe(status);
      expect(t.response.headers.location, path).toBe(location);
      expect(t.backend, path).toBeNull();
    }
  });

  it('HTTPRouteRedirectPortAndScheme: the port from the scheme, else the listener', () => {
    const on8080 = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: same-namespace-with-http-listener-on-8080, namespace: ${NS} }
spec:
  gatewayClassName: gateway-conformance
  listeners: [{ name: http, port: 8080, protocol: HTTP, allowedRoutes: { namespaces: { from: Same } } }]
`;
    const rules =
      redirect('/scheme-nil-and-port-nil', '{ hostname: example.org }') +
      redirect('/scheme-nil-and-port-80', '{ port: 80, hostname: example.org }') +
      redirect('/scheme-https-and-port-nil', '{ scheme: https, hostname: example.org }') +
      redirect('/scheme-https-and-port-443', '{ scheme: https, port: 443, hostname: example.org }') +
      redirect('/scheme-https-and-port-8443', '{ scheme: https, port: 8443, hostname: example.org }');
    const manifests = [
      on8080,
      route('http-route-for-listener-on-port-80', rules),
      route('http-route-for-listener-on-port-8080', rules, 'same-namespace-with-http-listener-on-8080'),
    ].join('---\n');
    const on80 = conformance(manifests);
    const at80: [string, string][] = [
      ['/scheme-nil-and-port-nil', 'http://example.org/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-80', 'http://example.org/scheme-nil-and-port-80'],
      ['/scheme-https-and-port-nil', 'https://example.org/scheme-https-and-port-nil'],
      ['/scheme-https-and-port-443', 'https://example.org/scheme-https-and-port-443'],
      ['/scheme-https-and-port-8443', 'https://example.org:8443/scheme-https-and-port-8443'],
    ];
    for (const [path, location] of at80)
      expect(on80.send({ path }).response.headers.location, path).toBe(location);
    const c8080 = conformance(manifests, 'same-namespace-with-http-listener-on-8080');
    const at8080: [string, string][] = [
      ['/scheme-nil-and-port-nil', 'http://example.org:8080/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-80', 'http://example.org/scheme-nil-and-port-80'],
      ['/scheme-https-and-port-nil', 'https://example.org/scheme-https-and-port-nil'],
    ];
    for (const [path, location] of at8080) {
      const t = c8080.scene.json(
        `curl --from external -H 'Host: example.com' http://${c8080.address}:8080${path} -o json`,
      );
      expect(t.response.status, path).toBe(302);
      expect(t.response.headers.location, path).toBe(location);
    }
  });
});

describe('Gateway API conformance: backends', () => {
  it('HTTPRouteWeight: 70/30/0 over 500 requests, each share within 5 points', () => {
    const c = conformance(
      route(
        'weighted-backends',
        `  - backendRefs:
    - { name: infra-backend-v1, port: 8080, weight: 70 }
    - { name: infra-backend-v2, port: 8080, weight: 30 }
    - { name: infra-backend-v3, port: 8080, weight: 0 }
`,
      ),
    );
    const r = c.send({ path: '/' }, 500);
    const count = (name: string): number =>
      r.results.filter((t: { backend: { service: string } | null }) => t.backend?.service === svc(name))
        .length;
    expect(Math.abs(count('infra-backend-v1') / 500 - 0.7)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(count('infra-backend-v2') / 500 - 0.3)).toBeLessThanOrEqual(0.05);
    expect(count('infra-backend-v3')).toBe(0);
  }, 120_000);

  it('HTTPRouteInvalidNonExistentBackendRef: 500, and ResolvedRefs False BackendNotFound', () => {
    const c = conformance(
      route('invalid-nonexistent-backend-ref', `  - backendRefs: [{ name: nonexistent, port: 8080 }]\n`),
    );
    const t = c.send({ path: '/' });
    expect(t.response.status).toBe(500);
    expect(t.backend).toBeNull();
    const status = c.scene.json(`get httproutes invalid-nonexistent-backend-ref -n ${NS} -o json`).items[0]
      .status;
    const resolved = status.parents[0].conditions.find((x: { type: string }) => x.type === 'ResolvedRefs');
    expect([resolved.status, resolved.reason]).toEqual(['False', 'BackendNotFound']);
  });
});
