import { en } from '../testing/render';
import { describe, expect, it } from 'vitest';
import type { IngressClass } from '../k8s/objects';
import { objectKey } from '../cluster/state';
import { defaultIngressClass, ingressClassDecision, servedIngresses } from './class';
import { applyIngressStatus } from './status';
import { clusterWithController, ingress } from '../testing/ingress-objects';

const rules = { rules: [{ host: 'a.example.com' }] };

describe('ingress class rules', () => {
  it('serves spec.ingressClassName nginx, the annotation "nginx" and class-less Ingresses (default class)', () => {
    const c = clusterWithController();
    const byName = ingress(c, 'by-name', { ingressClassName: 'nginx', ...rules });
    const byAnn = ingress(c, 'by-annotation', rules, { 'kubernetes.io/ingress.class': 'nginx' });
    const none = ingress(c, 'classless', rules);
    const named = ingressClassDecision(c, byName);
    expect({ ...named, reason: en(named.reason) }).toEqual({
      served: true,
      className: 'nginx',
      reason: 'spec.ingressClassName "nginx" is handled by k8s.io/ingress-nginx',
    });
    expect(ingressClassDecision(c, byAnn).served).toBe(true);
    expect(ingressClassDecision(c, none)).toMatchObject({ served: true, className: 'nginx' });
  });

  it('ignores other classes, unknown classes and other annotation values', () => {
    const c = clusterWithController();
    const traefik: IngressClass = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'traefik' },
      spec: { controller: 'traefik.io/ingress-controller' },
    };
    c.ingressClasses.push(traefik);
    const other = ingress(c, 'other', { ingressClassName: 'traefik', ...rules });
    const missing = ingress(c, 'missing', { ingressClassName: 'haproxy', ...rules });
    const ann = ingress(c, 'ann', rules, { 'kubernetes.io/ingress.class': 'traefik' });
    const elsewhere = ingressClassDecision(c, other);
    expect({ ...elsewhere, reason: en(elsewhere.reason) }).toEqual({
      served: false,
      className: 'traefik',
      reason:
        'IngressClass "traefik" belongs to controller "traefik.io/ingress-controller", not k8s.io/ingress-nginx',
    });
    expect(en(ingressClassDecision(c, missing).reason)).toBe('IngressClass "haproxy" does not exist');
    expect(ingressClassDecision(c, ann).served).toBe(false);
    applyIngressStatus(c);
    expect(other.status).toEqual({ loadBalancer: {} });
    expect(servedIngresses(c)).toEqual([]);
  });

  it('without a default class a class-less Ingress is ignored', () => {
    const c = clusterWithController();
    delete c.ingressClasses[0]!.metadata.annotations;
    const none = ingress(c, 'classless', rules);
    expect(ingressClassDecision(c, none).served).toBe(false);
  });

  it('picks the newest default class, as the admission plugin does', () => {
    const c = clusterWithController();
    const mine: IngressClass = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'mine', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'example.com/mine' },
    };
    c.ingressClasses.push(mine);
    c.origins.set(objectKey(mine), { by: 'user', order: 1000 });
    expect(defaultIngressClass(c)?.metadata.name).toBe('mine');
    expect(ingressClassDecision(c, ingress(c, 'x', rules)).served).toBe(false);
  });

  it("publishes the controller Service's LB address on served Ingresses", () => {
    const c = clusterWithController();
    const ing = ingress(c, 'web', { ingressClassName: 'nginx', ...rules });
    const classless = ingress(c, 'classless', rules);
    const annotated = ingress(c, 'annotated', rules, { 'kubernetes.io/ingress.class': 'nginx' });
    applyIngressStatus(c);
    expect(ing.status).toEqual({ loadBalancer: { ingress: [{ ip: '198.51.100.1' }] } });
    expect(classless.spec.ingressClassName).toBe('nginx');
    expect(annotated.spec.ingressClassName).toBeUndefined();
    expect(classless.status).toEqual({ loadBalancer: { ingress: [{ ip: '198.51.100.1' }] } });
  });

  it('orders served Ingresses oldest first, then by apply order, then by namespace/name descending', () => {
    const c = clusterWithController();
    const a = ingress(c, 'a', rules);
    const b = ingress(c, 'b', rules);
    const z = ingress(c, 'z', rules);
    for (const i of [a, b, z]) i.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
    expect(servedIngresses(c).map((i) => i.metadata.name)).toEqual(['a', 'b', 'z']);
    z.metadata.creationTimestamp = '2025-12-31T23:59:59Z';
    expect(servedIngresses(c).map((i) => i.metadata.name)).toEqual(['z', 'a', 'b']);
    for (const i of [a, b]) c.origins.delete(objectKey(i));
    expect(servedIngresses(c).map((i) => i.metadata.name)).toEqual(['z', 'b', 'a']);
  });
});
