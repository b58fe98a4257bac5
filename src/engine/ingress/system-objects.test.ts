import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, emptyCluster } from '../cluster/state';
import type { Deployment, IngressClass, KubeObject, Pod, Service } from '../k8s/objects';
import { controllerService, ingressSystemObjects, isIngressControllerPod } from './system-objects';

const ing: KubeObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'default' },
  spec: {},
};

describe('ingressSystemObjects', () => {
  it('adds nothing to a scene without Ingress or IngressClass', () => {
    expect(ingressSystemObjects(DEFAULT_CONFIG, [])).toEqual([]);
  });

  it('installs the cloud manifest objects when an Ingress exists', () => {
    const objs = ingressSystemObjects(DEFAULT_CONFIG, [ing]);
    expect(objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
      'Namespace//ingress-nginx',
      'ConfigMap/ingress-nginx/ingress-nginx-controller',
      'Deployment/ingress-nginx/ingress-nginx-controller',
      'Service/ingress-nginx/ingress-nginx-controller',
      'IngressClass//nginx',
    ]);
    const svc = objs.find((o) => o.kind === 'Service') as Service;
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.spec.externalTrafficPolicy).toBe('Local');
    expect(svc.spec.ports?.map((p) => `${p.name}:${p.port}->${String(p.targetPort)}`)).toEqual([
      'http:80->http',
      'https:443->https',
    ]);
    const dep = objs.find((o) => o.kind === 'Deployment') as Deployment;
    const c = dep.spec.template.spec.containers[0]!;
    expect(c.ports?.map((p) => `${p.name}:${p.containerPort}`)).toEqual([
      'http:80',
      'https:443',
      'webhook:8443',
    ]);
    expect(dep.spec.template.metadata?.annotations).toEqual({ 'svclab.io/listen': '80,443,8443,10254' });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/healthz', port: 10254, scheme: 'HTTP' });
    expect(dep.spec.template.metadata?.labels).toEqual(svc.spec.selector);
    const cls = objs.find((o) => o.kind === 'IngressClass') as IngressClass;
    expect(cls.spec?.controller).toBe('k8s.io/ingress-nginx');
    expect(cls.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class']).toBe('true');
  });

  it("keeps the user's own controller Service and IngressClass", () => {
    const userSvc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-lb', namespace: 'ingress-nginx' },
      spec: {
        type: 'NodePort',
        selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
        ports: [{ port: 80 }],
      },
    };
    const userClass: IngressClass = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'public' },
      spec: { controller: 'k8s.io/ingress-nginx' },
    };
    const kinds = ingressSystemObjects(DEFAULT_CONFIG, [ing, userSvc, userClass]).map((o) => o.kind);
    expect(kinds).toEqual(['Namespace', 'ConfigMap', 'Deployment']);
    const cluster = emptyCluster();
    cluster.services.push(userSvc);
    expect(controllerService(cluster)?.metadata.name).toBe('my-lb');
  });

  it('recognises controller pods by their labels', () => {
    const pod = (labels: Record<string, string>): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ingress-nginx', labels },
      spec: { containers: [] },
    });
    const dep = ingressSystemObjects(DEFAULT_CONFIG, [ing]).find(
      (o) => o.kind === 'Deployment',
    ) as Deployment;
    expect(isIngressControllerPod(pod(dep.spec.template.metadata!.labels!))).toBe(true);
    expect(isIngressControllerPod(pod({ app: 'web' }))).toBe(false);
  });
});
