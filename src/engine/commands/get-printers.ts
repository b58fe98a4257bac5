/**
 * kubectl's table printers (staging/src/k8s.io/kubectl + pkg/printers/internalversion/printers.go) for the
 * resources svclab simulates: the same columns, the same `<none>` / `<pending>` / `<unset>` placeholders,
 * PORT(S) as `80:30080/TCP`, ENDPOINTS as `10.244.1.5:8080,… + 2 more...`, and AGE from the simulated clock.
 *
 * @example
 * PRINTERS.Service.row(svc, { wide: false, now: 0 }); // ["web", "ClusterIP", "10.96.12.34", "<none>", "80/TCP", "0s"]
 */
import type {
  ConfigMap,
  Deployment,
  EndpointSlice,
  Endpoints,
  Ingress,
  IngressClass,
  IPAddress,
  KubeObject,
  LoadBalancerIngress,
  Node,
  Pod,
  PriorityClass,
  ReplicaSet,
  Secret,
  Service,
  ServiceCIDR,
} from '../k8s/objects';
import { humanDuration, parseTimestamp } from '../cluster/time';

export interface PrintOptions {
  wide: boolean;
  /** Simulated clock, seconds. */
  now: number;
}

export interface Printer<T extends KubeObject = KubeObject> {
  columns: string[];
  wideColumns: string[];
  row(obj: T, o: PrintOptions): string[];
  wideRow(obj: T, o: PrintOptions): string[];
}

