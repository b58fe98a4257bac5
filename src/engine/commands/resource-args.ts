/**
 * The resource types svclab's kubectl knows, and how kubectl reads the words that name objects
 * (k8s.io/cli-runtime's resource builder, ResourceTypeOrNameArgs): `TYPE[,TYPE…]`, `TYPE NAME…`,
 * `TYPE[,TYPE…] NAME…` (each type with each name), or `TYPE/NAME…` (types mixed). `get`, `describe`,
 * `delete` and the imperative commands' `target` all read them here.
 *
 * @example
 * resourceArgs(['svc/web', 'deploy/web']);
 * // { named: true, requests: [{ type: Service…, name: 'web' }, { type: Deployment…, name: 'web' }] }
 */
import type { KubeObject } from '../k8s/objects';
import type { ClusterState } from '../cluster/state';
import { customResourceDefinitions } from '../manifest/crd/registry';
import { ipAddressesOf } from '../cluster/service-cidrs';
import { byCodeUnits } from '../util/compare';
import type { Lang } from '../messages';
import { fail, usage, type CommandResult } from './types';

export interface ResourceType {
  kind: string;
  plural: string; // "services": in NotFound messages
  prefix: string; // "service", "deployment.apps": in kind/name prefixes
  aliases: string[];
  namespaced: boolean;
  list: (c: ClusterState) => KubeObject[];
}

const TYPES: ResourceType[] = [
  {
    kind: 'Pod',
    plural: 'pods',
    prefix: 'pod',
    aliases: ['pods', 'pod', 'po'],
    namespaced: true,
    list: (c) => c.pods,
  },
  {
    kind: 'Service',
    plural: 'services',
    prefix: 'service',
    aliases: ['services', 'service', 'svc'],
    namespaced: true,
    list: (c) => c.services,
  },
  {
    kind: 'Endpoints',
    plural: 'endpoints',
    prefix: 'endpoints',
    aliases: ['endpoints', 'ep'],
    namespaced: true,
    list: (c) => c.endpoints,
  },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices.discovery.k8s.io',
    prefix: 'endpointslice.discovery.k8s.io',
    aliases: ['endpointslices', 'endpointslice', 'endpointslices.discovery.k8s.io'],
    namespaced: true,
    list: (c) => c.endpointSlices,
  },
  {
    kind: 'Ingress',
    plural: 'ingresses.networking.k8s.io',
    prefix: 'ingress.networking.k8s.io',
    aliases: ['ingresses', 'ingress', 'ing'],
    namespaced: true,
    list: (c) => c.ingresses,
  },
  {
    kind: 'Node',
    plural: 'nodes',
    prefix: 'node',
    aliases: ['nodes', 'node', 'no'],
    namespaced: false,
    list: (c) => c.nodes,
  },
  {
    kind: 'Deployment',
    plural: 'deployments.apps',
    prefix: 'deployment.apps',
    aliases: ['deployments', 'deployment', 'deploy'],
    namespaced: true,
    list: (c) => c.deployments,
  },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets.apps',
    prefix: 'replicaset.apps',
    aliases: ['replicasets', 'replicaset', 'rs'],
    namespaced: true,
    list: (c) => c.replicaSets,
  },
  {
    kind: 'StatefulSet',
    plural: 'statefulsets.apps',
    prefix: 'statefulset.apps',
    aliases: ['statefulsets', 'statefulset', 'sts'],
    namespaced: true,
    list: (c) => c.statefulSets,
  },
  {
    kind: 'DaemonSet',
    plural: 'daemonsets.apps',
    prefix: 'daemonset.apps',
    aliases: ['daemonsets', 'daemonset', 'ds'],
    namespaced: true,
    list: (c) => c.daemonSets,
  },
  {
    kind: 'Job',
    plural: 'jobs.batch',
    prefix: 'job.batch',
    aliases: ['jobs', 'job'],
    namespaced: true,
    list: (c) => c.jobs,
  },
  {
    kind: 'CronJob',
    plural: 'cronjobs.batch',
    prefix: 'cronjob.batch',
    aliases: ['cronjobs', 'cronjob', 'cj'],
    namespaced: true,
    list: (c) => c.cronJobs,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers.autoscaling',
    prefix: 'horizontalpodautoscaler.autoscaling',
    aliases: ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'],
    namespaced: true,
    list: (c) => c.horizontalPodAutoscalers,
  },
  {
    kind: 'Namespace',
    plural: 'namespaces',
    prefix: 'namespace',
    aliases: ['namespaces', 'namespace', 'ns'],
    namespaced: false,
    list: (c) => c.namespaces,
  },
  {
    kind: 'IngressClass',
    plural: 'ingressclasses.networking.k8s.io',
    prefix: 'ingressclass.networking.k8s.io',
    aliases: ['ingressclasses', 'ingressclass'],
    namespaced: false,
    list: (c) => c.ingressClasses,
  },
  {
    kind: 'ServiceCIDR',
    plural: 'servicecidrs.networking.k8s.io',
    prefix: 'servicecidr.networking.k8s.io',
    aliases: ['servicecidrs', 'servicecidr', 'servicecidrs.networking.k8s.io'],
    namespaced: false,
    list: (c) => c.serviceCIDRs,
  },
  {
    kind: 'IPAddress',
    plural: 'ipaddresses.networking.k8s.io',
    prefix: 'ipaddress.networking.k8s.io',
    aliases: ['ipaddresses', 'ipaddress', 'ipaddresses.networking.k8s.io'],
    namespaced: false,
    list: (c) => ipAddressesOf(c),
  },
  {
    kind: 'PriorityClass',
    plural: 'priorityclasses.scheduling.k8s.io',
    prefix: 'priorityclass.scheduling.k8s.io',
    aliases: ['priorityclasses', 'priorityclass', 'pc', 'priorityclasses.scheduling.k8s.io'],
    namespaced: false,
    list: (c) => c.priorityClasses,
  },
  {
    kind: 'ConfigMap',
    plural: 'configmaps',
    prefix: 'configmap',
    aliases: ['configmaps', 'configmap', 'cm'],
    namespaced: true,
    list: (c) => c.configMaps,
  },
  {
    kind: 'Secret',
    plural: 'secrets',
    prefix: 'secret',
    aliases: ['secrets', 'secret'],
    namespaced: true,
    list: (c) => c.secrets,
  },
];

