import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';

const SCENE = `apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  ports: [{name: https, port: 443}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: ext}
subsets:
  - addresses: [{ip: 192.0.2.10}]
    ports: [{name: https, port: 443}]
---
apiVersion: v1
kind: Service
metadata: {name: own}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata:
  name: own
  labels: {endpointslice.kubernetes.io/skip-mirror: "true"}
subsets:
  - addresses: [{ip: 192.0.2.11}]
    ports: [{port: 80}]
`;

describe('EndpointSlice mirroring of hand-written and system Endpoints', () => {
  const { cluster } = buildCluster([{ file: 's.yaml', text: SCENE }]);
  const slicesOf = (svc: string) =>
    cluster.endpointSlices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);

  it("default/kubernetes keeps only the API server's own slice: its Endpoints carry skip-mirror", () => {
    const ep = cluster.endpoints.find(
      (e) => e.metadata.namespace === 'default' && e.metadata.name === 'kubernetes',
    );
    expect(ep?.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(slicesOf('kubernetes').map((s) => s.metadata.name)).toEqual(['kubernetes']);
    expect(
      slicesOf('kubernetes')[0]!.metadata.labels?.['endpointslice.kubernetes.io/managed-by'],
    ).toBeUndefined();
  });

  it('a selector-less Service gets a mirrored slice unless its Endpoints say skip-mirror', () => {
    const mirrored = slicesOf('ext');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslicemirroring-controller.k8s.io',
    );
    expect(mirrored[0]!.endpoints?.[0]?.addresses).toEqual(['192.0.2.10']);
    expect(slicesOf('own')).toEqual([]);
  });
});
