import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { ingressLints } from './lint';
import { clusterWithController, ingress, service, tlsSecret } from '../testing/ingress-objects';

const to = (name: string, port: { number?: number; name?: string }) => ({ service: { name, port } });

describe('ingressLints', () => {
  it('reports unserved classes, missing Services and ports, TLS Secrets and ImplementationSpecific', () => {
    const c = clusterWithController();
    service(c, { name: 'web', pods: ['10.244.1.5'] });
    const s = tlsSecret(c, 'bad-tls', 'Opaque');
    delete s.stringData;
    s.data = { cert: 'x' };
    ingress(c, 'other', { ingressClassName: 'traefik', rules: [] });
    ingress(c, 'shop', {
      tls: [
        { hosts: ['a.example.com'], secretName: 'missing-tls' },
        { hosts: ['a.example.com'], secretName: 'bad-tls' },
      ],
      rules: [
        {
          host: 'a.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: to('nope', { number: 80 }) },
              { path: '/x', pathType: 'ImplementationSpecific', backend: to('web', { number: 8080 }) },
              { path: '/y', pathType: 'Exact', backend: to('web', { name: 'grpc' }) },
            ],
          },
        },
      ],
    });
    expect(ingressLints(c).map((d) => `${d.severity} ${d.code} ${d.name} ${d.field}`)).toEqual([
      'warning ingress.class.unserved other spec.ingressClassName',
      'warning ingress.backend.serviceMissing shop spec.rules[0].http.paths[0].backend.service.name',
      'info ingress.path.implementationSpecific shop spec.rules[0].http.paths[1].pathType',
      'warning ingress.backend.portMissing shop spec.rules[0].http.paths[2].backend.service.port',
      'warning ingress.tls.secretMissing shop spec.tls[0].secretName',
      'warning ingress.tls.secretType shop spec.tls[1].secretName',
    ]);
    // targetPort 8080 matches too: ingress-nginx compares the backend port with port, targetPort and name.
    const port = ingressLints(c).find((d) => d.code === 'ingress.backend.portMissing');
    expect(en(port?.message)).toBe(
      'Service "default/web" has no port grpc (it has http/80): requests routed here get 503',
    );
  });

  it('reports a host+path another Ingress already defines, as the admission webhook would', () => {
    const c = clusterWithController();
    service(c, { name: 'web', pods: ['10.244.1.5'] });
    const rules = [
      {
        host: 'a.example.com',
        http: { paths: [{ path: '/', pathType: 'Prefix' as const, backend: to('web', { number: 80 }) }] },
      },
    ];
    ingress(c, 'first', { rules });
    ingress(c, 'second', { rules });
    const d = ingressLints(c).filter((x) => x.code === 'ingress.path.conflict');
    expect(d.map((x) => [x.name, x.severity, en(x.message)])).toEqual([
      [
        'second',
        'error',
        'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "a.example.com" and path "/" is already defined in ingress default/first',
      ],
    ]);
  });
});
