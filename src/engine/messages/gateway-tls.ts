/**
 * What svclab says about the TLS handshake with a Gateway's Envoy on an HTTPS listener: which filter
 * chain the SNI selected (or why none did), which certificate Envoy presented and the names it covers,
 * whether curl trusted it, and what happens when plain HTTP meets a TLS port or TLS a plain one.
 * Names, hosts and OpenSSL's words are parameters, never translated.
 */
import { defineMessages, type Msg, type RenderNested } from './define';
import { josa, pick } from './josa';

export const gatewayTls = defineMessages({
  'gw.tls.noChain': {
    en: (p: { port: number; sni: string; serverNames: string }) =>
      p.sni
        ? `TLS: Envoy has no filter chain on port ${p.port} for the SNI "${p.sni}" (its HTTPS listeners there serve ${p.serverNames || 'no name'} and none takes any name), so it closes the connection during the handshake; curl reports SSL_ERROR_SYSCALL (exit 35).`
        : `TLS: curl sent no SNI (the URL names an IP address) and every HTTPS listener on port ${p.port} names a hostname (${p.serverNames}), so Envoy has no filter chain for this handshake and closes the connection; curl reports SSL_ERROR_SYSCALL (exit 35). Use the hostname in the URL (with --resolve if DNS does not know it).`,
    ko: (p) =>
      p.sni
        ? `TLS: ${p.port}번 포트의 Envoy에는 SNI "${p.sni}"에 맞는 필터 체인이 없습니다(그 포트의 HTTPS 리스너는 ${p.serverNames || '이름 없음'}만 받고, 아무 이름이나 받는 리스너도 없습니다). 그래서 Envoy가 핸드셰이크 도중 연결을 끊고, curl은 SSL_ERROR_SYSCALL(종료 코드 35)을 보고합니다.`
        : `TLS: URL이 IP 주소라서 curl이 SNI를 보내지 않았는데, ${p.port}번 포트의 HTTPS 리스너는 모두 호스트네임(${p.serverNames})을 지정했습니다. 이 핸드셰이크에 맞는 필터 체인이 없어 Envoy가 연결을 끊고, curl은 SSL_ERROR_SYSCALL(종료 코드 35)을 보고합니다. URL에 호스트네임을 쓰세요(DNS에 없으면 --resolve 사용).`,
    example: { port: 443, sni: 'other.example.com', serverNames: 'shop.example.com' },
  },
  'gw.tls.chain': {
    en: (p: {
      sni: string;
      listener: string;
      by: 'exact' | 'wildcard' | 'any';
      secret: string;
      subject: string;
      issuer: string;
      names: string;
    }) => {
      const how =
        p.by === 'exact'
          ? `its hostname is the SNI "${p.sni}"`
          : p.by === 'wildcard'
            ? `its wildcard hostname covers the SNI "${p.sni}"`
            : p.sni
              ? `no listener names "${p.sni}" and this one takes any name`
              : 'curl sent no SNI and this listener takes any name';
      return `TLS: Envoy picks the filter chain of listener ${p.listener} (${how}) and presents the certificate of Secret ${p.secret}: subject ${p.subject}, issued by ${p.issuer}, for ${p.names || 'no DNS name'}.`;
    },
    ko: (p) => {
      const how =
        p.by === 'exact'
          ? `호스트네임이 SNI "${p.sni}"${pick(p.sni, '와/과')} 같음`
          : p.by === 'wildcard'
            ? `와일드카드 호스트네임이 SNI "${p.sni}"${pick(p.sni, '을/를')} 포함함`
            : p.sni
              ? `"${p.sni}"${pick(p.sni, '을/를')} 지정한 리스너가 없고 이 리스너는 아무 이름이나 받음`
              : 'curl이 SNI를 보내지 않았고 이 리스너는 아무 이름이나 받음';
      return `TLS: Envoy가 리스너 ${p.listener}의 필터 체인을 고르고(${how}) 시크릿 ${p.secret}의 인증서를 보냅니다. 주체 ${p.subject}, 발급자 ${p.issuer}, 대상 이름 ${p.names || '(DNS 이름 없음)'}.`;
    },
    example: {
      sni: 'shop.example.com',
      listener: 'https',
      by: 'exact',
      secret: 'default/shop-tls',
      subject: 'CN=shop.example.com',
      issuer: 'CN=shop.example.com',
      names: 'shop.example.com',
    },
  },
  'gw.tls.untrusted': {
    en: (p: { verify: string; selfSigned: boolean }) =>
      `curl refuses the certificate (${p.verify}): ${p.selfSigned ? 'a self-signed certificate is trusted by no client' : "no certificate authority in curl's trust store signed it"}, so the handshake fails with exit 60 and no request is sent. Use a certificate from a CA the client trusts, or tell curl to skip the check with -k.`,
    ko: (p) =>
      `curl이 인증서를 거부합니다(${p.verify}). ${p.selfSigned ? '자체 서명 인증서는 어떤 클라이언트도 신뢰하지 않으므로' : 'curl이 신뢰하는 인증 기관(CA)이 서명한 인증서가 아니므로'} 핸드셰이크가 종료 코드 60으로 실패하고 요청은 보내지지 않습니다. 클라이언트가 신뢰하는 CA의 인증서를 쓰거나, -k로 검증을 건너뛰세요.`,
    example: { verify: 'self-signed certificate', selfSigned: true },
  },
  'gw.tls.insecure': {
    en: (p: { verify: string; alpn: string }) =>
      `With -k curl does not verify the certificate (${p.verify}) and goes on; ALPN settles on ${p.alpn}.`,
    ko: (p) =>
      `-k가 있어 curl은 인증서를 검증하지 않고(${p.verify}) 진행합니다. ALPN으로 ${josa(p.alpn, '을/를')} 씁니다.`,
    example: { verify: 'self-signed certificate', alpn: 'h2' },
  },
  'gw.tls.nameMismatch': {
    en: (p: { host: string; names: string }) =>
      `Note: the certificate covers ${p.names || 'no DNS name'}, not "${p.host}"; a client that trusted its CA would still refuse it ("no alternative certificate subject name matches target host name").`,
    ko: (p) =>
      `참고: 이 인증서의 대상 이름은 ${p.names || '(DNS 이름 없음)'}이고 "${p.host}"${pick(p.host, '은/는')} 포함되지 않습니다. CA를 신뢰하는 클라이언트라도 이름 불일치("no alternative certificate subject name matches target host name")로 거부합니다.`,
    example: { host: 'shop.example.com', names: '*.other.example' },
  },
  'gw.tls.plainToTls': {
    en: (p: { port: number; listeners: string }) =>
      `Port ${p.port} is an HTTPS listener (${p.listeners}): Envoy waits for a TLS ClientHello, gets plain HTTP, and closes the connection without an answer; curl reports an empty reply (exit 52). Use https://.`,
    ko: (p) =>
      `${p.port}번 포트는 HTTPS 리스너(${p.listeners})입니다. Envoy는 TLS ClientHello를 기다리는데 평문 HTTP가 와서 응답 없이 연결을 끊습니다. curl은 빈 응답(종료 코드 52)을 보고합니다. https://를 쓰세요.`,
    example: { port: 443, listeners: 'https' },
  },
  'gw.tls.tlsToPlain': {
    en: (p: { port: number; listeners: string }) =>
      `Port ${p.port} is a plain HTTP listener (${p.listeners}): Envoy reads curl's TLS ClientHello as a malformed HTTP request and answers 400 in plain text, which curl cannot read as TLS (exit 35). Use http://.`,
    ko: (p) =>
      `${p.port}번 포트는 평문 HTTP 리스너(${p.listeners})입니다. Envoy는 curl의 TLS ClientHello를 잘못된 HTTP 요청으로 읽고 평문 400 응답을 보내는데, curl은 이를 TLS로 읽을 수 없습니다(종료 코드 35). http://를 쓰세요.`,
    example: { port: 80, listeners: 'http' },
  },
  'gw.tls.failed': {
    en: (p: { note: Msg }, r: RenderNested) =>
      `The TLS handshake with the Gateway's Envoy fails. ${r(p.note)}`,
    ko: (p, r) => `게이트웨이 Envoy와의 TLS 핸드셰이크가 실패합니다. ${r(p.note)}`,
    example: {
      note: { id: 'gw.tls.plainToTls', params: { port: 443, listeners: 'https' } },
    },
  },
});
