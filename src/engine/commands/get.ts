/**
 * `get <resource>[,<resource>…] [name…] [-n NS | -A] [-l k=v,…] [-o wide|yaml|json]`: the objects as the
 * cluster stores them, printed like kubectl: tables from get-printers.ts (with `kind/name` prefixes and a
 * blank line between tables when several resource types are asked for, a NAMESPACE column with -A),
 * `-o yaml` (one object, or a List), and `-o json` (always a `{"apiVersion":"v1","kind":"List","items":[…]}`
 * as the CLI contract fixes it; also when the global `-o json` was given).
 *
 * @example
 * getCommand(['svc,ep', '-o', 'wide'], env).stdout;
 * // NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR
 * // service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   0s    <none>
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../k8s/objects';
import type { ClusterState } from '../cluster/state';
import type { Lang } from '../messages';
import { customResourceDefinitions } from '../manifest/crd/registry';
import { ipAddressesOf } from '../cluster/service-cidrs';
import { ENDPOINTS_DEPRECATED } from '../manifest/validate/warnings';
import { crdPrinter, sortedKeys } from './get-printers-crd';
import { PRINTERS, tabulate, type Printer, type PrintOptions } from './get-printers';
import { WORKLOAD_PRINTERS } from './get-printers-workloads';
import { fail, ok, usage, type CommandHandler, type CommandResult } from './types';
import { byCodeUnits } from '../util/compare';

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

const CRD_PRINTERS: Record<string, Printer> = {};
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
  CRD_PRINTERS[crd.kind] = crdPrinter(crd);
}

/**
 * The resource type a word names (`svc`, `deployments`, `deploy`, `httproutes.gateway.networking.k8s.io`),
 * for the commands that take `TYPE NAME` or `TYPE/NAME`.
 *
 * @example resourceType('deploy')?.prefix // "deployment.apps"
 */
export function resourceType(word: string): Readonly<ResourceType> | undefined {
  return TYPES.find((x) => x.aliases.includes(word.toLowerCase()));
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

interface Args {
  types: ResourceType[];
  names: string[];
  namespace: string;
  all: boolean;
  output: '' | 'wide' | 'yaml' | 'json' | 'name';
  selector: Record<string, string>;
  showKind: boolean;
}

function parseArgs(args: string[], json: boolean, lang: Lang): Args | CommandResult {
  const positional: string[] = [];
  let namespace = 'default';
  let all = false;
  let output: Args['output'] = json ? 'json' : '';
  const selector: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (flag: string): string | undefined => {
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
      if (a === flag) return args[++i];
      if (flag.length === 2 && a.startsWith(flag) && a.length > 2) return a.slice(2);
      return undefined;
    };
    let v: string | undefined;
    if (a === '-A' || a === '--all-namespaces') all = true;
    else if ((v = value('--namespace') ?? value('-n')) !== undefined) namespace = v;
    else if ((v = value('--output') ?? value('-o')) !== undefined) {
      if (!['wide', 'yaml', 'json', 'name'].includes(v))
        return usage(
          `unable to match a printer suitable for the output format "${v}", allowed formats are: json,name,wide,yaml`,
          'get',
          lang,
        );
      output = json ? 'json' : (v as Args['output']);
    } else if ((v = value('--selector') ?? value('-l')) !== undefined) {
      for (const pair of v.split(',').filter((p) => p !== '')) {
        const m = /^([^=!]+)==?(.*)$/.exec(pair);
        if (!m) return usage(`unable to parse requirement: ${pair}`, 'get', lang);
        selector[m[1]!.trim()] = m[2]!.trim();
      }
    } else if (a.startsWith('-')) return usage(`unknown flag: ${a}`, 'get', lang);
    else positional.push(a);
  }
  const [resources, ...names] = positional;
  if (!resources)
    return usage(
      'You must specify the type of resource to get. Use "svclab get pods|services|endpoints|endpointslices|ingresses|nodes|deployments|replicasets|statefulsets|daemonsets|jobs|gateways|httproutes".',
      'get',
      lang,
    );
  const types: ResourceType[] = [];
  for (const r of resources.split(',').filter((x) => x !== '')) {
    if (r === 'all') {
      for (const k of ALL) types.push(TYPES.find((t) => t.kind === k)!);
      continue;
    }
    const t = TYPES.find((x) => x.aliases.includes(r.toLowerCase()));
    if (!t) return fail(`error: the server doesn't have a resource type "${r}"\n`);
    if (!types.includes(t)) types.push(t);
  }
  const showKind = types.length > 1 || resources.split(',').includes('all');
  return { types, names, namespace, all, output, selector, showKind };
}

const byNamespaceName = (a: KubeObject, b: KubeObject): number =>
  byCodeUnits(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
  byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? '');

