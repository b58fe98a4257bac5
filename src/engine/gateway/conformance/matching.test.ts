/**
 * The Gateway API conformance suite's HTTPRoute matching tests (conformance/tests/httproute-*matching*.go,
 * httproute-path-match-order.go), each request of their tables sent through the CLI to Envoy Gateway's
 * data path: the answering Service, or the 404 Envoy gives when no rule matches.
 */
import { describe, expect, it } from 'vitest';
import { NS, conformance, svc, type Req } from './infra.test-helper';

type Row = [Req, string | 404];

const route = (name: string, rules: string, extra = ''): string => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: ${NS} }
spec:
  parentRefs: [{ name: same-namespace }]
${extra}  rules:
${rules}`;

const be = (v: number): string => `    backendRefs: [{ name: infra-backend-v${v}, port: 8080 }]\n`;

function check(manifests: string, rows: Row[]): void {
  const c = conformance(manifests);
  for (const [req, want] of rows) {
    const t = c.send(req);
    const label = `${req.method ?? 'GET'} ${req.host ?? ''}${req.path} ${JSON.stringify(req.headers ?? {})}`;
    if (want === 404) {
      expect(t.response?.status, label).toBe(404);
      expect(t.backend, label).toBeNull();
    } else {
      expect(t.response?.status, label).toBe(200);
      expect(t.backend?.service, label).toBe(svc(want));
    }
  }
}

describe('Gateway API conformance: HTTPRoute matching', () => {
  it('HTTPRouteMatching: path and header matches for different backends', () => {
    check(
      route(
        'matching',
        `  - matches: [{ path: { type: PathPrefix, value: / } }, { headers: [{ name: version, value: one }] }]
${be(1)}  - matches: [{ path: { type: PathPrefix, value: /v2 } }, { headers: [{ name: version, value: two }] }]
${be(2)}`,
      ),
      [
        [{ path: '/' }, 'infra-backend-v1'],
        [{ path: '/example' }, 'infra-backend-v1'],
        [{ path: '/', headers: { Version: 'one' } }, 'infra-backend-v1'],
        [{ path: '/v2' }, 'infra-backend-v2'],
        [{ path: '/v2/example' }, 'infra-backend-v2'],
        [{ path: '/', headers: { Version: 'two' } }, 'infra-backend-v2'],
      ],
    );
  });

  it('HTTPRouteExactPathMatching', () => {
    check(
      route(
        'exact-matching',
        `  - matches: [{ path: { type: Exact, value: /one } }]
${be(1)}  - matches: [{ path: { type: Exact, value: /two } }]
${be(2)}`,
      ),
      [
        [{ path: '/one' }, 'infra-backend-v1'],
        [{ path: '/two' }, 'infra-backend-v2'],
        [{ path: '/' }, 404],
        [{ path: '/one/example' }, 404],
        [{ path: '/two/' }, 404],
        [{ path: '/Two' }, 404],
      ],
    );
  });

  it('HTTPRoutePathMatchOrder: Exact first, then the longest prefix', () => {
    check(
      route(
        'path-matching-order',
        `  - matches: [{ path: { type: Exact, value: /match } }]
${be(1)}  - matches: [{ path: { type: Exact, value: /match/exact } }]
${be(2)}  - matches: [{ path: { type: Exact, value: /match/exact/one } }]
${be(3)}  - matches: [{ path: { type: PathPrefix, value: /match/ } }]
${be(3)}  - matches: [{ path: { type: PathPrefix, value: /match/prefix/ } }]
${be(1)}  - matches: [{ path: { type: PathPrefix, value: /match/prefix/one } }]
${be(2)}`,
      ),
      [
        [{ path: '/match/exact/one' }, 'infra-backend-v3'],
        [{ path: '/match/exact' }, 'infra-backend-v2'],
        [{ path: '/match' }, 'infra-backend-v1'],
        [{ path: '/match/prefix/one/any' }, 'infra-backend-v2'],
        [{ path: '/match/prefix/any' }, 'infra-backend-v1'],
        [{ path: '/match/any' }, 'infra-backend-v3'],
      ],
    );
  });

  it('HTTPRouteHeaderMatching: AND within a match, OR across matches', () => {
    check(
      route(
        'header-matching',
        `  - matches: [{ headers: [{ name: version, value: one }] }]
