/**
 * The lint for pods whose containers the kubelet cannot create (CreateContainerConfigError, see
 * container-config.ts): they have an IP but stay Pending and not Ready, so their endpoints are not ready.
 * svclab says it on the user's object that made the pods (the Pod, or its Deployment/ReplicaSet), once per
 * container, at the field that causes it, with the kubelet's event text as `kubectl describe pod` prints it.
 */
import type { Diagnostic } from '../diagnostics';
import { msg } from '../messages';
import type { KubeObject, Pod } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import { objectDiagnostic } from './diag';
import { templateOwners } from './template-owners';
import { objectKey, type ClusterState } from './state';

interface Waiting {
  name: string;
  state?: { waiting?: { reason?: string; message?: string } };
}

/**
 * `pod.createContainerConfigError` warnings.
 *
 * @example
 * configErrorLints(cluster, srcOf)[0].message;
 * // "Pod web stays Pending: the kubelet cannot create container app (CreateContainerConfigError) … Event: Error: configmap \"web-config\" not found"
 */
export function configErrorLints(
  cluster: ClusterState,
  srcOf: (o: KubeObject) => SourcedObject | undefined,
  fieldOf: (pod: Pod, container: string, list: 'initContainers' | 'containers') => string | undefined,
): Diagnostic[] {
  const groups = new Map<
    string,
    {
      obj: KubeObject;
      pod: Pod;
      path: string;
      list: 'initContainers' | 'containers';
      container: string;
      message: string;
      n: number;
    }
  >();
  let templateOwner: ReturnType<typeof templateOwners> | undefined;
  for (const pod of cluster.pods) {
    const status = pod.status as
      { containerStatuses?: Waiting[]; initContainerStatuses?: Waiting[] } | undefined;
    for (const list of ['initContainers', 'containers'] as const) {
      const statuses = list === 'containers' ? status?.containerStatuses : status?.initContainerStatuses;
      if (!Array.isArray(statuses)) continue;
      for (const s of statuses) {
        const w = s?.state?.waiting;
        if (w?.reason !== 'CreateContainerConfigError') continue;
        templateOwner ??= templateOwners(cluster);
        const { obj, path } = templateOwner(pod);
        const key = `${objectKey(obj)}\n${list}\n${s.name}`;
        const g = groups.get(key);
        if (g) g.n++;
        else groups.set(key, { obj, pod, path, list, container: s.name, message: w.message ?? '', n: 1 });
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const { obj, pod, path, list, container, message, n } of groups.values()) {
    const src = srcOf(obj);
    if (!src) continue;
    const i = (pod.spec[list] ?? []).findIndex((c) => c.name === container);
    const rel = fieldOf(pod, container, list);
    out.push(
      objectDiagnostic(src, obj, rel ? `${path}.${list}[${i}].${rel}` : `${path}.${list}[${i}]`, {
        severity: 'warning',
        source: 'lint',
        code: 'pod.createContainerConfigError',
        // The kubelet's own words stay as `kubectl describe pod` prints them.
        message: msg('lint.configError', {
          kind: obj.kind,
          name: obj.metadata.name ?? '',
          count: n,
          container,
          error: message,
          ...(list === 'initContainers' ? { init: true } : {}),
        }),
        hint: msg(
          message.includes('runAsNonRoot') || message.includes('non-root')
            ? 'lint.configError.nonRoot.hint'
            : 'lint.configError.reference.hint',
          {},
        ),
      }),
    );
  }
  return out;
}
