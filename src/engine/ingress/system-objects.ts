/**
 * The ingress-nginx controller as the simulated cluster installs it: the objects of ingress-nginx's
 * cloud manifest (kubernetes/ingress-nginx `deploy/static/provider/cloud/deploy.yaml`) that take part in
 * the data path — the Namespace, the controller Deployment, its LoadBalancer Service, its ConfigMap and
 * the IngressClass `nginx`. RBAC, the admission webhook and its Jobs are left out: nothing svclab
 * simulates reads them.
 *
 * Installed only when the user's YAML holds an Ingress or IngressClass, so small scenes stay small, and
 * never over an object the user wrote themselves (a user's controller Service replaces ours).
 */
import { clusterFamilies } from '../cluster/families';
import { LISTEN_ANNOTATION } from '../cluster/listen';
import type { ClusterConfig, ClusterState } from '../cluster/state';
import type {
  ConfigMap,
  Deployment,
  IngressClass,
  KubeObject,
  Namespace,
  Pod,
  Service,
} from '../k8s/objects';

export const CONTROLLER_NAMESPACE = 'ingress-nginx';
export const CONTROLLER_NAME = 'ingress-nginx-controller';
/** The value of IngressClass.spec.controller ingress-nginx claims (`--controller-class`). */
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** The IngressClass name ingress-nginx is started with (`--ingress-class=nginx`). */
export const CONTROLLER_INGRESS_CLASS = 'nginx';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** The labels the upstream manifest puts on the controller pods and selects them by. */
export const CONTROLLER_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

const META_LABELS = { ...CONTROLLER_LABELS, 'app.kubernetes.io/part-of': 'ingress-nginx' };

function namespace(): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: CONTROLLER_NAMESPACE,
      labels: {
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
        'kubernetes.io/metadata.name': CONTROLLER_NAMESPACE,
      },
    },
  };
}

function deployment(): Deployment {
  const probe = (failureThreshold: number) => ({
    httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    failureThreshold,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: CONTROLLER_NAME, namespace: CONTROLLER_NAMESPACE, labels: { ...META_LABELS } },
    spec: {
      // The cloud manifest sets no replicas, so the Deployment default of 1 applies.
      replicas: 1,
      selector: { matchLabels: { ...CONTROLLER_LABELS } },
      template: {
        metadata: {
          labels: { ...CONTROLLER_LABELS },
          // What the controller binds: nginx on 80/443, the admission webhook on 8443, and /healthz +
          // /metrics on 10254, which the manifest probes without declaring it as a containerPort.
          annotations: { [LISTEN_ANNOTATION]: '80,443,8443,10254' },
        },
        spec: {
          containers: [
            {
              name: 'controller',
              image: 'registry.k8s.io/ingress-nginx/controller',
              args: [
                '/nginx-ingress-controller',
                '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--election-id=ingress-nginx-leader',
                `--controller-class=${CONTROLLER_CLASS}`,
                `--ingress-class=${CONTROLLER_INGRESS_CLASS}`,
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--validating-webhook=:8443',
              ],
              ports: [
                { name: 'http', containerPort: 80, protocol: 'TCP' },
                { name: 'https', containerPort: 443, protocol: 'TCP' },
                { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
              ],
              readinessProbe: probe(3),
              livenessProbe: probe(5),
            },
          ],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  };
}

function service(config: ClusterConfig): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: CONTROLLER_NAME, namespace: CONTROLLER_NAMESPACE, labels: { ...META_LABELS } },
    spec: {
      type: 'LoadBalancer',
      // Upstream's cloud manifest sets `externalTrafficPolicy: Local` (deploy/static/provider/cloud/
      // deploy.yaml, Service ingress-nginx-controller), so the cloud LB only sends to nodes that run a
      // controller pod and the controller sees the real client address, not a node's SNAT address.
      externalTrafficPolicy: 'Local',
      // Upstream's [IPv4]; an IPv6-only cluster's operator changes it to its own family.
      ipFamilies: [clusterFamilies(config).includes('IPv4') ? 'IPv4' : 'IPv6'],
      ipFamilyPolicy: 'SingleStack',
      selector: { ...CONTROLLER_LABELS },
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
        { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
      ],
    },
  };
}

function configMap(): ConfigMap {
  // Empty: every ingress-nginx setting keeps its default (ssl-redirect "true", load-balance "round_robin").
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CONTROLLER_NAME, namespace: CONTROLLER_NAMESPACE, labels: { ...META_LABELS } },
    data: {},
  };
}

