/**
 * Assembles the ClusterState from loaded objects (see build.ts for the pipeline). Kept apart from build.ts
 * so that the workspace can call it with a reuse hook for the endpoint controllers.
 *
 * @example
 * const { cluster } = assembleCluster(loaded.objects, { seed: 1, clock: 0 });
 */
import { dnsSystemObjects } from '../discovery/system-objects';
import type { Diagnostic } from '../diagnostics';
import { applyIngressStatus } from '../ingress/status';
import { ingressSystemObjects } from '../ingress/system-objects';
import type { Deployment, KubeObject, Pod, ReplicaSet, Service } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { cloneForBuild, cloneJSON } from './clone';
import { clusterConfigFrom } from './config';
import { runEndpointControllers, type ControllerInput } from './controllers';
import { objectDiagnostic } from './diag';
import { uidFor } from './hash';
import { lintCluster } from './lint';
import { assignLoadBalancers } from './load-balancer';
import { CLUSTER_SCOPED, NamespaceTracker } from './namespaces';
import { buildNodes } from './nodes';
import { runPods, type PodRun } from './pod-status';
import { allocateServices } from './service-alloc';
import { emptyCluster, objectKey, type ClusterState, type ObjectOrigin } from './state';
import { formatTimestamp } from './time';
import { fillWorkloadStatus } from './workload-status';
import { expandWorkloads, type PodGroup } from './workloads';

export interface AssembleOptions {
  seed: number;
  clock: number;
  reuse?: ControllerInput['reuse'];
  /** Called as each stage ends, with its name (the bench times the stages with it; the engine has no clock). */
  mark?: (stage: string) => void;
}

export interface AssembleResult {
  cluster: ClusterState;
  diagnostics: Diagnostic[];
  /** Readiness probe results per pod ("ns/name") and container. */
  probes: PodRun['probes'];
  /** What the endpoint controllers made per Service (for incremental reuse). */
  made: ReturnType<typeof runEndpointControllers>['made'];
}

interface Entry {
  object: KubeObject;
  /** objectKey(object), computed once. */
  key: string;
  src?: SourcedObject;
  origin: ObjectOrigin;
}

const CONFIG_KINDS = new Set(['ClusterConfiguration', 'KubeProxyConfiguration']);

/**
 * Builds the cluster state from admitted objects. Never throws.
 *
 * @example
 * assembleCluster([], { seed: 1, clock: 0 }).cluster.nodes.length; // 3
 */
