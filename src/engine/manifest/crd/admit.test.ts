import { describe, expect, it } from 'vitest';
import { loadObjects } from '../load';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const load = (text: string) => loadObjects([{ file: 'a.yaml', text }]);
const messages = (text: string) => load(text).diagnostics.map((d) => d.message);

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: eg }
spec:
  gatewayClassName: eg
  listeners:
  - { name: http, protocol: HTTP, port: 80 }
status:
  addresses: [{ value: 1.2.3.4 }]
`;

describe('custom resources: defaults, as the API server stores them', () => {
  it('fills the Gateway CRD defaults, drops the given status, sets generation 1 and the Pending conditions', () => {
    const [gw] = load(GATEWAY).objects.map((o) => o.object as Obj);
    expect(gw!.metadata).toEqual({ name: 'eg', namespace: 'default', generation: 1 });
    expect(gw!.spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
    expect(gw!.status.addresses).toBeUndefined();
    expect(gw!.status.conditions.map((c: Obj) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'Accepted=Unknown/Pending',
      'Programmed=Unknown/Pending',
    ]);
  });

  it('defaults an HTTPRoute: parentRef group and kind, backendRef group, kind and weight, a rule without matches', () => {
    const [r] = load(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: shop }
spec:
  parentRefs: [{ name: eg }]
  rules:
  - backendRefs: [{ name: web, port: 80 }]
`).objects.map((o) => o.object as Obj);
    expect(r!.spec.parentRefs[0]).toEqual({
      name: 'eg',
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
    });
    expect(r!.spec.rules[0].backendRefs[0]).toEqual({
      name: 'web',
      port: 80,
      group: '',
      kind: 'Service',
      weight: 1,
    });
    expect(r!.spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(r!.status).toBeUndefined();
  });

  it('serves v1beta1 too, and refuses versions the CRDs do not serve', () => {
    expect(load(GATEWAY.replace('/v1', '/v1beta1')).objects).toHaveLength(1);
    expect(messages(GATEWAY.replace('/v1', '/v1alpha2'))).toEqual([
      'no matches for kind "Gateway" in version "gateway.networking.k8s.io/v1alpha2"',
    ]);
  });
});

describe('custom resources: validation', () => {
  it('refuses unknown fields (strict decoding) and points at them', () => {
    const r = load(GATEWAY.replace('port: 80 }', 'port: 80, hostnme: a.example.com }'));
    expect(r.objects).toHaveLength(0);
    expect(r.diagnostics[0]).toMatchObject({
      source: 'schema',
      message: 'unknown field "spec.listeners[0].hostnme"',
      line: 7,
    });
  });

  it('checks bounds, enums, patterns and list-map keys with the API server wording', () => {
    expect(
      messages(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r }
spec:
  hostnames: ["Shop.example.com"]
  rules:
  - matches: [{ path: { type: Prefix, value: / } }]
    backendRefs: [{ name: web, port: 0 }]
`),
    ).toEqual([
      `spec.hostnames[0]: Invalid value: "Shop.example.com": spec.hostnames[0] in body should match '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'`,
      'spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"',
      'spec.rules[0].backendRefs[0].port: Invalid value: 0: spec.rules[0].backendRefs[0].port in body should be greater than or equal to 1',
    ]);
    expect(
      messages(GATEWAY.replace('port: 80 }', 'port: 80 }\n  - { name: http, protocol: HTTP, port: 8080 }')),
    ).toContain('spec.listeners[1]: Duplicate value: map[string]interface {}{"name":"http"}');
  });

  it('runs the CRD CEL rules and reports their messages', () => {
    expect(
      messages(
        GATEWAY.replace(
          'port: 80 }',
          'port: 80, tls: { mode: Terminate, certificateRefs: [{ name: c }] } }\n  - { name: other, protocol: HTTP, port: 80 }',
        ),
      ),
    ).toEqual([
      `spec.listeners: Invalid value: "array": tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']`,
      'spec.listeners: Invalid value: "array": Combination of port, protocol and hostname must be unique for each listener',
    ]);
    expect(
      messages(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r }
spec:
  parentRefs: [{ name: eg }, { name: eg }]
  rules:
  - matches: [{ path: { type: Exact, value: api } }]
    filters: [{ type: RequestRedirect, requestRedirect: { statusCode: 301 } }]
    backendRefs: [{ name: web, port: 80 }]
`),
    ).toEqual([
      'spec.parentRefs: Invalid value: "array": sectionName must be unique when parentRefs includes 2 or more references to the same parent',
      `spec.rules[0].matches[0].path: Invalid value: "object": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']`,
      'spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used together with backendRefs',
    ]);
  });

  it('validates a GRPCRoute method with its RE2 rule ((?i) flag) and a ReferenceGrant', () => {
    const grpc = (service: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: g }
spec:
  rules:
  - matches: [{ method: { service: "${service}", method: Get } }]
`;
    expect(messages(grpc('Echo.V1'))).toEqual([]);
    expect(messages(grpc('echo-v1'))).toEqual([
      'spec.rules[0].matches[0].method: Invalid value: "object": service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)',
    ]);
    expect(
      load(`apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: g, namespace: backend }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop }]
  to: [{ group: "", kind: Service }]
`).objects,
    ).toHaveLength(1);
  });

  it('requires a name and spec, and never throws on hostile shapes', () => {
    expect(
      messages('apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: { name: x }\n'),
    ).toEqual(['spec: Required value']);
    for (const bad of [
      'spec: 3',
      'spec: { listeners: "x" }',
      'spec: { listeners: [null] }',
      'spec: { listeners: [[]] }',
    ])
      expect(() =>
        load(`apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: x }\n${bad}\n`),
      ).not.toThrow();
  });
});
