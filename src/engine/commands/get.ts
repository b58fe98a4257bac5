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
import type { Lang } from '../messages';
import { customResourceDefinitions } from '../manifest/crd/registry';
import { ENDPOINTS_DEPRECATED } from '../manifest/validate/warnings';
import { crdPrinter, sortedKeys } from './get-printers-crd';
import { PRINTERS, tabulate, type Printer, type PrintOptions } from './get-printers';
import { WORKLOAD_PRINTERS } from './get-printers-workloads';
import {
  byNamespaceName,
  labelSelector,
  resourceArgs,
  resourceType,
  selectorWithNames,
  type ResourceRequest,
  type ResourceType,
} from './resource-args';
import { fail, usage, type CommandHandler, type CommandResult } from './types';

const CRD_PRINTERS: Record<string, Printer> = {};
for (const crd of customResourceDefinitions())
  if (resourceType(`${crd.plural}.${crd.group}`)?.kind === crd.kind) CRD_PRINTERS[crd.kind] = crdPrinter(crd);

interface Args {
  requests: ResourceRequest[];
  named: boolean;
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
  let selector: Record<string, string> = {};
  let selected = false;
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
      const parsed = labelSelector(v, 'get', lang);
      if (!('requirements' in parsed)) return parsed;
      selected = v.trim() !== '';
      selector = parsed.requirements;
    } else if (a.startsWith('-')) return usage(`unknown flag: ${a}`, 'get', lang);
    else positional.push(a);
  }
  if (positional.length === 0)
    return usage(
      'You must specify the type of resource to get. Use "svclab get pods|services|endpoints|endpointslices|ingresses|nodes|deployments|replicasets|statefulsets|daemonsets|jobs|gateways|httproutes".',
      'get',
      lang,
    );
  const r = resourceArgs(positional);
  if ('exitCode' in r) return r;
  // The resource builder: a selector lists objects, it does not pick named ones (visitBySelector); a
  // name is looked up in one namespace (visitByName, visitByResource).
  const withNames = selected ? selectorWithNames(r) : undefined;
  if (withNames) return withNames;
  if (all && r.named && r.requests.some((q) => q.type.namespaced))
    return fail('error: a resource cannot be retrieved by name across all namespaces\n');
  return { requests: r.requests, named: r.named, namespace, all, output, selector, showKind: r.severalTypes };
}

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
  if (!('requests' in parsed)) return parsed;
  const { requests, named, namespace, all, output, selector } = parsed;
  const opts: PrintOptions = { wide: output === 'wide', now: env.world.clock };
  const errors: string[] = [];
  // What kubectl's builder visits, in order: each type's list, or each named object; consecutive
  // objects of one type share a table, as they share a printer in kubectl (shouldGetNewPrinterForMapping).
  const groups: { type: Readonly<ResourceType>; items: KubeObject[] }[] = [];
  const inScope = (type: Readonly<ResourceType>, o: KubeObject): boolean =>
    !type.namespaced || all || (o.metadata.namespace ?? 'default') === namespace;
  for (const { type, name } of requests) {
    let items = type.list(env.cluster).filter((o) => inScope(type, o));
    if (name === undefined)
      items = items
        .filter((o) => Object.entries(selector).every(([k, v]) => o.metadata.labels?.[k] === v))
        .sort(byNamespaceName);
    else {
      items = items.filter((o) => o.metadata.name === name);
      if (items.length === 0) errors.push(`Error from server (NotFound): ${type.plural} "${name}" not found`);
    }
    const last = groups[groups.length - 1];
    if (named && last?.type === type) last.items.push(...items);
    else groups.push({ type, items });
  }
  const objects = groups.flatMap((g) => g.items);
  // Named objects print `kind/name` when those found are of more than one kind (multipleGVKsRequested).
  const showKind = named ? new Set(objects.map((o) => o.kind)).size > 1 : parsed.showKind;
  const types = requests.map((q) => q.type);
  // Every request for v1 Endpoints comes back with the API server's deprecation warning (1.33+).
  const warning = types.some((t) => t.kind === 'Endpoints') ? `Warning: ${ENDPOINTS_DEPRECATED}\n` : '';
  const stderr = warning + (errors.length ? `${errors.join('\n')}\n` : '');
  const exitCode = errors.length ? 1 : 0;
  const done = (stdout: string): CommandResult => ({ exitCode, stdout, stderr });

  if (output === 'json')
    return done(
      `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects.map(exported), metadata: { resourceVersion: '' } }, null, 4)}\n`,
    );
  // One object named: kubectl prints it alone, or only the error (printGeneric's singleItemImplied).
  const single = named && requests.length === 1;
  if (output === 'yaml') {
    if (single && objects.length === 0) return done('');
    const doc =
      single && objects.length === 1
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
    return done(groups.flatMap((g) => g.items.map((o) => `${g.type.prefix}/${o.metadata.name}\n`)).join(''));

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
    // kubectl: "No resources found" across namespaces, "… in <ns> namespace." for one.
    return {
      exitCode: 0,
      stdout: '',
      stderr: warning + (where ? `No resources found${where}.\n` : 'No resources found\n'),
    };
  }
  return done(tables.join('\n'));
};
