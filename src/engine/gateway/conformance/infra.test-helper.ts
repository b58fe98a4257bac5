/**
 * The Gateway API conformance suite's base (conformance/base/manifests.yaml), as much of it as the HTTP
 * tests below use: namespace gateway-conformance-infra, Gateway same-namespace (listener http, port 80,
 * routes from the same namespace), and the echo backends infra-backend-v1/v2/v3 (Services on port 8080),
 * with Envoy Gateway's GatewayClass. Our own manifests; the suite's tests are read, not copied.
 *
 * @example
 * const c = conformance(routeYaml);
 * c.send({ path: '/v2' }).backend.service; // "gateway-conformance-infra/infra-backend-v2"
 */
import { scene, type Scene } from '../../testing/scene';

export const NS = 'gateway-conformance-infra';

function backend(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${NS} }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: echo, image: echo-basic, ports: [{ name: http, containerPort: 3000 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${NS} }
spec: { selector: { app: ${name} }, ports: [{ protocol: TCP, port: 8080, targetPort: 3000 }] }
`;
}

export const BASE = [
  `apiVersion: v1
kind: Namespace
metadata: { name: ${NS}, labels: { gateway-conformance: infra } }
`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gateway-conformance }
spec: { controllerName: gateway.envoyproxy.io/gatewayclass-controller }
`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: same-namespace, namespace: ${NS} }
spec:
  gatewayClassName: gateway-conformance
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: Same } } }
`,
  backend('infra-backend-v1'),
  backend('infra-backend-v2'),
  backend('infra-backend-v3'),
].join('---\n');

export interface Req {
  host?: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface Conformance {
  scene: Scene;
  address: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(r: Req, count?: number): any;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The base plus a test's manifests, and a way to send the suite's requests through the Gateway. */
export function conformance(manifests: string, gateway = 'same-namespace'): Conformance {
  const s = scene(`${BASE}---\n${manifests}`);
  const gw = s.json(`get gateways ${gateway} -n ${NS} -o json`).items[0];
  const address = gw.status.addresses[0].value as string;
  return {
    scene: s,
    address,
    send(r, count = 1) {
      const args = [`-H ${quote(`Host: ${r.host ?? 'example.com'}`)}`];
      if (r.method) args.push(`-X ${r.method}`);
      for (const [k, v] of Object.entries(r.headers ?? {})) args.push(`-H ${quote(`${k}: ${v}`)}`);
      if (count > 1) args.push(`--count ${count}`);
      return s.json(`curl --from external ${args.join(' ')} ${quote(`http://${address}${r.path}`)} -o json`);
    },
  };
}

/** "infra-backend-v2" → the backend.service a trace must name. */
export const svc = (name: string): string => `${NS}/${name}`;
