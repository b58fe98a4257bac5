import { describe, expect, it } from 'vitest';
import scenario from '../../scenarios/ingress.yaml?raw';
import { buildCluster } from '../build';
import { scene } from '../testing/scene';
import { ingressSummary } from './summary';

const LATER = `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: blog-too
  namespace: default
  creationTimestamp: "2030-01-01T00:00:00Z"
spec:
  ingressClassName: nginx
  rules:
    - host: blog.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop-api
                port:
                  number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: other-class
  namespace: default
spec:
  ingressClassName: traefik
  defaultBackend:
    service:
      name: blog
      port:
        number: 80
`;

const summary = (text: string) =>
  ingressSummary(buildCluster([{ file: 'scene.yaml', text }], { seed: 1 }).cluster);

describe('ingressSummary', () => {
  it("lists the scenario's Ingress with its paths in order, each with its field and backend", () => {
    const [shop, ...rest] = summary(scenario);
    expect(rest).toEqual([]);
    expect(shop).toMatchObject({
      id: 'Ingress/default/shop-and-blog',
      className: 'nginx',
      served: true,
    });
    expect(shop!.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(shop!.paths).toEqual([
      {
        host: 'shop.example.com',
        path: '/',
        pathType: 'Prefix',
        service: 'Service/default/shop-frontend',
        port: '80',
        field: 'spec.rules[0].http.paths[0]',
      },
      {
        host: 'shop.example.com',
        path: '/api',
        pathType: 'Prefix',
        service: 'Service/default/shop-api',
        port: 'http',
        field: 'spec.rules[0].http.paths[1]',
      },
      {
        host: 'blog.example.com',
        path: '/',
        pathType: 'Prefix',
        service: 'Service/default/blog',
        port: '80',
        field: 'spec.rules[1].http.paths[0]',
      },
    ]);
  });

  it('says which Ingress keeps a path two define, and which the controller does not serve', () => {
    const all = summary(scenario + LATER);
    expect(all.map((i) => [i.name, i.served])).toEqual([
      ['shop-and-blog', true],
      ['blog-too', true],
      ['other-class', false],
    ]);
    expect(all[1]!.paths[0]!.shadowedBy).toBe('default/shop-and-blog');
    expect(all[2]).toMatchObject({ className: 'traefik', address: null });
    expect(all[2]!.paths).toEqual([
      {
        host: null,
        path: '/',
        pathType: 'Prefix',
        service: 'Service/default/blog',
        port: '80',
        field: 'spec.defaultBackend',
      },
    ]);
  });
});

describe("an ingress controller's hop names what nginx matched", () => {
  it('the Ingress, the path and its Service; a redirect no Service; a host no Ingress serves nothing', () => {
    const s = scene(scenario);
    const address = ingressSummary(s.env.cluster)[0]!.address;
    const hopOf = (host: string, url: string) =>
      s
        .json(`curl -k --from external -H 'Host: ${host}' ${url.replace('ADDR', address!)} -o json`)
        .hops.find((h: { stage: string }) => h.stage === 'ingress-controller');
    expect(hopOf('shop.example.com', 'https://ADDR/api/items').ingressRef).toEqual({
      ingress: 'Ingress/default/shop-and-blog',
      field: 'spec.rules[0].http.paths[1]',
      service: 'Service/default/shop-api',
    });
    // Over plain HTTP a host of an Ingress with TLS is redirected: the path matched, no Service.
    const redirect = hopOf('shop.example.com', 'http://ADDR/api/items');
    expect(redirect.action).toBe('respond');
    expect(redirect.ingressRef).toEqual({
      ingress: 'Ingress/default/shop-and-blog',
      field: 'spec.rules[0].http.paths[1]',
    });
    expect(hopOf('blog.example.com', 'https://ADDR/').ingressRef).toEqual({
      ingress: 'Ingress/default/shop-and-blog',
      field: 'spec.rules[1].http.paths[0]',
      service: 'Service/default/blog',
    });
    expect(hopOf('nobody.example.com', 'http://ADDR/').ingressRef).toBeUndefined();
  });
});
