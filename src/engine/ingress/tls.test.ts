/**
 * Ingress TLS on ingress-nginx, through the CLI: the certificate the controller serves for each host
 * (controller.go createServers/extractTLSSecretName, store/backend_ssl.go, net/ssl/ssl.go GetFakeSSLCert),
 * the one the SNI picks at the handshake (lua/certificate.lua), what curl does with it (exit 60 without -k,
 * the handshake with -v), the HTTP→HTTPS redirect (lua_ingress.lua) and plain HTTP on the TLS port.
 */
import { describe, expect, it } from 'vitest';
import { deployment, scene } from '../testing/scene';
import {
  API_CHAIN,
  API_KEY,
  SHOP_CRT,
  SHOP_KEY,
  WILDCARD_CRT,
  WILDCARD_KEY,
  tlsSecretYaml,
} from '../gateway/test-certificates.test-helper';

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
`;

function ingressYaml(name: string, tls: string, hosts: string[], annotations = ''): string {
  const rules = hosts
    .map(
      (h) => `  - host: ${h}
    http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] }`,
    )
    .join('\n');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${name}${annotations ? `, annotations: { ${annotations} }` : ''} }
spec:
  ingressClassName: nginx
  tls: ${tls}
  rules:
${rules}
`;
}

function tlsScene(...docs: string[]) {
  return scene([deployment('web', 1), SERVICE, ...docs].join('---\n'));
}

const FAKE_SUBJECT = '*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate';
const SHOP_TLS = tlsSecretYaml('shop-tls', SHOP_CRT, SHOP_KEY);

const s = tlsScene(
  ingressYaml('shop', '[{ hosts: [shop.example.com], secretName: shop-tls }]', ['shop.example.com']),
  ingressYaml('blog', '[]', ['blog.example.com']),
  SHOP_TLS,
);

/** What ingress-nginx said on its hop (where the TLS note of a request that went through lives). */
function controllerNote(sc: ReturnType<typeof scene>, line: string): string {
  const t = sc.json(`${line} -o json`);
  return (t.hops as { stage: string; note?: string }[]).find((h) => h.stage === 'ingress-controller')!.note!;
}

function explain(sc: ReturnType<typeof scene>, line: string, lang: 'en' | 'ko' = 'en'): string {
  sc.env.lang = lang;
  try {
    return sc.json(`${line} -o json`).explanation as string;
  } finally {
    sc.env.lang = 'en';
  }
}

