/**
 * The Korean terms svclab uses, fixed once: the ones the Korean Kubernetes documentation uses
 * (kubernetes/website content/ko/docs/contribute/localization_ko.md, "한글화 용어집"). An API kind in
 * Korean prose is written in Hangul (Service → 서비스, Pod → 파드); field names, file names, paths,
 * chain names and enum values stay as they are written in YAML (spec.selector, ClusterIP, Local).
 *
 * `avoid` lists the spellings a Korean reader meets elsewhere (blogs, machine translation) that the
 * documentation does not use; glossary.test.ts fails when any Korean message, of the engine's catalogue
 * or the page's, contains one of them.
 *
 * @example
 * GLOSSARY.find((t) => t.en === 'Pod')?.ko; // "파드"
 */
export interface Term {
  en: string; // "Pod"
  ko: string; // "파드"
  /** Spellings not to use for this term, as regular expressions over Korean text. */
  avoid: RegExp[];
  note?: string;
}

/**
 * An English API kind standing alone in Korean prose ("Service 3개", "Ingress 컨트롤러"), where the
 * documentation writes Hangul. Not beside its Hangul name as the docs pair them (디플로이먼트(Deployment)),
 * nor when it is part of a longer identifier (ExternalName Service's
 * "ExternalName" is a type; "EndpointSlice" is checked by its own term), inside a YAML path
 * (`kind: Service`), or quoted as code.
 */
const kind = (word: string): RegExp => new RegExp(`(?<![\\w./:\`"'(-])(?<!kind: ?)${word}(?![\\w./:\`"'-])`);

export const GLOSSARY: readonly Term[] = [
  { en: 'Kubernetes', ko: '쿠버네티스', avoid: [/쿠베네티스/, /쿠버네티즈/, /쿠버네티스즈/] },
  { en: 'Cluster', ko: '클러스터', avoid: [/클라스터/] },
  { en: 'Service', ko: '서비스', avoid: [kind('Service'), kind('Services'), /써비스/] },
  { en: 'Pod', ko: '파드', avoid: [kind('Pod'), kind('Pods'), /포드/, /팟(?![캐케])/] },
  { en: 'Node', ko: '노드', avoid: [kind('Node'), kind('Nodes')] },
  {
    en: 'Endpoints / endpoint',
    ko: '엔드포인트',
    avoid: [kind('Endpoints'), /엔드포인츠/, /엔드 포인트/, /끝점/],
  },
  { en: 'EndpointSlice', ko: '엔드포인트슬라이스', avoid: [kind('EndpointSlices?'), /엔드포인트 슬라이스/] },
  {
    en: 'NodePort',
    ko: '노드포트',
    avoid: [/노드 포트/],
    note: 'The Service type (type: NodePort) stays in English where it names the field value.',
  },
  { en: 'Ingress', ko: '인그레스', avoid: [kind('Ingress'), kind('Ingresses'), /잉그레스/, /인그래스/] },
  { en: 'IngressClass', ko: '인그레스클래스', avoid: [/인그레스 클래스/] },
  {
    en: 'PriorityClass',
    ko: '프라이어리티클래스',
    avoid: [kind('PriorityClass'), /우선 ?순위 ?클래스/, /프라이어리티 클래스/],
  },
  { en: 'label', ko: '레이블', avoid: [/라벨/] },
  { en: 'Selector', ko: '셀렉터', avoid: [/선택기/, /선택자/, /셀렉토/] },
  { en: 'Namespace', ko: '네임스페이스', avoid: [kind('Namespace'), /네임 스페이스/, /이름 ?공간/] },
  { en: 'Deployment', ko: '디플로이먼트', avoid: [kind('Deployment'), /디플로이멘트/] },
  { en: 'Container', ko: '컨테이너', avoid: [/콘테이너/] },
  { en: 'LoadBalancer / load balancer', ko: '로드밸런서', avoid: [/로드 밸런서/, /부하 ?분산기/] },
  { en: 'Session Affinity', ko: '세션 어피니티', avoid: [/세션 친화성/, /세션 선호도/, /세션어피니티/] },
  { en: 'Secret', ko: '시크릿', avoid: [kind('Secret'), /비밀 ?객체/] },
  { en: 'Annotation', ko: '어노테이션', avoid: [/애노테이션/, /애너테이션/] },
  { en: 'headless', ko: '헤드리스', avoid: [/헤드레스/] },
  { en: 'masquerading', ko: '마스커레이딩', avoid: [/매스커레이드/, /마스쿼레이드/] },
  { en: 'readiness (probe)', ko: '준비성 (프로브)', avoid: [/레디니스/, /준비 상태 프로브/] },
  { en: 'liveness probe', ko: '활성 프로브', avoid: [/라이브니스/] },
  { en: 'controller', ko: '컨트롤러', avoid: [/콘트롤러/] },
  { en: 'proxy', ko: '프록시', avoid: [/프락시/] },
  { en: 'redirect', ko: '리다이렉트', avoid: [/리디렉트/, /리디렉션/] },
  { en: 'hostname', ko: '호스트네임', avoid: [/호스트 이름/] },
  { en: 'manifest', ko: '매니페스트', avoid: [/매니패스트/, /메니페스트/] },
  { en: 'Object', ko: '오브젝트', avoid: [/객체/] },
  {
    en: 'dual-stack / single-stack',
    ko: '이중 스택 / 단일 스택',
    avoid: [/듀얼 ?스택/, /싱글 ?스택/],
    note: 'The Korean page "IPv4/IPv6 이중 스택" (concepts/services-networking/dual-stack); values such as PreferDualStack stay in English.',
  },
];

/**
 * The avoided spellings found in a Korean text, each with the term to use instead.
 *
 * @example
 * avoidedTerms('포드가 준비되지 않았습니다'); // [{ found: "포드", use: "파드" }]
 */
export function avoidedTerms(text: string): { found: string; use: string }[] {
  const out: { found: string; use: string }[] = [];
  // Quoted text is someone's own words (a certificate's name, an API error) and stays as written.
  const prose = text.replace(/"[^"]*"|`[^`]*`/g, '""');
  for (const t of GLOSSARY)
    for (const re of t.avoid) {
      const m = re.exec(prose);
      if (m) out.push({ found: m[0], use: t.ko });
    }
  return out;
}
