/**
 * YAML pieces for the Gateway API tests: Envoy Gateway's class, a Gateway, routes and backends.
 *
 * @example
 * const yaml = [CLASS, gatewayYaml('eg', ['{ name: http, protocol: HTTP, port: 80 }']), backend('web')].join('---\n');
 */
export const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: gateway.envoyproxy.io/gatewayclass-controller }
`;

export function gatewayYaml(name: string, listeners: string[], ns = 'default', cls = 'eg'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${name}, namespace: ${ns} }
spec:
  gatewayClassName: ${cls}
  listeners:
${listeners.map((l) => `  - ${l}`).join('\n')}
`;
}

/** A Deployment of `replicas` pods (app=<name>, port 8080 named http) and its Service on port 80. */
export function backend(name: string, ns = 'default', replicas = 2): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: app, image: agnhost, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec: { selector: { app: ${name} }, ports: [{ name: http, port: 80, targetPort: http }] }
`;
}

export function namespaceYaml(name: string, labels = ''): string {
  return `apiVersion: v1
kind: Namespace
metadata: { name: ${name}${labels ? `, labels: { ${labels} }` : ''} }
`;
}

/** An HTTPRoute: `spec` is the YAML body under spec (indented by two spaces). */
export function routeYaml(name: string, spec: string, ns = 'default'): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: ${ns} }
spec:
${spec}
`;
}

export const docs = (...parts: string[]): string => parts.join('---\n');
