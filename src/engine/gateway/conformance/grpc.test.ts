/**
 * The Gateway API conformance suite's GRPCRoute tests (conformance/tests/grpcroute-exact-method-matching,
 * -header-matching, -listener-hostname-matching, -weight), sent with grpcurl through the CLI. The suite's
 * client has the echo server's stubs compiled in; grpcurl has no .proto files here, so it asks the server's
 * reflection service first, and each test's route also routes `grpc.reflection.v1.ServerReflection` (as
 * the Gateway API's gRPC guide, examples/standard/grpc-routing/reflection-grpcroute.yaml, does). Backends:
 * the conformance echo server (echo-basic with GRPC_ECHO_SERVER, gRPC on 3000; Services on 8080 with
 * appProtocol kubernetes.io/h2c), whose answer names its pod and namespace. Our own manifests.
 */
import { describe, expect, it } from 'vitest';
import { scene, type Scene } from '../../testing/scene';
import { BASE, NS } from './infra.test-helper';

const ECHO = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

function grpcBackend(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${NS} }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
      - name: ${name}
        image: registry.k8s.io/gateway-api/conformance/echo-basic:v0.1.0
        env:
        - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
        - { name: NAMESPACE, valueFrom: { fieldRef: { fieldPath: metadata.namespace } } }
        - { name: GRPC_ECHO_SERVER, value: "1" }
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${NS} }
spec:
  selector: { app: ${name} }
  ports: [{ protocol: TCP, port: 8080, targetPort: 3000, appProtocol: kubernetes.io/h2c }]
`;
}

const REFLECTION_RULE = `  - matches: [{ method: { service: grpc.reflection.v1.ServerReflection } }]
    backendRefs: [{ name: grpc-infra-backend-v1, port: 8080 }]
`;

const grpcRoute = (
  name: string,
  rules: string,
  extra = '',
): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: ${name}, namespace: ${NS} }
spec:
  parentRefs: [{ name: same-namespace }]
${extra}  rules:
${rules}`;

interface Call {
  exitCode: number;
  stdout: string;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reply?: any;
}

