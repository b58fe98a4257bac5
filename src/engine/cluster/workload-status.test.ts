import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { scene } from '../testing/scene';

const deployment = (name: string, replicas: number, ready: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: {app: ${name}}
      annotations: {svclab.io/ready: "${ready}"}
    spec:
      containers: [{name: c, image: nginx}]
`;

describe('fillWorkloadStatus', () => {
  it('counts the pods of each ReplicaSet and rolls them up to the Deployment', () => {
    const text = [deployment('up', 3, 'true'), deployment('down', 2, 'false')].join('---\n');
    const { cluster } = buildCluster([{ file: 's.yaml', text }]);
    const rs = (d: string) => cluster.replicaSets.find((r) => r.metadata.name?.startsWith(`${d}-`))!;
    const dep = (d: string) => cluster.deployments.find((x) => x.metadata.name === d)!;
    expect(rs('up').status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    expect(dep('up').status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    // Counts that are int32 with omitempty in apps/v1 are not written when 0 (no readyReplicas: 0).
    expect(rs('down').status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
    expect(dep('down').status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      unavailableReplicas: 2,
    });
  });

  it('a StatefulSet keeps replicas and availableReplicas at 0 ready, a DaemonSet numberReady (no omitempty); a probe nothing answers keeps the DaemonSet unready', () => {
    const notReady = `
    metadata:
      labels: {app: x}
      annotations: {svclab.io/ready: "false"}
    spec:
      containers: [{name: c, image: nginx}]
`;
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: x}}
  template:${notReady}---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: c
          image: busybox
          readinessProbe: {httpGet: {path: /, port: 9999}}
`;
    const { cluster } = buildCluster([{ file: 's.yaml', text }]);
    const sts = cluster.statefulSets[0]!.status as Record<string, unknown>;
    expect(Object.keys(sts).sort()).toEqual([
      'availableReplicas',
      'collisionCount',
      'currentReplicas',
      'currentRevision',
      'observedGeneration',
      'replicas',
      'updateRevision',
      'updatedReplicas',
    ]);
    expect(sts.availableReplicas).toBe(0);
    // Readiness probes are answered by the scene's run (the CLI's path), not by buildCluster alone.
    const ds = (scene(text).json('get ds agent -o json').items[0] as { status: Record<string, unknown> })
      .status;
    expect(ds).not.toHaveProperty('numberAvailable');
    expect(ds.numberReady).toBe(0);
    expect(ds.numberUnavailable).toBe(ds.desiredNumberScheduled);
  });
});
