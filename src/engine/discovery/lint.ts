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
import type { KubeObject, Pod } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { isIPv4, isIPv6 } from '../net/ip';
import { creationRoot } from './creation-order';
import { missingServiceEnv, podEnvironment } from './env-vars';

function findRoot(cluster: ClusterState, pod: Pod): KubeObject {
  const key = creationRoot(cluster, pod);
  const all: KubeObject[] = [...cluster.deployments, ...cluster.replicaSets, ...cluster.pods];
  return all.find((o) => objectKey(o) === key) ?? pod;
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
    message: string,
    hint?: string,
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

  const seenRoots = new Set<string>();
  for (const pod of cluster.pods) {
    const root = findRoot(cluster, pod);
    const rootKey = objectKey(root);
    if (seenRoots.has(rootKey)) continue;
    seenRoots.add(rootKey);
    const what =
      root.kind === 'Pod' ? `Pod ${root.metadata.name}` : `the pods of ${root.kind} ${root.metadata.name}`;

    const later = missingServiceEnv(cluster, pod).filter((m) => m.reason === 'created-later');
    if (later.length) {
      const names = later.map((m) => m.service.split('/')[1]).join(', ');
      const vars = later.map((m) => m.variable).join(', ');
      push(
        root,
        'metadata.name',
        'warning',
        'discovery.env.createdBeforeService',
        `${what} ${root.kind === 'Pod' ? 'is' : 'are'} created before Service ${names}, so kubelet gives ${root.kind === 'Pod' ? 'it' : 'them'} no ${vars} (environment variables are set only when a container starts).`,
        `Define the Service before the workload, or recreate the pod; the DNS name works either way.`,
      );
    }

    const env = new Map(podEnvironment(cluster, pod).map((v) => [v.name, v.value]));
    const missingWhy = new Map(
      missingServiceEnv(cluster, pod).map((m) => [m.variable.replace(/_SERVICE_HOST$/, ''), m]),
    );
    const spec =
      root.kind === 'Pod'
        ? (root as Pod).spec
        : (root as { spec?: { template?: { spec?: Pod['spec'] } } }).spec?.template?.spec;
    (spec?.containers ?? []).forEach((c, ci) => {
      (c.env ?? []).forEach((e, ei) => {
        for (const m of (e.value ?? '').matchAll(/(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
          const ref = m[1]!;
          // Only Service-variable references, and only those that stayed literal after expansion.
          if (!/_SERVICE_|_PORT/.test(ref) || !env.get(e.name)?.includes(`$(${ref})`)) continue;
          const why = missingWhy.get(ref.replace(/_SERVICE_.*$|_PORT.*$/, ''));
          push(
            root,
            `${containersField(root)}[${ci}].env[${ei}].value`,
            'warning',
            'discovery.env.unresolvedReference',
            `$(${ref}) is not defined for this container, so kubelet leaves it as the literal text "$(${ref})"${why ? `: ${why.message}` : '.'}`,
            'Use the Service’s DNS name instead of its environment variables.',
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
        `${what} use${root.kind === 'Pod' ? 's' : ''} hostNetwork with dnsPolicy ClusterFirst, which kubelet turns into Default: Service names will not resolve there.`,
        'Set dnsPolicy: ClusterFirstWithHostNet to use cluster DNS on the host network.',
      );
    }

    const sub = pod.spec.subdomain;
    if (sub) {
      const ns = pod.metadata.namespace ?? 'default';
      const svc = cluster.services.find((s) => s.metadata.namespace === ns && s.metadata.name === sub);
      if (!svc || svc.spec.clusterIP !== 'None') {
        push(
          root,
          root.kind === 'Pod' ? 'spec.subdomain' : 'spec.template.spec.subdomain',
          'warning',
          'discovery.dns.subdomainNoService',
          `spec.subdomain is ${sub}, but namespace ${ns} has no headless Service ${sub}${svc ? ` (${sub} has a ClusterIP)` : ''}, so the pod's name ${pod.spec.hostname ?? pod.metadata.name}.${sub}.${ns}.svc.${cluster.config.dnsDomain} does not resolve.`,
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
        `externalName ${name} is an IP address: DNS answers a CNAME to the name "${name}.", which does not resolve to that address.`,
        'Use a Service without selector and an EndpointSlice for a fixed IP address.',
      );
    }
  }
  return out;
}
