import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';

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
    expect(rs('down').status).toMatchObject({ replicas: 2, readyReplicas: 0, availableReplicas: 0 });
    expect(dep('down').status).toMatchObject({ replicas: 2, readyReplicas: 0, unavailableReplicas: 2 });
  });
});
