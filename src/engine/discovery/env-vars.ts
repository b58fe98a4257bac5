/**
 * The environment kubelet gives a container (pkg/kubelet/envvars/envvars.go, kubelet_pods.go
 * `getServiceEnvVarMap` / `makeEnvironmentVariables`): the container's own envFrom/env first, with
 * `$(VAR)` expansion that may reference service variables, then the Service variables that no container
 * variable shadows. Services are those of the pod's namespace (when enableServiceLinks) plus
 * `default/kubernetes`, that have a ClusterIP and that existed when the pod was created.
 */
import type { ClusterState } from '../cluster/state';
import type { Container, EnvVar, Pod, Service } from '../k8s/objects';
import { creationIndex, type CreationIndex } from './creation-index';
import { existsAtStart } from './creation-order';
import { expandVars } from './expansion';
import { resolveValueFrom, varsFromEnvFrom } from './env-sources';
import type { PodEnvVar } from './types';
import { msg, type Msg } from '../messages';
import { joinHostPort } from '../net/ip6';
import { byCodeUnits } from '../util/compare';

/** kubelet's `makeEnvVariableName`: upper-case, '-' → '_' (nothing else in v1). */
export function envVarName(name: string): string {
  return name.replaceAll('-', '_').toUpperCase();
}

/** `v1helper.IsServiceIPSet`: a ClusterIP that is neither "" nor "None". */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/**
 * kubelet's `FromServices`: the variables for these Services, in kubelet's order per Service.
 *
 * @example
 * fromServices([fooBar]).map((v) => v.name);
 * // ["FOO_BAR_SERVICE_HOST", "FOO_BAR_SERVICE_PORT", "FOO_BAR_PORT", "FOO_BAR_PORT_8080_TCP", …]
 */
export function fromServices(services: Service[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const svc of services) {
    if (!isServiceIPSet(svc)) continue;
    const name = envVarName(svc.metadata.name ?? '');
    const ip = svc.spec.clusterIP!;
    const ports = svc.spec.ports ?? [];
    out.push({ name: `${name}_SERVICE_HOST`, value: ip });
    if (ports[0]) out.push({ name: `${name}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const p of ports) {
      if (p.name) out.push({ name: `${name}_SERVICE_PORT_${envVarName(p.name)}`, value: String(p.port) });
    }
    ports.forEach((p, i) => {
      const proto = p.protocol ?? 'TCP';
      const url = `${proto.toLowerCase()}://${joinHostPort(ip, p.port)}`;
      const prefix = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
      if (i === 0) out.push({ name: `${name}_PORT`, value: url });
      out.push(
        { name: prefix, value: url },
        { name: `${prefix}_PROTO`, value: proto.toLowerCase() },
        { name: `${prefix}_PORT`, value: String(p.port) },
        { name: `${prefix}_ADDR`, value: ip },
      );
    });
  }
  return out;
}

/** `enableServiceLinks` defaults to true (`SetDefaults_PodSpec`). */
export function serviceLinksEnabled(pod: Pod): boolean {
  return pod.spec.enableServiceLinks !== false;
}

/**
 * kubelet's `getServiceEnvVarMap` plus svclab's time rule: the Services whose variables the pod gets.
 * Keyed by Service name only, as kubelet does, so a namespace's own `kubernetes` replaces `default/kubernetes`.
 *
 * @example
 * serviceEnvServices(cluster, pod).map((s) => s.metadata.name); // ["db", "kubernetes"]
 */
export function serviceEnvServices(cluster: ClusterState, pod: Pod, index?: CreationIndex): Service[] {
  const ix = index ?? creationIndex(cluster);
  const ns = pod.metadata.namespace ?? 'default';
  const podApply = ix.apply(pod);
  const eligible = (svc: Service | undefined): svc is Service =>
    !!svc && isServiceIPSet(svc) && existsAtStart(ix.apply(svc), podApply);
  const map = new Map<string, Service>();
  const kubernetes = ix.service('default', 'kubernetes');
  if (eligible(kubernetes)) map.set('kubernetes', kubernetes);
  if (serviceLinksEnabled(pod)) {
    for (const svc of ix.services(ns)) {
      if (ns === 'default' && svc === kubernetes) continue;
      if (eligible(svc)) map.set(svc.metadata.name ?? '', svc);
    }
  }
  return [...map.values()].sort((a, b) => byCodeUnits(a.metadata.name ?? '', b.metadata.name ?? ''));
}

function containerOf(pod: Pod, containerName?: string): Container | undefined {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  return containerName ? all.find((c) => c.name === containerName) : pod.spec.containers[0];
}

/**
 * The variables kubelet sets for one container (first container by default), each with its source.
 * Container variables come first (declaration order); Service variables follow, grouped by Service name
 * (kubelet's own order there comes from a Go map and is not defined: compare as sets).
 *
 * @example
 * podEnvironment(cluster, pod).find((v) => v.name === 'DB_SERVICE_HOST');
 * // { name: "DB_SERVICE_HOST", value: "10.96.0.42", source: { kind: "service", service: "default/db" } }
 */
