/**
 * `kubectl describe servicecidr [NAME…]`, as kubectl's ServiceCIDRDescriber prints it
 * (k8s.io/kubectl/pkg/describe: describeServiceCIDRV1): name, labels, annotations, the CIDRs, the
 * status's conditions as a table (LastTransitionTime in RFC 1123 with a numeric zone), and the Events,
 * all through one Go tabwriter (minwidth 0, tabwidth 8, padding 2, spaces). The servicecidrs controller
 * records no Event about a ServiceCIDR it keeps Terminating, so its Events are `<none>`. Services,
 * Endpoints and EndpointSlices are described in describe-service.ts, Ingresses in describe-ingress.ts,
 * Jobs and CronJobs in describe-job.ts. Other kinds are not described yet: svclab says so and points
 * at `get -o yaml`.
 *
 * @example
 * describeCommand(['servicecidr', 'kubernetes'], env).stdout;
 * // "Name:         kubernetes\nLabels:       <none>\n…CIDRs:        10.96.0.0/12\nStatus:\nConditions:\n  Type   …"
 */
import type {
  CronJob,
  EndpointSlice,
  Endpoints,
  Ingress,
  Job,
  KubeObject,
  Service,
  ServiceCIDR,
} from '../k8s/objects';
import type { ClusterState } from '../cluster/state';
import { msg, render } from '../messages';
import { fail, ok, usage, type CommandHandler } from './types';
import {
  byNamespaceName,
  labelSelector,
  resourceArgs,
  selectorWithNames,
  type ResourceType,
} from './resource-args';
import { describeCronJob, describeJob } from './describe-job';
import { describeIngress } from './describe-ingress';
import { describeEndpoints, describeEndpointSlice, describeService, slicesOf } from './describe-service';
import { ENDPOINTS_DEPRECATED } from '../manifest/validate/warnings';
import { annotationsMultiline, labelsMultiline, rfc1123z, tabwrite } from './describe-format';

function describeServiceCIDR(c: ServiceCIDR, events: boolean): string {
  let text = `Name:\t${c.metadata.name ?? ''}\n`;
  text += labelsMultiline('Labels', c.metadata.labels);
  text += annotationsMultiline('Annotations', c.metadata.annotations);
  text += `CIDRs:\t${(c.spec?.cidrs ?? []).join(', ')}\n`;
  const conditions = (c.status as { conditions?: Record<string, string>[] } | undefined)?.conditions ?? [];
  if (conditions.length > 0) {
    text += 'Status:\nConditions:\n';
    text += '  Type\tStatus\tLastTransitionTime\tReason\tMessage\n';
    text += '  ----\t------\t------------------\t------\t-------\n';
    for (const k of conditions)
      text += `  ${k.type ?? ''}\t${k.status ?? ''}\t${rfc1123z(k.lastTransitionTime)}\t${k.reason ?? ''}\t${k.message ?? ''}\n`;
  }
  if (events) text += 'Events:\t<none>\n';
  return tabwrite(text);
}

/** The describers svclab has, by kind: each prints one object, with its Events or without. */
const DESCRIBERS: Record<string, (o: KubeObject, events: boolean, cluster: ClusterState) => string> = {
  Service: (o, events, cluster) =>
    describeService(
      o as Service,
      slicesOf(cluster, o.metadata.namespace ?? 'default', o.metadata.name ?? ''),
      events,
    ),
  Endpoints: (o, events) => describeEndpoints(o as Endpoints, events),
  EndpointSlice: (o, events) => describeEndpointSlice(o as EndpointSlice, events),
  Ingress: (o, events, cluster) => describeIngress(o as Ingress, cluster, events),
  ServiceCIDR: (o, events) => describeServiceCIDR(o as ServiceCIDR, events),
  Job: (o, events) => describeJob(o as Job, events),
  CronJob: (o, events) => describeCronJob(o as CronJob, events),
};

/**
 * `kubectl describe (TYPE [NAME_PREFIX | -l label] | TYPE/NAME…) [-n NS | -A]`: the objects, read by
 * the resource builder as `get` reads them (resource-args.ts), each described by its kind's describer and
 * separated by a blank line. Events are shown only when one object is described (or --show-events is
 * given); `TYPE NAME` with no object of that name describes those whose names start with NAME
 * (DescribeMatchingResources), as kubectl does.
 */
