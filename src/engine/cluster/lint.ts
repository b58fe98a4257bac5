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
import type { ProbeResult } from './readiness';
import { objectKey, type ClusterState } from './state';
import { templateOwners } from './template-owners';

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
    message: string,
    hint?: string,
  ): void => {
    const src = ctx.srcOf(o);
    if (!src) return; // only the user's objects get lints
    out.push(
      objectDiagnostic(src, o, field, {
        severity: 'warning',
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
        `annotation ${IPVS_SCHEDULER_ANNOTATION} has no effect: no Kubernetes component reads it`,
        'The IPVS scheduler is a kube-proxy setting for the whole node (ipvs.scheduler in KubeProxyConfiguration, ' +
          `currently "${cluster.config.proxy.ipvsScheduler}"). Per-Service schedulers were proposed and rejected upstream (kubernetes/kubernetes PR #75556).`,
      );
    if (!hasSelector(svc)) continue;
    const ns = svc.metadata.namespace ?? 'default';
    const selector = svc.spec.selector!;
    const pods = index.select(ns, selector);
    if (pods.length === 0) {
      warn(
        svc,
        'spec.selector',
        'service.selector.noMatch',
        noMatchMessage(selector, index.inNamespace(ns), ns),
        'The Service gets no endpoints: connections to it are rejected.',
      );
      continue;
    }
    lintTargetPorts(svc, pods, warn);
  }

  out.push(...schedulingLints(cluster, ctx.srcOf));

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
      `${ip} is the ClusterIP of Service ${other.metadata.namespace}/${other.metadata.name}: endpoint IP addresses cannot be the cluster IPs of other Kubernetes Services, because kube-proxy doesn't support virtual IPs as a destination`,
      'Point the endpoints at pod or external IPs, or use an ExternalName Service to alias another Service.',
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
      `Service ${ep.metadata.namespace}/${ep.metadata.name} has a selector, so the endpoints controller owns this Endpoints object and replaces these subsets`,
      "Remove the Service's selector to manage its endpoints by hand.",
    );

  lintPods(cluster, ctx, out);
  return out;
}

function noMatchMessage(selector: Record<string, string>, nsPods: Pod[], ns: string): string {
  const sel = fmtLabels(selector);
  if (nsPods.length === 0) return `selector ${sel} matches no pod: namespace ${ns} has no pods`;
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
    .map(([k, v]) =>
      p.metadata.labels?.[k] === undefined
        ? `no label ${k} (want ${k}=${v})`
        : `${k}=${p.metadata.labels[k]} instead of ${k}=${v}`,
    );
  const names =
    best
      .slice(0, 3)
      .map((x) => x.metadata.name)
      .join(', ') + (best.length > 3 ? ` and ${best.length - 3} more` : '');
  return `selector ${sel} matches no pod in namespace ${ns}; the nearest pods (${names}) have ${diffs.join(', ')}`;
}

type Warn = (o: KubeObject, field: string | undefined, code: string, message: string, hint?: string) => void;

function lintTargetPorts(svc: Service, pods: Pod[], warn: Warn): void {
  (svc.spec.ports ?? []).forEach((sp, i) => {
    const protocol = sp.protocol ?? 'TCP';
    const target = sp.targetPort ?? sp.port;
    const field = sp.targetPort === undefined ? `spec.ports[${i}].port` : `spec.ports[${i}].targetPort`;
    if (typeof target === 'string') {
      if (pods.every((p) => findPort(p, sp) instanceof Error))
        warn(
          svc,
          field,
          'service.targetPort.nameNotFound',
          `named targetPort ${target} is not the name of any ${protocol} containerPort of the selected pods; they are left out of the Service's endpoints for port ${sp.name || sp.port}`,
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
      `targetPort ${target}/${protocol}: no selected pod listens on it${declared.length ? ` (their containers declare ${declared.slice(0, 5).join(', ')})` : ' (their containers declare no ports)'}; connections through port ${sp.port} will be refused`,
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
          message: `${LISTEN_ANNOTATION}: ${e}`,
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
          message: `readiness probe of container ${c.name} aims at port ${r.port}, where nothing in the pod listens on the pod IP: the pod never becomes Ready (Readiness probe failed: ${r.message})`,
          hint: 'The kubelet probes the pod IP, so a port bound only to 127.0.0.1 fails too. Probe a port the app listens on.',
        }),
      );
    });
  }
}
