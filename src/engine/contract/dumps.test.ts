/**
 * Applying what `kubectl get -o yaml` printed on another cluster: the API server treats it as a create
 * (new uid and creationTimestamp, no resourceVersion or selfLink), and kubectl's own refusals.
 */
import { describe, expect, it } from 'vitest';
import { scene } from './scene.test-helper';

const DUMP = `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "2021-03-02T10:11:12Z"
  name: web
  namespace: default
  resourceVersion: "48213"
  selfLink: /api/v1/namespaces/default/services/web
  uid: 0b7c1a0e-0000-4000-8000-000000000001
  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:ports:
          .: {}
    manager: kubectl-client-side-apply
    operation: Update
spec:
  clusterIP: 10.96.0.50
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector: {app: web}
  type: ClusterIP
---
apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2021-03-02T10:11:12Z"
  labels: {app: web}
  name: web-0
  namespace: default
  resourceVersion: "48214"
  uid: 0b7c1a0e-0000-4000-8000-000000000002
spec:
  containers:
  - image: nginx
    name: web
    ports: [{containerPort: 8080}]
`;

describe('applying a dump', () => {
  it('gets new server-set metadata, as on create', () => {
    const s = scene(DUMP);
    const items = s.json<{ items: { metadata: Record<string, unknown> }[] }>('get svc web -o json').items;
    const meta = items[0]!.metadata;
    expect(meta.uid).not.toBe('0b7c1a0e-0000-4000-8000-000000000001');
    expect(meta.creationTimestamp).not.toBe('2021-03-02T10:11:12Z');
    expect(meta).not.toHaveProperty('selfLink');
    expect(meta).not.toHaveProperty('resourceVersion');
    expect(meta).not.toHaveProperty('managedFields');
    const pods = s.run('get pods').stdout;
    expect(pods).toMatch(/^web-0\s+1\/1\s+Running\s+0\s+\S+\s*$/m);
    expect(pods).not.toMatch(/\dy\d/);
  });
});
