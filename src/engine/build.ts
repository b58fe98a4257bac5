/**
 * The cluster builder and the engine's composition root: the user's YAML → the ClusterState a real API
 * server and its controllers would hold. It wires the parts together (manifest/ → cluster/ with the DNS
 * and ingress add-ons → each area's lints), so that cluster/ imports nothing above it.
 *
 * Pipeline (steps 2-9 are cluster/assemble.ts, each stage one module under cluster/):
 * 1. loadObjects (manifest/): parse, schema-check, default, validate; rejected objects never arrive here;
 * 2. config.ts: ClusterConfiguration / KubeProxyConfiguration → ClusterConfig; nodes.ts: Nodes;
 * 3. the add-ons' system objects (ADD_ONS: kube-dns/CoreDNS, default/kubernetes, ingress-nginx when the
 *    scene has Ingresses), created before all user objects; a user object with the same key replaces one;
 * 4. namespace check (objects in a namespace not created earlier are refused), uid/creationTimestamp;
 * 5. service-alloc.ts + load-balancer.ts: ClusterIPs, node ports, health-check ports, LB addresses;
 * 6. workloads.ts: Deployments → ReplicaSets → Pods, placed right after their owner in creation order;
 * 7. pod-status.ts: scheduling, pod IPs, readiness; 8. controllers.ts: Endpoints and EndpointSlices;
 * 9. the add-ons' status (ingress/status.ts); 10. lints: cluster/lint.ts, discovery/lint.ts, ingress/lint.ts,
 *    each placed on the YAML line of the field it is about.
 *
 * @example
 * const { cluster, diagnostics } = buildCluster([{ file: 'scene.yaml', text }], { seed: 1 });
 * cluster.services.find((s) => s.metadata.name === 'web')?.spec.clusterIP; // "10.104.27.163"-like
 */
import type { ClusterAddOn } from './cluster/add-on';
import { assembleCluster, type AssembleOptions } from './cluster/assemble';
import type { ClusterState } from './cluster/state';
import type { Diagnostic } from './diagnostics';
import { discoveryLints } from './discovery/lint';
import { dnsSystemObjects } from './discovery/system-objects';
import { gatewayLints } from './gateway/lint';
import { applyGatewayStatus } from './gateway/status';
import { gatewaySystemObjects } from './gateway/system-objects';
import { ingressLints } from './ingress/lint';
import { applyIngressStatus } from './ingress/status';
import { ingressSystemObjects } from './ingress/system-objects';
import { diagnosticAt } from './manifest/diagnose';
import { loadObjects, type ManifestCache } from './manifest/load';
import type { ManifestSource } from './manifest/parse';
import type { SourcedObject } from './manifest/types';
import { withMeanings } from './manifest/meaning';
import { kubeProxySystemObjects } from './proxy/system-objects';

/**
 * What every svclab cluster runs on top of the core, in creation order: kubeadm's objects (namespaces,
 * CoreDNS behind kube-dns, the API server's default/kubernetes, then kube-proxy's DaemonSet) and, when the scene has Ingresses,
 * ingress-nginx, which also writes the Ingresses' status once its pods run; when the scene uses the
 * Gateway API, Envoy Gateway (its controller and a proxy per Gateway), which writes the Gateway API status.
 */
export const ADD_ONS: readonly ClusterAddOn[] = [
  { name: 'dns', systemObjects: dnsSystemObjects },
  { name: 'kube-proxy', systemObjects: (config, userObjects) => kubeProxySystemObjects(config, userObjects) },
  {
    name: 'ingress-nginx',
    systemObjects: (config, userObjects) => ingressSystemObjects(config, userObjects),
    afterControllers: (cluster) => void applyIngressStatus(cluster),
  },
  {
    name: 'envoy-gateway',
    systemObjects: (config, userObjects) => gatewaySystemObjects(config, userObjects),
    afterControllers: (cluster) => void applyGatewayStatus(cluster),
  },
];

export interface BuildOptions {
  /** World seed: every random choice (IPs, ports, names) derives from it. Default 1. */
  seed?: number;
  /** A manifest cache kept between builds (see workspace.ts). */
  cache?: ManifestCache;
  /** Simulated clock (seconds) at which the objects are created. Default 0. */
  clock?: number;
}

export interface BuildResult {
  cluster: ClusterState;
  /** Every diagnostic: yaml, schema, api (including allocation) and lint, in reading order per file. */
  diagnostics: Diagnostic[];
  /** The user's objects as loaded (defaulted, validated), before allocation. */
  objects: SourcedObject[];
}

/**
 * Builds the cluster from YAML sources. Never throws.
 *
 * @example
 * buildCluster([{ file: 'a.yaml', text: '' }]).cluster.services.map((s) => s.metadata.name);
 * // ["kubernetes", "kube-dns"]
 */
export function buildCluster(sources: ManifestSource[], options: BuildOptions = {}): BuildResult {
  const loaded = loadObjects(sources, options.cache);
  return buildFromObjects(loaded.objects, loaded.diagnostics, options);
}

/** The second half of buildCluster, for callers that already loaded the objects. */
export function buildFromObjects(
  objects: SourcedObject[],
  loadDiagnostics: Diagnostic[],
  options: BuildOptions & Pick<AssembleOptions, 'reuse'> = {},
): BuildResult {
  const { cluster, diagnostics } = assembleCluster(objects, {
    addOns: ADD_ONS,
    seed: options.seed ?? 1,
    clock: options.clock ?? 0,
    ...(options.reuse ? { reuse: options.reuse } : {}),
  });
  const lints = placeOnSource(
    [...discoveryLints(cluster, objects), ...ingressLints(cluster), ...gatewayLints(cluster)],
    objects,
  );
  return { cluster, diagnostics: withMeanings([...loadDiagnostics, ...diagnostics, ...lints]), objects };
}

/**
 * Lints computed from the cluster know the object and field they are about but not always the exact
 * YAML position; this puts each on its field's line and column in the user's source (system objects'
 * lints keep what they have).
 */
function placeOnSource(lints: Diagnostic[], objects: SourcedObject[]): Diagnostic[] {
  const byKey = new Map<string, SourcedObject>();
  for (const o of objects)
    byKey.set(`${o.object.kind}/${o.object.metadata.namespace ?? ''}/${o.object.metadata.name ?? ''}`, o);
  return lints.map((d) => {
    const src = d.kind && d.name ? byKey.get(`${d.kind}/${d.namespace ?? ''}/${d.name}`) : undefined;
    if (!src) return d;
    const placed = diagnosticAt(src, d.field ?? '', d);
    return { ...d, ...placed, field: d.field, message: d.message };
  });
}