/** Objects as `kubectl get -o json/yaml` prints them: apiVersion and kind first, no svclab internals. */
function exported(o: KubeObject): KubeObject {
  if (Object.prototype.hasOwnProperty.call(CRD_PRINTERS, o.kind)) return sortedKeys(o);
  const { apiVersion, kind, metadata, ...rest } = o;
  return { apiVersion, kind, metadata, ...rest };
}

/**
 * The `get` command.
 *
 * @example
 * getCommand(['pods', '-o', 'wide'], env).stdout.split('\n')[0];
 * // "NAME   READY   STATUS    RESTARTS   AGE   IP   NODE   NOMINATED NODE   READINESS GATES"
 */
export const getCommand: CommandHandler = (args, env) => {
  const parsed = parseArgs(args, env.json, env.lang);
  if (!('types' in parsed)) return parsed;
  const { types, names, namespace, all, output, selector, showKind } = parsed;
  const opts: PrintOptions = { wide: output === 'wide', now: env.world.clock };
  const errors: string[] = [];
  const groups: { type: ResourceType; items: KubeObject[] }[] = [];
  for (const type of types) {
    let items = type
      .list(env.cluster)
      .filter((o) => !type.namespaced || all || (o.metadata.namespace ?? 'default') === namespace);
    items = items.filter((o) => Object.entries(selector).every(([k, v]) => o.metadata.labels?.[k] === v));
    if (names.length) {
      const picked: KubeObject[] = [];
      for (const n of names) {
        const found = items.filter((o) => o.metadata.name === n);
        if (found.length === 0) errors.push(`Error from server (NotFound): ${type.plural} "${n}" not found`);
        picked.push(...found);
      }
      items = picked;
    } else items = [...items].sort(byNamespaceName);
    groups.push({ type, items });
  }
  const objects = groups.flatMap((g) => g.items);
  // Every request for v1 Endpoints comes back with the API server's deprecation warning (1.33+).
  const warning = types.some((t) => t.kind === 'Endpoints') ? `Warning: ${ENDPOINTS_DEPRECATED}\n` : '';
  const stderr = warning + (errors.length ? `${errors.join('\n')}\n` : '');
  const exitCode = errors.length ? 1 : 0;
  const done = (stdout: string): CommandResult => ({ exitCode, stdout, stderr });

  if (output === 'json')
    return done(
      `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects.map(exported), metadata: { resourceVersion: '' } }, null, 4)}\n`,
    );
  if (output === 'yaml') {
    if (objects.length === 0 && errors.length) return done('');
    const doc =
      names.length === 1 && types.length === 1 && objects.length === 1
        ? exported(objects[0]!)
        : { apiVersion: 'v1', items: objects.map(exported), kind: 'List', metadata: { resourceVersion: '' } };
    // YAML 1.1 quoting, as kubectl's go-yaml: "2026-01-01T00:00:00Z", "80", "true" stay strings visibly.
    return done(
      stringify(doc, {
        sortMapEntries: true,
        indentSeq: false,
        lineWidth: 0,
        version: '1.1',
        // Pods of one ReplicaSet share their containers array; kubectl never prints YAML aliases.
        aliasDuplicateObjects: false,
      }),
    );
  }
  if (output === 'name')
    return done(
      objects.map((o) => `${TYPES.find((t) => t.kind === o.kind)!.prefix}/${o.metadata.name}\n`).join(''),
    );

  const tables: string[] = [];
  for (const { type, items } of groups) {
    if (items.length === 0) continue;
    const p = PRINTERS[type.kind] ?? WORKLOAD_PRINTERS[type.kind] ?? CRD_PRINTERS[type.kind]!;
    const nsCol = all && type.namespaced;
    const header = [...(nsCol ? ['NAMESPACE'] : []), ...p.columns, ...(opts.wide ? p.wideColumns : [])];
    const rows = items.map((o) => {
      const r = p.row(o, opts);
      if (showKind) r[0] = `${type.prefix}/${r[0]}`;
      return [...(nsCol ? [o.metadata.namespace ?? ''] : []), ...r, ...(opts.wide ? p.wideRow(o, opts) : [])];
    });
    tables.push(tabulate([header, ...rows]));
  }
  if (tables.length === 0 && errors.length === 0) {
    const where = all || types.every((t) => !t.namespaced) ? '' : ` in ${namespace} namespace`;
    return ok('').stdout === ''
      ? // kubectl: "No resources found" across namespaces, "… in <ns> namespace." for one.
        {
          exitCode: 0,
          stdout: '',
          stderr: warning + (where ? `No resources found${where}.\n` : 'No resources found\n'),
        }
      : ok('');
  }
  return done(tables.join('\n'));
};
