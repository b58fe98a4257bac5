/**
 * The ideas of lessons.md's table ("idea" column) as a Korean class names them. A lesson lists its ideas
 * by these English names (`concepts`, the same strings `svclab lesson list` prints); an idea this table
 * does not know (an instructor's own) is shown as the lesson wrote it.
 *
 * @example conceptLabel('NodePort', 'ko') // "노드포트"
 */
import type { Locale } from '../../i18n';

const KO: Readonly<Record<string, string>> = {
  'ClusterIP, selectors': 'ClusterIP와 셀렉터',
  'port / targetPort': 'port와 targetPort',
  'named ports': '이름 붙인 포트',
  'why ping fails and curl works': 'ping은 안 되고 curl은 되는 이유',
  'kube-proxy rules (iptables, IPVS, nftables)': 'kube-proxy 규칙(iptables, IPVS, nftables)',
  conntrack: 'conntrack',
  'discovery by environment': '환경 변수로 서비스 찾기',
  'creation order': '생성 순서',
  'DNS, namespaces': 'DNS와 네임스페이스',
  'search path and ndots': 'search 경로와 ndots',
  ExternalName: 'ExternalName',
  'headless Services': '헤드리스 서비스',
  'per-pod DNS records': '파드별 DNS 레코드',
  'Services without selectors': '셀렉터 없는 서비스',
  'EndpointSlices and Endpoints by hand': '직접 쓰는 엔드포인트슬라이스와 엔드포인트',
  NodePort: '노드포트',
  externalTrafficPolicy: 'externalTrafficPolicy',
  'client source IP and SNAT': '클라이언트 출발지 IP와 SNAT',
  LoadBalancer: '로드밸런서',
  'health checks': '헬스 체크',
  'NLB IP mode': 'NLB IP 모드',
  Ingress: '인그레스',
  'hosts and paths': '호스트와 경로',
  'TLS, X-Forwarded-For, cookie affinity': 'TLS, X-Forwarded-For, 쿠키 어피니티',
  'session affinity': '세션 어피니티',
  'keep-alive': 'keep-alive',
  'IPVS schedulers': 'IPVS 스케줄러',
  'the ipvs-scheduler annotation myth': 'ipvs-scheduler 어노테이션에 대한 오해',
  readiness: '준비성(readiness)',
  'hostPort vs NodePort': 'hostPort와 노드포트',
  troubleshooting: '문제 해결',
  'Gateway API': 'Gateway API',
  topology: '토폴로지 인지 라우팅',
  internalTrafficPolicy: 'internalTrafficPolicy',
};

export function conceptLabel(concept: string, locale: Locale): string {
  return locale === 'ko' ? (KO[concept] ?? concept) : concept;
}
