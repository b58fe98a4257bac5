import { describe, expect, it } from 'vitest';
import { routeIngress, type IngressDecision, type IngressRequest } from './controller';
import { createIngressState } from './state';
import { backendKey, cookieTime, hex } from './affinity';
import { NOT_FOUND_BODY, UNAVAILABLE_BODY } from './responses';
import { clusterWithController, ingress, service, tlsSecret } from '../testing/ingress-objects';
import { en } from '../testing/render';

const req = (over: Partial<IngressRequest> = {}): IngressRequest => ({
  host: 'shop.example.com',
  path: '/',
  method: 'GET',
  scheme: 'http',
  headers: {},
  clientAddress: '203.0.113.10:41234',
  ...over,
});

function proxy(d: IngressDecision) {
  if (d.kind !== 'proxy') throw new Error(`expected proxy, got ${d.kind}: ${d.note}`);
  return d;
}

function shop(annotations?: Record<string, string>) {
  const c = clusterWithController();
  service(c, { name: 'web', pods: ['10.244.1.5', '10.244.2.6', '10.244.1.7'] });
  service(c, {
    name: 'api',
    ports: [
      { name: 'grpc', port: 9000, targetPort: 9000 },
      { name: 'http', port: 8080, targetPort: 'web' },
    ],
    slicePorts: [
      { name: 'grpc', port: 9000 },
      { name: 'http', port: 3000 },
    ],
    pods: ['10.244.3.8'],
  });
  service(c, { name: 'empty', pods: ['!10.244.1.9'] });
  ingress(
    c,
    'shop',
    {
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
              {
                path: '/api',
                pathType: 'Prefix',
                backend: { service: { name: 'api', port: { name: 'http' } } },
              },
              {
                path: '/down',
                pathType: 'Exact',
                backend: { service: { name: 'empty', port: { number: 80 } } },
              },
              {
                path: '/gone',
                pathType: 'Exact',
                backend: { service: { name: 'nope', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
    annotations,
  );
  return c;
}

describe('routeIngress: routing', () => {
  it('proxies to pod endpoints round-robin, never via the ClusterIP', () => {
    const c = shop();
    const s = createIngressState();
    const picks = [1, 2, 3, 4].map(() => proxy(routeIngress(c, s, req())).endpoint.ip);
    expect(picks).toEqual(['10.244.1.5', '10.244.2.6', '10.244.1.7', '10.244.1.5']);
    const d = proxy(routeIngress(c, s, req({ path: '/cart' })));
    expect(d).toMatchObject({
      ingress: 'default/shop',
      rule: 'shop.example.com / (Prefix) → web:80',
      service: 'default/web',
      servicePort: 80,
      upstream: 'default-web-80',
      endpoint: { ip: '10.244.2.6', port: 8080, pod: 'default/web-1' },
    });
    expect(d.candidates.map((x) => `${x.endpoint}${x.chosen ? '*' : ''}`)).toEqual([
      '10.244.1.5:8080',
      '10.244.2.6:8080*',
      '10.244.1.7:8080',
    ]);
    expect(en(d.note)).toContain('the ClusterIP is not used');
    expect(en(d.note)).not.toContain('10.96.');
  });

  it('resolves a backend port by name through the Service port to the EndpointSlice port', () => {
    const d = proxy(routeIngress(shop(), createIngressState(), req({ path: '/api/items' })));
    expect(d.endpoint).toEqual({ ip: '10.244.3.8', port: 3000, pod: 'default/api-0' });
    expect(d.servicePort).toBe(8080);
    expect(d.upstream).toBe('default-api-http');
  });

  it('answers 404 from the default backend when nothing matches', () => {
    const d = routeIngress(shop(), createIngressState(), req({ host: 'other.example.com' }));
    expect(d).toMatchObject({ kind: 'respond', status: 404, body: NOT_FOUND_BODY });
    expect(NOT_FOUND_BODY).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    );
  });

  it('answers 503 when the Service has no ready endpoint or does not exist', () => {
    const c = shop();
    const down = routeIngress(c, createIngressState(), req({ path: '/down' }));
    expect(down).toMatchObject({
      kind: 'respond',
      status: 503,
      body: UNAVAILABLE_BODY,
      service: 'default/empty',
    });
    const gone = routeIngress(c, createIngressState(), req({ path: '/gone' }));
    expect(gone).toMatchObject({ kind: 'respond', status: 503, service: 'default/nope' });
    expect(en(gone.note)).toContain('Service "default/nope" not found');
  });

  it('adds the X-Forwarded-* headers with the client address the controller sees', () => {
    const d = proxy(
      routeIngress(
        shop(),
        createIngressState(),
        req({ host: 'shop.example.com:80', headers: { 'X-Forwarded-For': '1.2.3.4' } }),
      ),
    );
    expect(d.requestHeaders).toEqual({
      Host: 'shop.example.com:80',
      'X-Request-ID': hex('svclab-request-1'),
      'X-Real-IP': '203.0.113.10',
      'X-Forwarded-For': '203.0.113.10',
      'X-Forwarded-Host': 'shop.example.com:80',
      'X-Forwarded-Port': '80',
      'X-Forwarded-Proto': 'http',
      'X-Forwarded-Scheme': 'http',
      'X-Scheme': 'http',
      'X-Original-Forwarded-For': '1.2.3.4',
    });
    expect(d.requestHeaders['X-Request-ID']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('passes a client X-Request-ID through', () => {
    const d = proxy(routeIngress(shop(), createIngressState(), req({ headers: { 'x-request-id': 'abc' } })));
    expect(d.requestHeaders['X-Request-ID']).toBe('abc');
  });
});

describe('routeIngress: TLS', () => {
  function tlsShop(secretType?: string) {
    const c = shop();
    c.ingresses[0]!.spec.tls = [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }];
    if (secretType) tlsSecret(c, 'shop-tls', secretType);
    return c;
  }

  it('terminates HTTPS with the Secret and adds HSTS; curl goes on only with -k (no CA signed it)', () => {
    const c = tlsShop('kubernetes.io/tls');
    const strict = routeIngress(c, createIngressState(), req({ scheme: 'https', sni: 'shop.example.com' }));
    expect(strict).toMatchObject({
      kind: 'tls-error',
      curlExitCode: 60,
      message: 'curl: (60) SSL certificate problem: self-signed certificate',
      certificate: 'default/shop-tls',
    });
    const d = proxy(
      routeIngress(
        c,
        createIngressState(),
        req({ scheme: 'https', sni: 'shop.example.com', insecure: true }),
      ),
    );
    expect(d.tls?.certificate).toBe('default/shop-tls');
    expect(d.tls?.view).toMatchObject({ end: 'ok', alpn: 'h2', verifyPeer: false });
    expect(d.requestHeaders['X-Forwarded-Proto']).toBe('https');
    expect(d.requestHeaders['X-Forwarded-Port']).toBe('443');
    expect(d.responseHeaders['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('redirects plain HTTP to HTTPS with 308 when TLS is configured for the host', () => {
    const d = routeIngress(tlsShop('kubernetes.io/tls'), createIngressState(), req({ path: '/cart?x=1' }));
    expect(d).toMatchObject({
      kind: 'respond',
      status: 308,
      headers: { Location: 'https://shop.example.com/cart?x=1' },
    });
    const off = tlsShop('kubernetes.io/tls');
    off.ingresses[0]!.metadata.annotations = { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' };
    expect(routeIngress(off, createIngressState(), req()).kind).toBe('proxy');
  });

  it('falls back to the fake certificate when the Secret is missing; the host still redirects', () => {
    const c = tlsShop();
    const d = routeIngress(c, createIngressState(), req({ scheme: 'https', sni: 'shop.example.com' }));
    expect({ ...d, note: en(d.note) }).toMatchObject({
      kind: 'tls-error',
      curlExitCode: 60,
      message: 'curl: (60) SSL certificate problem: self-signed certificate',
      certificate: 'Kubernetes Ingress Controller Fake Certificate',
    });
    expect(en(d.note)).toContain('Secret "default/shop-tls" does not exist');
    const k = proxy(
      routeIngress(
        c,
        createIngressState(),
        req({ scheme: 'https', sni: 'shop.example.com', insecure: true }),
      ),
    );
    expect(k.tls?.certificate).toBe('Kubernetes Ingress Controller Fake Certificate');
    // The host still counts as TLS-configured (the fake certificate's uid), so plain HTTP is redirected.
    expect(routeIngress(c, createIngressState(), req()).kind).toBe('respond');
  });

  it('falls back when the Secret holds no tls.crt/tls.key pair, whatever its type', () => {
    const c = tlsShop();
    const s = tlsSecret(c, 'shop-tls', 'Opaque');
    delete s.stringData;
    s.data = { cert: 'eA==', key: 'eQ==' };
    const d = routeIngress(c, createIngressState(), req({ scheme: 'https', sni: 'shop.example.com' }));
    expect(d.kind === 'tls-error' && d.certificate).toBe('Kubernetes Ingress Controller Fake Certificate');
    // An Opaque Secret with the pair works: ingress-nginx reads the keys, not the type.
    const opaque = tlsShop('Opaque');
    const ok = routeIngress(opaque, createIngressState(), req({ scheme: 'https', sni: 'shop.example.com' }));
    expect(ok.kind === 'tls-error' && ok.certificate).toBe('default/shop-tls');
  });

  it('presents the fake certificate to clients without SNI (https://<IP>)', () => {
    const d = routeIngress(tlsShop('kubernetes.io/tls'), createIngressState(), req({ scheme: 'https' }));
    expect(d.kind === 'tls-error' && d.certificate).toBe('Kubernetes Ingress Controller Fake Certificate');
  });
});

describe('routeIngress: cookie affinity', () => {
  const sticky = { 'nginx.ingress.kubernetes.io/affinity': 'cookie' };

  it('sets INGRESSCOOKIE on the first response and sticks to that pod', () => {
    const c = shop(sticky);
    const s = createIngressState();
    const first = proxy(routeIngress(c, s, req()));
    expect(first.endpoint.ip).toBe('10.244.1.5');
    const key = hex('default-web-80#1');
    expect(first.setCookie).toBe(`INGRESSCOOKIE=${key}|${backendKey('default-web-80')}; Path=/; HttpOnly`);
    expect(first.responseHeaders['Set-Cookie']).toBe(first.setCookie);
    const cookie = first.setCookie!.split(';')[0]!;
    for (let i = 0; i < 4; i++) {
      const again = proxy(routeIngress(c, s, req({ headers: { Cookie: cookie } })));
      expect(again.endpoint.ip).toBe('10.244.1.5');
      expect(again.setCookie).toBeUndefined();
    }
    // A client without the cookie is a new session: the next pod, a new cookie.
    const other = proxy(routeIngress(c, s, req()));
    expect(other.endpoint.ip).toBe('10.244.2.6');
    expect(other.setCookie).toContain(hex('default-web-80#2'));
  });

  it('moves the session when its pod is no longer an endpoint', () => {
    const c = shop(sticky);
    const s = createIngressState();
    const cookie = proxy(routeIngress(c, s, req())).setCookie!.split(';')[0]!;
    c.endpointSlices.find((x) => x.metadata.name === 'web-abcde')!.endpoints![0]!.conditions!.ready = false;
    const moved = proxy(routeIngress(c, s, req({ headers: { Cookie: cookie } })));
    expect(moved.endpoint.ip).not.toBe('10.244.1.5');
    expect(moved.setCookie).toBeUndefined();
    const again = proxy(routeIngress(c, s, req({ headers: { Cookie: cookie } })));
    expect(again.endpoint.ip).toBe(moved.endpoint.ip);
  });

  it('honours the session-cookie annotations', () => {
    const c = shop({
      ...sticky,
      'nginx.ingress.kubernetes.io/session-cookie-name': 'route',
      'nginx.ingress.kubernetes.io/session-cookie-max-age': '172800',
      'nginx.ingress.kubernetes.io/session-cookie-expires': '172800',
      'nginx.ingress.kubernetes.io/session-cookie-path': '/shop',
      'nginx.ingress.kubernetes.io/session-cookie-samesite': 'Strict',
    });
    const d = proxy(routeIngress(c, createIngressState(), req({ now: 0 })));
    expect(d.setCookie).toBe(
      `route=${hex('default-web-80#1')}|${backendKey('default-web-80')}; Expires=Sat, 03-Jan-26 00:00:00 GMT; Max-Age=172800; Path=/shop; HttpOnly; SameSite=Strict`,
    );
  });

  it('persistent mode keys the cookie by the endpoint itself', () => {
    const c = shop({ ...sticky, 'nginx.ingress.kubernetes.io/affinity-mode': 'persistent' });
    const s = createIngressState();
    const first = proxy(routeIngress(c, s, req({ scheme: 'http' })));
    const key = hex('default-web-8010.244.1.5:8080');
    expect(first.setCookie).toBe(`INGRESSCOOKIE=${key}|${backendKey('default-web-80')}; Path=/; HttpOnly`);
    const again = proxy(
      routeIngress(
        createIngressState() && c,
        createIngressState(),
        req({ headers: { Cookie: `INGRESSCOOKIE=${key}|x` } }),
      ),
    );
    expect(again.endpoint.ip).toBe('10.244.1.5');
  });

  it('formats Expires as nginx cookie_time', () => {
    expect(cookieTime(0)).toBe('Thu, 01-Jan-70 00:00:00 GMT');
    expect(cookieTime(1767225600)).toBe('Thu, 01-Jan-26 00:00:00 GMT');
    expect(cookieTime(2240611199)).toBe('Mon, 31-Dec-2040 23:59:59 GMT');
    expect(cookieTime(2208988800)).toBe('Sun, 01-Jan-2040 00:00:00 GMT');
  });
});
