/** The Korean comments of ../externalname.yaml (../localize.ts). */
import type { CommentTable } from '../localize';

export const externalname: CommentTable = [
  {
    en: [
      'Reaching something outside the cluster: ExternalName and a Service without a selector',
      '',
      '  - external-db (type: ExternalName): only DNS. `nslookup external-db` answers a CNAME to',
      '    db.example.com; there is no ClusterIP, no endpoints and no kube-proxy rule. The client then',
      '    resolves and connects to db.example.com itself. The Host header and TLS name the client sends',
      '    are still "external-db", not db.example.com — a common surprise with HTTPS backends.',
      '  - legacy-api (no selector): the endpoints controller leaves it alone, so we write the',
      '    EndpointSlice ourselves, pointing at an address outside the pod network. kube-proxy DNATs',
      '    ClusterIP:80 to 192.0.2.80:8080 like for any pod. 192.0.2.80 is documentation space',
      '    (TEST-NET-1, RFC 5737) and svclab has no host there, so the SYN leaves the node and nothing',
      '    answers: the request times out (curl error 28). With a real database there it would connect.',
      '',
      'Try: `exec client -- nslookup external-db`, `exec client -- nslookup legacy-api`, and send',
      'http://legacy-api from pod/client.',
    ],
    ko: [
      '클러스터 밖에 닿기: ExternalName과 셀렉터 없는 서비스',
      '',
      '  - external-db (type: ExternalName): DNS뿐입니다. `nslookup external-db`는',
      '    db.example.com을 가리키는 CNAME을 돌려주고, ClusterIP도 엔드포인트도',
      '    kube-proxy 규칙도 없습니다. 클라이언트가 db.example.com을 직접 조회해서',
      '    접속합니다. 그런데 클라이언트가 보내는 Host 헤더와 TLS 이름은 db.example.com이',
      '    아니라 여전히 "external-db"입니다. HTTPS 백엔드에서 자주 당황하는 부분입니다.',
      '  - legacy-api (셀렉터 없음): 엔드포인트 컨트롤러가 손대지 않으므로, 파드 네트워크',
      '    밖의 주소를 가리키는 엔드포인트슬라이스를 직접 씁니다. kube-proxy는 여느',
      '    파드처럼 ClusterIP:80을 192.0.2.80:8080으로 DNAT합니다. 192.0.2.80은 문서용',
      '    주소 대역(TEST-NET-1, RFC 5737)이고 svclab에는 그 주소의 호스트가 없어서, SYN이',
      '    노드를 떠나도 아무도 응답하지 않고 요청은 타임아웃됩니다(curl error 28).',
      '    거기에 진짜 데이터베이스가 있다면 연결됩니다.',
      '',
      '해 보기: `exec client -- nslookup external-db`,',
      '`exec client -- nslookup legacy-api`를 실행하고, pod/client에서',
      'http://legacy-api로 보내 보세요.',
    ],
  },
  {
    en: ['no selector: endpoints are managed by hand'],
    ko: ['셀렉터 없음: 엔드포인트는 직접 관리합니다'],
  },
  {
    en: ['this label ties the slice to the Service'],
    ko: ['이 레이블이 슬라이스를 서비스에 묶음'],
  },
  {
    en: ["must match the Service port's name"],
    ko: ['서비스 포트의 이름과 같아야 함'],
  },
];
