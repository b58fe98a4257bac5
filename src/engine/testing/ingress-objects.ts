/**
 * ClusterState literals for the ingress tests: what the builder would produce (allocated IPs, ready
 * EndpointSlices), written out by hand so these tests do not depend on the builder.
 */
import { DEFAULT_CONFIG, emptyCluster, objectKey, type ClusterState } from '../cluster/state';
import type {
  EndpointSlice,
  Ingress,
  IngressClass,
  KubeObject,
  Pod,
  Secret,
  Service,
  ServicePort,
} from '../k8s/objects';
import { ingressSystemObjects } from '../ingress/system-objects';
import { SHOP_CRT, SHOP_KEY } from '../gateway/test-certificates.test-helper';

export interface Backend {
  name: string;
  ns?: string;
  ports?: ServicePort[];
  /** Pod IPs behind it; "!" prefix marks an endpoint that is not ready. */
  pods?: string[];
  /** EndpointSlice port (name, number); defaults to the Service ports' targetPorts. */
  slicePorts?: { name?: string; port: number }[];
}

let order = 0;

function track<T extends KubeObject>(c: ClusterState, o: T, by: 'user' | 'system' = 'user'): T {
  c.origins.set(objectKey(o), { by, order: order++ });
  return o;
}

export function service(c: ClusterState, b: Backend): Service {
  const ns = b.ns ?? 'default';
  const ports = b.ports ?? [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }];
  const svc = track(c, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: b.name, namespace: ns },
    spec: {
      type: 'ClusterIP',
      clusterIP: `10.96.0.${10 + c.services.length}`,
      selector: { app: b.name },
      ports,
    },
  } as Service);
  c.services.push(svc);
  const slicePorts =
    b.slicePorts ??
    ports.map((p) => ({ name: p.name, port: typeof p.targetPort === 'number' ? p.targetPort : p.port }));
  const pods = b.pods ?? [];
  pods.forEach((raw, i) => {
    const ip = raw.replace('!', '');
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${b.name}-${i}`, namespace: ns, labels: { app: b.name } },
      spec: { containers: [{ name: 'app' }], nodeName: 'node-1' },
      status: { phase: 'Running', podIP: ip },
    };
    c.pods.push(track(c, pod));
  });
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${b.name}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': b.name } },
    addressType: 'IPv4',
    endpoints: pods.map((raw, i) => ({
      addresses: [raw.replace('!', '')],
      conditions: { ready: !raw.startsWith('!'), serving: !raw.startsWith('!'), terminating: false },
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', namespace: ns, name: `${b.name}-${i}` },
    })),
    ports: slicePorts.map((p) => ({ ...p, protocol: 'TCP' as const })),
  };
  c.endpointSlices.push(track(c, slice));
  return svc;
}

export function tlsSecret(c: ClusterState, name: string, type = 'kubernetes.io/tls', ns = 'default'): Secret {
  const s: Secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: ns },
    type,
    // A self-signed certificate for shop.example.com and its key (test material, no one's secret).
    stringData: { 'tls.crt': SHOP_CRT, 'tls.key': SHOP_KEY },
  };
  c.secrets.push(track(c, s));
  return s;
}

export function ingress(
  c: ClusterState,
  name: string,
  spec: Ingress['spec'],
  annotations?: Record<string, string>,
): Ingress {
  const ing: Ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec,
  };
  c.ingresses.push(track(c, ing));
  return ing;
}

/** A cluster with the ingress-nginx system objects, a Running controller pod and an LB address. */
export function clusterWithController(): ClusterState {
  const c = emptyCluster(DEFAULT_CONFIG);
  const sys = ingressSystemObjects(DEFAULT_CONFIG, [
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: {} },
  ]);
  for (const o of sys) {
    track(c, o, 'system');
    if (o.kind === 'Service') {
      const svc = o as Service;
      svc.spec.clusterIP = '10.96.100.1';
      svc.status = { loadBalancer: { ingress: [{ ip: '198.51.100.1', ipMode: 'VIP' }] } };
      c.services.push(svc);
    }
    if (o.kind === 'IngressClass') c.ingressClasses.push(o as IngressClass);
  }
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'ingress-nginx-controller-5c8d66c76d-x7k2p',
      namespace: 'ingress-nginx',
      labels: {
        'app.kubernetes.io/name': 'ingress-nginx',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/component': 'controller',
      },
    },
    spec: { containers: [{ name: 'controller' }], nodeName: 'node-1' },
    status: { phase: 'Running', podIP: '10.244.1.2' },
  };
  c.pods.push(track(c, pod, 'system'));
  return c;
}
