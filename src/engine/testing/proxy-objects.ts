/**
 * ClusterState literals for the proxy tests, shaped like kube-proxy's own test helpers (makeTestService,
 * makeTestEndpointSlice; node "test-node" with IP 192.168.0.2, cluster CIDR 10.0.0.0/8).
 *
 * @example
 * const c = cluster([svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80 }] })],
 *   [slice('ns1', 'svc1', [{ ip: '10.180.0.1' }], [{ name: 'p80', port: 80 }])]);
 */
import { DEFAULT_CONFIG, emptyCluster, type ClusterConfig, type ClusterState } from '../cluster/state';
import type {
  EndpointConditions,
  EndpointPort,
  EndpointSlice,
  Node,
  Service,
  ServiceSpec,
} from '../k8s/objects';

export const TEST_NODE = 'test-node';
export const TEST_NODE_IP = '192.168.0.2';

export function svc(ns: string, name: string, spec: ServiceSpec, lbIPs: string[] = []): Service {
  const s: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
  if (lbIPs.length > 0) s.status = { loadBalancer: { ingress: lbIPs.map((ip) => ({ ip })) } };
  return s;
}

export interface EpSpec {
  ip: string;
  node?: string;
  zone?: string;
  pod?: string;
  conditions?: EndpointConditions;
  zoneHints?: string[];
}

export function slice(
  ns: string,
  svcName: string,
  eps: EpSpec[],
  ports: EndpointPort[],
  n = 1,
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svcName}-${n}`, namespace: ns, labels: { 'kubernetes.io/service-name': svcName } },
    addressType: 'IPv4',
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      ...(e.conditions ? { conditions: e.conditions } : {}),
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.zone ? { zone: e.zone } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace: ns, name: e.pod } } : {}),
      ...(e.zoneHints ? { hints: { forZones: e.zoneHints.map((z) => ({ name: z })) } } : {}),
    })),
    ports: ports.map((p) => ({ protocol: 'TCP', ...p })),
  };
}

export function node(name: string, ip: string, zone?: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, ...(zone ? { labels: { 'topology.kubernetes.io/zone': zone } } : {}) },
    status: { addresses: [{ type: 'InternalIP', address: ip }] },
  };
}

export function cluster(
  services: Service[],
  slices: EndpointSlice[],
  proxy: Partial<ClusterConfig['proxy']> = {},
  nodes: Node[] = [node(TEST_NODE, TEST_NODE_IP)],
): ClusterState {
  const config: ClusterConfig = {
    ...DEFAULT_CONFIG,
    proxy: { ...DEFAULT_CONFIG.proxy, clusterCIDR: '10.0.0.0/8', ...proxy },
  };
  const c = emptyCluster(config);
  c.services = services;
  c.endpointSlices = slices;
  c.nodes = nodes;
  return c;
}

const P80 = [{ name: 'p80', port: 80 }];
const tcp80 = (nodePort?: number) => [
  { name: 'p80', port: 80, protocol: 'TCP' as const, ...(nodePort ? { nodePort } : {}) },
];

/** The six Services and five slices of kube-proxy's TestOverallIPTablesRules. */
export function overallCluster(proxy: Partial<ClusterConfig['proxy']> = {}): ClusterState {
  return cluster(
    [
      svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: tcp80() }),
      svc(
        'ns2',
        'svc2',
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Local',
          clusterIP: '172.30.0.42',
          ports: tcp80(3001),
          externalIPs: ['192.168.99.22'],
          healthCheckNodePort: 30000,
        },
        ['1.2.3.4'],
      ),
      svc('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: tcp80(3003) }),
      svc('ns4', 'svc4', {
        type: 'NodePort',
        clusterIP: '172.30.0.44',
        externalIPs: ['192.168.99.33'],
        ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }],
      }),
      svc(
        'ns5',
        'svc5',
        {
          type: 'LoadBalancer',
          externalTrafficPolicy: 'Cluster',
          clusterIP: '172.30.0.45',
          ports: tcp80(3002),
          healthCheckNodePort: 30000,
          loadBalancerSourceRanges: [' 203.0.113.0/25'],
          sessionAffinity: 'ClientIP',
          sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        },
        ['5.6.7.8'],
      ),
      svc('ns6', 'svc6', { type: 'ClusterIP', clusterIP: '172.30.0.46', ports: tcp80() }),
    ],
    [
      slice('ns1', 'svc1', [{ ip: '10.180.0.1' }], P80),
      slice('ns2', 'svc2', [{ ip: '10.180.0.2' }], P80),
      slice('ns3', 'svc3', [{ ip: '10.180.0.3' }], P80),
      slice('ns4', 'svc4', [{ ip: '10.180.0.4' }, { ip: '10.180.0.5', node: TEST_NODE }], P80),
      slice('ns5', 'svc5', [{ ip: '10.180.0.3' }], P80),
    ],
    proxy,
  );
}
