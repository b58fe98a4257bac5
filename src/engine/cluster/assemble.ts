/**
 * Assembles the ClusterState from loaded objects, stage by stage (see build.ts for the whole pipeline):
 * configuration and nodes; the user's objects and the add-ons' system objects; namespaces; Service
 * allocation; workloads in creation order; pod status; the endpoint controllers; the add-ons' status;
 * the cluster lints. Kept apart from build.ts so that the workspace can call it with a reuse hook for the
 * endpoint controllers; the add-ons (DNS, ingress-nginx) are passed in by build.ts.
 *
 * @example
 * const { cluster } = assembleCluster(loaded.objects, { seed: 1, clock: 0, addOns: ADD_ONS });
 */
import { mergeLabelKeys } from '../k8s/label-key-merge';
import type { Diagnostic } from '../diagnostics';
import type {
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  KubeObject,
  Pod,
  PriorityClass,
  ReplicaSet,
  Service,
  ServiceCIDR,
  StatefulSet,
} from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { msg } from '../messages';
import type { ClusterAddOn } from './add-on';
import { cloneJson } from '../manifest/clone';
import { applyDefaults } from '../manifest/defaults';
import { cloneForBuild } from './clone';
import { clusterConfigFrom } from './config';
import { runEndpointControllers, type ControllerInput } from './controllers';
import { objectDiagnostic } from './diag';
import { uidFor } from './hash';
import { LIMITS, limitNodes, replicaDiagnostics, withinLimits } from './limits';
import { lintCluster } from './lint';
import { assignLoadBalancers } from './load-balancer';
import { CLUSTER_SCOPED, NamespaceTracker } from './namespaces';
import { buildNodes } from './nodes';
import { clearServerSetMetadata } from './server-metadata';
import { placeInOrder, type Entry } from './place-in-order';
import { admitPriority } from './priority-admission';
import { priorityClassUpdateErrors, systemPriorityClasses } from './priority';
import { runPods, type PodRun } from './pod-status';
import { ENDPOINT_RULES, overRuleBudget } from './rule-budget';
import { allocateServices } from './service-alloc';
import { defaultServiceCIDR, syncServiceCIDRs } from './service-cidrs';
import { emptyCluster, objectKey, type ClusterState, type ObjectOrigin } from './state';
import { formatTimestamp } from './time';
import { fillWorkloadStatus } from './workload-status';
import { fillMoreWorkloadStatus } from './workload-status-more';
import { expandWorkloads } from './workloads';
import { applyAutoscalers } from './hpa';
import { expandMoreWorkloads } from './more-workloads';
import { orderedReadyCaps } from './statefulset';
import { workloadLints } from './workload-lint';
import { generatedSelectorErrors } from './job-selector';
import { errorCode } from '../manifest/validate';

export interface AssembleOptions {
  seed: number;
  clock: number;
  /** What is installed on top of the core, in order (build.ts's ADD_ONS). Default: none. */
  addOns?: readonly ClusterAddOn[];
  reuse?: ControllerInput['reuse'];
  /** Called as each stage ends, with its name (the bench times the stages with it; the engine has no clock). */
  mark?: (stage: string) => void;
  /**
   * Pods each OrderedReady StatefulSet ("ns/name") has made: the second pass of a build whose first pass
   * found a set's pod not ready (the controller waits there), set by assembleCluster itself.
   */
  statefulSetCaps?: ReadonlyMap<string, number>;
}

export interface AssembleResult {
  cluster: ClusterState;
  diagnostics: Diagnostic[];
  /** Readiness probe results per pod ("ns/name") and container. */
  probes: PodRun['probes'];
  /** What the endpoint controllers made per Service (for incremental reuse). */
  made: ReturnType<typeof runEndpointControllers>['made'];
}

const CONFIG_KINDS = new Set(['ClusterConfiguration', 'KubeProxyConfiguration']);

/**
 * The build's copy of a system object, as the API server stores it: the add-ons (kubeadm's kube-proxy
 * and CoreDNS, ingress-nginx, …) create theirs through the API like anyone, so they get its defaults.
 */
