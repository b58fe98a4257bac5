import { describe, expect, it } from 'vitest';
import { scene, sceneWithErrors } from '../testing/scene';
import { canonicalPodQuantities } from './canonical-quantities';
import { cpuMillis } from '../cluster/topology-cache';

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

/**
 * Every other resource.Quantity field of the kinds svclab knows, read back as a 1.36 API server prints
 * it (Quantity.String(), apimachinery quantity.go: the largest suffix that keeps the number whole, a
 * binary value not whole in Ki printed in decimal, a decimal exponent kept as one).
 */
/** The one object `get KIND NAME -o json` prints (svclab wraps it in a List). */
const getJson = (s: ReturnType<typeof scene>, what: string) => {
  const out = JSON.parse(s.run(`get ${what} -o json`).stdout);
  return out.kind === 'List' ? out.items[0] : out;
};

describe('quantities beyond the containers (every resource.Quantity field svclab stores)', () => {
  it('Pod: downward API divisors (an omitted one reads "0"), emptyDir sizeLimit, ephemeral claim templates', () => {
    const s = scene(`apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: c
    image: nginx:1.27
    env:
    - { name: CPU, valueFrom: { resourceFieldRef: { resource: limits.cpu, divisor: 0.001 } } }
    - { name: MEM, valueFrom: { resourceFieldRef: { resource: limits.memory } } }
  volumes:
  - { name: scratch, emptyDir: { sizeLimit: 0.5Gi } }
  - name: info
    downwardAPI: { items: [{ path: mem, resourceFieldRef: { containerName: c, resource: limits.memory, divisor: 1000k } }] }
  - name: data
    ephemeral:
      volumeClaimTemplate:
        spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1.5Gi } } }
`);
    const pod = getJson(s, 'pod p');
    const env = pod.spec.containers[0].env;
    expect(env[0].valueFrom.resourceFieldRef.divisor).toBe('1m');
    expect(env[1].valueFrom.resourceFieldRef.divisor).toBe('0');
    const volumes = pod.spec.volumes;
    expect(volumes[0].emptyDir).toEqual({ sizeLimit: '512Mi' });
    expect(volumes[1].downwardAPI.items[0].resourceFieldRef.divisor).toBe('1M');
    expect(volumes[2].ephemeral.volumeClaimTemplate.spec.resources.requests.storage).toBe('1536Mi');
    expect(s.run('get pod p -o yaml').stdout).toContain(
      '          divisor: "0"\n          resource: limits.memory\n',
    );
  });

  it('StatefulSet: volumeClaimTemplates requests and limits', () => {
    const s = scene(`apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: c, image: postgres:17 }] }
  volumeClaimTemplates:
  - metadata: { name: data }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1024Mi }, limits: { storage: 0.5Ti } } }
`);
    const claim = getJson(s, 'statefulset db').spec.volumeClaimTemplates[0];
    expect(claim.spec.resources).toEqual({ requests: { storage: '1Gi' }, limits: { storage: '512Gi' } });
  });

  it('Node: status capacity and allocatable', () => {
    const s = scene(`apiVersion: v1
kind: Node
metadata: { name: worker-1 }
status:
  capacity: { cpu: 4, memory: 8388608Ki, pods: 110, ephemeral-storage: 100000000k }
  allocatable: { cpu: 3.5, memory: 7.5Gi, pods: "110" }
`);
    const node = getJson(s, 'node worker-1');
    expect(node.status.capacity).toEqual({
      cpu: '4',
      memory: '8Gi',
      pods: '110',
      'ephemeral-storage': '100G',
    });
    expect(node.status.allocatable).toEqual({ cpu: '3500m', memory: '7680Mi', pods: '110' });
  });

  it('HorizontalPodAutoscaler: metric targets and scaling tolerances', () => {
    const s = scene(`apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: c, image: nginx:1.27 }] }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 5
  metrics:
  - type: Resource
    resource: { name: memory, target: { type: AverageValue, averageValue: 0.5Gi } }
  - type: Pods
    pods: { metric: { name: rps }, target: { type: AverageValue, averageValue: 1000m } }
  - type: External
    external: { metric: { name: queue }, target: { type: Value, value: 1.5k } }
  - type: Object
    object:
      describedObject: { apiVersion: v1, kind: Service, name: web }
      metric: { name: hits }
      target: { type: Value, value: "2e3" }
  behavior:
    scaleUp: { tolerance: 0.05 }
`);
    const hpa = getJson(s, 'hpa web');
    const sources = ['resource', 'pods', 'external', 'object'];
    const targets = hpa.spec.metrics.map(
      (m: Record<string, { target: unknown }>, i: number) => m[sources[i]!]!.target,
    );
    expect(targets).toEqual([
      { type: 'AverageValue', averageValue: '512Mi' },
      { type: 'AverageValue', averageValue: '1' },
      { type: 'Value', value: '1500' },
      { type: 'Value', value: '2e3' },
    ]);
    expect(hpa.spec.behavior.scaleUp.tolerance).toBe('50m');
  });

  it('a value validation refuses keeps its error: a negative target in canonical form, a non-quantity as written', () => {
    const s = sceneWithErrors(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 5
  metrics:
  - type: Pods
    pods: { metric: { name: rps }, target: { type: AverageValue, averageValue: -0.5 } }
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: nginx:1.27 }]
  volumes: [{ name: v, emptyDir: { sizeLimit: -1Gi } }]
`);
    expect(s.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'spec.metrics[0].pods.target.averageValue: Invalid value: "-500m": must be positive',
        ),
        expect.stringContaining('sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity'),
      ]),
    );
  });
});

describe('a canonical CPU quantity read by the topology cache (Quantity.MilliValue)', () => {
  it('reads every canonical form, rounding up to a millicore', () => {
    // A node's allocatable cpu: 1000 is stored as "1k", 2.5 as "2500m", 0.0001 as "100u".
    expect(['2', '2500m', '1k', '100u', '1e3', '-1', 'lots'].map(cpuMillis)).toEqual([
      2000, 2500, 1000000, 1, 1000000, 0, 0,
    ]);
  });
});
