/**
 * Why the kubelet cannot create a container although the API server accepted its pod: the container config
 * it generates (kuberuntime generateContainerConfig) fails, the container waits in
 * `CreateContainerConfigError` (the kubelet retries with back-off) and the kubelet records a Warning event
 * `Failed` with "Error: <message>". Checked in the kubelet's order:
 * - runAsNonRoot (verifyRunAsNonRoot, security_context_others.go) against the effective runAsUser, or, without
 *   one, against the image's user: svclab knows the user of the images below (their Dockerfiles); for any
 *   other image it cannot tell, so it does not fail the container;
 * - the environment (makeEnvironmentVariables, kubelet_pods.go): every envFrom ConfigMap/Secret, then every
 *   env configMapKeyRef/secretKeyRef, must exist with its key unless marked `optional: true`. The kubelet
 *   retries, so any ConfigMap or Secret of the scene counts, whichever apply created it.
 *
 * @example
 * containerConfigError(pod, pod.spec.containers[0], { configMaps: [], secrets: [] });
 * // { message: 'configmap "web-config" not found', field: 'env[0].valueFrom.configMapKeyRef' }
 */
import type { Container, Pod } from '../k8s/objects';
import { imageRepository } from './image-ports';

/** The user in an image's config: a numeric uid, a user name, or none (the runtime runs it as root). */
const IMAGE_USERS: Record<string, number | string> = {
  // Official images without a USER line: their entrypoints start as root (some drop privileges later,
  // which the kubelet cannot see).
  nginx: 0,
  httpd: 0,
  redis: 0,
  postgres: 0,
  mysql: 0,
  mongo: 0,
  busybox: 0,
  alpine: 0,
  ubuntu: 0,
  debian: 0,
  // nginxinc/docker-nginx-unprivileged: USER $UID with UID=101.
  'nginxinc/nginx-unprivileged': 101,
  // prometheus/Dockerfile: USER nobody (a name, which the kubelet cannot check against runAsNonRoot).
  'prom/prometheus': 'nobody',
};

interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
}

interface NamedData {
  metadata: { name?: string; namespace?: string };
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
}

/** The ConfigMaps and Secrets of the scene, as the kubelet's managers would find them. */
export interface KubeletObjects {
  configMaps: readonly NamedData[];
  secrets: readonly NamedData[];
}

export interface ContainerConfigError {
  /** The kubelet's message (the container's waiting message; the event says "Error: " before it). */
  message: string;
  /** Where the cause is written, relative to the container ("securityContext.runAsUser", "env[2].valueFrom"). */
  field: string;
}

/** format.Pod: name_namespace(uid). */
const formatPod = (pod: Pod): string =>
  `${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`;

/** securitycontext.DetermineEffectiveSecurityContext for the two fields the check reads. */
function effective(pod: Pod, c: Container): SecurityContext & { at: string } {
  const podSc = ((pod.spec as { securityContext?: SecurityContext }).securityContext ??
    {}) as SecurityContext;
  const sc = ((c as { securityContext?: SecurityContext }).securityContext ?? {}) as SecurityContext;
  const runAsUser = sc.runAsUser ?? podSc.runAsUser;
  return {
    runAsNonRoot: sc.runAsNonRoot ?? podSc.runAsNonRoot,
    runAsUser,
    at:
      sc.runAsUser !== undefined
        ? 'securityContext.runAsUser'
        : sc.runAsNonRoot !== undefined
          ? 'securityContext.runAsNonRoot'
          : '',
  };
}

/** verifyRunAsNonRoot. */
function runAsNonRoot(pod: Pod, c: Container): ContainerConfigError | undefined {
  const sc = effective(pod, c);
  if (sc.runAsNonRoot !== true) return undefined;
  const where = `(pod: ${JSON.stringify(formatPod(pod))}, container: ${c.name})`;
  if (typeof sc.runAsUser === 'number')
    return sc.runAsUser === 0
      ? { message: `container's runAsUser breaks non-root policy ${where}`, field: sc.at }
      : undefined;
  const user = Object.hasOwn(IMAGE_USERS, imageRepository(c.image ?? ''))
    ? IMAGE_USERS[imageRepository(c.image ?? '')]
    : undefined;
  if (typeof user === 'string')
    return {
      message: `container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root ${where}`,
      field: sc.at || 'image',
    };
  if (user === 0)
    return {
      message: `container has runAsNonRoot and image will run as root ${where}`,
      field: sc.at || 'image',
    };
  return undefined;
}

