/**
 * Why kube-proxy left an endpoint out of a decision (the inspector's "left out" list) and how the
 * Service's topology hints (spec.trafficDistribution) shaped the candidates on the deciding node,
 * including upstream's fallbacks when the hints cannot be used.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa } from './josa';

const list = (xs: readonly string[]): string => xs.join(', ');

type Via = 'NodePort' | 'LoadBalancer' | 'externalIP';
const viaEn: Record<Via, string> = {
  NodePort: 'the NodePort',
  LoadBalancer: 'the load balancer address',
  externalIP: 'an external IP',
};
const viaKo: Record<Via, string> = {
  NodePort: '노드포트(NodePort)',
  LoadBalancer: '로드밸런서 주소',
  externalIP: 'externalIP',
};
const then = (m: Msg | null, r: RenderNested): string => (m ? ` ${r(m)}` : '');

export const simTopology = defineMessages({
  'sim.leftOut.notReady': {
    en: (_p: object) =>
      'not ready (conditions.ready is false and it is not a serving, terminating endpoint): kube-proxy never sends new connections to it',
    ko: () =>
      '준비되지 않은 엔드포인트입니다(conditions.ready가 false이고, 종료 중이면서 serving인 엔드포인트도 아닙니다). kube-proxy는 새 연결을 보내지 않습니다',
    example: {},
  },
  'sim.leftOut.terminating': {
    en: (_p: object) =>
      'terminating (serving, but its pod is being deleted): kube-proxy uses terminating endpoints only when no endpoint is ready',
    ko: () =>
      '종료 중인 엔드포인트입니다(파드가 삭제되는 중이지만 아직 serving). kube-proxy는 준비된 엔드포인트가 하나도 없을 때만 종료 중인 엔드포인트를 씁니다',
    example: {},
  },
  'sim.leftOut.otherZone': {
    en: (p: { hinted: string[]; zone: string }) =>
      `hinted for zone ${list(p.hinted)}, not for ${p.zone} (this node's zone): kube-proxy uses only the endpoints hinted for its own zone`,
    ko: (p) =>
      `힌트가 가리키는 존은 ${list(p.hinted)}이고, 이 노드의 존(${p.zone})과 다릅니다. kube-proxy는 자기 존을 가리키는 힌트의 엔드포인트만 씁니다`,
    example: { hinted: ['zone-b'], zone: 'zone-a' },
  },
  'sim.leftOut.otherNode': {
    en: (p: { hinted: string[]; node: string }) =>
      `hinted for node ${list(p.hinted)}, not for ${p.node}: with node hints (trafficDistribution: PreferSameNode), kube-proxy uses only the endpoints hinted for its own node`,
    ko: (p) =>
      `힌트가 가리키는 노드는 ${list(p.hinted)}이고, 이 노드(${p.node})와 다릅니다. 노드 힌트가 있으면(trafficDistribution: PreferSameNode) kube-proxy는 자기 노드를 가리키는 힌트의 엔드포인트만 씁니다`,
    example: { hinted: ['node-2'], node: 'node-1' },
  },
  'sim.leftOut.notLocal': {
    en: (p: { endpointNode: string | null; node: string }) =>
      `${p.endpointNode ? `runs on ${p.endpointNode}` : 'has no nodeName'}, not on ${p.node}: with a Local traffic policy for this traffic, kube-proxy uses only endpoints on its own node`,
    ko: (p) =>
      `${p.endpointNode ? `${p.endpointNode} 노드에서 실행 중이라 ${p.node} 노드에는 없습니다` : `nodeName이 없어 ${p.node} 노드의 엔드포인트로 치지 않습니다`}. 이 트래픽에 적용되는 트래픽 정책이 Local이므로 kube-proxy는 자기 노드에 있는 엔드포인트만 씁니다`,
    example: { endpointNode: 'node-2', node: 'node-1' },
  },
  'sim.topology.sameZone': {
    en: (p: { zone: string }) =>
      `Topology hints: every ready endpoint is hinted, and some for ${p.zone}, this node's zone, so kube-proxy uses only those.`,
    ko: (p) =>
      `토폴로지 힌트: 준비된 엔드포인트마다 힌트가 있고, 그중 일부가 이 노드의 존(${p.zone})을 가리키므로 kube-proxy는 그 엔드포인트만 씁니다.`,
    example: { zone: 'zone-a' },
  },
  /** internalTrafficPolicy Local, a packet to a NodePort, LB address or external IP: the external policy decides. */
  'sim.policy.internalNotExternal': {
    en: (
      p: { node: string; via: Via; address: string; external: 'Cluster' | 'Local'; then: Msg | null },
      r: RenderNested,
    ) =>
      `internalTrafficPolicy Local does not apply here: it covers only traffic from inside the cluster to the ClusterIP. This packet came to ${viaEn[p.via]} (${p.address}), so kube-proxy on ${p.node} uses the endpoints externalTrafficPolicy ${p.external} gives: ${p.external === 'Cluster' ? 'the ready endpoints on every node' : "only this node's ready endpoints"}.${then(p.then, r)}`,
    ko: (p, r) =>
      `internalTrafficPolicy Local은 여기에 적용되지 않습니다. 이 정책은 클러스터 안에서 ClusterIP로 가는 트래픽에만 적용됩니다. 이 패킷은 ${viaKo[p.via]}(${p.address})로 들어왔으므로 ${p.node} 노드의 kube-proxy는 externalTrafficPolicy ${josa(p.external, '이/가')} 정하는 엔드포인트를 씁니다. ${p.external === 'Cluster' ? '모든 노드의 준비된 엔드포인트입니다.' : '이 노드의 준비된 엔드포인트만입니다.'}${then(p.then, r)}`,
    example: {
      node: 'node-1',
      via: 'NodePort',
      address: '192.168.49.2:30082',
      external: 'Cluster',
      then: null,
    },
  },
  /** IPVS mode: internalTrafficPolicy Local, no local endpoint, an externally reachable Service (kubernetes#97081). */
  'sim.policy.ipvsFallback': {
    en: (p: { node: string; then: Msg | null }, r: RenderNested) =>
      `internalTrafficPolicy Local set aside: ${p.node} has no ready endpoint of this Service, and the Service is also reachable from outside the cluster (a NodePort, a load balancer or an external IP), so IPVS's syncEndpoint falls back to the Cluster set (kubernetes#97081): the virtual server gets the ready endpoints on every node. iptables and nftables modes drop this packet instead.${then(p.then, r)}`,
    ko: (p, r) =>
      `internalTrafficPolicy Local이 적용되지 않았습니다. ${p.node} 노드에는 이 서비스의 준비된 엔드포인트가 없고, 이 서비스는 클러스터 밖에서도 접근할 수 있으므로(노드포트, 로드밸런서, 외부 IP) IPVS의 syncEndpoint가 Cluster 집합으로 돌아갑니다(kubernetes#97081). 그래서 가상 서버에 모든 노드의 준비된 엔드포인트가 들어갑니다. iptables와 nftables 모드에서는 이 패킷이 버려집니다.${then(p.then, r)}`,
    example: { node: 'node-1', then: null },
  },
  'sim.topology.sameNode': {
    en: (p: { node: string }) =>
      `Topology hints (PreferSameNode): every ready endpoint has a node hint, and some name ${p.node}, so kube-proxy uses only those.`,
    ko: (p) =>
      `토폴로지 힌트(PreferSameNode): 준비된 엔드포인트마다 노드 힌트가 있고, 그중 일부가 ${p.node} 노드를 가리키므로 kube-proxy는 그 엔드포인트만 씁니다.`,
    example: { node: 'node-1' },
  },
  'sim.topology.noneForZone': {
    en: (p: { zone: string }) =>
      `Topology hints ignored: no ready endpoint is hinted for ${p.zone}, this node's zone (no ready pod there), so kube-proxy falls back to every ready endpoint in the cluster.`,
    ko: (p) =>
      `토폴로지 힌트를 쓰지 않았습니다: 이 노드의 존(${p.zone})을 가리키는 준비된 엔드포인트가 없어서(그 존에 준비된 파드가 없음) kube-proxy는 클러스터의 준비된 엔드포인트 전체로 돌아갑니다.`,
    example: { zone: 'zone-c' },
  },
  'sim.topology.nodeHasNoZone': {
    en: (_p: object) =>
      'Topology hints ignored: this node has no topology.kubernetes.io/zone label, so kube-proxy cannot match zone hints and uses every ready endpoint.',
    ko: () =>
      '토폴로지 힌트를 쓰지 않았습니다: 이 노드에 topology.kubernetes.io/zone 레이블이 없어서 kube-proxy가 존 힌트를 맞춰 볼 수 없고, 준비된 엔드포인트 전체를 씁니다.',
    example: {},
  },
  'sim.topology.missingHint': {
    en: (p: { endpoint: string }) =>
      `Topology hints ignored: the ready endpoint ${p.endpoint} has no zone hint (its node has no zone label), and kube-proxy uses hints only when every ready endpoint has one, so it uses every ready endpoint.`,
    ko: (p) =>
      `토폴로지 힌트를 쓰지 않았습니다: 준비된 엔드포인트 ${p.endpoint}에 존 힌트가 없습니다(그 노드에 존 레이블이 없음). kube-proxy는 준비된 엔드포인트 모두에 힌트가 있을 때만 힌트를 쓰므로 준비된 엔드포인트 전체를 씁니다.`,
    example: { endpoint: '10.244.2.5:8080' },
  },
});
