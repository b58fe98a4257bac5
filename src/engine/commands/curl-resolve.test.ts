import { describe, expect, it } from 'vitest';
import { SHOP_CRT, SHOP_KEY, tlsSecretYaml } from '../gateway/test-certificates.test-helper';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from '../gateway/test-scenes.test-helper';
import { scene } from '../testing/scene';
import { pinnedAddress } from './curl-resolve';

describe('--resolve as curl parses it (lib/hostip.c Curl_loadhostpairs)', () => {
  it('pins HOST:PORT to the first address; other hosts and ports are left to DNS', () => {
    expect(pinnedAddress(['Shop.Svclab.test:443:192.0.2.14,192.0.2.15'], 'shop.svclab.test', 443)).toEqual({
      address: '192.0.2.14',
      verbose: [
        '* Added Shop.Svclab.test:443:192.0.2.14,192.0.2.15 to DNS cache',
        '* Hostname shop.svclab.test was found in DNS cache',
      ],
    });
    expect(
      pinnedAddress(['shop.svclab.test:443:192.0.2.14'], 'shop.svclab.test', 80).address,
    ).toBeUndefined();
    expect(pinnedAddress(['*:443:192.0.2.9'], 'any.test', 443).address).toBe('192.0.2.9');
    expect(pinnedAddress(['h:80:[2001:db8::1]'], 'h', 80).address).toBe('2001:db8::1');
    expect(pinnedAddress(['h:80:192.0.2.1', 'h:80:192.0.2.2'], 'h', 80)).toMatchObject({
      address: '192.0.2.2',
      verbose: expect.arrayContaining(['* RESOLVE h:80 - old addresses discarded']),
    });
    expect(pinnedAddress(['h:80:192.0.2.1', '-h:80'], 'h', 80).address).toBeUndefined();
    expect(pinnedAddress(['h:80:192.0.2.1,2001:db8::1'], 'h', 80, 'IPv6').address).toBe('2001:db8::1');
  });

  it("refuses what it cannot parse with curl's exit 49 message", () => {
    for (const bad of [
      'shop',
      'shop:443',
      'shop:x:1.2.3.4',
      'shop:70000:1.2.3.4',
      'shop:443:',
      'shop:443:[::1',
    ])
      expect(pinnedAddress([bad], 'shop', 443)).toMatchObject({
        error: `curl: (49) Couldn't parse CURLOPT_RESOLVE entry '${bad}'`,
      });
    expect(pinnedAddress(['shop:443:shop.local'], 'shop', 443).verbose).toEqual([
      "* Resolve address 'shop.local' found illegal",
    ]);
  });
});

describe('--resolve reaches a Gateway host that DNS does not know', () => {
  const s = scene(
    docs(
      CLASS,
      gatewayYaml('eg', [
        '{ name: http, protocol: HTTP, port: 80 }',
        '{ name: shop, protocol: HTTPS, port: 443, hostname: "*.svclab.test", tls: { certificateRefs: [{ name: shop-tls }] } }',
      ]),
      tlsSecretYaml('shop-tls', SHOP_CRT, SHOP_KEY),
      backend('web'),
      routeYaml(
        'web',
        // no hostnames and a wildcard listener: no single name to publish in DNS (discovery/external-hosts.ts)
        '  parentRefs: [{ name: eg }]\n  rules:\n  - backendRefs: [{ name: web, port: 80 }]',
      ),
      `apiVersion: v1
kind: Pod
metadata: { name: client, namespace: default }
spec: { containers: [{ name: c, image: curlimages/curl }] }
`,
    ),
  );
  const ip = s.json('get gateways eg -o json').items[0].status.addresses[0].value as string;

  it('a pod cannot resolve the name; with --resolve the request reaches Envoy with SNI and Host', () => {
    const plain = s.run('exec client -- curl -k https://shop.svclab.test/');
    expect(plain.stderr).toBe('curl: (6) Could not resolve host: shop.svclab.test\n');
    const t = s.json(
      `exec client -- curl -k --resolve shop.svclab.test:443:${ip} https://shop.svclab.test/ -o json`,
    );
    expect(t.outcome).toBe('delivered');
    expect(t.backend.service).toBe('default/web');
    expect(t.tls.sni).toBe('shop.svclab.test');
    expect(t.requestSeenByBackend.host).toBe('shop.svclab.test');
    expect(t.hops.some((h: { phase?: string }) => h.phase === 'dns')).toBe(false);
  });

  it('-v says the name came from the DNS cache, not from a lookup', () => {
    const r = s.run(
      `exec client -- curl -v -k --resolve shop.svclab.test:443:${ip} https://shop.svclab.test/`,
    );
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `* Added shop.svclab.test:443:${ip} to DNS cache`,
      '* Hostname shop.svclab.test was found in DNS cache',
      `*   Trying ${ip}:443...`,
    ]);
    expect(lines).toContain(`* Connected to shop.svclab.test (${ip}) port 443`);
  });

  it('a bad entry stops curl before any request', () => {
    const r = s.run('curl --from external --resolve shop.svclab.test:443 https://shop.svclab.test/');
    expect(r.stderr).toBe("curl: (49) Couldn't parse CURLOPT_RESOLVE entry 'shop.svclab.test:443'\n");
    expect(r.exitCode).toBe(1);
  });
});
