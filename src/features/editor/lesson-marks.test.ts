import { describe, expect, it } from 'vitest';
import { buildCluster } from '../../engine';
import { fieldLines, fieldPath, markLines } from './lesson-marks';

const scene = `# a comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - containerPort: 8080
              name: http
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: webapp
  ports:
    - port: 80
      targetPort: http
`;

describe('the lines a lesson step points at', () => {
  it('reads a field path with indexes', () => {
    expect(fieldPath('spec.ports[0].targetPort')).toEqual(['spec', 'ports', 0, 'targetPort']);
    expect(fieldPath('a..b[x]')).toEqual([]);
  });

  it('finds a field from its key to the end of its value', () => {
    expect(
      fieldLines('a: 1\nspec:\n  selector:\n    app: x\n    tier: y\n  type: ClusterIP\n', 'spec.selector'),
    ).toEqual({ startLine: 3, endLine: 5 });
    expect(
      fieldLines('spec:\n  ports:\n    - port: 80\n      targetPort: 8080\n', 'spec.ports[0].targetPort'),
    ).toEqual({ startLine: 4, endLine: 4 });
    expect(fieldLines('spec: {}\n', 'spec.selector')).toBeNull();
    expect(fieldLines('::: not yaml [', 'spec')).toBeNull();
  });

  it('places a Service’s field in the file, and a pod’s field in its Deployment’s template', () => {
    const { cluster } = buildCluster([{ file: 'scene.yaml', text: scene }]);
    expect(markLines(scene, cluster.origins, 'Service/default/web#spec.selector', 'scene.yaml')).toEqual({
      object: { startLine: 22, endLine: 32 },
      field: { startLine: 27, endLine: 28 },
    });
    const pod = cluster.pods.find((p) => p.metadata.name?.startsWith('web-'))!;
    expect(
      markLines(
        scene,
        cluster.origins,
        `Pod/default/${pod.metadata.name}#spec.containers[0].ports`,
        'scene.yaml',
      ),
    ).toEqual({ object: { startLine: 2, endLine: 21 }, field: { startLine: 18, endLine: 20 } });
    expect(
      markLines(scene, cluster.origins, 'Service/default/web#spec.nothing', 'scene.yaml')?.field,
    ).toBeNull();
    expect(markLines(scene, cluster.origins, 'Service/default/none', 'scene.yaml')).toBeNull();
  });
});
