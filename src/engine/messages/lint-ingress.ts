/**
 * Ingress lints and their hints: what the API server accepts but ingress-nginx will not do as the
 * student meant, and why the controller serves an Ingress or ignores it. Names, annotation keys and
 * classes are parameters, written as in the YAML.
 */
import { defineMessages, type Msg, type RenderNested } from './define';

const d = (id: string, params: Msg['params'] = {}): Msg => ({ id, params });

export const lintIngress = defineMessages({
  'lint.ingress.class.none': {
    en: (_: object) =>
      'it has no spec.ingressClassName, no kubernetes.io/ingress.class annotation and there is no default IngressClass',
    ko: () =>
      'spec.ingressClassName도, kubernetes.io/ingress.class 어노테이션도 없고 기본 인그레스클래스도 없습니다',
    example: {},
  },
  'lint.ingress.class.missing': {
    en: (p: { name: string }) => `IngressClass "${p.name}" does not exist`,
    ko: (p) => `"${p.name}" 인그레스클래스가 없습니다`,
    example: { name: 'haproxy' },
  },
  'lint.ingress.class.otherController': {
    en: (p: { name: string; controller: string; ours: string }) =>
      `IngressClass "${p.name}" belongs to controller "${p.controller}", not ${p.ours}`,
    ko: (p) =>
      `"${p.name}" 인그레스클래스는 "${p.controller}" 컨트롤러의 것입니다. 이 클러스터의 인그레스 컨트롤러는 ${p.ours}입니다`,
    example: { name: 'traefik', controller: 'traefik.io/ingress-controller', ours: 'k8s.io/ingress-nginx' },
  },
  'lint.ingress.class.handled': {
    en: (p: { byDefault: boolean; name: string; ours: string }) =>
      `${p.byDefault ? 'the default IngressClass' : 'spec.ingressClassName'} "${p.name}" is handled by ${p.ours}`,
    ko: (p) =>
      `${p.byDefault ? '기본 인그레스클래스' : 'spec.ingressClassName의 인그레스클래스'} "${p.name}": ${p.ours} 컨트롤러가 처리합니다`,
    example: { byDefault: true, name: 'nginx', ours: 'k8s.io/ingress-nginx' },
  },
  'lint.ingress.class.deprecatedAnnotation': {
    en: (p: { annotation: string; value: string }) =>
      `the deprecated ${p.annotation} annotation is "${p.value}"`,
    ko: (p) => `더 이상 쓰지 않는 ${p.annotation} 어노테이션의 값이 "${p.value}"입니다`,
    example: { annotation: 'kubernetes.io/ingress.class', value: 'nginx' },
  },
  'lint.ingress.class.otherAnnotation': {
    en: (p: { annotation: string; value: string; ours: string }) =>
      `the ${p.annotation} annotation is "${p.value}", not "${p.ours}"`,
    ko: (p) => `${p.annotation} 어노테이션의 값이 "${p.value}"입니다(이 컨트롤러가 맡는 값은 "${p.ours}")`,
    example: { annotation: 'kubernetes.io/ingress.class', value: 'traefik', ours: 'nginx' },
  },
  'lint.ingress.unserved': {
    en: (p: { reason: Msg }, r: RenderNested) =>
      `No ingress controller serves this Ingress (${r(p.reason)}): it is ignored and gets no address`,
    ko: (p, r) =>
      `이 인그레스를 처리하는 인그레스 컨트롤러가 없습니다(${r(p.reason)}). 인그레스는 무시되고 주소도 받지 못합니다.`,
    example: { reason: d('lint.ingress.class.missing', { name: 'haproxy' }) },
  },
  'lint.ingress.unserved.hint': {
    en: (_: object) => 'ingress-nginx serves IngressClass "nginx" (controller k8s.io/ingress-nginx).',
    ko: () => 'ingress-nginx는 "nginx" 인그레스클래스(컨트롤러 k8s.io/ingress-nginx)를 처리합니다.',
    example: {},
  },
  'lint.ingress.serviceMissing': {
    en: (p: { service: string }) =>
      `Service "${p.service}" not found: requests routed here get 503 Service Temporarily Unavailable`,
    ko: (p) =>
      `"${p.service}" 서비스가 없습니다. 여기로 라우팅되는 요청은 "503 Service Temporarily Unavailable" 응답을 받습니다.`,
    example: { service: 'default/api' },
  },
  'lint.ingress.serviceMissing.hint': {
    en: (_: object) => "Ingress backends name a Service in the Ingress's own namespace.",
    ko: () => '인그레스의 백엔드는 인그레스와 같은 네임스페이스에 있는 서비스를 가리킵니다.',
    example: {},
  },
  'lint.ingress.portMissing': {
    en: (p: { service: string; port: string; have: string[] }) =>
      `Service "${p.service}" has no port ${p.port} (it has ${p.have.length ? p.have.join(', ') : 'none'}): requests routed here get 503`,
    ko: (p) =>
      `"${p.service}" 서비스에 ${p.port} 포트가 없습니다(${p.have.length ? `있는 포트: ${p.have.join(', ')}` : '포트가 하나도 없음'}). 여기로 라우팅되는 요청은 503을 받습니다.`,
    example: { service: 'default/api', port: '8080', have: ['http/80'] },
  },
  'lint.ingress.portMissing.hint': {
    en: (_: object) => 'Use the Service port (number or name), not the container port.',
    ko: () => '컨테이너 포트가 아니라 서비스 포트(번호나 이름)를 쓰세요.',
    example: {},
  },
  'lint.ingress.implementationSpecific': {
    en: (p: { path: string }) =>
      `pathType ImplementationSpecific leaves matching of "${p.path}" to the controller; svclab matches it as Prefix`,
    ko: (p) =>
      `pathType ImplementationSpecific은 "${p.path}" 경로를 어떻게 맞출지 컨트롤러에 맡깁니다. svclab은 Prefix처럼 맞춥니다.`,
    example: { path: '/api' },
  },
  'lint.ingress.implementationSpecific.hint': {
    en: (_: object) => 'Use Prefix or Exact for portable behaviour.',
    ko: () => '어느 컨트롤러에서나 같게 동작하려면 Prefix나 Exact를 쓰세요.',
    example: {},
  },
  'lint.ingress.secretMissing': {
    en: (p: { secret: string; fake: string }) =>
      `Secret "${p.secret}" not found: the controller serves its self-signed "${p.fake}" instead`,
    ko: (p) =>
      `"${p.secret}" 시크릿이 없습니다. 컨트롤러는 대신 자체 서명한 "${p.fake}" 인증서를 내놓습니다.`,
    example: { secret: 'default/shop-tls', fake: 'Kubernetes Ingress Controller Fake Certificate' },
  },
  'lint.ingress.secretNoPair': {
    en: (p: { secret: string; type: string }) =>
      `Secret "${p.secret}" (type ${p.type}) has no tls.crt/tls.key pair: the controller serves its fake certificate instead`,
    ko: (p) =>
      `"${p.secret}" 시크릿(type ${p.type})에 tls.crt/tls.key 쌍이 없습니다. 컨트롤러는 대신 가짜 인증서를 내놓습니다.`,
    example: { secret: 'default/shop-tls', type: 'Opaque' },
  },
  'lint.ingress.secretNoPair.hint': {
    en: (_: object) =>
      'Create it with kubectl create secret tls NAME --cert=… --key=… (type kubernetes.io/tls).',
    ko: () => 'kubectl create secret tls NAME --cert=… --key=… 로 만드세요(type kubernetes.io/tls).',
    example: {},
  },
  'lint.ingress.secretType': {
    en: (p: { secret: string; type: string }) =>
      `Secret "${p.secret}" is of type ${p.type}, not kubernetes.io/tls; ingress-nginx still uses its tls.crt/tls.key`,
    ko: (p) =>
      `"${p.secret}" 시크릿의 type이 kubernetes.io/tls가 아니라 ${p.type}입니다. 그래도 ingress-nginx는 tls.crt/tls.key를 씁니다.`,
    example: { secret: 'default/shop-tls', type: 'Opaque' },
  },
  'lint.ingress.conflict.hint': {
    en: (p: { first: string }) =>
      `Without the webhook ingress-nginx keeps the older Ingress (${p.first}) for this path.`,
    ko: (p) => `웹훅이 없으면 ingress-nginx는 이 경로에 먼저 만든 인그레스(${p.first})를 씁니다.`,
    example: { first: 'default/shop' },
  },
  'lint.ingress.useForwardedHeaders': {
    en: (p: { key: string }) =>
      `${p.key} has no effect: use-forwarded-headers is a key of the ingress-nginx controller's ConfigMap, not an Ingress annotation`,
    ko: (p) =>
      `${p.key} 어노테이션은 아무 효과가 없습니다. use-forwarded-headers는 인그레스 어노테이션이 아니라 ingress-nginx 컨트롤러 컨피그맵의 키입니다.`,
    example: { key: 'nginx.ingress.kubernetes.io/use-forwarded-headers' },
  },
  'lint.ingress.useForwardedHeaders.hint': {
    en: (_: object) =>
      'The controller already sends the client address in X-Real-IP and X-Forwarded-For. Set use-forwarded-headers: "true" in the ingress-nginx-controller ConfigMap only when another L7 proxy in front of it sets X-Forwarded-*; without such a proxy, trusting them lets clients spoof their address.',
    ko: () =>
      '컨트롤러는 이미 X-Real-IP와 X-Forwarded-For에 클라이언트 주소를 담아 보냅니다. 앞단에 X-Forwarded-*를 설정하는 다른 L7 프록시가 있을 때만 ingress-nginx-controller 컨피그맵에 use-forwarded-headers: "true"를 설정하세요. 그런 프록시 없이 이 헤더를 믿으면 클라이언트가 주소를 속일 수 있습니다.',
    example: {},
  },
  'lint.ingress.snippetDisabled': {
    en: (p: { key: string; webhook: string }) =>
      `${p.key} is refused by default: ingress-nginx has allow-snippet-annotations: "false" since v1.9, so its admission webhook denies the Ingress ("${p.webhook}")`,
    ko: (p) =>
      `${p.key} 어노테이션은 기본으로 거부됩니다. ingress-nginx는 v1.9부터 allow-snippet-annotations: "false"라서 어드미션 웹훅이 인그레스를 거부합니다("${p.webhook}").`,
    example: {
      key: 'nginx.ingress.kubernetes.io/configuration-snippet',
      webhook:
        'nginx.ingress.kubernetes.io/configuration-snippet annotation cannot be used. Snippet directives are disabled by the Ingress administrator',
    },
  },
  'lint.ingress.snippetRedundant.hint': {
    en: (_: object) =>
      'The snippet is not needed: the controller already sets X-Real-IP and X-Forwarded-For to the client address it sees ($remote_addr) on every proxied request.',
    ko: () =>
      '이 스니펫은 필요 없습니다. 컨트롤러는 프록시하는 모든 요청에 이미 자기가 본 클라이언트 주소($remote_addr)로 X-Real-IP와 X-Forwarded-For를 설정합니다.',
    example: {},
  },
  'lint.ingress.snippet.hint': {
    en: (_: object) =>
      'Prefer a dedicated annotation or the controller ConfigMap; enabling snippets (allow-snippet-annotations: "true") lets any Ingress author inject nginx configuration.',
    ko: () =>
      '전용 어노테이션이나 컨트롤러 컨피그맵을 쓰세요. 스니펫을 허용하면(allow-snippet-annotations: "true") 인그레스를 쓰는 누구나 nginx 설정을 끼워 넣을 수 있습니다.',
    example: {},
  },
});
