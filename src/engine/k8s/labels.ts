/**
 * Well-known labels that more than one part of svclab reads, defined once (upstream:
 * k8s.io/api/core/v1/well_known_labels.go and k8s.io/api/discovery/v1/well_known_labels.go).
 * Labels only one controller writes stay beside that controller.
 *
 * @example
 * slice.metadata.labels?.[SERVICE_NAME_LABEL]; // "web": the Service this EndpointSlice belongs to
 * node.metadata.labels?.[ZONE_LABEL]; // "zone-a"
 */

/** On an EndpointSlice: the name of the Service (same namespace) it holds endpoints for. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** On a Node: its zone (topology-aware routing, the scheduler's spreading, the graph's zone boxes). */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** On a Node: its hostname, set by the kubelet (nodeSelector's usual target). */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
