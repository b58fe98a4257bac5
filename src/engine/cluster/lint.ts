/**
 * Lints: things Kubernetes accepts but that break a student's Service (severity warning, source lint),
 * each pointing at the field in the YAML that causes it:
 * - a selector that matches no pod, saying which labels differ from the nearest pods;
 * - a targetPort no selected pod listens on / a named targetPort no selected container declares;
 * - the `service.beta.kubernetes.io/ipvs-scheduler` annotation, which nothing in Kubernetes reads;
 * - Endpoints / EndpointSlice addresses that are another Service's ClusterIP;
 * - a readiness probe aimed at a port the container does not listen on;
 * - hand-written Endpoints that the endpoints controller overwrites; unreadable `svclab.io/listen` values;
 * - pods the scheduler cannot place (scheduling-lint.ts).
 *
 * @example
 * lintCluster(cluster, { srcOf, probes, replacedEndpoints: [] });
 * // [{ severity: 'warning', source: 'lint', code: 'service.selector.noMatch', field: 'spec.selector', … }]
 */
import type { Diagnostic } from '../diagnostics';
import { msg, type Msg } from '../messages';
import { SERVICE_NAME_LABEL } from '../k8s/labels';
import type { KubeObject, Pod, Service } from '../k8s/objects';
import type { SourcedObject } from '../manifest/types';
import type { Endpoints } from '../k8s/objects';
import { objectDiagnostic } from './diag';
import { hasSelector } from './endpoints';
import { findPort } from './find-port';
import { acceptsOnPodIP, LISTEN_ANNOTATION, parseListenAnnotation, runningContainers } from './listen';
import { PodIndex } from './pod-index';
import { schedulingLints } from './scheduling-lint';
import { configErrorLints } from './config-lint';
import { containerConfigError } from './container-config';
import type { ProbeResult } from './readiness';
import { objectKey, type ClusterState } from './state';
import { templateOwners } from './template-owners';
import {
  addTopologyHints,
  HINTS_ENABLED,
  TOPOLOGY_AWARE_HINTS,
  TOPOLOGY_MODE,
  topologyHintsEnabled,
  zoneCpuRatios,
} from './topology-cache';
import { cloneJson } from '../manifest/clone';

export const IPVS_SCHEDULER_ANNOTATION = 'service.beta.kubernetes.io/ipvs-scheduler';

export interface LintContext {
  srcOf: (o: KubeObject) => SourcedObject | undefined;
  /** The pods indexed by namespace and label (the controllers' index, shared). */
  index?: PodIndex;
  probes: Map<string, Map<string, ProbeResult>>;
  replacedEndpoints: Endpoints[];
}

const fmtLabels = (l: Record<string, string>): string =>
  Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/**
 * All lints for a built cluster.
 *
 * @example
 * lintCluster(cluster, ctx).filter((d) => d.code === 'service.ipvsScheduler.annotation').length; // 1
 */
