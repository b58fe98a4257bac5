/**
 * Discovery lints: things Kubernetes accepts that break how a pod finds a Service (severity warning or
 * info, source lint), each on the user's object that causes it:
 * - `discovery.env.createdBeforeService`: a pod (or the Deployment/ReplicaSet making it) is created before
 *   a Service of its namespace, so it lacks that Service's variables until it is recreated;
 * - `discovery.env.unresolvedReference`: `$(X_SERVICE_HOST)` in an env value that kubelet cannot expand;
 * - `discovery.externalName.ip`: an ExternalName that is an IP address (DNS treats it as a name);
 * - `discovery.dns.hostNetworkClusterFirst`: hostNetwork with dnsPolicy ClusterFirst uses the node's resolver;
 * - `discovery.dns.subdomainNoService`: spec.subdomain without a headless Service of that name.
 */
import { objectDiagnostic } from '../cluster/diag';
import { objectKey, type ClusterState } from '../cluster/state';
import type { Diagnostic } from '../diagnostics';
import type { KubeObject, Pod, Service } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { msg, type Msg } from '../messages';
import { isIPv4, isIPv6 } from '../net/ip';
import { creationIndex, type CreationIndex } from './creation-index';
import { existsAtStart } from './creation-order';
import { serviceByEnvName, serviceVariableLookup } from './env-lookup';
import {
  containerVariables,
  envVarName,
  isServiceIPSet,
  serviceLinksEnabled,
  serviceMissingEnv,
} from './env-vars';

/** How many Services one createdBeforeService message names before "and N more". */
export const NAMED_SERVICES = 5;

/** A namespace's variable-giving Services in creation order, with what finding the later ones needs. */
interface LaterList {
  services: Service[];
  /** Each Service's apply (one per file), never decreasing. */
  orders: number[];
  /** The index of the first Service after `i` of another apply (a later file): `services.length` if none. */
  nextApply: number[];
  /** How many applies (files) the Services from `i` on come from. */
  appliesFrom: number[];
}

function laterList(ix: CreationIndex, ns: string): LaterList {
  const services = ix
    .services(ns)
    .filter(
      (s) =>
        !(ns === 'default' && s.metadata.name === 'kubernetes') &&
        s.spec.type !== 'ExternalName' &&
        isServiceIPSet(s) &&
        Number.isFinite(ix.apply(s)),
    );
  // Sorted by creation order, so their applies never decrease: a binary search finds the first later one.
  const orders = services.map((s) => ix.apply(s));
  const n = orders.length;
  const nextApply = new Array<number>(n);
  const appliesFrom = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const differs = i === n - 1 || orders[i + 1] !== orders[i];
    nextApply[i] = differs ? i + 1 : nextApply[i + 1]!;
    appliesFrom[i] = appliesFrom[i + 1]! + (differs ? 1 : 0);
  }
  return { services, orders, nextApply, appliesFrom };
}

/**
 * The Services of the pod's namespace that would give it variables but were created after it (reason
 * "created-later" of missingServiceEnv): `services.slice(from)`, oldest first, found by a binary search in
 * the namespace's variable-giving Services (kept per namespace in `cache`; not copied, so that a scene
 * where each workload precedes many Services stays linear).
 */
function createdLater(
  ix: CreationIndex,
  pod: Pod,
  cache: Map<string, LaterList>,
): { list: LaterList; from: number } {
  const ns = pod.metadata.namespace ?? 'default';
  const podApply = ix.apply(pod);
  const empty = { services: [], orders: [], nextApply: [], appliesFrom: [0] };
  if (!serviceLinksEnabled(pod) || !Number.isFinite(podApply)) return { list: empty, from: 0 };
  let list = cache.get(ns);
  if (!list) {
    list = laterList(ix, ns);
    cache.set(ns, list);
  }
  let lo = 0;
  let hi = list.orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (existsAtStart(list.orders[mid]!, podApply)) lo = mid + 1;
    else hi = mid;
  }
  return { list, from: lo };
}

/** The first `most` Services of distinct applies from `from` on: one per later file, in apply order. */
function firstOfEachApply(list: LaterList, from: number, most: number): Service[] {
  const out: Service[] = [];
  for (let i = from; i < list.services.length && out.length < most; i = list.nextApply[i]!)
    out.push(list.services[i]!);
  return out;
}

/** "a, b and c" for the names shown of `total` items: "a, b, c, d, e and 995 more" past NAMED_SERVICES. */
function listOf(shown: string[], total: number): string {
  if (total > shown.length) return `${shown.join(', ')} and ${total - shown.length} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}` : (shown[0] ?? '');
}

/** Where a pod template's containers are, for the object that defines them. */
function containersField(o: KubeObject): string {
  return o.kind === 'Pod' ? 'spec.containers' : 'spec.template.spec.containers';
}

/**
 * All discovery lints for a built cluster. With `objects` (the user's sourced objects) the diagnostics
 * carry YAML positions; objects the cluster made itself get no lint.
 *
 * @example
 * discoveryLints(cluster, objects).map((d) => d.code); // ["discovery.env.createdBeforeService"]
 */
