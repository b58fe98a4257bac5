/**
 * What svclab says about a request that goes through a Gateway's Envoy proxy: which listener and virtual
 * host took it, which route, rule and match won and why the entries ahead of it did not match, which
 * weight chose the backend, and what Envoy answered itself. Names, hosts, matches and rule text are
 * parameters, never translated.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa, pick } from './josa';

const list = (xs: readonly Msg[], r: RenderNested, sep: string): string => xs.map(r).join(sep);

export const gateway = defineMessages({
  'gw.hop.vhost': {
    en: (p: { gateway: string; port: number; listeners: string; host: string; vhost: string }) =>
      `Envoy, the proxy of Gateway ${p.gateway}, takes the request on port ${p.port} (listener ${p.listeners}); Host "${p.host}" selects the virtual host ${p.vhost}.`,
    ko: (p) =>
      `게이트웨이 ${p.gateway}의 프록시인 Envoy가 ${p.port}번 포트(리스너 ${p.listeners})에서 요청을 받습니다. Host "${p.host}"${pick(p.host, '으로/로')} 가상 호스트 ${josa(p.vhost, '을/를')} 고릅니다.`,
    example: {
      gateway: 'default/eg',
      port: 80,
      listeners: 'http',
      host: 'shop.example.com',
      vhost: '*.example.com',
    },
  },
  'gw.hop.matched': {
    en: (p: { route: string; rule: number; match: string; skipped: Msg[]; kind?: string }, r: RenderNested) =>
      `${p.kind ?? 'HTTPRoute'} ${p.route}, rule ${p.rule} (${p.match}) is the first match in Envoy Gateway's order (Exact before RegularExpression before PathPrefix, longer paths, more header and query matches first)${p.skipped.length > 0 ? `; ahead of it: ${list(p.skipped, r, '; ')}` : ''}.`,
    ko: (p, r) =>
      `Envoy Gateway의 우선순위(Exact → RegularExpression → PathPrefix, 경로가 길수록, 헤더·쿼리 조건이 많을수록 먼저)에서 처음 맞는 것은 ${p.kind ?? 'HTTPRoute'} ${p.route}의 규칙 ${p.rule}(${p.match})입니다.${p.skipped.length > 0 ? ` 그보다 앞선 항목: ${list(p.skipped, r, '; ')}` : ''}`,
    example: {
      route: 'default/shop',
      rule: 0,
      match: 'PathPrefix /api',
      skipped: [
        {
          id: 'gw.skip',
          params: { route: 'default/shop', rule: 1, match: 'Exact /', why: 'path', name: '' },
        },
      ],
    },
  },
  'gw.skip': {
    en: (p: { route: string; rule: number; match: string; why: string; name: string }) =>
      `${p.route} rule ${p.rule} (${p.match}) ${
        p.why === 'path'
          ? 'does not match the path'
          : p.why === 'method'
            ? 'wants another method'
            : p.why === 'header'
              ? `fails on header ${p.name}`
              : `fails on query parameter ${p.name}`
      }`,
    ko: (p) =>
      `${p.route} 규칙 ${p.rule}(${p.match})은 ${
        p.why === 'path'
          ? '경로가 맞지 않음'
          : p.why === 'method'
            ? '메서드가 다름'
            : p.why === 'header'
              ? `헤더 ${josa(p.name, '이/가')} 맞지 않음`
              : `쿼리 파라미터 ${josa(p.name, '이/가')} 맞지 않음`
      }`,
    example: {
      route: 'default/shop',
      rule: 1,
      match: 'PathPrefix /api, header version=2',
      why: 'header',
      name: 'version',
    },
  },
  'gw.hop.weight': {
    en: (p: { service: string; weight: number; total: number; shares: string }) =>
      p.total === p.weight
        ? `The rule has one backend with weight: Service ${p.service}.`
        : `Envoy picks the backendRef by weight (${p.shares}): this request drew Service ${p.service}, weight ${p.weight} of ${p.total}.`,
    ko: (p) =>
      p.total === p.weight
        ? `이 규칙에서 가중치가 있는 백엔드는 ${p.service} 서비스 하나입니다.`
        : `Envoy가 가중치(${p.shares})에 따라 backendRef를 고릅니다. 이번 요청은 ${p.total} 중 ${p.weight}의 몫인 ${p.service} 서비스로 갑니다.`,
    example: {
      service: 'default/web-v2',
      weight: 10,
      total: 100,
      shares: 'default/web-v1 90, default/web-v2 10',
    },
  },
  'gw.hop.endpoint': {
    en: (p: { service: string; count: number; endpoint: string; pod: string }) =>
      `Envoy reads ${p.service}'s EndpointSlices itself and picks ${p.endpoint} (pod ${p.pod}) of ${p.count} ready endpoint(s) (least request, with no request in flight: at random); it connects from its own pod, not through the ClusterIP.`,
    ko: (p) =>
      `Envoy는 ${p.service} 서비스의 엔드포인트슬라이스를 직접 읽고, 준비된 엔드포인트 ${p.count}개 중 ${p.endpoint}(파드 ${p.pod})를 고릅니다(least request, 처리 중인 요청이 없으면 무작위). 클러스터 IP를 거치지 않고 자기 파드에서 바로 연결합니다.`,
    example: { service: 'default/web-v1', count: 3, endpoint: '10.244.1.5:8080', pod: 'default/web-v1-abc' },
  },
  'gw.hop.mirror': {
    en: (p: { service: string; endpoint: string }) =>
      p.endpoint === ''
        ? `RequestMirror: Service ${p.service} has no ready endpoint, so the copy goes nowhere.`
        : `RequestMirror: Envoy also sends a copy of the request to ${p.endpoint} of Service ${p.service} and discards its response.`,
    ko: (p) =>
      p.endpoint === ''
        ? `RequestMirror: ${p.service} 서비스에 준비된 엔드포인트가 없어 복사본은 어디로도 가지 않습니다.`
        : `RequestMirror: Envoy가 요청의 복사본을 ${p.service} 서비스의 ${josa(p.endpoint, '으로/로')}도 보내고, 그 응답은 버립니다.`,
    example: { service: 'default/web-shadow', endpoint: '10.244.2.7:8080' },
  },
  'gw.hop.noVhost': {
    en: (p: { host: string; port: number; domains: string }) =>
      `No route on port ${p.port} serves Host "${p.host}" (virtual hosts: ${p.domains || 'none'}), so Envoy answers 404 itself.`,
    ko: (p) =>
      `${p.port}번 포트에는 Host "${p.host}"${pick(p.host, '을/를')} 맡는 라우트가 없습니다(가상 호스트: ${p.domains || '없음'}). 그래서 Envoy가 직접 404로 응답합니다.`,
    example: { host: 'blog.example.com', port: 80, domains: 'shop.example.com' },
  },
  'gw.hop.noRoute': {
    en: (p: { vhost: string; skipped: Msg[] }, r: RenderNested) =>
      `No rule of virtual host ${p.vhost} matches (${p.skipped.length > 0 ? list(p.skipped, r, '; ') : 'it has none'}), so Envoy answers 404 itself.`,
    ko: (p, r) =>
      `가상 호스트 ${p.vhost}에 맞는 규칙이 없어(${p.skipped.length > 0 ? list(p.skipped, r, '; ') : '규칙 없음'}) Envoy가 직접 404로 응답합니다.`,
    example: { vhost: 'shop.example.com', skipped: [] },
  },
  'gw.hop.invalidBackends': {
    en: (p: { route: string; rule: number; kind?: string }) =>
      `${p.kind ?? 'HTTPRoute'} ${p.route}, rule ${p.rule} has no usable backendRef (see the route's ResolvedRefs condition), so Envoy answers 500, as the specification requires.`,
    ko: (p) =>
      `${p.kind ?? 'HTTPRoute'} ${p.route}의 규칙 ${p.rule}에는 쓸 수 있는 backendRef가 없어(라우트의 ResolvedRefs 조건 참고), 명세대로 Envoy가 500으로 응답합니다.`,
    example: { route: 'default/shop', rule: 0 },
  },
  'gw.hop.invalidShare': {
    en: (p: { backend: string; weight: number; total: number }) =>
      `This request drew backendRef ${p.backend} (weight ${p.weight} of ${p.total}), which cannot be used: its share of requests gets 500.`,
    ko: (p) =>
      `이번 요청은 쓸 수 없는 backendRef ${p.backend}(가중치 ${p.total} 중 ${p.weight})에 뽑혔습니다. 이 몫의 요청은 500을 받습니다.`,
    example: { backend: 'default/web-v3', weight: 1, total: 2 },
  },
  'gw.hop.noEndpoints': {
    en: (p: { service: string }) =>
      `Service ${p.service} has no ready endpoint in its EndpointSlices: Envoy answers 503 "no healthy upstream".`,
    ko: (p) =>
      `${p.service} 서비스의 엔드포인트슬라이스에 준비된 엔드포인트가 없어 Envoy가 503 "no healthy upstream"으로 응답합니다.`,
    example: { service: 'default/web' },
  },
  'gw.hop.grpcPath': {
    en: () =>
      'A gRPC call is an HTTP/2 POST to /service/method: Envoy Gateway writes GRPCRoute method matches as path matches (service and method: that exact path; a service alone: the prefix /service; a method alone: a :path suffix), so GRPCRoute and HTTPRoute rules of a hostname share one order.',
    ko: () =>
      'gRPC 호출은 /서비스/메서드 경로로 가는 HTTP/2 POST 요청입니다. Envoy Gateway는 GRPCRoute의 method 조건을 경로 조건으로 바꿉니다(서비스와 메서드: 그 경로와 정확히 일치, 서비스만: /서비스 접두사, 메서드만: :path 접미사). 그래서 같은 호스트네임의 GRPCRoute 규칙과 HTTPRoute 규칙이 한 순서 안에서 비교됩니다.',
    example: {},
  },
  'gw.hop.grpcStatus': {
    en: (p: { status: number; code: number; name: string }) =>
      `The call is gRPC (content-type application/grpc), so Envoy sends its ${p.status} as a gRPC status: HTTP 200 with grpc-status ${p.code} (${p.name}).`,
    ko: (p) =>
      `gRPC 호출(content-type application/grpc)이므로 Envoy는 이 ${p.status} 응답을 gRPC 상태로 바꿔 보냅니다: HTTP 200에 grpc-status ${p.code}(${p.name}).`,
    example: { status: 404, code: 12, name: 'Unimplemented' },
  },
  'gw.hop.redirect': {
    en: (p: { status: number; location: string }) =>
      `The rule's RequestRedirect filter: Envoy answers ${p.status} with Location ${p.location}; no backend is asked.`,
    ko: (p) =>
      `규칙의 RequestRedirect 필터에 따라 Envoy가 상태 코드 ${p.status}, Location ${josa(p.location, '으로/로')} 응답합니다. 백엔드에는 묻지 않습니다.`,
    example: { status: 302, location: 'https://shop.example.com/' },
  },
  'gw.hop.relay': {
    en: (_p: object) =>
      `Envoy relays the backend's response to the client (with the route's response header changes).`,
    ko: () => `Envoy가 백엔드의 응답을 클라이언트에게 전달합니다(라우트의 응답 헤더 변경을 적용해서).`,
    example: {},
  },
  'gw.answers': {
    en: (p: { status: number; note: Msg }, r: RenderNested) =>
      `The Gateway's Envoy answers ${p.status} itself. ${r(p.note)}`,
    ko: (p, r) => `게이트웨이의 Envoy가 직접 ${p.status} 응답을 보냅니다. ${r(p.note)}`,
    example: { status: 404, note: { id: 'gw.hop.noVhost', params: { host: 'x', port: 80, domains: '' } } },
  },
  'gw.proxied': {
    en: (p: {
      gateway: string;
      route: string;
      rule: number;
      pod: string;
      endpoint: string;
      service: string;
      envoy: string;
      kind?: string;
    }) =>
      `Gateway ${p.gateway} matched ${p.kind ?? 'HTTPRoute'} ${p.route}, rule ${p.rule}, and Envoy proxied the request to pod ${p.pod} (${p.endpoint}) of Service ${p.service} directly; the pod sees Envoy's address ${p.envoy}, the client's is in X-Forwarded-For.`,
    ko: (p) =>
      `게이트웨이 ${josa(p.gateway, '이/가')} ${p.kind ?? 'HTTPRoute'} ${p.route}의 규칙 ${p.rule}에 맞춰, Envoy가 요청을 ${p.service} 서비스의 ${p.pod} 파드(${p.endpoint})로 바로 프록시했습니다. 파드에는 Envoy의 주소(${p.envoy})가 보이고, 클라이언트의 주소는 X-Forwarded-For 헤더에 있습니다.`,
    example: {
      gateway: 'default/eg',
      route: 'default/shop',
      rule: 0,
      pod: 'web-v1-abc',
      endpoint: '10.244.1.5:8080',
      service: 'default/web-v1',
      envoy: '10.244.2.3',
    },
  },
  'gw.unreachable': {
    en: (p: { endpoint: string; why: Msg; status: number }, r: RenderNested) =>
      `Envoy could not reach ${p.endpoint} (${r(p.why)}) and answers ${p.status}.`,
    ko: (p, r) => `Envoy가 ${p.endpoint}에 닿지 못해 ${p.status} 응답을 보냅니다. ${r(p.why)}`,
    example: {
      endpoint: '10.244.1.5:8080',
      why: { id: 'common.untranslated', params: { text: 'connection refused' } },
      status: 503,
    },
  },
});