export function lintCluster(cluster: ClusterState, ctx: LintContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const index = ctx.index ?? new PodIndex(cluster.pods);
  const warn = (
    o: KubeObject,
    field: string | undefined,
    code: string,
    message: Msg,
    hint?: Msg,
    severity: 'warning' | 'info' = 'warning',
  ): void => {
    const src = ctx.srcOf(o);
    if (!src) return; // only the user's objects get lints
    out.push(
      objectDiagnostic(src, o, field, {
        severity,
        source: 'lint',
        code,
        message,
        ...(hint ? { hint } : {}),
      }),
    );
  };

  for (const svc of cluster.services) {
    if (svc.metadata.annotations?.[IPVS_SCHEDULER_ANNOTATION] !== undefined)
      warn(
        svc,
        `metadata.annotations[${IPVS_SCHEDULER_ANNOTATION}]`,
        'service.ipvsScheduler.annotation',
        msg('lint.ipvsScheduler', { annotation: IPVS_SCHEDULER_ANNOTATION }),
        msg('lint.ipvsScheduler.hint', { current: cluster.config.proxy.ipvsScheduler }),
      );
    if (!hasSelector(svc)) continue;
    lintTopologyHints(svc, cluster, warn);
    const ns = svc.metadata.namespace ?? 'default';
    const selector = svc.spec.selector!;
    const pods = index.select(ns, selector);
    if (pods.length === 0) {
      warn(
        svc,
        'spec.selector',
        'service.selector.noMatch',
        noMatchMessage(selector, index.inNamespace(ns), ns),
        msg('lint.selector.hint', {}),
      );
      continue;
    }
    lintTargetPorts(svc, pods, warn);
  }

  out.push(...schedulingLints(cluster, ctx.srcOf));
  out.push(
    ...configErrorLints(cluster, ctx.srcOf, (pod, name, list) => {
      const c = pod.spec[list]?.find((x) => x.name === name);
      return c ? containerConfigError(pod, c, cluster)?.field : undefined;
    }),
  );

  const clusterIPs = new Map<string, Service>();
  for (const s of cluster.services)
    if (s.spec.clusterIP && s.spec.clusterIP !== 'None') clusterIPs.set(s.spec.clusterIP, s);
  // One lookup per address; the rest only for an address that is a ClusterIP.
  const vipWarning = (o: KubeObject, field: string, ip: string, ownerName: string | undefined): void => {
    const other = clusterIPs.get(ip)!;
    if (other.metadata.namespace === o.metadata.namespace && other.metadata.name === ownerName) return;
    warn(
      o,
      field,
      'endpoints.address.clusterIP',
      msg('lint.endpoints.clusterIP', {
        ip,
        service: `${other.metadata.namespace}/${other.metadata.name}`,
      }),
      msg('lint.endpoints.clusterIP.hint', {}),
    );
  };
  for (const ep of cluster.endpoints) {
    const subsets = ep.subsets ?? [];
    for (let i = 0; i < subsets.length; i++) {
      const ready = subsets[i]!.addresses ?? [];
      for (let j = 0; j < ready.length; j++)
        if (clusterIPs.has(ready[j]!.ip))
          vipWarning(ep, `subsets[${i}].addresses[${j}].ip`, ready[j]!.ip, ep.metadata.name);
      const notReady = subsets[i]!.notReadyAddresses ?? [];
      for (let j = 0; j < notReady.length; j++)
        if (clusterIPs.has(notReady[j]!.ip))
          vipWarning(ep, `subsets[${i}].notReadyAddresses[${j}].ip`, notReady[j]!.ip, ep.metadata.name);
    }
  }
  for (const s of cluster.endpointSlices) {
    const eps = s.endpoints ?? [];
    for (let i = 0; i < eps.length; i++) {
      const addrs = eps[i]!.addresses;
      for (let j = 0; j < addrs.length; j++)
        if (clusterIPs.has(addrs[j]!))
          vipWarning(
            s,
            `endpoints[${i}].addresses[${j}]`,
            addrs[j]!,
            s.metadata.labels?.[SERVICE_NAME_LABEL] ?? '',
          );
    }
  }

  for (const ep of ctx.replacedEndpoints)
    warn(
      ep,
      'subsets',
      'endpoints.replaced',
      msg('lint.endpoints.replaced', { service: `${ep.metadata.namespace}/${ep.metadata.name}` }),
      msg('lint.endpoints.replaced.hint', {}),
    );

  lintPods(cluster, ctx, out);
  return out;
}

