/** The Korean comments of ../ipvs-scheduler-myth.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const ipvsSchedulerMyth: CommentTable = [
  {
    en: [
      'The ipvs-scheduler annotation that does not exist',
      '',
      'Study notes often show a Service annotation `service.beta.kubernetes.io/ipvs-scheduler: "lc"` as the',
      'way to pick an IPVS algorithm per Service. No Kubernetes component reads it: the API server accepts',
      "any well-formed annotation, and kube-proxy's IPVS proxier uses ONE scheduler for every virtual",
      'server, from its own configuration (`ipvs.scheduler`, flag --ipvs-scheduler; default rr).',
      'Per-Service schedulers were proposed upstream (kubernetes/kubernetes PR #75556) and rejected.',
      '',
      'This scene runs kube-proxy in IPVS mode with the default scheduler. The annotation below says "lc";',
      "the virtual servers are still rr. The editor's second warning is expected too: IPVS mode is deprecated",
      'since Kubernetes 1.35 (kube-proxy says so at startup; nftables mode is its successor), and this scene',
      'uses it on purpose.',
      '',
      'Try: `node node-1 -- ipvsadm -Ln` (look for "rr" on the web ClusterIP), and send http://web from',
      'pod/client with count 12: round robin, in turn. Then change `scheduler: ""` below to "sh" and see',
      'every Service change at once.',
    ],
    ko: [
      '있지도 않은 ipvs-scheduler 어노테이션',
      '',
      '공부 노트에는 서비스마다 IPVS 알고리즘을 고르는 방법으로 서비스 어노테이션',
      '`service.beta.kubernetes.io/ipvs-scheduler: "lc"`가 자주 나옵니다. 하지만 이',
      '값을 읽는 쿠버네티스 구성 요소는 없습니다. API 서버는 형식만 맞으면 어떤',
      '어노테이션이든 받아 주고, kube-proxy의 IPVS 프록시어는 자기 설정',
      '(`ipvs.scheduler`, 플래그 --ipvs-scheduler, 기본값 rr)에 있는 스케줄러 "하나"를',
      '모든 가상 서버에 씁니다. 서비스별 스케줄러는 업스트림에서 제안된 적이 있지만',
      '(kubernetes/kubernetes PR #75556) 받아들여지지 않았습니다.',
      '',
      '이 장면은 kube-proxy를 IPVS 모드, 기본 스케줄러로 돌립니다. 아래 어노테이션은',
      '"lc"라고 하지만 가상 서버는 여전히 rr입니다. 편집기의 두 번째 경고도 예상된',
      '것입니다. IPVS 모드는 쿠버네티스 1.35부터 사용 중단되었고(kube-proxy가 시작할 때',
      '알려 줍니다. 후속은 nftables 모드입니다), 이 장면은 일부러 IPVS 모드를 씁니다.',
      '',
      '해 보기: `node node-1 -- ipvsadm -Ln`에서 web의 ClusterIP에 "rr"이 있는지 보고,',
      'pod/client에서 http://web으로 count 12를 보내 보세요. 라운드 로빈으로 차례차례',
      '나뉩니다. 그다음 아래 `scheduler: ""`를 "sh"로 바꾸면 모든 서비스가 한꺼번에',
      '바뀝니다.',
    ],
  },
  {
    en: ['blank means the default algorithm (currently rr)'],
    ko: ['비워 두면 기본 알고리즘(현재 rr)'],
  },
  {
    en: ['has NO effect: nothing in Kubernetes reads it'],
    ko: ['효과 없음: 쿠버네티스에서 읽는 곳이 없음'],
  },
];