function systemCopy(o: KubeObject): KubeObject {
  const copy = cloneJson(o);
  applyDefaults(copy as unknown as Record<string, unknown>);
  return copy;
}

/**
 * Builds the cluster state from admitted objects. Never throws.
 *
 * @example
 * assembleCluster([], { seed: 1, clock: 0 }).cluster.nodes.length; // 3
 */
export function assembleCluster(objects: SourcedObject[], opts: AssembleOptions): AssembleResult {
  const diagnostics: Diagnostic[] = [];
  const mark = opts.mark ?? ((): void => {});
  const time = formatTimestamp(opts.clock);
  const cluster = startCluster(objects, opts.seed, time, diagnostics);
  const { config, nodes } = cluster;

  const user = userEntries(objects, diagnostics);
  mark('clone');
  const userObjects = user.map((e) => e.object);
  const byKey = new Set(user.map((e) => e.key));
  // The API server's default ServiceCIDR comes first: it exists before any Service.
  const system: Entry[] = [
    defaultServiceCIDR(config),
    // …and so do its PriorityClasses (the scheduling bootstrap controller's systemPriorityClasses).
    ...systemPriorityClasses(),
    ...(opts.addOns ?? []).flatMap((a) => a.systemObjects(config, userObjects, nodes)),
  ]
    .filter((o) => !byKey.has(objectKey(o)))
    .map((o) => ({ object: systemCopy(o), key: objectKey(o), origin: { by: 'system', order: 0 } }));

  const { admitted, table: priority } = admitPriority(
    admitInNamespaces(withinLimits([...system, ...user], diagnostics), opts.seed, time, diagnostics),
    diagnostics,
  );
  mark('namespaces');
  const { admittedOf, srcOf } = lookups(admitted);

  // Services: the registry allocates, the cloud assigns LB addresses.
  const slot = new Map<KubeObject, number>(admitted.map((e, i) => [e.object, i]));
  const alloc = allocateServices(
    (admittedOf.Service as Service[]).map((service) => ({
      service,
      src: srcOf(service),
      at: slot.get(service),
    })),
    config,
    opts.seed,
    (admittedOf.ServiceCIDR as ServiceCIDR[]).map((c) => ({
      ...(c.metadata.name ? { name: c.metadata.name } : {}),
      cidrs: c.spec?.cidrs ?? [],
      at: slot.get(c) ?? -1,
      deleting: !!c.metadata.deletionTimestamp,
    })),
  );
  // The ServiceCIDR controller: finalizer and Ready; one being deleted stays while it holds addresses.
  const goneCidrs = syncServiceCIDRs(
    admittedOf.ServiceCIDR as ServiceCIDR[],
    alloc.accepted.flatMap((s) => (s.spec.clusterIPs ?? []).filter((ip) => ip !== 'None' && ip !== '')),
  );
  diagnostics.push(...alloc.diagnostics);
  assignLoadBalancers(alloc.accepted, config);
  mark('services');

  // The autoscalers scale their targets first (minReplicas above replicas), then the controllers run.
  const scaled = applyAutoscalers(admittedOf.HorizontalPodAutoscaler as HorizontalPodAutoscaler[], {
    Deployment: admittedOf.Deployment,
    StatefulSet: admittedOf.StatefulSet,
    ReplicaSet: admittedOf.ReplicaSet,
  });
  // Workloads: made objects are created right after their owner.
  const work = expandWorkloads(
    admittedOf.Deployment as Deployment[],
    admittedOf.ReplicaSet as ReplicaSet[],
    admittedOf.Pod as Pod[],
    opts.seed,
    time,
    { pods: LIMITS.pods - admittedOf.Pod.filter((p) => srcOf(p)).length, counts: (w) => !!srcOf(w) },
    priority,
  );
  const more = expandMoreWorkloads(
    {
      statefulSets: admittedOf.StatefulSet as StatefulSet[],
      daemonSets: admittedOf.DaemonSet as DaemonSet[],
      jobs: admittedOf.Job as Job[],
    },
    nodes,
    admittedOf.Pod as Pod[],
    work,
    opts.seed,
    time,
    opts.statefulSetCaps ?? new Map(),
    (w) => !!srcOf(w),
    priority,
  );
  work.podGroups.push(...more.podGroups);
  diagnostics.push(...replicaDiagnostics([...work.limited, ...more.limited], srcOf));
  mark('workloads');
  const placed = placeInOrder(
    cluster,
    goneCidrs.size ? admitted.filter((e) => !goneCidrs.has(e.object as ServiceCIDR)) : admitted,
    new Set<KubeObject>(alloc.accepted),
    work,
    opts.seed,
    time,
  );
  mark('order');
  const run = runPods(cluster.pods, nodes, opts.clock, more.completes, cluster);
  mark('pods');
  // OrderedReady: the controller stops at the first pod that is not ready; build again with those caps.
  if (!opts.statefulSetCaps && cluster.statefulSets.length) {
    const caps = orderedReadyCaps(cluster.statefulSets, cluster.pods, new Map());
    if (caps.size) return assembleCluster(objects, { ...opts, statefulSetCaps: caps });
  }
  fillWorkloadStatus(cluster);
  fillMoreWorkloadStatus(cluster, time);
  mark('workloadStatus');

  // The rule budget, before the controllers make endpoints that kube-proxy would multiply.
  const over = overRuleBudget(cluster.services, cluster.pods, cluster.endpointSlices);
  if (over.first)
    diagnostics.push(
      objectDiagnostic(srcOf(over.first), over.first, 'spec.ports', {
        severity: 'error',
        source: 'limit',
        code: 'limit.endpoint-rules',
        message: msg('limit.endpointRules', { max: ENDPOINT_RULES, services: over.services.size }),
        hint: msg('limit.endpointRulesHint', {}),
      }),
    );
  const ctl = endpointControllers(cluster, opts, time, over.services);
  mark('endpoints');
  controllerOrigins(cluster, ctl.given, placed, opts.seed, time);
  mark('endpointOrigins');
  for (const a of opts.addOns ?? []) a.afterControllers?.(cluster);
  diagnostics.push(
    ...lintCluster(cluster, { srcOf, index: ctl.index, probes: run.probes, replacedEndpoints: ctl.replaced }),
    ...workloadLints(
      cluster,
      srcOf,
      scaled,
      opts.statefulSetCaps ?? new Map(),
      new Map([...work.failedCreates, ...more.failedCreates]),
    ),
  );
  mark('lints');
  return { cluster, diagnostics, probes: run.probes, made: ctl.made };
}