describe('ingress-nginx TLS: the certificate by SNI, verified by curl', () => {
  it('the Secret listed for the host is self-signed: curl stops with exit 60 without -k', () => {
    const r = s.run('curl --from external https://shop.example.com/');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('curl: (60) SSL certificate problem: self-signed certificate');
    expect(r.stderr).toContain('More details here: https://curl.se/docs/sslcerts.html');
    const v = s.run('curl --from external -v https://shop.example.com/').stderr.split('\n');
    expect(v).toContain('*  CAfile: /etc/ssl/certs/ca-certificates.crt');
    expect(v).toContain('* TLSv1.3 (OUT), TLS alert, unknown CA (560):');
    expect(v).toContain('* SSL certificate problem: self-signed certificate');
    expect(v).not.toContain('> GET / HTTP/2');
    const t = s.json('curl --from external https://shop.example.com/ -o json');
    expect(t.tls).toMatchObject({ sni: 'shop.example.com', end: 'untrusted', verifyPeer: true });
    expect(t.tls.chain[0].subject).toBe('CN=shop.example.com');
    expect(explain(s, 'curl --from external https://shop.example.com/')).toContain(
      'the certificate of Secret "default/shop-tls", listed for shop.example.com in spec.tls',
    );
  });

  it('with -k curl goes on over HTTP/2 and shows the Secret’s certificate', () => {
    const r = s.run('curl --from external -kv https://shop.example.com/');
    expect(r.exitCode).toBe(0);
    const v = r.stderr.split('\n');
    expect(v).toContain('*  subject: CN=shop.example.com');
    expect(v).toContain('*  SSL certificate verify result: self-signed certificate (18), continuing anyway.');
    expect(v).toContain('* ALPN: server accepted h2');
    expect(v).toContain('< HTTP/2 200 ');
    expect(v).toContain('< strict-transport-security: max-age=31536000; includeSubDomains');
    expect(v).not.toContain('*  CAfile: /etc/ssl/certs/ca-certificates.crt');
    const t = s.json('curl --from external -k https://shop.example.com/ -o json');
    expect(t.backend.service).toBe('default/web');
    expect(t.requestSeenByBackend?.headers?.['X-Forwarded-Proto'] ?? 'https').toBe('https');
    const h1 = s.run('curl --from external -kv --http1.1 https://shop.example.com/').stderr.split('\n');
    expect(h1).toContain('* ALPN: server accepted http/1.1');
    expect(h1).toContain('< HTTP/1.1 200 OK');
  });

  it('a host without a TLS entry gets the fake certificate (and so does a URL with an IP: no SNI)', () => {
    const v = s.run('curl --from external -kv https://blog.example.com/').stderr.split('\n');
    expect(v).toContain(FAKE_SUBJECT);
    expect(v).toContain('*  issuer: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate');
    expect(v).toContain(
      '*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption',
    );
    expect(v).toContain('* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS');
    const why = controllerNote(s, 'curl --from external -k https://blog.example.com/');
    expect(why).toContain('no server with TLS is named blog.example.com');
    expect(why).toContain('the certificate covers ingress.local, not "blog.example.com"');
    expect(s.run('curl --from external https://blog.example.com/').stderr.split('\n')[0]).toBe(
      'curl: (60) SSL certificate problem: self-signed certificate',
    );
    const ip = s.json('get ingress shop -o json').items[0].status.loadBalancer.ingress[0].ip as string;
    const t = s.json(`curl --from external -k -H 'Host: shop.example.com' https://${ip}/ -o json`);
    expect(t.tls.sni).toBeUndefined();
    expect(t.tls.chain[0].subject).toBe('O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate');
  });

  it('every rule host of an Ingress with spec.tls gets a certificate: the fake one when no Secret is found for it', () => {
    const sc = tlsScene(
      ingressYaml('shop', '[{ hosts: [shop.example.com], secretName: shop-tls }]', [
        'shop.example.com',
        'blog.example.com',
      ]),
      SHOP_TLS,
    );
    expect(controllerNote(sc, 'curl --from external -k https://blog.example.com/')).toContain(
      'host blog.example.com is in an Ingress with spec.tls, but no secretName is given for it',
    );
    expect(sc.json('curl --from external http://blog.example.com/ -o json').response.status).toBe(308);
  });

  it('falls back to the fake certificate when the Secret is missing, holds no pair, is not PEM, or does not cover the host', () => {
    const cases: [string, string, string][] = [
      ['missing', '', 'Secret "default/shop-tls" does not exist'],
      [
        'no pair',
        `apiVersion: v1
kind: Secret
metadata: { name: shop-tls }
type: Opaque
stringData: { cert: x }
`,
        'Secret "default/shop-tls" has no tls.crt and tls.key keys',
      ],
      [
        'not PEM',
        `apiVersion: v1
kind: Secret
metadata: { name: shop-tls }
type: kubernetes.io/tls
data: { tls.crt: bm90IGEgY2VydA==, tls.key: bm90IGEga2V5 }
`,
        'the tls.crt of Secret "default/shop-tls" is not a PEM certificate',
      ],
      [
        'other host',
        tlsSecretYaml('shop-tls', API_CHAIN, API_KEY),
        'the certificate of Secret "default/shop-tls" covers api.example.com, www.api.example.com, not shop.example.com',
      ],
    ];
    for (const [label, secret, words] of cases) {
      const sc = tlsScene(
        ingressYaml('shop', '[{ hosts: [shop.example.com], secretName: shop-tls }]', ['shop.example.com']),
        ...(secret ? [secret] : []),
      );
      const v = sc.run('curl --from external -kv https://shop.example.com/').stderr.split('\n');
      expect(v, label).toContain(FAKE_SUBJECT);
      expect(controllerNote(sc, 'curl --from external -k https://shop.example.com/'), label).toContain(words);
      expect(explain(sc, 'curl --from external https://shop.example.com/'), label).toContain(words);
      // The host still has a certificate configured (the fake one), so plain HTTP is redirected.
      expect(sc.json('curl --from external http://shop.example.com/ -o json').response.status, label).toBe(
        308,
      );
    }
  });

  it('an Opaque Secret with the pair serves: the controller reads the keys, not the type', () => {
    const sc = tlsScene(
      ingressYaml('shop', '[{ hosts: [shop.example.com], secretName: shop-tls }]', ['shop.example.com']),
      tlsSecretYaml('shop-tls', SHOP_CRT, SHOP_KEY, 'default', 'Opaque'),
    );
    expect(sc.run('curl --from external -kv https://shop.example.com/').stderr).toContain(
      '*  subject: CN=shop.example.com',
    );
  });

  it('a spec.tls entry without the host still serves it when its certificate covers the host (extractTLSSecretName)', () => {
    const sc = tlsScene(
      ingressYaml('wild', '[{ secretName: wild-tls }]', ['shop.example.com']),
      tlsSecretYaml('wild-tls', WILDCARD_CRT, WILDCARD_KEY),
    );
    const v = sc.run('curl --from external -kv https://shop.example.com/').stderr.split('\n');
    expect(v).toContain('*  subject: CN=*.example.com');
    expect(controllerNote(sc, 'curl --from external -k https://shop.example.com/')).toContain(
      'which covers shop.example.com although no spec.tls entry lists it',
    );
  });

  it('a chain ending in a CA curl does not know: "self-signed certificate in certificate chain" (19)', () => {
    const sc = tlsScene(
      ingressYaml('api', '[{ hosts: [api.example.com], secretName: api-tls }]', ['api.example.com']),
      tlsSecretYaml('api-tls', API_CHAIN, API_KEY),
    );
    expect(sc.run('curl --from external https://api.example.com/').stderr.split('\n')[0]).toBe(
      'curl: (60) SSL certificate problem: self-signed certificate in certificate chain',
    );
  });

  it('the Korean explanation says the same in Korean', () => {
    const ko = explain(s, 'curl --from external https://shop.example.com/', 'ko');
    expect(ko).toContain('ingress-nginx와의 TLS 핸드셰이크가 실패합니다.');
    expect(ko).toContain('"default/shop-tls" 시크릿의 인증서');
  });
});

