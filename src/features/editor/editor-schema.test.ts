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
});