export function podEnvironment(
  cluster: ClusterState,
  pod: Pod,
  containerName?: string,
  index?: CreationIndex,
): PodEnvVar[] {
  const serviceVars = new Map<string, PodEnvVar>();
  for (const svc of serviceEnvServices(cluster, pod, index)) {
    const service = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
    for (const v of fromServices([svc]))
      serviceVars.set(v.name, { ...v, source: { kind: 'service', service } });
  }
  const container = containerOf(pod, containerName);
  const declared = containerVariables(cluster, pod, container, (name) => serviceVars.get(name)?.value);
  const out = [...declared.values()];
  for (const [name, v] of serviceVars) if (!declared.has(name)) out.push(v);
  return out;
}

/**
 * The variables a container declares (envFrom, then env in order, a later one replacing an earlier one of
 * the same name), with `$(VAR)` in env values expanded against the earlier ones and then `serviceValue`.
 *
 * @example
 * containerVariables(cluster, pod, c, (n) => (n === 'DB_SERVICE_HOST' ? '10.96.0.42' : undefined)).get('DB_URL');
 * // { name: "DB_URL", value: "postgres://10.96.0.42/app", source: { kind: "container", detail: "env[0]" } }
 */
export function containerVariables(
  cluster: ClusterState,
  pod: Pod,
  container: Container | undefined,
  serviceValue: (name: string) => string | undefined,
): Map<string, PodEnvVar> {
  const declared = new Map<string, PodEnvVar>();
  for (const v of varsFromEnvFrom(cluster, pod, container?.envFrom ?? [])) declared.set(v.name, v);
  (container?.env ?? []).forEach((e: EnvVar, i) => {
    let value: string;
    if (e.valueFrom !== undefined) value = resolveValueFrom(cluster, pod, container!, e.valueFrom) ?? '';
    else value = expandVars(e.value ?? '', (name) => declared.get(name)?.value ?? serviceValue(name));
    declared.set(e.name, { name: e.name, value, source: { kind: 'container', detail: `env[${i}]` } });
  });
  return declared;
}

/** Why a same-namespace Service contributes no variables to a pod. */
export type MissingReason =
  'created-later' | 'headless' | 'external-name' | 'no-cluster-ip' | 'service-links-disabled';

export interface MissingServiceEnv {
  service: string; // "default/db"
  reason: MissingReason;
  variable: string; // "DB_SERVICE_HOST"
  message: Msg;
}

/**
 * The Services in the pod's namespace that give it no variables, and why, in a sentence a student reads.
 *
 * @example
 * render(missingServiceEnv(cluster, webPod)[0].message, 'en');
 * // "Service db was created after pod web, and kubelet only injects Services that exist when a pod starts: …"
 */
export function missingServiceEnv(
  cluster: ClusterState,
  pod: Pod,
  index?: CreationIndex,
): MissingServiceEnv[] {
  const ix = index ?? creationIndex(cluster);
  const ns = pod.metadata.namespace ?? 'default';
  const out: MissingServiceEnv[] = [];
  for (const svc of ix.services(ns)) {
    const m = serviceMissingEnv(ix, pod, svc);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Why one Service of the pod's namespace gives it no variables (undefined when it gives them, and for
 * `default/kubernetes`, which every pod gets).
 *
 * @example
 * serviceMissingEnv(creationIndex(cluster), webPod, db)?.reason; // "created-later"
 */
export function serviceMissingEnv(ix: CreationIndex, pod: Pod, svc: Service): MissingServiceEnv | undefined {
  const ns = svc.metadata.namespace ?? 'default';
  const podName = pod.metadata.name ?? '';
  const name = svc.metadata.name ?? '';
  if (ns === 'default' && name === 'kubernetes') return undefined;
  const variable = `${envVarName(name)}_SERVICE_HOST`;
  const service = `${ns}/${name}`;
  const why = (reason: MissingReason, message: Msg) => ({ service, reason, variable, message });
  if (svc.spec.type === 'ExternalName') {
    return why(
      'external-name',
      msg('lint.env.missing.externalName', {
        service: name,
        variable,
        target: svc.spec.externalName ?? '?',
      }),
    );
  } else if (svc.spec.clusterIP === 'None') {
    return why('headless', msg('lint.env.missing.headless', { service: name, variable }));
  } else if (!isServiceIPSet(svc)) {
    return why('no-cluster-ip', msg('lint.env.missing.noClusterIp', { service: name, variable }));
  } else if (!serviceLinksEnabled(pod)) {
    return why(
      'service-links-disabled',
      msg('lint.env.missing.linksDisabled', { pod: podName, namespace: ns, variable }),
    );
  } else if (!existsAtStart(ix.apply(svc), ix.apply(pod))) {
    return why(
      'created-later',
      msg('lint.env.missing.createdLater', { service: name, pod: podName, variable }),
    );
  }
  return undefined;
}