export function assembleCluster(objects: SourcedObject[], opts: AssembleOptions): AssembleResult {
  const diagnostics: Diagnostic[] = [];
  const mark = opts.mark ?? ((): void => {});
  const { config, diagnostics: configDiags } = clusterConfigFrom(
    objects.filter((o) => CONFIG_KINDS.has(o.object.kind)),
  );
  diagnostics.push(...configDiags);
  const nodeInputs = objects.filter((o) => o.object.kind === 'Node');
  const { nodes, diagnostics: nodeDiags } = buildNodes(nodeInputs, config);
  diagnostics.push(...nodeDiags);
  const cluster = emptyCluster(config);
  cluster.nodes = nodes;
  const time = formatTimestamp(opts.clock);
  nodes.forEach((n, i) => {
    n.metadata.uid ??= uidFor(opts.seed, objectKey(n));
    n.metadata.creationTimestamp ??= time;
    const src = nodeInputs[i];
    cluster.origins.set(
      objectKey(n),
      src
        ? {
            by: 'user',
            file: src.file,
            docIndex: src.docIndex,
            startLine: src.startLine,
            endLine: src.endLine,
            order: -1,
          }
        : { by: 'system', order: -1 },
    );
  });

  // User objects (later documents with the same key update the earlier object, keeping its creation slot).
  const userEntries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  for (const src of objects) {
    const k = src.object.kind;
    if (CONFIG_KINDS.has(k) || k === 'Node') continue;
    const key = objectKey(src.object);
    const origin: ObjectOrigin = {
      by: 'user',
      file: src.file,
      docIndex: src.docIndex,
      startLine: src.startLine,
      endLine: src.endLine,
      order: 0,
    };
    const prev = byKey.get(key);
    if (prev) {
      prev.object = cloneForBuild(src.object);
      prev.src = src;
      prev.origin = origin;
      continue;
    }
    const e: Entry = { object: cloneForBuild(src.object), key, src, origin };
    byKey.set(key, e);
    userEntries.push(e);
  }
  mark('clone');
  const userObjects = userEntries.map((e) => e.object);
  const system = [
    ...dnsSystemObjects(config, userObjects, nodes),
    ...ingressSystemObjects(config, userObjects),
  ];
  const systemEntries: Entry[] = system
    .filter((o) => !byKey.has(objectKey(o)))
    .map((o) => ({ object: cloneJSON(o), key: objectKey(o), origin: { by: 'system', order: 0 } }));

  // Namespaces exist only once created, in order.
  const namespaces = new NamespaceTracker();
  const admitted: Entry[] = [];
  for (const e of [...systemEntries, ...userEntries]) {
    const o = e.object;
    if (o.kind === 'Namespace') namespaces.add(o.metadata.name ?? '');
    else if (!CLUSTER_SCOPED.has(o.kind)) {
      if (o.metadata.namespace === undefined) {
        o.metadata.namespace = 'default';
        e.key = objectKey(o); // the key had an empty namespace
      }
      const ns = o.metadata.namespace;
      if (!namespaces.exists(ns)) {
        diagnostics.push(
          objectDiagnostic(e.src, o, 'metadata.namespace', {
            severity: 'error',
            source: 'api',
            code: 'namespace.notFound',
            message: NamespaceTracker.notFound(ns),
            hint: `Create the Namespace ${ns} in a document before this one (kubectl apply creates objects in order).`,
          }),
        );
        continue;
      }
    }
    o.metadata.uid ??= uidFor(opts.seed, e.key);
    o.metadata.creationTimestamp ??= time;
    admitted.push(e);
  }
  mark('namespaces');
  const entryOf = new Map<KubeObject, Entry>();
  let srcByKey: Map<string, SourcedObject | undefined> | undefined;
  const admittedOf: Record<'Service' | 'Deployment' | 'ReplicaSet' | 'Pod', KubeObject[]> = {
    Service: [],
    Deployment: [],
    ReplicaSet: [],
    Pod: [],
  };
  for (const e of admitted) {
    entryOf.set(e.object, e);
    const k = e.object.kind;
    if (k === 'Service' || k === 'Deployment' || k === 'ReplicaSet' || k === 'Pod')
      admittedOf[k].push(e.object);
  }
  // An object the build made (an Endpoints replacing the user's, say) is placed on the user's object
  // with its key; that index is only built when a lint asks about such an object.
  const srcOf = (o: KubeObject): SourcedObject | undefined => {
    const e = entryOf.get(o);
    if (e) return e.src;
    srcByKey ??= new Map(admitted.map((a) => [a.key, a.src]));
    return srcByKey.get(objectKey(o));
  };

  // Services: the registry allocates, the cloud assigns LB addresses.
  const alloc = allocateServices(
    (admittedOf.Service as Service[]).map((service) => ({ service, src: srcOf(service) })),
    config,
    opts.seed,
  );
  diagnostics.push(...alloc.diagnostics);
  const acceptedServices = new Set<KubeObject>(alloc.accepted);
  assignLoadBalancers(alloc.accepted, config);

  mark('services');
  // Workloads: made objects are created right after their owner.
  const work = expandWorkloads(
    admittedOf.Deployment as Deployment[],
    admittedOf.ReplicaSet as ReplicaSet[],
    admittedOf.Pod as Pod[],
    opts.seed,
    time,
  );
  mark('workloads');
  const placed = placeInOrder(cluster, admitted, acceptedServices, work, opts.seed, time);
  mark('order');
  const run = runPods(cluster.pods, nodes, opts.clock);
  mark('pods');
  fillWorkloadStatus(cluster);
  mark('workloadStatus');

  const givenEndpoints = cluster.endpoints;
  const givenSlices = cluster.endpointSlices;
  const ctl = runEndpointControllers({
    services: cluster.services,
    pods: cluster.pods,
    nodes,
    givenEndpoints,
    givenSlices,
    seed: opts.seed,
    triggerTime: time,
    ...(opts.reuse ? { reuse: opts.reuse } : {}),
  });
  mark('endpoints');
  cluster.endpoints = ctl.endpoints;
  cluster.endpointSlices = ctl.endpointSlices;
  let order = placed;
  const given = new Set<KubeObject>([...givenEndpoints, ...givenSlices]);
  for (const list of [ctl.endpoints, ctl.endpointSlices] as KubeObject[][])
    for (const o of list) {
      if (given.has(o)) continue; // placed with the user's (or the system's) objects
      const key = objectKey(o);
      // A controller's Endpoints that replaced the user's keeps the user's origin.
      if (o.kind === 'Endpoints' && cluster.origins.has(key)) continue;
      o.metadata.uid ??= uidFor(opts.seed, key);
      o.metadata.creationTimestamp ??= time;
      const owner =
        o.kind === 'Endpoints' ? `Service/${o.metadata.namespace}/${o.metadata.name}` : ownerKeyOf(o);
      cluster.origins.set(
        key,
        owner ? { by: 'controller', order: order++, owner } : { by: 'controller', order: order++ },
      );
    }
  mark('endpointOrigins');
  applyIngressStatus(cluster);
  diagnostics.push(
    ...lintCluster(cluster, {
      srcOf,
      index: ctl.index,
      probes: run.probes,
      replacedEndpoints: ctl.replaced,
    }),
  );
  mark('lints');
  return { cluster, diagnostics, probes: run.probes, made: ctl.made };
}

