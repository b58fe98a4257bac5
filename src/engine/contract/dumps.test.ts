/**
 * Applying what `kubectl get -o yaml` printed on another cluster: the API server treats it as a create
 * (new uid and creationTimestamp, no resourceVersion or selfLink), and kubectl's own refusals.
 */
import { describe, expect, it } from 'vitest';
import { buildCluster } from '../build';
import { runCommand } from '../commands/run';
import type { CommandEnv } from '../commands/types';
import { createWorld } from '../world';
import { scene } from '../testing/scene';

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

function validate(yaml: string, lang: 'en' | 'ko' = 'en') {
  const built = buildCluster([{ file: 'k8sdemo.yaml', text: yaml }], { seed: 1 });
  const env: CommandEnv = {
    cluster: built.cluster,
    world: createWorld(1),
    diagnostics: built.diagnostics,
    json: false,
    lang,
  };
  return runCommand('validate', env);
}

describe("kubectl's refusals", () => {
  it('an object in a namespace that does not exist: NotFound on create', () => {
    const r = validate(
      'apiVersion: v1\nkind: Endpoints\nmetadata: {name: x, namespace: k8sdemo}\nsubsets: []\n',
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'Error from server (NotFound): error when creating "k8sdemo.yaml": namespaces "k8sdemo" not found',
    );
    // The API server warns on every v1 Endpoints request (KEP-4974, 1.33+), a refused create included.
    expect(r.stderr).toContain('v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(
      validate('apiVersion: v1\nkind: Endpoints\nmetadata: {name: x, namespace: k8sdemo}\n', 'ko').stderr,
    ).toContain('  ↳ 아직 없는 네임스페이스');
  });

  it('generateName with apply', () => {
    const r = validate(
      'apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: c, image: nginx}]}\n',
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: from web-: cannot use generate name with apply\n');
  });
});

describe('hints without -o json', () => {
  it("an error's hint prints after kubectl's words, in the reader's language", () => {
    const yaml =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {clusterIP: 172.16.0.5, ports: [{port: 80}]}\n';
    const r = validate(yaml);
    expect(r.stderr).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"172.16.0.5"}: failed to allocate IP 172.16.0.5: the provided network does not match the current range\n' +
        '  hint: The service CIDR of this cluster is 10.96.0.0/12. Pick a clusterIP inside it, leave clusterIP out to get a free one, or change the range with a ClusterConfiguration (kubeadm.k8s.io/v1beta4) networking.serviceSubnet.\n',
    );
    expect(validate(yaml, 'ko').stderr).toContain('  힌트: 이 클러스터의 서비스 CIDR은 10.96.0.0/12입니다.');
  });
});
