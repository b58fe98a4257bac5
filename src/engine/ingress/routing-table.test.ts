import { describe, expect, it } from 'vitest';
import { buildRoutingTable } from './routing-table';
import { matchRequest } from './match';
import { clusterWithController, ingress } from '../testing/ingress-objects';
import { en } from '../testing/render';

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const prefix = (path: string, svc: string) => ({ path, pathType: 'Prefix' as const, backend: backend(svc) });

describe('merging Ingresses per host (ingress-nginx getBackendServers)', () => {
  it('merges the paths of several Ingresses on one host', () => {
    const c = clusterWithController();
    ingress(c, 'web', { rules: [{ host: 'shop.example.com', http: { paths: [prefix('/', 'web')] } }] });
    ingress(c, 'api', { rules: [{ host: 'shop.example.com', http: { paths: [prefix('/api', 'api')] } }] });
    const t = buildRoutingTable(c);
    expect(t.servers.get('shop.example.com')?.locations.map((l) => `${l.path}→${l.backend?.name}`)).toEqual([
      '/→web',
      '/api→api',
    ]);
    expect(matchRequest(t, 'shop.example.com', '/api/items').location.ingress?.metadata.name).toBe('api');
    expect(matchRequest(t, 'shop.example.com', '/cart').location.ingress?.metadata.name).toBe('web');
    expect(t.conflicts).toEqual([]);
  });

  it('keeps the oldest Ingress on a conflicting host+path and records the conflict', () => {
    const c = clusterWithController();
    ingress(c, 'first', { rules: [{ host: 'a.example.com', http: { paths: [prefix('/', 'one')] } }] });
    ingress(c, 'second', { rules: [{ host: 'a.example.com', http: { paths: [prefix('/', 'two')] } }] });
    const t = buildRoutingTable(c);
    expect(matchRequest(t, 'a.example.com', '/').location.backend?.name).toBe('one');
    expect(t.conflicts).toEqual([
      {
        host: 'a.example.com',
        path: '/',
        pathType: 'Prefix',
        kept: 'default/first',
        ignored: 'default/second',
        field: 'spec.rules[0].http.paths[0]',
      },
    ]);
  });

  it('uses an Ingress defaultBackend for its hosts, and for the catch-all only without rules', () => {
    const c = clusterWithController();
    ingress(c, 'with-rules', {
      defaultBackend: backend('fallback'),
      rules: [{ host: 'a.example.com', http: { paths: [prefix('/app', 'app')] } }],
    });
    let t = buildRoutingTable(c);
    expect(matchRequest(t, 'a.example.com', '/other').location.backend?.name).toBe('fallback');
    // ingress-nginx only moves a defaultBackend to the catch-all server when the Ingress has no rules.
    expect(matchRequest(t, 'b.example.com', '/other').location.backend).toBeNull();
    ingress(c, 'catch-all', { defaultBackend: backend('everything') });
    t = buildRoutingTable(c);
    expect(matchRequest(t, 'b.example.com', '/other').location.backend?.name).toBe('everything');
    expect(en(matchRequest(t, 'b.example.com', '/other').note)).toBe(
      'no rule host matches "b.example.com", so the catch-all server handles it; path / (Prefix) matches /other.',
    );
  });

  it('skips Ingresses the controller does not serve', () => {
    const c = clusterWithController();
    ingress(c, 'other', {
      ingressClassName: 'traefik',
      rules: [{ host: 'a.example.com', http: { paths: [prefix('/', 'x')] } }],
    });
    expect([...buildRoutingTable(c).servers.keys()]).toEqual(['_']);
  });
});