/**
 * Puts the admitted objects and what the workload controllers made into the cluster in creation order:
 * each object, then what it caused (a Deployment's ReplicaSet, a ReplicaSet's pods), depth first. Sets
 * every object's origin (with its order), and a made object's uid and creationTimestamp. Given Endpoints
 * and EndpointSlices land in cluster.endpoints / endpointSlices, for the controllers to read. Returns how
 * many objects were placed (the next creation order).
 */
function placeInOrder(
  cluster: ClusterState,
  admitted: Entry[],
  acceptedServices: Set<KubeObject>,
  work: ReturnType<typeof expandWorkloads>,
  seed: number,
  time: string,
): number {
  // Made objects by their owner object (identity lookups; no key strings to hash).
  const rsAfter = new Map<KubeObject, Entry[]>();
  for (const { object, owner, ownerObject } of work.replicaSets) {
    const key = objectKey(object);
    object.metadata.uid ??= uidFor(seed, key);
    object.metadata.creationTimestamp ??= time;
    const entry: Entry = { object, key, origin: { by: 'controller', owner, order: 0 } };
    const list = rsAfter.get(ownerObject);
    if (list) list.push(entry);
    else rsAfter.set(ownerObject, [entry]);
  }
  const podsAfter = new Map<KubeObject, PodGroup[]>();
  for (const g of work.podGroups) {
    const list = podsAfter.get(g.ownerObject);
    if (list) list.push(g);
    else podsAfter.set(g.ownerObject, [g]);
  }
  let order = 0;
  const lists: Partial<Record<string, KubeObject[]>> = {
    Namespace: cluster.namespaces,
    Deployment: cluster.deployments,
    ReplicaSet: cluster.replicaSets,
    Pod: cluster.pods,
    Service: cluster.services,
    Endpoints: cluster.endpoints,
    EndpointSlice: cluster.endpointSlices,
    Ingress: cluster.ingresses,
    IngressClass: cluster.ingressClasses,
    Secret: cluster.secrets,
    ConfigMap: cluster.configMaps,
  };
  const place = (e: Entry): void => {
    e.origin.order = order++;
    cluster.origins.set(e.key, e.origin);
    lists[e.object.kind]?.push(e.object);
    const rss = rsAfter.get(e.object);
    if (rss) for (const rs of rss) place(rs);
    const groups = podsAfter.get(e.object);
    if (!groups) return;
    // The pods come with their keys, uids and creationTimestamps (many pods: nothing is recomputed).
    for (const { pods, keys } of groups)
      for (let i = 0; i < pods.length; i++) {
        cluster.origins.set(keys[i]!, { by: 'controller', owner: e.key, order: order++ });
        cluster.pods.push(pods[i]!);
      }
  };
  for (const e of admitted) if (e.object.kind !== 'Service' || acceptedServices.has(e.object)) place(e);
  return order;
}

function ownerKeyOf(o: KubeObject): string | undefined {
  const ref = o.metadata.ownerReferences?.[0];
  return ref ? `${ref.kind}/${o.metadata.namespace ?? ''}/${ref.name}` : undefined;
}
