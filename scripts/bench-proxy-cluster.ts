/**
 * The cluster scripts/bench-proxy.ts measures: N Services × M endpoints spread over 3 nodes, every tenth a
 * NodePort, every seventh with externalTrafficPolicy Local (so every seventieth is a Local NodePort, whose
 * chains differ per node), one EndpointSlice per Service.
 *
 * @example
 * const c = benchCluster('iptables', 10_000, 10); c.services.length; // 10000
 */
import { DEFAULT_CONFIG, emptyCluster, type ClusterState } from '../src/engine/cluster/state';
import type { EndpointSlice, Node, Service } from '../src/engine/k8s/objects';
import { formatIp } from '../src/engine/net/ip';

export const BENCH_NODES = ['node-1', 'node-2', 'node-3'];

export type BenchMode = 'iptables' | 'ipvs' | 'nftables';

const SERVICE_BASE = ((10 << 24) | (96 << 16)) + 10;
const POD_BASE = (10 << 24) | (244 << 16);

/** The ClusterIP of Service number s. */
export function benchClusterIP(s: number): string {
  return formatIp((SERVICE_BASE + s) >>> 0);
}

export function benchService(s: number): Service {
  const name = `svc-${s}`;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      type: s % 10 === 0 ? 'NodePort' : 'ClusterIP',
      clusterIP: benchClusterIP(s),
      ports: [
        {
          name: 'http',
          port: 80,
          protocol: 'TCP',
          targetPort: 8080,
          ...(s % 10 === 0 ? { nodePort: 30000 + (s % 2767) } : {}),
        },
      ],
      ...(s % 7 === 0 ? { externalTrafficPolicy: 'Local' as const } : {}),
    },
  };
}

/** Service s's slice; `notReady` marks that endpoint index not ready (an endpoint change). */
export function benchSlice(s: number, endpoints: number, notReady = -1): EndpointSlice {
  const name = `svc-${s}`;
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${name}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': name } },
    addressType: 'IPv4',
    endpoints: Array.from({ length: endpoints }, (_, e) => ({
      addresses: [formatIp(POD_BASE + s * endpoints + e)],
      conditions: { ready: e !== notReady },
      nodeName: BENCH_NODES[e % BENCH_NODES.length]!,
      targetRef: { kind: 'Pod', namespace: 'default', name: `${name}-pod-${e}` },
    })),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}

export function benchCluster(mode: BenchMode, services: number, endpoints: number): ClusterState {
  const c = emptyCluster({ ...DEFAULT_CONFIG, proxy: { ...DEFAULT_CONFIG.proxy, mode } });
  c.nodes = BENCH_NODES.map((name, i): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: { addresses: [{ type: 'InternalIP', address: `192.168.49.${i + 2}` }] },
  }));
  for (let s = 0; s < services; s++) {
    c.services.push(benchService(s));
    c.endpointSlices.push(benchSlice(s, endpoints));
  }
  return c;
}
