/**
 * Envoy Gateway as the simulated cluster installs it: the controller (the `gateway-helm` chart released
 * as `eg` in `envoy-gateway-system`: its Deployment and Service), and, for every Gateway it accepts with
 * at least one listener it can program, the proxy it provisions (internal/infrastructure/kubernetes/proxy):
 * a Deployment and a LoadBalancer Service named `envoy-<namespace>-<name>-<first 8 hex of
 * sha256("<namespace>/<name>")>` (the name part cut at 48 characters), labelled with the owning Gateway,
 * `externalTrafficPolicy: Local`, one Service port per listener port (`http-80`), whose targetPort is the
 * container port Envoy binds: listener ports below 1024 are shifted by 10000 (80 → 10080), so the proxy
 * runs without NET_BIND_SERVICE. Not modelled: the ServiceAccount, the xDS ConfigMap and certificates,
 * the ownerReferences to the GatewayClass (their uid is only assigned later), the bootstrap config.
 *
 * @example
 * proxyName('default', 'eg'); // "envoy-default-eg-e41e7b31"
 * containerPortFor(80); // 10080
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { LISTEN_ANNOTATION } from '../cluster/listen';
import type { Deployment, Namespace, Pod, Service } from '../k8s/objects';

/** The controllerName Envoy Gateway serves GatewayClasses for. */
export const CONTROLLER_NAME = 'gateway.envoyproxy.io/gatewayclass-controller';
export const EG_NAMESPACE = 'envoy-gateway-system';
export const OWNING_GATEWAY_NAME = 'gateway.envoyproxy.io/owning-gateway-name';
export const OWNING_GATEWAY_NAMESPACE = 'gateway.envoyproxy.io/owning-gateway-namespace';

/** EnvoyAppLabel(): on every proxy object. */
const ENVOY_APP_LABELS = {
  'app.kubernetes.io/name': 'envoy',
  'app.kubernetes.io/component': 'proxy',
  'app.kubernetes.io/managed-by': 'envoy-gateway',
};

/** The proxy's own ports: stats (19001), shutdown manager (19002), readiness (19003). */
const ENVOY_ADMIN_PORTS = [19001, 19002, 19003];

/**
 * utils.GetHashedName + ExpectedResourceHashedName: the proxy objects' name for a Gateway.
 *
 * @example
 * proxyName('team-a', 'shop'); // "envoy-team-a-shop-" + 8 hex digits
 */
export function proxyName(namespace: string, name: string): string {
  const nsName = `${namespace}/${name}`;
  const hash = bytesToHex(sha256(utf8ToBytes(nsName))).slice(0, 8);
  let resource = nsName.replace(/\//g, '-');
  if (resource.length > 48) resource = resource.slice(0, 48).replace(/-+$/, '');
  return `envoy-${resource}-${hash}`;
}

/**
 * servicePortToContainerPort: privileged listener ports move up by 10000.
 *
 * @example
 * containerPortFor(8080); // 8080
 */
export function containerPortFor(listenerPort: number): number {
  return listenerPort < 1024 ? listenerPort + 10000 : listenerPort;
}

/** The labels of one Gateway's proxy objects (and its pods' selector). */
export function proxyLabels(namespace: string, name: string): Record<string, string> {
  return { ...ENVOY_APP_LABELS, [OWNING_GATEWAY_NAME]: name, [OWNING_GATEWAY_NAMESPACE]: namespace };
}

/** A listener port the proxy serves: "http-80" → 10080 on the pod. */
export interface ProxyPort {
  name: string; // "http-80" (irListenerPortName: protocol-port, lower case)
  port: number; // 80
  containerPort: number; // 10080
}

const probe = (path: string, port: number, failureThreshold: number, periodSeconds: number) => ({
  httpGet: { path, port, scheme: 'HTTP' },
  failureThreshold,
  periodSeconds,
  successThreshold: 1,
  timeoutSeconds: 1,
});

/**
 * The proxy Deployment for a Gateway (one replica, as EnvoyProxy's default).
 *
 * @example
 * proxyDeployment('default', 'eg', [{ name: 'http-80', port: 80, containerPort: 10080 }]).metadata.name;
 * // "envoy-default-eg-e41e7b31"
 */
export function proxyDeployment(namespace: string, name: string, ports: ProxyPort[]): Deployment {
  const labels = proxyLabels(namespace, name);
  const listen = [...new Set([...ports.map((p) => p.containerPort), ...ENVOY_ADMIN_PORTS])].join(',');
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: proxyName(namespace, name), namespace: EG_NAMESPACE, labels: { ...labels } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: {
          labels: { ...labels },
          annotations: {
            'prometheus.io/path': '/stats/prometheus',
            'prometheus.io/port': '19001',
            'prometheus.io/scrape': 'true',
            // Envoy binds its listeners from xDS, not from declared ports: what it really listens on.
            [LISTEN_ANNOTATION]: listen,
          },
        },
        spec: {
          containers: [
            {
              name: 'envoy',
              image: 'docker.io/envoyproxy/envoy:distroless-v1.37.0',
              command: ['envoy'],
              args: ['--service-cluster', `${namespace}/${name}`, '--service-node', '$(ENVOY_POD_NAME)'],
              ports: [
                { containerPort: 19001, name: 'metrics', protocol: 'TCP' },
                { containerPort: 19003, name: 'readiness', protocol: 'TCP' },
              ],
              readinessProbe: probe('/ready', 19003, 1, 5),
              livenessProbe: probe('/ready', 19003, 3, 10),
            },
            {
              name: 'shutdown-manager',
              image: 'docker.io/envoyproxy/gateway:v1.9.0',
              command: ['envoy-gateway'],
              args: ['envoy', 'shutdown-manager'],
              readinessProbe: probe('/healthz', 19002, 3, 10),
              livenessProbe: probe('/healthz', 19002, 3, 10),
            },
          ],
          terminationGracePeriodSeconds: 360,
        },
      },
    },
  } as Deployment;
}

