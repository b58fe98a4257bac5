import { describe, expect, it } from 'vitest';
import { buildCluster } from './build';

const scene = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: missing
            port:
              number: 80
`;

describe('buildCluster places every lint on its field', () => {
  it('an Ingress backend that names no Service points at the service name line', () => {
    const d = buildCluster([{ file: 's.yaml', text: scene }]).diagnostics.find(
      (x) => x.code === 'ingress.backend.serviceMissing',
    );
    expect(d).toMatchObject({
      severity: 'warning',
      source: 'lint',
      kind: 'Ingress',
      name: 'shop',
      field: 'spec.rules[0].http.paths[0].backend.service.name',
      line: 14,
      column: 13,
      file: 's.yaml',
    });
  });
});
