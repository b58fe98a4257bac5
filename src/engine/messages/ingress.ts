/**
 * What ingress-nginx does with a request (the ingress-controller hop's note): the TLS certificate it
 * presents, the server and location it matches, the upstream it picks from, and why it answers by
 * itself (308 redirect, 404 default backend, 503 empty upstream).
 */
import { defineMessages, type Msg, type RenderNested } from './define';

const sim = (id: string, params: Record<string, string | number | boolean | null> = {}): Msg => ({
  id,
  params,
});

export const ingress = defineMessages({
  'ingress.cert.secret': {
    en: (p: { secret: string; host: string; bySan: boolean }) =>
      p.bySan
        ? `the certificate of Secret "${p.secret}", which covers ${p.host} although no spec.tls entry lists it`
        : `the certificate of Secret "${p.secret}", listed for ${p.host} in spec.tls`,
    ko: (p) =>
      p.bySan
        ? `"${p.secret}" 시크릿의 인증서(spec.tls에 ${p.host} 호스트가 적혀 있지 않지만 인증서가 이 이름을 포함함)`
        : `spec.tls에 ${p.host} 호스트용으로 적힌 "${p.secret}" 시크릿의 인증서`,
    example: { secret: 'default/shop-tls', host: 'shop.example.com', bySan: false },
  },
  'ingress.cert.noSecretListed': {
    en: (p: { host: string }) =>
      `its default certificate: host ${p.host} is in an Ingress with spec.tls, but no secretName is given for it and no listed Secret's certificate covers it`,
    ko: (p) =>
      `기본 인증서(${p.host} 호스트는 spec.tls가 있는 인그레스에 있지만, 이 호스트의 secretName이 없고 적힌 시크릿의 인증서도 이 이름을 포함하지 않음)`,
    example: { host: 'shop.example.com' },
  },
  'ingress.cert.secretMissing': {
    en: (p: { secret: string }) =>
      `its default certificate: Secret "${p.secret}" does not exist (the controller logs "Error getting SSL certificate" and falls back)`,
    ko: (p) =>
      `기본 인증서("${p.secret}" 시크릿이 없어서 컨트롤러가 "Error getting SSL certificate" 경고를 남기고 기본 인증서로 대신함)`,
    example: { secret: 'default/shop-tls' },
  },
  'ingress.cert.noPair': {
    en: (p: { secret: string }) =>
      `its default certificate: Secret "${p.secret}" has no tls.crt and tls.key keys (the controller reads the keys, not the Secret's type)`,
    ko: (p) =>
      `기본 인증서("${p.secret}" 시크릿에 tls.crt와 tls.key 키가 없음. 컨트롤러는 시크릿 타입이 아니라 키를 봅니다)`,
    example: { secret: 'default/shop-tls' },
  },
  'ingress.cert.badCertificate': {
    en: (p: { secret: string }) =>
      `its default certificate: the tls.crt of Secret "${p.secret}" is not a PEM certificate (it must start with "-----BEGIN CERTIFICATE-----")`,
    ko: (p) =>
      `기본 인증서("${p.secret}" 시크릿의 tls.crt가 PEM 인증서가 아님. "-----BEGIN CERTIFICATE-----"로 시작해야 합니다)`,
    example: { secret: 'default/shop-tls' },
  },
  'ingress.cert.badKey': {
    en: (p: { secret: string }) =>
      `its default certificate: the tls.key of Secret "${p.secret}" holds no PEM private key`,
    ko: (p) => `기본 인증서("${p.secret}" 시크릿의 tls.key에 PEM 개인 키가 없음)`,
    example: { secret: 'default/shop-tls' },
  },
  'ingress.cert.notForHost': {
    en: (p: { secret: string; host: string; names: string }) =>
      `its default certificate: the certificate of Secret "${p.secret}" covers ${p.names || 'no DNS name'}, not ${p.host}, so the controller does not use it for that host`,
    ko: (p) =>
      `기본 인증서("${p.secret}" 시크릿의 인증서는 ${p.names || '(DNS 이름 없음)'}용이고 ${p.host} 호스트를 포함하지 않아서 컨트롤러가 이 호스트에 쓰지 않음)`,
    example: { secret: 'default/shop-tls', host: 'blog.example.com', names: 'shop.example.com' },
  },
  'ingress.cert.noMatch': {
    en: (p: { name: string }) => `its default certificate: no server with TLS is named ${p.name} (SNI)`,
    ko: (p) => `기본 인증서(SNI 이름 ${p.name}에 해당하는 TLS 서버가 없음)`,
    example: { name: 'blog.example.com' },
  },
  'ingress.cert.noSni': {
    en: (_: object) => 'its default certificate: curl sent no SNI name (the URL names an IP address)',
    ko: () => '기본 인증서(URL이 IP 주소라서 curl이 SNI 이름을 보내지 않음)',
    example: {},
  },
  'ingress.tls.presents': {
    en: (p: { cert: Msg; subject: string; issuer: string; names: string }, r: RenderNested) =>
      `TLS: ingress-nginx presents ${r(p.cert)}: subject ${p.subject}, issued by ${p.issuer}, for ${p.names || 'no DNS name'}.`,
    ko: (p, r) =>
      `TLS: ingress-nginx가 보내는 인증서는 ${r(p.cert)}입니다. 주체 ${p.subject}, 발급자 ${p.issuer}, 대상 이름 ${p.names || '(DNS 이름 없음)'}.`,
    example: {
      cert: sim('ingress.cert.secret', {
        secret: 'default/shop-tls',
        host: 'shop.example.com',
        bySan: false,
      }),
      subject: 'CN=shop.example.com',
      issuer: 'CN=shop.example.com',
      names: 'shop.example.com',
    },
  },
  'ingress.tls.plainToHttps': {
    en: (_: object) =>
      'Port 443 of ingress-nginx speaks TLS: nginx reads the plain HTTP request and answers 400 "The plain HTTP request was sent to HTTPS port". Use https://.',
    ko: () =>
      'ingress-nginx의 443번 포트는 TLS 포트입니다. nginx가 평문 HTTP 요청을 받고 400 "The plain HTTP request was sent to HTTPS port"로 응답합니다. https://를 쓰세요.',
    example: {},
  },
  'ingress.tls.tlsToPlain': {
    en: (p: { port: number }) =>
      `Port ${p.port} of ingress-nginx is plain HTTP: nginx reads curl's TLS ClientHello as a bad request and answers 400 in plain text, which curl cannot read as TLS (exit 35). Use http://, or https:// on port 443.`,
    ko: (p) =>
      `ingress-nginx의 ${p.port}번 포트는 평문 HTTP입니다. nginx는 curl의 TLS ClientHello를 잘못된 요청으로 보고 평문 400으로 응답하는데, curl은 이를 TLS로 읽지 못합니다(종료 코드 35). http://를 쓰거나 443번 포트로 https://를 쓰세요.`,
    example: { port: 80 },
  },

  'ingress.match': {
    en: (p: { host: Msg; path: Msg; beaten: Msg | null; implementationSpecific: boolean }, r: RenderNested) =>
      `${[r(p.host), r(p.path), p.beaten ? r(p.beaten) : '', p.implementationSpecific ? 'ImplementationSpecific is matched as Prefix here (the spec leaves it to the IngressClass)' : ''].filter(Boolean).join('; ')}.`,
    ko: (p, r) =>
      `${[r(p.host), r(p.path), p.beaten ? r(p.beaten) : '', p.implementationSpecific ? 'ImplementationSpecific은 여기서 Prefix처럼 맞춥니다(스펙은 인그레스클래스에 맡깁니다)' : ''].filter(Boolean).join('. ')}.`,
    example: {
      host: sim('ingress.host.exact', { server: 'shop.example.com' }),
      path: sim('ingress.path.matches', { location: '/api (Prefix)', path: '/api/orders' }),
      beaten: {
        id: 'ingress.path.beats',
        params: { others: ['/ (Prefix)'], sameLength: false },
      },
      implementationSpecific: true,
    },
  },
  'ingress.host.catchAll': {
    en: (p: { host: string }) => `no rule host matches "${p.host}", so the catch-all server handles it`,
    ko: (p) => `"${p.host}"에 맞는 규칙 호스트가 없어서 catch-all 서버가 처리합니다`,
    example: { host: 'other.example.com' },
  },
  'ingress.host.wildcard': {
    en: (p: { host: string; server: string }) =>
      `"${p.host}" matches the wildcard host ${p.server} (one DNS label)`,
    ko: (p) => `"${p.host}" 호스트는 와일드카드 호스트 ${p.server}에 맞습니다(DNS 레이블 하나)`,
    example: { host: 'a.example.com', server: '*.example.com' },
  },
  'ingress.host.exact': {
    en: (p: { server: string }) => `host ${p.server} matches exactly`,
    ko: (p) => `${p.server} 호스트가 정확히 맞습니다`,
    example: { server: 'shop.example.com' },
  },
  'ingress.path.ingressDefault': {
    en: (p: { path: string }) => `no path matches ${p.path}, so the Ingress's defaultBackend serves it`,
    ko: (p) => `${p.path}에 맞는 경로가 없어서 인그레스의 defaultBackend가 처리합니다`,
    example: { path: '/other' },
  },
  'ingress.path.controllerDefault': {
    en: (p: { path: string }) => `no path matches ${p.path}, so the controller's default backend answers`,
    ko: (p) => `${p.path}에 맞는 경로가 없어서 컨트롤러의 기본 백엔드가 응답합니다`,
    example: { path: '/other' },
  },
  'ingress.path.matches': {
    en: (p: { location: string; path: string }) => `path ${p.location} matches ${p.path}`,
    ko: (p) => `${p.location} 경로가 요청 경로 ${p.path}에 맞습니다`,
    example: { location: '/api (Prefix)', path: '/api/orders' },
  },
  'ingress.path.beats': {
    en: (p: { others: string[]; sameLength: boolean }) =>
      `it beats ${p.others.join(', ')} (${p.sameLength ? 'equal length: Exact wins over Prefix' : 'the longest matching path wins'})`,
    ko: (p) =>
      `${p.others.join(', ')}보다 우선합니다(${p.sameLength ? '길이가 같으면 Exact가 Prefix보다 우선' : '가장 길게 맞는 경로가 우선'})`,
    example: { others: ['/ (Prefix)'], sameLength: false },
  },

  'ingress.note': {
    en: (p: { tls: Msg | null; match: Msg; then: Msg }, r: RenderNested) =>
      `${p.tls ? `${r(p.tls)} ` : ''}${r(p.match)} ${r(p.then)}`,
    ko: (p, r) => `${p.tls ? `${r(p.tls)} ` : ''}${r(p.match)} ${r(p.then)}`,
    example: {
      tls: sim('ingress.cert.noSni', {}),
      match: sim('ingress.host.exact', { server: 'shop.example.com' }),
      then: sim('ingress.defaultBackend', {}),
    },
  },
  'ingress.redirect': {
    en: (p: { host: string }) =>
      `TLS is configured for ${p.host}, so ingress-nginx redirects plain HTTP to HTTPS (ssl-redirect defaults to true; 308 is its http-redirect-code).`,
    ko: (p) =>
      `${p.host} 호스트에 TLS가 설정되어 있어서 ingress-nginx가 평문 HTTP를 HTTPS로 리다이렉트합니다(ssl-redirect 기본값은 true, 308은 http-redirect-code).`,
    example: { host: 'shop.example.com' },
  },
  'ingress.defaultBackend': {
    en: (_: object) => "The controller's default backend answers 404.",
    ko: () => '컨트롤러의 기본 백엔드가 404로 응답합니다.',
    example: {},
  },
  'ingress.emptyUpstream': {
    en: (p: { problem: Msg; upstream: string }, r: RenderNested) =>
      `${r(p.problem)}: upstream ${p.upstream} is empty, so nginx answers 503.`,
    ko: (p, r) => `${r(p.problem)}. ${p.upstream} 업스트림이 비어 있어서 nginx가 503으로 응답합니다.`,
    example: {
      problem: sim('ingress.upstream.noEndpoints', { service: 'default/api' }),
      upstream: 'default-api-80',
    },
  },
  'ingress.proxies': {
    en: (p: { pick: Msg; service: string; endpoint: string }, r: RenderNested) =>
      `${r(p.pick)} The controller reads ${p.service}'s EndpointSlices and connects to the pod ${p.endpoint} directly; the ClusterIP is not used.`,
    ko: (p, r) =>
      `${r(p.pick)} 컨트롤러는 ${p.service} 서비스의 엔드포인트슬라이스를 읽고 파드(${p.endpoint})에 바로 연결합니다. 클러스터 IP는 쓰지 않습니다.`,
    example: {
      pick: sim('ingress.pick.roundRobin', { endpoint: '10.244.1.5:8080' }),
      service: 'default/api',
      endpoint: '10.244.1.5:8080',
    },
  },
  'ingress.upstream.notFound': {
    en: (p: { service: string }) => `Service "${p.service}" not found`,
    ko: (p) => `"${p.service}" 서비스가 없습니다`,
    example: { service: 'default/nope' },
  },
  'ingress.upstream.externalName': {
    en: (p: { service: string }) => `ExternalName Service "${p.service}" is not simulated as an upstream`,
    ko: (p) => `ExternalName 서비스("${p.service}")는 업스트림으로 시뮬레이션하지 않습니다`,
    example: { service: 'default/external-db' },
  },
  'ingress.upstream.noPort': {
    en: (p: { service: string; port: string }) => `Service "${p.service}" has no port ${p.port}`,
    ko: (p) => `"${p.service}" 서비스에 ${p.port} 포트가 없습니다`,
    example: { service: 'default/api', port: '8080' },
  },
  'ingress.upstream.noEndpoints': {
    en: (p: { service: string }) => `Service "${p.service}" has no ready endpoints`,
    ko: (p) => `"${p.service}" 서비스에 준비된 엔드포인트가 없습니다`,
    example: { service: 'default/api' },
  },
  'ingress.pick.roundRobin': {
    en: (p: { endpoint: string }) =>
      `Balancer round_robin (ingress-nginx's default load-balance) picks ${p.endpoint}.`,
    ko: (p) => `round_robin 밸런서(ingress-nginx의 기본 load-balance)가 ${p.endpoint} 엔드포인트를 고릅니다.`,
    example: { endpoint: '10.244.1.5:8080' },
  },
  'ingress.pick.cookiePersistent': {
    en: (p: { cookie: string; endpoint: string }) =>
      `Cookie ${p.cookie} (persistent) names ${p.endpoint}, so the session stays there.`,
    ko: (p) => `${p.cookie} 쿠키(persistent)가 ${p.endpoint} 엔드포인트를 가리키므로 세션이 그곳에 머뭅니다.`,
    example: { cookie: 'INGRESSCOOKIE', endpoint: '10.244.1.5:8080' },
  },
  'ingress.pick.cookieSticks': {
    en: (p: { cookie: string; endpoint: string }) =>
      `Cookie ${p.cookie} maps to ${p.endpoint}, so the session sticks to it.`,
    ko: (p) => `${p.cookie} 쿠키가 ${p.endpoint} 엔드포인트에 대응하므로 세션이 그곳에 고정됩니다.`,
    example: { cookie: 'INGRESSCOOKIE', endpoint: '10.244.1.5:8080' },
  },
  'ingress.pick.cookieMoved': {
    en: (p: { cookie: string; old: string | null; endpoint: string }) =>
      `Cookie ${p.cookie} carried a key whose endpoint ${p.old ?? '(unknown)'} is gone; the consistent hash now maps it to ${p.endpoint}.`,
    ko: (p) =>
      `${p.cookie} 쿠키의 키가 가리키던 엔드포인트(${p.old ?? '알 수 없음'})가 사라졌습니다. 이제 일관 해시가 이 키를 ${p.endpoint} 엔드포인트에 대응시킵니다.`,
    example: { cookie: 'INGRESSCOOKIE', old: '10.244.2.7:8080', endpoint: '10.244.1.5:8080' },
  },
  'ingress.pick.cookieNew': {
    en: (p: { mode: string; cookie: string; endpoint: string; sets: boolean }) =>
      `Cookie affinity (${p.mode}): no valid ${p.cookie} cookie, so the controller picks ${p.endpoint}${p.sets ? ` and sets ${p.cookie} to stick to it` : ''}.`,
    ko: (p) =>
      `쿠키 어피니티(${p.mode}): 유효한 ${p.cookie} 쿠키가 없어서 컨트롤러가 ${p.endpoint} 엔드포인트를 고릅니다${p.sets ? `. 그리고 그곳에 고정되도록 ${p.cookie} 쿠키를 설정합니다` : ''}.`,
    example: { mode: 'balanced', cookie: 'INGRESSCOOKIE', endpoint: '10.244.1.5:8080', sets: true },
  },
});