function noMatchMessage(selector: Record<string, string>, nsPods: Pod[], ns: string): Msg {
  const sel = fmtLabels(selector);
  if (nsPods.length === 0) return msg('lint.selector.noPodsInNamespace', { selector: sel, namespace: ns });
  let best: Pod[] = [];
  let bestScore = -1;
  for (const p of nsPods) {
    const score = Object.entries(selector).filter(([k, v]) => p.metadata.labels?.[k] === v).length;
    if (score > bestScore) {
      bestScore = score;
      best = [p];
    } else if (score === bestScore) best.push(p);
  }
  const p = best[0]!;
  const diffs = Object.entries(selector)
    .filter(([k, v]) => p.metadata.labels?.[k] !== v)
    .map(([k, v]) => {
      const have = p.metadata.labels?.[k];
      return have === undefined
        ? msg('lint.selector.missingLabel', { key: k, want: v })
        : msg('lint.selector.otherValue', { key: k, have, want: v });
    });
  return msg('lint.selector.nearest', {
    selector: sel,
    namespace: ns,
    pods: best.slice(0, 3).map((x) => x.metadata.name ?? ''),
    total: best.length,
    diffs,
  });
}

type Warn = (
  o: KubeObject,
  field: string | undefined,
  code: string,
  message: Msg,
  hint?: Msg,
  severity?: 'warning' | 'info',
) => void;

/**
 * One pod per way of listening among `pods`: what a pod listens on and which ports it declares depend only
 * on its containers, its init containers and its `svclab.io/listen` annotation, and the pods of one
 * template share those objects. Checking a Service's ports against these few pods instead of every pod
 * keeps the lint at Services × pods + Services × ports × templates (a 200 Services × 100 ports × 2,000
 * pods scene asked 40 million questions before).
 */
function distinctListeners(pods: Pod[]): Pod[] {
  const byContainers = new Map<unknown, Pod[]>();
  const out: Pod[] = [];
  for (const p of pods) {
    const key = p.spec.containers ?? p.spec;
    let seen = byContainers.get(key);
    if (!seen) byContainers.set(key, (seen = []));
    const listen = p.metadata.annotations?.[LISTEN_ANNOTATION];
    if (
      seen.some(
        (q) =>
          q.spec.initContainers === p.spec.initContainers &&
          q.metadata.annotations?.[LISTEN_ANNOTATION] === listen,
      )
    )
      continue;
    seen.push(p);
    out.push(p);
  }
  return out;
}

/**
 * topology-mode Auto: the Warning event TopologyAwareHintsDisabled the EndpointSlice controller records when
 * its topology cache refuses to hint (the same computation the controller ran, on a copy of the slices'
 * endpoints of each address type), the Normal event TopologyAwareHintsEnabled it records when it hints
 * (topologycache.AddHints: only when the Service had no hints in the cache, so once per Service: the first
 * address type hinted; a refusal for an address type empties the cache's entry, RemoveHints), and a
 * trafficDistribution that the annotation switches off.
 */
function lintTopologyHints(svc: Service, cluster: ClusterState, warn: Warn): void {
  if (!topologyHintsEnabled(svc)) return;
  const annotations = svc.metadata.annotations ?? {};
  const annotation = TOPOLOGY_AWARE_HINTS in annotations ? TOPOLOGY_AWARE_HINTS : TOPOLOGY_MODE;
  const td = svc.spec.trafficDistribution ?? '';
  if (td)
    warn(
      svc,
      'spec.trafficDistribution',
      'service.topologyHints.trafficDistribution',
      msg('lint.topologyHints.trafficDistribution', { trafficDistribution: td, annotation }),
    );
  const ns = svc.metadata.namespace ?? 'default';
  const slices = cluster.endpointSlices.filter(
    (s) =>
      (s.metadata.namespace ?? 'default') === ns &&
      s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name &&
      s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io',
  );
  const ratios = zoneCpuRatios(cluster.nodes);
  let populated = false; // the cache's hintsPopulatedByService entry for this Service
  for (const addressType of ['IPv4', 'IPv6'] as const) {
    const mine = slices.filter((s) => s.addressType === addressType);
    if (mine.length === 0) continue;
    const endpoints = cloneJson(mine.flatMap((s) => s.endpoints ?? []));
    const event = addTopologyHints(endpoints, ratios, addressType);
    if (!event) {
      if (!populated)
        warn(
          svc,
          `metadata.annotations[${annotation}]`,
          'service.topologyHints.enabled',
          msg('lint.topologyHints.enabled', { event: `${HINTS_ENABLED}, addressType: ${addressType}` }),
          undefined,
          'info',
        );
      populated = true;
      continue;
    }
    populated = false;
    warn(
      svc,
      `metadata.annotations[${annotation}]`,
      'service.topologyHints.disabled',
      msg('lint.topologyHints.disabled', { event: event.message }),
      msg('lint.topologyHints.disabled.hint', { trafficDistribution: td }),
    );
  }
}

