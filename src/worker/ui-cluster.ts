/**
 * What the page reads of a cluster, and nothing more: the worker keeps the full ClusterState for
 * simulate and the console, and posts this slimmer copy after each build, so the structured clone
 * that crosses to the main thread stays small (the page draws nodes, pods, Services, EndpointSlices and
 * finds YAML lines through the origins; it never reads workloads, Endpoints, Secrets or pod specs).
 *
 * @example
 * forUi(cluster).deployments; // [] (the worker still has them)
 */
import type { ClusterState, Pod } from '../engine';

/** A pod as the page shows it: name, labels, node, IP, readiness. */
function slimPod(p: Pod): Pod {
  const { metadata, spec, status } = p;
  return {
    apiVersion: p.apiVersion,
    kind: p.kind,
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      ...(metadata.labels ? { labels: metadata.labels } : {}),
    },
    spec: {
      ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
      containers: spec.containers.map((c) => ({ name: c.name, image: c.image })),
    },
    ...(status
      ? {
          status: {
            ...(status.phase ? { phase: status.phase } : {}),
            ...(status.podIP ? { podIP: status.podIP } : {}),
            // Both families on a dual-stack cluster: the inspector and the graph show every address.
            ...(status.podIPs && status.podIPs.length > 1 ? { podIPs: status.podIPs } : {}),
            ...(status.conditions ? { conditions: status.conditions } : {}),
          },
        }
      : {}),
  } as Pod;
}

export function forUi(cluster: ClusterState): ClusterState {
  return {
    ...cluster,
    namespaces: [],
    deployments: [],
    replicaSets: [],
    statefulSets: [],
    daemonSets: [],
    jobs: [],
    horizontalPodAutoscalers: [],
    endpoints: [],
    secrets: [],
    configMaps: [],
    pods: cluster.pods.map(slimPod),
  };
}
