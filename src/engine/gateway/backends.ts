/**
 * A route's backendRefs as Envoy Gateway resolves them (validate.go validateBackendRef): the group and
 * kind must name a Service (Envoy Gateway's own Backend and MCS ServiceImport are not simulated), a
 * cross-namespace reference needs a ReferenceGrant, the port must be given and must be a TCP port of the
 * Service, and the Service must exist and not be ExternalName. An invalid backendRef still takes its
 * share of the weight: those requests get a 500.
 *
 * @example
 * resolveBackend(ref, route, inputs).error?.reason; // "BackendNotFound"
 */
import type { Service, ServicePort } from '../k8s/objects';
import { GATEWAY_GROUP, type BackendRef, type ReferenceGrant } from '../k8s/gateway-api';
import { crossNamespacePermitted } from './reference-grant';

export interface BackendResult {
  ref: BackendRef;
  index: number; // position in the rule's backendRefs
  namespace: string; // where the Service is looked up
  weight: number; // 1 unless set
  service?: Service;
  servicePort?: ServicePort;
  /** Why the reference cannot be used: the route's ResolvedRefs reason and message. */
  error?: { reason: string; message: string };
}

export interface BackendInputs {
  services: readonly Service[];
  referenceGrants: readonly ReferenceGrant[];
}

/**
 * Resolves one backendRef of a route (`routeKind` "HTTPRoute" or "GRPCRoute") in `routeNamespace`.
 *
 * @example
 * resolveBackend({ name: 'web', port: 80 }, 0, 'HTTPRoute', 'default', inputs).service?.metadata.name; // "web"
 */
export function resolveBackend(
  ref: BackendRef,
  index: number,
  routeKind: string,
  routeNamespace: string,
  inputs: BackendInputs,
): BackendResult {
  const namespace = ref.namespace && ref.namespace !== '' ? ref.namespace : routeNamespace;
  const out: BackendResult = { ref, index, namespace, weight: ref.weight ?? 1 };
  const fail = (reason: string, message: string): BackendResult => ({ ...out, error: { reason, message } });
  const group = ref.group ?? '';
  const kind = ref.kind ?? 'Service';
  if (group !== '' && group !== 'multicluster.x-k8s.io' && group !== 'gateway.envoyproxy.io')
    return fail(
      'InvalidKind',
      'Group is invalid, only the core API group (specified by omitting the group field or setting it to an empty string), multicluster.x-k8s.io and gateway.envoyproxy.io are supported',
    );
  if (kind !== 'Service' && kind !== 'ServiceImport' && kind !== 'Backend')
    return fail(
      'InvalidKind',
      'Kind is invalid, only Service, MCS ServiceImport and Envoy Gateway Backend are supported',
    );
  if (
    !crossNamespacePermitted(
      inputs.referenceGrants,
      { group: GATEWAY_GROUP, kind: routeKind, namespace: routeNamespace },
      { group, kind, namespace, name: ref.name },
    )
  )
    return fail(
      'RefNotPermitted',
      `Backend ref to ${kind} ${namespace}/${ref.name} not permitted by any ReferenceGrant.`,
    );
  if (kind === 'Backend')
    return fail('UnsupportedValue', 'Backend is disabled in Envoy Gateway configuration');
  if (ref.port === undefined)
    return fail(
      'PortNotSpecified',
      'A valid port number corresponding to a port on the Service must be specified',
    );
  if (kind === 'ServiceImport')
    return fail('BackendNotFound', `service import ${namespace}/${ref.name} not found`);
  const service = inputs.services.find(
    (s) => s.metadata.namespace === namespace && s.metadata.name === ref.name,
  );
  if (!service) return fail('BackendNotFound', `service ${namespace}/${ref.name} not found`);
  if (service.spec.type === 'ExternalName')
    return fail(
      'UnsupportedValue',
      `Service ${namespace}/${ref.name} is of type ExternalName, which is not supported as a backend; use an Envoy Gateway Backend resource with an FQDN endpoint instead`,
    );
  const servicePort = (service.spec.ports ?? []).find(
    (p) => p.port === ref.port && (p.protocol ?? 'TCP') === 'TCP',
  );
  if (!servicePort)
    return fail('PortNotFound', `TCP Port ${ref.port} not found on Service ${namespace}/${ref.name}`);
  return { ...out, service, servicePort };
}