${be(1)}  - matches: [{ headers: [{ name: version, value: two }] }]
${be(2)}  - matches: [{ headers: [{ name: version, value: two }, { name: color, value: orange }] }]
${be(1)}  - matches: [{ headers: [{ name: color, value: blue }] }, { headers: [{ name: color, value: green }] }]
${be(1)}  - matches: [{ headers: [{ name: color, value: red }] }, { headers: [{ name: color, value: yellow }] }]
${be(2)}`,
      ),
      [
        [{ path: '/', headers: { Version: 'one' } }, 'infra-backend-v1'],
        [{ path: '/', headers: { Version: 'two' } }, 'infra-backend-v2'],
        [{ path: '/', headers: { Version: 'two', Color: 'orange' } }, 'infra-backend-v1'],
        [{ path: '/', headers: { Version: 'two', Color: 'blue' } }, 'infra-backend-v2'],
        [{ path: '/', headers: { Color: 'orange' } }, 404],
        [{ path: '/', headers: { 'Some-Other-Header': 'one' } }, 404],
        [{ path: '/', headers: { Color: 'blue' } }, 'infra-backend-v1'],
        [{ path: '/', headers: { Color: 'green' } }, 'infra-backend-v1'],
        [{ path: '/', headers: { Color: 'red' } }, 'infra-backend-v2'],
        [{ path: '/', headers: { Color: 'yellow' } }, 'infra-backend-v2'],
        [{ path: '/', headers: { Color: 'purple' } }, 404],
      ],
    );
  });

  it('HTTPRouteQueryParamMatching: exact, case-sensitive names and values, precedence', () => {
    check(
      route(
        'query-param-matching',
        `  - matches: [{ queryParams: [{ name: animal, value: whale }] }]
${be(1)}  - matches: [{ queryParams: [{ name: animal, value: dolphin }] }]
${be(2)}  - matches:
    - queryParams: [{ name: animal, value: dolphin }, { name: color, value: blue }]
    - queryParams: [{ name: ANIMAL, value: Whale }]
${be(3)}  - matches: [{ path: { type: PathPrefix, value: /path1 }, queryParams: [{ name: animal, value: whale }] }]
${be(1)}  - matches: [{ headers: [{ name: version, value: one }], queryParams: [{ name: animal, value: whale }] }]
${be(2)}  - matches:
    - path: { type: PathPrefix, value: /path2 }
      headers: [{ name: version, value: two }]
      queryParams: [{ name: animal, value: whale }]
${be(3)}  - matches:
    - path: { type: PathPrefix, value: /path3 }
      queryParams: [{ name: animal, value: shark }]
    - path: { type: PathPrefix, value: /path4 }
      headers: [{ name: version, value: three }]
      queryParams: [{ name: animal, value: kraken }]
${be(1)}  - matches: [{ path: { type: PathPrefix, value: /path5 } }]
${be(1)}  - matches: [{ queryParams: [{ name: animal, value: hydra }] }]
${be(2)}  - matches: [{ headers: [{ name: version, value: four }] }]
${be(3)}`,
      ),
      [
        [{ path: '/?animal=whale' }, 'infra-backend-v1'],
        [{ path: '/?animal=dolphin' }, 'infra-backend-v2'],
        [{ path: '/?animal=dolphin&color=blue' }, 'infra-backend-v3'],
        [{ path: '/?ANIMAL=Whale' }, 'infra-backend-v3'],
        [{ path: '/?animal=whale&otherparam=irrelevant' }, 'infra-backend-v1'],
        [{ path: '/?animal=dolphin&color=yellow' }, 'infra-backend-v2'],
        [{ path: '/?color=blue' }, 404],
        [{ path: '/?animal=dog' }, 404],
        [{ path: '/?animal=whaledolphin' }, 404],
        [{ path: '/' }, 404],
        [{ path: '/path1?animal=whale' }, 'infra-backend-v1'],
        [{ path: '/?animal=whale', headers: { version: 'one' } }, 'infra-backend-v2'],
        [{ path: '/path2?animal=whale', headers: { version: 'two' } }, 'infra-backend-v3'],
        [{ path: '/path3?animal=shark' }, 'infra-backend-v1'],
        [{ path: '/path4?animal=kraken', headers: { version: 'three' } }, 'infra-backend-v1'],
        [{ path: '/?animal=shark' }, 404],
        [{ path: '/path4?animal=kraken' }, 404],
        [{ path: '/path5?animal=hydra' }, 'infra-backend-v1'],
        [{ path: '/?animal=hydra', headers: { version: 'four' } }, 'infra-backend-v3'],
      ],
    );
  });

  it('HTTPRouteMethodMatching: method alone and with other matches, precedence', () => {
    check(
      route(
        'method-matching',
        `  - matches: [{ method: POST }]