/**
 * The proxy's LoadBalancer Service: one port per listener port.
 *
 * @example
 * proxyService('default', 'eg', ports).spec.externalTrafficPolicy; // "Local"
 */
export function proxyService(namespace: string, name: string, ports: ProxyPort[]): Service {
  const labels = proxyLabels(namespace, name);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: proxyName(namespace, name), namespace: EG_NAMESPACE, labels: { ...labels } },
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'None',
      selector: { ...labels },
      ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: 'TCP', targetPort: p.containerPort })),
    },
  };
}

const CONTROLLER_SELECTOR = {
  'control-plane': 'envoy-gateway',
  'app.kubernetes.io/name': 'gateway-helm',
  'app.kubernetes.io/instance': 'eg',
};
const CONTROLLER_LABELS = { ...CONTROLLER_SELECTOR, 'app.kubernetes.io/managed-by': 'Helm' };

/**
 * The controller as the gateway-helm chart installs it (release `eg`): Namespace, Deployment, Service.
 *
 * @example
 * controllerObjects().map((o) => `${o.kind}/${o.metadata.name}`);
 * // ["Namespace/envoy-gateway-system", "Deployment/envoy-gateway", "Service/envoy-gateway"]
 */
export function controllerObjects(): [Namespace, Deployment, Service] {
  const ns: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: EG_NAMESPACE, labels: { 'kubernetes.io/metadata.name': EG_NAMESPACE } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
  const servicePorts = [
    { name: 'grpc', port: 18000, targetPort: 18000 },
    { name: 'ratelimit', port: 18001, targetPort: 18001 },
    { name: 'wasm', port: 18002, targetPort: 18002 },
    { name: 'metrics', port: 19001, targetPort: 19001 },
  ];
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'envoy-gateway', namespace: EG_NAMESPACE, labels: { ...CONTROLLER_LABELS } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...CONTROLLER_SELECTOR } },
      template: {
        metadata: {
          labels: { ...CONTROLLER_SELECTOR },
          annotations: { [LISTEN_ANNOTATION]: '18000,18001,18002,19001,8081' },
        },
        spec: {
          containers: [
            {
              name: 'envoy-gateway',
              image: 'docker.io/envoyproxy/gateway:v1.9.0',
              args: ['server', '--config-path=/config/envoy-gateway.yaml'],
              ports: servicePorts.map((p) => ({ name: p.name, containerPort: p.port })),
              readinessProbe: { httpGet: { path: '/readyz', port: 8081 }, periodSeconds: 10 },
              livenessProbe: { httpGet: { path: '/healthz', port: 8081 }, periodSeconds: 20 },
            },
          ],
        },
      },
    },
  } as Deployment;
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'envoy-gateway', namespace: EG_NAMESPACE, labels: { ...CONTROLLER_LABELS } },
    spec: { type: 'ClusterIP', selector: { ...CONTROLLER_SELECTOR }, ports: servicePorts },
  };
  return [ns, deployment, service];
}

/**
 * The Gateway a proxy pod serves ("default/eg"), from its owning-gateway labels; undefined for other pods.
 *
 * @example
 * owningGateway(envoyPod); // "default/eg"
 */
export function owningGateway(pod: Pod): string | undefined {
  const l = pod.metadata.labels ?? {};
  if (l['app.kubernetes.io/managed-by'] !== 'envoy-gateway' || l['app.kubernetes.io/component'] !== 'proxy')
    return undefined;
  const name = l[OWNING_GATEWAY_NAME];
  const ns = l[OWNING_GATEWAY_NAMESPACE];
  return name && ns ? `${ns}/${name}` : undefined;
}