/** The cluster's configuration and its nodes (with uids, creation times and origins). */
function startCluster(
  objects: SourcedObject[],
  seed: number,
  time: string,
  diagnostics: Diagnostic[],
): ClusterState {
  const { config, diagnostics: configDiags } = clusterConfigFrom(
    objects.filter((o) => CONFIG_KINDS.has(o.object.kind)),
  );
  diagnostics.push(...configDiags);
  const nodeInputs = limitNodes(
    objects.filter((o) => o.object.kind === 'Node'),
    diagnostics,
  );
  const { nodes, diagnostics: nodeDiags } = buildNodes(nodeInputs, config);
  diagnostics.push(...nodeDiags);
  const cluster = emptyCluster(config);
  cluster.nodes = nodes;
  nodes.forEach((n, i) => {
    if (nodeInputs[i]) clearServerSetMetadata(n.metadata);
    n.metadata.uid ??= uidFor(seed, objectKey(n));
    n.metadata.creationTimestamp ??= time;
    const src = nodeInputs[i];
    cluster.origins.set(objectKey(n), src ? { ...userOrigin(src), order: -1 } : { by: 'system', order: -1 });
  });
  return cluster;
}

function userOrigin(src: SourcedObject): ObjectOrigin {
  return {
    by: 'user',
    file: src.file,
    docIndex: src.docIndex,
    startLine: src.startLine,
    endLine: src.endLine,
    order: 0,
  };
}