/** Where the cluster keeps each custom resource kind. */
const CRD_LISTS: Record<string, (c: ClusterState) => KubeObject[]> = {
  GatewayClass: (c) => c.gatewayClasses,
  Gateway: (c) => c.gateways,
  HTTPRoute: (c) => c.httpRoutes,
  GRPCRoute: (c) => c.grpcRoutes,
  ReferenceGrant: (c) => c.referenceGrants,
};

for (const crd of customResourceDefinitions()) {
  const list = CRD_LISTS[crd.kind];
  if (!list) continue;
  TYPES.push({
    kind: crd.kind,
    plural: `${crd.plural}.${crd.group}`,
    prefix: `${crd.singular}.${crd.group}`,
    aliases: [crd.plural, crd.singular, ...crd.shortNames, `${crd.plural}.${crd.group}`],
    namespaced: crd.namespaced,
    list,
  });
}

/**
 * The resource type a word names (`svc`, `deployments`, `deploy`, `httproutes.gateway.networking.k8s.io`),
 * for the commands that take `TYPE NAME` or `TYPE/NAME`; also the group-qualified forms kubectl's REST
 * mapper takes, `deployments.apps` and `deployment.apps` (what `-o name` prints: `job.batch/pi`).
 *
 * @example resourceType('deploy')?.prefix // "deployment.apps"
 */
export function resourceType(word: string): Readonly<ResourceType> | undefined {
  const w = word.toLowerCase();
  return TYPES.find((x) => x.aliases.includes(w)) ?? TYPES.find((x) => x.plural === w || x.prefix === w);
}

/** `kubectl get all`: the "all" category (pods, services, the workload kinds, autoscalers). */
const ALL = [
  'Pod',
  'Service',
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'CronJob',
  'Job',
];

/** kubectl's order of listed objects: by namespace, then name. */
export const byNamespaceName = (a: KubeObject, b: KubeObject): number =>
  byCodeUnits(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
  byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? '');

/** One thing asked for: every object of a type, or the one of that type and name. */
export interface ResourceRequest {
  type: Readonly<ResourceType>;
  name?: string;
}

export interface ResourceArgs {
  /** In the order asked: each type once (`TYPE[,TYPE…]`), or each name with its type. */
  requests: ResourceRequest[];
  /** Objects were named (`TYPE NAME…`, `TYPE/NAME…`): kubectl gets each by name, not by listing. */
  named: boolean;
  /** The `TYPE/NAME` form, or several types each with the names (kubectl turns those into TYPE/NAME). */
  byTuple: boolean;
  /**
   * Several types are listed (`svc,ep`, `all`; no names): kubectl prints each table with `kind/name`.
   * (For named objects it does so when those found are of more than one kind.)
   */
  severalTypes: boolean;
  /** The word `all` was one of the types. */
  all: boolean;
}

const error = (text: string): CommandResult => fail(`error: ${text}\n`);

/** SplitResourceArgument: the comma-separated words, each once, in order. */
function splitResources(word: string): string[] {
  return [...new Set(word.split(','))];
}