function ingressClass(): IngressClass {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: {
      name: CONTROLLER_INGRESS_CLASS,
      labels: { ...META_LABELS },
      // Not in the static manifest (the Helm chart's controller.ingressClassResource.default sets it);
      // svclab marks it default so Ingresses without a class are served, as the lessons expect.
      annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' },
    },
    spec: { controller: CONTROLLER_CLASS },
  };
}

function selectsController(selector: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => CONTROLLER_LABELS[k] === v);
}

/**
 * Whether a user-written Service fronts the controller pods: the well-known name, or a selector that
 * picks the controller's labels.
 */
function isControllerServiceObject(o: KubeObject): boolean {
  if (o.kind !== 'Service') return false;
  if (o.metadata.namespace === CONTROLLER_NAMESPACE && o.metadata.name === CONTROLLER_NAME) return true;
  return selectsController((o as Service).spec?.selector);
}

/**
 * The system objects for the ingress controller, given the cluster settings and the user's objects.
 * Empty when the user has no Ingress or IngressClass.
 *
 * @example
 * ingressSystemObjects(DEFAULT_CONFIG, [myIngress]).map((o) => `${o.kind}/${o.metadata.name}`);
 * // ['Namespace/ingress-nginx', 'ConfigMap/ingress-nginx-controller', 'Deployment/ingress-nginx-controller',
 * //  'Service/ingress-nginx-controller', 'IngressClass/nginx']
 */
export function ingressSystemObjects(config: ClusterConfig, user: KubeObject[]): KubeObject[] {
  if (!user.some((o) => o.kind === 'Ingress' || o.kind === 'IngressClass')) return [];
  const has = (kind: string, name: string, ns?: string) =>
    user.some(
      (o) => o.kind === kind && o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns),
    );
  const out: KubeObject[] = [];
  if (!has('Namespace', CONTROLLER_NAMESPACE)) out.push(namespace());
  if (!has('ConfigMap', CONTROLLER_NAME, CONTROLLER_NAMESPACE)) out.push(configMap());
  if (!has('Deployment', CONTROLLER_NAME, CONTROLLER_NAMESPACE)) out.push(deployment());
  if (!user.some(isControllerServiceObject)) out.push(service(config));
  const userClaimsClass = user.some(
    (o) =>
      o.kind === 'IngressClass' &&
      (o.metadata.name === CONTROLLER_INGRESS_CLASS ||
        (o as IngressClass).spec?.controller === CONTROLLER_CLASS),
  );
  if (!userClaimsClass) out.push(ingressClass());
  return out;
}

/**
 * Whether a pod is an ingress-nginx controller pod (it carries the controller's labels).
 *
 * @example
 * isIngressControllerPod(cluster.pods.find((p) => p.metadata.namespace === 'ingress-nginx')!); // true
 */
export function isIngressControllerPod(pod: Pod): boolean {
  const labels = pod.metadata.labels ?? {};
  return (
    labels['app.kubernetes.io/name'] === CONTROLLER_LABELS['app.kubernetes.io/name'] &&
    labels['app.kubernetes.io/component'] === CONTROLLER_LABELS['app.kubernetes.io/component']
  );
}

/**
 * The Service in front of the controller: `ingress-nginx/ingress-nginx-controller` when it exists
 * (ours or the user's), else a user Service that selects the controller pods; undefined when none.
 *
 * @example
 * controllerService(cluster)?.status?.loadBalancer?.ingress?.[0]?.ip; // "198.51.100.1"
 */
export function controllerService(cluster: ClusterState): Service | undefined {
  return (
    cluster.services.find(
      (s) => s.metadata.namespace === CONTROLLER_NAMESPACE && s.metadata.name === CONTROLLER_NAME,
    ) ?? cluster.services.find((s) => selectsController(s.spec?.selector))
  );
}