/** The build's copy of an object the user applies: a create, so the server sets its own metadata. */
function forCreate(o: KubeObject): KubeObject {
  const copy = cloneForBuild(o);
  clearServerSetMetadata(copy.metadata);
  // The pod strategy's PrepareForCreate: matchLabelKeys merged into the terms' selectors.
  if (copy.kind === 'Pod') mergeLabelKeys(copy as Pod);
  return copy;
}

const SYSTEM_CLASSES = new Map<string, KubeObject>(systemPriorityClasses().map((pc) => [objectKey(pc), pc]));

/**
 * The user's objects as the build may write into them (copies), in first-appearance order. A later
 * document with the same key updates the earlier object, keeping its creation slot (kubectl apply).
 */
function userEntries(objects: SourcedObject[], diagnostics: Diagnostic[]): Entry[] {
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  // Each file is one kubectl apply, in the order the files come (CLI contract).
  const applyOf = new Map<string | undefined, number>();
  for (const src of objects) {
    if (!applyOf.has(src.file)) applyOf.set(src.file, applyOf.size + 1);
    const k = src.object.kind;
    if (CONFIG_KINDS.has(k) || k === 'Node') continue;
    const key = objectKey(src.object);
    const prev = byKey.get(key);
    // The API server's own classes exist before any apply: writing one is an update of it.
    const stored = prev?.object ?? (k === 'PriorityClass' ? SYSTEM_CLASSES.get(key) : undefined);
    if (stored) {
      // A PriorityClass's value and preemptionPolicy may not change (ValidatePriorityClassUpdate).
      const refused =
        k === 'PriorityClass'
          ? priorityClassUpdateErrors(stored as PriorityClass, src.object as PriorityClass)
          : [];
      if (refused.length) {
        for (const message of refused)
          diagnostics.push(
            objectDiagnostic(src, src.object, message.slice(0, message.indexOf(':')), {
              severity: 'error',
              source: 'api',
              code: 'priorityclass.update',
              message,
            }),
          );
        continue;
      }
    }
    if (prev) {
      prev.object = forCreate(src.object);
      prev.src = src;
      // An update: the object keeps the apply that created it.
      prev.origin = { ...userOrigin(src), apply: prev.origin.apply ?? 1 };
      continue;
    }
    const origin = { ...userOrigin(src), apply: applyOf.get(src.file)! };
    const e: Entry = { object: forCreate(src.object), key, src, origin };
    byKey.set(key, e);
    entries.push(e);
  }
  return entries;
}

/**
 * Namespaces exist only once created, in order: an object in a namespace not created before it is
 * refused, as the API server's NamespaceLifecycle admission does. Returns the admitted entries (with
 * uids and creation times).
 */
function admitInNamespaces(entries: Entry[], seed: number, time: string, diagnostics: Diagnostic[]): Entry[] {
  const namespaces = new NamespaceTracker();
  const admitted: Entry[] = [];
  for (const e of entries) {
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
            meaning: msg('apply.namespaceMissing.meaning', { namespace: ns }),
          }),
        );
        continue;
      }
    }
    o.metadata.uid ??= uidFor(seed, e.key);
    o.metadata.creationTimestamp ??= time;
    // A Job's generated selector is checked with its uid (validateGeneratedSelector).
    const jobErrors = o.kind === 'Job' ? generatedSelectorErrors(o as Job) : [];
    if (jobErrors.length) {
      for (const err of jobErrors)
        diagnostics.push(
          objectDiagnostic(e.src, o, err.field, {
            severity: 'error',
            source: 'api',
            code: errorCode('Job', err),
            message: err.message,
          }),
        );
      continue;
    }
    admitted.push(e);
  }
  return admitted;
}

const ADMITTED_KINDS = [
  'Service',
  'ServiceCIDR',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'HorizontalPodAutoscaler',
  'Pod',
] as const;
type AdmittedKind = (typeof ADMITTED_KINDS)[number];
const isAdmittedKind = (k: string): k is AdmittedKind => (ADMITTED_KINDS as readonly string[]).includes(k);