/** The type a word names, or kubectl's error for a word that names none. */
function lookup(word: string): Readonly<ResourceType> | CommandResult {
  return resourceType(word) ?? error(`the server doesn't have a resource type "${word}"`);
}

/**
 * splitResourceTypeName: `TYPE/NAME` as its two parts, undefined for a word without a slash, or
 * kubectl's error for more than one slash or an empty (or comma-separated) part.
 *
 * @example splitTypeName('deploy/web'); // { resource: 'deploy', name: 'web' }
 */
export function splitTypeName(word: string): { resource: string; name: string } | CommandResult | undefined {
  if (!word.includes('/')) return undefined;
  const parts = word.split('/');
  if (parts.length !== 2) return error('arguments in resource/name form may not have more than one slash');
  const [resource, name] = parts as [string, string];
  if (resource === '' || name === '' || splitResources(resource).length !== 1)
    return error('arguments in resource/name form must have a single resource and name');
  return { resource, name };
}

/**
 * The objects `words` (the command's arguments that are not flags) ask for, as kubectl's resource
 * builder reads them: `TYPE[,TYPE…] NAME…` becomes `TYPE/NAME` for each type and name
 * (normalizeMultipleResourcesArgs); then either every word is `TYPE/NAME` (hasCombinedTypeArgs), or none
 * is and the first names the types (`all` among them) and the rest are names. A word without a slash
 * among `TYPE/NAME` ones is refused with kubectl's own sentence; so is a word that names no type. No
 * words at all gives no requests: the caller says what kubectl says for that.
 *
 * @example resourceArgs(['svc', 'svc/web']); // CommandResult: "error: there is no need to specify…"
 */
export function resourceArgs(words: readonly string[]): ResourceArgs | CommandResult {
  let args = [...words];
  const first = args[0];
  if (first !== undefined && args.length >= 2 && splitResources(first).length > 1) {
    args = splitResources(first).flatMap((r) => words.slice(1).map((n) => `${r}/${n}`));
  }
  const slashed = args.filter((w) => w.includes('/')).length;
  if (slashed > 0) {
    if (slashed !== args.length)
      return error(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    const tuples: { resource: string; name: string }[] = [];
    for (const w of args) {
      const t = splitTypeName(w)!;
      if ('exitCode' in t) return t;
      tuples.push(t);
    }
    const requests: ResourceRequest[] = [];
    for (const t of tuples) {
      const type = lookup(t.resource);
      if ('exitCode' in type) return type;
      requests.push({ type, name: t.name });
    }
    return { requests, named: true, byTuple: true, severalTypes: false, all: false };
  }
  if (first === undefined)
    return { requests: [], named: false, byTuple: false, severalTypes: false, all: false };
  const types: Readonly<ResourceType>[] = [];
  const resources = splitResources(first).filter((r) => r !== '');
  for (const r of resources) {
    const found = r === 'all' ? ALL.map((k) => TYPES.find((t) => t.kind === k)!) : [lookup(r)];
    for (const type of found) {
      if ('exitCode' in type) return type;
      if (!types.includes(type)) types.push(type);
    }
  }
  const all = resources.includes('all');
  const names = args.slice(1);
  // visitByName: names go with one type (`all` is several).
  if (names.length > 0 && types.length > 1) return error('you must specify only one resource');
  const requests = names.length
    ? names.map((name) => ({ type: types[0]!, name }))
    : types.map((type) => ({ type }));
  return {
    requests,
    named: names.length > 0,
    byTuple: false,
    severalTypes: !names.length && (types.length > 1 || all),
    all,
  };
}

/**
 * The value of `-l`/`--selector` as the equality requirements svclab reads (`k=v`, `k==v`, comma-separated),
 * or kubectl's parse error for any other requirement. kubectl's flag is a string: the last one given counts.
 *
 * @example labelSelector('app=web,tier==db', 'get', 'en'); // { requirements: { app: 'web', tier: 'db' } }
 */
export function labelSelector(
  text: string,
  command: string,
  lang: Lang,
): { requirements: Record<string, string> } | CommandResult {
  const selector: Record<string, string> = {};
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const m = /^([^=!]+)==?(.*)$/.exec(pair);
    if (!m) return usage(`unable to parse requirement: ${pair}`, command, lang);
    selector[m[1]!.trim()] = m[2]!.trim();
  }
  return { requirements: selector };
}

/**
 * The resource builder's refusal of a selector with named objects (a selector lists objects, it does
 * not pick named ones: visitBySelector), undefined when nothing was named.
 */
export function selectorWithNames(r: ResourceArgs): CommandResult | undefined {
  if (!r.named) return undefined;
  return fail(
    r.byTuple
      ? 'error: selectors and the all flag cannot be used when passing resource/name arguments\n'
      : 'error: name cannot be provided when a selector is specified\n',
  );
}
