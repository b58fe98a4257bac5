/** The Korean comments of ../ingress.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const ingress: CommentTable = [
  {
    en: [
      'Ingress: two hosts, paths and TLS behind one address',
      '',
      'An Ingress is not a Service type; it is a set of HTTP routing rules that an ingress controller',
      '(here the simulated ingress-nginx) reads. The controller picks the backend by Host header and path,',
      "then looks up that Service's endpoints and proxies straight to a pod IP — the Service's ClusterIP is",
      "only used to find the pods. The pod therefore sees the controller's pod IP as the source; the client",
      'address travels in X-Forwarded-For.',
      '',
      'Rules (pathType decides how a path matches):',
      '  shop.example.com /      (Prefix) → shop-frontend',
      '  shop.example.com /api   (Prefix) → shop-api      (/api and /api/orders, but not /apis)',
      '  blog.example.com /      (Prefix) → blog',
      '  https://shop.example.com terminates TLS at the controller with the shop-tls Secret.',
      '',
      'Try: from "external", send https://shop.example.com/api/orders, http://blog.example.com/ and',
      'http://shop.example.com/apis (which falls back to the / rule).',
    ],
    ko: [
      '인그레스: 주소 하나 뒤의 호스트 둘, 경로, TLS',
      '',
      '인그레스는 서비스 타입이 아닙니다. 인그레스 컨트롤러(여기서는 시뮬레이션된',
      'ingress-nginx)가 읽는 HTTP 라우팅 규칙의 모음입니다. 컨트롤러는 Host 헤더와 경로로',
      '백엔드를 고른 뒤, 그 서비스의 엔드포인트를 찾아 파드 IP로 바로 프록시합니다.',
      '서비스의 ClusterIP는 파드를 찾는 데만 쓰입니다. 그래서 파드에는 컨트롤러 파드의',
      'IP가 출발지로 보이고, 클라이언트 주소는 X-Forwarded-For 헤더에 담겨 갑니다.',
      '',
      '규칙(경로가 어떻게 일치하는지는 pathType이 정합니다):',
      '  shop.example.com /      (Prefix) → 서비스 shop-frontend',
      '  shop.example.com /api   (Prefix) → 서비스 shop-api',
      '                                     (/api와 /api/orders는 일치, /apis는 아님)',
      '  blog.example.com /      (Prefix) → 서비스 blog',
      '  https://shop.example.com은 컨트롤러가 시크릿 shop-tls로 TLS를 종료합니다.',
      '',
      '해 보기: "external"에서 https://shop.example.com/api/orders, http://blog.example.com/,',
      'http://shop.example.com/apis(/ 규칙으로 넘어감)로 보내 보세요.',
    ],
  },
  {
    en: [
      "A self-signed certificate for shop.example.com (generated for this scene; not a secret of anyone's).",
    ],
    ko: ['shop.example.com용 자체 서명 인증서입니다(이 장면을 위해 만든 것이라 누구의', '비밀도 아닙니다).'],
  },
  {
    en: ['the Ingress refers to this port by name'],
    ko: ['인그레스가 이 포트를 이름으로 가리킴'],
  },
];