/** The admitted objects of the kinds the next stages read, and each object's YAML source. */
function lookups(admitted: Entry[]): {
  admittedOf: Record<AdmittedKind, KubeObject[]>;
  srcOf: (o: KubeObject) => SourcedObject | undefined;
} {
  const entryOf = new Map<KubeObject, Entry>();
  const admittedOf = Object.fromEntries(ADMITTED_KINDS.map((k) => [k, []])) as unknown as Record<
    AdmittedKind,
    KubeObject[]
  >;
  for (const e of admitted) {
    entryOf.set(e.object, e);
    const k = e.object.kind;
    if (isAdmittedKind(k)) admittedOf[k].push(e.object);
  }
  // An object the build made (an Endpoints replacing the user's, say) is placed on the user's object
  // with its key; that index is only built when a lint asks about such an object.
  let srcByKey: Map<string, SourcedObject | undefined> | undefined;
  const srcOf = (o: KubeObject): SourcedObject | undefined => {
    const e = entryOf.get(o);
    if (e) return e.src;
    srcByKey ??= new Map(admitted.map((a) => [a.key, a.src]));
    return srcByKey.get(objectKey(o));
  };
  return { admittedOf, srcOf };
}

/** Runs the endpoint controllers over the placed objects; their output replaces the given lists. */
function endpointControllers(
  cluster: ClusterState,
  opts: AssembleOptions,
  time: string,
  overBudget: ReadonlySet<Service>,
): ReturnType<typeof runEndpointControllers> & { given: Set<KubeObject> } {
  const givenEndpoints = cluster.endpoints;
  const skipped = new Set(
    [...overBudget].map((s) => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`),
  );
  const givenSlices = skipped.size
    ? cluster.endpointSlices.filter(
        (e) =>
          !skipped.has(
            `${e.metadata.namespace ?? 'default'}/${e.metadata.labels?.['kubernetes.io/service-name']}`,
          ),
      )
    : cluster.endpointSlices;
  const ctl = runEndpointControllers({
    services: skipped.size ? cluster.services.filter((s) => !overBudget.has(s)) : cluster.services,
    pods: cluster.pods,
    nodes: cluster.nodes,
    givenEndpoints,
    givenSlices,
    seed: opts.seed,
    triggerTime: time,
    ...(opts.reuse ? { reuse: opts.reuse } : {}),
  });
  cluster.endpoints = ctl.endpoints;
  cluster.endpointSlices = ctl.endpointSlices;
  return { ...ctl, given: new Set<KubeObject>([...givenEndpoints, ...givenSlices]) };
}

/**
 * Uids, creation times and origins of what the endpoint controllers made, created after everything
 * placed so far (`order` is the next creation order). Given Endpoints and slices were placed with the
 * user's (or the system's) objects; a controller's Endpoints that replaced the user's keeps their origin.
 */
function controllerOrigins(
  cluster: ClusterState,
  given: Set<KubeObject>,
  order: number,
  seed: number,
  time: string,
): void {
  for (const list of [cluster.endpoints, cluster.endpointSlices] as KubeObject[][])
    for (const o of list) {
      if (given.has(o)) continue;
      const key = objectKey(o);
      if (o.kind === 'Endpoints' && cluster.origins.has(key)) continue;
      o.metadata.uid ??= uidFor(seed, key);
      o.metadata.creationTimestamp ??= time;
      const owner =
        o.kind === 'Endpoints' ? `Service/${o.metadata.namespace}/${o.metadata.name}` : ownerKeyOf(o);
      cluster.origins.set(
        key,
        owner ? { by: 'controller', order: order++, owner } : { by: 'controller', order: order++ },
      );
    }
}

function ownerKeyOf(o: KubeObject): string | undefined {
  const ref = o.metadata.ownerReferences?.[0];
  return ref ? `${ref.kind}/${o.metadata.namespace ?? ''}/${ref.name}` : undefined;
}
