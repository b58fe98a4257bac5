import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import {
  API_CHAIN,
  API_CRT,
  API_KEY,
  SHOP_CRT,
  SHOP_KEY,
  WILDCARD_CRT,
  WILDCARD_KEY,
  tlsSecretYaml,
} from './test-certificates.test-helper';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from './test-scenes.test-helper';

const LISTENERS = [
  '{ name: http, protocol: HTTP, port: 80 }',
  '{ name: shop, protocol: HTTPS, port: 443, hostname: shop.example.com, tls: { mode: Terminate, certificateRefs: [{ name: shop-tls }] } }',
  '{ name: wild, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: { certificateRefs: [{ name: wild-tls }] } }',
  '{ name: api, protocol: HTTPS, port: 8443, tls: { certificateRefs: [{ name: api-tls }] } }',
];

const ROUTE = routeYaml(
  'web',
  `  parentRefs: [{ name: eg }]
  rules:
  - backendRefs: [{ name: web, port: 80 }]`,
);

function tlsScene(listeners = LISTENERS, extra: string[] = []) {
  return scene(
    docs(
      CLASS,
      gatewayYaml('eg', listeners),
      tlsSecretYaml('shop-tls', SHOP_CRT, SHOP_KEY),
      tlsSecretYaml('wild-tls', WILDCARD_CRT, WILDCARD_KEY),
      tlsSecretYaml('api-tls', API_CHAIN, API_KEY),
      backend('web'),
      ROUTE,
      ...extra,
    ),
  );
}

const s = tlsScene();
const ip = s.json('get gateways eg -o json').items[0].status.addresses[0].value as string;

/** The explanation of a JSON trace in one language. */
function explain(sc: ReturnType<typeof scene>, line: string, lang: 'en' | 'ko' = 'en'): string {
  sc.env.lang = lang;
  try {
    return sc.json(`${line} -o json`).explanation as string;
  } finally {
    sc.env.lang = 'en';
  }
}

describe('HTTPS listeners: TLS terminated by Envoy Gateway', () => {
  it('programs every listener whose Secret holds a PEM certificate and key', () => {
    const gw = s.json('get gateways eg -o json').items[0];
    const ready = gw.status.listeners.map(
      (l: { name: string; conditions: { type: string; status: string }[] }) =>
        `${l.name}=${l.conditions.find((c) => c.type === 'Programmed')!.status}`,
    );
    expect(ready).toEqual(['http=True', 'shop=True', 'wild=True', 'api=True']);
  });

  it('refuses a Secret whose tls.crt is not PEM, in Envoy Gateway words', () => {
    const bad = scene(
      docs(
        CLASS,
        gatewayYaml('eg', [
          '{ name: https, protocol: HTTPS, port: 443, tls: { certificateRefs: [{ name: junk }] } }',
        ]),
        `apiVersion: v1
kind: Secret
metadata: { name: junk, namespace: default }
type: kubernetes.io/tls
data: { tls.crt: bm90IGEgY2VydA==, tls.key: bm90IGEga2V5 }
`,
      ),
    );
    const l = bad.json('get gateways eg -o json').items[0].status.listeners[0];
    const rr = l.conditions.find((c: { type: string }) => c.type === 'ResolvedRefs');
    expect(rr).toMatchObject({ status: 'False', reason: 'InvalidCertificateRef' });
    expect(rr.message).toBe(
      'No valid secrets exist: default/junk must contain valid tls.crt and tls.key, unable to validate certificate in tls.crt: unable to decode pem data for certificate.',
    );
    const programmed = l.conditions.find((c: { type: string }) => c.type === 'Programmed');
    expect(programmed.status).toBe('False');
  });

  it('an IP address in the URL sends no SNI: every 443 listener names a host, so Envoy closes (exit 35)', () => {
    const r = s.run(`curl --from external https://${ip}/ -H 'Host: shop.example.com'`);
    // an IP URL sends no SNI: only a listener without hostname would take it, and 443 has none
    expect(r.stderr).toBe(`curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to ${ip}:443 \n`);
    expect(r.exitCode).toBe(1);
  });
});

