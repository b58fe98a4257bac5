import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cluster/state';
import type { Diagnostic } from '../diagnostics';
import { loadObjects } from '../manifest/load';
import type { SimWorld } from '../world';
import { validateCommand } from './validate';

function run(text: string, json = false, extra: Diagnostic[] = []) {
  const { diagnostics } = loadObjects([{ file: 'scene.yaml', text }]);
  return validateCommand([], {
    cluster: {} as ClusterState,
    world: {} as SimWorld,
    diagnostics: [...diagnostics, ...extra],
    json,
    lang: 'en' as const,
  });
}

const svc = (spec: string, name = 'x') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

describe('svclab validate', () => {
  it('prints a single API error on one line, exit 1', () => {
    const r = run(svc('  type: LoadBalancer\n  clusterIP: None\n  ports:\n  - port: 80\n'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'The Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services\n',
    );
  });

  it('prints several API errors in the multi-line form', () => {
    const r = run(svc('  ports:\n  - port: 80\n  - port: 443\n'));
    expect(r.stderr).toBe(
      'The Service "x" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    );
  });

  it('prints decoding errors as the API server words them', () => {
    expect(run(svc('  ports:\n  - port: "80"\n')).stderr).toBe(
      'Error from server (BadRequest): error when creating "scene.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n',
    );
    expect(run(svc('  portz: []\n  ports:\n  - port: 80\n    nodeprot: 1\n')).stderr).toBe(
      'Error from server (BadRequest): error when creating "scene.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portz", unknown field "spec.ports[0].nodeprot"\n',
    );
  });

  it('prints the resource-mapping error for a kind in an old version', () => {
    expect(run('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n').stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "scene.yaml": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n  hint: Kubernetes 1.36 serves Ingress as networking.k8s.io/v1.\n',
    );
  });

  it('prints allocator errors in the same form', () => {
    const alloc: Diagnostic = {
      severity: 'error',
      source: 'api',
      code: 'service.nodePort.range',
      kind: 'Service',
      namespace: 'default',
      name: 'np',
      field: 'spec.ports[0].nodePort',
      message:
        'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      line: 7,
      column: 5,
      file: 'scene.yaml',
    };
    expect(run('', false, [alloc]).stderr).toBe(
      'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('valid input: exit 0, notes with file:line', () => {
    const r = run(
      `${svc('  ports:\n  - port: 80\n')}---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\n`,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('All objects are valid.\n');
    expect(r.stderr).toBe(
      'Info: scene.yaml:9:1: PodDisruptionBudget db: svclab does not simulate PodDisruptionBudget; it is ignored\n',
    );
  });

  it('-o json gives the contract shape', () => {
    const r = run(svc('  ports:\n  - port: 80\n  - port: 443\n'), true);
    const out = JSON.parse(r.stdout) as { diagnostics: Diagnostic[] };
    expect(r.exitCode).toBe(1);
    expect(out.diagnostics[0]).toMatchObject({
      severity: 'error',
      source: 'api',
      code: 'service.ports.name.required',
      kind: 'Service',
      namespace: 'default',
      name: 'x',
      field: 'spec.ports[0].name',
      message: 'spec.ports[0].name: Required value',
      line: 7,
      column: 5,
    });
  });

  it('rejects arguments', () => {
    expect(
      validateCommand(['x'], {
        cluster: {} as ClusterState,
        world: {} as SimWorld,
        diagnostics: [],
        json: false,
        lang: 'en',
      }).exitCode,
    ).toBe(2);
  });
});
