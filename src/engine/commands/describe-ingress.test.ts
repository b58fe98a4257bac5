import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';

const INGRESS = `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ name: http, port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: nginx, ports: [{ containerPort: 8080 }] }] }
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec: { controller: k8s.io/ingress-nginx }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop, annotations: { nginx.ingress.kubernetes.io/rewrite-target: / } }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  defaultBackend: { service: { name: web, port: { name: http } } }
  rules:
  - host: shop.example.com
    http:
      paths:
      - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
      - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 8080 } } } }
  - http:
      paths:
      - path: /static
        pathType: Exact
        backend: { resource: { apiGroup: k8s.example.com, kind: StorageBucket, name: static } }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: plain, labels: { app: web } }
spec:
  defaultBackend: { service: { name: web, port: { number: 80 } } }
`;

describe('kubectl describe ingress', () => {
  it('prints describeIngressV1’s lines: address, class, default backend, TLS, rules with each backend’s endpoints', () => {
    const s = scene(INGRESS);
    const endpoints = s
      .json('get pods -o json')
      .items.map((p: { status: { podIP: string } }) => `${p.status.podIP}:8080`);
    expect(endpoints).toHaveLength(2);
    // The slice lists the endpoints in its own order, which describe keeps.
    const [slice] = s.json('get endpointslices -l kubernetes.io/service-name=web -o json').items;
    const eps = slice.endpoints.map((e: { addresses: string[] }) => `${e.addresses[0]}:8080`).join(',');
    expect([...eps.split(',')].sort()).toEqual([...endpoints].sort());
    const shop = s
      .json('get ing -o json')
      .items.find((o: { metadata: { name: string } }) => o.metadata.name === 'shop');
    const address = shop.status.loadBalancer.ingress[0].ip;
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(s.run('describe ingress shop').stdout).toBe(
      [
        'Name:             shop',
        'Labels:           <none>',
        'Namespace:        default',
        `Address:          ${address}`,
        'Ingress Class:    nginx',
        `Default backend:  web:http (${eps})`,
        'TLS:',
        '  shop-tls terminates shop.example.com',
        'Rules:',
        '  Host              Path  Backends',
        '  ----              ----  --------',
        '  shop.example.com  ',
        `                    /      web:80 (${eps})`,
        '                    /api   api:8080 (<error: services "api" not found>)',
        '  *                 ',
        '                    /static   APIGroup: k8s.example.com, Kind: StorageBucket, Name: static',
        'Annotations:        nginx.ingress.kubernetes.io/rewrite-target: /',
        'Events:             <none>',
        '',
      ].join('\n'),
    );
  });

  it('an Ingress without rules shows its default backend on the * * row; no class is <none>', () => {
    const s = scene(INGRESS);
    const [slice] = s.json('get endpointslices -l kubernetes.io/service-name=web -o json').items;
    const eps = slice.endpoints.map((e: { addresses: string[] }) => `${e.addresses[0]}:8080`).join(',');
    const r = s.run('describe ing/plain');
    expect(r.stdout).toBe(
      [
        'Name:             plain',
        'Labels:           app=web',
        'Namespace:        default',
        'Address:          ',
        'Ingress Class:    <none>',
        `Default backend:  web:80 (${eps})`,
        'Rules:',
        '  Host        Path  Backends',
        '  ----        ----  --------',
        `  *           *     web:80 (${eps})`,
        'Annotations:  <none>',
        'Events:       <none>',
        '',
      ].join('\n'),
    );
  });
});
