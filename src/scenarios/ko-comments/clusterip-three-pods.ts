/** The Korean comments of ../clusterip-three-pods.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const clusteripThreePods: CommentTable = [
  {
    en: [
      'ClusterIP with three pods',
      '',
      'A Service gives a changing set of pods one stable virtual address. The ClusterIP below is not bound',
      'to any interface and no box forwards packets for it: kube-proxy writes rules on EVERY node, and the',
      'node the client pod runs on rewrites (DNAT) the destination to one of the three pod IPs.',
      '',
      'Try: send "http://web" from pod/client a few times (or count 100) and watch the choice spread over',
      'the pods; then `ping web` — a ClusterIP does not answer ICMP, because only TCP/UDP/SCTP rules exist.',
    ],
    ko: [
      'ClusterIP와 파드 세 개',
      '',
      '서비스는 계속 바뀌는 파드 집합에 변하지 않는 가상 주소 하나를 줍니다.',
      '아래 ClusterIP는 어떤 인터페이스에도 붙어 있지 않고, 이 주소로 패킷을 넘겨 주는',
      '장비도 없습니다. kube-proxy가 "모든" 노드에 규칙을 써 두고, 클라이언트 파드가 있는',
      '노드가 목적지를 파드 IP 세 개 중 하나로 바꿉니다(DNAT).',
      '',
      '해 보기: pod/client에서 "http://web"으로 몇 번(또는 count 100) 보내 보고 요청이',
      '파드들에 나뉘는 것을 보세요. 그다음 `ping web`을 해 보세요. ClusterIP는 ICMP에',
      '응답하지 않습니다. TCP/UDP/SCTP 규칙만 있기 때문입니다.',
    ],
  },
  {
    en: ['The Service selects pods by label, not by name: any pod labelled app=web becomes an endpoint.'],
    ko: [
      '서비스는 이름이 아니라 레이블로 파드를 고릅니다.',
      'app=web 레이블이 붙은 파드는 모두 엔드포인트가 됩니다.',
    ],
  },
  {
    en: ['clients connect to ClusterIP:80 ...'],
    ko: ['클라이언트는 ClusterIP:80으로 접속하고 ...'],
  },
  {
    en: ['... and kube-proxy rewrites it to podIP:8080 (the named container port)'],
    ko: ['... kube-proxy가 podIP:8080(이름 붙은 컨테이너 포트)으로 바꿉니다'],
  },
  {
    en: ['A pod to send requests from (like `kubectl exec client -- curl http://web`).'],
    ko: ['요청을 보낼 파드입니다(`kubectl exec client -- curl http://web`을 하는 자리).'],
  },
];
