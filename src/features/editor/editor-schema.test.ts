import { describe, expect, it } from 'vitest';
import k8sSchema from '../../engine/manifest/k8s-schema.json';
import crdSchemas from '../../engine/manifest/crd/gateway-api-schema.json';
import { editorSchema } from './editor-schema';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('editor schema', () => {
  const schema = editorSchema(k8sSchema as Obj as Parameters<typeof editorSchema>[0], crdSchemas) as Obj;

  it('offers the Gateway API kinds and versions for completion, beside the Kubernetes ones', () => {
    expect(schema.properties.kind.examples).toEqual(
      expect.arrayContaining(['Service', 'Gateway', 'HTTPRoute', 'GRPCRoute']),
    );
    expect(schema.properties.apiVersion.examples).toEqual(
      expect.arrayContaining(['v1', 'gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']),
    );
  });

  it('adds one if/then per served version, with the CRD schema (v1beta1 HTTPRoute reuses v1)', () => {
    const entry = (apiVersion: string, kind: string) =>
      schema.allOf.find(
        (e: Obj) => e.if.properties.apiVersion.const === apiVersion && e.if.properties.kind.const === kind,
      );
    const v1 = entry('gateway.networking.k8s.io/v1', 'HTTPRoute');
    const beta = entry('gateway.networking.k8s.io/v1beta1', 'HTTPRoute');
    expect(v1.then.properties.spec.properties.rules.maxItems).toBe(16);
    expect(beta.then).toBe(v1.then);
    expect(entry('gateway.networking.k8s.io/v1', 'Gateway').then.properties.spec.additionalProperties).toBe(
      false,
    );
    expect(schema.allOf.length).toBe((k8sSchema as Obj).allOf.length + 9);
  });

  it('completes the values of fixed-list fields, from our table where the OpenAPI types them as strings', () => {
    const spec = schema.definitions['io.k8s.api.core.v1.ServiceSpec'].properties;
    expect(spec.externalTrafficPolicy.examples).toEqual(['Cluster', 'Local']);
    expect(spec.type.examples).toEqual(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    expect(spec.sessionAffinity.examples).toEqual(['None', 'ClientIP']);
    expect(spec.ipFamilyPolicy.examples).toContain('PreferDualStack');
    expect(spec.ipFamilies.items.examples).toEqual(['IPv4', 'IPv6']);
    expect(
      schema.definitions['io.k8s.api.networking.v1.HTTPIngressPath'].properties.pathType.examples,
    ).toContain('Prefix');
    expect(schema.definitions['io.k8s.api.core.v1.ServicePort'].properties.protocol.examples).toEqual([
      'TCP',
      'UDP',
      'SCTP',
    ]);
    // Completion only: the API server's message stays the one judge of a wrong value.
    expect(spec.externalTrafficPolicy.enum).toBeUndefined();
    // The engine's own copy of the schema is untouched.
    expect(
      (k8sSchema as Obj).definitions['io.k8s.api.core.v1.ServiceSpec'].properties.type.examples,
    ).toBeUndefined();
  });
});
