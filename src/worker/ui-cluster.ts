/**
 * What the page reads of a cluster, and nothing more: the worker keeps the full ClusterState for
 * simulate and the console, and posts this slimmer copy after each build, so the structured clone
 * that crosses to the main thread stays small (the page draws nodes, pods, Services, EndpointSlices and
 * finds YAML lines through the origins; it never reads Endpoints, Secrets or pod specs). Of the workloads
 * it keeps a Deployment's name, replicas and pod-template labels: the graph's Service menu scales the
 * Deployment a Service selects.
 *
 * @example
 * forUi(cluster).replicaSets; // [] (the worker still has them)
 */
import type { ClusterState, Deployment, Pod } from '../engine';

/** A Deployment as the page reads it: which pods it makes (template labels) and how many. */
function slimDeployment(d: Deployment): Deployment {
  const labels = d.spec.template.metadata?.labels;
  return {
    apiVersion: d.apiVersion,
    kind: d.kind,
    metadata: { name: d.metadata.name, namespace: d.metadata.namespace },
    spec: {
      ...(d.spec.replicas !== undefined ? { replicas: d.spec.replicas } : {}),
      template: { metadata: labels ? { labels } : {} },
    },
  } as Deployment;
}

/** A pod as the page shows it: name, labels, controller, node, IP, readiness, whether it is terminating. */
function slimPod(p: Pod): Pod {
  const { metadata, spec, status } = p;
  const ref = metadata.ownerReferences?.find((o) => o.controller);
  const controller = ref && {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    name: ref.name,
    uid: ref.uid,
    controller: true,
  };
  return {
    apiVersion: p.apiVersion,
    kind: p.kind,
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      ...(metadata.labels ? { labels: metadata.labels } : {}),
      // A terminating pod (deleted, in its grace period) is drawn as one.
      ...(metadata.deletionTimestamp ? { deletionTimestamp: metadata.deletionTimestamp } : {}),
      // Its controller (the graph groups a big workload's pods): kind and name are all the page reads.
      ...(controller ? { ownerReferences: [controller] } : {}),
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
    deployments: cluster.deployments.map(slimDeployment),
    replicaSets: [],
    statefulSets: [],
    daemonSets: [],
    jobs: [],
    horizontalPodAutoscalers: [],
    endpoints: [],
    secrets: [],
    configMaps: [],
    priorityClasses: [],
    pods: cluster.pods.map(slimPod),
  };
}