describe('ingress-nginx HTTP→HTTPS redirect and ports', () => {
  it('308 to https:// without the trailing slash of the request URI (lua_ingress.lua rewrite)', () => {
    const r = s.json('curl --from external http://shop.example.com/ -o json');
    expect(r.response.status).toBe(308);
    expect(r.response.headers.Location).toBe('https://shop.example.com');
    expect(r.backend).toBeNull();
    const deep = s.json('curl --from external http://shop.example.com/cart/?x=1 -o json');
    expect(deep.response.headers.Location).toBe('https://shop.example.com/cart/?x=1');
    const slash = s.json('curl --from external http://shop.example.com/cart/ -o json');
    expect(slash.response.headers.Location).toBe('https://shop.example.com/cart');
    // A host without TLS is not redirected.
    expect(s.json('curl --from external http://blog.example.com/ -o json').response.status).toBe(200);
  });

  it('ssl-redirect "false" turns it off, preserve-trailing-slash keeps the slash, force-ssl-redirect redirects a host without TLS', () => {
    const off = tlsScene(
      ingressYaml(
        'shop',
        '[{ hosts: [shop.example.com], secretName: shop-tls }]',
        ['shop.example.com'],
        'nginx.ingress.kubernetes.io/ssl-redirect: "false"',
      ),
      SHOP_TLS,
    );
    expect(off.json('curl --from external http://shop.example.com/ -o json').response.status).toBe(200);
    const keep = tlsScene(
      ingressYaml(
        'shop',
        '[{ hosts: [shop.example.com], secretName: shop-tls }]',
        ['shop.example.com'],
        'nginx.ingress.kubernetes.io/preserve-trailing-slash: "true"',
      ),
      SHOP_TLS,
    );
    expect(
      keep.json('curl --from external http://shop.example.com/a/ -o json').response.headers.Location,
    ).toBe('https://shop.example.com/a/');
    const force = tlsScene(
      ingressYaml(
        'blog',
        '[]',
        ['blog.example.com'],
        'nginx.ingress.kubernetes.io/force-ssl-redirect: "true"',
      ),
    );
    expect(force.json('curl --from external http://blog.example.com/x -o json').response).toMatchObject({
      status: 308,
      headers: { Location: 'https://blog.example.com/x' },
    });
  });

  it('plain HTTP to port 443 gets nginx’s 400; TLS to port 80 fails in curl with exit 35', () => {
    const r = s.run('curl --from external http://shop.example.com:443/');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(
      '<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>',
    );
    expect(r.stdout).toContain('<center><h1>400 Bad Request</h1></center>');
    const t = s.run('curl --from external https://shop.example.com:80/');
    expect(t.stderr).toBe('curl: (35) OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number\n');
  });
});
