/**
 * The CustomResourceDefinitions the simulated cluster has installed: the Gateway API's standard channel
 * (GatewayClass, Gateway, HTTPRoute, GRPCRoute, ReferenceGrant), read from the schema data that
 * scripts/gen-gateway-schema.mjs copies out of the upstream CRDs. Each served version has its
 * openAPIV3Schema (a version whose schema equals an earlier one names it instead of repeating it).
 *
 * @example
 * crdVersion('gateway.networking.k8s.io/v1', 'Gateway')?.crd.plural; // "gateways"
 */
import data from './gateway-api-schema.json';

/** One node of a CRD's structural schema (OpenAPI v3 as CRDs write it). */
export interface SchemaProps {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, SchemaProps>;
  items?: SchemaProps;
  additionalProperties?: boolean | SchemaProps;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string; // "int32", "ipv4", "date-time"
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  maxProperties?: number;
  maximum?: number;
  minimum?: number;
  oneOf?: SchemaProps[];
  anyOf?: SchemaProps[];
  not?: SchemaProps;
  'x-kubernetes-validations'?: CelRule[];
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
}

/** An x-kubernetes-validations entry: a CEL rule and what the API server says when it is false. */
export interface CelRule {
  rule: string; // "self.all(l1, self.exists_one(l2, l1.name == l2.name))"
  message?: string; // "Listener name must be unique within the Gateway"
  fieldPath?: string;
  reason?: string;
}

export interface PrinterColumn {
  name: string; // "Programmed"
  jsonPath: string; // '.status.conditions[?(@.type=="Programmed")].status'
  type: string; // "string" | "date"
  priority?: number; // 1: only with -o wide
}

export interface CrdVersion {
  name: string; // "v1"
  storage: boolean;
  printerColumns: PrinterColumn[];
  schema: SchemaProps;
}

export interface Crd {
  group: string; // "gateway.networking.k8s.io"
  kind: string; // "Gateway"
  plural: string; // "gateways"
  singular: string; // "gateway"
  shortNames: string[]; // ["gtw"]
  namespaced: boolean;
  versions: CrdVersion[];
}

interface RawVersion extends Omit<CrdVersion, 'schema'> {
  schema: SchemaProps | string;
}
interface RawCrd extends Omit<Crd, 'versions'> {
  versions: RawVersion[];
}

const CRDS: Crd[] = (data as unknown as { crds: RawCrd[] }).crds.map((c) => {
  const versions: CrdVersion[] = [];
  for (const v of c.versions) {
    const schema =
      typeof v.schema === 'string' ? versions.find((x) => x.name === v.schema)?.schema : v.schema;
    if (schema) versions.push({ ...v, schema });
  }
  return { ...c, versions };
});

/** The Gateway API release the CRDs come from ("v1.6.1"). */
export const GATEWAY_API_BUNDLE_VERSION: string = (data as { bundleVersion: string }).bundleVersion;

/**
 * Every installed CRD, in a stable order.
 *
 * @example
 * customResourceDefinitions().map((c) => c.kind); // ["GatewayClass", "Gateway", "HTTPRoute", "GRPCRoute", "ReferenceGrant"]
 */
export function customResourceDefinitions(): readonly Crd[] {
  return CRDS;
}

/**
 * The CRD serving a kind, whatever the version.
 *
 * @example
 * crdForKind('HTTPRoute')?.versions.map((v) => v.name); // ["v1", "v1beta1"]
 */
export function crdForKind(kind: string): Crd | undefined {
  return CRDS.find((c) => c.kind === kind);
}

/**
 * The CRD and served version for an apiVersion + kind, or undefined when none serves it.
 *
 * @example
 * crdVersion('gateway.networking.k8s.io/v1alpha2', 'HTTPRoute'); // undefined (not served)
 */
export function crdVersion(
  apiVersion: unknown,
  kind: unknown,
): { crd: Crd; version: CrdVersion } | undefined {
  const crd = CRDS.find((c) => c.kind === kind);
  if (!crd || typeof apiVersion !== 'string') return undefined;
  const version = crd.versions.find((v) => `${crd.group}/${v.name}` === apiVersion);
  return version ? { crd, version } : undefined;
}
