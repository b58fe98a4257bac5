/** The Korean comments of ../loadbalancer.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const loadbalancer: CommentTable = [
  {
    en: [
      'LoadBalancer: a NodePort Service with a cloud load balancer in front',
      '',
      'A Service of type LoadBalancer is a NodePort Service plus an external address from the cloud: the',
      'API server allocates a nodePort as usual, and the (simulated) cloud load balancer spreads incoming',
      "connections over the nodes' nodePort. kube-proxy on each node also captures the load balancer IP",
      'itself, so packets addressed to it never leave the node.',
      '',
      'Inside the cluster, `nslookup web` still answers the ClusterIP, not the load balancer IP.',
      '',
      'Try: from "external", send http://<EXTERNAL-IP>/ (see `get svc web`) with HTTP/1.0 and count 20:',
      'each request is a new TCP connection and may land on a different pod. Then use keep-alive or',
      'HTTP/2: one connection, so every request goes to the same pod — with sessionAffinity: None.',
      'That is why a browser "always hits the same pod".',
    ],
    ko: [
      'LoadBalancer: 클라우드 로드밸런서를 앞에 둔 노드포트 서비스',
      '',
      'type: LoadBalancer 서비스는 노드포트 서비스에 클라우드가 준 외부 주소를 더한',
      '것입니다. API 서버는 평소처럼 nodePort를 할당하고, (시뮬레이션된) 클라우드',
      '로드밸런서가 들어오는 연결을 각 노드의 nodePort로 나눕니다. 각 노드의',
      'kube-proxy는 로드밸런서 IP 자체도 가로채므로, 그 IP로 가는 패킷은 노드 밖으로',
      '나가지 않습니다.',
      '',
      '클러스터 안에서 `nslookup web`은 여전히 로드밸런서 IP가 아니라 ClusterIP를',
      '돌려줍니다.',
      '',
      '해 보기: "external"에서 http://<EXTERNAL-IP>/(`get svc web`으로 확인)로',
      'HTTP/1.0, count 20으로 보내 보세요. 요청마다 새 TCP 연결이라 매번 다른 파드로',
      '갈 수 있습니다. 이번엔 keep-alive나 HTTP/2로 보내 보세요. 연결이 하나뿐이라',
      'sessionAffinity: None인데도 모든 요청이 같은 파드로 갑니다.',
      '브라우저가 "항상 같은 파드로 가는" 이유가 이것입니다.',
    ],
  },
  {
    en: ['the load balancer listens on 80 (any port, unlike a nodePort) ...'],
    ko: ['로드밸런서는 80에서 받고(nodePort와 달리 아무 포트나 됨) ...'],
  },
  {
    en: ['... and forwards to a nodePort in 30000-32767, allocated because type is LoadBalancer'],
    ko: ['... 30000-32767 범위의 nodePort로 넘깁니다. type이 LoadBalancer라서', '할당된 포트입니다'],
  },
];
