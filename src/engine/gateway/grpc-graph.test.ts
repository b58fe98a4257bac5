/**
 * A GRPCRoute on the graph as an HTTPRoute is: gatewaySummary lists it under its Gateway (kind
 * "GRPCRoute", its listeners and backends), and the hop of a grpcurl call through that Gateway names the
 * same id, so the page lights the route box the call took.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { gatewaySummary } from './summary';

const ECHO = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

const YAML = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: gateway.envoyproxy.io/gatewayclass-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: eg }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, port: 80, protocol: HTTP }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: echo }
spec:
  replicas: 1
  selector: { matchLabels: { app: echo } }
  template:
    metadata: { labels: { app: echo } }
    spec:
      containers:
      - name: echo
        image: registry.k8s.io/gateway-api/conformance/echo-basic:v0.1.0
        env: [{ name: GRPC_ECHO_SERVER, value: "1" }]
---
apiVersion: v1
kind: Service
metadata: { name: echo }
spec: { selector: { app: echo }, ports: [{ port: 8080, targetPort: 3000 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: echo }
spec:
  parentRefs: [{ name: eg }]
  rules:
  - backendRefs: [{ name: echo, port: 8080 }]
`;

describe('a GRPCRoute on the graph', () => {
  it('is a route of its Gateway, and the call through it names that route', () => {
    const s = scene(YAML);
    const [g] = gatewaySummary(s.env.cluster);
    expect(g?.routes).toEqual([
      {
        id: 'GRPCRoute/default/echo',
        kind: 'GRPCRoute',
        hostnames: [],
        listeners: ['http'],
        accepted: true,
        backends: ['default/echo'],
      },
    ]);
    const t = s.json(`grpcurl -plaintext ${g!.address}:80 ${ECHO}/Echo -o json`);
    const hop = t.hops.find((h: { stage: string }) => h.stage === 'gateway');
    expect(hop.gatewayRef).toMatchObject({
      route: 'GRPCRoute/default/echo',
      rule: 0,
      service: 'Service/default/echo',
    });
  });
});
