import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { annotationLints, CONFIGURATION_SNIPPET, USE_FORWARDED_HEADERS } from './annotation-lint';
import { ingressLints } from './lint';
import { clusterWithController, ingress, service } from '../testing/ingress-objects';

// The two annotations exactly as the study notes (seed 002, "쿠버네티스 안에서 외부 Request IP 인식 하는 방법") write them.
const SEED_SNIPPET =
  'proxy_set_header X-Real-IP $remote_addr;\nproxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n';

const rules = [
  {
    host: 'a.example.com',
    http: {
      paths: [
        {
          path: '/',
          pathType: 'Prefix' as const,
          backend: { service: { name: 'web', port: { number: 80 } } },
        },
      ],
    },
  },
];

describe('ingress annotation lints', () => {
  it('use-forwarded-headers on an Ingress: a ConfigMap key, not an annotation', () => {
    const c = clusterWithController();
    service(c, { name: 'web', pods: ['10.244.1.5'] });
    ingress(c, 'ip', { rules }, { [USE_FORWARDED_HEADERS]: 'true' });
    const d = ingressLints(c).filter((x) => x.code.startsWith('ingress.annotation.'));
    expect(d.map((x) => [x.severity, x.code, x.field, en(x.message)])).toEqual([
      [
        'warning',
        'ingress.annotation.useForwardedHeaders',
        'metadata.annotations[nginx.ingress.kubernetes.io/use-forwarded-headers]',
        "nginx.ingress.kubernetes.io/use-forwarded-headers has no effect: use-forwarded-headers is a key of the ingress-nginx controller's ConfigMap, not an Ingress annotation",
      ],
    ]);
    expect(d[0]!.source).toBe('lint');
  });

  it("configuration-snippet: refused by default since v1.9, and the seed's two headers are set anyway", () => {
    const [l] = annotationLints({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'x', annotations: { [CONFIGURATION_SNIPPET]: SEED_SNIPPET } },
      spec: {},
    });
    expect({ ...l, message: en(l!.message), hint: en(l!.hint) }).toEqual({
      severity: 'warning',
      code: 'ingress.annotation.snippetDisabled',
      field: 'metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]',
      message:
        'nginx.ingress.kubernetes.io/configuration-snippet is refused by default: ingress-nginx has allow-snippet-annotations: "false" since v1.9, so its admission webhook denies the Ingress ("nginx.ingress.kubernetes.io/configuration-snippet annotation cannot be used. Snippet directives are disabled by the Ingress administrator")',
      hint: 'The snippet is not needed: the controller already sets X-Real-IP and X-Forwarded-For to the client address it sees ($remote_addr) on every proxied request.',
    });
    const other = annotationLints({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'x',
        annotations: { [CONFIGURATION_SNIPPET]: 'more_set_headers "X-Frame-Options: DENY";' },
      },
      spec: {},
    });
    expect(en(other[0]!.hint)).toMatch(/^Prefer a dedicated annotation/);
  });

  it('other annotations are left alone', () => {
    expect(
      annotationLints({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'x', annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } },
        spec: {},
      }),
    ).toEqual([]);
  });

  it('the build places the lint on the annotation line of the YAML', () => {
    const yaml = [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: ip',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/use-forwarded-headers: "true"',
      'spec:',
      '  ingressClassName: nginx',
      '  defaultBackend:',
      '    service:',
      '      name: web',
      '      port:',
      '        number: 80',
    ].join('\n');
    const r = buildCluster([{ file: 'ip.yaml', text: yaml }], { seed: 1 });
    const d = r.diagnostics.find((x) => x.code === 'ingress.annotation.useForwardedHeaders');
    expect(d?.line).toBe(6);
  });
});
