/** The Korean comments of ../session-affinity.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const sessionAffinity: CommentTable = [
  {
    en: [
      'Session affinity: ClientIP',
      '',
      'With sessionAffinity: ClientIP, kube-proxy remembers which pod each client IP was sent to (iptables',
      "`-m recent`, or an IPVS persistent virtual server) and sends that client's new connections to the",
      'same pod until timeoutSeconds pass without traffic. It is keyed by the source IP only: a Service',
      'works at L4 and cannot read cookies. Cookie-based stickiness needs an Ingress controller.',
      '',
      'Try: send http://sticky from pod/client with count 20 — all to one pod. Then http://plain with',
      'count 20 — spread over the pods. Requests from another client pod get their own (sticky) choice.',
    ],
    ko: [
      '세션 어피니티: ClientIP',
      '',
      'sessionAffinity: ClientIP이면 kube-proxy가 클라이언트 IP마다 어느 파드로',
      '보냈는지 기억해 두고(iptables `-m recent`, 또는 IPVS의 persistent 가상 서버),',
      '트래픽 없이 timeoutSeconds가 지날 때까지 그 클라이언트의 새 연결을 같은 파드로',
      '보냅니다. 기준은 출발지 IP 하나뿐입니다. 서비스는 L4에서 동작해서 쿠키를 읽을 수',
      '없습니다. 쿠키로 고정하려면 인그레스 컨트롤러가 필요합니다.',
      '',
      '해 보기: pod/client에서 http://sticky로 count 20을 보내면 모두 한 파드로 갑니다.',
      '이어서 http://plain으로 count 20을 보내면 여러 파드로 흩어집니다. 다른 클라이언트',
      '파드에서 보낸 요청은 그 파드 나름의 (고정된) 선택을 받습니다.',
    ],
  },
  {
    en: ['default 10800 (3 hours); must be > 0 and <= 86400'],
    ko: ['기본값 10800(3시간). 0보다 크고 86400 이하여야 함'],
  },
  {
    en: ['sessionAffinity: None is the default'],
    ko: ['기본값은 sessionAffinity: None입니다'],
  },
];
