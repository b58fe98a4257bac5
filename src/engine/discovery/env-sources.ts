/**
 * The non-Service sources of a container's environment as kubelet resolves them: `envFrom`
 * (ConfigMaps and Secrets, with an optional prefix) and `env[].valueFrom` (fieldRef, configMapKeyRef,
 * secretKeyRef). Values from these sources are never `$(VAR)`-expanded.
 */
import type { ClusterState } from '../cluster/state';
import type { Container, Pod } from '../k8s/objects';
import type { PodEnvVar } from './types';

interface RefSource {
  configMapRef?: { name?: string; optional?: boolean };
  secretRef?: { name?: string; optional?: boolean };
  prefix?: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 Secret data as UTF-8 (no Buffer/atob in the engine). */
export function decodeBase64(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i + 1 < clean.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => B64.indexOf(clean[i + k] ?? 'A'));
    const v = (n[0]! << 18) | (n[1]! << 12) | (Math.max(n[2]!, 0) << 6) | Math.max(n[3]!, 0);
    bytes.push((v >> 16) & 255);
    if (i + 2 < clean.length) bytes.push((v >> 8) & 255);
    if (i + 3 < clean.length) bytes.push(v & 255);
  }
  // UTF-8 through percent-decoding: the engine has no TextDecoder (no DOM lib).
  const pct = bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  try {
    return decodeURIComponent(pct);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

function configMapData(cluster: ClusterState, ns: string, name: string): Record<string, string> | undefined {
  const cm = cluster.configMaps.find((c) => c.metadata.namespace === ns && c.metadata.name === name);
  return cm ? { ...(cm.data ?? {}) } : undefined;
}

function secretData(cluster: ClusterState, ns: string, name: string): Record<string, string> | undefined {
  const s = cluster.secrets.find((c) => c.metadata.namespace === ns && c.metadata.name === name);
  if (!s) return undefined;
  // fromEntries and spread define own properties: a `__proto__` key is data like any other.
  const decoded = Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, decodeBase64(v)]));
  return { ...decoded, ...(s.stringData ?? {}) };
}

/** An env name kubelet accepts from envFrom (RelaxedEnvironmentVariableValidation: printable ASCII but '='). */
const ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

/**
 * The variables `envFrom` brings, in source order (a later source overrides an earlier one).
 *
 * @example
 * varsFromEnvFrom(cluster, pod, [{ configMapRef: { name: 'app' }, prefix: 'APP_' }]);
 * // [{ name: "APP_MODE", value: "prod", source: { kind: "container", detail: "envFrom[0] configMap app" } }]
 */
export function varsFromEnvFrom(cluster: ClusterState, pod: Pod, envFrom: unknown[]): PodEnvVar[] {
  const ns = pod.metadata.namespace ?? 'default';
  const out = new Map<string, PodEnvVar>();
  envFrom.forEach((raw, i) => {
    const src = (raw ?? {}) as RefSource;
    const ref = src.configMapRef ?? src.secretRef;
    if (!ref?.name) return;
    const kind = src.configMapRef ? 'configMap' : 'secret';
    const data =
      kind === 'configMap' ? configMapData(cluster, ns, ref.name) : secretData(cluster, ns, ref.name);
    for (const [k, v] of Object.entries(data ?? {})) {
      const name = `${src.prefix ?? ''}${k}`;
      if (!ENV_NAME.test(name)) continue;
      out.set(name, {
        name,
        value: v,
        source: { kind: 'container', detail: `envFrom[${i}] ${kind} ${ref.name}` },
      });
    }
  });
  return [...out.values()];
}

/** map[key] when the map has that key itself: a key is user input, and `constructor` is no data key. */
function own(map: Record<string, string | undefined> | undefined, key: string): string | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

interface ValueFrom {
  fieldRef?: { fieldPath?: string };
  configMapKeyRef?: { name?: string; key?: string };
  secretKeyRef?: { name?: string; key?: string };
  resourceFieldRef?: { resource?: string };
}

/**
 * The value of `env[].valueFrom` (the downward API fields kubelet supports, ConfigMap and Secret keys);
 * undefined when it cannot be resolved.
 *
 * @example
 * resolveValueFrom(cluster, pod, c, { fieldRef: { fieldPath: 'status.podIP' } }); // "10.244.1.5"
 */
export function resolveValueFrom(
  cluster: ClusterState,
  pod: Pod,
  _container: Container,
  raw: unknown,
): string | undefined {
  const vf = (raw ?? {}) as ValueFrom;
  const ns = pod.metadata.namespace ?? 'default';
  if (vf.fieldRef?.fieldPath) {
    const path = vf.fieldRef.fieldPath;
    const labelMatch = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (labelMatch) return own(pod.metadata[labelMatch[1] as 'labels' | 'annotations'], labelMatch[2]!);
    const spec = pod.spec as { serviceAccountName?: string; nodeName?: string };
    const fields: Record<string, string | undefined> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': ns,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': spec.nodeName,
      'spec.serviceAccountName': spec.serviceAccountName ?? 'default',
      'status.podIP': pod.status?.podIP,
      'status.hostIP': pod.status?.hostIP,
      'status.podIPs': (pod.status?.podIPs ?? []).map((p) => p.ip).join(',') || pod.status?.podIP,
      'status.hostIPs': (pod.status?.hostIPs ?? []).map((p) => p.ip).join(',') || pod.status?.hostIP,
    };
    return own(fields, path);
  }
  if (vf.configMapKeyRef?.name && vf.configMapKeyRef.key)
    return own(configMapData(cluster, ns, vf.configMapKeyRef.name), vf.configMapKeyRef.key);
  if (vf.secretKeyRef?.name && vf.secretKeyRef.key)
    return own(secretData(cluster, ns, vf.secretKeyRef.name), vf.secretKeyRef.key);
  return undefined;
}
