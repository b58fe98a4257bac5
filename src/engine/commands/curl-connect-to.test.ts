import { describe, expect, it } from 'vitest';
import { SHOP_CRT, SHOP_KEY, tlsSecretYaml } from '../gateway/test-certificates.test-helper';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from '../gateway/test-scenes.test-helper';
import { scene } from '../testing/scene';
import { connectTo } from './curl-connect-to';

describe('--connect-to as curl 8.5 parses it (lib/url.c parse_connect_to_string)', () => {
  it('an entry applies when HOST1 and PORT1 are the URL’s (or empty); HOST2 and PORT2 say where to connect', () => {
    expect(connectTo(['shop.example.com:443:192.0.2.14:8443'], 'shop.example.com', 443)).toEqual({
      host: '192.0.2.14',
      port: 8443,
      verbose: ['* Connecting to hostname: 192.0.2.14', '* Connecting to port: 8443'],
    });
    expect(connectTo(['SHOP.example.com:443:other:'], 'shop.example.com', 443)).toMatchObject({
      host: 'other',
    });
    expect(connectTo(['::other:'], 'web', 80)).toMatchObject({ host: 'other' });
    expect(connectTo([':80::8080'], 'web', 80)).toEqual({
      port: 8080,
      verbose: ['* Connecting to port: 8080'],
    });
    expect(connectTo(['[2001:db8::1]:80:[2001:db8::2]:8080'], '2001:db8::1', 80)).toMatchObject({
      host: '2001:db8::2',
      port: 8080,
    });
  });

  it('entries that do not apply, or name neither host nor port, are passed over; the first that does wins', () => {
    expect(connectTo(['shop:443:a:1'], 'shop', 80)).toEqual({ verbose: [] });
    expect(connectTo(['shop.example.com:443:a:1'], 'shop.example', 443)).toEqual({ verbose: [] });
    expect(connectTo(['shop'], 'shop', 80)).toEqual({ verbose: [] });
    expect(connectTo(['shop:80'], 'shop', 80)).toEqual({ verbose: [] });
    expect(connectTo(['shop:80::', 'shop:80:b:81', 'shop:80:c:82'], 'shop', 80)).toMatchObject({
      host: 'b',
      port: 81,
    });
    // A connect-to host equal to the URL's host changes nothing (url.c drops it), though -v names it.
    expect(connectTo(['::shop:'], 'shop', 80)).toEqual({
      verbose: ['* Connecting to hostname: shop'],
    });
  });

  it("stops with curl's exit 49 when PORT2 is not a port number", () => {
    for (const [entry, bad] of [
      ['shop:80:b:x', 'x'],
      ['shop:80:b:70000', '70000'],
      ['shop:80:b:-1', '-1'],
      ['shop:80:b:81:82', '81:82'],
    ])
      expect(connectTo([entry!], 'shop', 80)).toMatchObject({
        error: `curl: (49) No valid port number in connect to host string (${bad})`,
      });
    // No closing bracket: curl says so and takes everything after '[' as the host (the colons included).
    expect(connectTo(['shop:80:[::1:81'], 'shop', 80).verbose).toEqual([
      '* Invalid IPv6 address format',
      '* Connecting to hostname: ::1:81',
    ]);
  });
});

describe('--connect-to through the CLI', () => {
  const s = scene(
    docs(
      CLASS,
      gatewayYaml('eg', [
        '{ name: http, protocol: HTTP, port: 80 }',
        '{ name: shop, protocol: HTTPS, port: 443, hostname: "*.svclab.test", tls: { certificateRefs: [{ name: shop-tls }] } }',
      ]),
      tlsSecretYaml('shop-tls', SHOP_CRT, SHOP_KEY),
      backend('web'),
      backend('other'),
      routeYaml('web', '  parentRefs: [{ name: eg }]\n  rules:\n  - backendRefs: [{ name: web, port: 80 }]'),
      `apiVersion: v1
kind: Pod
metadata: { name: client, namespace: default }
spec: { containers: [{ name: c, image: curlimages/curl }] }
`,
    ),
  );
  const ip = s.json('get gateways eg -o json').items[0].status.addresses[0].value as string;

  it('a name DNS does not know reaches the Gateway: SNI and Host stay the URL’s', () => {
    const t = s.json(`exec client -- curl -k --connect-to ::${ip}: https://shop.svclab.test/ -o json`);
    expect(t.outcome).toBe('delivered');
    expect(t.tls.sni).toBe('shop.svclab.test');
    expect(t.requestSeenByBackend.host).toBe('shop.svclab.test');
    expect(t.backend.service).toBe('default/web');
    const lines = s
      .run(`exec client -- curl -kv --connect-to shop.svclab.test:443:${ip}:443 https://shop.svclab.test/`)
      .stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `* Connecting to hostname: ${ip}`,
      '* Connecting to port: 443',
      `*   Trying ${ip}:443...`,
    ]);
    expect(lines).toContain(`* Connected to ${ip} (${ip}) port 443`);
    expect(lines).toContain('> Host: shop.svclab.test');
  });

  it('connects to another Service by name (a DNS lookup of HOST2) while Host names the URL’s', () => {
    const t = s.json('exec client -- curl --connect-to web:80:other:80 http://web/ -o json');
    expect(t.backend.service).toBe('default/other');
    const v = s.run('exec client -- curl -v --connect-to web:80:other:80 http://web/').stderr.split('\n');
    expect(v[0]).toBe('* Connecting to hostname: other');
    expect(v).toContain('* Host other:80 was resolved.');
    expect(v).toContain('> Host: web');
    expect(s.run('exec client -- curl --connect-to ::nowhere.invalid: http://web/').stderr).toBe(
      'curl: (6) Could not resolve host: nowhere.invalid\n',
    );
  });

  it('PORT2 changes the port only; a --resolve entry for HOST2:PORT2 pins it', () => {
    const t = s.json(`exec client -- curl --connect-to :80::443 http://${ip}/ -o json`);
    // Plain HTTP to the HTTPS listener: Envoy closes (exit 52), so the port did change.
    expect(t.hops.find((h: { stage: string }) => h.stage === 'client').packet.dst).toBe(`${ip}:443`);
    const r = s.run(
      `exec client -- curl -kv --resolve edge:443:${ip} --connect-to shop.svclab.test:443:edge: https://shop.svclab.test/`,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      `* Added edge:443:${ip} to DNS cache`,
      '* Connecting to hostname: edge',
      '* Hostname edge was found in DNS cache',
      `*   Trying ${ip}:443...`,
    ]);
  });

  it('a bad PORT2 stops curl before any request', () => {
    const r = s.run('curl --from external --connect-to ::a:b http://web/');
    expect(r.stderr).toBe('curl: (49) No valid port number in connect to host string (b)\n');
    expect(r.exitCode).toBe(1);
  });
});
