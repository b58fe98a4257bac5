/**
 * Test helpers: ClusterState literals built the way the cluster builder does (origins in apply order,
 * system objects first). Used only by the discovery tests.
 */
import { DEFAULT_CONFIG, emptyCluster, objectKey, type ClusterState } from '../cluster/state';
import type { KubeObject, Pod, Service, EndpointSlice, Node } from '../k8s/objects';

/** A cluster holding these objects in this creation order. */
export function clusterOf(objects: KubeObject[], config = DEFAULT_CONFIG): ClusterState {
  const c = emptyCluster(config);
  objects.forEach((o, order) => {
    const lists: Record<string, KubeObject[]> = {
      Service: c.services,
      Pod: c.pods,
      EndpointSlice: c.endpointSlices,
      Endpoints: c.endpoints,
      Node: c.nodes,
      Namespace: c.namespaces,
      ConfigMap: c.configMaps,
      Secret: c.secrets,
      Deployment: c.deployments,
      ReplicaSet: c.replicaSets,
      Ingress: c.ingresses,
    };
    lists[o.kind]?.push(o);
    // Each object its own kubectl apply, in list order: a later one is missing from earlier pods' env.
    c.origins.set(objectKey(o), { by: 'user', order, apply: order + 1 });
  });
  return c;
}

export function svc(ns: string, name: string, spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

export function pod(ns: string, name: string, ip: string, extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: { containers: [{ name: 'main', image: 'busybox' }], nodeName: 'node-1', ...extra },
    status: {
      phase: 'Running',
      podIP: ip,
      hostIP: '192.168.49.2',
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

export function slice(
  ns: string,
  service: string,
  endpoints: EndpointSlice['endpoints'],
  ports: EndpointSlice['ports'] = [],
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${service}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

export function node(name: string, ip: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { addresses: [{ type: 'InternalIP', address: ip }] },
  };
}
