import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { applyHeaderModifier, redirectLocation, rewritePath } from './filters';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from './test-scenes.test-helper';

const prefix = (value: string) => ({ path: { type: 'PathPrefix' as const, value } });

describe('header modifiers', () => {
  it('set replaces whatever the case, add appends a value, remove drops the header', () => {
    const h = applyHeaderModifier(
      { 'X-Keep': 'a', 'x-set': 'old', 'X-Add': 'one', 'X-Gone': 'bye' },
      {
        set: [{ name: 'X-Set', value: 'new' }],
        add: [
          { name: 'x-add', value: 'two' },
          { name: 'X-Fresh', value: 'f' },
        ],
        remove: ['x-gone'],
      },
    );
    expect(h).toEqual({ 'X-Keep': 'a', 'X-Set': 'new', 'X-Add': ['one', 'two'], 'X-Fresh': 'f' });
  });
});

describe('path rewrites (the conformance suite HTTPRouteRewritePath cases)', () => {
  const cases: [string, string, string, string][] = [
    ['/prefix/one', '/one', '/prefix/one/two', '/one/two'],
    ['/strip-prefix', '/', '/strip-prefix/three', '/three'],
    ['/strip-prefix', '/', '/strip-prefix', '/'],
    ['/prefix/one', '/one/', '/prefix/one/two', '/one/two'],
    ['/prefix', '/new', '/prefix?q=1', '/new?q=1'],
  ];
  it.each(cases)('PathPrefix %s → ReplacePrefixMatch %s: %s becomes %s', (match, repl, path, want) => {
    expect(rewritePath(path, { type: 'ReplacePrefixMatch', replacePrefixMatch: repl }, prefix(match))).toBe(
      want,
    );
  });
  it('ReplaceFullPath keeps the query string', () => {
    expect(
      rewritePath('/full/path?x=1', { type: 'ReplaceFullPath', replaceFullPath: '/one' }, prefix('/full')),
    ).toBe('/one?x=1');
  });
});

describe('redirect Location', () => {
  const req = { scheme: 'http' as const, host: 'example.org', listenerPort: 80, path: '/a?b=1' };
  it('derives each part the filter leaves out', () => {
    expect(redirectLocation({ scheme: 'https' }, req, prefix('/'))).toBe('https://example.org/a?b=1');
    expect(redirectLocation({ hostname: 'example.com' }, req, prefix('/'))).toBe('http://example.com/a?b=1');
    expect(redirectLocation({ port: 8083 }, req, prefix('/'))).toBe('http://example.org:8083/a?b=1');
    expect(redirectLocation({ scheme: 'https', port: 443 }, req, prefix('/'))).toBe(
      'https://example.org/a?b=1',
    );
    expect(
      redirectLocation(
        { path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } },
        { ...req, listenerPort: 8080 },
        prefix('/'),
      ),
    ).toBe('http://example.org:8080/x?b=1');
  });
});

describe('filters on the data path', () => {
  const yaml = docs(
    CLASS,
    gatewayYaml('eg', ['{ name: http, protocol: HTTP, port: 80 }']),
    backend('web'),
    backend('shadow', 'default', 1),
    routeYaml(
      'r',
      `  parentRefs: [{ name: eg }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /old } }]
    filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, statusCode: 301 } }]
  - matches: [{ path: { type: PathPrefix, value: /api } }]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: { set: [{ name: X-Env, value: canary }], add: [{ name: X-Tag, value: gw }], remove: [X-Drop] }
    - type: ResponseHeaderModifier
      responseHeaderModifier: { add: [{ name: X-Served-By, value: envoy }] }
    - type: URLRewrite
      urlRewrite: { hostname: internal.example, path: { type: ReplacePrefixMatch, replacePrefixMatch: /v2 } }
    - type: RequestMirror
      requestMirror: { backendRef: { name: shadow, port: 80 } }
    backendRefs: [{ name: web, port: 80 }]`,
    ),
  );
  const s = scene(yaml);
  const ip = s.json('get gateways eg -o json').items[0].status.addresses[0].value as string;

  it('redirects with the status and Location, without a backend', () => {
    const t = s.json(`curl --from external -H 'Host: shop.example.com' http://${ip}/old/page -o json`);
    expect(t.response.status).toBe(301);
    expect(t.response.headers.location).toBe('https://shop.example.com/old/page');
    expect(t.backend).toBeNull();
    expect(t.requestSeenByBackend).toBeNull();
  });

  it('shows the modified request in requestSeenByBackend and the modified response headers', () => {
    const t = s.json(
      `curl --from external -H 'Host: shop.example.com' -H 'X-Drop: 1' -H 'X-Tag: client' http://${ip}/api/orders?id=7 -o json`,
    );
    expect(t.response.status).toBe(200);
    const seen = t.requestSeenByBackend;
    expect(seen.path).toBe('/v2/orders?id=7');
    expect(seen.host).toBe('internal.example');
    expect(seen.headers['X-Env']).toBe('canary');
    expect(seen.headers['X-Tag']).toEqual(['client', 'gw']);
    expect(Object.keys(seen.headers).map((k) => k.toLowerCase())).not.toContain('x-drop');
    expect(t.response.headers['X-Served-By']).toBe('envoy');
    const gw = t.hops.find((h: { stage: string }) => h.stage === 'gateway');
    expect(gw.note).toContain('RequestMirror');
  });
});