interface Ref {
  name?: unknown;
  key?: unknown;
  optional?: unknown;
}

const asRef = (v: unknown): Ref | undefined => (typeof v === 'object' && v !== null ? (v as Ref) : undefined);

function find(list: readonly NamedData[], ns: string, name: string): NamedData | undefined {
  return list.find((o) => o.metadata.name === name && (o.metadata.namespace ?? 'default') === ns);
}

/** makeEnvironmentVariables' failures: envFrom sources first, then env's key references, in order. */
function environment(pod: Pod, c: Container, objects: KubeletObjects): ContainerConfigError | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const kinds = [
    {
      field: 'configMapRef',
      keyField: 'configMapKeyRef',
      list: objects.configMaps,
      noun: 'configmap',
      Kind: 'ConfigMap',
    },
    { field: 'secretRef', keyField: 'secretKeyRef', list: objects.secrets, noun: 'secret', Kind: 'Secret' },
  ] as const;
  const envFrom = Array.isArray(c.envFrom) ? c.envFrom : [];
  for (let i = 0; i < envFrom.length; i++) {
    const src = asRef(envFrom[i]) as Record<string, unknown> | undefined;
    for (const k of kinds) {
      const ref = asRef(src?.[k.field]);
      if (!ref) continue;
      const name = typeof ref.name === 'string' ? ref.name : '';
      if (!find(k.list, ns, name) && ref.optional !== true)
        return { message: `${k.noun} ${JSON.stringify(name)} not found`, field: `envFrom[${i}].${k.field}` };
      break; // the kubelet reads configMapRef, else secretRef
    }
  }
  const env = Array.isArray(c.env) ? c.env : [];
  for (let i = 0; i < env.length; i++) {
    const from = asRef((env[i] as { valueFrom?: unknown } | undefined)?.valueFrom) as
      Record<string, unknown> | undefined;
    if (!from || from.fieldRef || from.resourceFieldRef) continue;
    for (const k of kinds) {
      const ref = asRef(from[k.keyField]);
      if (!ref) continue;
      const name = typeof ref.name === 'string' ? ref.name : '';
      const key = typeof ref.key === 'string' ? ref.key : '';
      const optional = ref.optional === true;
      const field = `env[${i}].valueFrom.${k.keyField}`;
      const obj = find(k.list, ns, name);
      if (!obj) {
        if (optional) break;
        return { message: `${k.noun} ${JSON.stringify(name)} not found`, field };
      }
      // A Secret's stringData is merged into data when it is written.
      const data = { ...(obj.data ?? {}), ...(k.Kind === 'Secret' ? (obj.stringData ?? {}) : {}) };
      if (!Object.hasOwn(data, key) && !optional)
        return { message: `couldn't find key ${key} in ${k.Kind} ${ns}/${name}`, field: `${field}.key` };
      break;
    }
  }
  return undefined;
}

/** Whether a container could fail its config at all (most do not: no runAsNonRoot, no references). */
function mayFail(pod: Pod, c: Container): boolean {
  const podSc = (pod.spec as { securityContext?: SecurityContext }).securityContext;
  const sc = (c as { securityContext?: SecurityContext }).securityContext;
  if (podSc?.runAsNonRoot === true || sc?.runAsNonRoot === true) return true;
  if (Array.isArray(c.envFrom) && c.envFrom.length > 0) return true;
  return Array.isArray(c.env) && c.env.some((e) => !!(e as { valueFrom?: unknown } | undefined)?.valueFrom);
}

/**
 * The first reason the kubelet cannot create this container, or undefined when it can.
 *
 * @example
 * containerConfigError(rootPod, rootPod.spec.containers[0], none)?.message;
 * // 'container has runAsNonRoot and image will run as root (pod: "web_default(…)", container: app)'
 */
export function containerConfigError(
  pod: Pod,
  c: Container,
  objects: KubeletObjects,
): ContainerConfigError | undefined {
  if (!mayFail(pod, c)) return undefined;
  return runAsNonRoot(pod, c) ?? environment(pod, c, objects);
}
