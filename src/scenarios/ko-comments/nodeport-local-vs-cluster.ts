/** The Korean comments of ../nodeport-local-vs-cluster.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const nodeportLocalVsCluster: CommentTable = [
  {
    en: [
      'NodePort: externalTrafficPolicy Local versus Cluster',
      '',
      'Both Services below select the same two pods, which both run on node-1. Each Service opens its',
      'nodePort on EVERY node. What happens when the request arrives at a node without a pod?',
      '',
      '  - echo-cluster (externalTrafficPolicy: Cluster, the default): node-2 forwards the packet to',
      "    node-1 and masquerades (SNAT) it, so the pod sees node-2's address, not the client's.",
      '  - echo-local (externalTrafficPolicy: Local): node-2 has no local endpoint, so the packet is',
      '    dropped there — no extra hop and the client IP is kept, but only nodes with a pod answer.',
      '',
      'Try: from "external", send http://10.0.0.12:30081 (node-2, Cluster) and http://10.0.0.12:30080',
      '(node-2, Local); then both again at 10.0.0.11 (node-1). Compare sourceSeenByBackend.',
    ],
    ko: [
      'NodePort: externalTrafficPolicy Local과 Cluster 비교',
      '',
      '아래 두 서비스는 같은 파드 두 개를 고르고, 두 파드는 모두 node-1에서 돕니다.',
      '서비스마다 "모든" 노드에 nodePort를 엽니다. 그렇다면 파드가 없는 노드로 요청이',
      '들어오면 어떻게 될까요?',
      '',
      '  - echo-cluster (externalTrafficPolicy: Cluster, 기본값): node-2가 패킷을 node-1로',
      '    넘기면서 마스커레이딩(SNAT)합니다. 그래서 파드에는 클라이언트가 아니라',
      '    node-2의 주소가 보입니다.',
      '  - echo-local (externalTrafficPolicy: Local): node-2에는 로컬 엔드포인트가 없어서',
      '    패킷이 그 자리에서 버려집니다. 홉이 늘지 않고 클라이언트 IP도 남지만, 파드가',
      '    있는 노드만 응답합니다.',
      '',
      '해 보기: "external"에서 http://10.0.0.12:30081(node-2, Cluster)과',
      'http://10.0.0.12:30080(node-2, Local)으로 보내 보고, 10.0.0.11(node-1)로도 둘 다',
      '보내 보세요. sourceSeenByBackend를 비교해 보세요.',
    ],
  },
  {
    en: ['both pods on node-1, so node-2 and node-3 have no local endpoint'],
    ko: ['두 파드 모두 node-1에: node-2, node-3에는 로컬 엔드포인트가 없음'],
  },
  {
    en: ['keep the client IP; only nodes with a ready local pod answer'],
    ko: ['클라이언트 IP 유지. 준비된 로컬 파드가 있는 노드만 응답'],
  },
  {
    en: ['any node answers; the packet may hop to another node, SNATed'],
    ko: ['어느 노드든 응답. SNAT되어 다른 노드로 갈 수 있음'],
  },
];
