import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { parseGrpcurlArgs } from './grpcurl-args';
import { grpcStatusOf } from './grpcurl';

const ECHO = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

const echoApp = (name: string, replicas = 1): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
      - name: echo
        image: registry.k8s.io/gateway-api/conformance/echo-basic:v0.1.0
        env:
        - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
        - { name: GRPC_ECHO_SERVER, value: "1" }
---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app: ${name} }, ports: [{ port: 8080, targetPort: 3000 }] }
`;

const webApp = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
`;

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
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
`;

describe('grpcurl: arguments as its Go flag set reads them', () => {
  it('flags, then ADDR and SYMBOL; flags after the address are arguments', () => {
    expect(parseGrpcurlArgs(['-plaintext', '-d', '{}', '--H=a: b', 'x:80', 's.S/M'])).toMatchObject({
      options: { plaintext: true, data: '{}', headers: ['a: b'], address: 'x:80', symbol: 's.S/M' },
    });
    expect(parseGrpcurlArgs(['-plaintext', 'x:80', 's.S/M', '-d', '{}'])).toEqual({
      error: 'Too many arguments.',
    });
    expect(parseGrpcurlArgs(['-plaintext', 'x:80'])).toEqual({ error: 'Too few arguments.' });
    expect(parseGrpcurlArgs(['-plaintext', '-d'])).toEqual({ error: 'flag needs an argument: -d' });
    expect(parseGrpcurlArgs(['-max-time', '-1', '-plaintext', 'x:80', 's.S/M'])).toEqual({
      error: 'The -max-time argument must not be negative.',
    });
    expect(parseGrpcurlArgs(['x:80', 's.S/M'])).toHaveProperty('svclab.id', 'usage.grpcurlPlaintext');
    expect(parseGrpcurlArgs(['-plaintext', 'x:80', 'list'])).toHaveProperty(
      'svclab.id',
      'usage.grpcurlReflectionVerb',
    );
    expect(parseGrpcurlArgs(['-insecure', 'x:80', 's.S/M'])).toHaveProperty('svclab.id', 'usage.grpcurlFlag');
  });

  it("grpcurl's usage errors print as grpcurl prints them, exit 2", () => {
    const s = scene(webApp);
    expect(s.run('grpcurl -plaintext web:80')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "Too few arguments.\nTry 'grpcurl -help' for more details.\n",
    });
    const r = s.run('grpcurl web:80 s.S/M');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^svclab grpcurl: svclab simulates grpcurl over plaintext HTTP\/2 only/);
    expect(s.run("grpcurl -plaintext -d 'hello' web:80 s.S/M").stderr).toMatch(/-d must be one JSON object/);
  });
});

describe('grpcurl: what grpc-go makes of an answer', () => {
  it('maps a non-gRPC answer by its HTTP status, a gRPC one by grpc-status', () => {
    expect(grpcStatusOf({ status: 404, body: '' })).toEqual({
      code: 12,
      message:
        'unexpected HTTP status code received from server: 404 (Not Found); malformed header: missing HTTP content-type',
    });
    expect(
      grpcStatusOf({ status: 200, body: 'x', headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
    ).toEqual({
      code: 2,
      message: 'transport: received unexpected content-type "text/plain; charset=utf-8"',
    });
    expect(
      grpcStatusOf({
        status: 200,
        body: '',
        headers: {
          'content-type': 'application/grpc',
          'grpc-status': '14',
          'grpc-message': 'no healthy upstream',
        },
      }),
    ).toEqual({ code: 14, message: 'no healthy upstream' });
  });
});

describe('grpcurl: calls without a Gateway', () => {
  it('a Service of echo servers answers; the pod names itself; the client address is the pod', () => {
    const s = scene(`${echoApp('echo', 2)}---\n${webApp}`);
    const r = s.run(`exec client -- grpcurl -plaintext echo:8080 ${ECHO}/Echo`);
    expect(r.exitCode).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply.assertions.context.pod).toMatch(/^echo-/);
    expect(reply.assertions.authority).toBe('echo:8080');
    // NAMESPACE is not set in this Deployment: protojson leaves the empty field out.
    expect(reply.assertions.context.namespace).toBeUndefined();
  });

  it('a plain HTTP app: its text/plain page is not gRPC (UNKNOWN while asking reflection)', () => {
    const s = scene(webApp);
    expect(s.run(`exec client -- grpcurl -plaintext web:80 ${ECHO}/Echo`)).toMatchObject({
      exitCode: 1,
      stderr: `Error invoking method "${ECHO}/Echo": rpc error: code = Unknown desc = failed to query for service descriptor "${ECHO}": transport: received unexpected content-type "text/plain; charset=utf-8"\n`,
    });
  });

  it('a port nobody listens on: Failed to dial target host, exit 1', () => {
    const s = scene(webApp);
    const ip = s.json('get pods -l app=web -o json').items[0].status.podIP as string;
    expect(s.run(`exec client -- grpcurl -plaintext ${ip}:81 ${ECHO}/Echo`)).toMatchObject({
      exitCode: 1,
      stderr: `Failed to dial target host "${ip}:81": dial tcp ${ip}:81: connect: connection refused\n`,
    });
    expect(s.run(`exec client -- grpcurl -plaintext nowhere:80 ${ECHO}/Echo`).stderr).toBe(
      'Failed to dial target host "nowhere:80": context deadline exceeded\n',
    );
  });

  it("-o json prints the call trace; bad request data is grpcurl's error", () => {
    const s = scene(`${echoApp('echo')}---\n${webApp}`);
    const t = s.json(`exec client -- grpcurl -plaintext echo:8080 ${ECHO}/Echo -o json`);
    expect(t.outcome).toBe('delivered');
    expect(t.response.headers['grpc-status']).toBe('0');
    expect(s.run(`exec client -- grpcurl -plaintext -d '{"name":"x"}' echo:8080 ${ECHO}/Echo`).stderr).toBe(
      `Error invoking method "${ECHO}/Echo": error getting request data: message type gateway_api_conformance.echo_basic.grpcecho.EchoRequest has no known field named name\n`,
    );
  });
});

describe('grpcurl through a Gateway: GRPCRoute matches, filters, weights', () => {
  const route = (rules: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: echo }
spec:
  parentRefs: [{ name: eg }]
  rules:
${rules}`;
  const withGateway = (rules: string) => {
    const s = scene(`${GATEWAY}---\n${echoApp('echo-a')}---\n${echoApp('echo-b')}---\n${route(rules)}`);
    const addr = `${s.json('get gateways eg -o json').items[0].status.addresses[0].value}:80`;
    return { s, addr };
  };

  it("a method-only match (a :path suffix), a RegularExpression service, and Envoy's 503 as UNAVAILABLE", () => {
    const { s, addr } = withGateway(`  - matches: [{ method: { method: EchoTwo } }]
    backendRefs: [{ name: echo-b, port: 8080 }]
  - matches: [{ method: { type: RegularExpression, service: "grpc\\\\.reflection\\\\.v1(alpha)?\\\\.ServerReflection" } }]
    backendRefs: [{ name: echo-a, port: 8080 }]
`);
    const two = s.run(`grpcurl -plaintext ${addr} ${ECHO}/EchoTwo`);
    expect(JSON.parse(two.stdout).assertions.context.pod).toMatch(/^echo-b-/);
    // Only the reflection service matches the regex rule, only EchoTwo the suffix: Echo is unrouted.
    expect(s.run(`grpcurl -plaintext ${addr} ${ECHO}/Echo`).stderr).toBe(
      'ERROR:\n  Code: Unimplemented\n  Message: \n',
    );
    const t = s.json(`grpcurl -plaintext ${addr} ${ECHO}/EchoTwo -o json`);
    const gw = t.hops.find((h: { stage: string }) => h.stage === 'gateway');
    expect(gw.gatewayRef.route).toBe('GRPCRoute/default/echo');
    expect(gw.rule).toContain('method */EchoTwo');
  });

  it("Envoy's own answers as gRPC statuses: no healthy upstream (503) is UNAVAILABLE, a missing backend (500) UNKNOWN", () => {
    const { s, addr } = withGateway(`  - matches: [{ method: { service: ${ECHO}, method: Echo } }]
    backendRefs: [{ name: echo-idle, port: 8080 }]
  - matches: [{ method: { service: ${ECHO}, method: EchoTwo } }]
    backendRefs: [{ name: nowhere, port: 8080 }]
  - matches: [{ method: { service: grpc.reflection.v1.ServerReflection } }]
    backendRefs: [{ name: echo-a, port: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: echo-idle }
spec: { selector: { app: idle }, ports: [{ port: 8080, targetPort: 3000 }] }
`);
    expect(s.run(`grpcurl -plaintext ${addr} ${ECHO}/Echo`)).toMatchObject({
      exitCode: 64 + 14,
      stderr: 'ERROR:\n  Code: Unavailable\n  Message: no healthy upstream\n',
    });
    expect(s.run(`grpcurl -plaintext ${addr} ${ECHO}/EchoTwo`)).toMatchObject({
      exitCode: 64 + 2,
      stderr: 'ERROR:\n  Code: Unknown\n  Message: \n',
    });
  });

  it('a RegularExpression service match outranks a method-only match (a path regex before no path match)', () => {
    const { s, addr } = withGateway(`  - matches: [{ method: { method: EchoTwo } }]
    backendRefs: [{ name: echo-b, port: 8080 }]
  - matches: [{ method: { type: RegularExpression, service: "(gateway_api_conformance|grpc)\\\\..*" } }]
    backendRefs: [{ name: echo-a, port: 8080 }]
`);
    const two = s.run(`grpcurl -plaintext ${addr} ${ECHO}/EchoTwo`);
    expect(JSON.parse(two.stdout).assertions.context.pod).toMatch(/^echo-a-/);
  });

  it("RequestHeaderModifier reaches the server's metadata; weights split calls", () => {
    const { s, addr } =
      withGateway(`  - filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: x-env, value: canary }] } }]
    backendRefs: [{ name: echo-a, port: 8080, weight: 3 }, { name: echo-b, port: 8080, weight: 1 }]
`);
    const one = JSON.parse(s.run(`grpcurl -plaintext ${addr} ${ECHO}/Echo`).stdout);
    expect(one.assertions.headers).toContainEqual({ key: 'x-env', value: 'canary' });
    let a = 0;
    for (let i = 0; i < 200; i++)
      if (
        /^echo-a-/.test(
          JSON.parse(s.run(`grpcurl -plaintext ${addr} ${ECHO}/Echo`).stdout).assertions.context.pod,
        )
      )
        a++;
    // 3:1 → 150 of 200 expected; the conformance suite allows 5 points either way.
    expect(a / 200).toBeGreaterThan(0.65);
    expect(a / 200).toBeLessThan(0.85);
  });
});
