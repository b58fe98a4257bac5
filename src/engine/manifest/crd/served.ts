/**
 * What the API server serves of the installed CRDs (the Gateway API's), without their schemas: each
 * kind's group, whether it lives in a namespace and the versions it serves, in the bundle's order. The
 * kinds table (manifest/kinds.ts) needs only this to tell a Gateway from an unknown kind; the schemas
 * and their CEL rules (registry.ts, ≈ 330 KB) load apart with the CEL evaluator (engine/libraries.ts,
 * issue 17, cold load). served.test.ts checks this list against gateway-api-schema.json, so it cannot
 * drift from the bundle that scripts/gen-gateway-schema.mjs writes.
 *
 * @example
 * SERVED_CRDS.find((c) => c.kind === 'Gateway')?.versions; // ["v1", "v1beta1"]
 */
export interface ServedCrd {
  group: string;
  kind: string;
  namespaced: boolean;
  /** The versions served, as the bundle lists them. */
  versions: string[];
}

const GATEWAY = 'gateway.networking.k8s.io';

export const SERVED_CRDS: readonly ServedCrd[] = [
  { group: GATEWAY, kind: 'GatewayClass', namespaced: false, versions: ['v1', 'v1beta1'] },
  { group: GATEWAY, kind: 'Gateway', namespaced: true, versions: ['v1', 'v1beta1'] },
  { group: GATEWAY, kind: 'HTTPRoute', namespaced: true, versions: ['v1', 'v1beta1'] },
  { group: GATEWAY, kind: 'GRPCRoute', namespaced: true, versions: ['v1'] },
  { group: GATEWAY, kind: 'ReferenceGrant', namespaced: true, versions: ['v1', 'v1beta1'] },
];