describe('SNI selects the filter chain (needs the name in the URL)', () => {
  // The route's hostnames are published at the Gateway's address (discovery/external-hosts.ts), so the
  // outside client resolves them and curl sends them as SNI; a Host header is not SNI.
  const named = tlsScene(LISTENERS, [
    routeYaml(
      'named',
      `  parentRefs: [{ name: eg }]
  hostnames: [shop.example.com, cart.example.com, api.example.com, shop.svclab.test]
  rules:
  - backendRefs: [{ name: web, port: 80 }]`,
    ),
  ]);
  const curl = (args: string) => named.run(`curl --from external ${args}`);

  it('self-signed for the exact hostname: exit 60 "self-signed certificate" and curl\'s advice', () => {
    const r = curl('https://shop.example.com/');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'curl: (60) SSL certificate problem: self-signed certificate\n' +
        'More details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\n' +
        'establish a secure connection to it. To learn more about this situation and\n' +
        'how to fix it, please visit the web page mentioned above.\n',
    );
    const t = named.json('curl --from external https://shop.example.com/ -o json');
    expect(t.clientError.curlExitCode).toBe(60);
    expect(t.backend).toBeNull();
    expect(t.tls).toMatchObject({ sni: 'shop.example.com', end: 'untrusted', verify: { code: 18 } });
    const line = 'curl --from external https://shop.example.com/';
    expect(explain(named, line)).toContain('listener shop (its hostname is the SNI "shop.example.com")');
    expect(explain(named, line, 'ko')).toContain('자체 서명 인증서');
  });

  it('-k goes on over HTTP/2 and the backend answers', () => {
    const r = curl('-k -i https://shop.example.com/');
    expect(r.exitCode).toBe(0);
    // the console shows a carriage return as \r (commands/escape.ts)
    expect(r.stdout.startsWith('HTTP/2 200 \\r\n')).toBe(true);
    const t = named.json('curl --from external -k https://shop.example.com/ -o json');
    expect(t.backend.service).toBe('default/web');
    expect(t.tls).toMatchObject({ end: 'ok', alpn: 'h2', verify: { code: 18 } });
    const http11 = curl('-k -i --http1.1 https://shop.example.com/');
    expect(http11.stdout.startsWith('HTTP/1.1 200 OK\\r\n')).toBe(true);
  });

  it('a wildcard listener takes the names the exact one does not', () => {
    const t = named.json('curl --from external -k https://cart.example.com/ -o json');
    expect(t.tls.chain[0].subject).toBe('CN=*.example.com');
    const hop = t.hops.find((h: { stage: string }) => h.stage === 'gateway');
    expect(hop.note).toContain('listener wild (its wildcard hostname covers the SNI "cart.example.com")');
    expect(hop.note).toContain('With -k curl does not verify the certificate (self-signed certificate)');
  });

  it('a name no listener serves on the port: Envoy closes, curl exit 35 with its trailing space', () => {
    const r = curl('https://shop.svclab.test/');
    expect(r.stderr).toBe(
      'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to shop.svclab.test:443 \n',
    );
    const line = 'curl --from external https://shop.svclab.test/';
    expect(explain(named, line)).toContain('no filter chain on port 443 for the SNI "shop.svclab.test"');
    expect(explain(named, line, 'ko')).toContain('필터 체인이 없습니다');
  });

  it('a listener without hostname takes any SNI; a CA-issued leaf without its CA is error 20, with it 19', () => {
    const r = curl('https://api.example.com:8443/');
    expect(r.stderr).toContain(
      'curl: (60) SSL certificate problem: self-signed certificate in certificate chain\n',
    );
    const only = tlsScene(
      ['{ name: api, protocol: HTTPS, port: 8443, tls: { certificateRefs: [{ name: leaf }] } }'],
      [
        tlsSecretYaml('leaf', API_CRT, API_KEY),
        routeYaml(
          'leaf-route',
          `  parentRefs: [{ name: eg }]\n  hostnames: [api.example.com]\n  rules:\n  - backendRefs: [{ name: web, port: 80 }]`,
        ),
      ],
    );
    expect(only.run('curl --from external https://api.example.com:8443/').stderr).toContain(
      'curl: (60) SSL certificate problem: unable to get local issuer certificate\n',
    );
  });

  it('-v prints the handshake as curl 8.5 does', () => {
    const r = curl('-v -k https://shop.example.com/');
    const lines = r.stderr.split('\n');
    const from = lines.indexOf('* ALPN: curl offers h2,http/1.1');
    expect(lines.slice(from, from + 2)).toEqual([
      '* ALPN: curl offers h2,http/1.1',
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
    ]);
    expect(lines).not.toContain('*  CAfile: /etc/ssl/certs/ca-certificates.crt'); // -k: no CA store
    expect(lines).toContain(
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / id-ecPublicKey',
    );
    expect(lines).toContain('* ALPN: server accepted h2');
    expect(lines).toContain('*  subject: CN=shop.example.com');
    expect(lines).toContain(
      '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.',
    );
    expect(lines).toContain(
      '*   Certificate level 0: Public key type EC/prime256v1 (256/128 Bits/secBits), signed using ecdsa-with-SHA256',
    );
    expect(lines).toContain('* [HTTP/2] [1] OPENED stream for https://shop.example.com/');
    expect(lines).toContain('> GET / HTTP/2');
    expect(lines).toContain('< HTTP/2 200 ');
    const refused = curl('-v https://shop.example.com/').stderr.split('\n');
    expect(refused).toContain('*  CAfile: /etc/ssl/certs/ca-certificates.crt');
    expect(refused).toContain('* TLSv1.3 (OUT), TLS alert, unknown CA (560):');
    expect(refused).toContain('* SSL certificate problem: self-signed certificate');
  });

  it('plain HTTP to an HTTPS port is an empty reply; TLS to an HTTP port a wrong version number', () => {
    expect(curl('http://shop.example.com:443/').stderr).toBe('curl: (52) Empty reply from server\n');
    expect(curl('-k https://shop.example.com:80/').stderr).toBe(
      'curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number\n',
    );
  });
});
