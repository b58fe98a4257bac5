/**
 * A Service update the API server refuses (ValidateServiceUpdate and the Service REST's beginUpdate),
 * through `kubectl patch` on a dual-stack cluster, with kubectl's messages.
 */
import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { serviceUpdateErrors } from './service-update';
import type { Service } from '../k8s/objects';

const SCENE = `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
networking:
  serviceSubnet: 10.96.0.0/12,fd00:10:96::/112
  podSubnet: 10.244.0.0/16,fd00:10:244::/56
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ipFamilyPolicy: PreferDualStack
  selector:
    app: web
  ports:
    - port: 80
`;

const live: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    type: 'ClusterIP',
    clusterIP: '10.96.0.5',
    clusterIPs: ['10.96.0.5'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports: [{ port: 80 }],
  },
};
const sent = (spec: Partial<Service['spec']>): Service => ({
  ...live,
  spec: { type: 'ClusterIP', ports: [{ port: 80 }], ...spec },
});

describe('serviceUpdateErrors', () => {
  it('accepts an update that leaves the allocated values out (patchAllocatedValues)', () => {
    expect(serviceUpdateErrors(live, sent({}))).toEqual([]);
    expect(
      serviceUpdateErrors(live, sent({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] })),
    ).toEqual([]);
  });

  it('refuses a changed clusterIP as ValidateServiceUpdate does', () => {
    expect(serviceUpdateErrors(live, sent({ clusterIP: '10.96.0.20' }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
    ]);
  });

  it('refuses a changed primary family: the kept ClusterIP is of the old one', () => {
    expect(serviceUpdateErrors(live, sent({ ipFamilies: ['IPv6'] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.5": expected an IPv6 value as indicated by `ipFamilies[0]`',
    ]);
  });

  it('refuses a new primary family with a ClusterIP of it', () => {
    expect(serviceUpdateErrors(live, sent({ clusterIP: 'fd00:10:96::5', ipFamilies: ['IPv6'] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"fd00:10:96::5"}: may not change once set',
      'spec.ipFamilies[0]: Invalid value: []core.IPFamily{"IPv6"}: may not change once set',
    ]);
  });

  it('lets a headless Service change families, and ExternalName anything', () => {
    const headless: Service = { ...live, spec: { ...live.spec, clusterIP: 'None', clusterIPs: ['None'] } };
    expect(serviceUpdateErrors(headless, sent({ clusterIP: 'None', ipFamilies: ['IPv6'] }))).toEqual([]);
    expect(serviceUpdateErrors(live, sent({ type: 'ExternalName', externalName: 'x.example' }))).toEqual([]);
  });
});

describe('kubectl patch of a Service', () => {
  it('refuses a new primary family with the API server message, and keeps the text', () => {
    const s = scene(SCENE);
    const ip = s.json('get svc web -o json').items[0].spec.clusterIP;
    const r = s.run(`patch svc web --type merge -p '{"spec":{"ipFamilies":["IPv6","IPv4"]}}'`);
    expect(r.exitCode).toBe(1);
    const [v4, v6] = s.json('get svc web -o json').items[0].spec.clusterIPs;
    expect(v4).toBe(ip);
    expect(r.stderr).toBe(
      'The Service "web" is invalid: \n' +
        `* spec.clusterIPs[0]: Invalid value: "${v4}": expected an IPv6 value as indicated by \`ipFamilies[0]\`\n` +
        `* spec.clusterIPs[1]: Invalid value: "${v6}": expected an IPv4 value as indicated by \`ipFamilies[1]\`\n`,
    );
    expect(r.sources).toBeUndefined();
  });

  it('refuses a changed clusterIP', () => {
    const s = scene(SCENE);
    const r = s.run(`patch svc web -p '{"spec":{"clusterIP":"10.96.0.77"}}'`);
    expect(r.stderr).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.77"}: may not change once set\n',
    );
  });

  it('accepts a patch that leaves the addresses alone', () => {
    const s = scene(SCENE);
    const r = s.run(`patch svc web -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('service/web patched\n');
  });
});
