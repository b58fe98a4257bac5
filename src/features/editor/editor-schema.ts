/**
 * The editor's JSON Schema: the Kubernetes schema (k8s-schema.json) with the Gateway API CRDs' kinds
 * added the same way, one `if apiVersion + kind then <openAPIV3Schema>` entry per served version, so
 * Monaco validates, completes and explains Gateway API objects as it does Services. Both files are data
 * the generators write (scripts/gen-schema.mjs, scripts/gen-gateway-schema.mjs); the CRD schemas are
 * OpenAPI v3 structural schemas, which JSON Schema readers understand (x-kubernetes-* keys are ignored).
 * Fields whose values are a fixed list (externalTrafficPolicy, type, protocol, pathType …) complete
 * those values (enum-values.ts).
 *
 * @example
 * editorSchema(k8s, crds).properties.kind.examples.includes('HTTPRoute'); // true
 */

import { withEnumValues } from './enum-values';

interface RootSchema {
  definitions?: Record<string, unknown>;
  properties: { apiVersion: { examples?: string[] }; kind: { examples?: string[] } };
  allOf: unknown[];
  [key: string]: unknown;
}

interface CrdData {
  crds: {
    group: string;
    kind: string;
    /** A version whose schema equals an earlier one's names that version instead. */
    versions: { name: string; schema: unknown }[];
  }[];
}

/**
 * Adds every CRD version to a copy of the Kubernetes editor schema.
 *
 * @example
 * editorSchema(k8s, crds).allOf.length > k8s.allOf.length; // true
 */
export function editorSchema<T extends RootSchema>(k8s: T, crdData: CrdData): T {
  const entries: unknown[] = [];
  const apiVersions = new Set(k8s.properties.apiVersion.examples ?? []);
  const kinds = new Set(k8s.properties.kind.examples ?? []);
  for (const crd of crdData.crds) {
    kinds.add(crd.kind);
    const byName = new Map<string, unknown>();
    for (const v of crd.versions) {
      const schema = typeof v.schema === 'string' ? byName.get(v.schema) : v.schema;
      byName.set(v.name, schema);
      const apiVersion = `${crd.group}/${v.name}`;
      apiVersions.add(apiVersion);
      entries.push({
        if: {
          properties: { apiVersion: { const: apiVersion }, kind: { const: crd.kind } },
          required: ['apiVersion', 'kind'],
        },
        then: schema,
      });
    }
  }
  return {
    ...k8s,
    ...(k8s.definitions ? { definitions: withEnumValues(k8s.definitions) } : {}),
    properties: {
      ...k8s.properties,
      apiVersion: { ...k8s.properties.apiVersion, examples: [...apiVersions].sort() },
      kind: { ...k8s.properties.kind, examples: [...kinds].sort() },
    },
    allOf: [...k8s.allOf, ...entries],
  };
}
