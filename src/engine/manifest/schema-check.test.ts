import { describe, expect, it } from 'vitest';
import { checkSchema, hasSchema } from './schema-check';

const svc = (spec: unknown, metadata: unknown = { name: 'x' }) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata,
  spec,
});

describe('checkSchema', () => {
  it('accepts a well-formed Service with int-or-string targetPort', () => {
    expect(
      checkSchema(
        svc({
          ports: [
            { port: 80, targetPort: 'http' },
            { port: 81, targetPort: 8081 },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('reports unknown fields as strict field validation words them', () => {
    expect(checkSchema(svc({ portz: [], ports: [{ port: 80, nodeport: 30001 }] }))).toEqual([
      { kind: 'unknown', field: 'spec.portz', message: 'unknown field "spec.portz"' },
      { kind: 'unknown', field: 'spec.ports[0].nodeport', message: 'unknown field "spec.ports[0].nodeport"' },
    ]);
  });

  it('reports a wrong type with Go encoding/json wording, first error only', () => {
    expect(checkSchema(svc({ ports: [{ port: '80' }], type: 5, portz: 1 }))).toEqual([
      {
        kind: 'type',
        field: 'spec.ports[0].port',
        message:
          'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      },
    ]);
  });

  it('names numbers, maps, structs and slices as Go does', () => {
    expect(checkSchema(svc({}, { name: 'x', labels: { app: 1 } }))[0]!.message).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(checkSchema(svc('web'))[0]!.message).toBe(
      'json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec',
    );
    expect(checkSchema(svc({ ports: { port: 80 } }))[0]!.message).toBe(
      'json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
    );
    expect(checkSchema(svc({ ports: [{ port: 1.5 }] }))[0]!.message).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32',
    );
    expect(checkSchema(svc({ ports: [{ port: 80, targetPort: true }] }))[0]!.message).toBe(
      'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
  });

  it('reports a field named like an Object.prototype member as unknown', () => {
    expect(checkSchema(svc({ constructor: 1, ports: [{ port: 80, toString: 'x' }] }))).toEqual([
      { kind: 'unknown', field: 'spec.constructor', message: 'unknown field "spec.constructor"' },
      { kind: 'unknown', field: 'spec.ports[0].toString', message: 'unknown field "spec.ports[0].toString"' },
    ]);
  });

  it('names the path inside arrays and maps after an earlier clean walk (path stack is restored)', () => {
    expect(checkSchema(svc({ selector: { a: 'b' }, ports: [{ port: 80 }, { port: 81, nam: 'x' }] }))).toEqual(
      [{ kind: 'unknown', field: 'spec.ports[1].nam', message: 'unknown field "spec.ports[1].nam"' }],
    );
  });

  it('treats null as the zero value', () => {
    expect(checkSchema(svc({ ports: null, selector: null }))).toEqual([]);
  });

  it('reports OpenAPI required fields as client-side findings', () => {
    expect(checkSchema(svc({ ports: [{ name: 'a' }] }))).toEqual([
      {
        kind: 'required',
        field: 'spec.ports[0].port',
        message: 'missing required field "port" in io.k8s.api.core.v1.ServicePort',
      },
    ]);
  });

  it('checks Pods deep inside Deployments and the hand-written config kinds', () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] } },
      },
    };
    expect(checkSchema(dep)[0]!.message).toBe(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    );
    const kp = {
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      mode: 'ipvs',
      ipvs: { schedular: 'rr' },
    };
    expect(checkSchema(kp)).toEqual([
      { kind: 'unknown', field: 'ipvs.schedular', message: 'unknown field "ipvs.schedular"' },
    ]);
    expect(hasSchema('kubeadm.k8s.io/v1beta3', 'ClusterConfiguration')).toBe(true);
    expect(hasSchema('batch/v1', 'CronJob')).toBe(true);
    expect(hasSchema('policy/v1', 'PodDisruptionBudget')).toBe(false);
  });

  it('validates 10,000 Services quickly', () => {
    const s = svc({
      selector: { app: 'a' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
    });
    let n = 0;
    for (let i = 0; i < 10000; i++) n += checkSchema(s).length;
    expect(n).toBe(0);
  });
});
