import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { CLASS, backend, docs, gatewayYaml, routeYaml } from '../gateway/test-scenes.test-helper';
import { externalHosts } from './external-hosts';

const route = (name: string, hosts: string, section = '') =>
  routeYaml(
    name,
    `  parentRefs: [{ name: eg${section ? `, sectionName: ${section}` : ''} }]
${hosts ? `  hostnames: [${hosts}]\n` : ''}  rules:
  - backendRefs: [{ name: web, port: 80 }]`,
  );

describe('names published for HTTPRoutes', () => {
  const listeners = [
    '{ name: http, protocol: HTTP, port: 80 }',
    '{ name: docs, protocol: HTTP, port: 8080, hostname: docs.example.com }',
    '{ name: wild, protocol: HTTP, port: 8081, hostname: "*.example.org" }',
  ];
  const s = scene(
    docs(
      CLASS,
      gatewayYaml('eg', listeners),
      backend('web'),
      route('shop', 'shop.example.com, "*.example.net"'),
      route('docs', '', 'docs'),
      route('wild', '', 'wild'),
    ),
  );
  const address = s.json('get gateways eg -o json').items[0].status.addresses[0].value as string;

  it("point a route's hostnames, else its listener's, at the Gateway's address (never a wildcard)", () => {
    const hosts = externalHosts(s.env.cluster);
    expect(hosts.get('shop.example.com')).toEqual([address]);
    expect(hosts.get('docs.example.com')).toEqual([address]);
    expect([...hosts.keys()].some((h) => h.includes('*'))).toBe(false);
  });

  it('so an external client reaches the route by its name, as the lessons send it', () => {
    const t = s.json('curl --from external http://shop.example.com/ -o json');
    expect(t.response.status).toBe(200);
    expect(t.backend.service).toBe('default/web');
  });

  it('publish nothing for a route the Gateway did not accept', () => {
    const refused = scene(
      docs(CLASS, gatewayYaml('eg', listeners), backend('web'), route('away', 'away.example.com', 'nope')),
    );
    expect(externalHosts(refused.env.cluster).has('away.example.com')).toBe(false);
  });
});