function grpcScene(manifests: string): { s: Scene; address: string; call(args: string): Call } {
  const s = scene(
    `${BASE}---\n${grpcBackend('grpc-infra-backend-v1')}---\n${grpcBackend('grpc-infra-backend-v2')}---\n${manifests}`,
  );
  const address = s.json(`get gateways same-namespace -n ${NS} -o json`).items[0].status.addresses[0]
    .value as string;
  return {
    s,
    address,
    call(args) {
      const r = s.run(`grpcurl --from external -plaintext ${args.replace('ADDR', `${address}:80`)}`);
      const out: Call = { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
      if (r.exitCode === 0) out.reply = JSON.parse(r.stdout);
      return out;
    },
  };
}

const pod = (c: Call): string => c.reply?.assertions?.context?.pod ?? '';

describe('Gateway API conformance: GRPCRoute through grpcurl', () => {
  it('GRPCExactMethodMatching: Echo to v1, EchoTwo to v2, EchoThree unrouted: UNIMPLEMENTED from Envoy', () => {
    const g = grpcScene(
      grpcRoute(
        'exact-matching',
        `  - matches: [{ method: { service: ${ECHO}, method: Echo } }]
    backendRefs: [{ name: grpc-infra-backend-v1, port: 8080 }]
  - matches: [{ method: { service: ${ECHO}, method: EchoTwo } }]
    backendRefs: [{ name: grpc-infra-backend-v2, port: 8080 }]
${REFLECTION_RULE}`,
      ),
    );
    const status = g.s.json(`get grpcroutes exact-matching -n ${NS} -o json`).items[0].status;
    expect(status.parents[0].conditions.map((c: { type: string; status: string }) => c.status)).toEqual([
      'True',
      'True',
    ]);
    const echo = g.call(`ADDR ${ECHO}/Echo`);
    expect(echo.exitCode).toBe(0);
    expect(pod(echo)).toMatch(/^grpc-infra-backend-v1-/);
    expect(echo.reply.assertions.fullyQualifiedMethod).toBe(`/${ECHO}/Echo`);
    expect(echo.reply.assertions.context.namespace).toBe(NS);
    expect(echo.reply.assertions.authority).toBe(`${g.address}:80`);
    const two = g.call(`ADDR ${ECHO}/EchoTwo`);
    expect(pod(two)).toMatch(/^grpc-infra-backend-v2-/);
    // EchoThree is in the service (reflection finds it) but no rule routes it: Envoy's 404 as gRPC.
    const three = g.call(`ADDR ${ECHO}/EchoThree`);
    expect(three).toMatchObject({
      exitCode: 64 + 12,
      stdout: '',
      stderr: 'ERROR:\n  Code: Unimplemented\n  Message: \n',
    });
  });

  it('without a rule for the reflection service, grpcurl cannot find the method (it has no .proto files)', () => {
    const g = grpcScene(
      grpcRoute(
        'exact-matching',
        `  - matches: [{ method: { service: ${ECHO}, method: Echo } }]
    backendRefs: [{ name: grpc-infra-backend-v1, port: 8080 }]
`,
      ),
    );
    expect(g.call(`ADDR ${ECHO}/Echo`)).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: `Error invoking method "${ECHO}/Echo": failed to query for service descriptor "${ECHO}": server does not support the reflection API\n`,
    });
    // v1, then v1alpha: both unrouted, both answered by Envoy.
    const traces = g.s.run(`grpcurl -plaintext ${g.address}:80 ${ECHO}/Echo`).traces ?? [];
    expect(traces.map((t) => t.response?.headers?.['grpc-status'])).toEqual(['12', '12']);
  });

  it('grpcurl output: the EchoResponse as grpcurl prints it (protojson, two-space indent)', () => {
    const g = grpcScene(grpcRoute('all', `  - backendRefs: [{ name: grpc-infra-backend-v1, port: 8080 }]\n`));
    const r = g.call(`-H 'X-Trace: abc' -d '{}' ADDR ${ECHO}/Echo`);
    expect(r.exitCode).toBe(0);
    expect(
      r.stdout.startsWith(
        `{\n  "assertions": {\n    "fullyQualifiedMethod": "/${ECHO}/Echo",\n    "headers": [\n      {\n        "key": ":authority",`,
      ),
    ).toBe(true);
    const headers = r.reply.assertions.headers as { key: string; value: string }[];
    const keys = headers.map((h) => h.key);
    expect(keys).toContain('x-trace');
    expect(keys).toContain('x-forwarded-for');
    expect(keys).not.toContain('te'); // grpc-go keeps reserved headers out of the metadata
    expect(headers.find((h) => h.key === 'user-agent')?.value).toBe('grpcurl/v1.9.3 grpc-go/1.61.0');
    // The method the service declares but leaves unimplemented: grpc-go's own UNIMPLEMENTED.
    expect(g.call(`ADDR ${ECHO}/EchoThree`).stderr).toBe(
      'ERROR:\n  Code: Unimplemented\n  Message: method EchoThree not implemented\n',
    );
    expect(g.call(`ADDR ${ECHO}/EchoFour`)).toMatchObject({
      exitCode: 1,
      stderr: `Error invoking method "${ECHO}/EchoFour": service "${ECHO}" does not include a method named "EchoFour"\n`,
    });
    expect(g.call('ADDR helloworld.Greeter/SayHello').stderr).toBe(
      'Error invoking method "helloworld.Greeter/SayHello": target server does not expose service "helloworld.Greeter"\n',
    );
  });

  it('GRPCRouteHeaderMatching: more header matches first, OR between matches, no match: UNIMPLEMENTED', () => {
    const to = (be: string): string => `    backendRefs: [{ name: grpc-infra-backend-${be}, port: 8080 }]\n`;
    const g = grpcScene(
      grpcRoute(
        'grpc-header-matching',
        `  - matches: [{ headers: [{ name: version, value: one }] }]
${to('v1')}  - matches: [{ headers: [{ name: version, value: two }] }]
${to('v2')}  - matches: [{ headers: [{ name: version, value: two }, { name: color, value: orange }] }]
${to('v1')}  - matches: [{ headers: [{ name: color, value: blue }] }, { headers: [{ name: color, value: green }] }]
${to('v1')}  - matches: [{ headers: [{ name: color, value: red }] }, { headers: [{ name: color, value: yellow }] }]
${to('v2')}${REFLECTION_RULE}`,
      ),
    );
    const cases: [Record<string, string>, string | null][] = [
      [{ Version: 'one' }, 'v1'],
      [{ Version: 'two' }, 'v2'],
      [{ Version: 'two', Color: 'orange' }, 'v1'],
      [{ Version: 'two', Color: 'blue' }, 'v2'],
      [{ Color: 'orange' }, null],
      [{ 'Some-Other-Header': 'one' }, null],
      [{ Color: 'blue' }, 'v1'],
      [{ Color: 'green' }, 'v1'],
      [{ Color: 'red' }, 'v2'],
      [{ Color: 'yellow' }, 'v2'],
      [{ Color: 'purple' }, null],
    ];
    for (const [headers, be] of cases) {
      // -rpc-header: on the call only, so the reflection call still takes the reflection rule.
      const flags = Object.entries(headers)
        .map(([k, v]) => `-rpc-header '${k}: ${v}'`)
        .join(' ');
      const r = g.call(`${flags} ADDR ${ECHO}/Echo`);
      if (be === null)
        expect(r.stderr, JSON.stringify(headers)).toBe('ERROR:\n  Code: Unimplemented\n  Message: \n');
      else expect(pod(r), JSON.stringify(headers)).toMatch(new RegExp(`^grpc-infra-backend-${be}-`));
    }
    // -H goes on the reflection call too, which the reflection rule (no header condition) still takes.
    expect(g.call(`-H 'Color: purple' ADDR ${ECHO}/Echo`).exitCode).toBe(64 + 12);
  });

  it('GRPCRouteListenerHostnameMatching: the :authority picks the listener hostname, others get UNIMPLEMENTED', () => {
    const g = grpcScene(`${grpcBackend('grpc-infra-backend-v3')}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: grpcroute-listener-hostname-matching, namespace: ${NS} }
spec:
  gatewayClassName: gateway-conformance
  listeners:
  - { name: listener-1, port: 80, protocol: HTTP, hostname: bar.com }
  - { name: listener-2, port: 80, protocol: HTTP, hostname: foo.bar.com }
  - { name: listener-3, port: 80, protocol: HTTP, hostname: "*.bar.com" }
  - { name: listener-4, port: 80, protocol: HTTP, hostname: "*.foo.com" }
---
${['1', '2', '3']
  .map(
    (n, i) => `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: backend-v${n}, namespace: ${NS} }
spec:
  parentRefs:
${(i === 2 ? ['listener-3', 'listener-4'] : [`listener-${n}`])
  .map((l) => `  - { name: grpcroute-listener-hostname-matching, sectionName: ${l} }`)
  .join('\n')}
  rules:
  - backendRefs: [{ name: grpc-infra-backend-v${n}, port: 8080 }]
`,
  )
  .join('---\n')}`);
    const gw = g.s.json(`get gateways grpcroute-listener-hostname-matching -n ${NS} -o json`).items[0];
    const addr = `${gw.status.addresses[0].value}:80`;
    const call = (authority: string): Call => {
      const r = g.s.run(`grpcurl -plaintext -authority ${authority} ${addr} ${ECHO}/Echo`);
      return { ...r, ...(r.exitCode === 0 ? { reply: JSON.parse(r.stdout) } : {}) };
    };
    expect(pod(call('bar.com'))).toMatch(/^grpc-infra-backend-v1-/);
    expect(pod(call('foo.bar.com'))).toMatch(/^grpc-infra-backend-v2-/);
    expect(pod(call('baz.bar.com'))).toMatch(/^grpc-infra-backend-v3-/);
    expect(pod(call('boo.foo.com'))).toMatch(/^grpc-infra-backend-v3-/);
    // No listener hostname takes these: no virtual host, so the reflection call already fails.
    for (const host of ['foo.com', 'no.matching.host'])
      expect(call(host).stderr).toMatch(/server does not support the reflection API\n$/);
  });
});
