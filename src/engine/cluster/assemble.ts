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
import type {
  ConfigMap,
  Deployment,
  EndpointSlice,
  Endpoints,
  Ingress,
  IngressClass,
  KubeObject,
  Namespace,
  Pod,
  ReplicaSet,
  Secret,
  Service,
} from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { cloneJSON } from './clone';
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
import { expandWorkloads } from './workloads';

export interface AssembleOptions {
  seed: number;
  clock: number;
  reuse?: ControllerInput['reuse'];
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
      prev.object = cloneJSON(src.object);
      prev.src = src;
      prev.origin = origin;
      continue;
    }
    const e: Entry = { object: cloneJSON(src.object), key, src, origin };
    byKey.set(key, e);
    userEntries.push(e);
  }
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
      const ns = (o.metadata.namespace ??= 'default');
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
    e.key = objectKey(o); // the namespace may just have been defaulted
    o.metadata.uid ??= uidFor(opts.seed, e.key);
    o.metadata.creationTimestamp ??= time;
    admitted.push(e);
  }
  const entryOf = new Map<KubeObject, Entry>(admitted.map((e) => [e.object, e]));
  const srcByKey = new Map(admitted.map((e) => [e.key, e.src]));
  const srcOf = (o: KubeObject): SourcedObject | undefined =>
    entryOf.get(o)?.src ?? srcByKey.get(objectKey(o));
  const ofKind = <T extends KubeObject>(kind: string): T[] =>
    admitted.filter((e) => e.object.kind === kind).map((e) => e.object as T);

  // Services: the registry allocates, the cloud assigns LB addresses.
  const alloc = allocateServices(
    ofKind<Service>('Service').map((service) => ({ service, src: srcOf(service) })),
    config,
    opts.seed,
  );
  diagnostics.push(...alloc.diagnostics);
  const acceptedServices = new Set<KubeObject>(alloc.accepted);
  assignLoadBalancers(alloc.accepted, config);

  // Workloads: made objects are created right after their owner.
  const work = expandWorkloads(
    ofKind<Deployment>('Deployment'),
    ofKind<ReplicaSet>('ReplicaSet'),
    ofKind<Pod>('Pod'),
    opts.seed,
  );
  const madeAfter = new Map<string, Entry[]>();
  const addMade = (o: KubeObject, owner: string): void => {
    const key = objectKey(o);
    o.metadata.uid ??= uidFor(opts.seed, key);
    o.metadata.creationTimestamp ??= time;
    const entry: Entry = { object: o, key, origin: { by: 'controller', owner, order: 0 } };
    const list = madeAfter.get(owner);
    if (list) list.push(entry);
    else madeAfter.set(owner, [entry]);
  };
  for (const rs of work.replicaSets) addMade(rs.object, rs.owner);
  for (const p of work.pods) addMade(p.object, p.owner);
  const ordered: Entry[] = [];
  const place = (e: Entry): void => {
    ordered.push(e);
    const children = madeAfter.get(e.key);
    if (children) for (const child of children) place(child);
  };
  for (const e of admitted) if (e.object.kind !== 'Service' || acceptedServices.has(e.object)) place(e);
  ordered.forEach((e, i) => {
    e.origin.order = i;
    cluster.origins.set(e.key, e.origin);
  });
  const all = ordered.map((e) => e.object);
  const pick = <T extends KubeObject>(kind: string): T[] => all.filter((o) => o.kind === kind) as T[];

  cluster.namespaces = pick<Namespace>('Namespace');
  cluster.deployments = pick<Deployment>('Deployment');
  cluster.replicaSets = pick<ReplicaSet>('ReplicaSet');
  cluster.pods = pick<Pod>('Pod');
  cluster.services = pick<Service>('Service');
  cluster.ingresses = pick<Ingress>('Ingress');
  cluster.ingressClasses = pick<IngressClass>('IngressClass');
  cluster.secrets = pick<Secret>('Secret');
  cluster.configMaps = pick<ConfigMap>('ConfigMap');

  const run = runPods(cluster.pods, nodes, opts.clock);
  fillWorkloadStatus(cluster);

  const givenEndpoints = pick<Endpoints>('Endpoints');
  const ctl = runEndpointControllers({
    services: cluster.services,
    pods: cluster.pods,
    nodes,
    givenEndpoints,
    givenSlices: pick<EndpointSlice>('EndpointSlice'),
    // The API server keeps default/kubernetes' slice itself (its Endpoints carry skip-mirror upstream).
    noMirror: new Set(givenEndpoints.filter((e) => entryOf.get(e)?.origin.by === 'system')),
    seed: opts.seed,
    triggerTime: time,
    ...(opts.reuse ? { reuse: opts.reuse } : {}),
  });
  cluster.endpoints = ctl.endpoints;
  cluster.endpointSlices = ctl.endpointSlices;
  let order = ordered.length;
  for (const o of [...ctl.endpoints, ...ctl.endpointSlices]) {
    const key = objectKey(o);
    if (cluster.origins.has(key)) continue;
    o.metadata.uid ??= uidFor(opts.seed, key);
    o.metadata.creationTimestamp ??= time;
    const owner =
      o.kind === 'Endpoints' ? `Service/${o.metadata.namespace}/${o.metadata.name}` : ownerKeyOf(o);
    cluster.origins.set(key, { by: 'controller', order: order++, ...(owner ? { owner } : {}) });
  }
  applyIngressStatus(cluster);
  diagnostics.push(
    ...lintCluster(cluster, {
      srcOf,
      index: ctl.index,
      probes: run.probes,
      replacedEndpoints: ctl.replaced,
    }),
  );
  return { cluster, diagnostics, probes: run.probes, made: ctl.made };
}

function ownerKeyOf(o: KubeObject): string | undefined {
  const ref = o.metadata.ownerReferences?.[0];
  return ref ? `${ref.kind}/${o.metadata.namespace ?? ''}/${ref.name}` : undefined;
}

/** ReplicaSet and Deployment status from their pods (replicas, ready, available). */
function fillWorkloadStatus(cluster: ClusterState): void {
  const podsByOwner = new Map<string, Pod[]>();
  for (const p of cluster.pods) {
    const ref = p.metadata.ownerReferences?.[0];
    if (!ref) continue;
    const k = `${ref.kind}/${p.metadata.namespace}/${ref.name}`;
    const list = podsByOwner.get(k) ?? [];
    list.push(p);
    podsByOwner.set(k, list);
  }
  const ready = (p: Pod): boolean =>
    p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const rsStatus = new Map<string, { replicas: number; ready: number }>();
  for (const rs of cluster.replicaSets) {
    const pods = podsByOwner.get(objectKey(rs)) ?? [];
    const r = pods.filter(ready).length;
    (rs as KubeObject).status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: r,
      availableReplicas: r,
      observedGeneration: 1,
    };
    const ref = rs.metadata.ownerReferences?.[0];
    if (ref)
      rsStatus.set(`${ref.kind}/${rs.metadata.namespace}/${ref.name}`, { replicas: pods.length, ready: r });
  }
  for (const d of cluster.deployments) {
    const s = rsStatus.get(objectKey(d)) ?? { replicas: 0, ready: 0 };
    (d as KubeObject).status = {
      observedGeneration: 1,
      replicas: s.replicas,
      updatedReplicas: s.replicas,
      readyReplicas: s.ready,
      availableReplicas: s.ready,
      ...(s.replicas - s.ready > 0 ? { unavailableReplicas: s.replicas - s.ready } : {}),
    };
  }
}
