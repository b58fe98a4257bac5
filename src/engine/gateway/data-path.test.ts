import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from './test-scenes.test-helper';

const GW = gatewayYaml('eg', ['{ name: http, protocol: HTTP, port: 80 }']);

function addressOf(s: ReturnType<typeof scene>): string {
  const gw = s.json('get gateways eg -o json').items[0];
  return gw.status.addresses[0].value as string;
}

describe('the data path through a Gateway', () => {
  const yaml = docs(
    CLASS,
    GW,
    backend('web-v1'),
    backend('web-v2'),
    backend('api'),
    routeYaml(
      'shop',
      `  parentRefs: [{ name: eg }]
  hostnames: [shop.example.com]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /api } }]
    backendRefs: [{ name: api, port: 80 }]
  - matches: [{ path: { type: Exact, value: /exact } }, { headers: [{ name: version, value: "2" }] }]
    backendRefs: [{ name: web-v2, port: 80 }]
  - backendRefs: [{ name: web-v1, port: 80, weight: 90 }, { name: web-v2, port: 80, weight: 10 }]`,
    ),
  );
  const s = scene(yaml);
  const ip = addressOf(s);
  const curl = (args: string) => s.json(`curl --from external ${args} -o json`);

  it('goes client → cloud LB → node → kube-proxy → Envoy pod → backend pod, Envoy choosing the endpoint', () => {
    const t = curl(`-H 'Host: shop.example.com' http://${ip}/api/orders?x=1`);
    expect(t.outcome).toBe('delivered');
    expect(t.response.status).toBe(200);
    expect(t.backend.service).toBe('default/api');
    const stages = t.hops
      .filter((h: { direction: string }) => h.direction === 'request')
      .map((h: { stage: string }) => h.stage);
    const order = ['client', 'cloud-lb', 'kube-proxy', 'pod', 'gateway', 'pod'];
    let at = 0;
    for (const st of stages) if (st === order[at]) at++;
    expect(at).toBe(order.length); // each stage in this order, other hops (node, network) between
    // kube-proxy took the request to the Envoy pod, which is in envoy-gateway-system
    expect(t.hops.find((h: { stage: string }) => h.stage === 'gateway').location).toMatch(
      /^pod\/envoy-gateway-system\/envoy-default-eg-/,
    );
    const gw = t.hops.find((h: { stage: string }) => h.stage === 'gateway');
    expect(gw.candidates.length).toBe(2);
    expect(gw.note).toContain('HTTPRoute default/shop, rule 0');
    // What the page lights: the Gateway, the listener, the route rule and the backendRef the weights chose.
    expect(gw.gatewayRef).toEqual({
      gateway: 'Gateway/default/eg',
      listeners: ['http'],
      route: 'HTTPRoute/default/shop',
      rule: 0,
      service: 'Service/default/api',
    });
    // The backend pod sees Envoy's pod address; the client is in X-Forwarded-For.
    expect(t.sourceSeenByBackend.startsWith('10.244.')).toBe(true);
    expect(t.requestSeenByBackend.path).toBe('/api/orders?x=1');
    expect(t.requestSeenByBackend.host).toBe('shop.example.com');
    expect(t.requestSeenByBackend.headers['X-Forwarded-For']).toBe('203.0.113.10');
  });

  it('answers 404 itself for a host no route serves, with no backend', () => {
    const t = curl(`-H 'Host: blog.example.com' http://${ip}/`);
    expect(t.outcome).toBe('delivered');
    expect(t.response.status).toBe(404);
    expect(t.backend).toBeNull();
    expect(t.requestSeenByBackend).toBeNull();
    // No virtual host took it: the Gateway and the listener, no route.
    const gw = t.hops.find((h: { stage: string }) => h.stage === 'gateway');
    expect(gw.gatewayRef).toEqual({ gateway: 'Gateway/default/eg', listeners: ['http'] });
  });

  it('ranks Exact above PathPrefix and matches headers', () => {
    expect(curl(`-H 'Host: shop.example.com' http://${ip}/exact`).backend.service).toBe('default/web-v2');
    expect(curl(`-H 'Host: shop.example.com' -H 'version: 2' http://${ip}/other`).backend.service).toBe(
      'default/web-v2',
    );
    const t = curl(`-H 'Host: shop.example.com' -H 'version: 2' http://${ip}/api/x`);
    // PathPrefix /api (4 characters) outranks the header-only match (PathPrefix /, 1 character).
    expect(t.backend.service).toBe('default/api');
  });

  it('splits by weight: about 10% of 1000 requests reach web-v2', () => {
    const r = curl(`-H 'Host: shop.example.com' --count 1000 http://${ip}/`);
    const v2 = r.results.filter(
      (x: { backend: { service: string } }) => x.backend.service === 'default/web-v2',
    ).length;
    expect(v2).toBeGreaterThan(50);
    expect(v2).toBeLessThan(150);
  }, 120_000);
});

describe('responses Envoy makes itself', () => {
  it('500 for a rule whose only backend does not exist, 503 for a Service without endpoints', () => {
    const yaml = docs(
      CLASS,
      GW,
      backend('empty', 'default', 0),
      routeYaml(
        'r',
        `  parentRefs: [{ name: eg }]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /missing } }]
    backendRefs: [{ name: nothing, port: 80 }]
  - backendRefs: [{ name: empty, port: 80 }]`,
      ),
    );
    const s = scene(yaml);
    const ip = addressOf(s);
    const missing = s.json(`curl --from external http://${ip}/missing -o json`);
    expect(missing.response.status).toBe(500);
    expect(missing.backend).toBeNull();
    const empty = s.json(`curl --from external http://${ip}/ -o json`);
    expect(empty.response.status).toBe(503);
    expect(empty.response.body).toBe('no healthy upstream');
  });
});
