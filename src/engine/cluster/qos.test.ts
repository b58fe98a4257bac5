import { describe, expect, it } from 'vitest';
import { defaultPodRequests } from '../manifest/defaults-resources';
import { scene } from '../testing/scene';
import { podQOSClass } from './qos';

type Res = { requests?: Record<string, string>; limits?: Record<string, string> };
const spec = (...resources: (Res | undefined)[]) => ({
  containers: resources.map((r, i) => ({ name: `c${i}`, image: 'x', ...(r ? { resources: r } : {}) })),
});

describe('ComputePodQOS (pkg/apis/core/helper/qos)', () => {
  it('BestEffort: no cpu or memory requested or limited in any container', () => {
    expect(podQOSClass(spec(undefined, {}))).toBe('BestEffort');
    // Only cpu and memory count; zero is none.
    expect(podQOSClass(spec({ requests: { 'ephemeral-storage': '1Gi', cpu: '0' } }))).toBe('BestEffort');
  });

  it('Guaranteed: every container sets cpu and memory with requests equal to limits (1 = 1000m)', () => {
    const both = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } };
    expect(podQOSClass(spec(both, both))).toBe('Guaranteed');
  });

  it('Burstable: a request below its limit, a limit on one resource only, or containers of different classes', () => {
    expect(podQOSClass(spec({ requests: { cpu: '100m' }, limits: { cpu: '200m' } }))).toBe('Burstable');
    expect(podQOSClass(spec({ requests: { cpu: '1' }, limits: { cpu: '1' } }))).toBe('Burstable');
    const g = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } };
    expect(podQOSClass(spec(g, undefined))).toBe('Burstable');
    // An init container counts like the others.
    expect(podQOSClass({ ...spec(g), initContainers: [{ name: 'i', image: 'x' }] })).toBe('Burstable');
  });

  it('pod-level resources, when written, decide alone', () => {
    const s = {
      ...spec(undefined),
      resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
    };
    expect(podQOSClass(s)).toBe('Guaranteed');
  });

  it('requests default from limits on a Pod (SetDefaults_Pod), without touching shared containers', () => {
    const container = {
      name: 'c',
      image: 'x',
      resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1' } },
    };
    const s: { containers: unknown[] } = { containers: [container] };
    defaultPodRequests(s);
    expect(s.containers[0]).toEqual({
      ...container,
      resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } },
    });
    expect(container.resources.requests).toEqual({ cpu: '1' });
    expect(podQOSClass(s)).toBe('Guaranteed');
  });
});

describe('status.qosClass through the pipeline', () => {
  const s = scene(`apiVersion: v1
kind: Pod
metadata: { name: limits-only }
spec:
  containers: [{ name: c, image: nginx:1.27, resources: { limits: { cpu: 500m, memory: 128Mi } } }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, image: nginx:1.27, resources: { requests: { cpu: 100m } } }]
`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pods: any[] = s.json('get pods -A -o json').items;
  const qos = (prefix: string) => [
    ...new Set(pods.filter((p) => p.metadata.name.startsWith(prefix)).map((p) => p.status.qosClass)),
  ];

  it('a Pod with limits only is Guaranteed and shows the defaulted requests', () => {
    const p = pods.find((x) => x.metadata.name === 'limits-only');
    expect(p.status.qosClass).toBe('Guaranteed');
    expect(p.spec.containers[0].resources.requests).toEqual({ cpu: '500m', memory: '128Mi' });
  });

  it("a Deployment's pods are Burstable; its template keeps what was written", () => {
    expect(qos('web-')).toEqual(['Burstable']);
    const got = s.json('get deployment web -o json');
    const d = got.items?.[0] ?? got;
    expect(d.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '100m' } });
  });

  it("kubeadm's CoreDNS (memory limit 170Mi, requests 100m/70Mi) is Burstable; kube-proxy is BestEffort", () => {
    expect(qos('coredns-')).toEqual(['Burstable']);
    expect(qos('kube-proxy-')).toEqual(['BestEffort']);
  });
});