function lintTargetPorts(svc: Service, selected: Pod[], warn: Warn): void {
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0) return;
  const pods = distinctListeners(selected);
  ports.forEach((sp, i) => {
    const protocol = sp.protocol ?? 'TCP';
    const target = sp.targetPort ?? sp.port;
    const field = sp.targetPort === undefined ? `spec.ports[${i}].port` : `spec.ports[${i}].targetPort`;
    if (typeof target === 'string') {
      if (pods.every((p) => findPort(p, sp) instanceof Error))
        warn(
          svc,
          field,
          'service.targetPort.nameNotFound',
          msg('lint.targetPort.nameNotFound', { target, protocol, port: sp.name || String(sp.port) }),
        );
      return;
    }
    if (pods.some((p) => acceptsOnPodIP(p, target, protocol))) return;
    const declared = [
      ...new Set(
        pods.flatMap((p) =>
          runningContainers(p).flatMap((c) =>
            (c.ports ?? []).map((x) => `${x.containerPort}/${x.protocol ?? 'TCP'}`),
          ),
        ),
      ),
    ];
    warn(
      svc,
      field,
      'service.targetPort.notListening',
      msg('lint.targetPort.notListening', {
        target,
        protocol,
        declared: declared.slice(0, 5),
        port: sp.port,
      }),
    );
  });
}

function lintPods(cluster: ClusterState, ctx: LintContext, out: Diagnostic[]): void {
  const seen = new Set<string>();
  const templateOwner = templateOwners(cluster);
  const once = (key: string): boolean => !seen.has(key) && (seen.add(key), true);
  // Only pods with something to say: a listen annotation, or a failing readiness probe.
  for (const pod of cluster.pods) {
    const listen = pod.metadata.annotations?.[LISTEN_ANNOTATION];
    if (listen === undefined) continue;
    const { obj, path } = templateOwner(pod);
    const src = ctx.srcOf(obj);
    if (!src || !once(`${objectKey(obj)}/listen`)) continue;
    const field = `${path === 'spec' ? 'metadata' : 'spec.template.metadata'}.annotations[${LISTEN_ANNOTATION}]`;
    for (const e of parseListenAnnotation(listen, pod).errors)
      out.push(
        objectDiagnostic(src, obj, field, {
          severity: 'warning',
          source: 'lint',
          code: 'pod.listen.invalid',
          message: msg('lint.listen.invalid', { annotation: LISTEN_ANNOTATION, error: e }),
        }),
      );
  }
  if (ctx.probes.size === 0) return;
  for (const pod of cluster.pods) {
    const probes = ctx.probes.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!probes) continue;
    const { obj, path } = templateOwner(pod);
    const src = ctx.srcOf(obj);
    if (!src) continue;
    (pod.spec.containers ?? []).forEach((c, i) => {
      const r = probes.get(c.name);
      if (!r || r.ready || r.port === undefined || !r.message?.includes('connection refused')) return;
      if (!once(`${objectKey(obj)}/${c.name}/probe`)) return;
      const target = c.readinessProbe?.httpGet ? 'httpGet' : 'tcpSocket';
      out.push(
        objectDiagnostic(src, obj, `${path}.containers[${i}].readinessProbe.${target}.port`, {
          severity: 'warning',
          source: 'lint',
          code: 'pod.readinessProbe.notListening',
          message: msg('lint.probe.notListening', {
            container: c.name,
            port: r.port,
            error: r.message ?? '',
          }),
          hint: msg('lint.probe.notListening.hint', {}),
        }),
      );
    });
  }
}
