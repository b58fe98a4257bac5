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
import type { Crd, CrdVersion, SchemaProps } from './types';

export type { CelRule, Crd, CrdVersion, PrinterColumn, SchemaProps } from './types';

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
