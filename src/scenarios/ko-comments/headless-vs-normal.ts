/** The Korean comments of ../headless-vs-normal.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const headlessVsNormal: CommentTable = [
  {
    en: [
      'Headless versus normal Service',
      '',
      'Both Services select the same three pods. The difference is only in DNS:',
      '  - mongo (normal): `nslookup mongo` answers ONE address, the ClusterIP; kube-proxy then picks a pod.',
      '  - mongo-headless (clusterIP: None): `nslookup mongo-headless` answers one A record PER READY POD.',
      '    The client connects to a pod IP directly — no kube-proxy rule is involved, because a headless',
      '    Service has no virtual IP to capture.',
      '',
      'Try in the console: `exec client -- nslookup mongo` and `exec client -- nslookup mongo-headless`,',
      'then send http://mongo-headless:27017 from pod/client and notice there is no DNAT hop.',
    ],
    ko: [
      '헤드리스 서비스와 일반 서비스',
      '',
      '두 서비스는 같은 파드 세 개를 고릅니다. 차이는 DNS 응답뿐입니다.',
      '  - mongo (일반): `nslookup mongo`는 주소 하나, 즉 ClusterIP만 돌려줍니다.',
      '    파드는 그다음에 kube-proxy가 고릅니다.',
      '  - mongo-headless (clusterIP: None): `nslookup mongo-headless`는 "준비된 파드마다"',
      '    A 레코드를 하나씩 돌려줍니다. 클라이언트는 파드 IP로 바로 접속하고 kube-proxy',
      '    규칙은 끼어들지 않습니다. 헤드리스 서비스에는 가로챌 가상 IP가 없기 때문입니다.',
      '',
      '콘솔에서 해 보기: `exec client -- nslookup mongo`와',
      '`exec client -- nslookup mongo-headless`를 비교한 뒤, pod/client에서',
      'http://mongo-headless:27017로 보내 보세요. DNAT 홉이 없습니다.',
    ],
  },
  {
    en: ['headless: no virtual IP, DNS returns the pod IPs'],
    ko: ['헤드리스: 가상 IP 없이 DNS가 파드 IP들을 돌려줌'],
  },
];