${be(1)}  - matches: [{ method: GET }]
${be(2)}  - matches: [{ path: { type: PathPrefix, value: /path1 }, method: GET }]
${be(1)}  - matches: [{ headers: [{ name: version, value: one }], method: PUT }]
${be(2)}  - matches: [{ path: { type: PathPrefix, value: /path2 }, headers: [{ name: version, value: two }], method: POST }]
${be(3)}  - matches:
    - { path: { type: PathPrefix, value: /path3 }, method: PATCH }
    - { path: { type: PathPrefix, value: /path4 }, headers: [{ name: version, value: three }], method: DELETE }
${be(1)}  - matches: [{ path: { type: PathPrefix, value: /path5 } }]
${be(1)}  - matches: [{ method: PATCH }]
${be(2)}  - matches: [{ headers: [{ name: version, value: four }] }]
${be(3)}`,
      ),
      [
        [{ path: '/', method: 'POST' }, 'infra-backend-v1'],
        [{ path: '/', method: 'GET' }, 'infra-backend-v2'],
        [{ path: '/', method: 'HEAD' }, 404],
        [{ path: '/path1', method: 'GET' }, 'infra-backend-v1'],
        [{ path: '/', method: 'PUT', headers: { version: 'one' } }, 'infra-backend-v2'],
        [{ path: '/path2', method: 'POST', headers: { version: 'two' } }, 'infra-backend-v3'],
        [{ path: '/path3', method: 'PATCH' }, 'infra-backend-v1'],
        [{ path: '/path4', method: 'DELETE', headers: { version: 'three' } }, 'infra-backend-v1'],
        [{ path: '/', method: 'PUT' }, 404],
        [{ path: '/path4', method: 'DELETE' }, 404],
        [{ path: '/path5', method: 'PATCH' }, 'infra-backend-v1'],
        [{ path: '/', method: 'PATCH', headers: { version: 'four' } }, 'infra-backend-v2'],
      ],
    );
  });

  it('HTTPRouteMatchingAcrossRoutes: two routes share a hostname, each keeps its own', () => {
    check(
      route(
        'matching-part1',
        `  - matches: [{ path: { type: PathPrefix, value: / } }, { headers: [{ name: version, value: one }] }]
${be(1)}`,
        '  hostnames: [example.com, example.net]\n',
      ) +
        '---\n' +
        route(
          'matching-part2',
          `  - matches: [{ path: { type: PathPrefix, value: /v2 } }, { headers: [{ name: version, value: two }] }]
${be(2)}`,
          '  hostnames: [example.com]\n',
        ),
      [
        [{ host: 'example.com', path: '/' }, 'infra-backend-v1'],
        [{ host: 'example.com', path: '/example' }, 'infra-backend-v1'],
        [{ host: 'example.net', path: '/example' }, 'infra-backend-v1'],
        [{ host: 'example.com', path: '/example', headers: { Version: 'one' } }, 'infra-backend-v1'],
        [{ host: 'example.com', path: '/v2' }, 'infra-backend-v2'],
        [{ host: 'example.net', path: '/v2' }, 'infra-backend-v1'],
        [{ host: 'example.com', path: '/v2/example' }, 'infra-backend-v2'],
        [{ host: 'example.com', path: '/', headers: { Version: 'two' } }, 'infra-backend-v2'],
      ],
    );
  });
});
