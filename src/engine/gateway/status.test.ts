import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { CLASS, backend, docs, gatewayYaml, namespaceYaml, routeYaml } from './test-scenes.test-helper';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const conds = (list: Obj[] | undefined) => (list ?? []).map((c) => `${c.type}=${c.status}/${c.reason}`);
const HTTP = '{ name: http, protocol: HTTP, port: 80 }';

function get(yaml: string, what: string): Obj {
  return scene(yaml).json(`get ${what} -o json`).items[0];
}

describe('Envoy Gateway status: GatewayClass and Gateway', () => {
  it('accepts its class, provisions the proxy and programs the Gateway with the load balancer address', () => {
    const s = scene(docs(CLASS, gatewayYaml('eg', [HTTP])));
    const cls = s.json('get gatewayclass eg -o json').items[0];
    expect(cls.status.conditions).toEqual([
      {
        lastTransitionTime: '2026-01-01T00:00:00Z',
        message: 'Valid GatewayClass',
        observedGeneration: 1,
        reason: 'Accepted',
        status: 'True',
        type: 'Accepted',
      },
    ]);
    const gw = s.json('get gtw eg -o json').items[0];
    expect(conds(gw.status.conditions)).toEqual(['Accepted=True/Accepted', 'Programmed=True/Programmed']);
    expect(gw.status.conditions[1].message).toBe(
      'Address assigned to the Gateway, 1/1 envoy replicas available',
    );
    const svc = s.json('get svc -n envoy-gateway-system envoy-default-eg-e41e7b31 -o json').items[0];
    expect(svc.spec).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    expect(svc.spec.ports).toEqual([
      expect.objectContaining({ name: 'http-80', port: 80, targetPort: 10080, protocol: 'TCP' }),
    ]);
    expect(gw.status.addresses).toEqual([
      { type: 'IPAddress', value: svc.status.loadBalancer.ingress[0].ip },
    ]);
    expect(gw.status.listeners[0]).toMatchObject({
      name: 'http',
      attachedRoutes: 0,
      supportedKinds: [
        { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' },
        { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' },
      ],
    });
    expect(conds(gw.status.listeners[0].conditions)).toEqual([
      'Programmed=True/Programmed',
      'Accepted=True/Accepted',
      'ResolvedRefs=True/ResolvedRefs',
    ]);
    const pods = s.json('get pods -n envoy-gateway-system -o json').items.map((p: Obj) => p.metadata.labels);
    expect(pods).toContainEqual(
      expect.objectContaining({
        'gateway.envoyproxy.io/owning-gateway-name': 'eg',
        'gateway.envoyproxy.io/owning-gateway-namespace': 'default',
        'app.kubernetes.io/managed-by': 'envoy-gateway',
      }),
    );
  });

  it('leaves a Gateway of an unknown or foreign class Pending, and provisions nothing for it', () => {
    const foreign = CLASS.replace('name: eg', 'name: other').replace(
      'gateway.envoyproxy.io/gatewayclass-controller',
      'example.com/gateway',
    );
    const s = scene(
      docs(
        CLASS,
        foreign,
        gatewayYaml('a', [HTTP], 'default', 'other'),
        gatewayYaml('b', [HTTP], 'default', 'missing'),
      ),
    );
    for (const name of ['a', 'b'])
      expect(conds(s.json(`get gateway ${name} -o json`).items[0].status.conditions)).toEqual([
        'Accepted=Unknown/Pending',
        'Programmed=Unknown/Pending',
      ]);
    expect(conds(s.json('get gatewayclass other -o json').items[0].status.conditions)).toEqual([
      'Accepted=Unknown/Pending',
    ]);
    expect(s.run('get svc -n envoy-gateway-system -o name').stdout).toBe('service/envoy-gateway\n');
    const lints = s.env.diagnostics.filter((d) => d.source === 'lint').map((d) => d.code);
    expect(lints).toEqual(['gateway.class.otherController', 'gateway.class.unknown']);
  });

  it('marks conflicting and invalid listeners, programs the valid ones and says which failed', () => {
    const gw = get(
      docs(
        CLASS,
        gatewayYaml('eg', [
          '{ name: a, protocol: HTTP, port: 80, hostname: a.example.com }',
          '{ name: b, protocol: HTTP, port: 8080, hostname: a.example.com }',
          '{ name: c, protocol: HTTPS, port: 443, tls: { certificateRefs: [{ name: missing }] } }',
          '{ name: d, protocol: TCP, port: 80 }',
          '{ name: e, protocol: example.com/udpx, port: 9000 }',
        ]),
      ),
      'gateway eg',
    );
    const byName = Object.fromEntries(gw.status.listeners.map((l: Obj) => [l.name, l]));
    expect(conds(byName.a.conditions)).toEqual([
      'Conflicted=True/ProtocolConflict',
      'Programmed=False/Invalid',
      'ResolvedRefs=True/ResolvedRefs',
    ]);
    expect(byName.a.conditions[0].message).toBe(
      'All listeners for a given port must use a compatible protocol, conflicting listeners: default/eg/a, default/eg/d',
    );
    expect(conds(byName.b.conditions)).toEqual([
      'Programmed=True/Programmed',
      'Accepted=True/Accepted',
      'ResolvedRefs=True/ResolvedRefs',
    ]);
    expect(conds(byName.c.conditions)).toEqual([
      'ResolvedRefs=False/InvalidCertificateRef',
      'Accepted=True/Accepted',
      'Programmed=False/Invalid',
    ]);
    expect(byName.c.conditions[0].message).toBe(
      'No valid secrets exist: certificate refs 0: Secret default/missing does not exist.',
    );
    expect(conds(byName.e.conditions)).toEqual([
      'Accepted=False/UnsupportedProtocol',
      'Programmed=False/Invalid',
      'ResolvedRefs=True/ResolvedRefs',
    ]);
    expect(byName.e.supportedKinds).toEqual([]);
    expect(gw.status.conditions[0]).toMatchObject({
      status: 'True',
      reason: 'ListenersNotValid',
      message: 'Listeners not valid: a, d, e',
    });
  });

  it('programs no proxy when no listener is valid (the CRD itself refuses two listeners with one hostname and port)', () => {
    const none = get(
      docs(
        CLASS,
        gatewayYaml('eg', [
          '{ name: x, protocol: HTTPS, port: 443, tls: { certificateRefs: [{ name: nope }] } }',
        ]),
      ),
      'gateway eg',
    );
    expect(conds(none.status.conditions)).toEqual([
      'Accepted=True/Accepted',
      'Programmed=False/AddressNotAssigned',
    ]);
    expect(none.status.addresses).toBeUndefined();
  });
});

describe('Envoy Gateway status: routes', () => {
  const base = (listeners: string[]) =>
    docs(CLASS, namespaceYaml('shop', 'team: shop'), gatewayYaml('eg', listeners), backend('web'));
  const parents = (yaml: string, ns = 'default') =>
    scene(yaml).json(`get httproute r -n ${ns} -o json`).items[0].status.parents;

  it('accepts a route, resolves its backends and counts it on the listener', () => {
    const yaml = docs(
      base([HTTP]),
      routeYaml('r', '  parentRefs: [{ name: eg }]\n  rules: [{ backendRefs: [{ name: web, port: 80 }] }]'),
    );
    const [p] = parents(yaml);
    expect(p.parentRef).toEqual({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'eg' });
    expect(p.controllerName).toBe('gateway.envoyproxy.io/gatewayclass-controller');
    expect(conds(p.conditions)).toEqual(['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']);
    expect(get(yaml, 'gateway eg').status.listeners[0].attachedRoutes).toBe(1);
  });

  it('NotAllowedByListeners for another namespace until the listener allows it (All, or a selector on its labels)', () => {
    const route = routeYaml('r', '  parentRefs: [{ name: eg, namespace: default }]', 'shop');
    expect(conds(parents(docs(base([HTTP]), route), 'shop')[0].conditions)).toEqual([
      'Accepted=False/NotAllowedByListeners',
    ]);
    const all = '{ name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }';
    expect(conds(parents(docs(base([all]), route), 'shop')[0].conditions)).toEqual([
      'Accepted=True/Accepted',
      'ResolvedRefs=True/ResolvedRefs',
    ]);
    const sel = (labels: string) =>
      `{ name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { ${labels} } } } } }`;
    expect(parents(docs(base([sel('team: shop')]), route), 'shop')[0].conditions[0].status).toBe('True');
    expect(
      parents(docs(base([sel('"kubernetes.io/metadata.name": shop')]), route), 'shop')[0].conditions[0]
        .status,
    ).toBe('True');
    expect(parents(docs(base([sel('team: blog')]), route), 'shop')[0].conditions[0].reason).toBe(
      'NotAllowedByListeners',
    );
  });

  it('NoMatchingParent for a sectionName or port no listener has, NoMatchingListenerHostname without an intersection', () => {
    const l = '{ name: http, protocol: HTTP, port: 80, hostname: "*.example.com" }';
    expect(
      parents(docs(base([l]), routeYaml('r', '  parentRefs: [{ name: eg, sectionName: https }]')))[0]
        .conditions[0],
    ).toMatchObject({
      reason: 'NoMatchingParent',
      message: 'No listeners match this parent ref',
    });
    expect(
      parents(docs(base([l]), routeYaml('r', '  parentRefs: [{ name: eg, port: 8080 }]')))[0].conditions[0]
        .reason,
    ).toBe('NoMatchingParent');
    const p = parents(
      docs(base([l]), routeYaml('r', '  parentRefs: [{ name: eg }]\n  hostnames: [shop.example.org]')),
    )[0];
    expect(conds(p.conditions)).toEqual([
      'Accepted=False/NoMatchingListenerHostname',
      'ResolvedRefs=True/ResolvedRefs',
    ]);
    expect(p.conditions[0].message).toBe(
      "There were no hostname intersections between the HTTPRoute and this parent ref's Listener(s).",
    );
  });

  it('ResolvedRefs=False with the specification reasons: BackendNotFound, RefNotPermitted (until a ReferenceGrant), InvalidKind', () => {
    const rules = (refs: string) =>
      routeYaml('r', `  parentRefs: [{ name: eg }]\n  rules: [{ backendRefs: [${refs}] }]`);
    const msgOf = (yaml: string) => parents(yaml)[0].conditions[1];
    expect(msgOf(docs(base([HTTP]), rules('{ name: nope, port: 80 }')))).toMatchObject({
      reason: 'BackendNotFound',
      message: 'Failed to process route rule 0 backendRef 0: service default/nope not found.',
    });
    const cross = docs(
      base([HTTP]),
      backend('api', 'shop'),
      rules('{ name: api, namespace: shop, port: 80 }'),
    );
    expect(msgOf(cross)).toMatchObject({
      reason: 'RefNotPermitted',
      message:
        'Failed to process route rule 0 backendRef 0: Backend ref to Service shop/api not permitted by any ReferenceGrant.',
    });
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: allow, namespace: shop }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default }]
  to: [{ group: "", kind: Service }]
`;
    expect(msgOf(docs(cross, grant)).status).toBe('True');
    expect(msgOf(docs(base([HTTP]), rules('{ name: web, port: 80, kind: ConfigMap }'))).reason).toBe(
      'InvalidKind',
    );
    expect(msgOf(docs(base([HTTP]), rules('{ name: web, port: 81 }'))).message).toBe(
      'Failed to process route rule 0 backendRef 0: TCP Port 81 not found on Service default/web.',
    );
  });

  it('puts the reasons on the YAML lines as lints', () => {
    const yaml = docs(
      base([HTTP]),
      routeYaml('r', '  parentRefs: [{ name: eg, sectionName: nope }, { name: gone }]'),
    );
    const lints = scene(yaml).env.diagnostics.filter((d) => d.code.startsWith('gateway.'));
    expect(lints.map((d) => [d.code, d.field])).toEqual([
      ['gateway.route.notAccepted', 'spec.parentRefs[0]'],
      ['gateway.route.noGateway', 'spec.parentRefs[1]'],
    ]);
    expect(lints[0]!.message).toContain('NoMatchingParent');
    expect(lints[0]!.line).toBeGreaterThan(1);
  });
});

describe('get', () => {
  it('prints the CRD printer columns', () => {
    const s = scene(
      docs(
        CLASS,
        gatewayYaml('eg', [HTTP]),
        backend('web'),
        routeYaml('r', '  parentRefs: [{ name: eg }]\n  hostnames: [a.example.com, b.example.com]'),
      ),
    );
    expect(s.run('get gatewayclasses').stdout).toBe(
      'NAME   CONTROLLER                                      ACCEPTED   AGE\neg     gateway.envoyproxy.io/gatewayclass-controller   True       0s\n',
    );
    const ip = s.json('get gtw -o json').items[0].status.addresses[0].value;
    expect(s.run('get gtw').stdout).toBe(
      `NAME   CLASS   ADDRESS        PROGRAMMED   AGE\neg     eg      ${ip}   True         0s\n`,
    );
    expect(s.run('get httproutes').stdout).toBe(
      'NAME   HOSTNAMES                           AGE\nr      ["a.example.com","b.example.com"]   0s\n',
    );
    expect(s.run('get referencegrants').stderr).toBe('No resources found in default namespace.\n');
    expect(s.run('get grpcroutes -A').stderr).toBe('No resources found\n');
  });
});