export const describeCommand: CommandHandler = (args, env) => {
  let namespace = 'default';
  let all = false;
  let showEvents: boolean | undefined;
  let selector: Record<string, string> | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (flag: string): string | undefined => {
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
      if (a === flag) return args[++i] ?? '';
      if (flag.length === 2 && a.startsWith(flag) && a.length > 2) return a.slice(2);
      return undefined;
    };
    let v: string | undefined;
    if (a === '-A' || a === '--all-namespaces') all = true;
    else if (a === '--show-events' || a === '--show-events=true') showEvents = true;
    else if (a === '--show-events=false') showEvents = false;
    else if ((v = value('--namespace') ?? value('-n')) !== undefined) namespace = v;
    else if ((v = value('--selector') ?? value('-l')) !== undefined) {
      const parsed = labelSelector(v, 'describe', env.lang);
      if (!('requirements' in parsed)) return parsed;
      selector = v.trim() === '' ? undefined : parsed.requirements;
    } else if (a.startsWith('-')) return usage(`unknown flag: ${a}`, 'describe', env.lang);
    else words.push(a);
  }
  if (words.length === 0)
    return fail(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl describe -h\' for help and examples\n',
    );
  const r = resourceArgs(words);
  if ('exitCode' in r) return r;
  const withNames = selector ? selectorWithNames(r) : undefined;
  if (withNames) return withNames;
  if (all && r.named && r.requests.some((q) => q.type.namespaced))
    return fail('error: a resource cannot be retrieved by name across all namespaces\n');
  const inScope = (type: Readonly<ResourceType>, o: KubeObject): boolean =>
    !type.namespaced || all || (o.metadata.namespace ?? 'default') === namespace;
  const objects: { type: Readonly<ResourceType>; object: KubeObject }[] = [];
  const errors: string[] = [];
  for (const { type, name } of r.requests) {
    const listed = type.list(env.cluster).filter((o) => inScope(type, o));
    if (name !== undefined) {
      const found = listed.find((o) => o.metadata.name === name);
      if (found) objects.push({ type, object: found });
      else errors.push(`Error from server (NotFound): ${type.plural} "${name}" not found\n`);
      continue;
    }
    const labels = selector ?? {};
    for (const object of [...listed].sort(byNamespaceName))
      if (Object.entries(labels).every(([k, v]) => object.metadata.labels?.[k] === v))
        objects.push({ type, object });
  }
  // Every request for v1 Endpoints comes back with the API server's deprecation warning (1.33+), which
  // kubectl prints once (its warning writer deduplicates).
  const warning = r.requests.some((q) => q.type.kind === 'Endpoints')
    ? `Warning: ${ENDPOINTS_DEPRECATED}\n`
    : '';
  const notYet = (kind: string): string =>
    `svclab: ${render(msg('usage.describeNotYet', { kind }), env.lang)}\n`;
  if (errors.length > 0 && words.length === 2 && !r.byTuple) {
    // DescribeMatchingResources: `describe TYPE PREFIX` describes every object whose name starts so.
    const type = r.requests[0]!.type;
    const prefix = words[1]!;
    const matching = type
      .list(env.cluster)
      .filter((o) => inScope(type, o) && (o.metadata.name ?? '').startsWith(prefix))
      .sort(byNamespaceName);
    // The NotFound before it already turned the Events off.
    if (matching.length > 0) {
      const describer = DESCRIBERS[type.kind];
      if (!describer) return fail(warning + notYet(type.kind));
      const stdout = matching.map((o) => `${describer(o, showEvents ?? false, env.cluster)}\n`).join('');
      return { ...ok(stdout), stderr: warning };
    }
  }
  // kubectl shows Events for one object only, unless --show-events says otherwise.
  const events = showEvents ?? (errors.length === 0 && objects.length === 1);
  const described: string[] = [];
  const refused = new Set<string>();
  for (const { type, object } of objects) {
    const describer = DESCRIBERS[type.kind];
    if (describer) described.push(describer(object, events, env.cluster));
    else refused.add(notYet(type.kind));
  }
  errors.push(...refused);
  if (objects.length === 0 && errors.length === 0)
    return {
      exitCode: 0,
      stdout: '',
      stderr: warning + (all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`),
    };
  return {
    exitCode: errors.length ? 1 : 0,
    stdout: described.join('\n\n'),
    stderr: warning + errors.join(''),
  };
};