export function discoveryLints(cluster: ClusterState, objects?: SourcedObject[]): Diagnostic[] {
  const src = new Map((objects ?? []).map((s) => [objectKey(s.object), s]));
  const isUser = (o: KubeObject) =>
    objects ? src.has(objectKey(o)) : cluster.origins.get(objectKey(o))?.by === 'user';
  const out: Diagnostic[] = [];
  const push = (
    o: KubeObject,
    field: string | undefined,
    severity: 'warning' | 'info',
    code: string,
    message: string | Msg,
    hint?: Msg,
  ) => {
    if (!isUser(o)) return;
    out.push(
      objectDiagnostic(src.get(objectKey(o)), o, field, {
        severity,
        source: 'lint',
        code,
        message,
        ...(hint ? { hint } : {}),
      }),
    );
  };

  const ix = creationIndex(cluster);
  const laterCache = new Map<string, LaterList>();
  const seenRoots = new Set<string>();
  for (const pod of cluster.pods) {
    const rootKey = ix.root(pod);
    if (seenRoots.has(rootKey)) continue;
    seenRoots.add(rootKey);
    const root = ix.object(rootKey) ?? pod;
    const who = msg('lint.who', { kind: root.kind, name: root.metadata.name ?? '' });
    const one = root.kind === 'Pod';

    const later = createdLater(ix, pod, laterCache);
    const count = later.list.services.length - later.from;
    if (count > 0) {
      // Only the names shown are formatted: a workload created before 1,000 Services costs five.
      const shown = later.list.services.slice(later.from, later.from + NAMED_SERVICES);
      const names = listOf(
        shown.map((s) => s.metadata.name ?? ''),
        count,
      );
      const vars = listOf(
        shown.map((s) => `${envVarName(s.metadata.name ?? '')}_SERVICE_HOST`),
        count,
      );
      const fileOf = (o: KubeObject): string => cluster.origins.get(objectKey(o))?.file ?? '';
      // The later files that create them, each named once (found without walking every Service).
      const fileCount = later.list.appliesFrom[later.from]!;
      const files = firstOfEachApply(later.list, later.from, NAMED_SERVICES).map(fileOf);
      push(
        root,
        'metadata.name',
        'warning',
        'discovery.env.createdBeforeService',
        msg('apply.env.earlierApply', {
          kind: root.kind,
          name: root.metadata.name ?? '',
          file: fileOf(root),
          services: names,
          serviceFiles: listOf(files, fileCount),
          files: fileCount,
          count,
          variables: vars,
        }),
        msg('apply.env.earlierApply.hint', { count }),
      );
    }

    const spec =
      root.kind === 'Pod'
        ? (root as Pod).spec
        : (root as { spec?: { template?: { spec?: Pod['spec'] } } }).spec?.template?.spec;
    (spec?.containers ?? []).forEach((c, ci) => {
      // Most containers reference no variable: skip computing their environment at all.
      if (!(c.env ?? []).some((e) => e.value?.includes('$('))) return;
      const podContainer = pod.spec.containers.find((pc) => pc.name === c.name) ?? pod.spec.containers[0];
      const env = containerVariables(cluster, pod, podContainer, serviceVariableLookup(ix, pod));
      const ns = pod.metadata.namespace ?? 'default';
      (c.env ?? []).forEach((e, ei) => {
        for (const m of (e.value ?? '').matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
          const ref = m[1]!;
          // Only Service-variable references, and only those that stayed literal after expansion.
          if (!/_SERVICE_|_PORT/.test(ref) || !env.get(e.name)?.value.includes(`$(${ref})`)) continue;
          const svc = serviceByEnvName(ix, ns, ref.replace(/_SERVICE_.*$|_PORT.*$/, ''));
          const why = svc && serviceMissingEnv(ix, pod, svc);
          push(
            root,
            `${containersField(root)}[${ci}].env[${ei}].value`,
            'warning',
            'discovery.env.unresolvedReference',
            msg('lint.env.unresolved', { ref, why: why ? why.message : null }),
            msg('lint.env.unresolved.hint', {}),
          );
        }
      });
    });

    if (pod.spec.hostNetwork && (pod.spec.dnsPolicy ?? 'ClusterFirst') === 'ClusterFirst') {
      push(
        root,
        root.kind === 'Pod' ? 'spec.hostNetwork' : 'spec.template.spec.hostNetwork',
        'info',
        'discovery.dns.hostNetworkClusterFirst',
        msg('lint.dns.hostNetworkClusterFirst', { who, one }),
        msg('lint.dns.hostNetworkClusterFirst.hint', {}),
      );
    }

    const sub = pod.spec.subdomain;
    if (sub) {
      const ns = pod.metadata.namespace ?? 'default';
      const svc = ix.service(ns, sub);
      if (!svc || svc.spec.clusterIP !== 'None') {
        push(
          root,
          root.kind === 'Pod' ? 'spec.subdomain' : 'spec.template.spec.subdomain',
          'warning',
          'discovery.dns.subdomainNoService',
          msg('lint.dns.subdomainNoService', {
            subdomain: sub,
            namespace: ns,
            hasClusterIP: Boolean(svc),
            name: `${pod.spec.hostname ?? pod.metadata.name}.${sub}.${ns}.svc.${cluster.config.dnsDomain}`,
          }),
        );
      }
    }
  }

  for (const svc of cluster.services) {
    const name = svc.spec.externalName;
    if (svc.spec.type === 'ExternalName' && name && (isIPv4(name) || isIPv6(name))) {
      push(
        svc,
        'spec.externalName',
        'warning',
        'discovery.externalName.ip',
        msg('lint.externalName.ip', { name }),
        msg('lint.externalName.ip.hint', {}),
      );
    }
  }
  return out;
}
