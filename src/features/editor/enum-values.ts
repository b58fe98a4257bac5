/**
 * The values a Kubernetes field takes, for the editor's value completion. The Kubernetes 1.36 OpenAPI v2
 * document svclab's schema comes from types these fields as plain strings (the v3 document's "Possible
 * enum values" lists are not in it), so the values are written here, each list as the API server's
 * validation accepts it (pkg/apis/core/validation, networking, discovery, apps), in the order the
 * documentation lists them. The editor offers them as completions (JSON Schema `examples`); the API
 * server's own message stays the only judge of a wrong value.
 *
 * @example
 * ENUM_VALUES['io.k8s.api.core.v1.ServiceSpec'].externalTrafficPolicy; // ["Cluster", "Local"]
 */
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Definition name → property → its values. `[]`-typed properties list their items' values. */
export const ENUM_VALUES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'io.k8s.api.core.v1.ServiceSpec': {
    type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    externalTrafficPolicy: TRAFFIC_POLICIES,
    internalTrafficPolicy: TRAFFIC_POLICIES,
    sessionAffinity: ['None', 'ClientIP'],
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ipFamilies: ['IPv4', 'IPv6'],
    trafficDistribution: ['PreferClose', 'PreferSameZone', 'PreferSameNode'],
  },
  'io.k8s.api.core.v1.ServicePort': { protocol: PROTOCOLS },
  'io.k8s.api.core.v1.ContainerPort': { protocol: PROTOCOLS },
  'io.k8s.api.core.v1.EndpointPort': { protocol: PROTOCOLS },
  'io.k8s.api.discovery.v1.EndpointPort': { protocol: PROTOCOLS },
  'io.k8s.api.discovery.v1.EndpointSlice': { addressType: ['IPv4', 'IPv6', 'FQDN'] },
  'io.k8s.api.networking.v1.HTTPIngressPath': { pathType: ['Prefix', 'Exact', 'ImplementationSpecific'] },
  'io.k8s.api.core.v1.Container': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'] },
  'io.k8s.api.core.v1.PodSpec': {
    restartPolicy: ['Always', 'OnFailure', 'Never'],
    dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': { type: ['RollingUpdate', 'Recreate'] },
  'io.k8s.api.core.v1.Toleration': { operator: ['Equal', 'Exists'], effect: TAINT_EFFECTS },
  'io.k8s.api.core.v1.Taint': { effect: TAINT_EFFECTS },
};

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  examples?: unknown[];
  items?: PropertySchema;
}

/**
 * A copy of the definitions with each listed property's values as `examples` (on the items of an array),
 * unless the schema already lists them itself (`enum`).
 *
 * @example
 * withEnumValues(defs)['io.k8s.api.core.v1.ServiceSpec'].properties.sessionAffinity.examples; // ["None", "ClientIP"]
 */
export function withEnumValues<T extends Record<string, unknown>>(definitions: T): T {
  const out: Record<string, unknown> = { ...definitions };
  for (const [def, props] of Object.entries(ENUM_VALUES)) {
    const d = out[def] as { properties?: Record<string, PropertySchema> } | undefined;
    if (!d?.properties) continue;
    const properties = { ...d.properties };
    for (const [name, values] of Object.entries(props)) {
      const p = properties[name];
      if (!p || p.enum) continue;
      properties[name] =
        p.type === 'array' && p.items
          ? { ...p, items: { ...p.items, examples: [...values] } }
          : { ...p, examples: [...values] };
    }
    out[def] = { ...d, properties };
  }
  return out as T;
}
