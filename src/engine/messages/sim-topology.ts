/**
 * Why kube-proxy left an endpoint out of a decision (the inspector's "left out" list) and how the
 * Service's topology hints (spec.trafficDistribution) shaped the candidates on the deciding node,
 * including upstream's fallbacks when the hints cannot be used.
 */
import { defineMessages } from './define';

const list = (xs: readonly string[]): string => xs.join(', ');

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
