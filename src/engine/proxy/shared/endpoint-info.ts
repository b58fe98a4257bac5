/**
 * kube-proxy's view of a Service port's endpoints, built from EndpointSlices the way its EndpointSliceCache
 * does: slices labelled `kubernetes.io/service-name`, the slice port whose name and protocol match the
 * Service port, conditions defaulted (ready nil → true, serving nil → ready, terminating nil → false),
 * duplicates merged, and the list sorted by "ip:port" so rules come out in a stable order.
 *
 * @example
 * endpointsFor(slices, sp, 'node-1').map((e) => e.endpoint); // ["10.180.0.1:80", "10.180.0.2:80"]
 */
import { SERVICE_NAME_LABEL } from '../../k8s/labels';
import type { EndpointSlice } from '../../k8s/objects';
import type { IPFamily } from '../../net/ip6';
import type { ServicePortInfo } from './service-port';

export interface EndpointInfo {
  ip: string; // "10.180.0.1"
  port: number; // 80
  endpoint: string; // "10.180.0.1:80" (IPv6: "[fd00:10:244:1::5]:80", net.JoinHostPort)
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  isLocal: boolean;
  nodeName?: string; // "node-1"
  zone?: string;
  zoneHints: string[];
  nodeHints: string[];
  pod?: string; // "ns1/web-abc12"
}

const NONE: string[] = [];

/**
 * Slices of one address type grouped by "ns/serviceName", so each Service port finds its slices without a
 * scan (each family's proxier reads only the slices of its family).
 */
export function slicesByService(
  slices: readonly EndpointSlice[],
  family: IPFamily = 'IPv4',
): Map<string, EndpointSlice[]> {
  const out = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (svc === undefined || s.addressType !== family) continue;
    const key = `${s.metadata.namespace ?? 'default'}/${svc}`;
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

const byEndpoint = (a: EndpointInfo, b: EndpointInfo): number =>
  a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0;

/** The endpoints of one Service port as seen from `nodeName`, sorted by "ip:port" (string order, as kube-proxy). */
export function endpointsFor(
  slices: readonly EndpointSlice[] | undefined,
  sp: ServicePortInfo,
  nodeName: string,
): EndpointInfo[] {
  if (!slices) return [];
  const out: EndpointInfo[] = [];
  for (const slice of slices) {
    let portNum = 0;
    for (const p of slice.ports ?? [])
      if ((p.name ?? '') === sp.portName && (p.protocol ?? 'TCP') === sp.protocol) {
        portNum = p.port ?? 0;
        break;
      }
    if (!portNum) continue;
    const suffix = `:${portNum}`;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (ip === undefined) continue;
      const v6 = ip.includes(':');
      const c = ep.conditions;
      const ready = c?.ready ?? true;
      const info: EndpointInfo = {
        ip,
        port: portNum,
        endpoint: v6 ? `[${ip}]${suffix}` : ip + suffix,
        ready,
        serving: c?.serving ?? ready,
        terminating: c?.terminating ?? false,
        isLocal: ep.nodeName !== undefined && ep.nodeName === nodeName,
        zoneHints: ep.hints?.forZones?.map((z) => z.name) ?? NONE,
        nodeHints: ep.hints?.forNodes?.map((n) => n.name) ?? NONE,
      };
      if (ep.nodeName !== undefined) info.nodeName = ep.nodeName;
      if (ep.zone !== undefined) info.zone = ep.zone;
      if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name)
        info.pod = `${ep.targetRef.namespace ?? slice.metadata.namespace ?? 'default'}/${ep.targetRef.name}`;
      out.push(info);
    }
  }
  // Sorted by "ip:port"; the sort is stable, so of duplicates (one address in two slices) the first stays.
  out.sort(byEndpoint);
  let n = 0;
  for (let i = 0; i < out.length; i++)
    if (n === 0 || out[i]!.endpoint !== out[n - 1]!.endpoint) out[n++] = out[i]!;
  out.length = n;
  return out;
}
