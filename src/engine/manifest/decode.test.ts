import { describe, expect, it } from 'vitest';
import { decodeNulls } from './decode';

describe('decodeNulls: null as the API server decodes it', () => {
  it('turns null list items into the item type’s zero value', () => {
    const pod = decodeNulls({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', ownerReferences: [null], finalizers: [null] },
      spec: {
        containers: [{ name: 'c', env: [null], ports: [null], args: [null] }],
        dnsConfig: { options: [null], nameservers: [null] },
      },
      status: { podIPs: [null], conditions: [null], containerStatuses: [null] },
    });
    expect(pod.metadata).toEqual({ name: 'p', ownerReferences: [{}], finalizers: [''] });
    expect(pod.spec.containers[0]).toEqual({ name: 'c', env: [{}], ports: [{}], args: [''] });
    expect(pod.spec.dnsConfig).toEqual({ options: [{}], nameservers: [''] });
    expect(pod.status).toEqual({ podIPs: [{}], conditions: [{}], containerStatuses: [{}] });
  });

  it('drops null optional fields and zeroes null required ones; map values become zero values', () => {
    const svc = decodeNulls({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', labels: { app: null } },
      spec: { type: null, ports: [{ port: null, targetPort: null }], selector: { a: null } },
    });
    expect(svc.metadata).toEqual({ name: 's', labels: { app: '' } });
    expect(svc.spec).toEqual({ ports: [{ port: 0 }], selector: { a: '' } });
  });

  it('covers every list the fuzzer found throwing (Node, Service, Ingress)', () => {
    expect(
      decodeNulls({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n' },
        spec: { podCIDRs: [null] },
        status: { addresses: [null] },
      }),
    ).toMatchObject({ spec: { podCIDRs: [''] }, status: { addresses: [{}] } });
    expect(
      decodeNulls({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
        status: { loadBalancer: { ingress: [null] } },
      }).status,
    ).toEqual({ loadBalancer: { ingress: [{}] } });
    expect(
      decodeNulls({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i' },
        spec: { rules: [null], tls: [null] },
      }).spec,
    ).toEqual({ rules: [{}], tls: [{}] });
  });

  it('copies (never changes its input), keeps __proto__ keys as data, and leaves kinds without a schema alone', () => {
    const input = JSON.parse(
      '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"__proto__":"x"}}',
    ) as { apiVersion: string; kind: string; stringData: Record<string, unknown> };
    const out = decodeNulls(input);
    expect(out).not.toBe(input);
    expect(Object.keys(out.stringData)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out.stringData)).toBe(Object.prototype);
    const unknown = { apiVersion: 'x/v1', kind: 'Thing', spec: [null] };
    expect(decodeNulls(unknown)).toEqual(unknown);
  });
});
