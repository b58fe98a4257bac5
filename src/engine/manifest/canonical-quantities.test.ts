import { describe, expect, it } from 'vitest';
import { scene } from '../testing/scene';
import { canonicalPodQuantities } from './canonical-quantities';

describe('quantities read back in canonical form (resource.Quantity String())', () => {
  it('rewrites requests, limits, pod-level resources and overhead; leaves what is not a quantity', () => {
    const spec = {
      containers: [
        {
          name: 'c',
          resources: { requests: { cpu: '0.5', memory: 1073741824 }, limits: { cpu: 2, memory: '0.5Gi' } },
        },
      ],
      initContainers: [{ name: 'i', resources: { limits: { cpu: '2000m', 'example.com/gpu': '1' } } }],
      resources: { requests: { cpu: '1.5' } },
      overhead: { memory: '1000Ki' },
    };
    canonicalPodQuantities(spec);
    expect(spec.containers[0]!.resources).toEqual({
      requests: { cpu: '500m', memory: '1073741824' },
      limits: { cpu: '2', memory: '512Mi' },
    });
    expect(spec.initContainers[0]!.resources.limits).toEqual({ cpu: '2', 'example.com/gpu': '1' });
    expect(spec.resources.requests).toEqual({ cpu: '1500m' });
    expect(spec.overhead).toEqual({ memory: '1000Ki' });
    const bad = { containers: [{ name: 'c', resources: { limits: { cpu: 'lots' } } }] };
    canonicalPodQuantities(bad);
    expect(bad.containers[0]!.resources.limits.cpu).toBe('lots');
  });

  it('through the API: get -o yaml shows the stored form, in Pods and templates', () => {
    const s = scene(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: nginx:1.27, resources: { requests: { cpu: 0.25, memory: 0.5Gi }, limits: { cpu: 1 } } }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: d }
spec:
  selector: { matchLabels: { app: d } }
  template:
    metadata: { labels: { app: d } }
    spec:
      containers: [{ name: c, image: nginx:1.27, resources: { limits: { memory: 1024Mi } } }]
`);
    const pod = s.run('get pod p -o yaml').stdout;
    expect(pod).toContain(
      '      limits:\n        cpu: "1"\n      requests:\n        cpu: 250m\n        memory: 512Mi\n',
    );
    const d = s.run('get deployment d -o yaml').stdout;
    expect(d).toContain('          limits:\n            memory: 1Gi\n');
  });
});