export function age(obj: KubeObject, now: number): string {
  const t = obj.metadata.creationTimestamp ? parseTimestamp(obj.metadata.creationTimestamp) : undefined;
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/** listWithMoreString: up to 3 items, then " + N more...". */
function withMore(list: string[], empty: string, max = 3): string {
  if (list.length > max) return `${list.slice(0, max).join(',')} + ${list.length - max} more...`;
  const ret = list.join(',');
  return ret === '' ? empty : ret;
}

/** labels.FormatLabels / a selector's String(): "k=v,k2=v2" sorted by key, or "<none>". */
export function formatLabels(l: Record<string, string> | undefined): string {
  const keys = Object.keys(l ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${l![k]}`).join(',') : '<none>';
}

function lbStatus(ingress: LoadBalancerIngress[] | undefined, wide: boolean): string {
  const r = (ingress ?? [])
    .map((i) => i.ip || i.hostname || '')
    .filter((s) => s !== '')
    .join(',');
  return !wide && r.length > 16 ? `${r.slice(0, 13)}...` : r;
}

function serviceExternalIP(svc: Service, wide: boolean): string {
  const ext = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = lbStatus(svc.status?.loadBalancer?.ingress, wide);
      if (ext.length) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
  return '<unknown>';
}

function servicePorts(svc: Service): string {
  const ports = (svc.spec.ports ?? []).map((p) =>
    p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
  );
  return ports.length ? ports.join(',') : '<none>';
}

/** formatEndpoints: ready addresses × ports, up to 3, then " + N more...". */
export function formatEndpoints(ep: Endpoints): string {
  if (!ep.subsets?.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of ep.subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(a.ip);
      continue;
    }
    for (const p of ss.ports) {
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(`${a.ip}:${p.port}`);
    }
  }
  const ret = list.join(',');
  return count > 3 ? `${ret} + ${count - 3} more...` : ret;
}

interface PrintedContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  state?: {
    running?: unknown;
    waiting?: { reason?: string };
    terminated?: { reason?: string; exitCode?: number; signal?: number };
  };
}

/** A status list from the pod (a dump may hold anything: only objects are read). */
const statusList = (v: unknown): PrintedContainerStatus[] =>
  Array.isArray(v) ? v.filter((x): x is PrintedContainerStatus => x !== null && typeof x === 'object') : [];

/**
 * READY and STATUS as kubectl's printPod computes them: sidecars (init containers with restartPolicy
 * Always) count in the total, and in READY once started and ready; an init container that has not
 * completed makes the status Init:N/M (or Init:<reason>); then the app containers, last first, give their
 * waiting or terminated reason; Terminating for a deleted pod that has not finished.
 */
function podStatus(p: Pod): { ready: string; status: string } {
  const st = (p.status ?? {}) as Record<string, unknown>;
  const inits = p.spec.initContainers ?? [];
  const sidecars = new Set(inits.filter((c) => c?.restartPolicy === 'Always').map((c) => c.name));
  const total = (p.spec.containers?.length ?? 0) + sidecars.size;
  let ready = 0;
  let reason: string = (st.reason as string) || p.status?.phase || '';
  const conds = (Array.isArray(p.status?.conditions) ? p.status.conditions : []).filter((c) => c != null);
  if (conds.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
    reason = 'SchedulingGated';
  let initializing = false;
  const initStatuses = statusList(st.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (sidecars.has(c.name ?? '') && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (t) {
      // Initialization failed.
      reason = t.reason
        ? `Init:${t.reason}`
        : t.signal
          ? `Init:Signal:${t.signal}`
          : `Init:ExitCode:${t.exitCode ?? 0}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing')
      reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${inits.length}`;
    initializing = true;
    break;
  }
  const initialized = conds.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    let hasRunning = false;
    const statuses = statusList(st.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      const t = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
      else if (c.ready && c.state?.running != null) {
        hasRunning = true;
        ready++;
      }
    }
    // At least one container still running: the pod is Running (or NotReady), not Completed.
    if (reason === 'Completed' && hasRunning)
      reason = conds.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  const phase = p.status?.phase;
  if (p.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (p.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';
  return { ready: `${ready}/${total}`, status: reason };
}

export function containersAndImages(t: {
  spec: { containers?: { name: string; image?: string }[] };
}): string[] {
  const cs = t.spec.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

const ingressHosts = (ing: Ingress): string =>
  withMore(
    (ing.spec.rules ?? []).map((r) => r.host ?? '').filter((h) => h !== ''),
    '*',
  );

/** Erases the object type of a printer so that printers of several kinds share one table. */
export const erase = <T extends KubeObject>(p: Printer<T>): Printer => p as unknown as Printer;

export const PRINTERS: Record<string, Printer> = {
  Pod: erase({
    columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (p: Pod, o) => {
      const s = podStatus(p);
      return [p.metadata.name ?? '', s.ready, s.status, '0', age(p, o.now)];
    },
    wideRow: (p: Pod) => [p.status?.podIP || '<none>', p.spec.nodeName || '<none>', '<none>', '<none>'],
  }),
  Service: erase({
    columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideColumns: ['SELECTOR'],
    row: (s: Service, o) => [
      s.metadata.name ?? '',
      s.spec.type ?? 'ClusterIP',
      s.spec.clusterIP || '<none>',
      serviceExternalIP(s, o.wide),
      servicePorts(s),
      age(s, o.now),
    ],
    wideRow: (s: Service) => [formatLabels(s.spec.selector)],
  }),
  Endpoints: erase({
    columns: ['NAME', 'ENDPOINTS', 'AGE'],
    wideColumns: [],
    row: (e: Endpoints, o) => [e.metadata.name ?? '', formatEndpoints(e), age(e, o.now)],
    wideRow: () => [],
  }),
  EndpointSlice: erase({
    columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wideColumns: [],
    row: (s: EndpointSlice, o) => [
      s.metadata.name ?? '',
      s.addressType,
      withMore(
        (s.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))),
        '<unset>',
      ),
      withMore(
        (s.endpoints ?? []).flatMap((e) => e.addresses),
        '<unset>',
      ),
      age(s, o.now),
    ],
    wideRow: () => [],
  }),
  Ingress: erase({
    columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wideColumns: [],
    row: (i: Ingress, o) => [
      i.metadata.name ?? '',
      i.spec.ingressClassName ?? '<none>',
      ingressHosts(i),
      lbStatus(i.status?.loadBalancer?.ingress, o.wide),
      i.spec.tls?.length ? '80, 443' : '80',
      age(i, o.now),
    ],
    wideRow: () => [],
  }),
  Node: erase({
    columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (n: Node, o) => {
      const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      const roles = Object.keys(n.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length))
        .concat(n.metadata.labels?.['kubernetes.io/role'] ? [n.metadata.labels['kubernetes.io/role']] : [])
        .filter((r) => r !== '')
        .sort();
      const info = ((n.status as Record<string, unknown> | undefined)?.nodeInfo ?? {}) as Record<
        string,
        string
      >;
      return [
        n.metadata.name ?? '',
        (ready ? 'Ready' : 'NotReady') + (n.spec?.unschedulable ? ',SchedulingDisabled' : ''),
        roles.length ? roles.join(',') : '<none>',
        age(n, o.now),
        info.kubeletVersion ?? '',
      ];
    },
    wideRow: (n: Node) => {
      const info = ((n.status as Record<string, unknown> | undefined)?.nodeInfo ?? {}) as Record<
        string,
        string
      >;
      const addr = (t: string): string => n.status?.addresses?.find((a) => a.type === t)?.address ?? '<none>';
      return [
        addr('InternalIP'),
        addr('ExternalIP'),
        info.osImage ?? '<unknown>',
        info.kernelVersion ?? '<unknown>',
        info.containerRuntimeVersion ?? '<unknown>',
      ];
    },
  }),
  Deployment: erase({
    columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (d: Deployment, o) => {
      const st = ((d as KubeObject).status ?? {}) as Record<string, number>;
      return [
        d.metadata.name ?? '',
        `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
        String(st.updatedReplicas ?? 0),
        String(st.availableReplicas ?? 0),
        age(d, o.now),
      ];
    },
    wideRow: (d: Deployment) => [
      ...containersAndImages(d.spec.template),
      formatLabels(d.spec.selector?.matchLabels),
    ],
  }),
  ReplicaSet: erase({
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (r: ReplicaSet, o) => {
      const st = ((r as KubeObject).status ?? {}) as Record<string, number>;
      return [
        r.metadata.name ?? '',
        String(r.spec.replicas ?? 1),
        String(st.replicas ?? 0),
        String(st.readyReplicas ?? 0),
        age(r, o.now),
      ];
    },
    wideRow: (r: ReplicaSet) => [
      ...containersAndImages(r.spec.template),
      formatLabels(r.spec.selector?.matchLabels),
    ],
  }),
  Namespace: erase({
    columns: ['NAME', 'STATUS', 'AGE'],
    wideColumns: [],
    row: (n: KubeObject, o) => [n.metadata.name ?? '', 'Active', age(n, o.now)],
    wideRow: () => [],
  }),
  IngressClass: erase({
    columns: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    wideColumns: [],
    row: (c: IngressClass, o) => [c.metadata.name ?? '', c.spec?.controller ?? '', '<none>', age(c, o.now)],
    wideRow: () => [],
  }),
  // printServiceCIDR: the CIDRs joined with commas.
  ServiceCIDR: erase({
    columns: ['NAME', 'CIDRS', 'AGE'],
    wideColumns: [],
    row: (c: ServiceCIDR, o) => [c.metadata.name ?? '', (c.spec?.cidrs ?? []).join(','), age(c, o.now)],
    wideRow: () => [],
  }),
  // printIPAddress: the parentRef as lower-case group-resource/namespace/name. Its table has no AGE
  // column (the printer's third cell has no column definition, so kubectl never shows it).
  IPAddress: erase({
    columns: ['NAME', 'PARENTREF'],
    wideColumns: [],
    row: (a: IPAddress) => {
      const ref = a.spec.parentRef;
      const gr = (ref.group ? `${ref.resource}.${ref.group}` : ref.resource).toLowerCase();
      return [a.metadata.name ?? '', `${gr}${ref.namespace ? `/${ref.namespace}` : ''}/${ref.name}`];
    },
    wideRow: () => [],
  }),
  // printPriorityClass: the value, globalDefault as Go prints a bool, and the policy ('' when unset).
  PriorityClass: erase({
    columns: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
    wideColumns: [],
    row: (c: PriorityClass, o) => [
      c.metadata.name ?? '',
      String(c.value ?? 0),
      String(c.globalDefault === true),
      age(c, o.now),
      c.preemptionPolicy ?? '',
    ],
    wideRow: () => [],
  }),
  ConfigMap: erase({
    columns: ['NAME', 'DATA', 'AGE'],
    wideColumns: [],
    row: (c: ConfigMap, o) => [
      c.metadata.name ?? '',
      String(
        Object.keys(c.data ?? {}).length + Object.keys((c.binaryData as object | undefined) ?? {}).length,
      ),
      age(c, o.now),
    ],
    wideRow: () => [],
  }),
  Secret: erase({
    columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wideColumns: [],
    row: (s: Secret, o) => [
      s.metadata.name ?? '',
      s.type ?? 'Opaque',
      String(Object.keys({ ...s.data, ...s.stringData }).length),
      age(s, o.now),
    ],
    wideRow: () => [],
  }),
};

/**
 * Aligns rows like Go's tabwriter as kubectl configures it (minwidth 6, padding 3): every column but
 * the last is padded to its widest cell plus 3 spaces.
 *
 * @example
 * tabulate([['NAME', 'AGE'], ['web', '5s']]); // "NAME   AGE\nweb    5s\n"
 */
export function tabulate(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((c, i) => {
      if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, Math.max(c.length + 3, 6));
    });
  return rows
    .map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('') + '\n')
    .join('');
}
